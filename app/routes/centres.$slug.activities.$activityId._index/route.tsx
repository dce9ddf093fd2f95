import type { loader } from "./data.server";
import type { MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { CancelledBadge, PlacesLeft, priceText, scheduleWords } from "~/components/agenda";
import { CentreDetails } from "~/components/centre-details";
import { formatDayTimeRange } from "~/i18n/format";
import { pageTitle } from "~/i18n/meta";
import { useLocale, useT } from "~/i18n/react";
import { retryAfterHeaders } from "~/lib/rate-limits.server";
import { SignupForm } from "./signup-form";

export const headers = retryAfterHeaders;

export { action, loader } from "./data.server";

export const meta: MetaFunction<typeof loader> = ({ data: loaded, matches }) =>
  loaded
    ? pageTitle(matches, "agenda.activity.pageTitle", { title: loaded.activity.title, centre: loaded.centre.name })
    : pageTitle(matches, "errors.notFoundTitle");

export default function ActivityPage() {
  const { centre, activity, dates, submissionKey } = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  const words = scheduleWords(activity.schedule, t, locale);
  const tz = centre.timeZone;
  const sayDate = (date: { startsAt: Date | string; endsAt: Date | string }) =>
    formatDayTimeRange(new Date(date.startsAt), new Date(date.endsAt), tz, locale);
  const activityPath = `/centres/${centre.slug}/activities/${activity.id}`;
  const where = [activity.room.name, activity.room.location].filter(Boolean).join(" – ");

  return (
    <>
      <p className="mt-0">
        <Link to={`/centres/${centre.slug}`}>{t("agenda.activity.back", { name: centre.name })}</Link>
      </p>
      <h1>{activity.title}</h1>
      {activity.cancelled ? (
        <p className="card border-red-300 bg-red-50 font-bold text-red-900">{t("agenda.activity.seriesCancelled")}</p>
      ) : activity.kind === "WALK_IN" ? (
        <p className="card border-brand-700 bg-brand-50 text-lg font-bold">{t("agenda.activity.walkIn")}</p>
      ) : (
        <p className="card border-amber-600 bg-amber-50 text-lg font-bold">
          {t("agenda.activity.signUp", { capacity: activity.capacity ?? 0 })}
        </p>
      )}
      {activity.description ? <p>{activity.description}</p> : null}

      <dl className="m-0 grid grid-cols-1 gap-x-4 gap-y-1 sm:grid-cols-[auto_1fr]">
        <dt className="font-bold">{t("agenda.activity.when")}</dt>
        <dd className="m-0 mb-2 first-letter:uppercase sm:mb-0">
          {words ?? (dates[0] ? sayDate(dates[0]) : t("agenda.activity.noDates"))}
        </dd>
        <dt className="font-bold">{t("agenda.activity.where")}</dt>
        <dd className="m-0 mb-2 sm:mb-0">
          {where}, {centre.name}
        </dd>
        <dt className="font-bold">{t("agenda.activity.forWhom")}</dt>
        <dd className="m-0 mb-2 sm:mb-0">
          {activity.audiences.length === 0
            ? t("agenda.activity.everyone")
            : activity.audiences.map((audience) => t(`audience.${audience}`)).join(", ")}
        </dd>
        <dt className="font-bold">{t("agenda.activity.price")}</dt>
        <dd className="m-0 mb-2 sm:mb-0">
          {priceText(activity.priceCents, t, locale)}
          {activity.paysOnline ? <> {t("agenda.activity.paysOnline")}</> : null}
        </dd>
        <dt className="font-bold">{t("agenda.activity.organiser")}</dt>
        <dd className="m-0 mb-2 sm:mb-0">{activity.organiser}</dd>
        <dt className="font-bold">{t("agenda.activity.accessibility")}</dt>
        <dd className="m-0 mb-2 sm:mb-0">
          {activity.room.stepFree ? t("agenda.activity.stepFree") : t("agenda.activity.notStepFree")}
          {activity.accessibilityNotes ? <> {activity.accessibilityNotes}</> : null}
        </dd>
        {activity.contactInfo ? (
          <>
            <dt className="font-bold">{t("agenda.activity.contact")}</dt>
            <dd className="m-0 mb-2 sm:mb-0">{activity.contactInfo}</dd>
          </>
        ) : null}
      </dl>

      <h2>{t("agenda.activity.dates")}</h2>
      {dates.length === 0 ? (
        <p>{t("agenda.activity.noDates")}</p>
      ) : (
        <ul className="m-0 grid list-none gap-1 p-0">
          {dates.map((date) => (
            <li key={date.occurrenceId} className="flex flex-wrap items-center gap-x-2">
              <span className={`inline-block first-letter:uppercase ${date.cancelled ? "line-through" : ""}`}>
                {sayDate(date)}
              </span>{" "}
              {date.cancelled ? <CancelledBadge /> : <PlacesLeft placesLeft={date.placesLeft} />}
            </li>
          ))}
        </ul>
      )}
      <p>
        <a href={`${activityPath}/agenda.ics`}>{t("agenda.activity.subscribe")}</a>
        <br />
        <span className="text-muted">{t("agenda.activity.subscribeHint")}</span>
      </p>

      {activity.kind === "SIGN_UP" && !activity.cancelled ? (
        <SignupForm dates={dates} sayDate={sayDate} submissionKey={submissionKey} />
      ) : null}

      {activity.cancelled ? null : (
        <section aria-labelledby="companion" className="card mt-6">
          <h2 id="companion" className="mt-0">
            {t("agenda.activity.companionTitle")}
          </h2>
          <p>{t("agenda.activity.companionIntro")}</p>
          <Link to={`${activityPath}/companion`} className="button-secondary">
            {t("agenda.activity.companionLink")}
          </Link>
        </section>
      )}

      <CentreDetails centre={centre} />
    </>
  );
}
