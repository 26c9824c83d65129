import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import { z } from "zod";
import { PostmortemPrintView } from "@/components/postmortems/print-view";
import { currentUser } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { getPostmortem } from "@/lib/postmortems/document/queries";

// Outside (dashboard), so only the root layout wraps it: no navigation on paper. It checks the
// session itself, since no layout here does. Cached: the title and the page read it once.
const loadPrintable = cache(async (id: string) => {
  if (!(await currentUser())) redirect("/signin");
  const parsed = z.uuid().safeParse(id);
  const postmortem = parsed.success ? await getPostmortem(db, parsed.data) : null;
  if (!postmortem) notFound();
  return postmortem;
});

type Props = { params: Promise<{ id: string }> };

// The document title is what a browser offers as the PDF's name.
export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: (await loadPrintable((await params).id)).title };
}

export default async function PostmortemPrintPage({ params }: Props) {
  return <PostmortemPrintView postmortem={await loadPrintable((await params).id)} />;
}
