import type { Locale } from "~/i18n/catalogue";
import { formatMoney, formatShortDate, formatTime } from "~/i18n/format";
import { useLocale, useT } from "~/i18n/react";
import type { Key, MessageValues, Translate } from "~/i18n/translate";
import { fromWallClock, parseWallClock } from "~/domain/time/time-zone";

/** A booking's history (from the audit trail) in plain words: when, who, what. */

export interface HistoryEvent {
  id: string;
  bookingId: string;
  at: string | Date;
  actor: string | null;
  action: string;
  details: Record<string, unknown>;
  roomName: Record<string, string>;
}

type Json = Record<string, unknown>;

const KNOWN = new Set([
  "created",
  "requested",
  "confirmed",
  "approved",
  "declined",
  "bumped",
  "date-cancelled",
  "date-moved",
  "rest-cancelled",
  "booking-cancelled",
  "series-changed",
  "series-split",
  "created-by-split",
  "series-extended",
  "attendance-recorded",
  "attendance-corrected",
  "host-assigned",
  "host-released",
  "payment-recorded",
  "confirmation-sent",
]);

function describeEvent(event: HistoryEvent, t: Translate, locale: Locale, timeZone: string): string {
  const details = event.details as Json;
  const instant = (value: unknown) =>
    typeof value === "string"
      ? `${formatShortDate(new Date(value), timeZone, locale)} ${formatTime(new Date(value), timeZone, locale)}`
      : "?";
  const wall = (value: unknown) => {
    const parsed = typeof value === "string" ? parseWallClock(value) : undefined;
    return parsed ? formatShortDate(fromWallClock(parsed, timeZone), timeZone, locale) : "?";
  };
  const room = (value: unknown) => (typeof value === "string" ? (event.roomName[value] ?? "") : "");
  const count = (value: unknown) => (Array.isArray(value) ? value.length : typeof value === "number" ? value : 0);
  const text = (value: unknown) => (typeof value === "string" ? value : "");
  if (!KNOWN.has(event.action)) return event.action;
  const values: MessageValues = {};
  switch (event.action) {
    case "created":
      Object.assign(values, { count: count(details.dates) });
      break;
    case "declined":
      Object.assign(values, { reason: text(details.reason) });
      break;
    case "bumped":
      Object.assign(values, { by: text(details.by), count: count(details.dates) });
      break;
    case "date-cancelled":
      Object.assign(values, {
        date: instant(details.startsAt),
        reason: text(details.reason),
        fee: formatMoney(Number(details.feeCents ?? 0), locale),
        charged: Number(details.feeCents ?? 0) > 0 ? "yes" : "no",
      });
      break;
    case "date-moved": {
      const from = (details.from ?? {}) as Json;
      const to = (details.to ?? {}) as Json;
      Object.assign(values, { from: instant(from.startsAt), to: instant(to.startsAt), room: room(to.roomId) });
      break;
    }
    case "rest-cancelled":
    case "booking-cancelled":
      Object.assign(values, { date: wall(details.from), count: count(details.dates), reason: text(details.reason) });
      break;
    case "series-changed":
    case "series-split": {
      const pattern = (details.pattern ?? {}) as Json;
      Object.assign(values, {
        date: wall(pattern.localStart),
        time: typeof pattern.localStart === "string" ? pattern.localStart.slice(11, 16) : "",
        room: room(pattern.roomId),
        updated: count(details.updated),
        added: count(details.added),
        cancelled: count(details.cancelled),
      });
      break;
    }
    case "series-extended":
      Object.assign(values, { count: count(details.added) });
      break;
    case "attendance-recorded":
    case "attendance-corrected":
      Object.assign(values, {
        date: instant(details.startsAt),
        headcount: Number(details.headcount ?? 0),
        firstTime: Number(details.firstTimeCount ?? 0),
      });
      break;
    case "payment-recorded":
      Object.assign(values, {
        amount: formatMoney(Number(details.amountCents ?? 0), locale),
        method: t(`workspace.paymentMethod.${text(details.method) || "BANK_TRANSFER"}` as Key),
      });
      break;
    case "confirmation-sent":
      Object.assign(values, { to: text(details.to) });
      break;
  }
  return t(`workspace.history.${event.action}` as Key, values);
}

export function BookingHistory({
  events,
  timeZone,
  currentBookingId,
}: {
  events: HistoryEvent[];
  timeZone: string;
  currentBookingId: string;
}) {
  const t = useT();
  const locale = useLocale();
  if (events.length === 0) return <p>{t("workspace.history.empty")}</p>;
  return (
    <ol className="m-0 grid list-none gap-2 p-0">
      {events.map((event) => (
        <li key={event.id} className="border-l-4 border-gray-300 pl-3">
          <span className="block text-sm text-muted">
            {formatShortDate(new Date(event.at), timeZone, locale)} {formatTime(new Date(event.at), timeZone, locale)} ·{" "}
            {event.actor ?? t("workspace.history.system")}
            {event.bookingId !== currentBookingId ? ` · ${t("workspace.history.otherPart")}` : null}
          </span>
          {describeEvent(event, t, locale, timeZone)}
        </li>
      ))}
    </ol>
  );
}
