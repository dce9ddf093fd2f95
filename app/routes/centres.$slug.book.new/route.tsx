import { getFormProps, useForm } from "@conform-to/react";
import { newSubmissionKey } from "~/lib/form-action.server";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import type { z } from "zod";
import { requireUser } from "~/auth/guards.server";
import { ResidentFormErrors } from "~/components/agenda";
import { BookingReview } from "~/components/booking-review";
import { SelectField, SubmissionKey, TextField } from "~/components/form-field";
import { db } from "~/db/client.server";
import { DURATIONS, bookingFormSchema } from "~/domain/bookings/form";
import { findCentreBySlug } from "~/domain/centre/centres.server";
import { extrasOnOffer } from "~/domain/money/extras.server";
import { ExtrasFieldset } from "~/components/extras-fieldset";
import { listSpaces } from "~/domain/centre/rooms.server";
import { effectiveTier } from "~/domain/rules/tiers";
import { isoWeekday, parseLocalDate } from "~/domain/time/time-zone";
import { organisationsOfUser } from "~/domain/workspace/organisations.server";
import { pageTitle } from "~/i18n/meta";
import { useT } from "~/i18n/react";
import { retryAfterHeaders } from "~/lib/rate-limits.server";
import { answerBookingRequest } from "./answers.server";
import { PublicFieldset, RepeatFieldset } from "./fields";

export const headers = retryAfterHeaders;

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "booking.search.title");

async function centreFor(slug: string | undefined) {
  const centre = await findCentreBySlug(slug ?? "");
  if (!centre) throw new Response("Not found", { status: 404 });
  return centre;
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const centre = await centreFor(params.slug);
  const user = await requireUser(request);
  const url = new URL(request.url);
  const [organisations, spaces, extras] = await Promise.all([
    organisationsOfUser(centre.id, user.id),
    listSpaces(db(), centre.id),
    extrasOnOffer(centre.id),
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
    extras,
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
      submissionKey: newSubmissionKey(context),
    },
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const centre = await centreFor(params.slug);
  const user = await requireUser(request);
  return answerBookingRequest(centre, user.id, await request.formData());
}

export default function BookRoom() {
  const { centre, organisations, spaces, extras, defaults } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  // a step answers with the form and its review; a refused form comes back as it was sent
  const step = answer && "review" in answer ? answer : null;
  const navigation = useNavigation();
  const t = useT();
  const [form, fields] = useForm<z.input<typeof bookingFormSchema>>({
    lastResult: step ? step.lastResult : answer,
    defaultValue: defaults,
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: bookingFormSchema }),
  });
  const organisation = organisations.find(
    (candidate) => candidate.id === (fields.organisationId.value ?? defaults.organisationId),
  );
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

  const review = step?.review;

  return (
    <>
      <h1>{t("booking.form.title", { room: room?.name ?? "" })}</h1>
      <p>
        <Link to={`/centres/${centre.slug}/book`}>{t("booking.form.back")}</Link>
      </p>
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

        <RepeatFieldset fields={fields} weekday={weekday} />
        <ExtrasFieldset meta={fields.extraIds} extras={extras} tier={organisation?.tier} />
        <PublicFieldset fields={fields} />

        {review ? (
          <BookingReview
            review={review}
            choices={step?.choices ?? {}}
            timeZone={centre.timeZone}
            reader="organisation"
          />
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
