import { randomUUID } from "node:crypto";
import { getCollectionProps, getFormProps, getInputProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { requireUser } from "~/auth/guards.server";
import { ResidentFormErrors } from "~/components/agenda";
import { DomainErrorMessage, RuleFindings, repeatLabel } from "~/components/booking";
import { SelectField, SubmissionKey, TextArea, TextField } from "~/components/form-field";
import { db } from "~/db/client.server";
import { AUDIENCES, DURATIONS, REGIONS, bookingFormSchema, bookingRequestFromForm } from "~/domain/bookings/form";
import { requestBooking, reviewBookingRequest, type BookingReview } from "~/domain/bookings/requests.server";
import { findCentreBySlug } from "~/domain/centre/centres.server";
import { isDomainError } from "~/domain/shared/errors";
import { organisationsOfUser, requireOwnOrganisation } from "~/domain/workspace/organisations.server";
import { listSpaces } from "~/domain/centre/rooms.server";
import { isoWeekday, parseLocalDate } from "~/domain/time/time-zone";
import { effectiveTier } from "~/domain/rules/tiers";
import { formatMoney, formatShortDate, formatTime, formatTimeRange } from "~/i18n/format";
import { pageTitle } from "~/i18n/meta";
import { useLocale, useT } from "~/i18n/react";
import type { Key } from "~/i18n/translate";
import type { z } from "zod";
import { clock } from "~/lib/clock";
import { consumeRateLimits, tooManyInit, tooManyReply, retryAfterHeaders } from "~/lib/rate-limits.server";

export const headers = retryAfterHeaders;

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "booking.search.title");

async function centreFor(slug: string | undefined) {
  const centre = await findCentreBySlug(slug ?? "");
  if (!centre) throw new Response("Not found", { status: 404 });
  return centre;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const centre = await centreFor(params.slug);
  const user = await requireUser(request);
  const url = new URL(request.url);
  const [organisations, spaces] = await Promise.all([
    organisationsOfUser(centre.id, user.id),
    listSpaces(db(), centre.id),
  ]);
  const query = Object.fromEntries(url.searchParams);
  return {
    centre: { slug: centre.slug, name: centre.name, timeZone: centre.timeZone },
    organisations: organisations.map((organisation) => ({
      id: organisation.id,
      name: organisation.name,
      tier: effectiveTier(organisation, centre.unverifiedTier),
    })),
    spaces: spaces.map((space) => ({ id: space.id, name: space.name, capacity: space.capacity })),
    defaults: {
      roomId: query.roomId ?? spaces[0]?.id ?? "",
      organisationId: organisations[0]?.id ?? "",
      date: query.date ?? "",
      time: query.time ?? "19:30",
      duration: query.duration ?? "120",
      people: query.people ?? "10",
      repeat: query.repeat ?? "none",
      endBy: query.endBy && query.endBy !== "open" ? query.endBy : "date",
      untilDate: query.untilDate ?? "",
      count: query.count ?? "",
      kind: "PRIVATE",
      submissionKey: randomUUID(),
    },
  };
}

/** What the page may show of a review (nothing internal, such as who holds a clashing date). */
function reviewView(review: BookingReview) {
  return {
    tier: review.tier,
    outcome: review.outcome,
    space: review.space,
    quote: {
      totalExclCents: review.quote.totalExclCents,
      totalVatCents: review.quote.totalVatCents,
      totalInclCents: review.quote.totalInclCents,
      vatBp: review.quote.vatBp,
      hourlyCents: review.quote.hourlyCents,
    },
    findings: review.findings.map(({ rule, effect, params }) => ({ rule, effect, params })),
    alternatives: review.alternatives,
    outsideCommunityHours: review.outsideCommunityHours,
    dates: review.dates.map((date) => ({
      localStart: date.localStart,
      startsAt: date.startsAt,
      endsAt: date.endsAt,
      roomId: date.roomId,
      state: date.state,
      skipReason: date.skipReason,
      // only a date that is still provisional says until when
      firmAt: date.firmAt && date.firmAt > clock.now() ? date.firmAt : null,
      price: date.price
        ? {
            exclCents: date.price.exclCents,
            inclCents: date.price.inclCents,
            freeMinutes: date.price.freeMinutes,
            basis: date.price.basis,
          }
        : null,
      conflicts: date.conflicts.map((conflict) => ({
        reason: conflict.reason,
        other: conflict.other ?? null,
        closure: conflict.closure ?? null,
      })),
    })),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const centre = await centreFor(params.slug);
  const user = await requireUser(request);
  const formData = await request.formData();
  const submission = parseWithZod(formData, { schema: bookingFormSchema });
  const choices = Object.fromEntries(
    [...formData.entries()].filter(([name, value]) => name.startsWith("choice:") && typeof value === "string"),
  ) as Record<string, string>;
  if (submission.status !== "success") return { lastResult: submission.reply(), review: null, error: null, choices };
  const form = submission.value;
  await requireOwnOrganisation(centre.id, user.id, form.organisationId);
  const input = bookingRequestFromForm(form, formData.entries(), {
    centreId: centre.id,
    actor: { userId: user.id, isManager: false },
  });
  try {
    if (formData.get("intent") === "confirm") {
      // Only sending counts (the reviews before it are free), per person.
      const refusal = await consumeRateLimits([{ limit: "bookingRequestPerUser", key: user.id }]);
      if (refusal)
        return data(
          { lastResult: submission.reply(tooManyReply(refusal)), review: null, error: null, choices },
          tooManyInit(refusal),
        );
      const { booking, review } = await requestBooking(input);
      return redirect(`/centres/${centre.slug}/my-bookings?booked=${booking.id}&outcome=${review.outcome}`);
    }
    return {
      lastResult: submission.reply(),
      review: reviewView(await reviewBookingRequest(input)),
      error: null,
      choices,
    };
  } catch (error) {
    if (isDomainError(error) && error.code === "already-submitted" && typeof error.params.entityId === "string") {
      return redirect(`/centres/${centre.slug}/my-bookings?booked=${error.params.entityId}`);
    }
    if (isDomainError(error) && error.status !== 404) {
      return {
        lastResult: submission.reply(),
        review: null,
        error: { code: error.code, params: error.params },
        choices,
      };
    }
    throw error;
  }
}

export default function BookRoom() {
  const { centre, organisations, spaces, defaults } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const t = useT();
  const locale = useLocale();
  const [form, fields] = useForm<z.input<typeof bookingFormSchema>>({
    lastResult: result?.lastResult,
    defaultValue: defaults,
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: bookingFormSchema }),
  });
  const room = spaces.find((space) => space.id === (fields.roomId.value ?? defaults.roomId)) ?? spaces[0];
  const firstDate = parseLocalDate(String(fields.date.value ?? defaults.date));
  const weekday = firstDate ? isoWeekday(firstDate) : 1;

  if (organisations.length === 0) {
    return (
      <>
        <h1>{t("booking.form.title", { room: room?.name ?? "" })}</h1>
        <p>{t("booking.search.signInToBook")}</p>
        <p>
          <Link className="button" to={`/centres/${centre.slug}/register`}>
            {t("booking.search.registerLink")}
          </Link>
        </p>
      </>
    );
  }

  const review = result?.review;

  return (
    <>
      <h1>{t("booking.form.title", { room: room?.name ?? "" })}</h1>
      <p>
        <Link to={`/centres/${centre.slug}/book`}>{t("booking.form.back")}</Link>
      </p>
      <DomainErrorMessage error={result?.error} />
      <Form method="post" {...getFormProps(form)} className="grid gap-6">
        <ResidentFormErrors id={form.errorId} errors={form.errors} />
        <SubmissionKey meta={fields.submissionKey} />
        <fieldset className="grid gap-4 md:grid-cols-2">
          <legend className="sr-only">{t("booking.form.title", { room: room?.name ?? "" })}</legend>
          <SelectField
            meta={fields.organisationId}
            label={t("booking.form.organisation")}
            options={organisations.map((organisation) => ({ value: organisation.id, label: organisation.name }))}
          />
          <SelectField
            meta={fields.roomId}
            label={t("manage.room")}
            options={spaces.map((space) => ({
              value: space.id,
              label: `${space.name} (${t("booking.search.capacity", { count: space.capacity })})`,
            }))}
          />
          <TextField meta={fields.title} label={t("booking.form.activityTitle")} className="md:col-span-2" />
          <TextField meta={fields.date} label={t("booking.form.date")} type="date" />
          <TextField meta={fields.time} label={t("booking.form.time")} type="time" />
          <SelectField
            meta={fields.duration}
            label={t("booking.form.duration")}
            options={DURATIONS.map((minutes) => ({
              value: String(minutes),
              label: t("booking.search.durationOption", { minutes }),
            }))}
          />
          <TextField meta={fields.people} label={t("booking.form.people")} type="number" min={1} inputMode="numeric" />
        </fieldset>

        <fieldset className="grid gap-3">
          <legend className="field-label">{t("booking.form.repeat")}</legend>
          {(["none", "weekly", "biweekly", "monthly"] as const).map((repeat) => (
            <label key={repeat} className="flex min-h-11 items-center gap-2">
              <input
                type="radio"
                name={fields.repeat.name}
                value={repeat}
                defaultChecked={(fields.repeat.initialValue ?? "none") === repeat}
                className="h-5 w-5"
              />
              {t(repeatLabel(repeat))}
            </label>
          ))}
          <label className="flex min-h-11 items-center gap-2">
            <input
              type="radio"
              name={fields.repeat.name}
              value="monthly-last"
              defaultChecked={fields.repeat.initialValue === "monthly-last"}
              className="h-5 w-5"
            />
            {t("booking.form.repeatMonthlyLast", { weekday: t("booking.weekday", { weekday }) })}
          </label>
          <div className="grid gap-3 md:grid-cols-3">
            <SelectField
              meta={fields.endBy}
              label={t("booking.form.endBy")}
              options={[
                { value: "date", label: t("booking.form.endByDate") },
                { value: "count", label: t("booking.form.endByCount") },
                { value: "open", label: t("booking.form.endByOpen") },
              ]}
            />
            <TextField meta={fields.untilDate} label={t("booking.form.untilDate")} type="date" />
            <TextField meta={fields.count} label={t("booking.form.count")} type="number" min={2} max={200} />
          </div>
          <label className="flex min-h-11 items-center gap-2">
            <input {...getInputProps(fields.skipPublicHolidays, { type: "checkbox" })} className="h-5 w-5" />
            {t("booking.form.skipPublicHolidays")}
          </label>
          <SelectField
            meta={fields.skipSchoolHolidays}
            label={t("booking.form.skipSchoolHolidays")}
            className="md:w-1/3"
            options={[
              { value: "", label: t("booking.form.regionNone") },
              ...REGIONS.map((region) => ({ value: region, label: t("booking.form.region", { region }) })),
            ]}
          />
        </fieldset>

        <fieldset className="grid gap-3">
          <legend className="field-label">{t("booking.form.public")}</legend>
          {(["PRIVATE", "WALK_IN", "SIGN_UP"] as const).map((kind) => (
            <label key={kind} className="flex min-h-11 items-center gap-2">
              <input
                type="radio"
                name={fields.kind.name}
                value={kind}
                defaultChecked={(fields.kind.initialValue ?? "PRIVATE") === kind}
                className="h-5 w-5"
              />
              {t(
                kind === "PRIVATE"
                  ? "booking.form.kindPrivate"
                  : kind === "WALK_IN"
                    ? "booking.form.kindWalkIn"
                    : "booking.form.kindSignUp",
              )}
            </label>
          ))}
          <div className="grid gap-3 md:grid-cols-2">
            <TextField meta={fields.publicTitle} label={t("booking.form.publicTitle")} />
            <TextField meta={fields.places} label={t("booking.form.placesForSignUp")} type="number" min={1} />
            <TextArea meta={fields.description} label={t("booking.form.description")} className="md:col-span-2" />
            <fieldset className="md:col-span-2">
              <legend className="field-label">{t("booking.form.audience")}</legend>
              <div className="flex flex-wrap gap-4">
                {getCollectionProps(fields.audiences, { type: "checkbox", options: AUDIENCES }).map(
                  ({ key, ...props }) => (
                    <label key={key} className="flex min-h-11 items-center gap-2">
                      <input {...props} className="h-5 w-5" />
                      {t(`audience.${props.value}` as Key)}
                    </label>
                  ),
                )}
              </div>
            </fieldset>
            <TextField meta={fields.participantPrice} label={t("booking.form.participantPrice")} inputMode="decimal" />
            <TextField meta={fields.accessibilityNotes} label={t("booking.form.accessibilityNotes")} />
          </div>
          <TextArea meta={fields.notes} label={t("booking.form.notes")} rows={2} />
        </fieldset>

        {review ? (
          <ReviewSection review={review} choices={result?.choices ?? {}} timeZone={centre.timeZone} locale={locale} />
        ) : null}

        <div className="flex flex-wrap gap-3">
          <button
            type="submit"
            name="intent"
            value="review"
            className={review ? "button-secondary" : "button"}
            disabled={navigation.state === "submitting"}
          >
            {review ? t("booking.review.recheck") : t("booking.form.preview")}
          </button>
          {review && review.outcome !== "refused" ? (
            <button
              type="submit"
              name="intent"
              value="confirm"
              className="button"
              disabled={navigation.state === "submitting"}
            >
              {review.outcome === "pending" ? t("booking.review.confirmRequest") : t("booking.review.confirm")}
            </button>
          ) : null}
        </div>
      </Form>
    </>
  );
}

type ReviewView = ReturnType<typeof reviewView>;

function ReviewSection({
  review,
  choices,
  timeZone,
  locale,
}: {
  review: ReviewView;
  choices: Record<string, string>;
  timeZone: string;
  locale: "nl" | "en";
}) {
  const t = useT();
  const money = (cents: number) => formatMoney(cents, locale);
  const stateText = (date: ReviewView["dates"][number]) => {
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
              <th scope="col" className="p-2">
                {t("booking.review.date")}
              </th>
              <th scope="col" className="p-2">
                {t("booking.review.time")}
              </th>
              <th scope="col" className="p-2">
                {t("booking.review.state")}
              </th>
              <th scope="col" className="p-2">
                {t("booking.price.perDate")}
              </th>
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
                  {date.state === "blocked" ? (
                    <DateOptions
                      date={date}
                      review={review}
                      chosen={choices[`choice:${date.localStart}`]}
                      timeZone={timeZone}
                      locale={locale}
                    />
                  ) : choices[`choice:${date.localStart}`] ? (
                    // a choice made earlier for this date stays part of the request
                    <input
                      type="hidden"
                      name={`choice:${date.localStart}`}
                      value={choices[`choice:${date.localStart}`]}
                    />
                  ) : null}
                </td>
                <td className="p-2">{date.price ? money(date.price.inclCents) : "–"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <dl className="card m-0 grid max-w-md grid-cols-[1fr_auto] gap-x-4 gap-y-1">
        <dt>{t("booking.price.excl")}</dt>
        <dd className="m-0 text-right">{money(review.quote.totalExclCents)}</dd>
        <dt>
          {review.quote.vatBp === null
            ? t("booking.price.vatExempt")
            : t("booking.price.vat", { percent: review.quote.vatBp / 100, amount: "" })}
        </dt>
        <dd className="m-0 text-right">{money(review.quote.totalVatCents)}</dd>
        <dt className="font-bold">{t("booking.price.incl")}</dt>
        <dd className="m-0 text-right font-bold">{money(review.quote.totalInclCents)}</dd>
      </dl>
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

/** For a clashing date: skip it, another room that is free then, or the nearest free time. */
function DateOptions({
  date,
  review,
  chosen,
  timeZone,
  locale,
}: {
  date: ReviewView["dates"][number];
  review: ReviewView;
  chosen?: string;
  timeZone: string;
  locale: "nl" | "en";
}) {
  const t = useT();
  const rooms = review.alternatives.rooms.filter((room) => room.freeOn.includes(date.localStart));
  const times = review.alternatives.times.filter((time) => time.localStart === date.localStart);
  const name = `choice:${date.localStart}`;
  return (
    <fieldset className="mt-2">
      <legend className="font-bold">{t("booking.review.options")}</legend>
      <label className="flex min-h-11 items-center gap-2">
        <input type="radio" name={name} value="skip" defaultChecked={chosen === "skip"} className="h-5 w-5" />
        {t("booking.review.optionSkip")}
      </label>
      {rooms.map((room) => (
        <label key={room.roomId} className="flex min-h-11 items-center gap-2">
          <input
            type="radio"
            name={name}
            value={`room:${room.roomId}`}
            defaultChecked={chosen === `room:${room.roomId}`}
            className="h-5 w-5"
          />
          {t("booking.review.optionRoom", { room: room.name })}
        </label>
      ))}
      {times.map((time) => (
        <label key={String(time.startsAt)} className="flex min-h-11 items-center gap-2">
          <input
            type="radio"
            name={name}
            value={`time:${new Date(time.startsAt).toISOString()}`}
            defaultChecked={chosen === `time:${new Date(time.startsAt).toISOString()}`}
            className="h-5 w-5"
          />
          {t("booking.review.optionTime", { time: formatTime(new Date(time.startsAt), timeZone, locale) })}
        </label>
      ))}
    </fieldset>
  );
}
