import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { requireCentrePermission } from "~/auth/guards.server";
import { listRooms } from "~/domain/rooms.server";
import { occurrencesBetween } from "~/domain/schedule.server";
import { formatShortDate, formatTimeRange } from "~/i18n/format";
import { useLocale, useT } from "~/i18n/react";
import { pageTitle } from "~/i18n/meta";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  pageTitle(matches, "manage.title", { name: data?.centre.name ?? "" });

const WEEK_MS = 7 * 24 * 60 * 60 * 1000;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { centre } = await requireCentrePermission(request, params.slug, "centre.view");
  const now = new Date();
  const [rooms, occurrences] = await Promise.all([
    listRooms(centre.id),
    occurrencesBetween(centre.id, now, new Date(now.getTime() + WEEK_MS)),
  ]);
  return {
    centre: { slug: centre.slug, name: centre.name, timeZone: centre.timeZone },
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
  const { centre, rooms, bookings } = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  return (
    <>
      <h1>{t("manage.title", { name: centre.name })}</h1>
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
        <div className="overflow-x-auto">
          <table className="w-full border-collapse text-left">
            <thead>
              <tr className="border-b-2 border-gray-400">
                <th scope="col" className="py-2 pr-3">{t("manage.time")}</th>
                <th scope="col" className="py-2 pr-3">{t("manage.what")}</th>
                <th scope="col" className="py-2 pr-3">{t("manage.room")}</th>
                <th scope="col" className="py-2 pr-3">{t("manage.organisation")}</th>
                <th scope="col" className="py-2">{t("manage.status")}</th>
              </tr>
            </thead>
            <tbody>
              {bookings.map((booking) => (
                <tr key={booking.id} className="border-b border-gray-200 align-top">
                  <td className="py-2 pr-3">
                    {formatShortDate(new Date(booking.startsAt), centre.timeZone, locale)}
                    <br />
                    {formatTimeRange(new Date(booking.startsAt), new Date(booking.endsAt), centre.timeZone, locale)}
                  </td>
                  <td className="py-2 pr-3">{booking.title}</td>
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
        </div>
      )}
    </>
  );
}
