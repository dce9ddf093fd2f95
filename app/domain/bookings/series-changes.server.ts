import { randomUUID } from "node:crypto";
import { priceBookedExtras } from "../money/extras";
import { db, transaction, type Tx } from "~/db/client.server";
import { isExclusionViolation } from "~/db/errors.server";
import type { Occurrence, Prisma } from "~/generated/prisma/client";
import { recordAudit } from "../shared/audit.server";
import {
  activityData,
  conflictError,
  datesToStore,
  horizonDaysFor,
  insertOccurrences,
  lockBookingWrites,
  lockBooking,
  materialiseUntil,
  roomTaken,
  type DateToStore,
} from "./create.server";
import { findConflicts, type Conflict, type Viewer } from "./conflicts.server";
import { DomainError, NotFoundError } from "../shared/errors";
import { claimsFor } from "./occurrences";
import { RecurrenceError, parseRule } from "../time/recurrence";
import { loadSpace } from "../centre/rooms.server";
import { addWallClockMinutes, formatWallClock, parseWallClock } from "../time/time-zone";
import { notifySignupsOfCancelledDate } from "../residents/signups.server";
import { clock } from "~/lib/clock";
import type { ActorOrJob } from "../shared/actor";

/**
 * Changing bookings without duplicating or losing dates. Every change is one transaction
 * with an audit record:
 *
 * - cancel one date; move one date (another time or room, checked for conflicts);
 * - cancel the rest of a series;
 * - change a series "from this date on" (the series is split: the original ends the day
 *   before, a new booking carries the new pattern) or "the whole series" (the same booking,
 *   future dates only; the past is history and stays as it was).
 *
 * A series change matches the existing future dates to the new pattern by local day. A date
 * on the same day is updated in place (its id, sign-ups and headcounts stay); a date the new
 * pattern no longer has is cancelled; a new day is added. Exceptions (a cancelled or moved
 * date) are kept where the new pattern still has that day, and reported where it does not.
 */

export interface NewPattern {
  /** RRULE value, or null to make the rest a single date */
  rrule: string | null;
  /** first start of the new pattern, wall clock "YYYY-MM-DDTHH:mm" */
  localStart: string;
  durationMinutes: number;
  /** room or combination */
  roomId: string;
}

export interface SeriesChangePlan {
  /** future dates updated in place to the new pattern */
  updated: { occurrenceId: string; from: { startsAt: Date; roomId: string }; to: DateToStore }[];
  /** new dates */
  added: DateToStore[];
  /** future dates the new pattern no longer has; they are cancelled */
  cancelled: { occurrenceId: string; localStart: string; startsAt: Date }[];
  /** exceptions that still fit (a cancelled or moved date on a day the new pattern has) */
  exceptionsKept: { occurrenceId: string; localStart: string; kind: "cancelled" | "moved" }[];
  /** exceptions on days the new pattern no longer has */
  exceptionsDropped: { occurrenceId: string; localStart: string; kind: "cancelled" | "moved" }[];
  /** conflicts of the dates that would take place */
  conflicts: Conflict[];
}

const DAY_MS = 24 * 60 * 60 * 1000;

async function centreZone(client: Tx, centreId: string): Promise<string> {
  const centre = await client.centre.findUnique({ where: { id: centreId }, select: { timeZone: true } });
  if (!centre) throw new NotFoundError("centre");
  return centre.timeZone;
}

async function loadOccurrence(tx: Tx, centreId: string, occurrenceId: string) {
  const occurrence = await tx.occurrence.findFirst({ where: { id: occurrenceId, centreId } });
  if (!occurrence) throw new NotFoundError("occurrence");
  return occurrence;
}

// ─── One date ───────────────────────────────────────────────────────────────

/** Cancels one date; its rooms are free again. `feeCents` is the cancellation fee charged. */
export async function cancelOccurrence(
  actor: ActorOrJob,
  input: { occurrenceId: string; reason: string; feeCents?: number; now?: Date },
) {
  const now = input.now ?? clock.now();
  return transaction(async (tx) => {
    const found = await loadOccurrence(tx, actor.centreId, input.occurrenceId);
    await lockBooking(tx, actor.centreId, found.bookingId);
    const occurrence = await tx.occurrence.findUniqueOrThrow({ where: { id: found.id } });
    if (occurrence.status !== "ACTIVE") {
      throw new DomainError("already-cancelled", "This date was cancelled already.", {}, 409);
    }
    return cancelActiveDate(tx, actor, occurrence, input.reason, input.feeCents ?? 0, now);
  });
}

/** Inside a transaction that holds the booking's lock: cancels a date that takes place, with its fee. */
async function cancelActiveDate(
  tx: Tx,
  actor: ActorOrJob,
  occurrence: Occurrence,
  reason: string,
  feeCents: number,
  now: Date,
) {
  await tx.roomClaim.updateMany({ where: { occurrenceId: occurrence.id }, data: { active: false } });
  const updated = await tx.occurrence.update({
    where: { id: occurrence.id },
    data: { status: "CANCELLED", cancelledAt: now, cancelReason: reason, cancellationFeeCents: feeCents },
  });
  await notifySignupsOfCancelledDate(tx, actor.centreId, occurrence.id);
  await recordAudit(tx, {
    centreId: actor.centreId,
    actorId: actor.actorId,
    entityType: "booking",
    entityId: occurrence.bookingId,
    action: "date-cancelled",
    details: { occurrenceId: occurrence.id, startsAt: occurrence.startsAt.toISOString(), reason, feeCents },
  });
  return updated;
}

/** Moves one date to another start and/or room, after checking it there. The series stays as it is. */
export async function moveOccurrence(
  actor: ActorOrJob,
  input: {
    occurrenceId: string;
    startsAt?: Date;
    roomId?: string;
    viewer?: Viewer;
    allowOutsideOpeningHours?: boolean;
  },
) {
  const timeZone = await centreZone(db(), actor.centreId);
  try {
    return await transaction(async (tx) => {
      await lockBookingWrites(tx, actor.centreId);
      const found = await loadOccurrence(tx, actor.centreId, input.occurrenceId);
      await lockBooking(tx, actor.centreId, found.bookingId);
      const occurrence = await tx.occurrence.findUniqueOrThrow({ where: { id: found.id } });
      if (occurrence.status !== "ACTIVE")
        throw new DomainError("not-active", "Only a date that takes place can be moved.", {}, 409);
      const space = await loadSpace(tx, actor.centreId, input.roomId ?? occurrence.roomId);
      const startsAt = input.startsAt ?? occurrence.startsAt;
      const endsAt = new Date(startsAt.getTime() + (occurrence.endsAt.getTime() - occurrence.startsAt.getTime()));
      const date = {
        originalLocalStart: formatWallClock(occurrence.originalLocalStart),
        startsAt,
        endsAt,
        claims: claimsFor(space, startsAt, endsAt),
      };
      const { conflicts } = await findConflicts(
        actor.centreId,
        {
          roomId: space.id,
          rrule: null,
          localStart: date.originalLocalStart,
          durationMinutes: 1,
          dates: [date],
          excludeOccurrenceIds: [occurrence.id],
        },
        input.viewer ?? { seesDetails: true },
        tx,
      );
      const blocking = conflicts.filter(
        (conflict) => !(conflict.reason === "outside-opening-hours" && input.allowOutsideOpeningHours),
      );
      if (blocking[0]) throw conflictError(blocking[0], space.name, timeZone);
      await tx.roomClaim.deleteMany({ where: { occurrenceId: occurrence.id } });
      await tx.roomClaim.createMany({
        data: date.claims.map((claim) => ({ ...claim, occurrenceId: occurrence.id, centreId: actor.centreId })),
      });
      const updated = await tx.occurrence.update({
        where: { id: occurrence.id },
        data: { startsAt, endsAt, roomId: space.id, moved: true },
      });
      await recordAudit(tx, {
        centreId: actor.centreId,
        actorId: actor.actorId,
        entityType: "booking",
        entityId: occurrence.bookingId,
        action: "date-moved",
        details: {
          occurrenceId: occurrence.id,
          from: { startsAt: occurrence.startsAt.toISOString(), roomId: occurrence.roomId },
          to: { startsAt: startsAt.toISOString(), roomId: space.id },
        },
      });
      return updated;
    });
  } catch (error) {
    if (isExclusionViolation(error)) {
      const space = await loadSpace(
        db(),
        actor.centreId,
        input.roomId ?? (await loadOccurrence(db(), actor.centreId, input.occurrenceId)).roomId,
      );
      throw roomTaken(space.name, input.startsAt ?? clock.now(), timeZone);
    }
    throw error;
  }
}

// ─── The rest of a series ───────────────────────────────────────────────────

/** The rule, cut so that its last date starts before `beforeLocal` (a wall-clock time). */
export function endRuleBefore(rrule: string, beforeLocal: string): string {
  const wall = parseWallClock(beforeLocal);
  if (!wall) throw new DomainError("invalid-start", `"${beforeLocal}" is not a date and time.`);
  const until = addWallClockMinutes(wall, -1).toISOString().replace(/[-:]/g, "").slice(0, 15);
  const parts = parseRule(rrule)
    .body.split(";")
    .filter((part) => !/^(COUNT|UNTIL)=/.test(part));
  return [...parts, `UNTIL=${until}`].join(";");
}

/**
 * Cancels every date from `fromOccurrenceId` on and ends the series there, in one transaction.
 * With `feeFor`, each date the policy charges for is cancelled with its fee (and its own line in
 * the history); the rest go at once.
 */
export async function cancelRestOfSeries(
  actor: ActorOrJob,
  input: {
    bookingId: string;
    fromOccurrenceId: string;
    reason: string;
    now?: Date;
    feeFor?: (date: { startsAt: Date; priceInclCents: number }) => number;
  },
) {
  const now = input.now ?? clock.now();
  return transaction(async (tx) => {
    const booking = await lockBooking(tx, actor.centreId, input.bookingId);
    const from = await loadOccurrence(tx, actor.centreId, input.fromOccurrenceId);
    if (from.bookingId !== booking.id) throw new NotFoundError("occurrence");
    const active = await tx.occurrence.findMany({
      where: { bookingId: booking.id, originalLocalStart: { gte: from.originalLocalStart }, status: "ACTIVE" },
      orderBy: { originalLocalStart: "asc" },
    });
    let feeCents = 0;
    const charged = new Set<string>();
    for (const date of active) {
      const fee = input.feeFor?.({ startsAt: date.startsAt, priceInclCents: date.priceExclCents + date.vatCents }) ?? 0;
      if (fee === 0) continue;
      await cancelActiveDate(tx, actor, date, input.reason, fee, now);
      charged.add(date.id);
      feeCents += fee;
    }
    const ids = active.filter((date) => !charged.has(date.id)).map((date) => date.id);
    await tx.roomClaim.updateMany({ where: { occurrenceId: { in: ids } }, data: { active: false } });
    await tx.occurrence.updateMany({
      where: { id: { in: ids } },
      data: { status: "CANCELLED", cancelledAt: now, cancelReason: input.reason },
    });
    for (const id of ids) await notifySignupsOfCancelledDate(tx, actor.centreId, id);
    const everything = from.originalLocalStart.getTime() <= booking.localStart.getTime();
    await tx.booking.update({
      where: { id: booking.id },
      data: {
        rrule:
          booking.rrule && !everything
            ? endRuleBefore(booking.rrule, formatWallClock(from.originalLocalStart))
            : booking.rrule,
        materialisedUntil: null,
        ...(everything ? { status: "CANCELLED", cancelledAt: now, cancelReason: input.reason } : {}),
      },
    });
    await recordAudit(tx, {
      centreId: actor.centreId,
      actorId: actor.actorId,
      entityType: "booking",
      entityId: booking.id,
      action: everything ? "booking-cancelled" : "rest-cancelled",
      details: { from: formatWallClock(from.originalLocalStart), dates: ids.length, reason: input.reason },
    });
    return { cancelled: active.length, feeCents };
  });
}

// ─── A new pattern for the future ───────────────────────────────────────────

function exceptionKind(occurrence: Occurrence): "cancelled" | "moved" | null {
  if (occurrence.status !== "ACTIVE") return "cancelled";
  return occurrence.moved ? "moved" : null;
}

async function planSeriesChange(
  tx: Tx,
  centreId: string,
  booking: {
    id: string;
    tier: Prisma.BookingGetPayload<object>["tier"];
    skipPublicHolidays: boolean;
    skipSchoolHolidays: Prisma.BookingGetPayload<object>["skipSchoolHolidays"];
  },
  future: Occurrence[],
  pattern: NewPattern,
  viewer: Viewer,
  now: Date,
): Promise<SeriesChangePlan & { until: Date | undefined }> {
  const until = materialiseUntil(pattern.rrule, now, await horizonDaysFor(tx, centreId, booking.tier));
  const report = await findConflicts(
    centreId,
    {
      roomId: pattern.roomId,
      rrule: pattern.rrule,
      localStart: pattern.localStart,
      durationMinutes: pattern.durationMinutes,
      until,
      excludeBookingId: booking.id,
    },
    viewer,
    tx,
  ).catch((error: unknown) => {
    if (error instanceof RecurrenceError) throw new DomainError(`recurrence-${error.code}`, error.message);
    throw error;
  });
  const timeZone = report.calendar.timeZone;
  const dates = datesToStore(report, report.space, { rrule: pattern.rrule, ...booking }, timeZone);
  const localDay = (occurrence: { originalLocalStart: Date }) =>
    formatWallClock(occurrence.originalLocalStart).slice(0, 10);
  const byDay = new Map(future.map((occurrence) => [localDay(occurrence), occurrence]));
  const plan: SeriesChangePlan & { until: Date | undefined } = {
    updated: [],
    added: [],
    cancelled: [],
    exceptionsKept: [],
    exceptionsDropped: [],
    conflicts: [],
    until,
  };
  const matched = new Set<string>();
  for (const date of dates) {
    const existing = byDay.get(date.originalLocalStart.slice(0, 10));
    if (!existing) {
      plan.added.push(date);
      continue;
    }
    matched.add(existing.id);
    const kind = exceptionKind(existing);
    if (kind) {
      plan.exceptionsKept.push({ occurrenceId: existing.id, localStart: date.originalLocalStart, kind });
      continue;
    }
    plan.updated.push({
      occurrenceId: existing.id,
      from: { startsAt: existing.startsAt, roomId: existing.roomId },
      to: date,
    });
  }
  for (const occurrence of future) {
    if (matched.has(occurrence.id)) continue;
    const kind = exceptionKind(occurrence);
    if (kind)
      plan.exceptionsDropped.push({
        occurrenceId: occurrence.id,
        localStart: formatWallClock(occurrence.originalLocalStart),
        kind,
      });
    if (occurrence.status === "ACTIVE") {
      plan.cancelled.push({
        occurrenceId: occurrence.id,
        localStart: formatWallClock(occurrence.originalLocalStart),
        startsAt: occurrence.startsAt,
      });
    }
  }
  const takingPlace = new Set(
    [...plan.updated.map((update) => update.to), ...plan.added]
      .filter((date) => date.cancelReason === null)
      .map((date) => date.originalLocalStart),
  );
  plan.conflicts = report.conflicts.filter((conflict) => takingPlace.has(conflict.localStart));
  return plan;
}

export interface SeriesChangeInput {
  bookingId: string;
  /** "following": from this date on (the series is split); "all": every future date */
  scope: "following" | "all";
  /** for "following": the first date to change */
  fromOccurrenceId?: string;
  pattern: NewPattern;
  viewer?: Viewer;
  allowOutsideOpeningHours?: boolean;
  now?: Date;
}

async function futureOf(tx: Tx, centreId: string, input: SeriesChangeInput, now: Date) {
  const booking = await lockBooking(tx, centreId, input.bookingId);
  if (booking.status === "CANCELLED" || booking.status === "DECLINED" || booking.status === "BUMPED") {
    throw new DomainError("booking-not-active", "This booking no longer takes place.", {}, 409);
  }
  let boundary: Occurrence | null = null;
  if (input.scope === "following") {
    if (!input.fromOccurrenceId) throw new DomainError("missing-date", "Choose the date from which the change starts.");
    boundary = await loadOccurrence(tx, centreId, input.fromOccurrenceId);
    if (boundary.bookingId !== booking.id) throw new NotFoundError("occurrence");
  }
  const future = await tx.occurrence.findMany({
    where: boundary
      ? { bookingId: booking.id, originalLocalStart: { gte: boundary.originalLocalStart } }
      : { bookingId: booking.id, startsAt: { gte: now } },
    orderBy: { startsAt: "asc" },
  });
  return { booking, boundary, future };
}

/** What a series change would do, without doing it (for the conflict report before saving). */
export async function previewSeriesChange(actor: ActorOrJob, input: SeriesChangeInput): Promise<SeriesChangePlan> {
  const now = input.now ?? clock.now();
  return transaction(async (tx) => {
    const { booking, future } = await futureOf(tx, actor.centreId, input, now);
    const { until: _until, ...plan } = await planSeriesChange(
      tx,
      actor.centreId,
      booking,
      future,
      input.pattern,
      input.viewer ?? { seesDetails: true },
      now,
    );
    return plan;
  });
}

/**
 * Applies a new pattern to the future of a series (see the module comment). Refuses when a
 * date that would take place clashes; returns what was done.
 */
export async function changeSeries(actor: ActorOrJob, input: SeriesChangeInput) {
  const now = input.now ?? clock.now();
  const timeZone = await centreZone(db(), actor.centreId);
  if (!parseWallClock(input.pattern.localStart)) {
    throw new DomainError("invalid-start", `Start "${input.pattern.localStart}" is not a date and time.`);
  }
  try {
    return await transaction(async (tx) => {
      await lockBookingWrites(tx, actor.centreId);
      const { booking, boundary, future } = await futureOf(tx, actor.centreId, input, now);
      const plan = await planSeriesChange(
        tx,
        actor.centreId,
        booking,
        future,
        input.pattern,
        input.viewer ?? { seesDetails: true },
        now,
      );
      const blocking = plan.conflicts.filter(
        (conflict) => !(conflict.reason === "outside-opening-hours" && input.allowOutsideOpeningHours),
      );
      if (blocking[0]) {
        const space = await loadSpace(tx, actor.centreId, input.pattern.roomId);
        throw conflictError(blocking[0], space.name, timeZone);
      }

      // "following" makes a new booking for the future; "all" keeps the same one.
      let target = booking;
      if (input.scope === "following" && boundary) {
        const { id: _id, createdAt: _createdAt, updatedAt: _updatedAt, activity, quote, ...fields } = booking;
        target = await tx.booking.create({
          data: {
            ...fields,
            createdAt: now,
            quote: quote ?? undefined,
            rrule: input.pattern.rrule,
            localStart: parseWallClock(input.pattern.localStart)!,
            durationMinutes: input.pattern.durationMinutes,
            roomId: input.pattern.roomId,
            splitFromId: booking.id,
            materialisedUntil: plan.until ?? null,
            activity: activity
              ? {
                  create: activityData(actor.centreId, {
                    ...activity,
                    capacity: activity.capacity,
                    organiserName: activity.organiserName,
                  }),
                }
              : undefined,
          },
          include: { activity: true },
        });
        const startsFromBoundary = formatWallClock(boundary.originalLocalStart) <= formatWallClock(booking.localStart);
        await tx.booking.update({
          where: { id: booking.id },
          data: startsFromBoundary
            ? {
                status: "CANCELLED",
                cancelledAt: now,
                cancelReason: "Vervangen door een nieuwe reeks",
                materialisedUntil: null,
              }
            : {
                rrule: booking.rrule
                  ? endRuleBefore(booking.rrule, formatWallClock(boundary.originalLocalStart))
                  : null,
                materialisedUntil: null,
              },
        });
      } else {
        await tx.booking.update({
          where: { id: booking.id },
          data: {
            rrule: input.pattern.rrule,
            localStart: parseWallClock(input.pattern.localStart)!,
            durationMinutes: input.pattern.durationMinutes,
            roomId: input.pattern.roomId,
            materialisedUntil: plan.until ?? null,
          },
        });
      }

      // Dates on a day the new pattern keeps: same row, new time and room, new claims.
      const moving = plan.updated.map((update) => update.occurrenceId);
      await tx.roomClaim.deleteMany({ where: { occurrenceId: { in: moving } } });
      const claims: Prisma.RoomClaimCreateManyInput[] = [];
      for (const update of plan.updated) {
        const date = update.to;
        await tx.occurrence.update({
          where: { id: update.occurrenceId },
          data: {
            bookingId: target.id,
            roomId: date.roomId,
            originalLocalStart: parseWallClock(date.originalLocalStart)!,
            startsAt: date.startsAt,
            endsAt: date.endsAt,
            moved: false,
            ...(date.cancelReason ? { status: "CANCELLED", cancelledAt: now, cancelReason: date.cancelReason } : {}),
          },
        });
        if (!date.cancelReason)
          for (const claim of date.claims)
            claims.push({ ...claim, id: randomUUID(), occurrenceId: update.occurrenceId, centreId: actor.centreId });
      }
      // Exceptions that still fit move along with the series (re-keyed to the new pattern's start).
      for (const kept of plan.exceptionsKept) {
        await tx.occurrence.update({
          where: { id: kept.occurrenceId },
          data: { bookingId: target.id, originalLocalStart: parseWallClock(kept.localStart)! },
        });
      }
      // Dates the new pattern no longer has: cancelled (their sign-ups stay with them).
      const dropped = plan.cancelled.map((cancel) => cancel.occurrenceId);
      await tx.roomClaim.updateMany({ where: { occurrenceId: { in: dropped } }, data: { active: false } });
      await tx.occurrence.updateMany({
        where: { id: { in: dropped } },
        data: { status: "CANCELLED", cancelledAt: now, cancelReason: "De reeks is gewijzigd" },
      });
      for (const id of dropped) await notifySignupsOfCancelledDate(tx, actor.centreId, id);
      for (const update of plan.updated)
        if (update.to.cancelReason) await notifySignupsOfCancelledDate(tx, actor.centreId, update.occurrenceId);
      await tx.roomClaim.createMany({ data: claims });
      await insertOccurrences(tx, target.id, actor.centreId, plan.added, {
        cutoffDays: await cutoffFor(tx, booking.id),
        cancelledAt: now,
      });

      // Sign-ups and "come along" requests follow their dates to the new booking's activity.
      if (target.id !== booking.id) {
        const newActivity = await tx.activity.findUnique({ where: { bookingId: target.id }, select: { id: true } });
        const reParented = [...moving, ...plan.exceptionsKept.map((kept) => kept.occurrenceId)];
        if (newActivity && reParented.length > 0) {
          await tx.signup.updateMany({
            where: { occurrenceId: { in: reParented } },
            data: { activityId: newActivity.id },
          });
          await tx.companionRequest.updateMany({
            where: { occurrenceId: { in: reParented } },
            data: { activityId: newActivity.id },
          });
        }
      }

      await refreshTotals(tx, booking.id);
      if (target.id !== booking.id) await refreshTotals(tx, target.id);

      const summary = {
        scope: input.scope,
        pattern: { ...input.pattern },
        updated: plan.updated.length,
        added: plan.added.length,
        cancelled: plan.cancelled.map((cancel) => cancel.localStart),
        exceptionsKept: plan.exceptionsKept,
        exceptionsDropped: plan.exceptionsDropped,
        newBookingId: target.id !== booking.id ? target.id : null,
      };
      await recordAudit(tx, {
        centreId: actor.centreId,
        actorId: actor.actorId,
        entityType: "booking",
        entityId: booking.id,
        action: input.scope === "following" ? "series-split" : "series-changed",
        details: summary as unknown as Prisma.InputJsonValue,
      });
      if (target.id !== booking.id) {
        await recordAudit(tx, {
          centreId: actor.centreId,
          actorId: actor.actorId,
          entityType: "booking",
          entityId: target.id,
          action: "created-by-split",
          details: { splitFrom: booking.id },
        });
      }
      return { bookingId: target.id, plan };
    });
  } catch (error) {
    if (isExclusionViolation(error)) {
      // Someone took a slot between our check and our write: report the date that clashes now.
      const space = await loadSpace(db(), actor.centreId, input.pattern.roomId);
      const plan = await previewSeriesChange(actor, input).catch(() => undefined);
      const first = plan?.conflicts.find((conflict) => conflict.reason === "room-taken");
      throw first ? conflictError(first, space.name, timeZone) : roomTaken(space.name, clock.now(), timeZone);
    }
    throw error;
  }
}

/** Recomputes a booking's totals from its dates that take place: their rent and the booked extras on each. */
export async function refreshTotals(tx: Tx, bookingId: string) {
  const sums = await tx.occurrence.aggregate({
    where: { bookingId, status: "ACTIVE" },
    _sum: { priceExclCents: true, vatCents: true },
  });
  const booked = await tx.bookingExtra.findMany({ where: { bookingId } });
  const extras =
    booked.length === 0
      ? { totalExclCents: 0, totalVatCents: 0 }
      : priceBookedExtras(
          booked,
          await tx.occurrence.findMany({
            where: { bookingId, status: "ACTIVE" },
            select: { startsAt: true, endsAt: true },
          }),
        );
  const exclCents = (sums._sum.priceExclCents ?? 0) + extras.totalExclCents;
  const vatCents = (sums._sum.vatCents ?? 0) + extras.totalVatCents;
  await tx.booking.update({
    where: { id: bookingId },
    data: {
      totalExclCents: exclCents,
      totalVatCents: vatCents,
      totalInclCents: exclCents + vatCents,
      extrasExclCents: extras.totalExclCents,
      extrasVatCents: extras.totalVatCents,
    },
  });
}

/** Provisional bookings keep their cut-off for new dates (days between firm_at and start). */
async function cutoffFor(tx: Tx, bookingId: string): Promise<number | null> {
  const sample = await tx.occurrence.findFirst({
    where: { bookingId, firmAt: { not: null } },
    select: { firmAt: true, startsAt: true },
  });
  return sample?.firmAt ? Math.round((sample.startsAt.getTime() - sample.firmAt.getTime()) / DAY_MS) : null;
}
