import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";

// Writes migration SQL with Prisma's own schema engine, compiled to WebAssembly, because
// the native engine that `prisma migrate diff` needs cannot be downloaded offline.

type Glue = typeof import("@prisma/schema-engine-wasm/schema_engine_bg");

const EMPTY_MIGRATION = "-- This is an empty migration.";

const noFilters = { externalTables: [], externalEnums: [] };

// Column type codes of @prisma/driver-adapter-utils' ColumnTypeEnum.
const INT32 = 0;
const BOOLEAN = 5;
const TEXT = 7;

let loaded: Promise<Glue> | undefined;

export async function diffDatamodels(from: string | null, to: string): Promise<string> {
  const { SchemaEngine } = await (loaded ??= loadEngine());
  const engine = await SchemaEngine.new({ datamodels: [["to.prisma", to]] }, () => {}, offlineAdapter);
  try {
    const { stdout } = await engine.diff({
      from: from === null ? { tag: "empty" } : { tag: "schemaDatamodel", files: [{ path: "from.prisma", content: from }] },
      to: { tag: "schemaDatamodel", files: [{ path: "to.prisma", content: to }] },
      script: true,
      exitCode: null,
      filters: noFilters,
    });
    const sql = stdout ?? "";
    return sql.trim() === EMPTY_MIGRATION ? "" : sql;
  } finally {
    engine.free();
  }
}

async function loadEngine(): Promise<Glue> {
  // Without a registry the glue's panic hook throws a TypeError that hides the panic; a
  // registry Prisma Client installed already reports panics its own way.
  const scope = globalThis as typeof globalThis & { PRISMA_WASM_PANIC_REGISTRY?: unknown };
  scope.PRISMA_WASM_PANIC_REGISTRY ??= {
    set_message(message: string) {
      throw new Error(`Prisma schema engine panicked: ${message}`);
    },
  };
  const require = createRequire(import.meta.url);
  const gluePath = require.resolve("@prisma/schema-engine-wasm/schema_engine_bg");
  const bytes = await readFile(path.join(path.dirname(gluePath), "schema_engine_bg.wasm"));
  // By file URL: tsx can evaluate this file from a data: URL, against which the bare
  // package name would not resolve.
  const bindings = (await import(pathToFileURL(gluePath).href)) as Glue;
  // Node 20 cannot import .wasm files, so the package's entry point cannot be used; this
  // does what it does by hand. The glue module is the wasm's only import namespace.
  const { instance } = await WebAssembly.instantiate(bytes, {
    "./schema_engine_bg.js": bindings as unknown as WebAssembly.ModuleImports,
  });
  bindings.__wbg_set_wasm(instance.exports);
  (instance.exports.__wbindgen_start as () => void)();
  return bindings;
}

function offline(what: string): never {
  throw new Error(`Offline schema diff needs no database, but the schema engine tried to ${what}.`);
}

const refuse = (what: string) => async (): Promise<never> => offline(what);

const ok = <T>(value: T) => ({ ok: true, value });

// The engine always opens a connection through a driver adapter, even to diff two
// datamodels. It calls the adapter directly, so the adapter speaks the "bound" protocol
// of @prisma/driver-adapter-utils: results come wrapped as { ok, value }.
const offlineConnection = {
  provider: "postgres",
  adapterName: "firebreak-offline",
  // Its one query on connecting asks whether the schema exists (else it runs CREATE SCHEMA)
  // and which server this is (CockroachDB gets other SQL). Answer as the PostgreSQL 18
  // that Firebreak embeds.
  async queryRaw(query: { sql: string }) {
    if (!query.sql.startsWith("SELECT EXISTS(SELECT 1 FROM pg_namespace WHERE nspname = $1), version()")) {
      offline(`run the query ${query.sql}`);
    }
    return ok({
      columnNames: ["exists", "version", "numeric_version"],
      columnTypes: [BOOLEAN, TEXT, INT32],
      rows: [[true, "PostgreSQL 18.0", 180000]],
    });
  },
  executeRaw: refuse("run a statement"),
  executeScript: refuse("run a script"),
  startTransaction: refuse("open a transaction"),
  getConnectionInfo: () => ok({ supportsRelationJoins: true }),
  dispose: async () => ok(undefined),
};

const offlineAdapter = {
  provider: "postgres",
  adapterName: "firebreak-offline",
  connect: async () => ok(offlineConnection),
  connectToShadowDb: refuse("connect to a shadow database"),
};
