"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { hasRole, type Role } from "@/lib/auth/roles";
import { navItems } from "./nav-items";

export function NavLinks({ role }: { role: Role }) {
  const pathname = usePathname();
  return (
    <ul className="flex flex-col gap-1">
      {navItems.filter((item) => !("minRole" in item) || hasRole(role, item.minRole)).map((item) => {
        const active = item.href === "/" ? pathname === "/" : pathname.startsWith(item.href);
        return (
          <li key={item.href}>
            <Link
              href={item.href}
              aria-current={active ? "page" : undefined}
              className={`block rounded-md px-3 py-2 text-sm font-medium ${
                active ? "bg-brand-50 text-brand-700" : "text-slate-700 hover:bg-slate-100"
              }`}
            >
              {item.label}
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
