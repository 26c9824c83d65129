import "server-only";
import { cache } from "react";
import { db } from "@/lib/db/client";

/** People who may command an incident. */
export const listCommanders = cache(() =>
  db.user.findMany({ where: { role: { in: ["commander", "admin"] }, disabledAt: null }, select: { id: true, name: true }, orderBy: { name: "asc" } }),
);

/** People who may hold a role on an incident. */
export const listResponders = cache(() =>
  db.user.findMany({
    where: { role: { in: ["responder", "commander", "admin"] }, disabledAt: null },
    select: { id: true, name: true, role: true },
    orderBy: { name: "asc" },
  }),
);
