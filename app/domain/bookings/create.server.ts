import { randomUUID } from "node:crypto";
import { db, readTogether, type Tx } from "~/db/client.server";
import { isExclusionViolation } from "~/db/errors.server";
import type {
  ActivityKind,
  Audience,
  BookingStatus,
  HolidayRegion,
  PaymentMode,
  Prisma,
  Tier,
} from "~/generated/prisma/client";
import { recordAudit } from "../shared/audit.server";
import { findConflicts, type CentreCalendar, type Conflict, type Viewer } from "./conflicts.server";
import { DomainError, NotFoundError, RoomAlreadyBookedError } from "../shared/errors";
import { skipReason } from "../time/holidays";
import { claimsFor, MAX_DATES_PER_BOOKING, type PlannedOccurrence } from "./occurrences";
import { RecurrenceError, parseRule } from "../time/recurrence";
import { loadSpace, type BookableSpace } from "../centre/rooms.server";
import { transactionOnce, type Submission } from "../shared/submissions.server";
import { localDateTimeAt, parseWallClock } from "../time/time-zone";
import { extraLine, priceExtras, type PricedExtra } from "../money/extras";
import { clock } from "~/lib/clock";

/**
 * Creating bookings: the booking, its materialised dates and their room claims, in one
 * transaction. The exclusion constraint on room claims is the final judge of overlaps; its
 * refusal becomes a RoomAlreadyBookedError naming the first date that clashes.
 *
 * Dates that must not take place — a public or school holiday the series skips, or a clash
 * the person chose to skip — are stored too, as cancelled occurrences without claims, so the
 * series keeps its exceptions when it is extended or changed later.
 */

export interface NewActivity {
  kind: ActivityKind;
  title: string;
  description?: string;
  audiences?: Audience[];
  capacity?: number | null;
  participantPriceCents?: number;
  /** residents pay the participant price online when signing up (with the centre's Stripe keys) */
  payOnline?: boolean;
  accessibilityNotes?: string;
  organiserName?: string | null;
  contactInfo?: string | null;
}

export interface DateChange {
  /** the date as the pattern gives it ("YYYY-MM-DDTHH:mm") */
  localStart: string;
  /** another room or combination for this date */
  roomId?: string;
  /** another start on the same or another day; the duration stays */
  startsAt?: Date;
}

export interface NewBooking {
  centreId: string;
  organisationId: string;
  /** a room or a combination of this centre */
  roomId: string;
  title: string;
  notes?: string;
  /** RRULE value, or null for a one-off booking */
  rrule: string | null;
  /** first start, wall clock "YYYY-MM-DDTHH:mm" in the centre's zone */
  localStart: string;
  durationMinutes: number;
  attendees?: number;
  status: BookingStatus;
  tier: Tier;
  /** dates left out of the pattern entirely (wall-clock starts) */
  exdates?: string[];
  /** dates kept as exceptions that do not take place (e.g. skipped because of a clash) */
  skip?: string[];
  /** dates moved to another room or time when the booking is made */
  moves?: DateChange[];
  /** a provisional booking's dates become firm this many days before they start */
  provisionalCutoffDays?: number | null;
  activity?: NewActivity | null;
  createdById?: string | null;
  bookedOnBehalf?: boolean;
  skipPublicHolidays?: boolean;
  skipSchoolHolidays?: HolidayRegion | null;
  /** a manager may book outside opening hours (never in a closure or over another booking) */
  allowOutsideOpeningHours?: boolean;
  /** price per date (excl. VAT) and VAT, from the quote; zero when not priced */
  pricePerDate?: (date: PlannedOccurrence) => { exclCents: number; vatCents: number };
  quote?: Prisma.InputJsonValue;
  /** how it is paid (INVOICE when not said) and, paying online, until when its slot is held */
  paymentMode?: PaymentMode;
  holdExpiresAt?: Date | null;
  /** extras chosen with the booking, priced for its tier; charged on every date that takes place */
  extras?: PricedExtra[];
  /** the deposit (borg) asked with the booking, in cents; 0 or absent = none */
  depositCents?: number;
}

/** A tier's booking horizon when the centre sets none; series without an end are materialised this far ahead. */
export const DEFAULT_HORIZON_DAYS = 365;

const DAY_MS = 24 * 60 * 60 * 1000;

/** How far a series is materialised: its own end, or `horizonDays` from now for a series without one. */
export function materialiseUntil(
  rrule: string | null,
  now: Date,
  horizonDays = DEFAULT_HORIZON_DAYS,
): Date | undefined {
  if (!rrule) return undefined;
  const rule = parseRule(rrule);
  return rule.hasCount || rule.until ? undefined : new Date(now.getTime() + horizonDays * DAY_MS);
}

/** The booking horizon of a tier at a centre (days), used to materialise open series. */
export async function horizonDaysFor(client: Tx, centreId: string, tier: Tier): Promise<number> {
  const policy = await client.tierPolicy.findUnique({ where: { centreId_tier: { centreId, tier } } });
  return policy?.bookingHorizonDays ?? DEFAULT_HORIZON_DAYS;
}

/** What a date becomes when stored: taking place (with claims) or an exception (reason). */
export interface DateToStore extends PlannedOccurrence {
  roomId: string;
  moved: boolean;
  cancelReason: string | null;
}

/** Applies holidays, skips and moves to planned dates; pure apart from the moved rooms' spaces. */
export function decideDates(
  planned: PlannedOccurrence[],
  space: BookableSpace,
  options: {
    timeZone: string;
    skip?: string[];
    moves?: { change: DateChange; space: BookableSpace }[];
    skipPublicHolidays?: boolean;
    skipSchoolHolidays?: HolidayRegion | null;
    /** dates of a series that fall in a closure, with the closure's reason: they do not take place */
    closed?: Map<string, string>;
  },
): DateToStore[] {
  const skip = new Set(options.skip ?? []);
  const moves = new Map((options.moves ?? []).map((move) => [move.change.localStart, move]));
  return planned.map((date) => {
    const holiday = skipReason(localDateTimeAt(date.startsAt, options.timeZone).slice(0, 10), {
      skipPublicHolidays: options.skipPublicHolidays ?? false,
      skipSchoolHolidays: options.skipSchoolHolidays ?? null,
    });
    if (holiday) return { ...date, claims: [], roomId: space.id, moved: false, cancelReason: holiday };
    const closure = options.closed?.get(date.originalLocalStart);
    if (closure) return { ...date, claims: [], roomId: space.id, moved: false, cancelReason: closure };
    if (skip.has(date.originalLocalStart)) {
      return { ...date, claims: [], roomId: space.id, moved: false, cancelReason: "Overgeslagen: de ruimte was bezet" };
    }
    const move = moves.get(date.originalLocalStart);
    if (move) {
      const duration = date.endsAt.getTime() - date.startsAt.getTime();
      const startsAt = move.change.startsAt ?? date.startsAt;
      const endsAt = new Date(startsAt.getTime() + duration);
      return {
        ...date,
        startsAt,
        endsAt,
        claims: claimsFor(move.space, startsAt, endsAt),
        roomId: move.space.id,
        moved: true,
        cancelReason: null,
      };
    }
    return { ...date, roomId: space.id, moved: false, cancelReason: null };
  });
}

/**
 * Creates a booking in its own transaction; overlaps become DomainErrors. With a `submission`
 * (the form's key) the same form sent twice books once: the second gets AlreadySubmittedError
 * naming the first booking.
 */
export async function createBooking(input: NewBooking, now = clock.now(), submission?: Submission) {
  return withBookingErrors(input, now, () =>
    transactionOnce(
      submission,
      (tx) => createBookingWith(tx, input, now),
      (booking) => booking.id,
    ),
  );
}

/**
 * Runs `work` (which creates bookings) and turns the database's refusal of an overlap into a
 * plain error naming the first date that clashes. (The write lock makes this rare: a clash is
 * normally seen by the conflict check; see lockBookingWrites.)
 */
export async function withBookingErrors<T>(input: NewBooking, now: Date, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (isExclusionViolation(error)) {
      const centre = await db().centre.findUniqueOrThrow({ where: { id: input.centreId }, select: { timeZone: true } });
      throw await describeClash(input, centre.timeZone, now);
    }
    throw error;
  }
}

/**
 * Booking writes of one centre take turns: every transaction that checks dates and then claims
 * rooms takes this lock first, before it reads anything. Two people booking overlapping dates
 * at once then meet in one order (the second waits, then sees the first one's dates in its own
 * check and gets the plain refusal) instead of deadlocking inside the exclusion constraint.
 * One lock per centre (not per room) because a change may touch several rooms and bookings, and
 * one lock cannot be taken in two orders. Held until the transaction ends.
 */
export async function lockBookingWrites(tx: Tx, centreId: string): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${BOOKING_WRITES_LOCK}::int, hashtext(${centreId}))`;
}

/** The first key of the booking-writes advisory lock (the second is the centre's hash). */
const BOOKING_WRITES_LOCK = 7301;

/** Creates a booking inside the caller's transaction (see createBooking). */
export async function createBookingWith(tx: Tx, input: NewBooking, now = clock.now()) {
  await lockBookingWrites(tx, input.centreId);
  const context = await loadBookingContext(tx, input);
  const plan = await planBooking(tx, input, context, { seesDetails: false }, now);
  const first = blockingConflicts(plan, input.allowOutsideOpeningHours ?? false)[0];
  if (first) throw conflictError(first, plan.spaceOf(first.localStart).name, plan.timeZone);
  return writeBooking(tx, input, plan, now);
}

/** What planning a booking needs from the database, loaded once per use case. */
export interface BookingContext {
  timeZone: string;
  space: BookableSpace;
  /** how far a series without an end is materialised (the tier's booking horizon) */
  horizonDays: number;
}

/** The centre's zone, the room and the tier's horizon; the organisation must belong to the centre. */
async function loadBookingContext(
  tx: Tx,
  input: Pick<NewBooking, "centreId" | "roomId" | "organisationId" | "tier">,
): Promise<BookingContext> {
  const centre = await tx.centre.findUnique({ where: { id: input.centreId }, select: { timeZone: true } });
  if (!centre) throw new NotFoundError("centre");
  const [space, organisation, horizonDays] = await readTogether(tx, [
    () => loadSpace(tx, input.centreId, input.roomId),
    () =>
      tx.organisation.findFirst({
        where: { id: input.organisationId, centreId: input.centreId },
        select: { id: true },
      }),
    () => horizonDaysFor(tx, input.centreId, input.tier),
  ]);
  if (!organisation) throw new NotFoundError("organisation");
  return { timeZone: centre.timeZone, space, horizonDays };
}

/** A date as planned and checked: what becomes of it, and the conflicts where it takes place. */
interface PlannedDate extends DateToStore {
  /** conflicts of the date where it takes place (a moved date: where it moved to) */
  conflicts: Conflict[];
}

/** A booking's dates, planned once and checked once; the write and the review both read it. */
export interface BookingPlan {
  timeZone: string;
  /** the centre's opening hours and closures, as the check read them */
  calendar: CentreCalendar;
  space: BookableSpace;
  until?: Date;
  /** the pattern's dates before skips and moves (what alternatives are sought for) */
  planned: PlannedOccurrence[];
  dates: PlannedDate[];
  /** the space a date takes place in (its own, or the one it moved to) */
  spaceOf(localStart: string): BookableSpace;
}

type Pattern = Pick<
  NewBooking,
  | "centreId"
  | "localStart"
  | "rrule"
  | "durationMinutes"
  | "exdates"
  | "skip"
  | "moves"
  | "skipPublicHolidays"
  | "skipSchoolHolidays"
>;

/**
 * Plans a booking's dates and checks them, once: the pattern expanded, every date checked
 * against other bookings, opening hours and closures in one conflict query, holidays, skips
 * and moves applied, and moved dates checked where they move to. Writes nothing.
 */
export async function planBooking(
  tx: Tx,
  pattern: Pattern,
  context: BookingContext,
  viewer: Viewer,
  now: Date,
): Promise<BookingPlan> {
  if (!parseWallClock(pattern.localStart)) {
    throw new DomainError("invalid-start", `Start "${pattern.localStart}" is not a date and time.`);
  }
  const { space, timeZone } = context;
  const until = materialiseUntil(pattern.rrule, now, context.horizonDays);
  const report = await findConflicts(
    pattern.centreId,
    {
      roomId: space.id,
      rrule: pattern.rrule,
      localStart: pattern.localStart,
      durationMinutes: pattern.durationMinutes,
      exdates: pattern.exdates,
      until,
    },
    viewer,
    tx,
    { space },
  ).catch((error: unknown) => {
    if (error instanceof RecurrenceError) throw new DomainError(`recurrence-${error.code}`, error.message);
    throw error;
  });
  const spaces = new Map([[space.id, space]]);
  for (const move of pattern.moves ?? []) {
    if (move.roomId && !spaces.has(move.roomId))
      spaces.set(move.roomId, await loadSpace(tx, pattern.centreId, move.roomId));
  }
  const stored = decideDates(report.dates, space, {
    timeZone,
    skip: pattern.skip,
    moves: (pattern.moves ?? []).map((change) => ({ change, space: spaces.get(change.roomId ?? space.id)! })),
    skipPublicHolidays: pattern.skipPublicHolidays,
    skipSchoolHolidays: pattern.skipSchoolHolidays,
    closed: pattern.rrule ? closedDates(report.conflicts) : undefined,
  });
  const dates: PlannedDate[] = [];
  for (const date of stored) {
    if (!date.moved) {
      dates.push({ ...date, conflicts: report.conflicts.filter((c) => c.localStart === date.originalLocalStart) });
      continue;
    }
    const moved = await findConflicts(
      pattern.centreId,
      { roomId: date.roomId, rrule: null, localStart: date.originalLocalStart, durationMinutes: 1, dates: [date] },
      viewer,
      tx,
      { space: spaces.get(date.roomId), calendar: report.calendar },
    );
    dates.push({ ...date, conflicts: moved.conflicts });
  }
  const byStart = new Map(dates.map((date) => [date.originalLocalStart, date]));
  return {
    timeZone,
    calendar: report.calendar,
    space,
    until,
    planned: report.dates,
    dates,
    spaceOf: (localStart) => spaces.get(byStart.get(localStart)?.roomId ?? space.id) ?? space,
  };
}

/**
 * The conflicts that stand in the way of a plan, by date: another booking, a closure, or
 * (unless a manager allows it) time outside the opening hours, on a date that is to take
 * place. Dates skipped by holiday, closure or the person's choice are not held against it.
 */
function blockingConflicts(plan: BookingPlan, allowOutsideOpeningHours: boolean): Conflict[] {
  return plan.dates
    .filter((date) => date.cancelReason === null)
    .flatMap((date) =>
      date.conflicts.filter((conflict) => !(conflict.reason === "outside-opening-hours" && allowOutsideOpeningHours)),
    )
    .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
}

/**
 * Writes a planned booking: the booking, its dates and their room claims, and the audit line.
 * The caller holds the booking-writes lock and has refused what blocks the plan.
 */
export async function writeBooking(tx: Tx, input: NewBooking, plan: BookingPlan, now: Date) {
  const { dates, space } = plan;
  if (plan.planned.length > MAX_DATES_PER_BOOKING) {
    throw new DomainError("too-many-dates", `A booking may have at most ${MAX_DATES_PER_BOOKING} dates.`, {
      max: MAX_DATES_PER_BOOKING,
    });
  }
  if (plan.planned.length === 0) throw new DomainError("no-dates", "The pattern gives no dates.");
  const totals = priceDates(dates, input.pricePerDate);
  const extras = priceExtras(input.extras ?? [], {
    people: input.attendees ?? 1,
    dates: dates
      .filter((date) => date.cancelReason === null)
      .map((date) => ({ localStart: date.originalLocalStart, startsAt: date.startsAt, endsAt: date.endsAt })),
  });
  const depositCents = input.depositCents ?? 0;

  const booking = await tx.booking.create({
    data: {
      centreId: input.centreId,
      organisationId: input.organisationId,
      roomId: space.id,
      title: input.title,
      notes: input.notes ?? "",
      rrule: input.rrule,
      localStart: parseWallClock(input.localStart)!,
      durationMinutes: input.durationMinutes,
      attendees: input.attendees ?? 1,
      status: input.status,
      tier: input.tier,
      skipPublicHolidays: input.skipPublicHolidays ?? false,
      skipSchoolHolidays: input.skipSchoolHolidays ?? null,
      materialisedUntil: plan.until ?? null,
      createdById: input.createdById ?? null,
      bookedOnBehalf: input.bookedOnBehalf ?? false,
      quote: input.quote,
      paymentMode: input.paymentMode,
      holdExpiresAt: input.holdExpiresAt ?? null,
      createdAt: now,
      totalExclCents: totals.exclCents + extras.totalExclCents,
      totalVatCents: totals.vatCents + extras.totalVatCents,
      totalInclCents: totals.exclCents + totals.vatCents + extras.totalInclCents,
      extrasExclCents: extras.totalExclCents,
      extrasVatCents: extras.totalVatCents,
      depositCents,
      depositStatus: depositCents > 0 ? "DUE" : "NONE",
      extras:
        input.extras && input.extras.length > 0
          ? {
              create: input.extras.map((extra) => {
                const line = extraLine(extra, { minutes: input.durationMinutes, people: input.attendees ?? 1 });
                return {
                  extraId: extra.id,
                  name: extra.name,
                  unit: extra.unit,
                  quantity: line.quantity,
                  unitPriceCents: extra.unitPriceCents,
                  vatBp: extra.vatBp,
                  perDateExclCents: line.exclCents,
                  perDateVatCents: line.vatCents,
                };
              }),
            }
          : undefined,
      activity: input.activity ? { create: activityData(input.centreId, input.activity) } : undefined,
    },
  });
  await insertOccurrences(tx, booking.id, input.centreId, dates, {
    cutoffDays: input.provisionalCutoffDays ?? null,
    pricePerDate: input.pricePerDate,
    cancelledAt: now,
  });
  await recordAudit(tx, {
    centreId: input.centreId,
    actorId: input.createdById,
    entityType: "booking",
    entityId: booking.id,
    action: "created",
    details: {
      dates: dates.length,
      exceptions: dates
        .filter((date) => date.cancelReason)
        .map((date) => ({ localStart: date.originalLocalStart, reason: date.cancelReason })),
      moved: dates.filter((date) => date.moved).map((date) => date.originalLocalStart),
      rrule: input.rrule,
      localStart: input.localStart,
      roomId: space.id,
      status: input.status,
    },
  });
  return { ...booking, dateCount: dates.length };
}

/**
 * What becomes of the dates findConflicts found for a series being changed: decideDates, with
 * the closed days as exceptions.
 */
export function datesToStore(
  found: { dates: PlannedOccurrence[]; conflicts: Conflict[] },
  space: BookableSpace,
  pattern: Pick<NewBooking, "rrule" | "skipPublicHolidays" | "skipSchoolHolidays">,
  timeZone: string,
): DateToStore[] {
  return decideDates(found.dates, space, {
    timeZone,
    skipPublicHolidays: pattern.skipPublicHolidays,
    skipSchoolHolidays: pattern.skipSchoolHolidays,
    closed: pattern.rrule ? closedDates(found.conflicts) : undefined,
  });
}

/**
 * A series does not take place on days the centre (or its room) is closed: those dates become
 * exceptions with the closure's reason, so the series goes on around Christmas and the like.
 * A one-off booking on a closed day is refused instead (see blockingConflicts).
 */
function closedDates(conflicts: Conflict[]): Map<string, string> {
  return new Map(
    conflicts
      .filter((conflict) => conflict.reason === "closed")
      .map((conflict) => [conflict.localStart, conflict.closure?.reason ?? "Gesloten"]),
  );
}

/** A conflict as the error the person sees. */
export function conflictError(conflict: Conflict, roomName: string, timeZone: string): DomainError {
  const local = localDateTimeAt(conflict.startsAt, timeZone);
  const params = { room: roomName, date: local.slice(0, 10), time: local.slice(11) };
  if (conflict.reason === "room-taken") return new RoomAlreadyBookedError(params);
  if (conflict.reason === "closed") {
    return new DomainError(
      "date-closed",
      `${roomName} is closed on ${params.date} (${conflict.closure?.reason}).`,
      { ...params, reason: conflict.closure?.reason ?? "" },
      409,
    );
  }
  return new DomainError(
    "outside-opening-hours",
    `${params.date} ${params.time} is outside the opening hours of ${roomName}.`,
    params,
    409,
  );
}

export function activityData(centreId: string, activity: NewActivity) {
  return {
    centreId,
    kind: activity.kind,
    title: activity.title,
    description: activity.description ?? "",
    audiences: activity.audiences ?? [],
    capacity: activity.capacity ?? null,
    participantPriceCents: activity.participantPriceCents ?? 0,
    payOnline: activity.payOnline ?? false,
    accessibilityNotes: activity.accessibilityNotes ?? "",
    organiserName: activity.organiserName ?? null,
    contactInfo: activity.contactInfo ?? null,
  };
}

/** The summed price of the dates that take place. */
function priceDates(dates: DateToStore[], pricePerDate?: NewBooking["pricePerDate"]) {
  let exclCents = 0;
  let vatCents = 0;
  for (const date of dates) {
    if (date.cancelReason !== null || !pricePerDate) continue;
    const price = pricePerDate(date);
    exclCents += price.exclCents;
    vatCents += price.vatCents;
  }
  return { exclCents, vatCents };
}

/** Inserts dates and the claims of those that take place; returns the summed prices. */
export async function insertOccurrences(
  tx: Tx,
  bookingId: string,
  centreId: string,
  dates: DateToStore[],
  options: { cutoffDays: number | null; pricePerDate?: NewBooking["pricePerDate"]; cancelledAt: Date },
) {
  let exclCents = 0;
  let vatCents = 0;
  // Column by column, for one INSERT per table: Prisma's createMany spends longer preparing a
  // two-year series' rows than PostgreSQL spends storing them (see the engine benchmark).
  const occurrence = {
    id: [] as string[],
    roomId: [] as string[],
    originalLocalStart: [] as string[],
    startsAt: [] as string[],
    endsAt: [] as string[],
    status: [] as string[],
    moved: [] as boolean[],
    cancelReason: [] as (string | null)[],
    cancelledAt: [] as (string | null)[],
    firmAt: [] as (string | null)[],
    priceExclCents: [] as number[],
    vatCents: [] as number[],
  };
  const claim = {
    occurrenceId: [] as string[],
    roomId: [] as string[],
    startsAt: [] as string[],
    endsAt: [] as string[],
    blockStartsAt: [] as string[],
    blockEndsAt: [] as string[],
  };
  for (const date of dates) {
    const id = randomUUID();
    const takesPlace = date.cancelReason === null;
    const price = takesPlace
      ? (options.pricePerDate?.(date) ?? { exclCents: 0, vatCents: 0 })
      : { exclCents: 0, vatCents: 0 };
    exclCents += price.exclCents;
    vatCents += price.vatCents;
    occurrence.id.push(id);
    occurrence.roomId.push(date.roomId);
    occurrence.originalLocalStart.push(date.originalLocalStart);
    occurrence.startsAt.push(date.startsAt.toISOString());
    occurrence.endsAt.push(date.endsAt.toISOString());
    occurrence.status.push(takesPlace ? "ACTIVE" : "CANCELLED");
    occurrence.moved.push(date.moved);
    occurrence.cancelReason.push(date.cancelReason);
    occurrence.cancelledAt.push(takesPlace ? null : options.cancelledAt.toISOString());
    occurrence.firmAt.push(
      options.cutoffDays === null
        ? null
        : new Date(date.startsAt.getTime() - options.cutoffDays * DAY_MS).toISOString(),
    );
    occurrence.priceExclCents.push(price.exclCents);
    occurrence.vatCents.push(price.vatCents);
    if (!takesPlace) continue;
    for (const held of date.claims) {
      claim.occurrenceId.push(id);
      claim.roomId.push(held.roomId);
      claim.startsAt.push(held.startsAt.toISOString());
      claim.endsAt.push(held.endsAt.toISOString());
      claim.blockStartsAt.push(held.blockStartsAt.toISOString());
      claim.blockEndsAt.push(held.blockEndsAt.toISOString());
    }
  }
  if (dates.length === 0) return { exclCents, vatCents };
  await tx.$executeRaw`
    INSERT INTO occurrences (id, booking_id, centre_id, room_id, original_local_start, starts_at, ends_at, status, moved,
                             cancel_reason, cancelled_at, firm_at, price_excl_cents, vat_cents)
    SELECT id, ${bookingId}::uuid, ${centreId}::uuid, room_id, original_local_start, starts_at, ends_at,
           status::"OccurrenceStatus", moved, cancel_reason, cancelled_at, firm_at, price_excl_cents, vat_cents
    FROM unnest(${occurrence.id}::uuid[], ${occurrence.roomId}::uuid[], ${occurrence.originalLocalStart}::timestamp[],
                ${occurrence.startsAt}::timestamptz[], ${occurrence.endsAt}::timestamptz[], ${occurrence.status}::text[],
                ${occurrence.moved}::boolean[], ${occurrence.cancelReason}::text[], ${occurrence.cancelledAt}::timestamptz[],
                ${occurrence.firmAt}::timestamptz[], ${occurrence.priceExclCents}::int[], ${occurrence.vatCents}::int[])
      AS rows(id, room_id, original_local_start, starts_at, ends_at, status, moved, cancel_reason, cancelled_at, firm_at, price_excl_cents, vat_cents)`;
  if (claim.occurrenceId.length > 0) {
    await tx.$executeRaw`
      INSERT INTO room_claims (occurrence_id, centre_id, room_id, starts_at, ends_at, block_starts_at, block_ends_at)
      SELECT occurrence_id, ${centreId}::uuid, room_id, starts_at, ends_at, block_starts_at, block_ends_at
      FROM unnest(${claim.occurrenceId}::uuid[], ${claim.roomId}::uuid[], ${claim.startsAt}::timestamptz[], ${claim.endsAt}::timestamptz[],
                  ${claim.blockStartsAt}::timestamptz[], ${claim.blockEndsAt}::timestamptz[])
        AS rows(occurrence_id, room_id, starts_at, ends_at, block_starts_at, block_ends_at)`;
  }
  return { exclCents, vatCents };
}

/** After the database refused an overlap: the first date that clashes, in plain words. */
async function describeClash(
  input: Pick<NewBooking, "centreId" | "roomId" | "rrule" | "localStart" | "durationMinutes" | "exdates" | "tier">,
  timeZone: string,
  now: Date,
) {
  const until = materialiseUntil(input.rrule, now, await horizonDaysFor(db(), input.centreId, input.tier));
  const { space, conflicts } = await findConflicts(
    input.centreId,
    {
      roomId: input.roomId,
      rrule: input.rrule,
      localStart: input.localStart,
      durationMinutes: input.durationMinutes,
      exdates: input.exdates,
      until,
    },
    { seesDetails: false },
  );
  const first = conflicts.find((conflict) => conflict.reason === "room-taken");
  const at = first?.startsAt ?? clock.now();
  return roomTaken(space.name, at, timeZone);
}

export function roomTaken(roomName: string, startsAt: Date, timeZone: string): RoomAlreadyBookedError {
  const local = localDateTimeAt(startsAt, timeZone);
  return new RoomAlreadyBookedError({ room: roomName, date: local.slice(0, 10), time: local.slice(11) });
}

/** Locks a booking of this centre for a change (rows of other centres are not found). */
export async function lockBooking(tx: Tx, centreId: string, bookingId: string) {
  const rows = await tx.$queryRaw<{ id: string }[]>`
    SELECT id::text FROM bookings WHERE id = ${bookingId}::uuid AND centre_id = ${centreId}::uuid FOR UPDATE`;
  if (rows.length === 0) throw new NotFoundError("booking");
  return tx.booking.findUniqueOrThrow({ where: { id: bookingId }, include: { activity: true } });
}
