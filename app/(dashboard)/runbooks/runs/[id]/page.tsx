import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { z } from "zod";
import { RunView } from "@/components/runbooks/run-view";
import { currentUser } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { readStartedAt } from "@/lib/live/rendered";
import { getRun } from "@/lib/runbooks/queries";

export const metadata: Metadata = { title: "Run" };

export default async function RunPage({ params }: { params: Promise<{ id: string }> }) {
  const id = z.uuid().safeParse((await params).id);
  if (!id.success) notFound();
  const at = readStartedAt();
  const [user, run] = await Promise.all([currentUser(), getRun(db, id.data)]);
  if (!user) redirect("/signin");
  if (!run) notFound();
  return <RunView initial={{ data: run, at }} viewer={{ id: user.id, role: user.role }} />;
}
