import { describe, expect, it } from "vitest";
import { createPrismaClient } from "@/lib/db/client";
import { freePort } from "@/test/free-port";
import { checkDatabase } from "./health";

describe("checkDatabase", () => {
  it("answers ok when PostgreSQL does", async () => {
    expect(await checkDatabase()).toBe("ok");
  });

  it("answers unreachable when nothing listens", async () => {
    const nowhere = createPrismaClient(`postgresql://postgres:x@127.0.0.1:${await freePort()}/firebreak`);
    try {
      expect(await checkDatabase(nowhere)).toBe("unreachable");
    } finally {
      await nowhere.$disconnect();
    }
  });
});
