/**
 * Booking engine speed (issue 3): on a generated centre with 200,750 occurrences (55 rooms,
 * five bookings a day each, two years), the median and 95th percentile of
 * - expanding 10,000 occurrences (pure);
 * - checking conflicts for a weekly two-year series (104 dates) in a busy room;
 * - creating that series end to end (check + insert in one transaction);
 * - the same conflict check as one hand-written SQL query (the floor).
 */
import pg from "pg";
import { db } from "~/db/client.server";
import { createBooking } from "~/domain/bookings/create.server";
import { findConflicts } from "~/domain/bookings/conflicts.server";
import { planOccurrences } from "~/domain/bookings/occurrences";
import { expandOccurrences } from "~/domain/time/recurrence";
import { loadSpace } from "~/domain/centre/rooms.server";
import { createCentre, createOrganisation } from "../../prisma/factories";
import { measure, printTimings, type BenchContext } from "./support";

const ROOMS = 55;
const DAYS = 730;
const SLOTS = ["09:00", "11:00", "14:00", "16:00", "19:00"]; // 90 minutes each
const FIRST_DAY = "2027-01-01";

export async function run(context: BenchContext) {
  const url = await context.freshDatabase("engine");
  const centre = await createCentre({ name: "Benchmark", slug: `bench-${Date.now()}` });
  const organisation = await createOrganisation(centre.id, { name: "Bestaande huurders" });
  const started = Date.now();
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query(
    `INSERT INTO rooms (id, centre_id, name, capacity, setup_buffer_minutes, cleanup_buffer_minutes, sort_order)
     SELECT gen_random_uuid(), $1, 'Zaal ' || n, 30, 0, 0, n FROM generate_series(1, $2) AS n`,
    [centre.id, ROOMS],
  );
  await client.query(
    `INSERT INTO bookings (id, centre_id, organisation_id, room_id, title, rrule, local_start, duration_minutes, status, tier)
     SELECT gen_random_uuid(), $1, $2, r.id, 'Vaste gebruiker ' || s.slot, 'FREQ=DAILY;COUNT=${DAYS}',
            ($3::date + s.slot::time), 90, 'CONFIRMED', 'ASSOCIATION'
     FROM rooms r CROSS JOIN unnest($4::text[]) AS s(slot) WHERE r.centre_id = $1`,
    [centre.id, organisation.id, FIRST_DAY, SLOTS],
  );
  await client.query(
    `INSERT INTO occurrences (id, booking_id, centre_id, room_id, original_local_start, starts_at, ends_at)
     SELECT gen_random_uuid(), b.id, b.centre_id, b.room_id, b.local_start + d * interval '1 day',
            (b.local_start + d * interval '1 day') AT TIME ZONE 'Europe/Amsterdam',
            (b.local_start + d * interval '1 day' + interval '90 minutes') AT TIME ZONE 'Europe/Amsterdam'
     FROM bookings b CROSS JOIN generate_series(0, ${DAYS - 1}) AS d WHERE b.centre_id = $1`,
    [centre.id],
  );
  await client.query(
    `INSERT INTO room_claims (id, occurrence_id, centre_id, room_id, starts_at, ends_at, block_starts_at, block_ends_at)
     SELECT gen_random_uuid(), o.id, o.centre_id, o.room_id, o.starts_at, o.ends_at, o.starts_at, o.ends_at
     FROM occurrences o WHERE o.centre_id = $1`,
    [centre.id],
  );
  await client.query("ANALYZE");
  const count = (await client.query("SELECT count(*)::int AS n FROM occurrences WHERE centre_id = $1", [centre.id]))
    .rows[0].n as number;
  process.stdout.write(
    `Generated ${count.toLocaleString("en")} occurrences and claims in ${ROOMS} rooms in ${((Date.now() - started) / 1000).toFixed(1)} s.\n`,
  );

  const busyRoom = (await db().room.findFirstOrThrow({ where: { centreId: centre.id, name: "Zaal 1" } })).id;
  const clashing = {
    roomId: busyRoom,
    rrule: "FREQ=WEEKLY;COUNT=104",
    localStart: "2027-01-05T19:30",
    durationMinutes: 60,
  };
  const free = { ...clashing, localStart: "2027-01-05T20:45" };
  const checkClashing = await findConflicts(centre.id, clashing, { seesDetails: true });
  const checkFree = await findConflicts(centre.id, free, { seesDetails: true });
  process.stdout.write(
    `Busy room: the 19:30 series clashes on ${checkClashing.conflicts.length} of ${checkClashing.dates.length} dates; the 20:45 series on ${checkFree.conflicts.length}.\n`,
  );

  // The floor: the same check as one hand-written SQL query on the driver, for the same 104
  // dates: clashing claims with their booking and organisation, closures, and opening hours.
  const space = await loadSpace(db(), centre.id, busyRoom);
  const planned = planOccurrences({ ...clashing, timeZone: "Europe/Amsterdam" }, space);
  const floorSql = `
    WITH p AS (
      SELECT * FROM unnest($1::timestamptz[], $2::timestamptz[]) WITH ORDINALITY AS p(s, e, idx)
    ), local AS (
      SELECT idx, s, e, (s AT TIME ZONE 'Europe/Amsterdam') AS ls, (e AT TIME ZONE 'Europe/Amsterdam') AS le FROM p
    )
    SELECT p.idx, 'room-taken' AS reason, c.starts_at, b.title, org.name AS organisation
      FROM p CROSS JOIN LATERAL (
        SELECT * FROM room_claims c WHERE c.room_id = $3::uuid AND c.active
          AND tstzrange(c.block_starts_at, c.block_ends_at, '[)') && tstzrange(p.s, p.e, '[)') OFFSET 0) c
      JOIN occurrences o ON o.id = c.occurrence_id JOIN bookings b ON b.id = o.booking_id
      JOIN organisations org ON org.id = b.organisation_id
    UNION ALL
    SELECT l.idx, 'closed', NULL, cl.reason, NULL FROM local l
      JOIN closures cl ON cl.centre_id = $4::uuid AND (cl.room_id IS NULL OR cl.room_id = $3::uuid)
       AND cl.start_date <= l.le::date AND cl.end_date >= l.ls::date
    UNION ALL
    SELECT l.idx, 'outside-opening-hours', NULL, NULL, NULL FROM local l
     WHERE NOT EXISTS (
       SELECT 1 FROM opening_hours h WHERE h.centre_id = $4::uuid AND h.room_id IS NULL
          AND h.weekday = extract(isodow FROM l.ls)
          AND h.opens_minute <= extract(hour FROM l.ls) * 60 + extract(minute FROM l.ls)
          AND extract(hour FROM l.le) * 60 + extract(minute FROM l.le) <= h.closes_minute)`;
  const argsFor = (dates: typeof planned) => [
    dates.map((d) => d.claims[0]!.blockStartsAt.toISOString()),
    dates.map((d) => d.claims[0]!.blockEndsAt.toISOString()),
    busyRoom,
    centre.id,
  ];
  const floorArgs = argsFor(planned);
  const floorFreeArgs = argsFor(planOccurrences({ ...free, timeZone: "Europe/Amsterdam" }, space));
  const floorRows = (await client.query(floorSql, floorArgs)).rowCount;
  process.stdout.write(
    `Floor query finds ${floorRows} conflicts (the engine found ${checkClashing.conflicts.length}).\n`,
  );

  const timings = [
    await measure(
      "expand 10,000 occurrences (pure)",
      () =>
        expandOccurrences({
          rrule: "FREQ=DAILY;COUNT=10000",
          start: "2027-01-01T10:00",
          durationMinutes: 60,
          timeZone: "Europe/Amsterdam",
          limit: 10_000,
        }),
      { runs: 20 },
    ),
    await measure(
      "conflict check, 104 dates, all clash",
      () => findConflicts(centre.id, clashing, { seesDetails: true }),
      { runs: 100 },
    ),
    await measure("floor (same check in one SQL query), all clash", () => client.query(floorSql, floorArgs), {
      runs: 100,
    }),
    await measure(
      "conflict check, 104 dates, none clash",
      () => findConflicts(centre.id, free, { seesDetails: true }),
      { runs: 100 },
    ),
    await measure("floor (same check in one SQL query), none clash", () => client.query(floorSql, floorFreeArgs), {
      runs: 100,
    }),
  ];

  // Creating the free series end to end; each run is removed again afterwards (not measured).
  const samples: number[] = [];
  for (let run = -3; run < 40; run++) {
    const started = performance.now();
    const booking = await createBooking({
      centreId: centre.id,
      organisationId: organisation.id,
      roomId: busyRoom,
      title: "Nieuwe reeks",
      rrule: free.rrule,
      localStart: free.localStart,
      durationMinutes: 60,
      status: "CONFIRMED",
      tier: "RESIDENT_INITIATIVE",
    });
    const elapsed = performance.now() - started;
    if (run >= 0) samples.push(elapsed);
    await client.query("DELETE FROM bookings WHERE id = $1", [booking.id]);
  }
  samples.sort((a, b) => a - b);
  timings.push({
    label: "create the series end to end (check + insert)",
    runs: samples.length,
    medianMs: samples[Math.ceil(samples.length / 2) - 1]!,
    p95Ms: samples[Math.ceil(samples.length * 0.95) - 1]!,
  });
  printTimings(timings);
  const ratio = (check: number, floor: number) => (timings[check]!.medianMs / timings[floor]!.medianMs).toFixed(1);
  process.stdout.write(
    `Conflict check / floor: ${ratio(1, 2)}× when every date clashes, ${ratio(3, 4)}× when none does (aim: within 3×). ` +
      `Creation median: ${timings[5]!.medianMs.toFixed(1)} ms (aim: under 50 ms).\n`,
  );
  await client.end();
}
