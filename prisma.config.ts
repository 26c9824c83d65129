import { defineConfig } from "prisma/config";

// Used by the Prisma CLI only (`prisma generate`, or `prisma migrate deploy` run by an
// operator who prefers it); Firebreak applies migrations itself at start.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
});
