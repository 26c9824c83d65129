import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { hashPassword } from "@/lib/auth/password";
import type { Role } from "@/lib/auth/roles";
import { e2eDataDir, e2ePostgresPort } from "./environment";

// Direct access to the e2e server's embedded PostgreSQL, for arranging and checking state.
// Only ever the local, throw-away database that `playwright test` starts with --fresh.

const LOCAL_HOSTS = new Set(["127.0.0.1", "localhost", "::1", "[::1]"]);

/** The e2e database's URL; the password is the one the server wrote when it started. */
export function e2eDatabaseUrl(): string {
  const passwordFile = path.join(e2eDataDir, "postgres-password");
  let password: string;
  try {
    password = readFileSync(passwordFile, "utf8").trim();
  } catch {
    throw new Error(`${passwordFile} is missing: the e2e database is started by \`npx playwright test\` (webServer).`);
  }
  return `postgresql://postgres:${encodeURIComponent(password)}@127.0.0.1:${e2ePostgresPort}/firebreak`;
}

/** Throws unless the URL points at this machine: tests write to the database they are given. */
export function assertLocalDatabase(url: string): void {
  const { hostname } = new URL(url);
  if (!LOCAL_HOSTS.has(hostname)) {
    throw new Error(`Refusing to run e2e tests against a non-local database (host "${hostname}").`);
  }
}

export interface TestUser {
  id: string;
  email: string;
  name: string;
  role: Role;
  password: string;
}

export interface TableCounts {
  severityLevels: number;
  teams: number;
  contacts: number;
  teamMembers: number;
  drillSchedules: number;
}

export class TestDatabase {
  private constructor(private readonly pool: pg.Pool) {}

  static connect(url = e2eDatabaseUrl()): TestDatabase {
    assertLocalDatabase(url);
    return new TestDatabase(new pg.Pool({ connectionString: url, max: 3 }));
  }

  async close(): Promise<void> {
    await this.pool.end();
  }

  async query<R extends pg.QueryResultRow>(text: string, values: unknown[] = []): Promise<R[]> {
    return (await this.pool.query<R>(text, values)).rows;
  }

  async createUser(user: { email: string; name: string; role: Role; password: string }): Promise<TestUser> {
    const passwordHash = await hashPassword(user.password);
    const [row] = await this.query<{ id: string }>(
      `INSERT INTO "User" (id, email, name, role, "passwordHash", "createdAt", "updatedAt")
       VALUES ($1, $2, $3, $4::"Role", $5, now(), now()) RETURNING id`,
      [randomUUID(), user.email.toLowerCase(), user.name, user.role, passwordHash],
    );
    return { id: row!.id, ...user, email: user.email.toLowerCase() };
  }

  async deleteUser(id: string): Promise<void> {
    await this.query(`DELETE FROM "User" WHERE id = $1`, [id]);
  }

  /** Disables the account, as an admin would; its session cookie stays valid until it expires. */
  async disableUser(id: string): Promise<void> {
    await this.query(`UPDATE "User" SET "disabledAt" = now(), "updatedAt" = now() WHERE id = $1`, [id]);
  }

  async userByEmail(email: string): Promise<{ id: string; email: string; name: string; role: Role } | null> {
    const [row] = await this.query<{ id: string; email: string; name: string; role: Role }>(
      `SELECT id, email, name, role::text AS role FROM "User" WHERE email = $1`,
      [email.toLowerCase()],
    );
    return row ?? null;
  }

  async userRole(id: string): Promise<Role | null> {
    const [row] = await this.query<{ role: Role }>(`SELECT role::text AS role FROM "User" WHERE id = $1`, [id]);
    return row?.role ?? null;
  }

  async countUsers(where: { emailLike?: string } = {}): Promise<number> {
    const [row] = await this.query<{ count: string }>(
      `SELECT count(*) FROM "User" WHERE ($1::text IS NULL OR email LIKE $1)`,
      [where.emailLike ?? null],
    );
    return Number(row!.count);
  }

  /** Audit entries, optionally narrowed to one action and/or target. */
  async countAuditEntries(where: { action?: string; targetId?: string; actorLabel?: string } = {}): Promise<number> {
    const [row] = await this.query<{ count: string }>(
      `SELECT count(*) FROM "AuditEntry"
        WHERE ($1::text IS NULL OR action = $1) AND ($2::text IS NULL OR "targetId" = $2) AND ($3::text IS NULL OR "actorLabel" = $3)`,
      [where.action ?? null, where.targetId ?? null, where.actorLabel ?? null],
    );
    return Number(row!.count);
  }

  async auditEntries(targetId: string): Promise<{ action: string; actorLabel: string; data: Record<string, unknown> }[]> {
    return this.query(`SELECT action, "actorLabel", data FROM "AuditEntry" WHERE "targetId" = $1 ORDER BY id`, [targetId]);
  }

  async signInAttempts(email: string): Promise<{ succeeded: boolean; address: string }[]> {
    return this.query(`SELECT succeeded, address FROM "SignInAttempt" WHERE email = $1 ORDER BY id`, [email.toLowerCase()]);
  }

  async severityLevel(key: string): Promise<{ key: string; responseTimeSeconds: number; description: string } | null> {
    const [row] = await this.query<{ key: string; responseTimeSeconds: number; description: string }>(
      `SELECT key, "responseTimeSeconds", description FROM "SeverityLevel" WHERE key = $1`,
      [key],
    );
    return row ?? null;
  }

  async planCounts(): Promise<TableCounts> {
    const [row] = await this.query<Record<keyof TableCounts, string>>(`
      SELECT (SELECT count(*) FROM "SeverityLevel") AS "severityLevels",
             (SELECT count(*) FROM "Team") AS teams,
             (SELECT count(*) FROM "Contact") AS contacts,
             (SELECT count(*) FROM "TeamMember") AS "teamMembers",
             (SELECT count(*) FROM "DrillSchedule") AS "drillSchedules"`);
    return {
      severityLevels: Number(row!.severityLevels),
      teams: Number(row!.teams),
      contacts: Number(row!.contacts),
      teamMembers: Number(row!.teamMembers),
      drillSchedules: Number(row!.drillSchedules),
    };
  }
}
