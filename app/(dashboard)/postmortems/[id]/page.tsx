import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { z } from "zod";
import { PostmortemView } from "@/components/postmortems/postmortem-view";
import { currentUser } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { listAssignableOwners } from "@/lib/postmortems/action-items/list";
import { getPostmortem } from "@/lib/postmortems/document/queries";
import { readStartedAt } from "@/lib/live/rendered";

export const metadata: Metadata = { title: "Post-mortem" };

export default async function PostmortemPage({ params }: { params: Promise<{ id: string }> }) {
  const id = z.uuid().safeParse((await params).id);
  if (!id.success) notFound();
  const at = readStartedAt();
  const [user, postmortem, people] = await Promise.all([currentUser(), getPostmortem(db, id.data), listAssignableOwners(db)]);
  if (!user) redirect("/signin");
  if (!postmortem) notFound();
  return <PostmortemView initial={{ data: postmortem, at }} viewer={{ id: user.id, role: user.role }} people={people} />;
}
