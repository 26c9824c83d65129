import type { BackupKind } from "@/lib/db/generated/enums";

const kinds: Record<BackupKind, string> = {
  database: "Database",
  chain_data: "Chain data",
  monitoring: "Monitoring",
  offsite: "Offsite",
};

export const kindLabel = (kind: BackupKind) => kinds[kind];

/** Whether the backup script verified the archive after writing it. */
export function VerifiedBadge({ verified }: { verified: boolean }) {
  return (
    <span
      data-testid="backup-verified"
      className={`rounded px-2 py-0.5 text-xs font-medium ring-1 ${verified ? "bg-emerald-50 text-emerald-800 ring-emerald-200" : "bg-amber-50 text-amber-900 ring-amber-300"}`}
    >
      {verified ? "Verified" : "Not verified"}
    </span>
  );
}
