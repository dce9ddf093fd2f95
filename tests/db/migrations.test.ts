import fs from "node:fs/promises";
import path from "node:path";
import { describe, expect, inject, it } from "vitest";
import { withDatabase } from "~/db/embedded-postgres.server";
import { MIGRATIONS_DIR, applyMigrations, readMigrations } from "~/db/migrations.server";
import { diffMigrationsToSchema, isEmptyDiff } from "../../prisma/tools/schema-engine";
import { databaseName, query } from "../support/test-server";

describe("migrations", () => {
  it("applying the migrations yields exactly what schema.prisma describes (no drift)", async () => {
    const sql = await diffMigrationsToSchema(inject("serverUrl"));
    expect(isEmptyDiff(sql), `schema.prisma differs from the migrations:\n${sql}`).toBe(true);
  }, 120_000);

  it("the drift check notices a schema change that has no migration", async () => {
    const schema = await fs.readFile(path.resolve("prisma/schema.prisma"), "utf8");
    const changed = schema.replace(
      "  website                  String?",
      '  website                  String?\n  colour String @default("green")',
    );
    expect(changed).not.toBe(schema);
    const file = path.resolve(`test-results/schema-${process.pid}.prisma`);
    await fs.mkdir(path.dirname(file), { recursive: true });
    await fs.writeFile(file, changed);
    const sql = await diffMigrationsToSchema(inject("serverUrl"), file);
    await fs.rm(file);
    expect(sql).toContain("ADD COLUMN     \"colour\" TEXT NOT NULL DEFAULT 'green'");
  }, 120_000);

  it("records each migration the way Prisma Migrate does, and a second run applies nothing", async () => {
    const name = databaseName(`migrate_${Date.now()}`);
    const serverUrl = inject("serverUrl");
    await query(serverUrl, `CREATE DATABASE ${name}`);
    try {
      const url = withDatabase(serverUrl, name);
      const files = await readMigrations();
      expect(await applyMigrations(url)).toEqual(files.map((file) => file.name));
      expect(await applyMigrations(url)).toEqual([]);
      const { rows } = await query(
        url,
        `SELECT migration_name, checksum, finished_at, applied_steps_count FROM "_prisma_migrations" ORDER BY migration_name`,
      );
      expect(rows.map((row) => [row.migration_name, row.checksum, row.applied_steps_count])).toEqual(
        files.map((file) => [file.name, file.checksum, 1]),
      );
      expect(rows.every((row) => row.finished_at instanceof Date)).toBe(true);
    } finally {
      await query(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    }
  });

  it("a failing migration leaves nothing half-applied", async () => {
    const name = databaseName(`broken_${Date.now()}`);
    const serverUrl = inject("serverUrl");
    const dir = path.resolve(`test-results/migrations-${process.pid}`);
    await fs.rm(dir, { recursive: true, force: true });
    await fs.mkdir(path.join(dir, "1_ok"), { recursive: true });
    await fs.mkdir(path.join(dir, "2_broken"), { recursive: true });
    await fs.writeFile(path.join(dir, "1_ok", "migration.sql"), "CREATE TABLE fine (id int);");
    await fs.writeFile(
      path.join(dir, "2_broken", "migration.sql"),
      "CREATE TABLE half (id int);\nSELECT * FROM missing_table;",
    );
    await query(serverUrl, `CREATE DATABASE ${name}`);
    try {
      const url = withDatabase(serverUrl, name);
      await expect(applyMigrations(url, { dir })).rejects.toThrow(/Migration 2_broken could not be applied/);
      const tables = await query(
        url,
        `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1`,
      );
      expect(tables.rows.map((row) => row.table_name)).toEqual(["_prisma_migrations", "fine"]);
    } finally {
      await query(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await fs.rm(dir, { recursive: true, force: true });
    }
  });

  it("the overlap rule lives in the database as an exclusion constraint", async () => {
    const { rows } = await query(
      process.env.TEST_DATABASE_URL!,
      `SELECT pg_get_constraintdef(oid) AS definition FROM pg_constraint WHERE conname = 'room_claims_no_overlap'`,
    );
    expect(rows[0]?.definition).toMatch(
      /EXCLUDE USING gist \(room_id WITH =, tstzrange\(block_starts_at, block_ends_at, '\[\)'::text\) WITH &&\) WHERE \(active\)/,
    );
    expect(MIGRATIONS_DIR).toMatch(/prisma\/migrations$/);
  });
});
