import { useHome } from "./home";
import { Link } from "@remix-run/react";
import { formatTimeRange } from "~/i18n/format";

/** Today's dates with who opens up. */
export function Today() {
  const { home, t, locale, tz, base } = useHome();
  return (
    <>
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
    </>
  );
}
