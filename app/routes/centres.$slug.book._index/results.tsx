import { Link } from "@remix-run/react";
import type { searchAvailability } from "~/domain/bookings/availability.server";
import { formatDay, formatTime } from "~/i18n/format";
import { useLocale, useT } from "~/i18n/react";
import type { Key } from "~/i18n/translate";

/** The rooms free at the asked time, and the ones that are free at another time close to it. */
export function SearchResults({
  results,
  signedIn,
  centre,
  bookHref,
}: {
  results: Awaited<ReturnType<typeof searchAvailability>> & { first: Date; query: { people: number } };
  signedIn: boolean;
  centre: { slug: string; timeZone: string };
  bookHref: (roomId: string, time?: string) => string;
}) {
  const t = useT();
  const locale = useLocale();
  return (
    <section aria-labelledby="results-heading">
      <h2 id="results-heading">{t("booking.search.results")}</h2>
      <p>
        {t("booking.search.resultsFor", {
          day: formatDay(new Date(results.first), centre.timeZone, locale),
          time: formatTime(new Date(results.first), centre.timeZone, locale),
          people: results.query.people,
        })}
      </p>
      {!signedIn ? (
        <p className="card bg-brand-50">
          {t("booking.search.signInToBook")}{" "}
          <Link to={`/centres/${centre.slug}/register`}>{t("booking.search.registerLink")}</Link>
        </p>
      ) : null}
      {results.free.length === 0 ? <p>{t("booking.search.noResults")}</p> : null}
      <ul className="m-0 grid list-none gap-3 p-0 md:grid-cols-2">
        {results.free.map((room) => (
          <li key={room.roomId} className="card">
            <h3 className="m-0">{room.name}</h3>
            <p className="m-0">
              {t("booking.search.capacity", { count: room.capacity })} ·{" "}
              {room.stepFree ? t("manage.stepFree") : t("manage.notStepFree")}
            </p>
            {room.location ? <p className="m-0 text-muted">{room.location}</p> : null}
            {room.facilities.length > 0 ? (
              <p className="m-0">{room.facilities.map((f) => t(`facility.${f}` as Key)).join(", ")}</p>
            ) : null}
            <p className="mb-0 mt-2">
              <span className="badge bg-brand-100 text-brand-900">{t("booking.search.free")}</span>
            </p>
            <p className="mb-0 mt-2">
              <Link className="button" to={bookHref(room.roomId)}>
                {t("booking.search.book", { room: room.name })}
              </Link>
            </p>
          </li>
        ))}
      </ul>
      {results.nearMisses.length > 0 ? (
        <>
          <h3>{t("booking.search.nearMisses")}</h3>
          <ul className="m-0 grid list-none gap-3 p-0 md:grid-cols-2">
            {results.nearMisses.map((room) => (
              <li key={room.roomId} className="card">
                <h4 className="m-0 text-lg">{room.name}</h4>
                <p className="m-0">{t("booking.search.capacity", { count: room.capacity })}</p>
                {room.dates > 1 ? (
                  <p className="m-0">{t("booking.search.freeOn", { count: room.dates - room.unavailable.length })}</p>
                ) : null}
                <ul className="m-0 mt-2 flex list-none flex-wrap gap-2 p-0">
                  {room.nearest.slice(0, 3).map((time) => (
                    <li key={time.localStart + time.startsAt.toString()}>
                      <Link
                        className="button-secondary"
                        to={bookHref(room.roomId, formatTime(new Date(time.startsAt), centre.timeZone, "nl"))}
                      >
                        {t("booking.search.freeAt", {
                          time: formatTime(new Date(time.startsAt), centre.timeZone, locale),
                        })}
                      </Link>
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
