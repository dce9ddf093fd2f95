import { RESIDENT_REFUSALS } from "~/lib/messages";
import { randomUUID } from "node:crypto";
import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import {
  CancelledBadge,
  ContactFields,
  PlacesLeft,
  ResidentFormErrors,
  priceText,
  scheduleWords,
} from "~/components/agenda";
import { CentreDetails } from "~/components/centre-details";
import { FieldError, SubmissionKey } from "~/components/form-field";
import { publicCentreDetails } from "~/domain/residents/agenda";
import { findPublicActivity, findPublicCentre, upcomingDates } from "~/domain/residents/agenda.server";
import { emailKey, phoneKey, signupSchema } from "~/domain/residents/forms";
import { signUp, signupPath } from "~/domain/residents/signups.server";
import { formatDayTimeRange } from "~/i18n/format";
import { getLocale } from "~/i18n/locale.server";
import { pageTitle } from "~/i18n/meta";
import { useLocale, useT } from "~/i18n/react";
import { clock } from "~/lib/clock";
import { clientAddress, retryAfterHeaders } from "~/lib/rate-limits.server";
import { answerForm } from "~/lib/form-action.server";

export const headers = retryAfterHeaders;

export const meta: MetaFunction<typeof loader> = ({ data: loaded, matches }) =>
  loaded
    ? pageTitle(matches, "agenda.activity.pageTitle", { title: loaded.activity.title, centre: loaded.centre.name })
    : pageTitle(matches, "errors.notFoundTitle");

async function load(params: LoaderFunctionArgs["params"]) {
  const centre = await findPublicCentre(params.slug ?? "");
  const activity = centre ? await findPublicActivity(centre.id, params.activityId ?? "") : null;
  if (!centre || !activity) throw new Response("Not found", { status: 404 });
  return { centre, activity };
}

/** One activity: what, when, where, price, organiser, access; its next dates; sign up or just walk in. */
export async function loader({ params }: LoaderFunctionArgs) {
  const { centre, activity } = await load(params);
  const now = clock.now();
  const dates = await upcomingDates(centre.id, activity.id, now);
  return {
    centre: { ...publicCentreDetails(centre), timeZone: centre.timeZone },
    activity,
    dates: dates.map((date) => ({
      occurrenceId: date.occurrenceId,
      startsAt: date.startsAt,
      endsAt: date.endsAt,
      cancelled: date.cancelled,
      placesLeft: date.placesLeft,
      open: !date.cancelled && date.startsAt > now,
    })),
    submissionKey: randomUUID(),
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { centre, activity } = await load(params);
  const signedUp = async (signupId: string) => redirect(`${await signupPath(centre.slug, signupId)}?new=1`);
  return answerForm(await request.formData(), {
    schema: signupSchema,
    limits: ({ email, phone }) => [
      { limit: "signupPerClient", key: clientAddress(request, context) },
      { limit: "signupPerContact", key: email ? emailKey(email) : phoneKey(phone ?? "") },
    ],
    work: async ({ submissionKey, ...answers }) =>
      signUp(
        { centreId: centre.id, activityId: activity.id, ...answers, locale: await getLocale(request) },
        clock.now(),
        { key: submissionKey, centreId: centre.id, kind: "signup" },
      ),
    done: (result) => signedUp(result.id),
    // The same form sent twice: the first one signed the person up; show that.
    again: (signupId) => (signupId ? signedUp(signupId) : undefined),
    words: RESIDENT_REFUSALS,
  });
}

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
        <dd className="m-0 mb-2 sm:mb-0">{priceText(activity.priceCents, t, locale)}</dd>
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

function SignupForm({
  dates,
  sayDate,
  submissionKey,
}: {
  dates: {
    occurrenceId: string;
    startsAt: Date | string;
    endsAt: Date | string;
    placesLeft: number | null;
    open: boolean;
  }[];
  sayDate: (date: { startsAt: Date | string; endsAt: Date | string }) => string;
  submissionKey: string;
}) {
  const t = useT();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm({
    lastResult,
    defaultValue: { submissionKey },
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: signupSchema }),
  });
  const open = dates.filter((date) => date.open);
  const chosen = fields.occurrenceId.initialValue ?? (open.length === 1 ? open[0]!.occurrenceId : undefined);

  return (
    <section aria-labelledby="signup" className="mt-6">
      <h2 id="signup">{t("agenda.signup.title")}</h2>
      {open.length === 0 ? (
        <p>{t("agenda.signup.noOpenDates")}</p>
      ) : (
        <Form method="post" {...getFormProps(form)} className="grid max-w-xl gap-5">
          <p className="m-0">{t("agenda.signup.intro")}</p>
          <ResidentFormErrors id={form.errorId} errors={form.errors} />
          <SubmissionKey meta={fields.submissionKey} />
          <fieldset
            className="m-0 border-0 p-0"
            aria-invalid={fields.occurrenceId.errors ? true : undefined}
            aria-describedby={fields.occurrenceId.errors ? fields.occurrenceId.errorId : undefined}
          >
            <legend className="field-label">{t("agenda.signup.date")}</legend>
            {open.map((date, index) => (
              <label key={date.occurrenceId} className="flex min-h-11 items-center gap-3">
                <input
                  type="radio"
                  name={fields.occurrenceId.name}
                  id={`${fields.occurrenceId.id}-${index}`}
                  value={date.occurrenceId}
                  defaultChecked={chosen === date.occurrenceId}
                  className="h-6 w-6 shrink-0 accent-brand-700"
                />
                <span>
                  <span className="inline-block first-letter:uppercase">{sayDate(date)}</span>{" "}
                  <span className="text-muted">
                    ({t("agenda.signup.optionPlaces", { count: date.placesLeft ?? 0 })})
                  </span>
                </span>
              </label>
            ))}
            <FieldError id={fields.occurrenceId.errorId} errors={fields.occurrenceId.errors} />
          </fieldset>
          <ContactFields fields={fields} />
          <div className="flex flex-wrap items-center gap-4">
            <button type="submit" className="button">
              {t("agenda.signup.submit")}
            </button>
            <Link to="/privacy">{t("agenda.signup.privacy")}</Link>
          </div>
        </Form>
      )}
    </section>
  );
}
