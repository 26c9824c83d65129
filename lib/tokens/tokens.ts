import type { Actor, SystemActor } from "@/lib/timeline/actor";
import { recordAudit } from "@/lib/timeline/audit";
import type { Db, Tx } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { DomainError } from "@/lib/errors";
import type { NewToken } from "./schemas";
import { generateToken } from "./secret";
import { forgetTokens } from "./authenticate";

// API tokens for automation (backup scripts, Alertmanager, Prometheus). The secret is shown
// once, at creation; the database keeps its sha256 and its first characters.

const summaryFields = {
  id: true,
  name: true,
  prefix: true,
  scopes: true,
  createdAt: true,
  lastUsedAt: true,
  revokedAt: true,
  createdBy: { select: { name: true, email: true } },
} as const;

export interface TokenSummary {
  id: string;
  name: string;
  prefix: string;
  scopes: string[];
  createdAt: Date;
  /** Who created it; null for the CLI or a deleted user. */
  createdBy: string | null;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

const liveFirst: Prisma.ApiTokenOrderByWithRelationInput[] = [{ revokedAt: { sort: "desc", nulls: "first" } }, { createdAt: "desc" }];

type Row = Omit<TokenSummary, "createdBy"> & { createdBy: { name: string; email: string } | null };

const summary = ({ createdBy, ...row }: Row): TokenSummary => ({ ...row, createdBy: createdBy ? `${createdBy.name} (${createdBy.email})` : null });

// Names are unique among live tokens only, which no index can say: creations take turns.
const lockNames = (tx: Tx) => tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('firebreak.api_token.name'))`;

/** Returns the token in plaintext: the only time anyone sees it. */
export async function createToken(db: Db, input: NewToken, actor: Actor | SystemActor): Promise<{ token: string; summary: TokenSummary }> {
  const secret = generateToken();
  return db.$transaction(async (tx) => {
    await lockNames(tx);
    if (await tx.apiToken.findFirst({ where: { name: input.name, revokedAt: null }, select: { id: true } })) {
      const message = `A token named "${input.name}" already exists: revoke it first or choose another name.`;
      throw new DomainError(message, { name: [message] });
    }
    const created = await tx.apiToken.create({
      data: { name: input.name, prefix: secret.prefix, hash: secret.hash, scopes: input.scopes, createdById: actor.id },
      select: summaryFields,
    });
    await recordAudit(tx, {
      actor,
      action: "token.created",
      targetType: "api_token",
      targetId: created.id,
      data: { reference: created.name, prefix: created.prefix, scopes: created.scopes },
    });
    return { token: secret.token, summary: summary(created) };
  });
}

/** Live tokens first, newest first. */
export async function listTokens(db: Db): Promise<TokenSummary[]> {
  const rows = await db.apiToken.findMany({
    select: summaryFields,
    orderBy: liveFirst,
  });
  return rows.map(summary);
}

/** Revoking a revoked token changes nothing. By name, the live token of that name is meant. */
export async function revokeToken(db: Db, target: { id: string } | { name: string }, actor: Actor | SystemActor): Promise<TokenSummary> {
  const revoked = await db.$transaction(async (tx) => {
    const where = "id" in target ? { id: target.id } : { name: target.name };
    const token = await tx.apiToken.findFirst({
      where,
      select: summaryFields,
      orderBy: liveFirst,
    });
    if (!token) throw new DomainError("id" in target ? "That token does not exist." : `No token is named "${target.name}".`);
    // Conditional, so two revocations at once audit one.
    const { count } = await tx.apiToken.updateMany({ where: { id: token.id, revokedAt: null }, data: { revokedAt: new Date() } });
    if (count === 1) {
      await recordAudit(tx, {
        actor,
        action: "token.revoked",
        targetType: "api_token",
        targetId: token.id,
        data: { reference: token.name, prefix: token.prefix },
      });
    }
    return summary(await tx.apiToken.findUniqueOrThrow({ where: { id: token.id }, select: summaryFields }));
  });
  forgetTokens();
  return revoked;
}
