import { readFileSync } from "node:fs";
import path from "node:path";

// The server actions a build holds (every action a page can call), from Next.js's
// server-reference manifest: for the authorization matrix and the fuzz benchmark.

export interface BuiltAction {
  name: string;
  /** What a caller sends in the next-action header. */
  id: string;
  /** A page that imports it, as a URL (an action is posted to a page that has it). */
  page: string;
}

const SOME_ID = "00000000-0000-4000-8000-000000000000";

type Manifest = { node: Record<string, { exportedName: string; workers: Record<string, unknown> }> };

export function builtActions(root = process.cwd()): BuiltAction[] {
  const manifest = JSON.parse(readFileSync(path.join(root, ".next/server/server-reference-manifest.json"), "utf8")) as Manifest;
  return Object.entries(manifest.node).map(([id, entry]) => {
    // Route groups dropped, dynamic segments filled in; the sign-in page for what it has (no session needed there).
    const workers = Object.keys(entry.workers);
    const worker = workers.find((name) => name === "app/signin/page") ?? workers[0]!;
    const page = worker.replace(/^app/, "").replace(/\/page$/, "").replace(/\/\([^)]+\)/g, "").replace(/\[[^\]]+\]/g, SOME_ID) || "/";
    return { name: entry.exportedName, id, page };
  });
}
