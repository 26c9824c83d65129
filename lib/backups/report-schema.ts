import { z } from "zod";

// What a backup script sends to POST /api/backups. Each message names the field and its rule,
// because the reader is someone looking at a curl error in a cron log.

export const BACKUP_KINDS = ["database", "chain_data", "monitoring", "offsite"] as const;

const MAX_FUTURE_MS = 5 * 60_000;
const MAX_BIGINT = 9_223_372_036_854_775_807n;

const rule = (field: string, expected: string) => ({
  error: (issue: { input: unknown }) => (issue.input === undefined ? `${field} is required` : `${field} must be ${expected}`),
});

const text = (field: string, max: number) =>
  z
    .string(rule(field, "text"))
    .trim()
    .min(1, `${field} must not be empty`)
    .max(max, `${field} must be at most ${max} characters`);

const flag = (field: string) => z.boolean(rule(field, "true or false"));

const instant = (field: string) =>
  z.iso
    .datetime({ offset: true, ...rule(field, "an ISO 8601 time with a time zone, e.g. 2026-11-26T03:00:00Z or 2026-11-26T04:00:00+01:00") })
    .transform((value) => new Date(value));

// A number, or digits in a string (what `stat -c %s` prints), so sizes beyond 2^53 bytes survive.
const SIZE_RULE = "sizeBytes must be a whole number of bytes, 0 or more";
const sizeBytes = z
  .union(
    [
      z
        .number()
        .int({ error: (issue) => (issue.code === "too_big" ? "sizeBytes above 2^53 must be sent as a string of digits" : SIZE_RULE) })
        .min(0, SIZE_RULE),
      z.string().trim().regex(/^\d{1,19}$/, SIZE_RULE),
    ],
    rule("sizeBytes", "a whole number of bytes, 0 or more"),
  )
  .transform((value) => BigInt(value))
  .refine((value) => value <= MAX_BIGINT, "sizeBytes is too large");

export const backupReportSchema = z
  .object(
    {
      system: text("system", 100),
      kind: z.preprocess(
        (value) => (value === "chain-data" ? "chain_data" : value),
        z.enum(BACKUP_KINDS, rule("kind", "one of database, chain_data (or chain-data), monitoring, offsite")),
      ),
      status: z.enum(["succeeded", "failed"], "status must be succeeded or failed").default("succeeded"),
      location: text("location", 1000),
      sizeBytes,
      checksum: text("checksum", 200).regex(
        /^(?:[a-z0-9-]+:)?[0-9a-fA-F]+$/,
        "checksum must be hex digits, optionally after the algorithm, e.g. sha256:9f86d08…",
      ),
      startedAt: instant("startedAt"),
      finishedAt: instant("finishedAt"),
      encrypted: flag("encrypted"),
      verified: flag("verified"),
    },
    "the body must be a JSON object",
  )
  .superRefine(({ startedAt, finishedAt }, context) => {
    // Runs even when a time failed its format (zod continues past format issues): compare only real dates.
    if (!(finishedAt instanceof Date)) return;
    if (startedAt instanceof Date && finishedAt < startedAt) {
      context.addIssue({ code: "custom", path: ["finishedAt"], message: "finishedAt must not be before startedAt" });
    }
    if (finishedAt.getTime() > Date.now() + MAX_FUTURE_MS) {
      context.addIssue({ code: "custom", path: ["finishedAt"], message: "finishedAt must not be more than 5 minutes in the future (check the clock)" });
    }
  });
