import type { Db } from "@/lib/db/client";
import { declareIncident } from "@/lib/command/lifecycle";
import type { Actor } from "@/lib/timeline/actor";

// The bench's own small organisation, written straight to the database: one system nobody
// owns (so only a severity's audience is paged), and people who take SMS only, so each person
// is exactly one page and one Twilio request.

export interface PagingWorld {
  actor: Actor;
  systemId: string;
  /** A severity whose audience is one person: one page per incident. */
  onePersonSeverityId: string;
  /** A severity whose audience is everyone: `people` pages per incident. */
  everyoneSeverityId: string;
  people: number;
}

// Far beyond the run, so no acknowledge-breach job fires while it is measured.
const RESPONSE_TIME_SECONDS = 24 * 3600;

/** A valid E.164 number in the +1 555 range, unique per index. */
const benchPhone = (index: number) => `+1555${String(index).padStart(7, "0")}`;

export async function seedPagingWorld(db: Db, people: number): Promise<PagingWorld> {
  const admin = await db.user.create({
    // Not a password hash: nobody signs in as the bench's declarer.
    data: { email: "bench-declarer@example.test", name: "Bench Declarer", role: "admin", passwordHash: "!bench-no-sign-in" },
    select: { id: true, email: true, name: true },
  });
  const system = await db.system.create({ data: { key: "bench-paging", name: "Bench paging system" }, select: { id: true } });
  await db.contact.createMany({
    data: Array.from({ length: people }, (_, index) => ({
      email: `bench-person-${index}@example.test`,
      name: `Bench Person ${index}`,
      phone: benchPhone(index),
      acceptsSms: true,
      acceptsEmail: false,
    })),
  });
  const contacts = await db.contact.findMany({ where: { email: { startsWith: "bench-person-" } }, select: { id: true } });
  const severity = (key: string, rank: number, audience: { id: string }[]) =>
    db.severityLevel.create({
      data: {
        key,
        description: `Bench severity paging ${audience.length}`,
        responseTimeSeconds: RESPONSE_TIME_SECONDS,
        notification: `${audience.length} bench people`,
        rank,
        audienceContacts: { create: audience.map(({ id }) => ({ contactId: id })) },
      },
      select: { id: true },
    });
  const onePerson = await severity("bench-one", 100, contacts.slice(0, 1));
  const everyone = await severity("bench-everyone", 101, contacts);
  return { actor: admin, systemId: system.id, onePersonSeverityId: onePerson.id, everyoneSeverityId: everyone.id, people: contacts.length };
}

export interface DeclaredIncident {
  id: string;
  number: number;
  /** performance.now() when the declare transaction's commit was acknowledged. */
  committedAt: number;
  /** How long the declare transaction took, from its start to its commit. */
  declareMs: number;
}

/** Declares through the declare service itself: the transaction that writes the pages and their jobs. */
export async function declareBenchIncident(db: Db, world: PagingWorld, audience: "one" | "everyone", title: string): Promise<DeclaredIncident> {
  const started = performance.now();
  const incident = await declareIncident(
    db,
    {
      title,
      severityId: audience === "one" ? world.onePersonSeverityId : world.everyoneSeverityId,
      systemIds: [world.systemId],
      impact: "Bench: pages are timed from the commit to the provider.",
      description: "",
    },
    world.actor,
  );
  const committedAt = performance.now();
  return { ...incident, committedAt, declareMs: committedAt - started };
}
