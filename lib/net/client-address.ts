import { BlockList, isIP } from "node:net";

// Who is on the other end of a request. The web process's front (scripts/web-server.ts) works it out
// from the connection and passes it to Next.js in CLIENT_ADDRESS_HEADER, replacing whatever the
// client sent under that name. X-Forwarded-For is believed only as far back as the hops are trusted
// proxies (TRUSTED_PROXIES): a client can write anything in it, so behind no proxy it is ignored.
// This module imports nothing of the application: the front loads it before anything else.

export const CLIENT_ADDRESS_HEADER = "x-firebreak-client-address";

/** An IPv4 address written in IPv6 form (::ffff:10.0.0.1) as plain IPv4. */
const plain = (address: string) => (address.startsWith("::ffff:") && isIP(address.slice(7)) === 4 ? address.slice(7) : address);

/**
 * TRUSTED_PROXIES: comma-separated addresses or CIDR ranges ("10.0.0.0/8, ::1"). Throws naming the
 * entry that is neither.
 */
export function parseTrustedProxies(value: string | undefined): BlockList {
  const list = new BlockList();
  for (const entry of (value ?? "").split(",").map((item) => item.trim()).filter(Boolean)) {
    const [address = "", prefix] = entry.split("/");
    const family = isIP(address);
    const bits = prefix === undefined ? undefined : Number(prefix);
    if (family === 0 || (bits !== undefined && (!Number.isInteger(bits) || bits < 0 || bits > (family === 4 ? 32 : 128)))) {
      throw new Error(`"${entry}" is not an IP address or CIDR range`);
    }
    const type = family === 4 ? "ipv4" : "ipv6";
    if (bits === undefined) list.addAddress(address, type);
    else list.addSubnet(address, bits, type);
  }
  return list;
}

function trusted(proxies: BlockList, address: string): boolean {
  const family = isIP(address);
  return family !== 0 && proxies.check(address, family === 4 ? "ipv4" : "ipv6");
}

/**
 * The client's address: the connection's peer, or, while that peer is a trusted proxy, the hop it
 * says it got the request from (X-Forwarded-For read from the right).
 */
export function clientAddressOf(peer: string | undefined, forwardedFor: string | string[] | undefined, proxies: BlockList): string {
  let address = plain(peer ?? "");
  const hops = [forwardedFor ?? []]
    .flat()
    .flatMap((header) => header.split(","))
    .map((hop) => plain(hop.trim()))
    .filter(Boolean);
  // A hop that is not an address ends the walk at the proxy that passed it on.
  while (trusted(proxies, address) && hops.length > 0 && isIP(hops.at(-1)!) !== 0) address = hops.pop()!;
  return address || "unknown";
}
