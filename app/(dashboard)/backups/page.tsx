import type { Metadata } from "next";
import { UnbuiltArea } from "@/components/shell/unbuilt-area";

export const metadata: Metadata = { title: "Backups" };

export default function BackupsPage() {
  return <UnbuiltArea title="Backups">Backup reports and their freshness against the RPO are not part of this version of Firebreak yet.</UnbuiltArea>;
}
