import { z } from "zod";
import { databaseOutage } from "@/lib/db/availability";
import { fieldErrorsOf, nulCharacterErrors } from "@/lib/errors";
import { parseFormBody, parseJsonBody, readBodyText } from "./body";
import { HttpError, responseForError } from "./errors";
import { withNoStore } from "./no-store";

/** The request as a guard sees it. A guard that verifies a signature over the body reads it here, once for everyone. */
export interface Incoming {
  request: Request;
  /** The raw body, read at most once and no further than the route's `maxBytes`. */
  text(): Promise<string>;
}

/** How a caller proves itself: who it is, or the answer that refuses it. */
export type Guard<Caller> = (incoming: Incoming) => Promise<{ caller: Caller } | { refusal: Response }>;

/** No proof asked, for endpoints public by contract; the route says why. */
export const anyone: Guard<null> = async () => ({ caller: null });

type BodySpec = { json: z.ZodType } | { form: z.ZodType };

export interface RouteSpec {
  /** Required: there is no default, so a route without a guard does not compile. */
  auth: Guard<unknown>;
  /** The path's dynamic segments, e.g. `idParams`. */
  params?: z.ZodType;
  /** The search parameters, as name → value (a repeated name keeps its last value). */
  query?: z.ZodType;
  body?: BodySpec;
  /** The largest body read, in bytes; 1 MB unless given. */
  maxBytes?: number;
  /** The 400's message when params, query or body break a rule; "Invalid request" unless given. */
  invalid?: string;
}

type Parsed<T> = T extends z.ZodType ? z.output<T> : undefined;

export interface RouteInput<S extends RouteSpec> {
  request: Request;
  caller: S["auth"] extends Guard<infer Caller> ? Caller : never;
  params: S extends { params: infer P } ? Parsed<P> : undefined;
  query: S extends { query: infer Q } ? Parsed<Q> : undefined;
  body: S extends { body: { json: infer B } } ? Parsed<B> : S extends { body: { form: infer B } } ? Parsed<B> : undefined;
}

/** What Next.js calls (and the fast lane, with no context). */
export type RouteHandler = (request: Request, context?: { params: Promise<unknown> }) => Promise<Response>;

const DEFAULT_MAX_BYTES = 1024 * 1024;

/** An id in the path, the shape of most routes' params. */
export const idParams = z.object({ id: z.uuid("must be a UUID") });

function parse<T extends z.ZodType>(schema: T, input: unknown, invalid: string): z.output<T> {
  const nul = nulCharacterErrors(input);
  if (Object.keys(nul).length > 0) throw new HttpError(400, invalid, nul);
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw new HttpError(400, invalid, fieldErrorsOf(parsed.error));
  return parsed.data;
}

async function parseBody(spec: BodySpec, incoming: Incoming, invalid: string): Promise<unknown> {
  const text = await incoming.text();
  return "json" in spec ? parse(spec.json, parseJsonBody(text), invalid) : parse(spec.form, parseFormBody(text), invalid);
}

/**
 * One route handler: the guard admits the caller (or answers the refusal), params, query and body
 * are parsed with their schemas (400 naming each field and its rule), the handler runs, and every
 * failure is answered by `responseForError`. A handler returns a Response, or a value answered as
 * JSON with 200. Nothing is cached.
 */
export function defineRoute<S extends RouteSpec>(spec: S, handle: (input: RouteInput<S>) => Promise<Response | object>): RouteHandler {
  const maxBytes = spec.maxBytes ?? DEFAULT_MAX_BYTES;
  const invalid = spec.invalid ?? "Invalid request";

  async function answer(request: Request, context: { params: Promise<unknown> } | undefined): Promise<Response> {
    let body: Promise<string> | undefined;
    const incoming: Incoming = { request, text: () => (body ??= readBodyText(request, maxBytes)) };
    const admission = await spec.auth(incoming);
    if ("refusal" in admission) return admission.refusal;

    const input = {
      request,
      caller: admission.caller,
      params: spec.params && parse(spec.params, (await context?.params) ?? {}, invalid),
      query: spec.query && parse(spec.query, Object.fromEntries(new URL(request.url).searchParams), invalid),
      body: spec.body && (await parseBody(spec.body, incoming, invalid)),
    } as RouteInput<S>;
    const result = await handle(input);
    return result instanceof Response ? result : Response.json(result);
  }

  return async (request, context) => {
    try {
      const response = withNoStore(await answer(request, context));
      databaseOutage.recovered();
      return response;
    } catch (error) {
      return withNoStore(responseForError(error, request));
    }
  };
}
