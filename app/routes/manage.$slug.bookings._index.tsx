import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { requireCentrePermission } from "~/auth/guards.server";
import { can } from "~/auth/permissions";
import { TierBadge } from "~/components/workspace";
import { listBookings } from "~/domain/bookings/manager-changes.server";
import { formatShortDate, formatTimeRange } from "~/i18n/format";
import { pageTitle } from "~/i18n/meta";
import { useLocale, useT } from "~/i18n/react";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "workspace.bookings.title");

/** Find a booking by its name or its organisation's. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { centre, user, role } = await requireCentrePermission(request, params.slug, "centre.read");
  const url = new URL(request.url);
  const query = (url.searchParams.get("q") ?? "").slice(0, 100);
  const all = url.searchParams.get("all") === "1";
  return {
    centre: { slug: centre.slug, name: centre.name, timeZone: centre.timeZone },
    query,
    all,
    bookings: await listBookings(centre.id, { query, all }),
    canBook: can({ installationRole: user.installationRole, role }, "bookings.manage"),
  };
}

export default function Bookings() {
  const { centre, query, all, bookings, canBook } = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  return (
    <>
      <h1>{t("workspace.bookings.title")}</h1>
      {canBook ? (
        <p>
          <Link className="button" to={`/manage/${centre.slug}/bookings/new`}>
            {t("workspace.bookings.new")}
          </Link>
        </p>
      ) : null}
      <Form method="get" className="my-4 flex flex-wrap items-end gap-3">
        <div>
          <label htmlFor="bookings-q" className="field-label">
            {t("workspace.bookings.search")}
          </label>
          <input id="bookings-q" type="search" name="q" defaultValue={query} className="field-input" />
        </div>
        <div className="flex items-center gap-2">
          <input id="bookings-all" type="checkbox" name="all" value="1" defaultChecked={all} className="h-6 w-6" />
          <label htmlFor="bookings-all">{t("workspace.bookings.includePast")}</label>
        </div>
        <button type="submit" className="button">
          {t("workspace.bookings.find")}
        </button>
      </Form>
      {bookings.length === 0 ? <p>{t("workspace.bookings.none")}</p> : null}
      <ul className="m-0 grid list-none gap-3 p-0">
        {bookings.map((booking) => (
          <li key={booking.id} className="card">
            <h2 className="m-0 text-lg">
              <Link to={`/manage/${centre.slug}/bookings/${booking.id}`}>{booking.title}</Link>
            </h2>
            <p className="m-0">
              {booking.organisation} <TierBadge tier={booking.tier} /> · {booking.room} ·{" "}
              {t(`bookingStatus.${booking.status}`)}
              {booking.series ? ` · ${t("workspace.bookings.series")}` : null}
            </p>
            {booking.next ? (
              <p className="m-0 text-muted">
                {t("workspace.bookings.next")}:{" "}
                {formatShortDate(new Date(booking.next.startsAt), centre.timeZone, locale)}{" "}
                {formatTimeRange(
                  new Date(booking.next.startsAt),
                  new Date(booking.next.endsAt),
                  centre.timeZone,
                  locale,
                )}
              </p>
            ) : null}
          </li>
        ))}
      </ul>
    </>
  );
}
