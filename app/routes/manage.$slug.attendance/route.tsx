import type { loader } from "./data.server";
import type { MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { startOfLocalDay } from "~/domain/time/time-zone";
import { formatDay } from "~/i18n/format";
import { pageTitle } from "~/i18n/meta";
import { useLocale, useT } from "~/i18n/react";
import { DateCard } from "./date-card";

export { action, loader } from "./data.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "workspace.attendance.title");

export default function Attendance() {
  const { centre, date, today, previous, next, mayCorrect, dates } = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  return (
    <>
      <h1>{t("workspace.attendance.title")}</h1>
      <p className="text-lg first-letter:uppercase">
        {formatDay(startOfLocalDay(date, centre.timeZone), centre.timeZone, locale)}
        {date === today ? ` (${t("workspace.planner.today")})` : null}
      </p>
      <p>{t("workspace.attendance.intro")}</p>
      {mayCorrect ? (
        <nav aria-label={t("workspace.attendance.otherDays")} className="my-3 flex flex-wrap gap-3">
          <Link className="button-secondary" to={`?date=${previous}`}>
            {t("workspace.attendance.dayBefore")}
          </Link>
          {next ? (
            <Link className="button-secondary" to={`?date=${next}`}>
              {t("workspace.attendance.dayAfter")}
            </Link>
          ) : null}
          {date !== today ? (
            <Link className="button-secondary" to="?">
              {t("workspace.planner.today")}
            </Link>
          ) : null}
        </nav>
      ) : null}
      {dates.length === 0 ? <p>{t("workspace.attendance.nothing")}</p> : null}
      <ul className="m-0 grid list-none gap-4 p-0">
        {dates.map((item) => (
          <li key={item.occurrenceId}>
            <DateCard item={item} />
          </li>
        ))}
      </ul>
    </>
  );
}
