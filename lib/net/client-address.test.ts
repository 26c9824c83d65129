import { describe, expect, it } from "vitest";
import { clientAddressOf, parseTrustedProxies } from "./client-address";

describe("clientAddressOf", () => {
  const none = parseTrustedProxies(undefined);
  const proxies = parseTrustedProxies("10.0.0.0/8, 127.0.0.1, ::1");

  it("is the connection's peer when no proxy is trusted, whatever X-Forwarded-For claims", () => {
    expect(clientAddressOf("203.0.113.9", "198.51.100.1", none)).toBe("203.0.113.9");
    expect(clientAddressOf("::ffff:203.0.113.9", undefined, none)).toBe("203.0.113.9");
  });

  it("walks X-Forwarded-For from the right while the hops are trusted proxies", () => {
    expect(clientAddressOf("127.0.0.1", "198.51.100.1, 203.0.113.9, 10.1.2.3", proxies)).toBe("203.0.113.9");
    expect(clientAddressOf("::1", ["198.51.100.1", "10.0.0.5"], proxies)).toBe("198.51.100.1");
    // A client's own forged entries sit left of the first untrusted hop: never reached.
    expect(clientAddressOf("10.0.0.2", "1.1.1.1, 203.0.113.9", proxies)).toBe("203.0.113.9");
  });

  it("stops at a proxy that passed on something that is not an address", () => {
    expect(clientAddressOf("10.0.0.2", "not-an-address", proxies)).toBe("10.0.0.2");
    expect(clientAddressOf(undefined, undefined, none)).toBe("unknown");
  });
});

describe("parseTrustedProxies", () => {
  it("names the entry that is not an address or range", () => {
    expect(() => parseTrustedProxies("10.0.0.0/8, proxy.internal")).toThrow('"proxy.internal" is not an IP address or CIDR range');
    expect(() => parseTrustedProxies("10.0.0.0/33")).toThrow(/10\.0\.0\.0\/33/);
  });
});
