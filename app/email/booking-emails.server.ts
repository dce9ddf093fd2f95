import type { Tx } from "~/db/client.server";
import type { RoomAlternative, TimeAlternative } from "~/domain/bookings/conflicts.server";
import type { Quote } from "~/domain/money/pricing";
import type { Booking, Centre, Locale, Organisation } from "~/generated/prisma/client";
import { formatDayTimeRange, formatMoney, formatShortDate } from "~/i18n/format";
import { translator, type Key, type MessageValues } from "~/i18n/translate.server";
import { appUrl, enqueueTranslatedEmail, listDates } from "./compose.server";

/**
 * The emails of a booking request, in the reader's language (plain text + simple HTML),
 * written to the outbox in the transaction of the change that causes them. The centre signs them.
 */

interface BookingMail {
  booking: Booking;
  organisation: Organisation;
  centre: Centre;
}

type DatedMail = BookingMail & { dates: { startsAt: Date; endsAt: Date; state: string }[]; quote: Quote };

function myBookingsAction(centre: Centre) {
  return { label: "booking.email.viewBookings" as const, url: appUrl(`/centres/${centre.slug}/my-bookings`) };
}

function priceLines(quote: Quote, locale: Locale): string {
  const t = translator(locale);
  if (quote.totalInclCents === 0) return t("booking.email.free");
  const vat =
    quote.vatBp === null
      ? t("booking.price.vatExempt")
      : t("booking.price.vat", { percent: quote.vatBp / 100, amount: formatMoney(quote.totalVatCents, locale) });
  return [
    `${t("booking.price.excl")}: ${formatMoney(quote.totalExclCents, locale)}`,
    vat,
    `${t("booking.price.incl")}: ${formatMoney(quote.totalInclCents, locale)}`,
  ].join("\n");
}

/** One email to the organisation's contact (none without an address), greeting them by name. */
async function toContact(
  tx: Tx,
  mail: BookingMail,
  email: { kind: string; subject: Key; body: Key; values?: MessageValues; action?: { label: Key; url: string } },
) {
  if (!mail.organisation.contactEmail) return;
  await enqueueTranslatedEmail(tx, {
    to: mail.organisation.contactEmail,
    kind: email.kind,
    centreId: mail.centre.id,
    locale: mail.organisation.locale,
    subject: email.subject,
    paragraphs: [{ key: email.body }],
    values: {
      name: mail.organisation.contactName,
      title: mail.booking.title,
      centre: mail.centre.name,
      ...email.values,
    },
    action: email.action,
    footer: "booking.email.footer",
  });
}

/** One email to each of the centre's managers (and admins), in their own language, with a link to the requests. */
async function toManagers(
  tx: Tx,
  centre: Centre,
  email: { kind: string; subject: Key; body: Key; values: MessageValues },
) {
  const managers = await tx.membership.findMany({
    where: { centreId: centre.id, role: { in: ["MANAGER", "ADMIN"] } },
    include: { user: true },
  });
  for (const { user } of managers) {
    await enqueueTranslatedEmail(tx, {
      to: user.email,
      kind: email.kind,
      centreId: centre.id,
      locale: user.locale,
      subject: email.subject,
      paragraphs: [{ key: email.body }],
      values: { name: user.name, centre: centre.name, ...email.values },
      action: { label: "booking.email.openRequests", url: appUrl(`/manage/${centre.slug}/requests`) },
      footer: "booking.email.footer",
    });
  }
}

/** The dates that take place and the price, for a booking just made (confirmed or waiting for a manager). */
function datesAndPrice(mail: DatedMail): MessageValues {
  const locale = mail.organisation.locale;
  const zone = mail.centre.timeZone;
  const dates = mail.dates.filter((date) => date.state !== "skipped" && date.state !== "blocked");
  return {
    dates: listDates(
      dates.map((date) => formatDayTimeRange(date.startsAt, date.endsAt, zone, locale)),
      locale,
      12,
    ),
    price: priceLines(mail.quote, locale),
  };
}

export async function bookingConfirmedEmail(tx: Tx, mail: DatedMail) {
  await toContact(tx, mail, {
    kind: "booking-confirmed",
    subject: "booking.email.confirmedSubject",
    body: "booking.email.confirmedBody",
    values: datesAndPrice(mail),
    action: myBookingsAction(mail.centre),
  });
}

export async function bookingRequestedEmail(tx: Tx, mail: DatedMail) {
  await toContact(tx, mail, {
    kind: "booking-requested",
    subject: "booking.email.requestedSubject",
    body: "booking.email.requestedBody",
    values: datesAndPrice(mail),
    action: myBookingsAction(mail.centre),
  });
}

/** Tells the centre's managers (and admins) that a request waits for them. */
export async function newRequestForManagersEmail(tx: Tx, mail: BookingMail) {
  await toManagers(tx, mail.centre, {
    kind: "request-new",
    subject: "booking.email.newRequestSubject",
    body: "booking.email.newRequestBody",
    values: { organisation: mail.organisation.name, title: mail.booking.title },
  });
}

export async function bookingApprovedEmail(tx: Tx, mail: BookingMail) {
  await toContact(tx, mail, {
    kind: "booking-approved",
    subject: "booking.email.approvedSubject",
    body: "booking.email.approvedBody",
    action: myBookingsAction(mail.centre),
  });
}

export async function bookingDeclinedEmail(tx: Tx, mail: BookingMail & { reason: string }) {
  await toContact(tx, mail, {
    kind: "booking-declined",
    subject: "booking.email.declinedSubject",
    body: "booking.email.declinedBody",
    values: { reason: mail.reason },
  });
}

export async function bookingBumpedEmail(
  tx: Tx,
  mail: BookingMail & {
    roomName: string;
    dates: Date[];
    initiative: string;
    rooms: RoomAlternative[];
    times: TimeAlternative[];
    refundCents: number;
    /** paid online: the refund goes back through Stripe at once; else the treasurer transfers it */
    refundOnline?: boolean;
  },
) {
  const locale = mail.organisation.locale;
  const t = translator(locale);
  const zone = mail.centre.timeZone;
  const alternatives = [
    ...mail.times.map((time) => `- ${formatDayTimeRange(time.startsAt, time.endsAt, zone, locale)} (${mail.roomName})`),
    ...mail.rooms
      .slice(0, 3)
      .map((room) => `- ${t("booking.email.otherRoom", { room: room.name, count: room.freeOn.length })}`),
  ];
  await toContact(tx, mail, {
    kind: "booking-bumped",
    subject: "booking.email.bumpedSubject",
    body: "booking.email.bumpedBody",
    values: {
      room: mail.roomName,
      dates: listDates(
        mail.dates.map((date) => formatShortDate(date, zone, locale)),
        locale,
      ),
      initiative: mail.initiative,
      alternatives: alternatives.length > 0 ? alternatives.join("\n") : t("booking.email.noAlternatives"),
      refund:
        mail.refundCents > 0
          ? t(mail.refundOnline ? "refunds.email.bumpedOnline" : "booking.email.refund", {
              amount: formatMoney(mail.refundCents, locale),
            })
          : t("booking.email.noRefund"),
    },
    action: { label: "booking.email.bookAgain", url: appUrl(`/centres/${mail.centre.slug}/book`) },
  });
}

/** Reminds managers of requests that wait longer than the centre allows. */
export async function pendingRequestsReminderEmail(
  tx: Tx,
  mail: { centre: Centre; requests: (Booking & { organisation: Organisation })[] },
) {
  await toManagers(tx, mail.centre, {
    kind: "request-reminder",
    subject: "booking.email.reminderSubject",
    body: "booking.email.reminderBody",
    values: {
      count: mail.requests.length,
      list: mail.requests.map((request) => `- ${request.organisation.name}: ${request.title}`).join("\n"),
    },
  });
}
