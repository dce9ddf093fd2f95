import type { loader } from "./loader.server";
import { useLoaderData } from "@remix-run/react";
import { formatShortDate, formatTimeRange } from "~/i18n/format";
import { useLocale, useT } from "~/i18n/react";

/** The workspace home's data and what its parts share. */
export function useHome() {
  const { centre, sees, home, rooms, bookings } = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  const tz = centre.timeZone;
  const base = `/manage/${centre.slug}`;
  const when = (start: string | Date, end: string | Date) =>
    `${formatShortDate(new Date(start), tz, locale)} ${formatTimeRange(new Date(start), new Date(end), tz, locale)}`;
  const nothingNeedsAttention =
    home.requests.length === 0 &&
    home.companions.length === 0 &&
    home.closureConflicts.length === 0 &&
    home.unpaid.length === 0 &&
    home.failedEmails === 0;
  return { centre, sees, home, rooms, bookings, t, locale, tz, base, when, nothingNeedsAttention };
}
