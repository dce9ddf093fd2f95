/**
 * Report speed (issue 7): a year of reports for an installation of 18 centres and 150 rooms
 * with more than 500,000 occurrences (weekly series in every room, a combination per centre,
 * requests, cancellations, headcounts and month invoices), generated with set-based SQL.
 * Prints the median and 95th percentile of
 * - the occupancy report of the whole installation, as the municipality's view makes it (per
 *   centre, room, tier and paid/free), and the same with a split per month as well;
 * - the occupancy report of one centre (per room, month, tier and paid/free);
 * - one hand-written SQL aggregate over the same claims (booked hours per room): the floor;
 * - for context: a centre's whole report page (every figure, this year and last) and the
 *   municipality's view (key figures of all centres, both years).
 */
import { loadavg } from "node:os";
import { performance } from "node:perf_hooks";
import pg from "pg";
import { db } from "~/db/client.server";
import { buildCalendar } from "~/domain/reports/calendar";
import { reportQuery } from "~/domain/reports/occupancy.server";
import { resolvePeriod } from "~/domain/reports/period";
import { centreReport, installationReport, occupancyReport } from "~/domain/reports/report.server";
import { Prisma } from "~/generated/prisma/client";
import { measure, printTimings, type BenchContext, type Timing } from "./support";

const CENTRES = 18;
const ROOMS = 150;
const YEAR = 2027;

/** Weekly opening hours as in the default centre: Mon–Thu 08:30–22, Fri –23, Sat 09–24, Sun 10–18. */
export const GENERATE = [
  `SELECT setseed(0.7)`,
  `CREATE TEMP TABLE bench_centres AS SELECT i, gen_random_uuid() AS id FROM generate_series(1, ${CENTRES}) i`,
  `INSERT INTO centres (id, slug, name, time_zone, invoice_prefix)
   SELECT id, 'bench-' || lpad(i::text, 2, '0'), 'Buurthuis ' || lpad(i::text, 2, '0'), 'Europe/Amsterdam', 'B' || i FROM bench_centres`,
  `INSERT INTO opening_hours (centre_id, weekday, opens_minute, closes_minute)
   SELECT c.id, w.weekday, w.opens, w.closes FROM bench_centres c
   CROSS JOIN (VALUES (1, 510, 1320), (2, 510, 1320), (3, 510, 1320), (4, 510, 1320), (5, 510, 1380), (6, 540, 1440), (7, 600, 1080)) w(weekday, opens, closes)`,
  `INSERT INTO day_parts (centre_id, day_part, start_minute, end_minute)
   SELECT c.id, p.part::"DayPart", p.s, p.e FROM bench_centres c
   CROSS JOIN (VALUES ('MORNING', 510, 750), ('AFTERNOON', 750, 1050), ('EVENING', 1050, 1440)) p(part, s, e)`,
  `INSERT INTO closures (centre_id, start_date, end_date, reason)
   SELECT id, date '${YEAR - 1}-12-24', date '${YEAR}-01-01', 'Kerst' FROM bench_centres
   UNION ALL SELECT id, date '${YEAR}-12-24', date '${YEAR + 1}-01-01', 'Kerst' FROM bench_centres`,
  // 150 physical rooms: 9 in the first six centres, 8 in the others; every third has 5-minute buffers.
  `CREATE TEMP TABLE bench_rooms AS
   SELECT gen_random_uuid() AS id, c.id AS centre_id, n FROM bench_centres c
   CROSS JOIN LATERAL generate_series(1, CASE WHEN c.i <= ${ROOMS - 8 * CENTRES} THEN 9 ELSE 8 END) n`,
  `INSERT INTO rooms (id, centre_id, kind, name, capacity, setup_buffer_minutes, cleanup_buffer_minutes, sort_order)
   SELECT id, centre_id, 'ROOM', 'Zaal ' || n, 20 + 5 * n, CASE WHEN n % 3 = 0 THEN 5 ELSE 0 END, CASE WHEN n % 3 = 0 THEN 5 ELSE 0 END, n FROM bench_rooms`,
  `CREATE TEMP TABLE bench_combos AS SELECT gen_random_uuid() AS id, id AS centre_id FROM bench_centres`,
  `INSERT INTO rooms (id, centre_id, kind, name, capacity, sort_order) SELECT id, centre_id, 'COMBINATION', 'Grote zaal', 80, 20 FROM bench_combos`,
  `INSERT INTO room_combo_members (combination_id, room_id) SELECT c.id, r.id FROM bench_combos c JOIN bench_rooms r ON r.centre_id = c.centre_id AND r.n IN (1, 2)`,
  `CREATE TEMP TABLE bench_orgs AS
   SELECT gen_random_uuid() AS id, c.id AS centre_id, k, (ARRAY['RESIDENT_INITIATIVE','ASSOCIATION','PRIVATE','COMMERCIAL'])[1 + k % 4]::"Tier" AS tier
   FROM bench_centres c CROSS JOIN generate_series(0, 23) k`,
  `INSERT INTO organisations (id, centre_id, name, tier, tier_verified_at, contact_name)
   SELECT id, centre_id, 'Organisatie ' || k, tier, now(), 'Contact ' || k FROM bench_orgs`,
  // A weekly series for four in five (room, weekday, hour) slots inside the opening hours; rooms 1
  // and 2 keep Saturday evening free for the combination.
  `CREATE TEMP TABLE bench_series AS
   SELECT gen_random_uuid() AS id, r.centre_id, r.id AS room_id, r.n, wd, h,
          (SELECT o.id FROM bench_orgs o WHERE o.centre_id = r.centre_id AND o.k = (r.n * 7 + wd * 13 + h) % 24) AS organisation_id,
          CASE WHEN random() < 0.03 THEN 'PENDING' WHEN random() < 0.02 THEN 'CANCELLED' ELSE 'CONFIRMED' END::"BookingStatus" AS status,
          CASE WHEN r.n % 3 = 0 THEN 50 ELSE 60 END AS minutes
   FROM bench_rooms r CROSS JOIN generate_series(1, 7) wd CROSS JOIN generate_series(9, 21) h
   WHERE random() < 0.8 AND NOT (wd = 7 AND (h < 10 OR h >= 18)) AND NOT (r.n IN (1, 2) AND wd = 6 AND h >= 19)`,
  `INSERT INTO bench_series SELECT gen_random_uuid(), c.centre_id, c.id, 0, 6, 19,
          (SELECT o.id FROM bench_orgs o WHERE o.centre_id = c.centre_id AND o.k = 2), 'CONFIRMED', 270 FROM bench_combos c`,
  `INSERT INTO bookings (id, centre_id, organisation_id, room_id, title, rrule, local_start, duration_minutes, status, tier)
   SELECT s.id, s.centre_id, s.organisation_id, s.room_id, 'Serie ' || s.n || '-' || s.wd || '-' || s.h, 'FREQ=WEEKLY',
          timestamp '${YEAR}-01-04 00:00' + make_interval(days => s.wd - 1, hours => s.h), s.minutes, s.status, o.tier
   FROM bench_series s JOIN bench_orgs o ON o.id = s.organisation_id`,
  // Dates: every week of the year outside the Christmas closure, as wall-clock times turned into
  // instants in the centre's zone (timestamp arithmetic, then AT TIME ZONE).
  `CREATE TEMP TABLE bench_dates AS
   SELECT gen_random_uuid() AS id, s.id AS booking_id, s.centre_id, s.room_id, s.status, s.minutes, d + make_interval(hours => s.h) AS local_start
   FROM bench_series s
   CROSS JOIN LATERAL generate_series(timestamp '${YEAR}-01-04' + make_interval(days => s.wd - 1), timestamp '${YEAR}-12-23', interval '7 days') d`,
  `INSERT INTO occurrences (id, booking_id, centre_id, room_id, original_local_start, starts_at, ends_at, status, price_excl_cents)
   SELECT id, booking_id, centre_id, room_id, local_start, local_start AT TIME ZONE 'Europe/Amsterdam',
          (local_start + make_interval(mins => minutes)) AT TIME ZONE 'Europe/Amsterdam',
          CASE WHEN status = 'CANCELLED' OR random() < 0.02 THEN 'CANCELLED' ELSE 'ACTIVE' END::"OccurrenceStatus",
          CASE WHEN random() < 0.3 THEN 0 ELSE 1500 END
   FROM bench_dates`,
  // Claims in bulk: the exclusion constraint is built once afterwards (the data has no overlaps).
  `ALTER TABLE room_claims DROP CONSTRAINT room_claims_no_overlap`,
  `INSERT INTO room_claims (occurrence_id, centre_id, room_id, starts_at, ends_at, block_starts_at, block_ends_at, active)
   SELECT o.id, o.centre_id, coalesce(m.room_id, o.room_id), o.starts_at, o.ends_at,
          o.starts_at - make_interval(mins => r.setup_buffer_minutes), o.ends_at + make_interval(mins => r.cleanup_buffer_minutes),
          o.status = 'ACTIVE' AND b.status IN ('CONFIRMED', 'PENDING')
   FROM occurrences o JOIN bookings b ON b.id = o.booking_id JOIN rooms r ON r.id = o.room_id
   LEFT JOIN room_combo_members m ON m.combination_id = o.room_id`,
  `ALTER TABLE room_claims ADD CONSTRAINT room_claims_no_overlap
   EXCLUDE USING gist ("room_id" WITH =, tstzrange("block_starts_at", "block_ends_at", '[)') WITH &&) WHERE ("active")`,
  // Headcounts on one in six past dates, and a month invoice per booking with paid dates.
  `INSERT INTO attendance (occurrence_id, centre_id, headcount, first_time_count)
   SELECT id, centre_id, 5 + (random() * 30)::int, (random() * 3)::int FROM occurrences WHERE status = 'ACTIVE' AND random() < 0.17`,
  `CREATE TEMP TABLE bench_invoices AS
   SELECT gen_random_uuid() AS id, b.centre_id, b.organisation_id, date_trunc('month', o.original_local_start) AS month,
          sum(o.price_excl_cents)::int AS excl, row_number() OVER (PARTITION BY b.centre_id ORDER BY date_trunc('month', o.original_local_start), b.organisation_id) AS seq
   FROM occurrences o JOIN bookings b ON b.id = o.booking_id
   WHERE o.status = 'ACTIVE' AND b.status = 'CONFIRMED' AND o.price_excl_cents > 0
   GROUP BY b.centre_id, b.organisation_id, date_trunc('month', o.original_local_start)`,
  `INSERT INTO invoices (id, centre_id, organisation_id, year, sequence, number, issued_at, due_at, total_excl_cents, vat_cents, total_incl_cents, billing_snapshot)
   SELECT id, centre_id, organisation_id, ${YEAR}, seq, 'B-' || seq, (month + interval '1 month 9 hours') AT TIME ZONE 'Europe/Amsterdam',
          (month + interval '1 month 14 days') AT TIME ZONE 'Europe/Amsterdam', excl, 0, excl, '{}' FROM bench_invoices`,
  `INSERT INTO invoice_lines (invoice_id, booking_id, description, amount_excl_cents, vat_cents)
   SELECT i.id, o.booking_id, 'Huur', sum(o.price_excl_cents)::int, 0
   FROM bench_invoices i JOIN bookings b ON b.centre_id = i.centre_id AND b.organisation_id = i.organisation_id
   JOIN occurrences o ON o.booking_id = b.id AND date_trunc('month', o.original_local_start) = i.month
   WHERE o.status = 'ACTIVE' AND b.status = 'CONFIRMED' AND o.price_excl_cents > 0
   GROUP BY i.id, o.booking_id`,
  `INSERT INTO payments (centre_id, organisation_id, invoice_id, amount_cents, method, received_at)
   SELECT centre_id, organisation_id, id, excl, 'BANK_TRANSFER', (month + interval '1 month 20 days') AT TIME ZONE 'Europe/Amsterdam'
   FROM bench_invoices WHERE random() < 0.9`,
  `ANALYZE`,
];

/** The floor: booked hours per room over the same claims, as one plain aggregate. */
function floorSql(centreIds: string[], from: Date, to: Date) {
  return Prisma.sql`
    SELECT rc.room_id, sum(date_part('epoch', least(rc.ends_at, ${to.toISOString()}::timestamptz))
                         - date_part('epoch', greatest(rc.starts_at, ${from.toISOString()}::timestamptz))) / 3600 AS hours
    FROM room_claims rc
    JOIN occurrences o ON o.id = rc.occurrence_id
    JOIN bookings b ON b.id = o.booking_id
    WHERE rc.centre_id = ANY(${centreIds}::uuid[]) AND rc.active AND o.status = 'ACTIVE' AND b.status = 'CONFIRMED'
      AND rc.starts_at < ${to.toISOString()}::timestamptz AND rc.ends_at > ${from.toISOString()}::timestamptz
    GROUP BY rc.room_id`;
}

/** Like measure(), for several pieces of work that take turns: run 1 of each, run 2 of each, … */
async function measureInTurns(works: [string, () => Promise<unknown>][], runs: number, warmup = 3): Promise<Timing[]> {
  for (let run = 0; run < warmup; run++) for (const [, work] of works) await work();
  const samples = works.map(() => [] as number[]);
  for (let run = 0; run < runs; run++) {
    for (const [index, [, work]] of works.entries()) {
      const started = performance.now();
      await work();
      samples[index]!.push(performance.now() - started);
    }
  }
  return works.map(([label], index) => {
    const sorted = samples[index]!.sort((a, b) => a - b);
    const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
    return { label, runs, medianMs: at(0.5), p95Ms: at(0.95) };
  });
}

export async function run(context: BenchContext) {
  const url = await context.freshDatabase("reports");
  const started = Date.now();
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    for (const statement of GENERATE) await client.query(statement);
    const counts = (
      await client.query(`SELECT (SELECT count(*) FROM occurrences)::int AS occurrences, (SELECT count(*) FROM room_claims)::int AS claims,
                                 (SELECT count(*) FROM rooms WHERE kind = 'ROOM')::int AS rooms, (SELECT count(*) FROM centres)::int AS centres`)
    ).rows[0] as { occurrences: number; claims: number; rooms: number; centres: number };
    process.stdout.write(
      `Generated ${counts.centres} centres, ${counts.rooms} rooms, ${counts.occurrences.toLocaleString("en")} occurrences and ` +
        `${counts.claims.toLocaleString("en")} room claims for ${YEAR} in ${((Date.now() - started) / 1000).toFixed(1)} s.\n`,
    );
  } finally {
    await client.end();
  }

  const centres = await db().centre.findMany({ orderBy: { slug: "asc" }, select: { id: true } });
  const all = centres.map((centre) => centre.id);
  const one = [all[0]!];
  const period = resolvePeriod({ kind: "year", date: `${YEAR}-06-01` });
  const calendar = buildCalendar("Europe/Amsterdam", period, []);
  const from = new Date(calendar.days[0]!.start);
  const to = new Date(calendar.days.at(-1)!.end);

  // The report and the floor agree on the hours (the floor has no opening hours or months).
  const figures = await occupancyReport(all, period, { byMonth: false });
  const reportHours = [...figures.values()].reduce((sum, centre) => sum + centre.total.bookedHours, 0);
  const floorRows = await reportQuery<{ hours: number }[]>(floorSql(all, from, to));
  const floorHours = floorRows.reduce((sum, row) => sum + Number(row.hours), 0);
  process.stdout.write(`Booked hours: report ${reportHours.toFixed(1)}, floor ${floorHours.toFixed(1)}.\n`);
  if (Math.abs(reportHours - floorHours) > 0.01)
    throw new Error("The report and the floor disagree on the booked hours.");

  // The floor and the reports take turns, run by run, so a busy machine slows them alike.
  const timings = await measureInTurns(
    [
      ["floor: SQL aggregate, whole installation", () => reportQuery(floorSql(all, from, to))],
      ["occupancy report, whole installation (18 centres)", () => occupancyReport(all, period, { byMonth: false })],
      ["  the same, also split per month", () => occupancyReport(all, period)],
      ["floor: SQL aggregate, one centre", () => reportQuery(floorSql(one, from, to))],
      ["occupancy report, one centre", () => occupancyReport(one, period)],
    ],
    30,
  );
  timings.push(
    await measure("whole report page of one centre (both years)", () => centreReport(one[0]!, period), {
      runs: 10,
      warmup: 2,
    }),
  );
  timings.push(
    await measure("municipality view (all centres, both years)", () => installationReport(period), {
      runs: 10,
      warmup: 2,
    }),
  );
  printTimings(timings);
  const ratio = (report: Timing, floor: Timing) => (report.medianMs / floor.medianMs).toFixed(2);
  process.stdout.write(
    `Report ÷ floor (medians): whole installation ${ratio(timings[1]!, timings[0]!)}× (per month as well ${ratio(timings[2]!, timings[0]!)}×), ` +
      `one centre ${ratio(timings[4]!, timings[3]!)}×. Load average when done: ${loadavg()
        .map((value) => value.toFixed(2))
        .join(" ")}.\n`,
  );
}
