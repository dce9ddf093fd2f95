import { useHome } from "./home";
import { Link } from "@remix-run/react";
import { Money, TierBadge } from "~/components/workspace";
import { formatShortDate } from "~/i18n/format";

/** What needs attention first: requests, companions, closures, unpaid, failed emails. */
export function Attention() {
  const { sees, home, t, locale, tz, base, when, nothingNeedsAttention } = useHome();
  return (
    <>
      <section aria-labelledby="attention-title">
        <h2 id="attention-title">{t("workspace.home.attention")}</h2>
        {nothingNeedsAttention ? <p>{t("workspace.home.allDone")}</p> : null}

        {home.requests.length > 0 ? (
          <section aria-labelledby="home-requests" className="card my-3">
            <h3 id="home-requests" className="mt-0">
              <Link to={`${base}/requests`}>{t("workspace.home.requests", { count: home.requests.length })}</Link>
            </h3>
            <ul className="m-0">
              {home.requests.map((request) => (
                <li key={request.id}>
                  <Link to={`${base}/requests#request-${request.id}`}>{request.title}</Link> · {request.organisation}{" "}
                  <TierBadge tier={request.tier} />
                  {request.firstDate ? ` · ${when(request.firstDate.startsAt, request.firstDate.endsAt)}` : null}
                  {request.overdue ? <strong> · {t("workspace.requests.overdue")}</strong> : null}
                </li>
              ))}
            </ul>
          </section>
        ) : null}

        {home.companions.length > 0 ? (
          <section aria-labelledby="home-companions" className="card my-3">
            <h3 id="home-companions" className="mt-0">
              <Link to={`${base}/companions`}>{t("workspace.home.companions", { count: home.companions.length })}</Link>
            </h3>
            <ul className="m-0">
              {home.companions.map((request) => (
                <li key={request.id}>
                  {request.name} · {request.activity}
                  {request.date ? ` · ${when(request.date.startsAt, request.date.endsAt)}` : null}
                </li>
              ))}
            </ul>
          </section>
        ) : null}

        {home.closureConflicts.length > 0 ? (
          <section aria-labelledby="home-closures" className="card my-3">
            <h3 id="home-closures" className="mt-0">
              {t("workspace.home.closureConflicts", {
                count: home.closureConflicts.reduce((sum, closure) => sum + closure.hits.length, 0),
              })}
            </h3>
            <ul className="m-0">
              {home.closureConflicts.map((closure) => (
                <li key={closure.closureId}>
                  <Link to={`${base}/closures/${closure.closureId}`}>{closure.reason}</Link>:{" "}
                  {closure.hits
                    .slice(0, 5)
                    .map((hit) => `${hit.title} (${formatShortDate(new Date(hit.startsAt), tz, locale)})`)
                    .join(", ")}
                  {closure.hits.length > 5
                    ? ` ${t("workspace.requests.andMore", { count: closure.hits.length - 5 })}`
                    : null}
                </li>
              ))}
            </ul>
          </section>
        ) : null}

        {home.unpaid.length > 0 ? (
          <section aria-labelledby="home-unpaid" className="card my-3">
            <h3 id="home-unpaid" className="mt-0">
              <Link to={`${base}/payments`}>{t("workspace.home.unpaid", { count: home.unpaidCount })}</Link>
            </h3>
            <ul className="m-0">
              {home.unpaid.map((booking) => (
                <li key={booking.bookingId}>
                  <Link to={`${base}/bookings/${booking.bookingId}`}>{booking.title}</Link> · {booking.organisation} ·{" "}
                  <Money cents={booking.outstandingCents} />
                </li>
              ))}
            </ul>
          </section>
        ) : null}

        {home.failedEmails > 0 && sees.manages ? (
          <section aria-labelledby="home-emails" className="card my-3">
            <h3 id="home-emails" className="mt-0">
              <Link to={`${base}/emails`}>{t("workspace.home.failedEmails", { count: home.failedEmails })}</Link>
            </h3>
          </section>
        ) : null}
      </section>
    </>
  );
}
