import { db, transaction } from "~/db/client.server";
import { enqueueTranslatedEmail, listDates } from "~/email/compose.server";
import { formatDayTimeRange, formatShortDate } from "~/i18n/format";
import { recordAudit } from "../shared/audit.server";
import { lockBooking } from "../bookings/create.server";
import { DomainError, NotFoundError } from "../shared/errors";
import { BOOKING_EMAIL_KINDS, claimNotice } from "../bookings/notifications.server";
import { addDays } from "../workspace/planner";
import { formatLocalDate, localDateAt, parseLocalDate, startOfLocalDay } from "../time/time-zone";
import { clock } from "~/lib/clock";
import { transactionOnce, type Submission } from "../shared/submissions.server";
import type { Actor } from "../shared/actor";

/**
 * Closures (holidays, maintenance): no bookings from the first to the last day, both
 * included, for the whole centre or one room. A new closure does not cancel anything by
 * itself: it lists the dates it hits, and the manager cancels them and tells the contacts
 * (or moves them one by one). A date still planned inside a closure shows on the home page
 * until it is cancelled or moved.
 */

export interface ClosureInput {
  roomId: string | null;
  /** "YYYY-MM-DD" */
  startDate: string;
  /** "YYYY-MM-DD", inclusive */
  endDate: string;
  reason: string;
}

/** Days of a closure at most (two years). */
const MAX_CLOSURE_DAYS = 731;

function dateOf(localDate: string) {
  return new Date(`${localDate}T00:00:00Z`);
}

/** The spaces a closure of `roomId` closes: the room and every combination that holds it (as the engine reads closures). */
async function roomsClosedBy(centreId: string, roomId: string | null): Promise<string[] | null> {
  if (roomId === null) return null;
  const room = await db().room.findFirst({
    where: { id: roomId, centreId },
    include: { combinations: { select: { combinationId: true } } },
  });
  if (!room) throw new NotFoundError("room");
  return [room.id, ...room.combinations.map((combo) => combo.combinationId)];
}

/**
 * Dates still planned (active, of a confirmed or pending booking) from `now` on that fall in
 * the closure's days for its room(s), in the centre's zone.
 */
async function datesHitBy(centreId: string, closure: ClosureInput, now = clock.now()) {
  const centre = await db().centre.findUniqueOrThrow({ where: { id: centreId }, select: { timeZone: true } });
  const from = startOfLocalDay(closure.startDate, centre.timeZone);
  const to = startOfLocalDay(addDays(closure.endDate, 1), centre.timeZone);
  const roomIds = await roomsClosedBy(centreId, closure.roomId);
  const hits = await db().occurrence.findMany({
    where: {
      centreId,
      status: "ACTIVE",
      booking: { status: { in: ["CONFIRMED", "PENDING"] } },
      // a date that starts before the closure but runs into it is hit too
      startsAt: { lt: to },
      endsAt: { gt: from.getTime() > now.getTime() ? from : now },
      ...(roomIds ? { roomId: { in: roomIds } } : {}),
    },
    orderBy: { startsAt: "asc" },
    include: {
      room: { select: { name: true } },
      booking: {
        select: {
          id: true,
          title: true,
          status: true,
          organisation: { select: { id: true, name: true, contactName: true, contactEmail: true, contactPhone: true } },
        },
      },
    },
  });
  return hits.map((hit) => ({
    occurrenceId: hit.id,
    bookingId: hit.booking.id,
    title: hit.booking.title,
    bookingStatus: hit.booking.status,
    room: hit.room.name,
    startsAt: hit.startsAt,
    endsAt: hit.endsAt,
    organisation: hit.booking.organisation,
  }));
}

function validate(input: ClosureInput) {
  const start = parseLocalDate(input.startDate);
  const end = parseLocalDate(input.endDate);
  if (!start) throw new DomainError("closure-start-invalid", "The first day is not a date.");
  if (!end) throw new DomainError("closure-end-invalid", "The last day is not a date.");
  if (end < start) throw new DomainError("closure-end-before-start", "The last day is before the first day.");
  if ((end.getTime() - start.getTime()) / 86_400_000 > MAX_CLOSURE_DAYS) {
    throw new DomainError("closure-too-long", "A closure lasts at most two years.");
  }
  if (!input.reason.trim()) throw new DomainError("closure-reason-missing", "Say why the centre is closed.");
}

/** Adds a closure (once per form, with a `submission`); returns it with the dates it hits. */
export async function createClosure(actor: Actor, input: ClosureInput, now = clock.now(), submission?: Submission) {
  validate(input);
  await roomsClosedBy(actor.centreId, input.roomId);
  const closure = await transactionOnce(
    submission,
    async (tx) => {
      const created = await tx.closure.create({
        data: {
          centreId: actor.centreId,
          roomId: input.roomId,
          startDate: dateOf(input.startDate),
          endDate: dateOf(input.endDate),
          reason: input.reason.trim(),
          createdById: actor.actorId,
        },
      });
      await recordAudit(tx, {
        centreId: actor.centreId,
        actorId: actor.actorId,
        entityType: "closure",
        entityId: created.id,
        action: "closure-created",
        details: {
          roomId: input.roomId,
          startDate: input.startDate,
          endDate: input.endDate,
          reason: input.reason.trim(),
        },
      });
      return created;
    },
    (created) => created.id,
  );
  return { closure, hits: await datesHitBy(actor.centreId, input, now) };
}

function asInput(closure: { roomId: string | null; startDate: Date; endDate: Date; reason: string }): ClosureInput {
  return {
    roomId: closure.roomId,
    startDate: formatLocalDate(closure.startDate),
    endDate: formatLocalDate(closure.endDate),
    reason: closure.reason,
  };
}

/** A closure of this centre with the dates it still hits. */
export async function closureWithHits(centreId: string, closureId: string, now = clock.now()) {
  const closure = await db().closure.findFirst({
    where: { id: closureId, centreId },
    include: { room: { select: { name: true } } },
  });
  if (!closure) throw new NotFoundError("closure");
  return { closure: { ...closure, ...asInput(closure) }, hits: await datesHitBy(centreId, asInput(closure), now) };
}

/** Closures that end today or later, and those of the last 60 days, with how many dates they still hit. */
export async function listClosures(centreId: string, now = clock.now()) {
  const centre = await db().centre.findUniqueOrThrow({ where: { id: centreId }, select: { timeZone: true } });
  const since = addDays(localDateAt(now, centre.timeZone), -60);
  const closures = await db().closure.findMany({
    where: { centreId, endDate: { gte: dateOf(since) } },
    orderBy: { startDate: "asc" },
    include: { room: { select: { name: true } } },
  });
  return Promise.all(
    closures.map(async (closure) => ({
      id: closure.id,
      room: closure.room?.name ?? null,
      ...asInput(closure),
      hits: (await datesHitBy(centreId, asInput(closure), now)).length,
    })),
  );
}

/** Every date still planned inside any closure of the centre (for the home page). */
export async function datesInClosures(centreId: string, now = clock.now()) {
  const centre = await db().centre.findUniqueOrThrow({ where: { id: centreId }, select: { timeZone: true } });
  const today = localDateAt(now, centre.timeZone);
  const closures = await db().closure.findMany({
    where: { centreId, endDate: { gte: dateOf(today) } },
    orderBy: { startDate: "asc" },
  });
  const result: { closureId: string; reason: string; hits: Awaited<ReturnType<typeof datesHitBy>> }[] = [];
  for (const closure of closures) {
    const hits = await datesHitBy(centreId, asInput(closure), now);
    if (hits.length > 0) result.push({ closureId: closure.id, reason: closure.reason, hits });
  }
  return result;
}

/**
 * Cancels the chosen dates hit by a closure, free of charge, in one transaction: their rooms
 * are freed, each booking's history says why, and (when `notify`) each contact with an email
 * address gets one email listing their dates. Dates that are no longer hit are left alone.
 */
export async function cancelDatesInClosure(
  actor: Actor,
  input: { closureId: string; occurrenceIds: string[]; notify: boolean },
  now = clock.now(),
) {
  const { closure, hits } = await closureWithHits(actor.centreId, input.closureId, now);
  const chosen = hits.filter((hit) => input.occurrenceIds.includes(hit.occurrenceId));
  if (chosen.length === 0) throw new DomainError("closure-nothing-chosen", "Choose at least one date.");
  const reason = closure.reason;
  const centre = await db().centre.findUniqueOrThrow({
    where: { id: actor.centreId },
    select: { timeZone: true, name: true },
  });
  return transaction(async (tx) => {
    const byBooking = new Map<string, typeof chosen>();
    for (const hit of chosen) byBooking.set(hit.bookingId, [...(byBooking.get(hit.bookingId) ?? []), hit]);
    let emails = 0;
    for (const [bookingId, dates] of byBooking) {
      await lockBooking(tx, actor.centreId, bookingId);
      const ids = dates.map((date) => date.occurrenceId);
      const still = await tx.occurrence.findMany({
        where: { id: { in: ids }, status: "ACTIVE" },
        select: { id: true, startsAt: true, endsAt: true },
      });
      if (still.length === 0) continue;
      await tx.roomClaim.updateMany({
        where: { occurrenceId: { in: still.map((date) => date.id) } },
        data: { active: false },
      });
      await tx.occurrence.updateMany({
        where: { id: { in: still.map((date) => date.id) } },
        data: { status: "CANCELLED", cancelledAt: now, cancelReason: reason, cancellationFeeCents: 0 },
      });
      const events = [];
      for (const date of still) {
        events.push(
          await recordAudit(tx, {
            centreId: actor.centreId,
            actorId: actor.actorId,
            entityType: "booking",
            entityId: bookingId,
            action: "date-cancelled",
            details: {
              occurrenceId: date.id,
              startsAt: date.startsAt.toISOString(),
              reason,
              feeCents: 0,
              closureId: closure.id,
            },
          }),
        );
      }
      // One email for all dates of this booking instead of one per date.
      for (const event of events) await claimNotice(tx, `audit:${event.id}`, actor.centreId);
      const organisation = dates[0]!.organisation;
      if (input.notify && organisation.contactEmail) {
        const contact = await tx.organisation.findUniqueOrThrow({
          where: { id: organisation.id },
          select: { locale: true },
        });
        const list = listDates(
          still.map((date) => formatDayTimeRange(date.startsAt, date.endsAt, centre.timeZone, contact.locale)),
          contact.locale,
        );
        await enqueueTranslatedEmail(tx, {
          to: organisation.contactEmail,
          centreId: actor.centreId,
          locale: contact.locale,
          kind: BOOKING_EMAIL_KINDS.closure,
          subject: "workspace.email.closureSubject",
          paragraphs: [
            { key: "workspace.email.greeting" },
            { key: "workspace.email.closure" },
            { key: "workspace.email.questions" },
          ],
          values: {
            name: organisation.contactName,
            title: dates[0]!.title,
            centre: centre.name,
            room: dates[0]!.room,
            reason,
            dates: list,
            from: formatShortDate(startOfLocalDay(closure.startDate, centre.timeZone), centre.timeZone, contact.locale),
            until: formatShortDate(startOfLocalDay(closure.endDate, centre.timeZone), centre.timeZone, contact.locale),
          },
        });
        emails += 1;
      }
    }
    await recordAudit(tx, {
      centreId: actor.centreId,
      actorId: actor.actorId,
      entityType: "closure",
      entityId: closure.id,
      action: "closure-dates-cancelled",
      details: { dates: chosen.length, emails, notify: input.notify },
    });
    return { cancelled: chosen.length, emails };
  });
}

/** Removes a closure (dates it cancelled stay cancelled). */
export async function deleteClosure(actor: Actor, closureId: string) {
  return transaction(async (tx) => {
    const closure = await tx.closure.findFirst({ where: { id: closureId, centreId: actor.centreId } });
    if (!closure) throw new NotFoundError("closure");
    await tx.closure.delete({ where: { id: closure.id } });
    await recordAudit(tx, {
      centreId: actor.centreId,
      actorId: actor.actorId,
      entityType: "closure",
      entityId: closure.id,
      action: "closure-deleted",
      details: asInput(closure) as unknown as Record<string, string>,
    });
  });
}
