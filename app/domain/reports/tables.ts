import type { Key } from "~/i18n/translate";
import type { ColumnKind, CellValue } from "./format";
import type { CentreReport, InstallationReport, KeyFigures } from "./report.server";
import { TIERS_BY_PRIORITY } from "../rules/tiers";

/**
 * Every table of the report, as data (pure): the page shows them, the CSV export writes them
 * and the PDF prints them, so all three always say the same. Values are raw (hours, fractions,
 * cents, codes); formatting happens where they are shown.
 */

export interface ReportColumn {
  key: string;
  label: Key;
  /** "row": each row says its own kind in `_kind` (the key-figures table) */
  kind: ColumnKind | "row";
}

export type ReportRow = Record<string, CellValue> & {
  /** a total row (shown in bold) */
  _total?: CellValue;
  /** the kind of this row's values, for columns of kind "row" */
  _kind?: CellValue;
  /** the column whose value is a catalogue key (a label of ours, not a name) */
  _label?: CellValue;
};

export interface ReportTable {
  id: string;
  title: Key;
  columns: ReportColumn[];
  rows: ReportRow[];
}

export const CENTRE_TABLES = [
  "key-figures",
  "rooms",
  "months",
  "day-parts",
  "heat",
  "tiers",
  "activities",
  "visitor-tiers",
  "continuity",
  "revenue-tiers",
  "revenue-rooms",
  "energy",
] as const;
export type CentreTableId = (typeof CENTRE_TABLES)[number];

const col = (key: string, label: Key, kind: ReportColumn["kind"]): ReportColumn => ({ key, label, kind });

/**
 * A year-earlier value, or null when that period has nothing in it at all (say, before the
 * centre used Buurtrooster): those figures were not kept here, they were not zero.
 */
function yearEarlier(previous: { hasData: boolean }) {
  return <T>(value: T): T | null => (previous.hasData ? value : null);
}

/** The occupancy columns that several tables end with: hours, occupancy, and occupancy a year earlier. */
const OCCUPANCY_COLUMNS = [
  col("bookedHours", "reports.columns.bookedHours", "hours"),
  col("availableHours", "reports.columns.availableHours", "hours"),
  col("occupancy", "reports.columns.occupancy", "percent"),
  col("occupancyLastYear", "reports.columns.occupancyLastYear", "percent"),
];

function occupancyCells(
  figures: { bookedHours: number; availableHours: number; occupancy: number | null },
  lastYear: number | null,
) {
  return {
    bookedHours: figures.bookedHours,
    availableHours: figures.availableHours,
    occupancy: figures.occupancy,
    occupancyLastYear: lastYear,
  };
}

/** The visitor columns: dates counted, visitors, first-timers, and visitors a year earlier. */
const VISITOR_COLUMNS = [
  col("dates", "reports.columns.dates", "count"),
  col("visitors", "reports.columns.visitors", "count"),
  col("firstTime", "reports.columns.firstTime", "count"),
  col("visitorsLastYear", "reports.columns.visitorsLastYear", "count"),
];

function visitorCells(figures: { dates: number; headcount: number; firstTime: number }, lastYear: number | null) {
  return {
    dates: figures.dates,
    visitors: figures.headcount,
    firstTime: figures.firstTime,
    visitorsLastYear: lastYear,
  };
}

/** The money columns of the revenue tables: invoiced, received, outstanding, and invoiced a year earlier. */
const MONEY_COLUMNS = [
  col("invoiced", "reports.columns.invoiced", "money"),
  col("received", "reports.columns.received", "money"),
  col("outstanding", "reports.columns.outstanding", "money"),
  col("invoicedLastYear", "reports.columns.invoicedLastYear", "money"),
];

function moneyCells(
  figures: { invoicedCents: number; receivedCents: number; outstandingCents: number },
  lastYear: number | null,
) {
  return {
    invoiced: figures.invoicedCents,
    received: figures.receivedCents,
    outstanding: figures.outstandingCents,
    invoicedLastYear: lastYear,
  };
}

function keyFigureRows(report: CentreReport): ReportRow[] {
  const { current, previous } = report;
  const before = yearEarlier(previous);
  const row = (label: Key, kind: ColumnKind, now: CellValue, then: CellValue): ReportRow => ({
    figure: label,
    thisPeriod: now,
    lastYear: before(then),
    _kind: kind,
    _label: "figure",
  });
  return [
    row(
      "reports.keyFigures.occupancy",
      "percent",
      current.occupancy.total.occupancy,
      previous.occupancy.total.occupancy,
    ),
    row(
      "reports.keyFigures.bookedHours",
      "hours",
      current.occupancy.total.bookedHours,
      previous.occupancy.total.bookedHours,
    ),
    row(
      "reports.keyFigures.availableHours",
      "hours",
      current.occupancy.total.availableHours,
      previous.occupancy.total.availableHours,
    ),
    row(
      "reports.keyFigures.communityShare",
      "percent",
      current.occupancy.communityShare,
      previous.occupancy.communityShare,
    ),
    row("reports.keyFigures.freeHours", "hours", current.occupancy.freeHours, previous.occupancy.freeHours),
    row("reports.keyFigures.paidHours", "hours", current.occupancy.paidHours, previous.occupancy.paidHours),
    row("reports.keyFigures.visitors", "count", current.visitors.headcount, previous.visitors.headcount),
    row("reports.keyFigures.firstTime", "count", current.visitors.firstTime, previous.visitors.firstTime),
    row("reports.keyFigures.activities", "count", current.visitors.activities, previous.visitors.activities),
    row("reports.keyFigures.organisations", "count", current.visitors.organisations, previous.visitors.organisations),
    row(
      "reports.keyFigures.continuing",
      "count",
      current.visitors.continuing.length,
      previous.visitors.continuing.length,
    ),
    row("reports.keyFigures.invoiced", "money", current.revenue.invoicedCents, previous.revenue.invoicedCents),
    row("reports.keyFigures.received", "money", current.revenue.receivedCents, previous.revenue.receivedCents),
    row("reports.keyFigures.outstanding", "money", current.revenue.outstandingCents, previous.revenue.outstandingCents),
    row("reports.keyFigures.costRecovery", "percent", current.revenue.costRecovery, previous.revenue.costRecovery),
    // money held for the hirers (borg), today: not revenue, and not kept for earlier periods
    row("extras.report.depositsHeld", "money", current.revenue.depositsHeldCents, null),
    row("reports.keyFigures.kwhPerHour", "decimal", current.energy.kwhPerHour, previous.energy.kwhPerHour),
    row("reports.keyFigures.m3PerHour", "decimal", current.energy.m3PerHour, previous.energy.m3PerHour),
  ];
}

/** The tables of a centre's report, in page order. */
export function centreTables(report: CentreReport): Record<CentreTableId, ReportTable> {
  const { current, previous } = report;
  const before = yearEarlier(previous);
  const previousRoom = new Map(previous.occupancy.rooms.map((room) => [room.roomId, room]));
  const key = (a: { title: string; organisation: string }) => `${a.organisation}|${a.title}`.toLowerCase();
  const previousActivity = new Map(previous.visitors.perActivity.map((row) => [key(row), row]));
  const spaceName = new Map(report.spaces.map((space) => [space.id, space.name]));
  const previousSpace = new Map(previous.revenue.perSpace.map((row) => [row.spaceId, row]));
  const spaceOrder = (id: string | null) =>
    id === null ? Number.MAX_SAFE_INTEGER : report.spaces.findIndex((space) => space.id === id);

  return {
    "key-figures": {
      id: "key-figures",
      title: "reports.tables.keyFigures",
      columns: [
        col("figure", "reports.columns.figure", "text"),
        col("thisPeriod", "reports.columns.thisPeriod", "row"),
        col("lastYear", "reports.columns.lastYear", "row"),
      ],
      rows: keyFigureRows(report),
    },
    rooms: {
      id: "rooms",
      title: "reports.tables.rooms",
      columns: [col("room", "reports.columns.room", "text"), ...OCCUPANCY_COLUMNS],
      rows: [
        ...current.occupancy.rooms.map((room) => ({
          room: room.name,
          ...occupancyCells(room, before(previousRoom.get(room.roomId)?.occupancy ?? null)),
        })),
        {
          room: "reports.tables.total",
          ...occupancyCells(current.occupancy.total, before(previous.occupancy.total.occupancy)),
          _total: 1,
          _label: "room",
        },
      ],
    },
    months: {
      id: "months",
      title: "reports.tables.months",
      columns: [col("month", "reports.columns.month", "month"), ...OCCUPANCY_COLUMNS],
      rows: current.occupancy.months.map((month, index) => ({
        month: month.month,
        ...occupancyCells(month, before(previous.occupancy.months[index]?.occupancy ?? null)),
      })),
    },
    "day-parts": {
      id: "day-parts",
      title: "reports.tables.dayParts",
      columns: [col("dayPart", "reports.columns.dayPart", "dayPart"), ...OCCUPANCY_COLUMNS],
      rows: current.clock.dayParts.map((part) => ({
        dayPart: part.dayPart,
        ...occupancyCells(
          part,
          before(previous.clock.dayParts.find((row) => row.dayPart === part.dayPart)?.occupancy ?? null),
        ),
      })),
    },
    heat: {
      id: "heat",
      title: "reports.tables.heat",
      columns: [
        col("weekday", "reports.columns.weekday", "weekday"),
        col("hour", "reports.columns.hour", "hour"),
        ...OCCUPANCY_COLUMNS,
      ],
      rows: current.clock.heat.map((cell) => ({
        weekday: cell.weekday,
        hour: cell.hour,
        ...occupancyCells(
          cell,
          before(
            previous.clock.heat.find((other) => other.weekday === cell.weekday && other.hour === cell.hour)
              ?.occupancy ?? null,
          ),
        ),
      })),
    },
    tiers: {
      id: "tiers",
      title: "reports.tables.tiers",
      columns: [
        col("tier", "reports.columns.tier", "tier"),
        col("hours", "reports.columns.hours", "hours"),
        col("share", "reports.columns.share", "percent"),
        col("shareLastYear", "reports.columns.shareLastYear", "percent"),
      ],
      rows: TIERS_BY_PRIORITY.map((tier, index) => ({
        tier,
        hours: current.occupancy.tiers[index]!.hours,
        share: current.occupancy.tiers[index]!.share,
        shareLastYear: before(previous.occupancy.tiers[index]!.share),
      })),
    },
    activities: {
      id: "activities",
      title: "reports.tables.activities",
      columns: [
        col("activity", "reports.columns.activity", "text"),
        col("organisation", "reports.columns.organisation", "text"),
        col("tier", "reports.columns.tier", "tier"),
        ...VISITOR_COLUMNS,
      ],
      rows: current.visitors.perActivity.map((row) => ({
        activity: row.title,
        organisation: row.organisation,
        tier: row.tier,
        ...visitorCells(row, before(previousActivity.get(key(row))?.headcount ?? null)),
      })),
    },
    "visitor-tiers": {
      id: "visitor-tiers",
      title: "reports.tables.visitorTiers",
      columns: [col("tier", "reports.columns.tier", "tier"), ...VISITOR_COLUMNS],
      rows: current.visitors.perTier.map((row, index) => ({
        tier: row.tier,
        ...visitorCells(row, before(previous.visitors.perTier[index]!.headcount)),
      })),
    },
    continuity: {
      id: "continuity",
      title: "reports.tables.continuity",
      columns: [
        col("activity", "reports.columns.activity", "text"),
        col("organisation", "reports.columns.organisation", "text"),
        col("tier", "reports.columns.tier", "tier"),
        col("since", "reports.columns.since", "date"),
      ],
      rows: current.visitors.continuing.map((row) => ({
        activity: row.title,
        organisation: row.organisation,
        tier: row.tier,
        since: row.since,
      })),
    },
    "revenue-tiers": {
      id: "revenue-tiers",
      title: "reports.tables.revenueTiers",
      columns: [
        col("tier", "reports.columns.tier", "tier"),
        ...MONEY_COLUMNS,
        // the extras (coffee, a projector) among what was invoiced
        col("extras", "extras.report.extrasInvoiced", "money"),
      ],
      rows: [
        ...current.revenue.perTier.map((row, index) => ({
          tier: row.tier,
          ...moneyCells(row, before(previous.revenue.perTier[index]!.invoicedCents)),
          extras: current.revenue.extras.perTier[index]!.invoicedCents,
        })),
        {
          tier: null,
          ...moneyCells(current.revenue, before(previous.revenue.invoicedCents)),
          extras: current.revenue.extras.invoicedCents,
          _total: 1,
        },
      ],
    },
    "revenue-rooms": {
      id: "revenue-rooms",
      title: "reports.tables.revenueRooms",
      columns: [col("room", "reports.columns.room", "text"), ...MONEY_COLUMNS],
      rows: [...current.revenue.perSpace]
        .sort((a, b) => spaceOrder(a.spaceId) - spaceOrder(b.spaceId))
        .map((row) => ({
          room: row.spaceId === null ? "reports.tables.otherSpace" : (spaceName.get(row.spaceId) ?? "?"),
          ...moneyCells(row, before(previousSpace.get(row.spaceId)?.invoicedCents ?? null)),
          _label: row.spaceId === null ? "room" : null,
        })),
    },
    energy: {
      id: "energy",
      title: "reports.tables.energy",
      columns: [
        col("month", "reports.columns.month", "month"),
        col("electricityKwh", "reports.columns.electricityKwh", "count"),
        col("gasM3", "reports.columns.gasM3", "count"),
        col("bookedHours", "reports.columns.bookedHours", "hours"),
        col("kwhPerHour", "reports.columns.kwhPerHour", "decimal"),
        col("m3PerHour", "reports.columns.m3PerHour", "decimal"),
      ],
      rows: current.energy.months.map((month) => ({
        month: month.month,
        electricityKwh: month.electricityKwh,
        gasM3: month.gasM3,
        bookedHours: month.bookedHours,
        kwhPerHour:
          month.electricityKwh !== null && month.bookedHours > 0 ? month.electricityKwh / month.bookedHours : null,
        m3PerHour: month.gasM3 !== null && month.bookedHours > 0 ? month.gasM3 / month.bookedHours : null,
      })),
    },
  };
}

function centreRow(name: string, current: KeyFigures, previous: KeyFigures): ReportRow {
  const before = yearEarlier(previous);
  return {
    centre: name,
    occupancy: current.occupancy,
    occupancyLastYear: before(previous.occupancy),
    bookedHours: current.bookedHours,
    availableHours: current.availableHours,
    communityShare: current.communityShare,
    visitors: current.visitors,
    visitorsLastYear: before(previous.visitors),
    firstTime: current.firstTime,
    activities: current.activities,
    invoiced: current.invoicedCents,
    invoicedLastYear: before(previous.invoicedCents),
    received: current.receivedCents,
    outstanding: current.outstandingCents,
    costRecovery: current.costRecovery,
  };
}

/** The municipality's table: every centre side by side, and all of them together. */
export function installationTable(report: InstallationReport): ReportTable {
  return {
    id: "centres",
    title: "reports.tables.centres",
    columns: [
      col("centre", "reports.columns.centre", "text"),
      col("occupancy", "reports.columns.occupancy", "percent"),
      col("occupancyLastYear", "reports.columns.occupancyLastYear", "percent"),
      col("bookedHours", "reports.columns.bookedHours", "hours"),
      col("availableHours", "reports.columns.availableHours", "hours"),
      col("communityShare", "reports.columns.communityShare", "percent"),
      col("visitors", "reports.columns.visitors", "count"),
      col("visitorsLastYear", "reports.columns.visitorsLastYear", "count"),
      col("firstTime", "reports.columns.firstTime", "count"),
      col("activities", "reports.keyFigures.activities", "count"),
      col("invoiced", "reports.columns.invoiced", "money"),
      col("invoicedLastYear", "reports.columns.invoicedLastYear", "money"),
      col("received", "reports.columns.received", "money"),
      col("outstanding", "reports.columns.outstanding", "money"),
      col("costRecovery", "reports.columns.costRecovery", "percent"),
    ],
    rows: [
      ...report.centres.map((centre) => centreRow(centre.name, centre.current, centre.previous)),
      {
        ...centreRow("reports.tables.allCentres", report.total.current, report.total.previous),
        _total: 1,
        _label: "centre",
      },
    ],
  };
}

/** The kind of a cell: the column's, or for "row" columns the row's own. */
export function cellKind(column: ReportColumn, row: ReportRow): ColumnKind {
  return column.kind === "row" ? ((row._kind as ColumnKind | null) ?? "text") : column.kind;
}

/** True when the cell holds a catalogue key (a label of ours) rather than a name or number. */
export function isLabelCell(column: ReportColumn, row: ReportRow): boolean {
  return row._label === column.key;
}
