import { z } from "zod";
import { parseTrustedProxies } from "./net/client-address";

// The only reader of process.env. Everything else asks this module.

const booleanFlag = z
  .enum(["true", "false", "1", "0", "yes", "no"])
  .transform((value) => value === "true" || value === "1" || value === "yes");

const port = z.coerce.number().int().min(1).max(65535);

const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "must be a postgres:// or postgresql:// URL")
    .optional(),
  PORT: port.default(3000),
  HOST: z.string().min(1).default("127.0.0.1"),
  PUBLIC_URL: z.url().optional(),
  AUTH_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
  DATA_DIR: z.string().min(1).default(".data"),
  EMBEDDED_PG_PORT: port.default(54329),
  FIREBREAK_DEMO: booleanFlag.optional(),
  FIREBREAK_DEMO_HISTORY: booleanFlag.default(true),
  WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(100).default(10),
  // Alertmanager posts one web process works on at once; beyond it they are answered 503 with Retry-After at once.
  WEBHOOK_MAX_IN_FLIGHT: z.coerce.number().int().min(1).max(10_000).default(64),
  SIGN_IN_MAX_FAILURES: z.coerce.number().int().min(1).default(5),
  SIGN_IN_WINDOW_MINUTES: z.coerce.number().int().min(1).default(15),
  PLAYWRIGHT_CHROMIUM_PATH: z.string().optional(),
  // Paging providers. Without them pages go to the in-app dev outbox.
  TWILIO_ACCOUNT_SID: z.string().regex(/^AC[0-9a-fA-F]{32}$/, "must be a Twilio account SID (AC followed by 32 hex digits)").optional(),
  TWILIO_AUTH_TOKEN: z.string().min(1).optional(),
  TWILIO_FROM: z.string().regex(/^\+[1-9][0-9]{6,14}$/, "must be a phone number in E.164 form, e.g. +15005550006").optional(),
  TWILIO_API_URL: z.url().optional(),
  SENDGRID_API_KEY: z.string().min(1).optional(),
  SENDGRID_FROM: z.email("must be an email address").optional(),
  SENDGRID_API_URL: z.url().optional(),
  // Requests open at once at each provider, for the whole account (every worker process takes a share):
  // Twilio refuses more than its account's concurrency, 100 unless raised; SendGrid publishes none.
  TWILIO_CONCURRENCY: z.coerce.number().int().min(1).max(10_000).default(100),
  SENDGRID_CONCURRENCY: z.coerce.number().int().min(1).max(10_000).default(100),
  // With DATABASE_URL, a channel without its provider is refused at start unless this is set:
  // its pages then go to the in-app dev outbox and reach nobody.
  ALLOW_DEV_OUTBOX: booleanFlag.default(false),
  // The "Verification Key" of SendGrid's signed event webhook (base64 public key).
  SENDGRID_WEBHOOK_PUBLIC_KEY: z.string().min(1).optional(),
  // The demo's JSON-RPC responder; the demo runbooks ask the plan's port, 8545.
  DEMO_RPC_PORT: port.default(8545),
  PAGE_LINK_TTL_HOURS: z.coerce.number().int().min(1).max(720).default(24),
  // SQL targets of runbook checks, "name=postgres://…" pairs (parsed by lib/runbooks/databases.ts).
  RUNBOOK_DATABASES: z
    .string()
    .regex(
      /^\s*[a-z][a-z0-9_-]*=postgres(ql)?:\/\/[^,\s]+\s*(,\s*[a-z][a-z0-9_-]*=postgres(ql)?:\/\/[^,\s]+\s*)*$/,
      'must be comma-separated name=postgres://… pairs, e.g. "chain=postgres://reader:secret@db:5432/chain" (encode a "," in a password as %2C)',
    )
    .optional(),
  // Bearer token Prometheus presents to /api/metrics; unset leaves the endpoint open (private network only).
  METRICS_TOKEN: z.string().min(16, "must be at least 16 characters").optional(),
  // Proxies in front of Firebreak whose X-Forwarded-For is believed (lib/http/client-address.ts).
  TRUSTED_PROXIES: z
    .string()
    .refine((value) => {
      try {
        parseTrustedProxies(value);
        return true;
      } catch {
        return false;
      }
    }, 'must be comma-separated IP addresses or CIDR ranges, e.g. "10.0.0.0/8, 127.0.0.1"')
    .optional(),
})
  .superRefine((value, context) => {
    // A provider is either configured completely or not at all.
    const groups = {
      Twilio: ["TWILIO_ACCOUNT_SID", "TWILIO_AUTH_TOKEN", "TWILIO_FROM"],
      SendGrid: ["SENDGRID_API_KEY", "SENDGRID_FROM"],
    } as const;
    for (const [provider, names] of Object.entries(groups)) {
      const set = names.filter((name) => value[name] !== undefined);
      if (set.length === 0 || set.length === names.length) continue;
      for (const name of names.filter((name) => value[name] === undefined)) {
        context.addIssue({ code: "custom", path: [name], message: `is required when ${set.join(", ")} ${set.length === 1 ? "is" : "are"} set (${provider} needs all of ${names.join(", ")})` });
      }
    }
  });

export type Env = z.infer<typeof envSchema>;

export class EnvError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "EnvError";
  }
}

export function parseEnv(source: Record<string, string | undefined>): Env {
  // An empty variable means "unset", as in most twelve-factor tools.
  const present = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== ""));
  const result = envSchema.safeParse(present);
  if (!result.success) {
    throw new EnvError(result.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`));
  }
  return result.data;
}

let cached: Env | undefined;

export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

/** Settings a running web server or worker cannot do without. */
export function requireSetting<K extends "DATABASE_URL" | "AUTH_SECRET">(name: K): NonNullable<Env[K]> {
  const value = env()[name];
  if (!value) {
    throw new EnvError([`${name}: is required; set ${name} in the environment`]);
  }
  return value as NonNullable<Env[K]>;
}

/** Records a setting this process derived itself (the embedded demo's generated AUTH_SECRET). */
export function provideSetting<K extends "AUTH_SECRET" | "DATABASE_URL" | "RUNBOOK_DATABASES">(name: K, value: NonNullable<Env[K]>): void {
  env()[name] = value;
}

/**
 * What keeps a production start (DATABASE_URL set) from paging anyone for real: a provider without
 * PUBLIC_URL (its links would point at localhost, and Twilio's signatures, computed over the public
 * URL, would never match), or a channel with no provider at all, unless the operator allows the
 * dev outbox. Empty when there is nothing to say; the embedded demo is exempt.
 */
export function deliveryProblems(settings: Env): string[] {
  if (!settings.DATABASE_URL) return [];
  const twilio = settings.TWILIO_ACCOUNT_SID !== undefined;
  const sendgrid = settings.SENDGRID_API_KEY !== undefined;
  const problems: string[] = [];
  if ((twilio || sendgrid) && !settings.PUBLIC_URL) {
    problems.push("PUBLIC_URL: is required next to a paging provider: the links in pages and Twilio's webhook signatures use the address people and Twilio reach");
  }
  if (!settings.ALLOW_DEV_OUTBOX) {
    if (!twilio) problems.push("TWILIO_ACCOUNT_SID: SMS has no provider, so nobody would be paged by SMS; configure Twilio, or set ALLOW_DEV_OUTBOX=true to keep SMS pages in the dev outbox");
    if (!sendgrid) problems.push("SENDGRID_API_KEY: email has no provider, so nobody would be paged by email; configure SendGrid, or set ALLOW_DEV_OUTBOX=true to keep email pages in the dev outbox");
  }
  return problems;
}

export function publicUrl(): string {
  const { PUBLIC_URL, PORT } = env();
  return (PUBLIC_URL ?? `http://localhost:${PORT}`).replace(/\/$/, "");
}

/** Environment for a child process: the parent's, plus settings the parent derived. */
export function childEnvironment(extra: Record<string, string>): NodeJS.ProcessEnv {
  return { ...process.env, ...extra };
}

/** Which provider each channel pages through: "outbox" means the in-app dev outbox, which reaches nobody. */
export interface ChannelProviders {
  sms: "twilio" | "outbox";
  email: "sendgrid" | "outbox";
}

/** From the settings alone (a provider's settings are all present or all absent): health checks and the app shell ask it. */
export function channelProviders(): ChannelProviders {
  const settings = env();
  return { sms: settings.TWILIO_ACCOUNT_SID ? "twilio" : "outbox", email: settings.SENDGRID_API_KEY ? "sendgrid" : "outbox" };
}
