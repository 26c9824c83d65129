import { env, type Env } from "@/lib/env";
import { parseRunbookDatabases } from "./databases";

const REDACTED = "[redacted]";
/** Shorter values would blank out ordinary words. */
const MIN_SECRET_LENGTH = 6;

/** Replaces every occurrence of each secret (6 characters or more) with [redacted], longest first. */
export function secretRedactor(values: string[]): (text: string) => string {
  const secrets = [...new Set(values)].filter((value) => value.length >= MIN_SECRET_LENGTH).sort((a, b) => b.length - a.length);
  if (secrets.length === 0) return (text) => text;
  const pattern = new RegExp(secrets.map((secret) => secret.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|"), "g");
  return (text) => text.replace(pattern, REDACTED);
}

/** A URL's password as written (percent-encoded) and as a program would print it. */
function urlPasswords(url: string | undefined): string[] {
  try {
    const password = url ? new URL(url).password : "";
    return password ? [password, decodeURIComponent(password)] : [];
  } catch {
    return [];
  }
}

/** Firebreak's own sensitive settings: what runbook output must never show. */
export function firebreakSecrets(settings: Env = env()): string[] {
  const databaseUrls = [settings.DATABASE_URL, ...Object.values(parseRunbookDatabases(settings.RUNBOOK_DATABASES))];
  const secrets = [settings.AUTH_SECRET, settings.TWILIO_AUTH_TOKEN, settings.SENDGRID_API_KEY, settings.METRICS_TOKEN, ...databaseUrls.flatMap(urlPasswords)];
  return [...new Set(secrets.filter((value): value is string => Boolean(value)))];
}
