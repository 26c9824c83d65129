import { randomUUID } from "node:crypto";
import { test as base } from "@playwright/test";
import type { Role } from "@/lib/auth/roles";
import { TestDatabase, type TestUser } from "./support/database";

export { expect } from "@playwright/test";

export interface MakeUserOptions {
  role: Role;
  /** Defaults to a random password of 24 characters. */
  password?: string;
}

interface TestFixtures {
  /** Creates a user that exists only for this test (removed afterwards). */
  makeUser: (options: MakeUserOptions) => Promise<TestUser>;
  /** A name unique to this test and worker, for anything a test creates through the UI. */
  uniqueName: (prefix: string) => string;
}

interface WorkerFixtures {
  db: TestDatabase;
}

// Fixture bodies name their callback `provide`, not `use`, so the React hooks lint rule leaves them alone.
export const test = base.extend<TestFixtures, WorkerFixtures>({
  db: [
    async ({}, provide) => {
      const db = TestDatabase.connect();
      await provide(db);
      await db.close();
    },
    { scope: "worker" },
  ],

  uniqueName: async ({}, provide, testInfo) => {
    await provide((prefix) => `${prefix}-w${testInfo.workerIndex}-${randomUUID().slice(0, 8)}`);
  },

  makeUser: async ({ db, uniqueName }, provide) => {
    const created: TestUser[] = [];
    await provide(async ({ role, password = `pw-${randomUUID()}`.slice(0, 24) }) => {
      const label = uniqueName(`e2e-${role}`);
      const user = await db.createUser({ email: `${label}@example.test`, name: `E2E ${role} ${label.slice(-8)}`, role, password });
      created.push(user);
      return user;
    });
    for (const user of created) await db.deleteUser(user.id);
  },
});
