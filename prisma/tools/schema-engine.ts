import { randomBytes } from "node:crypto";
import fs from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import * as wasmBindings from "@prisma/schema-engine-wasm/schema_engine_bg";
import pg from "pg";
import { withDatabase } from "~/db/embedded-postgres.server";
import { MIGRATIONS_DIR } from "~/db/migrations.server";
import { fromRoot } from "~/lib/project-root.server";

/**
 * Prisma's schema engine compiled to WebAssembly, for the two jobs that need it on machines
 * where the CLI's native engine cannot be downloaded: writing a new migration, and the test
 * that migrations and schema.prisma describe the same database (no drift).
 *
 * `@prisma/schema-engine-wasm` is an internal package; four things make it work here:
 * - it is built for bundlers, so we instantiate its .wasm file ourselves;
 * - it expects a driver adapter factory wrapped by `bindMigrationAwareSqlAdapterFactory`;
 * - @prisma/adapter-pg cannot read PostgreSQL's internal `"char"` type (pg_catalog columns
 *   such as pg_constraint.contype) that introspection reads, so we report those columns to
 *   the engine as the Character type it expects;
 * - the adapter splits a script at every ";", so we send migration scripts whole.
 * The engine applies the migrations to the database it is connected to, so it always gets a
 * fresh scratch database, which is dropped afterwards.
 */

const SCHEMA_PATH = fromRoot("prisma", "schema.prisma");

type Engine = wasmBindings.SchemaEngine;

let initialised = false;

async function initWasm(): Promise<void> {
  if (initialised) return;
  const require = createRequire(import.meta.url);
  const wasmPath = path.join(path.dirname(require.resolve("@prisma/schema-engine-wasm")), "schema_engine_bg.wasm");
  const module = await WebAssembly.compile(await fs.readFile(wasmPath));
  const instance = await WebAssembly.instantiate(module, { "./schema_engine_bg.js": wasmBindings });
  wasmBindings.__wbg_set_wasm(instance.exports);
  (instance.exports as { __wbindgen_start: () => void }).__wbindgen_start();
  // The engine reports Rust panics through this global.
  const registry = { message: "", set_message: (message: string) => void (registry.message = message) };
  (globalThis as Record<string, unknown>).PRISMA_WASM_PANIC_REGISTRY ??= registry;
  initialised = true;
}

const CHARACTER_COLUMN_TYPE = 6; // ColumnTypeEnum.Character in @prisma/driver-adapter-utils
const PG_CHAR_OID = 18;
const PG_TEXT_OID = 25;

interface Queryable {
  performIO(query: unknown): Promise<{ fields: { dataTypeID: number }[] }>;
  queryRaw(query: unknown): Promise<{ columnTypes: number[] }>;
  startTransaction?: (...args: unknown[]) => Promise<unknown>;
}

interface ScriptRunner {
  client: { query(sql: string): Promise<unknown> };
  executeScript(script: string): Promise<void>;
  onError(error: unknown): never;
}

/**
 * Sends a migration's script to PostgreSQL whole, as app/db/migrations.server.ts does. The
 * adapter splits scripts at every ";", which cuts a function's $$ body (the public version's
 * triggers, decision 100) into pieces; PostgreSQL's simple query protocol takes many statements.
 */
function runScriptsWhole<T>(connection: T): T {
  const target = connection as unknown as ScriptRunner;
  target.executeScript = async (script) => {
    try {
      await target.client.query(script);
    } catch (error) {
      target.onError(error);
    }
  };
  return connection;
}

/** Lets the adapter read `"char"` columns: text on the wire, Character for the engine. */
function readCharColumns<T>(queryable: T): T {
  const target = queryable as unknown as Queryable;
  const charColumns = new WeakMap<object, number[]>();
  const performIO = target.performIO.bind(target);
  target.performIO = async (query) => {
    const result = await performIO(query);
    const columns: number[] = [];
    result.fields.forEach((field, index) => {
      if (field.dataTypeID === PG_CHAR_OID) {
        field.dataTypeID = PG_TEXT_OID;
        columns.push(index);
      }
    });
    if (columns.length > 0) charColumns.set(query as object, columns);
    return result;
  };
  const queryRaw = target.queryRaw.bind(target);
  target.queryRaw = async (query) => {
    const result = await queryRaw(query);
    for (const index of charColumns.get(query as object) ?? []) result.columnTypes[index] = CHARACTER_COLUMN_TYPE;
    return result;
  };
  if (target.startTransaction) {
    const startTransaction = target.startTransaction.bind(target);
    target.startTransaction = async (...args) => readCharColumns(await startTransaction(...args));
  }
  return queryable;
}

async function withScratchDatabase<T>(serverUrl: string, work: (url: string) => Promise<T>): Promise<T> {
  const name = `buurtrooster_scratch_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
    try {
      return await work(withDatabase(serverUrl, name));
    } finally {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    }
  } finally {
    await admin.end();
  }
}

async function openEngine(url: string, schema: string): Promise<{ engine: Engine; close: () => Promise<void> }> {
  await initWasm();
  const factory = new PrismaPg({ connectionString: url });
  const connections: { dispose(): Promise<void> }[] = [];
  const adapter = {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: async () => {
      const connection = runScriptsWhole(readCharColumns(await factory.connect()));
      connections.push(connection);
      return connection;
    },
    connectToShadowDb: async () => {
      const connection = runScriptsWhole(readCharColumns(await factory.connectToShadowDb()));
      connections.push(connection);
      return connection;
    },
  };
  const engine = await wasmBindings.SchemaEngine.new(
    { datamodels: [["schema.prisma", schema]] },
    () => {},
    bindMigrationAwareSqlAdapterFactory(adapter as Parameters<typeof bindMigrationAwareSqlAdapterFactory>[0]),
  );
  return {
    engine,
    close: async () => {
      engine.free();
      await Promise.all(connections.map((connection) => connection.dispose().catch(() => {})));
    },
  };
}

async function migrationsList(dir = MIGRATIONS_DIR) {
  const entries = await fs.readdir(dir, { withFileTypes: true });
  const folders = entries
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  const lockfilePath = path.join(dir, "migration_lock.toml");
  return {
    baseDir: dir,
    lockfile: { path: "migration_lock.toml", content: await fs.readFile(lockfilePath, "utf8").catch(() => null) },
    shadowDbInitScript: "",
    migrationDirectories: await Promise.all(
      folders.map(async (folder) => ({
        path: folder,
        migrationFile: {
          path: "migration.sql",
          content: { tag: "ok" as const, value: await fs.readFile(path.join(dir, folder, "migration.sql"), "utf8") },
        },
      })),
    ),
  };
}

const NO_FILTERS = { externalTables: [], externalEnums: [] };

/**
 * The SQL that takes a database built by the committed migrations to what schema.prisma
 * describes; empty (no statements) when they agree. Uses a scratch database on `serverUrl`.
 */
export async function diffMigrationsToSchema(serverUrl: string, schemaPath = SCHEMA_PATH): Promise<string> {
  const schema = await fs.readFile(schemaPath, "utf8");
  return withScratchDatabase(serverUrl, async (url) => {
    const { engine, close } = await openEngine(url, schema);
    try {
      const result = await engine.diff({
        from: { tag: "migrations", ...(await migrationsList()) },
        to: { tag: "schemaDatamodel", files: [{ path: "schema.prisma", content: schema }] },
        script: true,
        exitCode: null,
        filters: NO_FILTERS,
      });
      return result.stdout ?? "";
    } finally {
      await close();
    }
  });
}

/** True when a diff script holds no statements (only comments such as "-- This is an empty migration."). */
export function isEmptyDiff(sql: string): boolean {
  return sql
    .split("\n")
    .map((line) => line.trim())
    .every((line) => line === "" || line.startsWith("--"));
}
