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
  { href: "/outbox", label: "Dev outbox" },
] as const;
