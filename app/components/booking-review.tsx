import { RuleFindings } from "~/components/booking";
import { Money } from "~/components/workspace";
import { formatMoney, formatShortDate, formatTimeRange } from "~/i18n/format";
import { useLocale, useT } from "~/i18n/react";
import type { Key } from "~/i18n/translate";
import type { ReviewView } from "~/lib/booking-review.server";
import { Fragment } from "react";
import { DateChoice } from "./booking-date-choice";

/**
 * The review of a booking request, shown before it is sent: the organisation's own form (a
 * table with prices, provisional dates and the rules in full) and the team's "book for someone
 * else" (a short list with who holds a clashing date). Both offer, for a date that cannot be
 * booked, to skip it, to take another room that is free then or the nearest free time; a
 * choice made earlier stays part of the request.
 */
export function BookingReview({
  review,
  choices,
  timeZone,
  reader,
}: {
  review: ReviewView;
  choices: Record<string, string>;
  timeZone: string;
  reader: "organisation" | "team";
}) {
  return reader === "team" ? (
    <TeamReview review={review} choices={choices} timeZone={timeZone} />
  ) : (
    <OrganisationReview review={review} choices={choices} timeZone={timeZone} />
  );
}

type ReviewDate = ReviewView["dates"][number];

interface Props {
  review: ReviewView;
  choices: Record<string, string>;
  timeZone: string;
}

function TeamReview({ review, choices, timeZone }: Props) {
  const t = useT();
  const locale = useLocale();
  return (
    <section aria-labelledby="review-title" className="card border-2 border-brand-700">
      <h2 id="review-title" className="mt-0">
        {t("workspace.onBehalf.reviewTitle")}
      </h2>
      <RuleFindings findings={review.findings as never} />
      <ul className="m-0 mt-3 grid list-none gap-2 p-0">
        {review.dates.map((date) => (
          <li key={date.localStart} className={date.state === "blocked" ? "border-l-4 border-red-700 pl-2" : "pl-3"}>
            <span className="font-bold">
              {formatShortDate(new Date(date.startsAt), timeZone, locale)}{" "}
              {formatTimeRange(new Date(date.startsAt), new Date(date.endsAt), timeZone, locale)}
            </span>{" "}
            · {t(`workspace.onBehalf.state-${date.state}`, { reason: date.skipReason ?? "" })}
            {date.price ? (
              <>
                {" "}
                · <Money cents={date.price.inclCents} />
              </>
            ) : null}
            {date.conflicts.map((conflict) => (
              <span key={`${conflict.reason}-${conflict.other?.bookingId ?? ""}`} className="block text-sm">
                {t(`workspace.conflict.${conflict.reason}`, { reason: conflict.closure?.reason ?? "" })}
                {conflict.other?.title ? ` (${conflict.other.title}, ${conflict.other.organisation ?? ""})` : null}
              </span>
            ))}
            <DateChoice date={date} review={review} choices={choices} timeZone={timeZone} reader="team" />
          </li>
        ))}
      </ul>
      <ExtrasSummary review={review} />
      <p className="mt-3">
        {t("workspace.onBehalf.total")}:{" "}
        <strong>
          <Money cents={review.total.inclCents} />
        </strong>{" "}
        ({t("workspace.onBehalf.vatIncluded")})
      </p>
      {review.depositCents > 0 ? (
        <p>
          {t("extras.review.deposit")}: <Money cents={review.depositCents} />
        </p>
      ) : null}
      <p role="status" className="font-bold">
        {t(`workspace.onBehalf.outcome-${review.outcome}`)}
      </p>
    </section>
  );
}

function OrganisationReview({ review, choices, timeZone }: Props) {
  const t = useT();
  const locale = useLocale();
  const money = (cents: number) => formatMoney(cents, locale);
  const stateText = (date: ReviewDate) => {
    if (date.state === "skipped") return t("booking.review.stateSkipped", { reason: date.skipReason ?? "" });
    if (date.state === "moved") return t("booking.review.stateMoved");
    if (date.state === "bumps") return t("booking.review.stateBumps");
    if (date.state === "ok") return t("booking.review.stateOk");
    return date.conflicts
      .map((conflict) =>
        conflict.reason === "closed"
          ? t("booking.review.closedFor", { reason: conflict.closure?.reason ?? "" })
          : conflict.reason === "outside-opening-hours"
            ? t("booking.review.outsideHours")
            : conflict.other?.title
              ? t("booking.review.taken", { who: `${conflict.other.title} (${conflict.other.organisation})` })
              : t("booking.review.takenAnonymous"),
      )
      .join(" · ");
  };
  const headers: Key[] = [
    "booking.review.date",
    "booking.review.time",
    "booking.review.state",
    "booking.price.perDate",
    ...(review.extras.lines.length > 0 ? (["extras.review.title"] as Key[]) : []),
  ];
  return (
    <section aria-labelledby="review-heading" className="grid gap-4">
      <h2 id="review-heading" className="mt-0">
        {t("booking.review.title")}
      </h2>
      <p>{t("booking.review.intro")}</p>
      <h3>{t("booking.review.rules")}</h3>
      <RuleFindings findings={review.findings} />
      {review.outsideCommunityHours.length > 0 ? (
        <div className="card">
          <p className="m-0 font-bold">{t("booking.review.otherTimes")}</p>
          <ul className="m-0">
            {review.outsideCommunityHours.map((time) => (
              <li key={String(time.startsAt)}>
                {formatShortDate(new Date(time.startsAt), timeZone, locale)},{" "}
                {formatTimeRange(new Date(time.startsAt), new Date(time.endsAt), timeZone, locale)}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <h3>
        {t("booking.review.dates")} ({t("booking.review.dateCount", { count: review.dates.length })})
      </h3>
      <div className="overflow-x-auto">
        <table className="w-full border-collapse text-left">
          <thead>
            <tr className="border-b-2 border-gray-400">
              {headers.map((header) => (
                <th key={header} scope="col" className="p-2">
                  {t(header)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {review.dates.map((date) => (
              <tr key={date.localStart} className="border-b border-gray-200 align-top">
                <td className="p-2">{formatShortDate(new Date(date.startsAt), timeZone, locale)}</td>
                <td className="p-2">
                  {formatTimeRange(new Date(date.startsAt), new Date(date.endsAt), timeZone, locale)}
                </td>
                <td className="p-2">
                  <span className={date.state === "blocked" ? "font-bold text-red-900" : undefined}>
                    {stateText(date)}
                  </span>
                  {date.firmAt && date.state !== "skipped" ? (
                    <span className="block text-muted">
                      {t("booking.review.provisionalUntil", {
                        date: formatShortDate(new Date(date.firmAt), timeZone, locale),
                      })}
                    </span>
                  ) : null}
                  <DateChoice
                    date={date}
                    review={review}
                    choices={choices}
                    timeZone={timeZone}
                    reader="organisation"
                    className="mt-2"
                  />
                </td>
                <td className="p-2">{date.price ? money(date.price.inclCents) : "–"}</td>
                {review.extras.lines.length > 0 ? (
                  <td className="p-2">
                    {review.extras.perDate[date.localStart] !== undefined
                      ? money(review.extras.perDate[date.localStart]!)
                      : "–"}
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <ExtrasSummary review={review} />
      <dl className="card m-0 grid max-w-md grid-cols-[1fr_auto] gap-x-4 gap-y-1">
        <dt>
          {review.extras.lines.length > 0 ? `${t("extras.review.room")}: ` : null}
          {t("booking.price.excl")}
        </dt>
        <dd className="m-0 text-right">{money(review.quote.totalExclCents)}</dd>
        <dt>
          {review.quote.vatBp === null
            ? t("booking.price.vatExempt")
            : t("booking.price.vat", { percent: review.quote.vatBp / 100, amount: "" })}
        </dt>
        <dd className="m-0 text-right">{money(review.quote.totalVatCents)}</dd>
        {review.extras.lines.length > 0 ? (
          <>
            <dt>
              {t("extras.review.extrasTotal")}: {t("booking.price.excl")}
            </dt>
            <dd className="m-0 text-right">{money(review.extras.totalExclCents)}</dd>
            {review.extras.vatByRate.map((rate) => (
              <Fragment key={rate.vatBp}>
                <dt>
                  {t("extras.review.extrasTotal")}: {t("extras.review.vatAt", { percent: rate.vatBp / 100 })}
                </dt>
                <dd className="m-0 text-right">{money(rate.vatCents)}</dd>
              </Fragment>
            ))}
          </>
        ) : null}
        <dt className="font-bold">{t("booking.price.incl")}</dt>
        <dd className="m-0 text-right font-bold">{money(review.total.inclCents)}</dd>
        {review.depositCents > 0 ? (
          <>
            <dt>{t("extras.review.deposit")}</dt>
            <dd className="m-0 text-right">{money(review.depositCents)}</dd>
          </>
        ) : null}
      </dl>
      {review.depositCents > 0 ? <p className="m-0">{t("extras.review.depositNote")}</p> : null}
      <p role="status" className="font-bold">
        {review.outcome === "confirmed"
          ? t("booking.review.outcomeConfirmed")
          : review.outcome === "pending"
            ? t("booking.review.outcomePending")
            : t("booking.review.outcomeRefused")}
      </p>
    </section>
  );
}

/** The extras chosen: what each costs on one date (excl. VAT) and its VAT rate. */
function ExtrasSummary({ review }: { review: ReviewView }) {
  const t = useT();
  const locale = useLocale();
  if (review.extras.lines.length === 0) return null;
  return (
    <div>
      <h3>{t("extras.review.title")}</h3>
      <ul className="m-0">
        {review.extras.lines.map((line) => (
          <li key={line.extraId}>
            {line.name}
            {line.unit === "PER_PERSON" ? ` (${line.quantity}×)` : ""}: {formatMoney(line.exclCents, locale)}{" "}
            {t("extras.review.perDate")} · {t("extras.vat", { percent: line.vatBp / 100 })}
          </li>
        ))}
      </ul>
    </div>
  );
}
