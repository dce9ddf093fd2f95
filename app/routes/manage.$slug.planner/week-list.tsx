import { Link } from "@remix-run/react";
import { clock } from "~/domain/workspace/planner";
import { formatDay } from "~/i18n/format";
import { blockStyle, usePlannerWeek } from "./week";

/** The week as a list per day (phones, screen readers), with the free times to book. */
export function WeekList() {
  const { week, canBook, canOpen, t, locale, tz, dayInstant, roomName, newBooking, bookingLink, statusWords } =
    usePlannerWeek();
  return (
    <>
      <h2 className="md:mt-8">{t("workspace.planner.asList")}</h2>
      {week.days.map((day) => {
        const seen = new Set<string>();
        const blocks = day.cells
          .flatMap((cell) => cell.blocks)
          .filter((block) => (seen.has(block.occurrenceId) ? false : (seen.add(block.occurrenceId), true)))
          .sort((a, b) => a.fromMinute - b.fromMinute);
        const headingId = `day-${day.date}`;
        return (
          <section key={day.date} aria-labelledby={headingId} className="my-4">
            <h3 id={headingId} className="mb-1 first-letter:uppercase">
              {formatDay(dayInstant(day.date), tz, locale)}
              {day.date === week.today ? ` (${t("workspace.planner.today")})` : null}
            </h3>
            {blocks.length === 0 ? <p className="m-0">{t("workspace.planner.nothing")}</p> : null}
            <ul className="m-0 grid list-none gap-2 p-0">
              {blocks.map((block) => (
                <li key={block.occurrenceId} className={`rounded-md p-2 ${blockStyle(block)}`}>
                  <span className="font-bold">
                    {clock(block.fromMinute)}–{clock(block.toMinute)}
                  </span>{" "}
                  · {block.spaceName || roomName.get(block.roomId)} ·{" "}
                  {canOpen ? <Link to={bookingLink(block.bookingId)}>{block.title}</Link> : block.title} ·{" "}
                  {block.organisation} · {t(`tier.${block.tier}`)}
                  {statusWords(block) ? <span className="font-bold"> · {statusWords(block)}</span> : null}
                  {block.blockFromMinute < block.fromMinute || block.blockToMinute > block.toMinute ? (
                    <span className="block text-sm text-muted">
                      {t("workspace.planner.heldFromTo", {
                        from: clock(block.blockFromMinute),
                        to: clock(block.blockToMinute),
                      })}
                    </span>
                  ) : null}
                </li>
              ))}
            </ul>
            {canBook ? (
              <details className="mt-2">
                <summary className="cursor-pointer text-brand-700 underline">
                  {t("workspace.planner.freeTimes")}
                </summary>
                <ul className="m-0 mt-1 list-none p-0">
                  {day.cells.map((cell) => (
                    <li key={cell.roomId} className="py-1">
                      <span className="font-bold">{roomName.get(cell.roomId)}:</span>{" "}
                      {cell.closed ? (
                        t("workspace.planner.closed", { reason: cell.closed })
                      ) : cell.free.length === 0 ? (
                        t("workspace.planner.full")
                      ) : (
                        <span className="inline-flex flex-wrap gap-x-3">
                          {cell.free.map((slot) => (
                            <Link key={slot.fromMinute} to={newBooking(cell.roomId, day.date, slot.fromMinute)}>
                              {t("workspace.planner.bookFrom", {
                                from: clock(slot.fromMinute),
                                to: clock(slot.toMinute),
                              })}
                            </Link>
                          ))}
                        </span>
                      )}
                    </li>
                  ))}
                </ul>
              </details>
            ) : null}
          </section>
        );
      })}
    </>
  );
}
