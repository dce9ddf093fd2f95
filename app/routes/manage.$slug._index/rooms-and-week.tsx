import { useHome } from "./home";
import { Link } from "@remix-run/react";
import { ScrollArea } from "~/components/workspace";
import { formatShortDate, formatTimeRange } from "~/i18n/format";

/** The rooms, and the coming week. */
export function RoomsAndWeek() {
  const { sees, rooms, bookings, t, locale, tz, base } = useHome();
  return (
    <>
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
