import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireCentrePermission } from "~/auth/guards.server";
import { can } from "~/auth/permissions";
import { Money, ScrollArea, TierBadge } from "~/components/workspace";
import { listRooms } from "~/domain/centre/rooms.server";
import { occurrencesBetween } from "~/domain/bookings/schedule.server";
import { workspaceHome } from "~/domain/workspace/home.server";
import { formatShortDate, formatTimeRange } from "~/i18n/format";
import { useLocale, useT } from "~/i18n/react";
import { pageTitle } from "~/i18n/meta";
import { clock } from "~/lib/clock";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  pageTitle(matches, "manage.title", { name: data?.centre.name ?? "" });

const WEEK_MS = 7 * 24 * 60 * 60 * 1000;

/** What needs attention first, then today's dates with who opens up, the rooms and the coming week. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { centre, user, role } = await requireCentrePermission(request, params.slug, "centre.view");
  const now = clock.now();
  const allowed = (permission: Parameters<typeof can>[1]) =>
    can({ installationRole: user.installationRole, role }, permission);
  const sees = {
    reads: allowed("centre.read"),
    companions: allowed("attendance.record"),
    manages: allowed("bookings.manage"),
  };
  const [home, rooms, occurrences] = await Promise.all([
    workspaceHome(centre.id, { money: sees.reads, requests: sees.reads }, now),
    listRooms(centre.id),
    occurrencesBetween(centre.id, now, new Date(now.getTime() + WEEK_MS)),
  ]);
  return {
    centre: { slug: centre.slug, name: centre.name, timeZone: centre.timeZone },
    sees,
    home: { ...home, companions: sees.companions ? home.companions : [] },
    rooms: rooms.map((room) => ({
      id: room.id,
      name: room.name,
      kind: room.kind,
      capacity: room.capacity,
      stepFree: room.stepFree,
      facilities: room.facilities,
      setup: room.setupBufferMinutes,
      cleanup: room.cleanupBufferMinutes,
      active: room.active,
      members: room.members.map((member) => member.room.name),
    })),
    bookings: occurrences.map((occurrence) => ({
      id: occurrence.id,
      bookingId: occurrence.booking.id,
      title: occurrence.booking.title,
      organisation: occurrence.booking.organisation.name,
      room: occurrence.room.name,
      status: occurrence.booking.status,
      provisional: occurrence.firmAt !== null && occurrence.firmAt > now,
      startsAt: occurrence.startsAt,
      endsAt: occurrence.endsAt,
    })),
  };
}

export default function ManageHome() {
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
  return (
    <>
      <h1>{t("manage.title", { name: centre.name })}</h1>

      <section aria-labelledby="attention-title">
        <h2 id="attention-title">{t("workspace.home.attention")}</h2>
        {nothingNeedsAttention ? <p>{t("workspace.home.allDone")}</p> : null}

        {home.requests.length > 0 ? (
          <section aria-labelledby="home-requests" className="card my-3">
            <h3 id="home-requests" className="mt-0">
              <Link to={`${base}/requests`}>{t("workspace.home.requests", { count: home.requests.length })}</Link>
            </h3>
            <ul className="m-0">
              {home.requests.map((request) => (
                <li key={request.id}>
                  <Link to={`${base}/requests#request-${request.id}`}>{request.title}</Link> · {request.organisation}{" "}
                  <TierBadge tier={request.tier} />
                  {request.firstDate ? ` · ${when(request.firstDate.startsAt, request.firstDate.endsAt)}` : null}
                  {request.overdue ? <strong> · {t("workspace.requests.overdue")}</strong> : null}
                </li>
              ))}
            </ul>
          </section>
        ) : null}

        {home.companions.length > 0 ? (
          <section aria-labelledby="home-companions" className="card my-3">
            <h3 id="home-companions" className="mt-0">
              <Link to={`${base}/companions`}>{t("workspace.home.companions", { count: home.companions.length })}</Link>
            </h3>
            <ul className="m-0">
              {home.companions.map((request) => (
                <li key={request.id}>
                  {request.name} · {request.activity}
                  {request.date ? ` · ${when(request.date.startsAt, request.date.endsAt)}` : null}
                </li>
              ))}
            </ul>
          </section>
        ) : null}

        {home.closureConflicts.length > 0 ? (
          <section aria-labelledby="home-closures" className="card my-3">
            <h3 id="home-closures" className="mt-0">
              {t("workspace.home.closureConflicts", {
                count: home.closureConflicts.reduce((sum, closure) => sum + closure.hits.length, 0),
              })}
            </h3>
            <ul className="m-0">
              {home.closureConflicts.map((closure) => (
                <li key={closure.closureId}>
                  <Link to={`${base}/closures/${closure.closureId}`}>{closure.reason}</Link>:{" "}
                  {closure.hits
                    .slice(0, 5)
                    .map((hit) => `${hit.title} (${formatShortDate(new Date(hit.startsAt), tz, locale)})`)
                    .join(", ")}
                  {closure.hits.length > 5
                    ? ` ${t("workspace.requests.andMore", { count: closure.hits.length - 5 })}`
                    : null}
                </li>
              ))}
            </ul>
          </section>
        ) : null}

        {home.unpaid.length > 0 ? (
          <section aria-labelledby="home-unpaid" className="card my-3">
            <h3 id="home-unpaid" className="mt-0">
              <Link to={`${base}/payments`}>{t("workspace.home.unpaid", { count: home.unpaidCount })}</Link>
            </h3>
            <ul className="m-0">
              {home.unpaid.map((booking) => (
                <li key={booking.bookingId}>
                  <Link to={`${base}/bookings/${booking.bookingId}`}>{booking.title}</Link> · {booking.organisation} ·{" "}
                  <Money cents={booking.outstandingCents} />
                </li>
              ))}
            </ul>
          </section>
        ) : null}

        {home.failedEmails > 0 && sees.manages ? (
          <section aria-labelledby="home-emails" className="card my-3">
            <h3 id="home-emails" className="mt-0">
              <Link to={`${base}/emails`}>{t("workspace.home.failedEmails", { count: home.failedEmails })}</Link>
            </h3>
          </section>
        ) : null}
      </section>

      <section aria-labelledby="today-title">
        <h2 id="today-title">{t("workspace.home.today")}</h2>
        {home.todayDates.length === 0 ? (
          <p>{t("workspace.home.nothingToday")}</p>
        ) : (
          <ul className="m-0 grid list-none gap-2 p-0">
            {home.todayDates.map((date) => (
              <li key={date.occurrenceId} className="card">
                <span className="font-bold">
                  {formatTimeRange(new Date(date.startsAt), new Date(date.endsAt), tz, locale)}
                </span>{" "}
                · {date.title} · {date.room}
                <span className="block">
                  {date.host ? (
                    t("workspace.attendance.opensUp", { name: date.host.name })
                  ) : (
                    <strong>{t("workspace.attendance.nobodyOpens")}</strong>
                  )}
                </span>
              </li>
            ))}
          </ul>
        )}
        <p>
          <Link to={`${base}/attendance`}>{t("workspace.home.toAttendance")}</Link>
        </p>
      </section>

      <h2>{t("manage.rooms")}</h2>
      <ul className="m-0 grid list-none gap-3 p-0 sm:grid-cols-2">
        {rooms.map((room) => (
          <li key={room.id} className="card">
            <h3 className="m-0">{room.name}</h3>
            <p className="m-0">
              {t("manage.capacity", { count: room.capacity })} ·{" "}
              {room.stepFree ? t("manage.stepFree") : t("manage.notStepFree")}
              {room.active ? null : <> · {t("manage.inactive")}</>}
            </p>
            {room.kind === "COMBINATION" ? (
              <p className="m-0">{t("manage.combination", { rooms: room.members.join(", ") })}</p>
            ) : null}
            {room.facilities.length > 0 ? (
              <p className="m-0">
                {t("manage.facilities")}: {room.facilities.map((facility) => t(`facility.${facility}`)).join(", ")}
              </p>
            ) : null}
            <p className="m-0 text-muted">{t("manage.buffers", { setup: room.setup, cleanup: room.cleanup })}</p>
          </li>
        ))}
      </ul>

      <h2>{t("manage.nextWeek")}</h2>
      {bookings.length === 0 ? (
        <p>{t("manage.noBookings")}</p>
      ) : (
        <ScrollArea label={t("manage.nextWeek")}>
          <table className="w-full border-collapse text-left">
            <thead>
              <tr className="border-b-2 border-gray-400">
                <th scope="col" className="py-2 pr-3">
                  {t("manage.time")}
                </th>
                <th scope="col" className="py-2 pr-3">
                  {t("manage.what")}
                </th>
                <th scope="col" className="py-2 pr-3">
                  {t("manage.room")}
                </th>
                <th scope="col" className="py-2 pr-3">
                  {t("manage.organisation")}
                </th>
                <th scope="col" className="py-2">
                  {t("manage.status")}
                </th>
              </tr>
            </thead>
            <tbody>
              {bookings.map((booking) => (
                <tr key={booking.id} className="border-b border-gray-200 align-top">
                  <td className="py-2 pr-3">
                    {formatShortDate(new Date(booking.startsAt), tz, locale)}
                    <br />
                    {formatTimeRange(new Date(booking.startsAt), new Date(booking.endsAt), tz, locale)}
                  </td>
                  <td className="py-2 pr-3">
                    {sees.reads ? (
                      <Link to={`${base}/bookings/${booking.bookingId}`}>{booking.title}</Link>
                    ) : (
                      booking.title
                    )}
                  </td>
                  <td className="py-2 pr-3">{booking.room}</td>
                  <td className="py-2 pr-3">{booking.organisation}</td>
                  <td className="py-2">
                    {t(`bookingStatus.${booking.status}`)}
                    {booking.provisional ? <> · {t("manage.provisional")}</> : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollArea>
      )}
    </>
  );
}
