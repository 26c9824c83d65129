import { z } from "zod";
import type { Actor, SystemActor } from "@/lib/timeline/actor";
import { recordAudit } from "@/lib/timeline/audit";
import type { Db } from "@/lib/db/client";
import { DomainError } from "@/lib/errors";
import { publishChange } from "@/lib/live/publish";
import type { TemplateChannel, TemplateKind } from "./kinds";
import { saveTemplateSchema, type SaveTemplateInput } from "./schemas";

const targetId = (key: { kind: TemplateKind; channel: TemplateChannel }) => `${key.kind}.${key.channel}`;

/** Saves a customised template. Validated here too, so no caller can store one the paging worker cannot render. */
export async function saveTemplate(db: Db, input: SaveTemplateInput, actor: Actor | SystemActor) {
  const parsed = saveTemplateSchema.safeParse(input);
  if (!parsed.success) throw new DomainError("Some fields need attention.", z.flattenError(parsed.error).fieldErrors);
  const { kind, channel, subject, body } = parsed.data;
  return db.$transaction(async (tx) => {
    const saved = await tx.notificationTemplate.upsert({
      where: { kind_channel: { kind, channel } },
      create: { kind, channel, subject, body, updatedById: actor.id },
      update: { subject, body, updatedById: actor.id },
      select: { kind: true, channel: true, subject: true, body: true, updatedAt: true },
    });
    await recordAudit(tx, { actor, action: "template.updated", targetType: "template", targetId: targetId(parsed.data), data: { kind, channel, subject, body } });
    await publishChange(tx, { topic: "settings" });
    return saved;
  });
}

/** Back to the plan's wording: the customised row goes, and the default applies again. */
export async function resetTemplate(db: Db, key: { kind: TemplateKind; channel: TemplateChannel }, actor: Actor | SystemActor) {
  return db.$transaction(async (tx) => {
    const { count } = await tx.notificationTemplate.deleteMany({ where: { kind: key.kind, channel: key.channel } });
    if (count === 0) throw new DomainError("This template already uses the plan's text.");
    await recordAudit(tx, { actor, action: "template.reset", targetType: "template", targetId: targetId(key), data: { kind: key.kind, channel: key.channel } });
    await publishChange(tx, { topic: "settings" });
  });
}
