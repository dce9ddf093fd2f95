import { db } from "~/db/client.server";
import { Prisma, type Tier } from "~/generated/prisma/client";
import { formatLocalDate } from "../time/time-zone";
import type { ActivityVisitors, ContinuingSeries } from "./figures";
import { plusYears, type ReportPeriod } from "./period";

/**
 * Visitors and continuity from the database. A date counts when it is active and its booking
 * is CONFIRMED, as for occupancy; its headcount is the one a host recorded (Attendance).
 * `from`/`to` are the period's first and last midnight as instants in the centres' zone.
 */

export interface VisitorRows {
  centreId: string;
  perActivity: ActivityVisitors[];
  activities: number;
  organisations: number;
  continuing: ContinuingSeries[];
}

interface Window {
  centreIds: string[];
  period: ReportPeriod;
  from: Date;
  to: Date;
  /** look up the series that run for more than a year (default true) */
  continuity?: boolean;
}

export async function loadVisitors({
  centreIds,
  period,
  from,
  to,
  continuity = true,
}: Window): Promise<Map<string, VisitorRows>> {
  const [headcounts, counts, series] = await Promise.all([
    db().$queryRaw<
      {
        centre_id: string;
        title: string;
        organisation: string;
        tier: Tier;
        dates: number;
        headcount: number;
        first_time: number;
      }[]
    >(Prisma.sql`
      SELECT o.centre_id::text AS centre_id, coalesce(act.title, b.title) AS title, org.name AS organisation, b.tier::text AS tier,
             count(*)::int AS dates, sum(a.headcount)::int AS headcount, sum(a.first_time_count)::int AS first_time
      FROM attendance a
      JOIN occurrences o ON o.id = a.occurrence_id
      JOIN bookings b ON b.id = o.booking_id
      JOIN organisations org ON org.id = b.organisation_id
      LEFT JOIN activities act ON act.booking_id = b.id
      WHERE a.centre_id = ANY(${centreIds}::uuid[]) AND o.status = 'ACTIVE' AND b.status = 'CONFIRMED'
        AND o.starts_at >= ${from} AND o.starts_at < ${to}
      GROUP BY 1, 2, 3, 4`),
    // Bookings with at least one date that counts (an index probe per booking, not a scan of all dates).
    db().$queryRaw<{ centre_id: string; activities: number; organisations: number }[]>(Prisma.sql`
      SELECT b.centre_id::text AS centre_id,
             count(DISTINCT (b.organisation_id, lower(coalesce(act.title, b.title)))) FILTER (WHERE act.id IS NOT NULL)::int AS activities,
             count(DISTINCT b.organisation_id)::int AS organisations
      FROM bookings b
      LEFT JOIN activities act ON act.booking_id = b.id
      WHERE b.centre_id = ANY(${centreIds}::uuid[]) AND b.status = 'CONFIRMED'
        AND EXISTS (SELECT 1 FROM occurrences o WHERE o.booking_id = b.id AND o.status = 'ACTIVE' AND o.starts_at < ${to} AND o.ends_at > ${from})
      GROUP BY 1`),
    // Series with a date in the period, traced back through "this and following" splits to
    // the booking that started them.
    !continuity
      ? Promise.resolve([])
      : db().$queryRaw<
          { centre_id: string; title: string; organisation: string; tier: Tier; since: Date }[]
        >(Prisma.sql`
      WITH RECURSIVE counted AS (
        SELECT b.id FROM bookings b
        WHERE b.centre_id = ANY(${centreIds}::uuid[]) AND b.status = 'CONFIRMED' AND b.rrule IS NOT NULL
          AND EXISTS (SELECT 1 FROM occurrences o WHERE o.booking_id = b.id AND o.status = 'ACTIVE' AND o.starts_at < ${to} AND o.ends_at > ${from})
      ), chain AS (
        SELECT b.id AS counted_id, b.id, b.split_from_id FROM bookings b JOIN counted c ON c.id = b.id
        UNION ALL
        SELECT chain.counted_id, parent.id, parent.split_from_id FROM chain JOIN bookings parent ON parent.id = chain.split_from_id
      ), roots AS (
        SELECT DISTINCT ON (counted_id) counted_id, id AS root_id FROM chain WHERE split_from_id IS NULL
      )
      SELECT root.centre_id::text AS centre_id, coalesce(act.title, root.title) AS title, org.name AS organisation,
             root.tier::text AS tier, min(root.local_start) AS since
      FROM roots
      JOIN bookings root ON root.id = roots.root_id
      JOIN organisations org ON org.id = root.organisation_id
      LEFT JOIN activities act ON act.booking_id = root.id
      GROUP BY root.id, root.centre_id, act.title, root.title, org.name, root.tier`),
  ]);
  const longerThan = plusYears(period.to, -1);
  const result = new Map<string, VisitorRows>();
  const rowsOf = (centreId: string) => {
    let rows = result.get(centreId);
    if (!rows) {
      rows = { centreId, perActivity: [], activities: 0, organisations: 0, continuing: [] };
      result.set(centreId, rows);
    }
    return rows;
  };
  for (const centreId of centreIds) rowsOf(centreId);
  for (const row of headcounts) {
    rowsOf(row.centre_id).perActivity.push({
      title: row.title,
      organisation: row.organisation,
      tier: row.tier,
      dates: row.dates,
      headcount: row.headcount,
      firstTime: row.first_time,
    });
  }
  for (const row of counts)
    Object.assign(rowsOf(row.centre_id), { activities: row.activities, organisations: row.organisations });
  for (const row of series) {
    const since = formatLocalDate(row.since);
    if (since < longerThan) {
      rowsOf(row.centre_id).continuing.push({
        title: row.title,
        organisation: row.organisation,
        tier: row.tier,
        since,
      });
    }
  }
  return result;
}
