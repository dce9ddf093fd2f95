import type { Tx } from "~/db/client.server";
import type { RoomAlternative, TimeAlternative } from "~/domain/conflicts.server";
import type { Quote } from "~/domain/pricing";
import { env } from "~/env.server";
import type { Booking, Centre, Locale, Organisation } from "~/generated/prisma/client";
import { formatDay, formatMoney, formatShortDate, formatTimeRange } from "~/i18n/format";
import { translator } from "~/i18n/translate";
import { enqueueEmail } from "./outbox.server";

/**
 * The emails of a booking request, in the contact's language (plain text + simple HTML),
 * written to the outbox in the transaction of the change that causes them.
 */

interface BookingMail {
  booking: Booking;
  organisation: Organisation;
  centre: Centre;
}

function bookingLink(centre: Centre): string {
  return `${env().APP_URL}/centres/${centre.slug}/my-bookings`;
}

function dateLines(dates: { startsAt: Date; endsAt: Date }[], centre: Centre, locale: Locale, limit = 12): string {
  const lines = dates.slice(0, limit).map((date) => `- ${formatDay(date.startsAt, centre.timeZone, locale)}, ${formatTimeRange(date.startsAt, date.endsAt, centre.timeZone, locale)}`);
  const t = translator(locale);
  if (dates.length > limit) lines.push(t("booking.email.moreDates", { count: dates.length - limit }));
  return lines.join("\n");
}

function priceLines(quote: Quote, locale: Locale): string {
  const t = translator(locale);
  if (quote.totalInclCents === 0) return t("booking.email.free");
  const vat = quote.vatBp === null ? t("booking.price.vatExempt") : t("booking.price.vat", { percent: quote.vatBp / 100, amount: formatMoney(quote.totalVatCents, locale) });
  return [
    `${t("booking.price.excl")}: ${formatMoney(quote.totalExclCents, locale)}`,
    vat,
    `${t("booking.price.incl")}: ${formatMoney(quote.totalInclCents, locale)}`,
  ].join("\n");
}

async function toContact(tx: Tx, mail: BookingMail, kind: string, subject: string, body: string, action?: { label: string; url: string }) {
  if (!mail.organisation.contactEmail) return;
  const t = translator(mail.organisation.locale);
  await enqueueEmail(tx, {
    to: mail.organisation.contactEmail,
    kind,
    centreId: mail.centre.id,
    locale: mail.organisation.locale,
    content: { subject, body, action, footer: t("booking.email.footer", { centre: mail.centre.name }) },
  });
}

export async function bookingConfirmedEmail(tx: Tx, mail: BookingMail & { dates: { startsAt: Date; endsAt: Date; state: string }[]; quote: Quote }) {
  const locale = mail.organisation.locale;
  const t = translator(locale);
  const dates = mail.dates.filter((date) => date.state !== "skipped" && date.state !== "blocked");
  await toContact(
    tx,
    mail,
    "booking-confirmed",
    t("booking.email.confirmedSubject", { title: mail.booking.title }),
    t("booking.email.confirmedBody", {
      name: mail.organisation.contactName,
      title: mail.booking.title,
      centre: mail.centre.name,
      dates: dateLines(dates, mail.centre, locale),
      price: priceLines(mail.quote, locale),
    }),
    { label: t("booking.email.viewBookings"), url: bookingLink(mail.centre) },
  );
}

export async function bookingRequestedEmail(tx: Tx, mail: BookingMail & { dates: { startsAt: Date; endsAt: Date; state: string }[]; quote: Quote }) {
  const locale = mail.organisation.locale;
  const t = translator(locale);
  const dates = mail.dates.filter((date) => date.state !== "skipped" && date.state !== "blocked");
  await toContact(
    tx,
    mail,
    "booking-requested",
    t("booking.email.requestedSubject", { title: mail.booking.title }),
    t("booking.email.requestedBody", {
      name: mail.organisation.contactName,
      title: mail.booking.title,
      centre: mail.centre.name,
      dates: dateLines(dates, mail.centre, locale),
      price: priceLines(mail.quote, locale),
    }),
    { label: t("booking.email.viewBookings"), url: bookingLink(mail.centre) },
  );
}

/** Tells the centre's managers (and admins) that a request waits for them. */
export async function newRequestForManagersEmail(tx: Tx, mail: BookingMail) {
  const managers = await tx.membership.findMany({
    where: { centreId: mail.centre.id, role: { in: ["MANAGER", "ADMIN"] } },
    include: { user: true },
  });
  for (const { user } of managers) {
    const t = translator(user.locale);
    await enqueueEmail(tx, {
      to: user.email,
      kind: "request-new",
      centreId: mail.centre.id,
      locale: user.locale,
      content: {
        subject: t("booking.email.newRequestSubject", { organisation: mail.organisation.name, title: mail.booking.title }),
        body: t("booking.email.newRequestBody", { name: user.name, organisation: mail.organisation.name, title: mail.booking.title }),
        action: { label: t("booking.email.openRequests"), url: `${env().APP_URL}/manage/${mail.centre.slug}/requests` },
        footer: t("booking.email.footer", { centre: mail.centre.name }),
      },
    });
  }
}

export async function bookingApprovedEmail(tx: Tx, mail: BookingMail) {
  const t = translator(mail.organisation.locale);
  await toContact(
    tx,
    mail,
    "booking-approved",
    t("booking.email.approvedSubject", { title: mail.booking.title }),
    t("booking.email.approvedBody", { name: mail.organisation.contactName, title: mail.booking.title, centre: mail.centre.name }),
    { label: t("booking.email.viewBookings"), url: bookingLink(mail.centre) },
  );
}

export async function bookingDeclinedEmail(tx: Tx, mail: BookingMail & { reason: string }) {
  const t = translator(mail.organisation.locale);
  await toContact(
    tx,
    mail,
    "booking-declined",
    t("booking.email.declinedSubject", { title: mail.booking.title }),
    t("booking.email.declinedBody", { name: mail.organisation.contactName, title: mail.booking.title, centre: mail.centre.name, reason: mail.reason }),
  );
}

export async function bookingBumpedEmail(
  tx: Tx,
  mail: BookingMail & { roomName: string; dates: Date[]; initiative: string; rooms: RoomAlternative[]; times: TimeAlternative[]; refundCents: number },
) {
  const locale = mail.organisation.locale;
  const t = translator(locale);
  const zone = mail.centre.timeZone;
  const alternatives = [
    ...mail.times.map((time) => `- ${formatDay(time.startsAt, zone, locale)}, ${formatTimeRange(time.startsAt, time.endsAt, zone, locale)} (${mail.roomName})`),
    ...mail.rooms.slice(0, 3).map((room) => `- ${t("booking.email.otherRoom", { room: room.name, count: room.freeOn.length })}`),
  ];
  await toContact(
    tx,
    mail,
    "booking-bumped",
    t("booking.email.bumpedSubject", { room: mail.roomName, title: mail.booking.title }),
    t("booking.email.bumpedBody", {
      name: mail.organisation.contactName,
      title: mail.booking.title,
      room: mail.roomName,
      dates: mail.dates.map((date) => `- ${formatShortDate(date, zone, locale)}`).join("\n"),
      initiative: mail.initiative,
      alternatives: alternatives.length > 0 ? alternatives.join("\n") : t("booking.email.noAlternatives"),
      refund: mail.refundCents > 0 ? t("booking.email.refund", { amount: formatMoney(mail.refundCents, locale) }) : t("booking.email.noRefund"),
      centre: mail.centre.name,
    }),
    { label: t("booking.email.bookAgain"), url: `${env().APP_URL}/centres/${mail.centre.slug}/book` },
  );
}

/** Reminds managers of requests that wait longer than the centre allows. */
export async function pendingRequestsReminderEmail(tx: Tx, mail: { centre: Centre; requests: (Booking & { organisation: Organisation })[] }) {
  const managers = await tx.membership.findMany({ where: { centreId: mail.centre.id, role: { in: ["MANAGER", "ADMIN"] } }, include: { user: true } });
  for (const { user } of managers) {
    const t = translator(user.locale);
    await enqueueEmail(tx, {
      to: user.email,
      kind: "request-reminder",
      centreId: mail.centre.id,
      locale: user.locale,
      content: {
        subject: t("booking.email.reminderSubject", { count: mail.requests.length }),
        body: t("booking.email.reminderBody", {
          name: user.name,
          count: mail.requests.length,
          list: mail.requests.map((request) => `- ${request.organisation.name}: ${request.title}`).join("\n"),
        }),
        action: { label: t("booking.email.openRequests"), url: `${env().APP_URL}/manage/${mail.centre.slug}/requests` },
        footer: t("booking.email.footer", { centre: mail.centre.name }),
      },
    });
  }
}
