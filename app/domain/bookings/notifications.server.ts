import { db, transaction, type Tx } from "~/db/client.server";
import { enqueueTranslatedEmail, listDates, type EmailParagraph } from "~/email/compose.server";
import { logError } from "~/lib/log.server";
import type { Locale } from "~/generated/prisma/enums";
import { formatDayTimeRange, formatMoney, formatShortDate, formatTimeRange } from "~/i18n/format";
import type { Key } from "~/i18n/translate";
import { recordAudit } from "../shared/audit.server";
import { DomainError, NotFoundError } from "../shared/errors";
import { fromWallClock, parseWallClock } from "../time/time-zone";
import { clock } from "~/lib/clock";
import type { Actor } from "../shared/actor";

/**
 * Emails to an organisation's contact about their booking, in the contact's language, plain
 * text plus simple HTML, always through the outbox (app/email/outbox.server.ts).
 *
 * The booking engine changes dates in transactions of its own and writes an audit record in
 * each. Those records are this module's source: `dispatchBookingNotices` turns every change
 * someone else made to a booking (a manager moved or cancelled a date, changed a series) into
 * one email. A row in `notices` ("audit:<event id>") is written in the same transaction as
 * the email, so an event is told exactly once even when the job and a page do it at the same
 * time; a change and its email can never part for good, because the job picks up whatever a
 * crash left behind.
 */

export const BOOKING_EMAIL_KINDS = {
  changed: "booking-changed",
  cancelled: "booking-cancelled",
  closure: "booking-closure",
  reminder: "booking-series-reminder",
  confirmation: "booking-confirmation",
} as const;

/** Audit actions on a booking that its contact is told about. */
const NOTIFIED_ACTIONS = [
  "date-cancelled",
  "date-moved",
  "rest-cancelled",
  "booking-cancelled",
  "series-changed",
  "series-split",
] as const;

/** Events older than this are not told any more (the job catches up after an outage, not after months). */
const LOOK_BACK_DAYS = 14;
const DAY_MS = 24 * 60 * 60 * 1000;

/** Claims `key` in this transaction; false when it was claimed before (the notice went out already). */
export async function claimNotice(tx: Tx, key: string, centreId: string | null): Promise<boolean> {
  const inserted = await tx.$executeRaw`
    INSERT INTO notices (key, centre_id) VALUES (${key}, ${centreId}::uuid) ON CONFLICT (key) DO NOTHING`;
  return inserted === 1;
}

interface EventDetails {
  occurrenceId?: string;
  startsAt?: string;
  reason?: string;
  feeCents?: number;
  from?: string | { startsAt: string; roomId: string };
  to?: { startsAt: string; roomId: string };
  dates?: number;
  pattern?: { localStart: string; durationMinutes: number; roomId: string };
  cancelled?: string[];
}

/**
 * Tells the contacts about booking changes not told yet; returns how many emails were queued.
 * Changes to one booking that wait together (say, a few dates cancelled one after the other)
 * go out as one email.
 */
export async function dispatchBookingNotices(options: { centreId?: string; now?: Date } = {}): Promise<number> {
  const now = options.now ?? clock.now();
  const events = await db().$queryRaw<{ id: string; booking_id: string }[]>`
    SELECT e.id::text, e.entity_id AS booking_id FROM audit_events e
    WHERE e.entity_type = 'booking'
      AND e.action = ANY(${[...NOTIFIED_ACTIONS]}::text[])
      AND e.created_at >= ${new Date(now.getTime() - LOOK_BACK_DAYS * DAY_MS)}
      AND (${options.centreId ?? null}::uuid IS NULL OR e.centre_id = ${options.centreId ?? null}::uuid)
      AND NOT EXISTS (SELECT 1 FROM notices n WHERE n.key = 'audit:' || e.id::text)
    ORDER BY e.created_at, e.id
    LIMIT 500`;
  const byBooking = new Map<string, string[]>();
  for (const event of events) byBooking.set(event.booking_id, [...(byBooking.get(event.booking_id) ?? []), event.id]);
  let queued = 0;
  for (const [bookingId, eventIds] of byBooking) {
    queued += await transaction(async (tx) => {
      const claimed = [];
      for (const id of eventIds) {
        const event = await tx.auditEvent.findUniqueOrThrow({ where: { id } });
        if (await claimNotice(tx, `audit:${event.id}`, event.centreId)) claimed.push(event);
      }
      if (claimed.length === 0) return 0;
      const booking = await tx.booking.findFirst({
        where: { id: bookingId, centreId: claimed[0]!.centreId ?? undefined },
        include: {
          centre: { select: { id: true, name: true, timeZone: true } },
          room: { select: { name: true } },
          organisation: {
            select: { contactEmail: true, contactName: true, locale: true, members: { select: { userId: true } } },
          },
        },
      });
      const contact = booking?.organisation;
      if (!booking || !contact?.contactEmail) return 0; // nobody to tell by email
      const paragraphs: EmailParagraph[] = [];
      let kind: string = BOOKING_EMAIL_KINDS.cancelled;
      for (const event of claimed) {
        // The contact made this change themselves: they saw it on screen.
        if (event.actorId && contact.members.some((member) => member.userId === event.actorId)) continue;
        const content = await changeContent(
          tx,
          event.action,
          (event.details ?? {}) as EventDetails,
          booking,
          contact.locale,
        );
        if (!content) continue;
        if (content.kind === BOOKING_EMAIL_KINDS.changed) kind = BOOKING_EMAIL_KINDS.changed;
        paragraphs.push(...content.paragraphs);
      }
      if (paragraphs.length === 0) return 0;
      await enqueueTranslatedEmail(tx, {
        to: contact.contactEmail,
        centreId: booking.centreId,
        locale: contact.locale,
        kind,
        subject:
          kind === BOOKING_EMAIL_KINDS.changed ? "workspace.email.changedSubject" : "workspace.email.cancelledSubject",
        paragraphs: [{ key: "workspace.email.greeting" }, ...paragraphs, { key: "workspace.email.questions" }],
        values: {
          name: contact.contactName,
          title: booking.title,
          centre: booking.centre.name,
          room: booking.room.name,
        },
      });
      return 1;
    });
  }
  return queued;
}

async function changeContent(
  tx: Tx,
  action: string,
  details: EventDetails,
  booking: { title: string; centre: { timeZone: string }; durationMinutes: number },
  locale: Locale,
): Promise<{ kind: string; subject: Key; paragraphs: EmailParagraph[] } | null> {
  const zone = booking.centre.timeZone;
  const roomName = async (roomId: string | undefined) =>
    roomId ? ((await tx.room.findUnique({ where: { id: roomId }, select: { name: true } }))?.name ?? "") : "";
  const atLocal = (local: string | undefined) => {
    const wall = local ? parseWallClock(local) : undefined;
    return wall ? formatShortDate(fromWallClock(wall, zone), zone, locale) : "";
  };
  const reason = details.reason ?? "";
  switch (action) {
    case "date-cancelled": {
      const startsAt = new Date(details.startsAt ?? 0);
      const paragraphs: EmailParagraph[] = [
        { key: "workspace.email.dateCancelled", values: { date: formatShortDate(startsAt, zone, locale), reason } },
      ];
      if ((details.feeCents ?? 0) > 0)
        paragraphs.push({ key: "workspace.email.fee", values: { fee: formatMoney(details.feeCents!, locale) } });
      return { kind: BOOKING_EMAIL_KINDS.cancelled, subject: "workspace.email.cancelledSubject", paragraphs };
    }
    case "date-moved": {
      const from = typeof details.from === "object" ? details.from : undefined;
      const to = details.to;
      if (!from || !to) return null;
      const toStart = new Date(to.startsAt);
      const toEnd = new Date(toStart.getTime() + booking.durationMinutes * 60_000);
      return {
        kind: BOOKING_EMAIL_KINDS.changed,
        subject: "workspace.email.changedSubject",
        paragraphs: [
          {
            key: "workspace.email.dateMoved",
            values: {
              from: formatShortDate(new Date(from.startsAt), zone, locale),
              to: formatDayTimeRange(toStart, toEnd, zone, locale),
              newRoom: await roomName(to.roomId),
            },
          },
        ],
      };
    }
    case "rest-cancelled":
      return {
        kind: BOOKING_EMAIL_KINDS.cancelled,
        subject: "workspace.email.cancelledSubject",
        paragraphs: [
          {
            key: "workspace.email.restCancelled",
            values: {
              date: atLocal(typeof details.from === "string" ? details.from : undefined),
              count: details.dates ?? 0,
              reason,
            },
          },
        ],
      };
    case "booking-cancelled":
      return {
        kind: BOOKING_EMAIL_KINDS.cancelled,
        subject: "workspace.email.cancelledSubject",
        paragraphs: [{ key: "workspace.email.bookingCancelled", values: { count: details.dates ?? 0, reason } }],
      };
    case "series-changed":
    case "series-split": {
      const pattern = details.pattern;
      if (!pattern) return null;
      const wall = parseWallClock(pattern.localStart);
      const start = wall ? fromWallClock(wall, zone) : new Date(0);
      const end = new Date(start.getTime() + pattern.durationMinutes * 60_000);
      const paragraphs: EmailParagraph[] = [
        {
          key: "workspace.email.seriesChanged",
          values: {
            date: formatShortDate(start, zone, locale),
            time: formatTimeRange(start, end, zone, locale),
            newRoom: await roomName(pattern.roomId),
          },
        },
      ];
      const dropped = details.cancelled ?? [];
      if (dropped.length > 0) {
        paragraphs.push({
          key: "workspace.email.seriesDropped",
          values: { count: dropped.length, dates: dropped.map((local) => atLocal(local)).join(", ") },
        });
      }
      return { kind: BOOKING_EMAIL_KINDS.changed, subject: "workspace.email.changedSubject", paragraphs };
    }
    default:
      return null;
  }
}

/**
 * Tells the contacts of a centre right after a change; when that fails the change stays saved
 * and the notice job tells them within a minute, so the failure is logged, not shown.
 */
export async function tellContactsNow(centreId: string): Promise<void> {
  try {
    await dispatchBookingNotices({ centreId });
  } catch (error) {
    logError(error, { during: "booking notices right after a change", centreId });
  }
}

/**
 * A reminder to the contact before the first date of a series, the centre's
 * `seriesReminderDays` ahead; once per series. Series made by splitting another and series
 * booked in the last 12 hours (their confirmation is still fresh) are not reminded.
 */
export async function sendSeriesReminders(now = clock.now()): Promise<number> {
  const due = await db().$queryRaw<{ id: string }[]>`
    SELECT b.id::text FROM bookings b
    JOIN centres c ON c.id = b.centre_id
    JOIN organisations org ON org.id = b.organisation_id
    JOIN LATERAL (
      SELECT min(o.starts_at) AS first FROM occurrences o WHERE o.booking_id = b.id AND o.status = 'ACTIVE'
    ) f ON true
    WHERE b.rrule IS NOT NULL AND b.status = 'CONFIRMED' AND b.split_from_id IS NULL
      AND org.contact_email IS NOT NULL
      AND b.created_at < ${new Date(now.getTime() - 12 * 60 * 60 * 1000)}
      AND f.first > ${now} AND f.first <= ${now}::timestamptz + c.series_reminder_days * interval '1 day'
      AND NOT EXISTS (SELECT 1 FROM notices n WHERE n.key = 'series-reminder:' || b.id::text)
    LIMIT 500`;
  let sent = 0;
  for (const { id } of due) {
    sent += await transaction(async (tx) => {
      const booking = await tx.booking.findUniqueOrThrow({
        where: { id },
        include: {
          centre: { select: { name: true, timeZone: true, street: true, city: true } },
          room: { select: { name: true } },
          organisation: { select: { contactEmail: true, contactName: true, locale: true } },
          occurrences: {
            where: { status: "ACTIVE" },
            orderBy: { startsAt: "asc" },
            take: 1,
            include: { room: { select: { name: true } } },
          },
        },
      });
      const first = booking.occurrences[0];
      if (!first || !booking.organisation.contactEmail) return 0;
      if (!(await claimNotice(tx, `series-reminder:${booking.id}`, booking.centreId))) return 0;
      const locale = booking.organisation.locale;
      await enqueueTranslatedEmail(tx, {
        to: booking.organisation.contactEmail,
        centreId: booking.centreId,
        locale,
        kind: BOOKING_EMAIL_KINDS.reminder,
        subject: "workspace.email.reminderSubject",
        paragraphs: [
          { key: "workspace.email.greeting" },
          { key: "workspace.email.reminder" },
          { key: "workspace.email.questions" },
        ],
        values: {
          name: booking.organisation.contactName,
          title: booking.title,
          centre: booking.centre.name,
          room: first.room.name,
          date: formatDayTimeRange(first.startsAt, first.endsAt, booking.centre.timeZone, locale),
          address: [booking.centre.street, booking.centre.city].filter(Boolean).join(", "),
        },
      });
      return 1;
    });
  }
  return sent;
}

/** The most dates a confirmation lists one by one; the rest is counted. */
const LISTED_DATES = 12;

/**
 * Sends the confirmation of a booking (for a booking made on someone's behalf, or again on
 * request) to `to`, or to the organisation's contact. Refuses `no-email-address` when there
 * is neither; the manager can print the confirmation instead.
 */
export async function sendBookingConfirmation(actor: Actor, input: { bookingId: string; to?: string | null }) {
  return transaction(async (tx) => {
    const booking = await tx.booking.findFirst({
      where: { id: input.bookingId, centreId: actor.centreId },
      include: {
        centre: { select: { name: true, timeZone: true, street: true, city: true, phone: true, email: true } },
        organisation: { select: { name: true, contactEmail: true, contactName: true, locale: true } },
        occurrences: {
          where: { status: "ACTIVE" },
          orderBy: { startsAt: "asc" },
          include: { room: { select: { name: true } } },
        },
      },
    });
    if (!booking) throw new NotFoundError("booking");
    const to = input.to?.trim() || booking.organisation.contactEmail;
    if (!to)
      throw new DomainError(
        "no-email-address",
        "This organisation has no email address; print the confirmation instead.",
      );
    const locale = booking.organisation.locale;
    const zone = booking.centre.timeZone;
    const dates = listDates(
      booking.occurrences.map(
        (date) => `${formatDayTimeRange(date.startsAt, date.endsAt, zone, locale)}, ${date.room.name}`,
      ),
      locale,
      LISTED_DATES,
    );
    const email = await enqueueTranslatedEmail(tx, {
      to,
      centreId: actor.centreId,
      locale,
      kind: BOOKING_EMAIL_KINDS.confirmation,
      subject: booking.status === "PENDING" ? "workspace.email.requestSubject" : "workspace.email.confirmationSubject",
      paragraphs: [
        { key: "workspace.email.greeting" },
        { key: booking.status === "PENDING" ? "workspace.email.requestIntro" : "workspace.email.confirmationIntro" },
        { key: "workspace.email.dates", values: { dates } },
        ...(booking.totalInclCents > 0
          ? [{ key: "workspace.email.price" as Key, values: { price: formatMoney(booking.totalInclCents, locale) } }]
          : []),
        {
          key: "workspace.email.questionsContact",
          values: { phone: booking.centre.phone ?? "", email: booking.centre.email ?? "" },
        },
      ],
      values: {
        name: booking.organisation.contactName,
        title: booking.title,
        centre: booking.centre.name,
        organisation: booking.organisation.name,
      },
    });
    await recordAudit(tx, {
      centreId: actor.centreId,
      actorId: actor.actorId,
      entityType: "booking",
      entityId: booking.id,
      action: "confirmation-sent",
      details: { to, emailId: email.id },
    });
    return { to };
  });
}

/** The centre's latest emails, failed ones first, for the page that shows what went out. */
export async function centreEmails(centreId: string) {
  const [failed, latest] = await Promise.all([
    db().emailMessage.findMany({ where: { centreId, status: "FAILED" }, orderBy: { createdAt: "desc" }, take: 100 }),
    db().emailMessage.findMany({
      where: { centreId, status: { not: "FAILED" } },
      orderBy: { createdAt: "desc" },
      take: 50,
    }),
  ]);
  const view = (email: (typeof latest)[number]) => ({
    id: email.id,
    to: email.toAddress,
    subject: email.subject,
    kind: email.kind,
    status: email.status,
    attempts: email.attempts,
    lastError: email.lastError,
    createdAt: email.createdAt,
    sentAt: email.sentAt,
  });
  return { failed: failed.map(view), latest: latest.map(view) };
}
