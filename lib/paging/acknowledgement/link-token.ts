import { createHmac, timingSafeEqual } from "node:crypto";
import { env, publicUrl, requireSetting } from "@/lib/env";

// The acknowledge link in an email: the page id and an expiry, signed with a key derived from
// AUTH_SECRET. It proves the holder received that page; single use is enforced by the page row.

const PURPOSE = "firebreak page acknowledge link v1";

function signature(payload: string): Buffer {
  const key = createHmac("sha256", requireSetting("AUTH_SECRET")).update(PURPOSE).digest();
  return createHmac("sha256", key).update(payload).digest();
}

export function linkExpiry(queuedAt: Date): Date {
  return new Date(queuedAt.getTime() + env().PAGE_LINK_TTL_HOURS * 3_600_000);
}

export function signPageLink(pageId: string, expiresAt: Date): string {
  const payload = `${pageId}.${Math.floor(expiresAt.getTime() / 1000)}`;
  return `${Buffer.from(payload).toString("base64url")}.${signature(payload).toString("base64url")}`;
}

export type LinkCheck = { ok: true; pageId: string; expiresAt: Date } | { ok: false; reason: "invalid" | "expired"; expiresAt?: Date };

export function verifyPageLink(token: string, now = new Date()): LinkCheck {
  const [encoded, signed, extra] = token.split(".");
  if (!encoded || !signed || extra !== undefined) return { ok: false, reason: "invalid" };
  const payload = Buffer.from(encoded, "base64url").toString();
  const expected = signature(payload);
  const given = Buffer.from(signed, "base64url");
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: "invalid" };
  const match = /^([0-9a-f-]{36})\.(\d+)$/.exec(payload);
  if (!match) return { ok: false, reason: "invalid" };
  const expiresAt = new Date(Number(match[2]) * 1000);
  if (now >= expiresAt) return { ok: false, reason: "expired", expiresAt };
  return { ok: true, pageId: match[1]!, expiresAt };
}

export function pageLinkUrl(token: string): string {
  return `${publicUrl()}/ack/${token}`;
}
