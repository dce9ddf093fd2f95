import { db } from "~/db/client.server";
import type { DayPart } from "~/generated/prisma/client";
import { NotFoundError } from "../shared/errors";
import { listEnergyReadings } from "./board-input.server";
import type { Calendar } from "./calendar";
import {
  clockFigures,
  costsOfPeriod,
  energyFigures,
  ratio,
  occupancyFigures,
  revenueFigures,
  visitorFigures,
  type ClockFigures,
  type EnergyFigures,
  type MoneySplit,
  type OccupancyFigures,
  type RevenueFigures,
  type VisitorFigures,
} from "./figures";
import { COMMUNITY_TIERS } from "../rules/tiers";
import { loadBookedIntervals, loadOccupancy, loadScope, type ScopeCentre } from "./occupancy.server";
import { monthsOf, previousYear, type ReportPeriod } from "./period";
import { loadRevenue, loadRevenueTotals } from "./revenue.server";
import { loadVisitors } from "./visitors.server";
import { clock } from "~/lib/clock";

/**
 * The whole report for one centre, or the side-by-side view of all centres, each for a period
 * and the same period a year earlier. Every query is scoped to the centres asked for; the
 * routes decide who may ask (requireCentrePermission / requireInstallationPermission).
 */

interface PeriodFigures {
  period: ReportPeriod;
  /** false when nothing at all was booked, counted, invoiced or paid (e.g. before the centre used Buurtrooster) */
  hasData: boolean;
  occupancy: OccupancyFigures;
  clock: ClockFigures;
  visitors: VisitorFigures;
  revenue: RevenueFigures;
  energy: EnergyFigures;
}

export interface CentreReport {
  centre: { id: string; slug: string; name: string; timeZone: string };
  /** rooms and combinations, for names (revenue is per space) */
  spaces: { id: string; name: string; kind: "ROOM" | "COMBINATION" }[];
  dayParts: { dayPart: DayPart; startMinute: number; endMinute: number }[];
  current: PeriodFigures;
  previous: PeriodFigures;
  /** ISO instant */
  generatedAt: string;
}

function instants(calendar: Calendar) {
  const first = calendar.days[0];
  const last = calendar.days.at(-1);
  return { from: new Date(first?.start ?? 0), to: new Date(last?.end ?? 0) };
}

async function centreFigures(
  centreId: string,
  period: ReportPeriod,
): Promise<{ scope: ScopeCentre; figures: PeriodFigures }> {
  const [scope] = await loadScope([centreId], period);
  if (!scope) throw new NotFoundError("centre");
  const occupancyData = await loadOccupancy([scope], period);
  const calendar = occupancyData.calendars[0]!;
  const { from, to } = instants(calendar);
  const [intervals, visitors, revenue, readings] = await Promise.all([
    loadBookedIntervals(calendar, centreId),
    loadVisitors({ centreIds: [centreId], period, from, to }),
    loadRevenue(centreId, from, to),
    listEnergyReadings(centreId, monthsOf(period)),
  ]);
  const rooms = scope.rooms.filter((room) => room.kind === "ROOM");
  const occupancy = occupancyFigures(period, calendar, rooms, occupancyData.booked);
  const visitorFigure = visitorFigures(visitors.get(centreId)!);
  const revenueFigure = revenueFigures(
    period,
    revenue.invoices,
    revenue.payments,
    revenue.yearCosts,
    revenue.depositsHeldCents,
  );
  return {
    scope,
    figures: {
      period,
      hasData:
        occupancy.total.bookedHours > 0 ||
        visitorFigure.countedDates > 0 ||
        revenueFigure.invoicedCents !== 0 ||
        revenueFigure.receivedCents !== 0,
      occupancy,
      clock: clockFigures(calendar, centreId, scope.dayParts, intervals),
      visitors: visitorFigure,
      revenue: revenueFigure,
      energy: energyFigures(period, occupancy.months, readings),
    },
  };
}

/** The report of one centre for `period`, next to the same period a year earlier. */
export async function centreReport(centreId: string, period: ReportPeriod, now = clock.now()): Promise<CentreReport> {
  const [current, previous] = await Promise.all([
    centreFigures(centreId, period),
    centreFigures(centreId, previousYear(period)),
  ]);
  const scope = current.scope;
  return {
    centre: { id: scope.id, slug: scope.slug, name: scope.name, timeZone: scope.timeZone },
    spaces: scope.rooms.map((room) => ({ id: room.id, name: room.name, kind: room.kind })),
    dayParts: scope.dayParts,
    current: current.figures,
    previous: previous.figures,
    generatedAt: now.toISOString(),
  };
}

// ─── All centres side by side ───────────────────────────────────────────────

export interface KeyFigures {
  /** false when nothing at all was booked, counted, invoiced or paid */
  hasData: boolean;
  bookedHours: number;
  availableHours: number;
  occupancy: number | null;
  communityHours: number;
  communityShare: number | null;
  visitors: number;
  firstTime: number;
  activities: number;
  organisations: number;
  invoicedCents: number;
  invoicedExclCents: number;
  receivedCents: number;
  outstandingCents: number;
  costsCents: number | null;
  costRecovery: number | null;
}

export interface InstallationReport {
  period: ReportPeriod;
  previousPeriod: ReportPeriod;
  centres: { id: string; slug: string; name: string; current: KeyFigures; previous: KeyFigures }[];
  total: { current: KeyFigures; previous: KeyFigures };
  generatedAt: string;
}

/**
 * Occupancy per room, month and tier of every centre in `centreIds` over `period`: one
 * aggregate query per time zone for all of them (the figure the benchmark times).
 */
export async function occupancyReport(
  centreIds: string[],
  period: ReportPeriod,
  options: { byMonth: boolean } = { byMonth: true },
): Promise<Map<string, OccupancyFigures>> {
  const scopes = await loadScope(centreIds, period);
  const data = await loadOccupancy(scopes, period, options);
  return new Map(
    scopes.map((scope) => {
      const calendar = data.calendars.find((candidate) => candidate.timeZone === scope.timeZone)!;
      return [
        scope.id,
        occupancyFigures(
          period,
          calendar,
          scope.rooms.filter((room) => room.kind === "ROOM"),
          data.booked,
          options,
        ),
      ];
    }),
  );
}

/** Key figures of every centre in `centreIds` (one occupancy query for all of them). */
export async function keyFiguresOf(centreIds: string[], period: ReportPeriod): Promise<Map<string, KeyFigures>> {
  const scopes = await loadScope(centreIds, period);
  // The side-by-side view needs no months and no list of long-running series.
  const occupancyData = await loadOccupancy(scopes, period, { byMonth: false });
  // Centres per zone from the scopes, not from the room profiles: a centre without rooms yet still has a row.
  const centresIn = (calendar: Calendar) =>
    scopes.filter((scope) => scope.timeZone === calendar.timeZone).map((scope) => scope.id);
  const visitorsByZone = await Promise.all(
    occupancyData.calendars.map((calendar) =>
      loadVisitors({
        centreIds: centresIn(calendar),
        period,
        ...instants(calendar),
        continuity: false,
      }),
    ),
  );
  const revenueByZone = await Promise.all(
    occupancyData.calendars.map((calendar) =>
      loadRevenueTotals(centresIn(calendar), instants(calendar).from, instants(calendar).to),
    ),
  );
  const result = new Map<string, KeyFigures>();
  for (const scope of scopes) {
    const calendar = occupancyData.calendars.find((candidate) => candidate.timeZone === scope.timeZone)!;
    const occupancy = occupancyFigures(
      period,
      calendar,
      scope.rooms.filter((room) => room.kind === "ROOM"),
      occupancyData.booked,
      {
        byMonth: false,
      },
    );
    const visitorRows = visitorsByZone.map((map) => map.get(scope.id)).find((rows) => rows !== undefined);
    const visitors = visitorFigures(
      visitorRows ?? { perActivity: [], activities: 0, organisations: 0, continuing: [] },
    );
    const revenue = revenueByZone.find((zone) => zone.totals.has(scope.id))!;
    const money = revenue.totals.get(scope.id)!;
    const costsCents = costsOfPeriod(period, revenue.yearCosts.get(scope.id)!);
    result.set(
      scope.id,
      keyFigures(occupancy, visitors, {
        ...money,
        costsCents,
        costRecovery: costsCents === null ? null : ratio(money.invoicedExclCents, costsCents),
      }),
    );
  }
  return result;
}

function keyFigures(
  occupancy: OccupancyFigures,
  visitors: VisitorFigures,
  revenue: MoneySplit & { costsCents: number | null; costRecovery: number | null },
): KeyFigures {
  const communityHours = occupancy.tiers
    .filter((row) => COMMUNITY_TIERS.includes(row.tier))
    .reduce((sum, row) => sum + row.hours, 0);
  return {
    hasData:
      occupancy.total.bookedHours > 0 ||
      visitors.countedDates > 0 ||
      revenue.invoicedCents !== 0 ||
      revenue.receivedCents !== 0,
    bookedHours: occupancy.total.bookedHours,
    availableHours: occupancy.total.availableHours,
    occupancy: occupancy.total.occupancy,
    communityHours,
    communityShare: occupancy.communityShare,
    visitors: visitors.headcount,
    firstTime: visitors.firstTime,
    activities: visitors.activities,
    organisations: visitors.organisations,
    invoicedCents: revenue.invoicedCents,
    invoicedExclCents: revenue.invoicedExclCents,
    receivedCents: revenue.receivedCents,
    outstandingCents: revenue.outstandingCents,
    costsCents: revenue.costsCents,
    costRecovery: revenue.costRecovery,
  };
}

/** The figures of several centres added up; shares are recomputed from the sums. */
function sumKeyFigures(rows: KeyFigures[]): KeyFigures {
  const sum = (pick: (row: KeyFigures) => number) => rows.reduce((total, row) => total + pick(row), 0);
  const bookedHours = sum((row) => row.bookedHours);
  const availableHours = sum((row) => row.availableHours);
  const communityHours = sum((row) => row.communityHours);
  const invoicedExclCents = sum((row) => row.invoicedExclCents);
  const costsKnown = rows.length > 0 && rows.every((row) => row.costsCents !== null);
  const costsCents = costsKnown ? sum((row) => row.costsCents!) : null;
  return {
    hasData: rows.some((row) => row.hasData),
    bookedHours,
    availableHours,
    occupancy: availableHours > 0 ? bookedHours / availableHours : null,
    communityHours,
    communityShare: bookedHours > 0 ? communityHours / bookedHours : null,
    visitors: sum((row) => row.visitors),
    firstTime: sum((row) => row.firstTime),
    activities: sum((row) => row.activities),
    organisations: sum((row) => row.organisations),
    invoicedCents: sum((row) => row.invoicedCents),
    invoicedExclCents,
    receivedCents: sum((row) => row.receivedCents),
    outstandingCents: sum((row) => row.outstandingCents),
    costsCents,
    costRecovery: costsCents !== null && costsCents > 0 ? invoicedExclCents / costsCents : null,
  };
}

/** Every active centre of the installation side by side, and summed. */
export async function installationReport(period: ReportPeriod, now = clock.now()): Promise<InstallationReport> {
  const centres = await db().centre.findMany({
    where: { active: true },
    orderBy: { name: "asc" },
    select: { id: true, slug: true, name: true },
  });
  const ids = centres.map((centre) => centre.id);
  const previousPeriod = previousYear(period);
  const [current, previous] = await Promise.all([keyFiguresOf(ids, period), keyFiguresOf(ids, previousPeriod)]);
  const rows = centres.map((centre) => ({
    ...centre,
    current: current.get(centre.id)!,
    previous: previous.get(centre.id)!,
  }));
  return {
    period,
    previousPeriod,
    centres: rows,
    total: {
      current: sumKeyFigures(rows.map((row) => row.current)),
      previous: sumKeyFigures(rows.map((row) => row.previous)),
    },
    generatedAt: now.toISOString(),
  };
}
