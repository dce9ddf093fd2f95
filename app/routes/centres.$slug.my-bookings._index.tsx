import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireUser } from "~/auth/guards.server";
import { findCentreBySlug } from "~/domain/centre/centres.server";
import { bookingsOfOrganisations } from "~/domain/bookings/my-bookings.server";
import { organisationsOfUser } from "~/domain/workspace/organisations.server";
import { moneyOfBookings } from "~/domain/money/money-views.server";
import { BookingMoney } from "~/components/booking-money";
import { formatMoney, formatShortDate, formatTimeRange } from "~/i18n/format";
import { pageTitle } from "~/i18n/meta";
import { useLocale, useT } from "~/i18n/react";
import type { Key } from "~/i18n/translate";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "booking.mine.title");

const SHOWN_DATES = 12;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const centre = await findCentreBySlug(params.slug ?? "");
  if (!centre) throw new Response("Not found", { status: 404 });
  const user = await requireUser(request);
  const organisations = await organisationsOfUser(centre.id, user.id);
  const url = new URL(request.url);
  const organisationIds = organisations.map((organisation) => organisation.id);
  return {
    centre: { slug: centre.slug, name: centre.name, timeZone: centre.timeZone },
    bookings: await bookingsOfOrganisations(centre.id, organisationIds),
    // per booking: paid, open, refunded, the deposit, and its invoices and credit notes
    money: await moneyOfBookings(centre.id, organisationIds),
    booked: url.searchParams.get("booked"),
    outcome: url.searchParams.get("outcome"),
    cancelled: url.searchParams.get("cancelled") === "1",
  };
}

export default function MyBookings() {
  const { centre, bookings, money, booked, outcome, cancelled } = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  const zone = centre.timeZone;
  const cancelHref = (bookingId: string, scope: string, occurrenceId?: string) =>
    `/centres/${centre.slug}/my-bookings/${bookingId}/cancel?scope=${scope}${occurrenceId ? `&occurrenceId=${occurrenceId}` : ""}`;
  return (
    <>
      <h1>{t("booking.mine.title")}</h1>
      {booked ? (
        <div role="status" className="card mb-4 border-brand-700 bg-brand-50">
          <h2 className="mt-0">
            {outcome === "pending" ? t("booking.done.pendingTitle") : t("booking.done.confirmedTitle")}
          </h2>
          <p className="m-0">{outcome === "pending" ? t("booking.done.pending") : t("booking.done.confirmed")}</p>
        </div>
      ) : null}
      {cancelled ? (
        <p role="status" className="card border-brand-700 bg-brand-50">
          {t("booking.mine.cancelled")}
        </p>
      ) : null}
      <p>{t("booking.mine.intro", { centre: centre.name })}</p>
      <p>
        <Link className="button" to={`/centres/${centre.slug}/book`}>
          {t("booking.mine.book")}
        </Link>{" "}
        <Link className="ml-4 inline-block py-2" to={`/centres/${centre.slug}/direct-debit`}>
          {t("invoices.directDebit.title")}
        </Link>
      </p>
      {bookings.length === 0 ? <p>{t("booking.mine.none")}</p> : null}
      <ul className="m-0 grid list-none gap-4 p-0">
        {bookings.map((booking) => {
          const active = ["CONFIRMED", "PENDING"].includes(booking.status);
          const coming = booking.upcoming.filter((date) => date.status === "ACTIVE");
          return (
            <li key={booking.id} className="card" id={`booking-${booking.id}`}>
              <h2 className="mt-0 text-lg">{booking.title}</h2>
              <p className="m-0">
                {booking.organisation} · {booking.room} · {t(`bookingStatus.${booking.status}` as Key)}
                {booking.totalInclCents > 0 ? <> · {formatMoney(booking.totalInclCents, locale)}</> : null}
              </p>
              {booking.upcoming.length > 0 ? (
                <>
                  <h3 className="mt-3 text-base">
                    {t("booking.mine.upcoming")} ({t("booking.mine.series", { count: coming.length })})
                  </h3>
                  <ul className="m-0 grid list-none gap-1 p-0">
                    {booking.upcoming.slice(0, SHOWN_DATES).map((date) => (
                      <li
                        key={date.id}
                        className="flex flex-wrap items-center gap-x-3 gap-y-1 border-b border-gray-200 py-1"
                      >
                        <span>
                          {formatShortDate(new Date(date.startsAt), zone, locale)},{" "}
                          {formatTimeRange(new Date(date.startsAt), new Date(date.endsAt), zone, locale)}
                          {date.room !== booking.room ? <> ({date.room})</> : null}
                        </span>
                        {date.status !== "ACTIVE" ? (
                          <span className="badge bg-red-100 text-red-900">
                            {t("booking.mine.dateCancelled")}
                            {date.cancelReason ? `: ${date.cancelReason}` : ""}
                          </span>
                        ) : (
                          <>
                            {date.provisionalUntil ? (
                              <span className="badge bg-amber-100 text-amber-950">
                                {t("booking.mine.provisional", {
                                  date: formatShortDate(new Date(date.provisionalUntil), zone, locale),
                                })}
                              </span>
                            ) : null}
                            {active ? (
                              <span className="flex flex-wrap gap-3">
                                <Link to={cancelHref(booking.id, "date", date.id)}>{t("booking.mine.cancelDate")}</Link>
                                {booking.rrule ? (
                                  <Link to={cancelHref(booking.id, "rest", date.id)}>
                                    {t("booking.mine.cancelRest")}
                                  </Link>
                                ) : null}
                              </span>
                            ) : null}
                          </>
                        )}
                      </li>
                    ))}
                  </ul>
                  {booking.upcoming.length > SHOWN_DATES ? (
                    <p className="m-0 text-muted">
                      {t("booking.email.moreDates", { count: booking.upcoming.length - SHOWN_DATES })}
                    </p>
                  ) : null}
                  {active && coming.length > 1 ? (
                    <p className="mb-0 mt-2">
                      <Link to={cancelHref(booking.id, "all")}>{t("booking.mine.cancelAll")}</Link>
                    </p>
                  ) : null}
                </>
              ) : null}
              {money[booking.id] ? (
                <BookingMoney
                  money={money[booking.id]!}
                  documentsHref={`/centres/${centre.slug}/my-bookings/documents`}
                />
              ) : null}
              {booking.takesSignUps && active ? (
                <p className="mb-0 mt-2">
                  <Link to={`/manage/${centre.slug}/signups`}>{t("booking.mine.signups")}</Link>
                </p>
              ) : null}
              {booking.pastCount > 0 ? (
                <p className="mb-0 mt-2 text-muted">
                  {t("booking.mine.past")}: {t("booking.mine.series", { count: booking.pastCount })}
                </p>
              ) : null}
            </li>
          );
        })}
      </ul>
    </>
  );
}
