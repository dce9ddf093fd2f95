import { RESIDENT_REFUSALS } from "~/lib/messages";
import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { ContactFields, ResidentFormErrors } from "~/components/agenda";
import { SelectField, SubmissionKey, TextArea } from "~/components/form-field";
import { findPublicActivity, findPublicCentre, upcomingDates } from "~/domain/residents/agenda.server";
import { requestCompanion } from "~/domain/residents/companions.server";
import { companionSchema } from "~/domain/residents/forms";
import { formatDayTimeRange } from "~/i18n/format";
import { getLocale } from "~/i18n/locale.server";
import { pageTitle } from "~/i18n/meta";
import { useLocale, useT } from "~/i18n/react";
import { clock } from "~/lib/clock";
import { clientAddress, retryAfterHeaders } from "~/lib/rate-limits.server";
import { answerForm, newSubmissionKey } from "~/lib/form-action.server";

export const headers = retryAfterHeaders;

export const meta: MetaFunction<typeof loader> = ({ data: loaded, matches }) =>
  pageTitle(matches, loaded ? "agenda.companion.heading" : "errors.notFoundTitle", {
    title: loaded?.activity.title ?? "",
  });

async function load(params: LoaderFunctionArgs["params"]) {
  const centre = await findPublicCentre(params.slug ?? "");
  const activity = centre ? await findPublicActivity(centre.id, params.activityId ?? "") : null;
  if (!centre || !activity || activity.cancelled) throw new Response("Not found", { status: 404 });
  return { centre, activity };
}

/** "Ik wil de eerste keer graag samen met iemand gaan": the request form and its thank-you. */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { centre, activity } = await load(params);
  const now = clock.now();
  const dates = await upcomingDates(centre.id, activity.id, now);
  const sent = new URL(request.url).searchParams.get("sent");
  return {
    centre: { slug: centre.slug, name: centre.name, timeZone: centre.timeZone },
    activity: { id: activity.id, title: activity.title },
    dates: dates
      .filter((date) => !date.cancelled && date.startsAt > now)
      .map((date) => ({ occurrenceId: date.occurrenceId, startsAt: date.startsAt, endsAt: date.endsAt })),
    sent: sent === "email" || sent === "phone" ? sent : null,
    submissionKey: newSubmissionKey(context),
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { centre, activity } = await load(params);
  const sent = (email: string | undefined) =>
    redirect(`/centres/${centre.slug}/activities/${activity.id}/companion?sent=${email ? "email" : "phone"}`);
  return answerForm(await request.formData(), {
    schema: companionSchema,
    limits: () => [{ limit: "companionPerClient", key: clientAddress(context) }],
    work: async ({ submissionKey, ...answers }) =>
      requestCompanion(
        {
          centreId: centre.id,
          activityId: activity.id,
          ...answers,
          occurrenceId: answers.occurrenceId ?? null,
          locale: await getLocale(request),
        },
        clock.now(),
        { key: submissionKey, centreId: centre.id, kind: "companion-request" },
      ),
    done: (_asked, { email }) => sent(email),
    // The same form sent twice: the first one asked already.
    again: (_first, { email }) => sent(email),
    words: RESIDENT_REFUSALS,
  });
}

export default function CompanionPage() {
  const { centre, activity, dates, sent, submissionKey } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const t = useT();
  const locale = useLocale();
  const [form, fields] = useForm({
    lastResult,
    defaultValue: { submissionKey },
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: companionSchema }),
  });
  const activityPath = `/centres/${centre.slug}/activities/${activity.id}`;

  if (sent) {
    return (
      <>
        <h1>{t("agenda.companion.sentTitle")}</h1>
        <p role="status" className="card bg-brand-50">
          {t("agenda.companion.sent")}{" "}
          {sent === "email" ? t("agenda.companion.sentEmail") : t("agenda.companion.sentPhone")}
        </p>
        <p>
          <Link to={activityPath}>{t("agenda.companion.back", { title: activity.title })}</Link>
        </p>
      </>
    );
  }

  return (
    <>
      <p className="mt-0">
        <Link to={activityPath}>{t("agenda.companion.back", { title: activity.title })}</Link>
      </p>
      <h1>{t("agenda.companion.heading", { title: activity.title })}</h1>
      <p>{t("agenda.companion.intro", { title: activity.title, centre: centre.name })}</p>
      <Form method="post" {...getFormProps(form)} className="grid max-w-xl gap-5">
        <ResidentFormErrors id={form.errorId} errors={form.errors} />
        <SubmissionKey meta={fields.submissionKey} />
        <SelectField
          meta={fields.occurrenceId}
          label={t("agenda.companion.date")}
          options={[
            { value: "", label: t("agenda.companion.dateUnknown") },
            ...dates.map((date) => ({
              value: date.occurrenceId,
              label: formatDayTimeRange(new Date(date.startsAt), new Date(date.endsAt), centre.timeZone, locale),
            })),
          ]}
        />
        <ContactFields fields={fields} />
        <TextArea meta={fields.message} label={t("agenda.companion.message")} rows={4} />
        <div className="flex flex-wrap items-center gap-4">
          <button type="submit" className="button">
            {t("agenda.companion.submit")}
          </button>
          <Link to="/privacy">{t("agenda.signup.privacy")}</Link>
        </div>
      </Form>
    </>
  );
}
