import { Link } from "@remix-run/react";
import { clock } from "~/domain/workspace/planner";
import { formatShortDate } from "~/i18n/format";
import { blockStyle, usePlannerWeek } from "./week";

/** The picture of the week, for the eye and the mouse; the list holds the same, for everyone. */
export function WeekPicture() {
  const {
    week,
    canBook,
    canOpen,
    t,
    locale,
    tz,
    dayInstant,
    percent,
    width,
    hours,
    newBooking,
    bookingLink,
    statusWords,
  } = usePlannerWeek();
  return (
    <div aria-hidden="true" className="hidden overflow-x-auto md:block">
      <table
        className="w-full table-fixed border-collapse text-sm"
        style={{ minWidth: `${6 + week.rooms.length * 9}rem` }}
      >
        <thead>
          <tr>
            <th className="w-24" />
            {week.rooms.map((room) => (
              <th key={room.id} className="border-b border-gray-400 px-1 pb-1 text-left align-bottom">
                {room.name}
                <span className="relative mt-1 block h-4 font-normal text-muted">
                  {hours.map((minute) => (
                    <span key={minute} className="absolute text-xs" style={{ left: percent(minute) }}>
                      {clock(minute).slice(0, 2)}
                    </span>
                  ))}
                </span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {week.days.map((day) => (
            <tr key={day.date} className={day.date === week.today ? "bg-brand-50" : undefined}>
              <th className="border-b border-gray-300 py-1 pr-2 text-left align-top font-bold first-letter:uppercase">
                {formatShortDate(dayInstant(day.date), tz, locale).replace(/ \d{4}$/, "")}
              </th>
              {day.cells.map((cell) => (
                <td key={cell.roomId} className="border-b border-l border-gray-300 p-0 align-top">
                  <div className="relative h-14">
                    {cell.closed ? (
                      <div className="absolute inset-1 flex items-center justify-center rounded bg-gray-300 text-xs font-bold">
                        {cell.closed}
                      </div>
                    ) : null}
                    {canBook
                      ? cell.free.map((slot) => (
                          <Link
                            key={slot.fromMinute}
                            tabIndex={-1}
                            to={newBooking(cell.roomId, day.date, slot.fromMinute)}
                            title={`${t("workspace.planner.free")} ${clock(slot.fromMinute)}–${clock(slot.toMinute)}`}
                            className="absolute top-1 bottom-1 rounded text-transparent hover:bg-brand-100 hover:text-brand-900"
                            style={{ left: percent(slot.fromMinute), width: width(slot.fromMinute, slot.toMinute) }}
                          >
                            +
                          </Link>
                        ))
                      : null}
                    {cell.blocks.map((block) => (
                      <div
                        key={block.occurrenceId}
                        className="absolute top-1 bottom-1 rounded bg-gray-200"
                        style={{
                          left: percent(block.blockFromMinute),
                          width: width(block.blockFromMinute, block.blockToMinute),
                        }}
                      >
                        <Link
                          tabIndex={-1}
                          to={canOpen ? bookingLink(block.bookingId) : "#"}
                          title={`${clock(block.fromMinute)}–${clock(block.toMinute)} ${block.title} (${block.organisation}) ${statusWords(block)}`}
                          className={`absolute top-0 bottom-0 overflow-hidden rounded px-1 text-xs leading-tight text-ink no-underline ${blockStyle(block)}`}
                          style={{
                            left: `${((block.fromMinute - block.blockFromMinute) / Math.max(1, block.blockToMinute - block.blockFromMinute)) * 100}%`,
                            width: `${((block.toMinute - block.fromMinute) / Math.max(1, block.blockToMinute - block.blockFromMinute)) * 100}%`,
                          }}
                        >
                          {block.title}
                        </Link>
                      </div>
                    ))}
                  </div>
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
