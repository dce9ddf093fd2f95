import { db } from "~/db/client.server";
import { cancellationOutcome } from "../money/cancellation-fee";
import { DomainError, NotFoundError } from "../shared/errors";
import { tellContactsNow } from "./notifications.server";
import {
  cancelOccurrence,
  cancelRestOfSeries,
  changeSeries,
  moveOccurrence,
  previewSeriesChange,
  type NewPattern,
} from "./series-changes.server";
import { formatWallClock, fromWallClock, parseWallClock } from "../time/time-zone";
import { clock } from "~/lib/clock";
import { refundAfterCancelling } from "../money/refunds.server";
import type { Actor } from "../shared/actor";

/**
 * The manager's side of changing a booking, on top of the booking engine
 * (series-changes.server.ts): one date, this and following, the whole series, the rest of a
 * series; with or without the cancellation policy's fee. The engine records every change in
 * the booking's history; right after a change its contact is told (notifications.server.ts),
 * and the notice job tells them later should this process stop in between.
 */

/** A booking of this centre with every date, what cancelling each would cost now, and its splits. */
export async function bookingForManager(centreId: string, bookingId: string, now = clock.now()) {
  const booking = await db().booking.findFirst({
    where: { id: bookingId, centreId },
    include: {
      centre: { select: { timeZone: true, cancellationSteps: { select: { minDaysBefore: true, feeBp: true } } } },
      room: { select: { id: true, name: true } },
      organisation: {
        select: {
          id: true,
          name: true,
          tier: true,
          tierVerifiedAt: true,
          contactName: true,
          contactEmail: true,
          contactPhone: true,
          locale: true,
        },
      },
      activity: { select: { kind: true, title: true } },
      splitFrom: { select: { id: true, title: true } },
      splits: { select: { id: true, title: true, localStart: true } },
      createdBy: { select: { name: true } },
      decidedBy: { select: { name: true } },
      occurrences: {
        orderBy: { startsAt: "asc" },
        include: {
          room: { select: { id: true, name: true } },
          attendance: { select: { headcount: true, firstTimeCount: true } },
        },
      },
    },
  });
  if (!booking) throw new NotFoundError("booking");
  const steps = booking.centre.cancellationSteps;
  return {
    id: booking.id,
    title: booking.title,
    notes: booking.notes,
    status: booking.status,
    tier: booking.tier,
    rrule: booking.rrule,
    localStart: formatWallClock(booking.localStart),
    durationMinutes: booking.durationMinutes,
    attendees: booking.attendees,
    bookedOnBehalf: booking.bookedOnBehalf,
    createdAt: booking.createdAt,
    createdBy: booking.createdBy?.name ?? null,
    decidedBy: booking.decidedBy?.name ?? null,
    decidedAt: booking.decidedAt,
    decisionReason: booking.decisionReason,
    cancelReason: booking.cancelReason,
    totalInclCents: booking.totalInclCents,
    room: booking.room,
    organisation: booking.organisation,
    activity: booking.activity,
    splitFrom: booking.splitFrom,
    splits: booking.splits.map((split) => ({
      id: split.id,
      title: split.title,
      localStart: formatWallClock(split.localStart),
    })),
    timeZone: booking.centre.timeZone,
    dates: booking.occurrences.map((date) => {
      const priceInclCents = date.priceExclCents + date.vatCents;
      return {
        id: date.id,
        originalLocalStart: formatWallClock(date.originalLocalStart),
        startsAt: date.startsAt,
        endsAt: date.endsAt,
        status: date.status,
        moved: date.moved,
        room: date.room,
        cancelReason: date.cancelReason,
        cancellationFeeCents: date.cancellationFeeCents,
        priceInclCents,
        attendance: date.attendance,
        past: date.startsAt <= now,
        feeNow:
          date.status === "ACTIVE"
            ? cancellationOutcome(steps, date.startsAt, priceInclCents, now, booking.centre.timeZone)
            : null,
      };
    }),
  };
}

async function dateOfCentre(centreId: string, occurrenceId: string) {
  const date = await db().occurrence.findFirst({
    where: { id: occurrenceId, centreId },
    include: {
      centre: { select: { timeZone: true, cancellationSteps: { select: { minDaysBefore: true, feeBp: true } } } },
    },
  });
  if (!date) throw new NotFoundError("occurrence");
  return date;
}

/** Tells the contact right away (see tellContactsNow). */
async function tellContact(centreId: string) {
  await tellContactsNow(centreId);
}

/** Cancels one date; with `chargeFee` the policy's fee for cancelling now is charged. */
export async function cancelDate(
  actor: Actor,
  input: { occurrenceId: string; reason: string; chargeFee: boolean },
  now = clock.now(),
) {
  if (!input.reason.trim()) throw new DomainError("reason-required", "Give a reason.");
  const date = await dateOfCentre(actor.centreId, input.occurrenceId);
  const feeCents = input.chargeFee
    ? cancellationOutcome(
        date.centre.cancellationSteps,
        date.startsAt,
        date.priceExclCents + date.vatCents,
        now,
        date.centre.timeZone,
      ).feeCents
    : 0;
  const result = await cancelOccurrence(actor, { occurrenceId: date.id, reason: input.reason.trim(), feeCents, now });
  // What was paid for the date beyond its fee goes back the way it was paid.
  const refundCents = await refundAfterCancelling(
    actor,
    { bookingId: date.bookingId, creditCents: date.priceExclCents + date.vatCents - feeCents },
    now,
  );
  await tellContact(actor.centreId);
  return { ...result, feeCents, refundCents };
}

/**
 * Moves one date to another day, time or room ("YYYY-MM-DD", "HH:mm" in the centre's zone).
 * The engine checks the new place and time for conflicts.
 */
export async function moveDate(
  actor: Actor,
  input: { occurrenceId: string; date: string; time: string; roomId: string; allowOutsideOpeningHours: boolean },
) {
  const date = await dateOfCentre(actor.centreId, input.occurrenceId);
  const wall = parseWallClock(`${input.date}T${input.time}`);
  if (!wall) throw new DomainError("invalid-start", "The date or time is not valid.");
  const result = await moveOccurrence(actor, {
    occurrenceId: date.id,
    startsAt: fromWallClock(wall, date.centre.timeZone),
    roomId: input.roomId,
    allowOutsideOpeningHours: input.allowOutsideOpeningHours,
  });
  await tellContact(actor.centreId);
  return result;
}

export interface PatternChange {
  bookingId: string;
  scope: "following" | "all";
  fromOccurrenceId?: string;
  pattern: NewPattern;
  allowOutsideOpeningHours: boolean;
}

/** What a series change would do (the engine's plan, with its conflicts), without doing it. */
export async function previewPatternChange(actor: Actor, input: PatternChange, now = clock.now()) {
  return previewSeriesChange(actor, { ...input, viewer: { seesDetails: true }, now });
}

/** Applies a series change: the same plan the preview showed. */
export async function applyPatternChange(actor: Actor, input: PatternChange, now = clock.now()) {
  const result = await changeSeries(actor, { ...input, viewer: { seesDetails: true }, now });
  await tellContact(actor.centreId);
  return result;
}

/**
 * Cancels every date from `fromOccurrenceId` on (the first date that has not started: the whole
 * booking), in one transaction of the engine. With `chargeFee`, each date is charged the
 * policy's fee for cancelling now.
 */
export async function cancelFrom(
  actor: Actor,
  input: { bookingId: string; fromOccurrenceId: string; reason: string; chargeFee: boolean },
  now = clock.now(),
) {
  if (!input.reason.trim()) throw new DomainError("reason-required", "Give a reason.");
  const from = await dateOfCentre(actor.centreId, input.fromOccurrenceId);
  if (from.bookingId !== input.bookingId) throw new NotFoundError("occurrence");
  const steps = from.centre.cancellationSteps;
  const result = await cancelRestOfSeries(actor, {
    bookingId: input.bookingId,
    fromOccurrenceId: from.id,
    reason: input.reason.trim(),
    now,
    feeFor: input.chargeFee
      ? (date) => cancellationOutcome(steps, date.startsAt, date.priceInclCents, now, from.centre.timeZone).feeCents
      : undefined,
  });
  // Whatever was paid beyond what the booking still owes (its dates left and every fee) goes back.
  const refundCents = await refundAfterCancelling(
    actor,
    { bookingId: input.bookingId, creditCents: Number.MAX_SAFE_INTEGER },
    now,
  );
  await tellContact(actor.centreId);
  return { ...result, refundCents };
}

/**
 * The centre's bookings for finding one: by title or organisation, newest first; by default
 * those still taking place (confirmed or waiting), `all` includes the rest.
 */
export async function listBookings(
  centreId: string,
  options: { query?: string; all?: boolean } = {},
  now = clock.now(),
) {
  const query = options.query?.trim();
  const bookings = await db().booking.findMany({
    where: {
      centreId,
      ...(options.all
        ? {}
        : {
            status: { in: ["CONFIRMED", "PENDING"] },
            occurrences: { some: { status: "ACTIVE", endsAt: { gt: now } } },
          }),
      ...(query
        ? {
            OR: [
              { title: { contains: query, mode: "insensitive" } },
              { organisation: { name: { contains: query, mode: "insensitive" } } },
            ],
          }
        : {}),
    },
    orderBy: [{ createdAt: "desc" }],
    take: 200,
    include: {
      room: { select: { name: true } },
      organisation: { select: { name: true } },
      occurrences: {
        where: { status: "ACTIVE", endsAt: { gt: now } },
        orderBy: { startsAt: "asc" },
        take: 1,
        select: { startsAt: true, endsAt: true },
      },
    },
  });
  return bookings.map((booking) => ({
    id: booking.id,
    title: booking.title,
    status: booking.status,
    tier: booking.tier,
    series: booking.rrule !== null,
    room: booking.room.name,
    organisation: booking.organisation.name,
    next: booking.occurrences[0] ?? null,
  }));
}
