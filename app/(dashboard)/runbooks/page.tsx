import type { Metadata } from "next";
import { UnbuiltArea } from "@/components/shell/unbuilt-area";

export const metadata: Metadata = { title: "Runbooks" };

export default function RunbooksPage() {
  return <UnbuiltArea title="Runbooks">Recovery actions launched from an incident, run by a worker with live output and approvals, are not part of this version of Firebreak yet.</UnbuiltArea>;
}
