import path from "node:path";
import { defineConfig } from "vitest/config";

const root = import.meta.dirname;

export default defineConfig({
  resolve: {
    alias: {
      "@": root,
      // Outside Next's server bundle the marker package would throw; its server build is empty.
      "server-only": path.join(root, "node_modules/server-only/empty.js"),
    },
  },
  test: {
    include: ["lib/**/*.test.ts", "components/**/*.test.tsx", "scripts/**/*.test.ts", "test/**/*.test.ts"],
    globalSetup: ["test/global-setup.ts"],
    setupFiles: ["test/database-per-file.ts"],
    pool: "forks",
    // Signs acknowledge links; the real one comes from the environment or the embedded demo.
    env: { AUTH_SECRET: "vitest-only-auth-secret-0123456789abcdef" },
    // next-auth imports "next/server" without an extension, which only a bundler resolves: components
    // that import server actions render in tests only when next-auth goes through Vite too.
    server: { deps: { inline: ["next-auth"] } },
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
