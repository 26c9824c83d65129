import path from "node:path";
import { cruise, type IModule } from "dependency-cruiser";
import extractTSConfig from "dependency-cruiser/config-utl/extract-ts-config";

const root = path.resolve(import.meta.dirname, "../..");

/** The part of lib/ a file belongs to: its first folder, or the file itself at lib/'s top. */
export const partOf = (file: string): string | null => {
  const match = /^lib\/([^/]+)(\/|$)/.exec(file);
  if (!match) return null;
  return match[2] === "/" ? match[1]! : match[1]!.replace(/\.tsx?$/, "");
};

const isTest = (file: string) => /\.test\.tsx?$/.test(file);

export interface PartEdge {
  from: string;
  to: string;
  /** One import that makes the edge, for the message: "lib/incidents/declare.ts → lib/paging/escalation.ts". */
  example: string;
}

/** lib/'s product modules and what each imports (tests may reach across: they exercise parts together). */
async function libModules(): Promise<IModule[]> {
  const previous = process.cwd();
  process.chdir(root);
  try {
    const result = await cruise(
      ["lib"],
      // Type-only imports count: they tie the parts together just the same.
      { exclude: { path: ["^lib/db/generated", "\\.test\\.tsx?$"] }, doNotFollow: { path: ["node_modules"] }, tsPreCompilationDeps: true, tsConfig: { fileName: "tsconfig.json" } },
      undefined,
      { tsConfig: extractTSConfig("tsconfig.json") },
    );
    if (typeof result.output === "string") throw new Error("dependency-cruiser answered text, not modules");
    return result.output.modules.filter((found) => found.source.startsWith("lib/") && !isTest(found.source));
  } finally {
    process.chdir(previous);
  }
}

export interface ImportGraph {
  /** Every import between two parts of lib/, once per pair. */
  edges: PartEdge[];
  /** Imports from lib/ into app/, components/, test/, e2e/, bench/ or scripts/: lib/ sits below all of them. */
  leavingLib: string[];
}

export async function importGraph(): Promise<ImportGraph> {
  const edges = new Map<string, PartEdge>();
  const leavingLib: string[] = [];
  for (const file of await libModules()) {
    const from = partOf(file.source)!;
    for (const dependency of file.dependencies) {
      if (/^(app|components|test|e2e|bench|scripts)\//.test(dependency.resolved)) leavingLib.push(`${file.source} → ${dependency.resolved}`);
      const to = partOf(dependency.resolved);
      if (!to || to === from) continue;
      const key = `${from}→${to}`;
      if (!edges.has(key)) edges.set(key, { from, to, example: `${file.source} → ${dependency.resolved}` });
    }
  }
  return { edges: [...edges.values()], leavingLib };
}

/** Groups of parts that can each reach all the others through imports (Tarjan's strongly connected components). */
export function cycles(edges: PartEdge[]): string[][] {
  const next = new Map<string, string[]>();
  for (const edge of edges) next.set(edge.from, [...(next.get(edge.from) ?? []), edge.to]);
  const parts = [...new Set(edges.flatMap((edge) => [edge.from, edge.to]))];
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  let counter = 0;
  const visit = (part: string) => {
    index.set(part, counter);
    low.set(part, counter);
    counter += 1;
    stack.push(part);
    onStack.add(part);
    for (const to of next.get(part) ?? []) {
      if (!index.has(to)) {
        visit(to);
        low.set(part, Math.min(low.get(part)!, low.get(to)!));
      } else if (onStack.has(to)) low.set(part, Math.min(low.get(part)!, index.get(to)!));
    }
    if (low.get(part) === index.get(part)) {
      const component: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        component.push(member);
      } while (member !== part);
      if (component.length > 1) found.push(component.sort());
    }
  };
  for (const part of parts) if (!index.has(part)) visit(part);
  return found;
}
