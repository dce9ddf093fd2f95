import { randomUUID } from "node:crypto";
import { db, transaction, type Tx } from "~/db/client.server";
import { isExclusionViolation } from "~/db/errors.server";
import type {
  ActivityKind,
  Audience,
  BookingStatus,
  HolidayRegion,
  Prisma,
  Tier,
} from "~/generated/prisma/client";
import { recordAudit } from "./audit.server";
import { DomainError, NotFoundError, RoomAlreadyBookedError } from "./errors";
import { planOccurrences, type PlannedOccurrence, type SpaceForPlanning } from "./occurrences";
import { RecurrenceError, parseRule } from "./recurrence";
import { localDateTimeAt, parseWallClock, toWallClock } from "./time-zone";

/**
 * Creating bookings: the booking, its materialised dates and their room claims, in one
 * transaction. The exclusion constraint on room claims is the final judge of overlaps; its
 * refusal becomes a RoomAlreadyBookedError naming the first date that clashes.
 */

export interface NewActivity {
  kind: ActivityKind;
  title: string;
  description?: string;
  audiences?: Audience[];
  capacity?: number | null;
  participantPriceCents?: number;
  accessibilityNotes?: string;
  organiserName?: string | null;
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
  /** dates left out of the series (wall-clock starts) */
  exdates?: string[];
  /** a provisional booking's dates become firm this many days before they start */
  provisionalCutoffDays?: number | null;
  activity?: NewActivity | null;
  createdById?: string | null;
  bookedOnBehalf?: boolean;
  requestKey?: string | null;
  skipPublicHolidays?: boolean;
  skipSchoolHolidays?: HolidayRegion | null;
  /** price per date (excl. VAT) and VAT, from the quote; zero when not priced */
  pricePerDate?: (date: PlannedOccurrence) => { exclCents: number; vatCents: number };
  quote?: Prisma.InputJsonValue;
}

/** Series without an end are materialised this far ahead; a daily job extends them. */
export const MATERIALISE_DAYS = 400;
/** The most dates one booking may have. */
export const MAX_DATES_PER_BOOKING = 2000;

const DAY_MS = 24 * 60 * 60 * 1000;

/** The space a booking claims: the room itself, or a combination's member rooms. */
export async function loadSpace(tx: Tx, centreId: string, roomId: string) {
  const room = await tx.room.findFirst({
    where: { id: roomId, centreId },
    include: { members: { select: { roomId: true } } },
  });
  if (!room) throw new NotFoundError("room");
  const space: SpaceForPlanning = {
    id: room.id,
    setupBufferMinutes: room.setupBufferMinutes,
    cleanupBufferMinutes: room.cleanupBufferMinutes,
    physicalRoomIds: room.kind === "COMBINATION" ? room.members.map((member) => member.roomId) : [room.id],
  };
  return { room, space };
}

/** How far a series is materialised: its own end, or MATERIALISE_DAYS from now. */
export function materialiseUntil(rrule: string | null, now: Date): Date | undefined {
  if (!rrule) return undefined;
  const rule = parseRule(rrule);
  return rule.hasCount || rule.until ? undefined : new Date(now.getTime() + MATERIALISE_DAYS * DAY_MS);
}

export async function createBooking(input: NewBooking, now = new Date()) {
  if (!parseWallClock(input.localStart)) {
    throw new DomainError("invalid-start", `Start "${input.localStart}" is not a date and time.`);
  }
  const centre = await db().centre.findUnique({ where: { id: input.centreId }, select: { timeZone: true } });
  if (!centre) throw new NotFoundError("centre");
  const until = materialiseUntil(input.rrule, now);

  try {
    return await transaction(async (tx) => {
      const { room, space } = await loadSpace(tx, input.centreId, input.roomId);
      const organisation = await tx.organisation.findFirst({
        where: { id: input.organisationId, centreId: input.centreId },
        select: { id: true },
      });
      if (!organisation) throw new NotFoundError("organisation");

      const planned = planOccurrences(
        { rrule: input.rrule, localStart: input.localStart, durationMinutes: input.durationMinutes, timeZone: centre.timeZone },
        space,
        { to: until, exdates: input.exdates, limit: MAX_DATES_PER_BOOKING },
      );
      if (planned.length === 0) throw new DomainError("no-dates", "The pattern gives no dates.");

      const booking = await tx.booking.create({
        data: {
          centreId: input.centreId,
          organisationId: input.organisationId,
          roomId: room.id,
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
          materialisedUntil: until ?? null,
          createdById: input.createdById ?? null,
          bookedOnBehalf: input.bookedOnBehalf ?? false,
          requestKey: input.requestKey ?? null,
          quote: input.quote,
          activity: input.activity
            ? {
                create: {
                  centreId: input.centreId,
                  kind: input.activity.kind,
                  title: input.activity.title,
                  description: input.activity.description ?? "",
                  audiences: input.activity.audiences ?? [],
                  capacity: input.activity.capacity ?? null,
                  participantPriceCents: input.activity.participantPriceCents ?? 0,
                  accessibilityNotes: input.activity.accessibilityNotes ?? "",
                  organiserName: input.activity.organiserName ?? null,
                },
              }
            : undefined,
        },
      });
      const totals = await insertOccurrences(tx, booking.id, input.centreId, room.id, planned, {
        cutoffDays: input.provisionalCutoffDays ?? null,
        pricePerDate: input.pricePerDate,
      });
      await tx.booking.update({
        where: { id: booking.id },
        data: {
          totalExclCents: totals.exclCents,
          totalVatCents: totals.vatCents,
          totalInclCents: totals.exclCents + totals.vatCents,
        },
      });
      await recordAudit(tx, {
        centreId: input.centreId,
        actorId: input.createdById,
        entityType: "booking",
        entityId: booking.id,
        action: "created",
        details: { dates: planned.length, rrule: input.rrule, localStart: input.localStart, roomId: room.id },
      });
      return { ...booking, dateCount: planned.length };
    });
  } catch (error) {
    if (error instanceof RecurrenceError) throw new DomainError(`recurrence-${error.code}`, error.message);
    if (isExclusionViolation(error)) throw await describeClash(input, centre.timeZone, until);
    throw error;
  }
}

/** Inserts planned dates and their claims; returns the summed prices. */
export async function insertOccurrences(
  tx: Tx,
  bookingId: string,
  centreId: string,
  roomId: string,
  planned: PlannedOccurrence[],
  options: { cutoffDays: number | null; pricePerDate?: NewBooking["pricePerDate"] },
) {
  let exclCents = 0;
  let vatCents = 0;
  const occurrences: Prisma.OccurrenceCreateManyInput[] = [];
  const claims: Prisma.RoomClaimCreateManyInput[] = [];
  for (const date of planned) {
    const id = randomUUID();
    const price = options.pricePerDate?.(date) ?? { exclCents: 0, vatCents: 0 };
    exclCents += price.exclCents;
    vatCents += price.vatCents;
    occurrences.push({
      id,
      bookingId,
      centreId,
      roomId,
      originalLocalStart: parseWallClock(date.originalLocalStart)!,
      startsAt: date.startsAt,
      endsAt: date.endsAt,
      firmAt: options.cutoffDays === null ? null : new Date(date.startsAt.getTime() - options.cutoffDays * DAY_MS),
      priceExclCents: price.exclCents,
      vatCents: price.vatCents,
    });
    for (const claim of date.claims) claims.push({ ...claim, occurrenceId: id, centreId });
  }
  await tx.occurrence.createMany({ data: occurrences });
  await tx.roomClaim.createMany({ data: claims });
  return { exclCents, vatCents };
}

/** After the database refused an overlap: which date clashed first, in plain words. */
async function describeClash(input: NewBooking, timeZone: string, until: Date | undefined) {
  const { room, space } = await loadSpace(db(), input.centreId, input.roomId);
  const planned = planOccurrences(
    { rrule: input.rrule, localStart: input.localStart, durationMinutes: input.durationMinutes, timeZone },
    space,
    { to: until, exdates: input.exdates, limit: MAX_DATES_PER_BOOKING },
  );
  for (const date of planned) {
    const block = date.claims[0]!;
    const clash = await db().roomClaim.findFirst({
      where: {
        active: true,
        roomId: { in: space.physicalRoomIds },
        blockStartsAt: { lt: block.blockEndsAt },
        blockEndsAt: { gt: block.blockStartsAt },
      },
      select: { id: true },
    });
    if (clash) {
      const local = localDateTimeAt(date.startsAt, timeZone);
      return new RoomAlreadyBookedError({ room: room.name, date: local.slice(0, 10), time: local.slice(11) });
    }
  }
  const local = toWallClock(planned[0]?.startsAt ?? new Date(), timeZone).toISOString();
  return new RoomAlreadyBookedError({ room: room.name, date: local.slice(0, 10), time: local.slice(11, 16) });
}
