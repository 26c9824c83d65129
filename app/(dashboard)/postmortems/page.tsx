import type { Metadata } from "next";
import { UnbuiltArea } from "@/components/shell/unbuilt-area";

export const metadata: Metadata = { title: "Post-mortems" };

export default function PostmortemsPage() {
  return <UnbuiltArea title="Post-mortems">Post-mortems written from the plan&rsquo;s template, and their action items, are not part of this version of Firebreak yet.</UnbuiltArea>;
}
