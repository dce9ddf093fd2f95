import { fromWallClock, localDateAt, parseWallClock } from "~/domain/time/time-zone";
import type { weekSchedule } from "~/domain/workspace/week-schedule.server";
import { formatDay, formatTimeRange } from "~/i18n/format";
import { useLocale, useT } from "~/i18n/react";

/** Busy times per room and day: a table on wider screens, a list per room on a phone. */
export function WeekGrid({ week, timeZone }: { week: Awaited<ReturnType<typeof weekSchedule>>; timeZone: string }) {
  const t = useT();
  const locale = useLocale();
  const busy = (roomId: string, day: string) =>
    week.blocks
      .filter((block) => block.roomId === roomId && localDateAt(new Date(block.startsAt), timeZone) === day)
      .map((block) => formatTimeRange(new Date(block.startsAt), new Date(block.endsAt), timeZone, locale));
  const dayLabel = (day: string) =>
    formatDay(fromWallClock(parseWallClock(`${day}T12:00`)!, timeZone), timeZone, locale);
  return (
    <section aria-labelledby="week-heading">
      <h2 id="week-heading">{t("booking.search.weekTitle")}</h2>
      <div className="hidden overflow-x-auto md:block">
        <table className="w-full border-collapse text-left text-base">
          <caption className="mb-2 text-left">
            {t("booking.search.weekCaption", { day: dayLabel(week.weekStart) })}
          </caption>
          <thead>
            <tr>
              <th scope="col" className="border-b-2 border-gray-400 p-2">
                {t("manage.room")}
              </th>
              {week.days.map((day) => (
                <th key={day} scope="col" className="border-b-2 border-gray-400 p-2">
                  {dayLabel(day)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {week.rooms.map((room) => (
              <tr key={room.id} className="align-top">
                <th scope="row" className="border-b border-gray-200 p-2">
                  {room.name}
                </th>
                {week.days.map((day) => (
                  <td key={day} className="border-b border-gray-200 p-2">
                    {busy(room.id, day).map((range) => (
                      <span key={range} className="mb-1 block rounded bg-gray-200 px-1 text-sm">
                        {range}
                      </span>
                    ))}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <ul className="m-0 list-none p-0 md:hidden">
        {week.rooms.map((room) => (
          <li key={room.id} className="card mb-2">
            <h3 className="m-0">{room.name}</h3>
            <ul className="m-0 list-none p-0">
              {week.days.map((day) => {
                const times = busy(room.id, day);
                return times.length === 0 ? null : (
                  <li key={day}>
                    {dayLabel(day)}: {t("booking.search.busy")} {times.join(", ")}
                  </li>
                );
              })}
            </ul>
          </li>
        ))}
      </ul>
    </section>
  );
}
