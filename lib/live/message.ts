import { z } from "zod";

// What the live stream carries, on both sides of it: the server checks each NOTIFY payload against
// this and the browser each message it hears.

/** A committed change: the topic of what changed and, for a record, its id. */
export const changeSchema = z.discriminatedUnion("topic", [
  z.object({ topic: z.literal("incident"), id: z.uuid() }),
  z.object({ topic: z.literal("settings") }),
  z.object({ topic: z.literal("run"), id: z.uuid() }),
  z.object({ topic: z.literal("postmortem"), id: z.uuid() }),
  z.object({ topic: z.literal("backups") }),
]);

export type Change = z.infer<typeof changeSchema>;

/**
 * A change; "you may have missed changes: reload everything" after the connection was lost; or
 * "the number of live workers changed", from the web process's own watch (worker-watch.ts).
 */
export const liveMessageSchema = z.union([changeSchema, z.object({ topic: z.literal("resync") }), z.object({ topic: z.literal("workers") })]);

export type LiveMessage = z.infer<typeof liveMessageSchema>;

/** The message in a JSON text, or null when it is none. Unknown keys are dropped. */
export function parseMessage<T>(schema: z.ZodType<T>, text: string | undefined): T | null {
  let json: unknown;
  try {
    json = JSON.parse(text ?? "");
  } catch {
    return null;
  }
  const parsed = schema.safeParse(json);
  return parsed.success ? parsed.data : null;
}

/**
 * How far apart two servers' clocks, and a page's reads and the time it took, may be: a change heard
 * this long before a page's data was read is still taken as one it may have missed. Getting one
 * twice costs a fetch; missing one leaves a page behind.
 */
export const CLOCK_MARGIN_MS = 2_000;

/** A message as the stream sends it: a change goes with when the server heard it (its clock, ms). */
export const streamMessageSchema = z.intersection(liveMessageSchema, z.object({ at: z.number().optional() }));
