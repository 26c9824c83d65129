import type { Role } from "@/lib/auth/roles";

export const navItems = [
  { href: "/", label: "Overview" },
  { href: "/incidents", label: "Incidents" },
  { href: "/teams", label: "Teams & contacts" },
  { href: "/runbooks", label: "Runbooks" },
  { href: "/backups", label: "Backups" },
  { href: "/drills", label: "Drills" },
  { href: "/postmortems", label: "Post-mortems" },
  { href: "/action-items", label: "Action items" },
  { href: "/settings", label: "Settings" },
  // Its pages carry live acknowledge links: for those who may acknowledge.
  { href: "/outbox", label: "Dev outbox", minRole: "responder" },
] as const satisfies readonly { href: string; label: string; minRole?: Role }[];
