import { db, transaction } from "~/db/client.server";
import { recordAudit } from "../shared/audit.server";
import { DomainError, NotFoundError } from "../shared/errors";
import { addDays } from "./planner";
import { MAX_HEADCOUNT } from "./constants";
import { localDateAt, startOfLocalDay } from "../time/time-zone";
import { clock } from "~/lib/clock";
import type { Actor } from "../shared/actor";

/**
 * Headcounts and who opens up. A host opens today's activities on a phone and records how
 * many people came (and how many came for the first time); the form is filled in with the
 * number of last time, so a usual week takes two taps. A host records the dates of today;
 * a manager (permission attendance.correct) may correct any date that has started.
 */

export interface AttendanceActor extends Actor {
  /** may change earlier days (managers), not only today's dates */
  mayCorrect: boolean;
}

/** Every date that takes place on a local day, with its headcount, host and last time's count. */
export async function attendanceDay(centreId: string, localDate: string) {
  const centre = await db().centre.findUniqueOrThrow({ where: { id: centreId }, select: { timeZone: true } });
  const from = startOfLocalDay(localDate, centre.timeZone);
  const to = startOfLocalDay(addDays(localDate, 1), centre.timeZone);
  const occurrences = await db().occurrence.findMany({
    where: { centreId, status: "ACTIVE", startsAt: { gte: from, lt: to }, booking: { status: "CONFIRMED" } },
    orderBy: [{ startsAt: "asc" }, { id: "asc" }],
    include: {
      room: { select: { name: true } },
      attendance: { include: { recordedBy: { select: { name: true } } } },
      hostDuty: { include: { user: { select: { id: true, name: true } } } },
      booking: {
        select: {
          id: true,
          title: true,
          organisation: { select: { name: true } },
          activity: { select: { kind: true, title: true } },
        },
      },
      _count: { select: { signups: { where: { status: "CONFIRMED" } } } },
    },
  });
  // Last time's headcount of the same booking: the number a host most likely types again.
  const previous = await Promise.all(
    occurrences.map((occurrence) =>
      db().attendance.findFirst({
        where: { occurrence: { bookingId: occurrence.bookingId, startsAt: { lt: occurrence.startsAt } } },
        orderBy: { occurrence: { startsAt: "desc" } },
        select: { headcount: true },
      }),
    ),
  );
  return occurrences.map((occurrence, index) => ({
    occurrenceId: occurrence.id,
    bookingId: occurrence.booking.id,
    title: occurrence.booking.activity?.title ?? occurrence.booking.title,
    kind: occurrence.booking.activity?.kind ?? "PRIVATE",
    organisation: occurrence.booking.organisation.name,
    room: occurrence.room.name,
    startsAt: occurrence.startsAt,
    endsAt: occurrence.endsAt,
    signedUp: occurrence._count.signups,
    attendance: occurrence.attendance
      ? {
          headcount: occurrence.attendance.headcount,
          firstTimeCount: occurrence.attendance.firstTimeCount,
          recordedBy: occurrence.attendance.recordedBy?.name ?? null,
          recordedAt: occurrence.attendance.recordedAt,
        }
      : null,
    lastHeadcount: previous[index]?.headcount ?? null,
    host: occurrence.hostDuty ? { id: occurrence.hostDuty.user.id, name: occurrence.hostDuty.user.name } : null,
  }));
}

async function occurrenceOfCentre(centreId: string, occurrenceId: string) {
  const occurrence = await db().occurrence.findFirst({
    where: { id: occurrenceId, centreId },
    include: { centre: { select: { timeZone: true } }, booking: { select: { status: true } } },
  });
  if (!occurrence) throw new NotFoundError("occurrence");
  return occurrence;
}

/**
 * Records (or corrects) the headcount of one date. Refuses: `not-found` (another centre's
 * date too), `attendance-not-today` (a host changing another day), `attendance-not-started`
 * (a date later than today), `attendance-date-cancelled`, `attendance-first-time-too-many`.
 */
export async function recordAttendance(
  actor: AttendanceActor,
  input: { occurrenceId: string; headcount: number; firstTimeCount: number },
  now = clock.now(),
) {
  const occurrence = await occurrenceOfCentre(actor.centreId, input.occurrenceId);
  const timeZone = occurrence.centre.timeZone;
  const today = localDateAt(now, timeZone);
  const day = localDateAt(occurrence.startsAt, timeZone);
  if (occurrence.status !== "ACTIVE" || occurrence.booking.status !== "CONFIRMED") {
    throw new DomainError("attendance-date-cancelled", "This date does not take place.", {}, 409);
  }
  if (day > today) throw new DomainError("attendance-not-started", "This date has not come yet.", {}, 409);
  if (day < today && !actor.mayCorrect) {
    throw new DomainError(
      "attendance-not-today",
      "Hosts record today's dates; a manager corrects earlier ones.",
      {},
      403,
    );
  }
  if (!Number.isInteger(input.headcount) || input.headcount < 0 || input.headcount > MAX_HEADCOUNT) {
    throw new DomainError("attendance-headcount-invalid", "The headcount must be a whole number of 0 or more.");
  }
  if (!Number.isInteger(input.firstTimeCount) || input.firstTimeCount < 0 || input.firstTimeCount > input.headcount) {
    throw new DomainError("attendance-first-time-too-many", "First-timers cannot be more than the headcount.");
  }
  return transaction(async (tx) => {
    const before = await tx.attendance.findUnique({ where: { occurrenceId: occurrence.id } });
    const saved = await tx.attendance.upsert({
      where: { occurrenceId: occurrence.id },
      create: {
        occurrenceId: occurrence.id,
        centreId: actor.centreId,
        headcount: input.headcount,
        firstTimeCount: input.firstTimeCount,
        recordedById: actor.actorId,
        recordedAt: now,
      },
      update: {
        headcount: input.headcount,
        firstTimeCount: input.firstTimeCount,
        recordedById: actor.actorId,
        recordedAt: now,
      },
    });
    await recordAudit(tx, {
      centreId: actor.centreId,
      actorId: actor.actorId,
      entityType: "booking",
      entityId: occurrence.bookingId,
      action: before ? "attendance-corrected" : "attendance-recorded",
      details: {
        occurrenceId: occurrence.id,
        startsAt: occurrence.startsAt.toISOString(),
        headcount: input.headcount,
        firstTimeCount: input.firstTimeCount,
        ...(before ? { before: { headcount: before.headcount, firstTimeCount: before.firstTimeCount } } : {}),
      },
    });
    return saved;
  });
}

/**
 * Who opens up for a date: `userId` takes it (a host for themselves, a manager for anyone of
 * the team), or null frees it. Refuses `host-not-in-team` for someone outside the centre.
 */
export async function setHostDuty(actor: Actor, input: { occurrenceId: string; userId: string | null }) {
  const occurrence = await occurrenceOfCentre(actor.centreId, input.occurrenceId);
  return transaction(async (tx) => {
    if (input.userId === null) {
      await tx.hostDuty.deleteMany({ where: { occurrenceId: occurrence.id } });
    } else {
      const member = await tx.membership.findFirst({
        where: { centreId: actor.centreId, userId: input.userId },
        select: { id: true },
      });
      if (!member) throw new DomainError("host-not-in-team", "Only a member of the team can open up.");
      await tx.hostDuty.upsert({
        where: { occurrenceId: occurrence.id },
        create: { occurrenceId: occurrence.id, centreId: actor.centreId, userId: input.userId },
        update: { userId: input.userId },
      });
    }
    await recordAudit(tx, {
      centreId: actor.centreId,
      actorId: actor.actorId,
      entityType: "booking",
      entityId: occurrence.bookingId,
      action: input.userId ? "host-assigned" : "host-released",
      details: { occurrenceId: occurrence.id, userId: input.userId },
    });
  });
}
