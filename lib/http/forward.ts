import { Agent, request as httpRequest, type IncomingMessage, type ServerResponse } from "node:http";
import { BlockList } from "node:net";
import { CLIENT_ADDRESS_HEADER, clientAddressOf } from "@/lib/net/client-address";
import { closesConnection } from "./fast-lane";

// The web process's front hands every request the fast lane does not serve to Next.js, which runs
// in a process of its own on a loopback port: a plain HTTP relay, streaming both ways (the live
// event stream included), with the headers Next.js would have set from the client's own connection.

// Headers about one connection, not the message (RFC 9110 §7.6.1): each hop sets its own.
const HOP_BY_HOP = new Set(["connection", "keep-alive", "proxy-connection", "te", "trailer", "transfer-encoding", "upgrade"]);

/** Node's raw header list ([name, value, name, value, …]) without the hop-by-hop headers. */
function endToEnd(raw: string[]): string[] {
  const kept: string[] = [];
  for (let index = 0; index < raw.length; index += 2) {
    if (!HOP_BY_HOP.has(raw[index]!.toLowerCase())) kept.push(raw[index]!, raw[index + 1]!);
  }
  return kept;
}

export interface Forwarder {
  forward(request: IncomingMessage, response: ServerResponse): void;
  close(): void;
}

export function createForwarder(target: { host: string; port: number }, publicPort: number, trustedProxies = new BlockList()): Forwarder {
  const agent = new Agent({ keepAlive: true, maxSockets: 256 });
  return {
    forward(request, response) {
      const headers = { ...request.headers };
      for (const name of HOP_BY_HOP) delete headers[name];
      // Who the client is, worked out here where the connection is known; a client's own claim under that name is dropped.
      headers[CLIENT_ADDRESS_HEADER] = clientAddressOf(request.socket.remoteAddress, request.headers["x-forwarded-for"], trustedProxies);
      // What Next.js sets itself when absent, from the connection it sees: here the client's, not ours.
      headers["x-forwarded-for"] ??= request.socket.remoteAddress ?? "";
      headers["x-forwarded-host"] ??= request.headers.host ?? `localhost:${publicPort}`;
      headers["x-forwarded-port"] ??= String(publicPort);
      headers["x-forwarded-proto"] ??= "http";
      const upstream = httpRequest({ host: target.host, port: target.port, method: request.method, path: request.url, headers, agent }, (answer) => {
        const status = answer.statusCode ?? 502;
        response.writeHead(status, closesConnection(request, status) ? [...endToEnd(answer.rawHeaders), "connection", "close"] : endToEnd(answer.rawHeaders));
        response.flushHeaders();
        answer.pipe(response);
        answer.once("error", () => response.destroy());
      });
      upstream.once("error", (error) => {
        if (!response.headersSent) {
          response.writeHead(502, { "content-type": "application/json", "cache-control": "no-store" });
          response.end(JSON.stringify({ error: "The web server is starting or restarting; try again" }));
        } else response.destroy(error);
      });
      // A client that goes away (a closed tab's event stream) ends the request upstream too.
      response.once("close", () => {
        if (!response.writableFinished) upstream.destroy();
      });
      request.pipe(upstream);
    },
    close: () => agent.destroy(),
  };
}
