// Generates the Prisma client offline (run after `npm install`).
import path from "node:path";
import { childEnvironment } from "@/lib/env";
import { prismaGenerateEnvironment, runCommand } from "@/lib/runtime/build";

runCommand(process.execPath, [path.resolve("node_modules/prisma/build/index.js"), "generate"], prismaGenerateEnvironment(childEnvironment({}))).catch(
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
