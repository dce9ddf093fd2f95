import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import PgBoss from "pg-boss";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backupDatabase, checkPgTools, pruneBackups, restoreDatabase } from "~/db/backups.server";
import { connectDatabase, disconnectDatabase } from "~/db/client.server";
import { backupFileName } from "~/db/pg-tools";
import { parseEnv } from "~/env.server";
import { JOBS } from "~/jobs/index.server";
import { nightlyBackupJob } from "~/jobs/backups.server";
import { clock } from "~/lib/clock";
import { createCentre, createOrganisation, createRoom, createTestBooking, uniqueSuffix } from "../../prisma/factories";
import { query } from "../support/test-server";

// This worker's own database (tests/support/db-worker-setup.ts).
const url = process.env.TEST_DATABASE_URL!;

// pg_dump refuses a server newer than itself: Debian 12's pg_dump 15 cannot read the embedded
// PostgreSQL 18, so these run against a server of version 15 (CI's second run) or with a newer pg_dump.
const toolsProblem = await checkPgTools(url).then(
  () => undefined,
  (error: Error) => error.message,
);

let folder: string;
beforeAll(async () => {
  folder = await fs.mkdtemp(path.join(os.tmpdir(), "bt-backups-"));
});
afterAll(async () => {
  await fs.rm(folder, { recursive: true, force: true });
});

/** Every booking and every date in the database, by id. */
async function bookingsAndDates() {
  const bookings = await query(url, "SELECT id FROM bookings ORDER BY id");
  const occurrences = await query(url, "SELECT id, booking_id FROM occurrences ORDER BY id");
  return {
    bookings: bookings.rows.map((row: { id: string }) => row.id),
    occurrences: occurrences.rows.map((row: { id: string; booking_id: string }) => `${row.booking_id}/${row.id}`),
  };
}

async function centreWithBookings() {
  const centre = await createCentre();
  const room = await createRoom(centre.id);
  const organisation = await createOrganisation(centre.id);
  const series = await createTestBooking({
    centreId: centre.id,
    organisationId: organisation.id,
    roomId: room.id,
    localStart: "2027-03-02T19:30",
    rrule: "FREQ=WEEKLY;COUNT=6",
  });
  const single = await createTestBooking({
    centreId: centre.id,
    organisationId: organisation.id,
    roomId: room.id,
    localStart: "2027-03-04T10:00",
  });
  return { series, single };
}

describe.skipIf(toolsProblem)("backups with pg_dump and pg_restore", () => {
  it("a backup brings back every booking and each of its dates after the data is wiped", async () => {
    const { series, single } = await centreWithBookings();
    // a job queue as the app has one: pg-boss keeps each queue's jobs in a partition
    const boss = new PgBoss({ connectionString: url, schema: `pgboss_${uniqueSuffix()}`, max: 1 });
    await boss.start();
    await boss.createQueue("backup-test");
    await boss.stop({ graceful: false, wait: true });
    const before = await bookingsAndDates();
    expect(before.bookings).toEqual(expect.arrayContaining([series.id, single.id]));
    expect(before.occurrences.filter((id) => id.startsWith(`${series.id}/`))).toHaveLength(6);

    const at = clock.now();
    const file = await backupDatabase(url, folder, at);
    expect(path.basename(file)).toBe(backupFileName(at));

    await query(url, "TRUNCATE bookings CASCADE");
    expect(await bookingsAndDates()).toEqual({ bookings: [], occurrences: [] });
    // what a newer migration would have added goes too, so that migration can run again
    await query(url, "CREATE TYPE later_kind AS ENUM ('a'); CREATE TABLE later_table (kind later_kind)");

    await restoreDatabase(url, file);
    // the tables were made anew: later tests in this worker get fresh connections
    await disconnectDatabase();
    await connectDatabase(url);
    expect(await bookingsAndDates()).toEqual(before);
    const later = await query(
      url,
      "SELECT to_regclass('later_table') AS later_table, to_regtype('later_kind') AS later_kind",
    );
    expect(later.rows[0]).toEqual({ later_table: null, later_kind: null });
  });

  it("a restore that fails part-way leaves the data as it was", async () => {
    const { single } = await centreWithBookings();
    const file = await backupDatabase(url, folder, new Date(clock.now().getTime() + 1000));
    await query(url, "TRUNCATE bookings CASCADE");
    const before = await bookingsAndDates();
    // the database refuses the backup's indexes, which come after its tables and rows
    const guard = `backup_guard_${uniqueSuffix()}`;
    await query(
      url,
      `CREATE SCHEMA ${guard};
       CREATE FUNCTION ${guard}.refuse() RETURNS event_trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'no indexes today'; END $$;
       CREATE EVENT TRIGGER ${guard} ON ddl_command_end WHEN TAG IN ('CREATE INDEX') EXECUTE FUNCTION ${guard}.refuse();`,
    );
    try {
      await expect(restoreDatabase(url, file)).rejects.toThrow(/^The restore failed and was undone.*no indexes today/);
    } finally {
      await query(url, `DROP EVENT TRIGGER ${guard}; DROP SCHEMA ${guard} CASCADE`);
    }
    expect(await bookingsAndDates()).toEqual(before);
    expect(before.bookings).not.toContain(single.id);
  });

  it("a damaged backup is refused before the database is touched", async () => {
    const file = await backupDatabase(url, folder, new Date(clock.now().getTime() + 2000));
    const whole = await fs.readFile(file);
    const damaged = path.join(folder, "damaged.dump");
    // the table of contents is whole, the rows stop halfway
    await fs.writeFile(damaged, whole.subarray(0, Math.floor(whole.length * 0.6)));
    const before = await bookingsAndDates();

    await expect(restoreDatabase(url, damaged)).rejects.toThrow(
      /^The backup damaged.dump cannot be read, nothing was changed/,
    );
    expect(await bookingsAndDates()).toEqual(before);
  });
});

describe("the nightly backup", () => {
  it("is a job only with BACKUP_NIGHTLY=on", () => {
    expect(JOBS).toContain(nightlyBackupJob);
    expect(nightlyBackupJob.enabled?.(parseEnv({}))).toBe(false);
    expect(nightlyBackupJob.enabled?.(parseEnv({ BACKUP_NIGHTLY: "on" }))).toBe(true);
  });

  it.skipIf(toolsProblem)("writes a backup and keeps the newest BACKUP_KEEP", async () => {
    const dir = await fs.mkdtemp(path.join(folder, "nightly-"));
    const older = [1, 2, 3].map((day) => backupFileName(new Date(Date.UTC(2020, 0, day, 1, 40))));
    for (const name of older) await fs.writeFile(path.join(dir, name), "x");
    const env = parseEnv({ BACKUP_NIGHTLY: "on", BACKUP_KEEP: "2", BACKUP_DIR: dir });

    // the job does not use the queue it runs on
    await nightlyBackupJob.work([], { boss: {} as PgBoss, env, databaseUrl: url });

    const kept = (await fs.readdir(dir)).sort();
    expect(kept).toHaveLength(2);
    expect(kept[0]).toBe(older[2]);
    expect(kept[1]! > older[2]!).toBe(true);
    expect((await fs.stat(path.join(dir, kept[1]!))).size).toBeGreaterThan(1000);
  });
});

describe.runIf(toolsProblem)("backups without a fitting pg_dump", () => {
  it("a backup is refused with one sentence that names the version to install", async () => {
    const dir = await fs.mkdtemp(path.join(folder, "refused-"));
    await expect(backupDatabase(url, dir, clock.now())).rejects.toThrow(
      /^The database runs PostgreSQL (\d+), and pg_dump must be that version or newer, .*client programs \(on Debian the package postgresql-client-\1,/,
    );
    expect(await fs.readdir(dir)).toEqual([]);
  });
});

describe("pruning backups", () => {
  it("keeps exactly the newest N backups and leaves other files alone", async () => {
    const dir = await fs.mkdtemp(path.join(folder, "prune-"));
    const nights = Array.from({ length: 9 }, (_, day) => new Date(Date.UTC(2027, 0, 1 + day, 1, 40)));
    // written out of order: the names, not the order on disk, say which are newest
    for (const night of [...nights].reverse()) await fs.writeFile(path.join(dir, backupFileName(night)), "x");
    await fs.writeFile(path.join(dir, "notes.txt"), "mine");

    const removed = await pruneBackups(dir, 3);

    expect(removed).toEqual(nights.slice(0, 6).map(backupFileName));
    expect((await fs.readdir(dir)).sort()).toEqual([...nights.slice(6).map(backupFileName), "notes.txt"].sort());
    expect(await pruneBackups(dir, 3)).toEqual([]);
  });
});
