import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { findCentreBySlug } from "~/domain/centres.server";
import { occurrencesBetween } from "~/domain/schedule.server";
import { formatDay, formatMoney, formatTimeRange } from "~/i18n/format";
import { useLocale, useT } from "~/i18n/react";
import { pageTitle } from "~/i18n/meta";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  pageTitle(matches, data ? "centre.weekTitle" : "errors.notFoundTitle", { name: data?.centre.name ?? "" });

const WEEK_MS = 7 * 24 * 60 * 60 * 1000;

export async function loader({ params }: LoaderFunctionArgs) {
  const centre = await findCentreBySlug(params.slug ?? "");
  if (!centre) throw new Response("Not found", { status: 404 });
  const now = new Date();
  const occurrences = await occurrencesBetween(centre.id, now, new Date(now.getTime() + WEEK_MS), { publicOnly: true });
  return {
    centre: {
      slug: centre.slug,
      name: centre.name,
      timeZone: centre.timeZone,
      address: `${centre.street}, ${centre.postalCode} ${centre.city}`,
      directions: centre.directions,
    },
    activities: occurrences.map((occurrence) => ({
      id: occurrence.id,
      title: occurrence.booking.activity?.title ?? occurrence.booking.title,
      kind: occurrence.booking.activity?.kind ?? "WALK_IN",
      organiser: occurrence.booking.activity?.organiserName ?? occurrence.booking.organisation.name,
      priceCents: occurrence.booking.activity?.participantPriceCents ?? 0,
      room: occurrence.room.name,
      startsAt: occurrence.startsAt,
      endsAt: occurrence.endsAt,
      cancelled: occurrence.status !== "ACTIVE",
    })),
  };
}

export default function CentrePage() {
  const { centre, activities } = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  return (
    <>
      <h1>{t("centre.weekTitle", { name: centre.name })}</h1>
      <p>{t("centre.weekIntro")}</p>
      {activities.length === 0 ? (
        <p>{t("centre.noActivities")}</p>
      ) : (
        <ul className="m-0 grid list-none gap-3 p-0">
          {activities.map((activity) => (
            <li key={activity.id} className="card">
              <h2 className="mt-0 text-lg">
                {activity.title}
                {activity.cancelled ? (
                  <span className="badge ml-2 bg-red-100 text-red-900">{t("centre.cancelled")}</span>
                ) : null}
              </h2>
              <dl className="m-0 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1">
                <dt className="font-bold">{t("centre.when")}</dt>
                <dd className="m-0">
                  {formatDay(new Date(activity.startsAt), centre.timeZone, locale)},{" "}
                  {formatTimeRange(new Date(activity.startsAt), new Date(activity.endsAt), centre.timeZone, locale)}
                </dd>
                <dt className="font-bold">{t("centre.where")}</dt>
                <dd className="m-0">{activity.room}</dd>
                <dt className="font-bold">{t("centre.organiser")}</dt>
                <dd className="m-0">{activity.organiser}</dd>
                <dt className="font-bold">{t("centre.price")}</dt>
                <dd className="m-0">{activity.priceCents === 0 ? t("centre.free") : formatMoney(activity.priceCents, locale)}</dd>
              </dl>
              <p className="mb-0 mt-2">
                <span className="badge bg-brand-100 text-brand-900">{t(`activityKind.${activity.kind}`)}</span>
              </p>
            </li>
          ))}
        </ul>
      )}
      <h2>{t("centre.address")}</h2>
      <p>{centre.address}</p>
      {centre.directions ? (
        <>
          <h2>{t("centre.directions")}</h2>
          <p>{centre.directions}</p>
        </>
      ) : null}
    </>
  );
}
