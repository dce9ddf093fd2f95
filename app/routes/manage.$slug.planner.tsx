import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { requireCentrePermission } from "~/auth/guards.server";
import { can } from "~/auth/permissions";
import { TIER_STYLE } from "~/components/workspace";
import { clock, gridRange, type PlannerBlock } from "~/domain/workspace/planner";
import { plannerWeek } from "~/domain/workspace/planner.server";
import { startOfLocalDay } from "~/domain/time/time-zone";
import { formatDay, formatShortDate } from "~/i18n/format";
import { pageTitle } from "~/i18n/meta";
import { useLocale, useT } from "~/i18n/react";
import { dateParam } from "~/lib/workspace-route.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "workspace.planner.title");

/** The week per centre: rooms as columns, days as rows (a list on phones and for screen readers). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { centre, user, role } = await requireCentrePermission(request, params.slug, "centre.view");
  const week = await plannerWeek(centre.id, dateParam(new URL(request.url).searchParams.get("date")));
  return {
    centre: { slug: centre.slug, name: centre.name, timeZone: centre.timeZone },
    week,
    canBook: can({ installationRole: user.installationRole, role }, "bookings.manage"),
    canOpen: can({ installationRole: user.installationRole, role }, "centre.read"),
  };
}

type Block = Omit<PlannerBlock, "startsAt" | "endsAt" | "blockStartsAt" | "blockEndsAt"> & {
  startsAt: string | Date;
  endsAt: string | Date;
};

function blockStyle(block: Block): string {
  const edge =
    block.bookingStatus === "PENDING" ? "border-dotted" : block.provisional ? "border-dashed" : "border-solid";
  const stripes =
    block.provisional || block.bookingStatus === "PENDING"
      ? " bg-[repeating-linear-gradient(135deg,transparent_0_6px,rgba(0,0,0,0.08)_6px_12px)]"
      : "";
  return `${TIER_STYLE[block.tier]} ${edge} border-2${stripes}`;
}

export default function Planner() {
  const { centre, week, canBook, canOpen } = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  const tz = centre.timeZone;
  const dayInstant = (date: string) => startOfLocalDay(date, tz);
  const range = gridRange(week.days as never, week.openingHours);
  const span = range.to - range.from;
  const percent = (minute: number) =>
    `${((Math.min(Math.max(minute, range.from), range.to) - range.from) / span) * 100}%`;
  const width = (from: number, to: number) =>
    `${((Math.min(to, range.to) - Math.max(from, range.from)) / span) * 100}%`;
  const hours = Array.from({ length: Math.floor(span / 120) + 1 }, (_, index) => range.from + index * 120).filter(
    (minute) => minute < range.to,
  );
  const roomName = new Map(week.rooms.map((room) => [room.id, room.name]));
  const newBooking = (roomId: string, date: string, minute: number) =>
    `/manage/${centre.slug}/bookings/new?roomId=${roomId}&date=${date}&time=${clock(minute)}`;
  const bookingLink = (bookingId: string) => `/manage/${centre.slug}/bookings/${bookingId}`;
  const statusWords = (block: Block) =>
    [
      block.bookingStatus === "PENDING" ? t("workspace.planner.pending") : null,
      block.provisional ? t("workspace.planner.provisional") : null,
    ]
      .filter(Boolean)
      .join(" · ");

  return (
    <>
      <h1>{t("workspace.planner.title")}</h1>
      <p className="text-lg">
        {t("workspace.planner.weekOf", { date: formatShortDate(dayInstant(week.monday), tz, locale) })}
      </p>
      <div className="my-4 flex flex-wrap items-end gap-3">
        <Link className="button-secondary" to={`?date=${week.previous}`}>
          {t("workspace.planner.previous")}
        </Link>
        <Link className="button-secondary" to="?">
          {t("workspace.planner.thisWeek")}
        </Link>
        <Link className="button-secondary" to={`?date=${week.next}`}>
          {t("workspace.planner.next")}
        </Link>
        <Form method="get" className="flex flex-wrap items-end gap-2">
          <div>
            <label htmlFor="planner-date" className="field-label">
              {t("workspace.planner.jumpTo")}
            </label>
            <input id="planner-date" type="date" name="date" defaultValue={week.monday} className="field-input" />
          </div>
          <button type="submit" className="button">
            {t("workspace.planner.show")}
          </button>
        </Form>
      </div>

      <section aria-labelledby="legend-title" className="my-4">
        <h2 id="legend-title" className="sr-only">
          {t("workspace.planner.legend")}
        </h2>
        <ul className="m-0 flex list-none flex-wrap gap-2 p-0 text-sm">
          {(["RESIDENT_INITIATIVE", "ASSOCIATION", "PRIVATE", "COMMERCIAL"] as const).map((tier) => (
            <li key={tier} className={`rounded border-2 px-2 ${TIER_STYLE[tier]}`}>
              {t(`tier.${tier}`)}
            </li>
          ))}
          <li className="rounded border-2 border-dashed border-gray-700 px-2">{t("workspace.planner.provisional")}</li>
          <li className="rounded border-2 border-dotted border-gray-700 px-2">{t("workspace.planner.pending")}</li>
          <li className="rounded border border-gray-400 bg-gray-200 px-2">{t("workspace.planner.buffer")}</li>
        </ul>
      </section>

      {/* The picture of the week, for the eye and the mouse; the list below holds the same, for everyone. */}
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
