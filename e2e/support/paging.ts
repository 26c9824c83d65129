import { expect, type Locator, type Page } from "@playwright/test";
import type { TestDatabase } from "./database";
import { declareThroughForm, type DeclareOptions } from "./declare";

// Shared by the paging specs. The e2e server has no provider settings, so every page goes to the
// dev outbox; the worker hands pages over asynchronously, hence the waiting helpers.

export interface DeclaredIncident {
  id: string;
  number: number;
  reference: string;
}

/** Declares an incident on Bridge Infrastructure through the form and waits on its page. */
export async function declareIncident(page: Page, db: TestDatabase, title: string, severity: DeclareOptions["severity"]): Promise<DeclaredIncident> {
  const id = await declareThroughForm(page, title, { severity });
  const [row] = await db.query<{ number: number }>(`SELECT number FROM "Incident" WHERE id = $1`, [id]);
  return { id, number: row!.number, reference: `INC-${row!.number}` };
}

export interface ContactCard {
  name: string;
  phone: string;
  email: string;
}

/** One of the plan's emergency contacts (primary, secondary, security) as the database has them now. */
export async function emergencyContact(db: TestDatabase, key: "primary" | "secondary" | "security"): Promise<ContactCard> {
  const [row] = await db.query<ContactCard>(`SELECT name, phone, email FROM "Contact" WHERE "emergencyKey" = $1`, [key]);
  if (!row) throw new Error(`No ${key} emergency contact in the e2e database`);
  return row;
}

/** A team's lead, e.g. the one paged first for Bridge Infrastructure (infrastructure). */
export async function teamLead(db: TestDatabase, teamKey: string): Promise<ContactCard> {
  const [row] = await db.query<ContactCard>(
    `SELECT c.name, c.phone, c.email FROM "Contact" c
       JOIN "TeamMember" m ON m."contactId" = c.id JOIN "Team" t ON t.id = m."teamId"
      WHERE t.key = $1 AND m.role = 'lead'`,
    [teamKey],
  );
  if (!row) throw new Error(`No lead for the ${teamKey} team in the e2e database`);
  return row;
}

/** The outbox entry of one page: an incident's message of one kind, to one address. */
export function outboxMessage(page: Page, where: { incident: DeclaredIncident; channel: "sms" | "email"; kind: string; to: string }): Locator {
  return page.locator(
    `[data-testid="outbox-message"][data-incident="${where.incident.reference}"][data-channel="${where.channel}"][data-kind="${where.kind}"][data-recipient="${where.to}"]`,
  );
}

/** Opens the dev outbox until `message` is in it: the worker hands pages over a moment after they are written. */
export async function openOutboxWith(page: Page, message: Locator): Promise<void> {
  await expect(async () => {
    await page.goto("/outbox");
    await expect(message).toHaveCount(1, { timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
}

/** The paging panel's rows for one person on one channel. */
export function pageRows(page: Page, name: string, channel: "sms" | "email"): Locator {
  return page.locator(`[data-testid="page-row"][data-channel="${channel}"][data-kind="incident"]`).filter({ hasText: name });
}
