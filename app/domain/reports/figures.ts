import type { DayPart, Tier } from "~/generated/prisma/enums";
import {
  bookedMsPerSlot,
  HOURS_OF_DAY,
  openMsPerMonth,
  openMsPerSlot,
  outsideOpenMs,
  type BookedInterval,
  type Calendar,
  type SlotScheme,
} from "./calendar";
import { COMMUNITY_TIERS, TIERS_BY_PRIORITY } from "../rules/tiers";
import { containsWholeMonth, daysPerYear, monthsOf, type ReportPeriod } from "./period";

/**
 * The report's figures, computed from what the database gave (pure). Hours are real elapsed
 * hours; money is integer cents; shares and occupancy are fractions (0.62 = 62%), or null when
 * there is nothing to divide by. See docs/report-definitions.md for every definition.
 */

const HOUR_MS = 3_600_000;

export function ratio(part: number, whole: number): number | null {
  return whole > 0 ? part / whole : null;
}

interface Occupancy {
  bookedHours: number;
  availableHours: number;
  /** booked ÷ available */
  occupancy: number | null;
}

function occupancyOf(bookedHours: number, availableHours: number): Occupancy {
  return { bookedHours, availableHours, occupancy: ratio(bookedHours, availableHours) };
}

interface RoomOccupancy extends Occupancy {
  roomId: string;
  name: string;
}

export interface MonthOccupancy extends Occupancy {
  /** "YYYY-MM-01" */
  month: string;
}

interface TierHours {
  tier: Tier;
  hours: number;
  /** share of all booked hours */
  share: number | null;
}

export interface OccupancyFigures {
  total: Occupancy;
  rooms: RoomOccupancy[];
  /** empty when the figures were made without months (the side-by-side view) */
  months: MonthOccupancy[];
  tiers: TierHours[];
  /** (resident initiative + association hours) ÷ booked hours */
  communityShare: number | null;
  freeHours: number;
  paidHours: number;
}

export interface BookedCellInput {
  roomId: string;
  month: number;
  tier: Tier;
  paid: boolean;
  useSeconds: number;
}

export interface RoomInput {
  id: string;
  name: string;
  active: boolean;
}

/**
 * Occupancy per room, month and tier for a set of physical rooms. A room that is not in use
 * (inactive) is left out unless something was booked in it during the period.
 */
export function occupancyFigures(
  period: ReportPeriod,
  calendar: Calendar,
  rooms: RoomInput[],
  booked: BookedCellInput[],
  options: { byMonth: boolean } = { byMonth: true },
): OccupancyFigures {
  const months = monthsOf(period);
  const roomIds = new Set(rooms.map((room) => room.id));
  const cells = booked.filter((cell) => roomIds.has(cell.roomId));
  const bookedPerRoom = new Map<string, number>();
  const bookedPerMonth = months.map(() => 0);
  const perTier = new Map<Tier, number>();
  let free = 0;
  let paid = 0;
  for (const cell of cells) {
    const hours = cell.useSeconds / 3600;
    bookedPerRoom.set(cell.roomId, (bookedPerRoom.get(cell.roomId) ?? 0) + hours);
    if (cell.month < months.length) bookedPerMonth[cell.month] = bookedPerMonth[cell.month]! + hours;
    perTier.set(cell.tier, (perTier.get(cell.tier) ?? 0) + hours);
    if (cell.paid) paid += hours;
    else free += hours;
  }
  const shown = rooms.filter((room) => room.active || (bookedPerRoom.get(room.id) ?? 0) > 0);
  const openPerMonth = months.map(() => 0);
  const roomFigures: RoomOccupancy[] = shown.map((room) => {
    const profile = calendar.profileOfRoom.get(room.id);
    const perMonth = profile ? openMsPerMonth(calendar, profile) : [];
    perMonth.forEach((ms, index) => (openPerMonth[index] = openPerMonth[index]! + ms / HOUR_MS));
    const available = perMonth.reduce((sum, ms) => sum + ms, 0) / HOUR_MS;
    return { roomId: room.id, name: room.name, ...occupancyOf(bookedPerRoom.get(room.id) ?? 0, available) };
  });
  const totalBooked = roomFigures.reduce((sum, room) => sum + room.bookedHours, 0);
  const totalAvailable = roomFigures.reduce((sum, room) => sum + room.availableHours, 0);
  const community = COMMUNITY_TIERS.reduce((sum, tier) => sum + (perTier.get(tier) ?? 0), 0);
  return {
    total: occupancyOf(totalBooked, totalAvailable),
    rooms: roomFigures,
    months: options.byMonth
      ? months.map((month, index) => ({ month, ...occupancyOf(bookedPerMonth[index]!, openPerMonth[index]!) }))
      : [],
    tiers: TIERS_BY_PRIORITY.map((tier) => ({
      tier,
      hours: perTier.get(tier) ?? 0,
      share: ratio(perTier.get(tier) ?? 0, totalBooked),
    })),
    communityShare: ratio(community, totalBooked),
    freeHours: free,
    paidHours: paid,
  };
}

interface DayPartOccupancy extends Occupancy {
  dayPart: DayPart;
}

interface HeatCell extends Occupancy {
  weekday: number;
  hour: number;
}

interface QuietestSlot extends Occupancy {
  weekday: number;
  dayPart: DayPart;
}

export interface ClockFigures {
  dayParts: DayPartOccupancy[];
  /** weekday × hour; only hours in which some room is open or booked */
  heat: HeatCell[];
  /** the weekday and day part with the lowest occupancy (at least a few open hours) */
  quietest: QuietestSlot | null;
  /** booked hours that fall outside the opening hours */
  outsideOpeningHours: number;
}

/** Occupancy along the clock for one centre: per day part and per weekday × hour. */
export function clockFigures(
  calendar: Calendar,
  centreId: string,
  dayParts: { dayPart: DayPart; startMinute: number; endMinute: number }[],
  booked: BookedInterval[],
): ClockFigures {
  const profiles = calendar.profiles.filter((profile) => profile.centreId === centreId);
  const roomIds = new Set(profiles.flatMap((profile) => profile.roomIds));
  const intervals = booked.filter((interval) => roomIds.has(interval.roomId));
  const partScheme: SlotScheme = {
    slots: dayParts.map((part) => ({ key: part.dayPart, startMinute: part.startMinute, endMinute: part.endMinute })),
  };
  const partOpen = openMsPerSlot(calendar, profiles, partScheme);
  const partBooked = bookedMsPerSlot(calendar, intervals, partScheme);
  const hourOpen = openMsPerSlot(calendar, profiles, HOURS_OF_DAY);
  const hourBooked = bookedMsPerSlot(calendar, intervals, HOURS_OF_DAY);
  const weekPartScheme: SlotScheme = { ...partScheme, perWeekday: true };
  const weekPartOpen = openMsPerSlot(calendar, profiles, weekPartScheme);
  const weekPartBooked = bookedMsPerSlot(calendar, intervals, weekPartScheme);

  const heat: HeatCell[] = [];
  for (let weekday = 1; weekday <= 7; weekday++) {
    for (let hour = 0; hour < 24; hour++) {
      const key = `${weekday}:${hour}`;
      heat.push({
        weekday,
        hour,
        ...occupancyOf((hourBooked.get(key) ?? 0) / HOUR_MS, (hourOpen.get(key) ?? 0) / HOUR_MS),
      });
    }
  }
  const usedHours = new Set(
    heat.filter((cell) => cell.availableHours > 0 || cell.bookedHours > 0).map((cell) => cell.hour),
  );
  let quietest: QuietestSlot | null = null;
  for (let weekday = 1; weekday <= 7; weekday++) {
    for (const part of dayParts) {
      const key = `${weekday}:${part.dayPart}`;
      const figure = occupancyOf((weekPartBooked.get(key) ?? 0) / HOUR_MS, (weekPartOpen.get(key) ?? 0) / HOUR_MS);
      if (figure.availableHours < 8 || figure.occupancy === null) continue;
      if (!quietest || figure.occupancy < quietest.occupancy!) quietest = { weekday, dayPart: part.dayPart, ...figure };
    }
  }
  return {
    dayParts: dayParts.map((part) => ({
      dayPart: part.dayPart,
      ...occupancyOf((partBooked.get(part.dayPart) ?? 0) / HOUR_MS, (partOpen.get(part.dayPart) ?? 0) / HOUR_MS),
    })),
    heat: heat.filter((cell) => usedHours.has(cell.hour)),
    quietest,
    outsideOpeningHours: outsideOpenMs(calendar, intervals) / HOUR_MS,
  };
}

// ─── Visitors ───────────────────────────────────────────────────────────────

export interface ActivityVisitors {
  title: string;
  organisation: string;
  tier: Tier;
  /** dates with a recorded headcount */
  dates: number;
  headcount: number;
  firstTime: number;
}

interface TierVisitors {
  tier: Tier;
  dates: number;
  headcount: number;
  firstTime: number;
}

export interface ContinuingSeries {
  title: string;
  organisation: string;
  tier: Tier;
  /** local date of the series' first date, "YYYY-MM-DD" */
  since: string;
}

export interface VisitorFigures {
  headcount: number;
  firstTime: number;
  /** dates with a recorded headcount */
  countedDates: number;
  /** distinct activities (organisation + title) with a date that counts in the period */
  activities: number;
  organisations: number;
  perActivity: ActivityVisitors[];
  perTier: TierVisitors[];
  /** series with a date in the period that started more than a year before its end */
  continuing: ContinuingSeries[];
}

export function visitorFigures(input: {
  perActivity: ActivityVisitors[];
  activities: number;
  organisations: number;
  continuing: ContinuingSeries[];
}): VisitorFigures {
  const perActivity = [...input.perActivity].sort(
    (a, b) => b.headcount - a.headcount || a.title.localeCompare(b.title, "nl"),
  );
  const perTier = TIERS_BY_PRIORITY.map((tier) => {
    const rows = perActivity.filter((row) => row.tier === tier);
    return {
      tier,
      dates: rows.reduce((sum, row) => sum + row.dates, 0),
      headcount: rows.reduce((sum, row) => sum + row.headcount, 0),
      firstTime: rows.reduce((sum, row) => sum + row.firstTime, 0),
    };
  });
  return {
    headcount: perTier.reduce((sum, row) => sum + row.headcount, 0),
    firstTime: perTier.reduce((sum, row) => sum + row.firstTime, 0),
    countedDates: perTier.reduce((sum, row) => sum + row.dates, 0),
    activities: input.activities,
    organisations: input.organisations,
    perActivity,
    perTier,
    continuing: [...input.continuing].sort(
      (a, b) => a.since.localeCompare(b.since) || a.title.localeCompare(b.title, "nl"),
    ),
  };
}

// ─── Money ──────────────────────────────────────────────────────────────────

interface MoneyLine {
  /** the space (room or combination) the line is for; null when not tied to a booking */
  spaceId: string | null;
  tier: Tier;
  /** including VAT */
  inclCents: number;
  exclCents: number;
  /** an extra on the bill (coffee, a projector), not the room's rent or a fee */
  extra?: boolean;
}

export interface InvoiceInput {
  id: string;
  /** issued inside the period */
  inPeriod: boolean;
  credited: boolean;
  totalInclCents: number;
  lines: MoneyLine[];
  /** succeeded payments on this invoice, at any time (for what is still outstanding) */
  paidCents: number;
}

export interface PaymentInput {
  amountCents: number;
  invoiceId: string | null;
  /** when not tied to an invoice: the booking's space and tier (or the organisation's tier) */
  spaceId: string | null;
  tier: Tier;
}

export interface MoneySplit {
  invoicedCents: number;
  invoicedExclCents: number;
  receivedCents: number;
  outstandingCents: number;
}

export interface RevenueFigures extends MoneySplit {
  perTier: (MoneySplit & { tier: Tier })[];
  perSpace: (MoneySplit & { spaceId: string | null })[];
  /** the board's yearly costs, pro rata for the days of the period; null when not entered */
  costsCents: number | null;
  /** invoiced excl. VAT ÷ costs */
  costRecovery: number | null;
  /** the extras among what was invoiced, per tier (part of the figures above) */
  extras: {
    invoicedCents: number;
    invoicedExclCents: number;
    perTier: { tier: Tier; invoicedCents: number; invoicedExclCents: number }[];
  };
  /** deposits (borg) held today: money to be returned, not revenue */
  depositsHeldCents: number;
}

const emptySplit = (): MoneySplit => ({
  invoicedCents: 0,
  invoicedExclCents: 0,
  receivedCents: 0,
  outstandingCents: 0,
});

/**
 * Spreads `cents` over the lines in proportion to their amounts (largest remainder, so the
 * parts add up to the whole cent).
 */
export function spread(cents: number, weights: number[]): number[] {
  const total = weights.reduce((sum, weight) => sum + Math.abs(weight), 0);
  if (weights.length === 0) return [];
  if (total === 0) return weights.map((_, index) => (index === 0 ? cents : 0));
  const exact = weights.map((weight) => (cents * Math.abs(weight)) / total);
  const parts = exact.map((value) => Math.trunc(value));
  let rest = cents - parts.reduce((sum, part) => sum + part, 0);
  const order = exact
    .map((value, index) => ({ index, fraction: Math.abs(value - Math.trunc(value)) }))
    .sort((a, b) => b.fraction - a.fraction);
  for (let i = 0; rest !== 0 && i < order.length; i++) {
    const step = rest > 0 ? 1 : -1;
    parts[order[i]!.index]! += step;
    rest -= step;
  }
  return parts;
}

/**
 * Invoiced (invoices issued in the period, credited ones left out), received (payments that
 * succeeded in the period; refunds are negative) and outstanding (what is still open today on
 * the invoices of the period), per tier and per space. Payments on an invoice and what is
 * outstanding are spread over the invoice's lines.
 */
export function revenueFigures(
  period: ReportPeriod,
  invoices: InvoiceInput[],
  payments: PaymentInput[],
  yearCosts: Map<number, number>,
  depositsHeldCents = 0,
): RevenueFigures {
  const perTier = new Map<Tier, MoneySplit>();
  const extrasPerTier = new Map<Tier, { invoicedCents: number; invoicedExclCents: number }>();
  const perSpace = new Map<string | null, MoneySplit>();
  const total = emptySplit();
  const add = (line: { spaceId: string | null; tier: Tier }, field: keyof MoneySplit, cents: number) => {
    if (cents === 0) return;
    total[field] += cents;
    const tier = perTier.get(line.tier) ?? emptySplit();
    tier[field] += cents;
    perTier.set(line.tier, tier);
    const space = perSpace.get(line.spaceId) ?? emptySplit();
    space[field] += cents;
    perSpace.set(line.spaceId, space);
  };
  const byId = new Map(invoices.map((invoice) => [invoice.id, invoice]));
  for (const invoice of invoices) {
    if (!invoice.inPeriod || invoice.credited) continue;
    for (const line of invoice.lines) {
      add(line, "invoicedCents", line.inclCents);
      add(line, "invoicedExclCents", line.exclCents);
      if (!line.extra) continue;
      const extras = extrasPerTier.get(line.tier) ?? { invoicedCents: 0, invoicedExclCents: 0 };
      extras.invoicedCents += line.inclCents;
      extras.invoicedExclCents += line.exclCents;
      extrasPerTier.set(line.tier, extras);
    }
    const open = Math.max(0, invoice.totalInclCents - invoice.paidCents);
    const parts = spread(
      open,
      invoice.lines.map((line) => line.inclCents),
    );
    invoice.lines.forEach((line, index) => add(line, "outstandingCents", parts[index]!));
  }
  for (const payment of payments) {
    const invoice = payment.invoiceId ? byId.get(payment.invoiceId) : undefined;
    if (invoice && invoice.lines.length > 0) {
      const parts = spread(
        payment.amountCents,
        invoice.lines.map((line) => line.inclCents),
      );
      invoice.lines.forEach((line, index) => add(line, "receivedCents", parts[index]!));
    } else {
      add(payment, "receivedCents", payment.amountCents);
    }
  }
  const costs = costsOfPeriod(period, yearCosts);
  return {
    ...total,
    perTier: TIERS_BY_PRIORITY.map((tier) => ({ tier, ...(perTier.get(tier) ?? emptySplit()) })),
    perSpace: [...perSpace.entries()].map(([spaceId, split]) => ({ spaceId, ...split })),
    costsCents: costs,
    costRecovery: costs === null ? null : ratio(total.invoicedExclCents, costs),
    extras: {
      invoicedCents: [...extrasPerTier.values()].reduce((sum, row) => sum + row.invoicedCents, 0),
      invoicedExclCents: [...extrasPerTier.values()].reduce((sum, row) => sum + row.invoicedExclCents, 0),
      perTier: TIERS_BY_PRIORITY.map((tier) => ({
        tier,
        ...(extrasPerTier.get(tier) ?? { invoicedCents: 0, invoicedExclCents: 0 }),
      })),
    },
    depositsHeldCents,
  };
}

/**
 * The board's costs for the period: each year's costs for the share of its days in the period;
 * null unless the costs of every year the period touches are known.
 */
export function costsOfPeriod(period: ReportPeriod, yearCosts: Map<number, number>): number | null {
  let costs = 0;
  for (const year of daysPerYear(period)) {
    const yearly = yearCosts.get(year.year);
    if (yearly === undefined) return null;
    costs += Math.round((yearly * year.days) / year.daysInYear);
  }
  return costs;
}

// ─── Energy ─────────────────────────────────────────────────────────────────

interface EnergyMonth {
  /** "YYYY-MM-01" */
  month: string;
  electricityKwh: number | null;
  gasM3: number | null;
  bookedHours: number;
}

export interface EnergyFigures {
  months: EnergyMonth[];
  kwhPerHour: number | null;
  m3PerHour: number | null;
}

/**
 * Energy per booked hour, over the whole months of the period that have a reading: kWh (or m³)
 * of those months ÷ the booked hours of the same months.
 */
export function energyFigures(
  period: ReportPeriod,
  bookedHoursPerMonth: MonthOccupancy[],
  readings: { month: string; electricityKwh: number | null; gasM3: number | null }[],
): EnergyFigures {
  const months = bookedHoursPerMonth
    .filter((month) => containsWholeMonth(period, month.month))
    .map((month) => {
      const reading = readings.find((row) => row.month === month.month);
      return {
        month: month.month,
        electricityKwh: reading?.electricityKwh ?? null,
        gasM3: reading?.gasM3 ?? null,
        bookedHours: month.bookedHours,
      };
    });
  const per = (pick: (month: EnergyMonth) => number | null) => {
    const withReading = months.filter((month) => pick(month) !== null);
    if (withReading.length === 0) return null;
    return ratio(
      withReading.reduce((sum, month) => sum + pick(month)!, 0),
      withReading.reduce((sum, month) => sum + month.bookedHours, 0),
    );
  };
  return { months, kwhPerHour: per((month) => month.electricityKwh), m3PerHour: per((month) => month.gasM3) };
}
