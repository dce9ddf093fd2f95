import type { MetaFunction } from "@remix-run/node";
import { Form, Link } from "@remix-run/react";
import { TIER_STYLE } from "~/components/workspace";
import { formatShortDate } from "~/i18n/format";
import { pageTitle } from "~/i18n/meta";
import { WeekList } from "./week-list";
import { WeekPicture } from "./week-picture";
import { usePlannerWeek } from "./week";

export { loader } from "./loader.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "workspace.planner.title");

export default function Planner() {
  const { week, t, locale, tz, dayInstant } = usePlannerWeek();

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
      <WeekPicture />
      <WeekList />
    </>
  );
}
