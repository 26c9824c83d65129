import { describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { DomainError } from "@/lib/errors";
import { HttpError } from "./errors";
import { anyone, defineRoute, idParams, type Guard } from "./route";

const ID = "0b5e8a9e-2f4e-4a47-9d1e-6f3c1a2b3c4d";

const post = (body: string, headers: Record<string, string> = {}) => new Request("http://firebreak.test/api/things?limit=5", { method: "POST", body, headers });
const context = (params: Record<string, string>) => ({ params: Promise.resolve(params) });

describe("defineRoute", () => {
  it("answers a guard's refusal as it is, without running the handler", async () => {
    const handler = vi.fn(async () => ({ ran: true }));
    const refuse: Guard<never> = async () => ({ refusal: Response.json({ error: "Go away" }, { status: 403, headers: { "www-authenticate": "Bearer" } }) });

    const response = await defineRoute({ auth: refuse }, handler)(post("{}"));

    expect(response.status).toBe(403);
    expect(response.headers.get("www-authenticate")).toBe("Bearer");
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(handler).not.toHaveBeenCalled();
  });

  it("hands the handler the caller and the parsed params, query and body, and answers its value as JSON", async () => {
    const guard: Guard<{ name: string }> = async () => ({ caller: { name: "backup-db" } });
    const route = defineRoute(
      { auth: guard, params: idParams, query: z.object({ limit: z.coerce.number() }), body: { json: z.object({ size: z.number() }) } },
      async ({ caller, params, query, body }) => ({ caller: caller.name, id: params.id, limit: query.limit, size: body.size }),
    );

    const response = await route(post(JSON.stringify({ size: 7 })), context({ id: ID }));

    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(await response.json()).toEqual({ caller: "backup-db", id: ID, limit: 5, size: 7 });
  });

  it("refuses input that breaks a rule with 400 naming the field and the rule", async () => {
    const route = defineRoute({ auth: anyone, params: idParams, body: { json: z.object({ size: z.number("must be a number") }) }, invalid: "Invalid thing" }, async () => ({}));

    const badId = await route(post("{}"), context({ id: "42" }));
    expect(badId.status).toBe(400);
    expect(await badId.json()).toEqual({ error: "Invalid thing", fieldErrors: { id: ["must be a UUID"] } });

    const badBody = await route(post(JSON.stringify({ size: "big" })), context({ id: ID }));
    expect(await badBody.json()).toEqual({ error: "Invalid thing", fieldErrors: { size: ["must be a number"] } });

    const malformed = await route(post("{ size"), context({ id: ID }));
    expect(malformed.status).toBe(400);
    expect(await malformed.json()).toMatchObject({ error: "Malformed JSON", fieldErrors: { body: [expect.stringMatching(/^the body must be JSON: /)] } });
  });

  it("refuses a body over maxBytes with 413", async () => {
    const route = defineRoute({ auth: anyone, body: { json: z.unknown() }, maxBytes: 10 }, async () => ({}));
    const response = await route(post(JSON.stringify({ padding: "xxxxxxxx" })));
    expect(response.status).toBe(413);
    expect(await response.json()).toEqual({ error: "Request body too large", fieldErrors: { body: ["the body must be at most 10 bytes"] } });
  });

  it("reads the body once for a guard that verifies it and for the form it parses", async () => {
    const signed: Guard<null> = async (incoming) => ((await incoming.text()).includes("Body=ACK") ? { caller: null } : { refusal: new Response(null, { status: 403 }) });
    const route = defineRoute({ auth: signed, body: { form: z.object({ Body: z.string() }) } }, async ({ body }) => ({ body: body.Body }));

    const response = await route(post("From=%2B15551230003&Body=ACK+4821"));

    expect(await response.json()).toEqual({ body: "ACK 4821" });
  });

  it("answers a domain rule 422, an HttpError its status, with the message and fields", async () => {
    const failing = (error: Error) => defineRoute({ auth: anyone }, async () => Promise.reject(error));

    const domain = await failing(new DomainError("Some fields need attention.", { severityId: ["Choose a severity"] }))(post(""));
    expect(domain.status).toBe(422);
    expect(await domain.json()).toEqual({ error: "Some fields need attention.", fieldErrors: { severityId: ["Choose a severity"] } });

    const missing = await failing(new HttpError(404, "That incident does not exist."))(post(""));
    expect(missing.status).toBe(404);
    expect(missing.headers.get("cache-control")).toBe("no-store");
    expect(await missing.json()).toEqual({ error: "That incident does not exist." });
  });

  it("answers a database that is away 503 with Retry-After, and anything else 500 without its message", async () => {
    const failing = (error: Error) => defineRoute({ auth: anyone }, async () => Promise.reject(error));
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});

    const away = await failing(Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" }))(post(""));
    expect(away.status).toBe(503);
    expect(away.headers.get("retry-after")).toBe("5");
    expect(away.headers.get("cache-control")).toBe("no-store");

    const broken = await failing(new Error("secret detail"))(post(""));
    expect(broken.status).toBe(500);
    expect(await broken.text()).not.toContain("secret detail");
    expect(logged).toHaveBeenCalledWith("[http] POST /api/things failed", expect.any(Error));
    warn.mockRestore();
    logged.mockRestore();
  });

  it("keeps a cache-control the handler chose", async () => {
    const route = defineRoute({ auth: anyone }, async () => new Response("data: hello\n\n", { headers: { "cache-control": "no-cache, no-transform" } }));
    expect((await route(post(""))).headers.get("cache-control")).toBe("no-cache, no-transform");
  });
});
