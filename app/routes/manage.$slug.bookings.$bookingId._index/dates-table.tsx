import { Link } from "@remix-run/react";
import { Money, ScrollArea } from "~/components/workspace";
import type { bookingForManager } from "~/domain/bookings/manager-changes.server";
import { formatShortDate, formatTimeRange } from "~/i18n/format";
import { useLocale, useT } from "~/i18n/react";

type ManagerBooking = Awaited<ReturnType<typeof bookingForManager>>;

/** Every date of the booking with its state; for who may change them, the links to move or cancel one. */
export function DatesTable({
  booking,
  selectedId,
  isActive,
  canManage,
  base,
  timeZone: tz,
}: {
  booking: Pick<ManagerBooking, "dates" | "rrule">;
  selectedId: string | undefined;
  isActive: boolean;
  canManage: boolean;
  base: string;
  timeZone: string;
}) {
  const t = useT();
  const locale = useLocale();
  return (
    <ScrollArea label={t("workspace.booking.datesCaption")}>
      <table className="w-full border-collapse text-left">
        <caption className="sr-only">{t("workspace.booking.datesCaption")}</caption>
        <thead>
          <tr className="border-b-2 border-gray-400">
            <th scope="col" className="py-2 pr-3">
              {t("workspace.booking.date")}
            </th>
            <th scope="col" className="py-2 pr-3">
              {t("workspace.booking.room")}
            </th>
            <th scope="col" className="py-2 pr-3">
              {t("workspace.booking.status")}
            </th>
            {canManage ? (
              <th scope="col" className="py-2">
                {t("workspace.booking.change")}
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody>
          {booking.dates.map((date) => (
            <tr
              key={date.id}
              className={`border-b border-gray-200 align-top ${selectedId === date.id ? "bg-brand-50" : ""}`}
            >
              <td className="py-2 pr-3">
                {formatShortDate(new Date(date.startsAt), tz, locale)}
                <br />
                {formatTimeRange(new Date(date.startsAt), new Date(date.endsAt), tz, locale)}
              </td>
              <td className="py-2 pr-3">{date.room.name}</td>
              <td className="py-2 pr-3">
                {date.status === "ACTIVE"
                  ? date.past
                    ? t("workspace.booking.past")
                    : t("workspace.booking.planned")
                  : t(`workspace.occurrenceStatus.${date.status}`)}
                {date.moved ? ` · ${t("workspace.booking.movedMark")}` : null}
                {date.cancelReason ? <span className="block text-sm text-muted">{date.cancelReason}</span> : null}
                {date.cancellationFeeCents > 0 ? (
                  <span className="block text-sm">
                    {t("workspace.booking.feeCharged")}: <Money cents={date.cancellationFeeCents} />
                  </span>
                ) : null}
                {date.attendance ? (
                  <span className="block text-sm">
                    {t("workspace.booking.headcount", { count: date.attendance.headcount })}
                  </span>
                ) : null}
              </td>
              {canManage ? (
                <td className="py-2">
                  {date.status === "ACTIVE" && !date.past && isActive ? (
                    <span className="flex flex-wrap gap-x-3">
                      <Link to={`?date=${date.id}&do=move#change`}>
                        {t("workspace.booking.moveThis", {
                          date: formatShortDate(new Date(date.startsAt), tz, locale),
                        })}
                      </Link>
                      <Link to={`?date=${date.id}&do=cancel#change`}>
                        {t("workspace.booking.cancelThis", {
                          date: formatShortDate(new Date(date.startsAt), tz, locale),
                        })}
                      </Link>
                      {booking.rrule ? (
                        <>
                          <Link to={`${base}/change?scope=following&from=${date.id}`}>
                            {t("workspace.booking.changeFollowing")}
                          </Link>
                          <Link to={`?date=${date.id}&do=cancel-from#change`}>
                            {t("workspace.booking.cancelFollowing")}
                          </Link>
                        </>
                      ) : null}
                    </span>
                  ) : null}
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollArea>
  );
}
