import { randomUUID } from "node:crypto";
import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { requireCentrePermission } from "~/auth/guards.server";
import { RuleFindings } from "~/components/booking";
import { SelectField, SubmissionKey, TextArea, TextField } from "~/components/form-field";
import { FormProblems, Money } from "~/components/workspace";
import { encodeMessage, refusalReply } from "~/lib/messages";
import { db } from "~/db/client.server";
import { DURATIONS, bookingFormSchema, bookingRequestFromForm } from "~/domain/bookings/form";
import { requestBooking, reviewBookingRequest, type BookingReview } from "~/domain/bookings/requests.server";
import { isDomainError } from "~/domain/shared/errors";
import { addOrganisation, listOrganisations } from "~/domain/workspace/organisation-admin.server";
import { listSpaces } from "~/domain/centre/rooms.server";
import { effectiveTier } from "~/domain/rules/tiers";
import { formatShortDate, formatTime, formatTimeRange } from "~/i18n/format";
import { pageTitle } from "~/i18n/meta";
import { useLocale, useT } from "~/i18n/react";
import { dateParam } from "~/lib/workspace-route.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "workspace.onBehalf.title");

const TIERS = ["RESIDENT_INITIATIVE", "ASSOCIATION", "PRIVATE", "COMMERCIAL"] as const;
const optional = (max: number) => z.string().trim().max(max, { error: "booking.errors.text" }).optional().default("");

/** A group that phones or walks in: a phone number or an email address is enough. */
export const newOrganisationSchema = z
  .object({
    intent: z.literal("add-organisation"),
    name: z
      .string({ error: "booking.errors.name" })
      .trim()
      .min(2, { error: "booking.errors.name" })
      .max(120, { error: "booking.errors.name" }),
    tier: z.enum(TIERS, { error: "booking.errors.tier" }),
    contactName: z
      .string({ error: "booking.errors.name" })
      .trim()
      .min(2, { error: "booking.errors.name" })
      .max(120, { error: "booking.errors.name" }),
    contactPhone: z
      .string()
      .trim()
      .regex(/^\+?[0-9 ()-]{8,20}$/, { error: "booking.errors.phone" })
      .optional()
      .or(z.literal("")),
    contactEmail: z.email({ error: "booking.errors.email" }).max(254).optional().or(z.literal("")),
    locale: z.enum(["nl", "en"]).default("nl"),
    billingAddress: optional(300),
  })
  .refine((value) => Boolean(value.contactPhone) || Boolean(value.contactEmail), {
    path: ["contactPhone"],
    error: "workspace.onBehalf.contactNeeded",
  });

/** A manager books for someone else: choose or add the organisation, check the dates, book. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { centre } = await requireCentrePermission(request, params.slug, "bookings.manage");
  const url = new URL(request.url);
  const [organisations, spaces] = await Promise.all([listOrganisations(centre.id), listSpaces(db(), centre.id)]);
  const query = url.searchParams;
  const time = query.get("time");
  return {
    centre: { slug: centre.slug, name: centre.name, timeZone: centre.timeZone },
    organisations: organisations
      .map((organisation) => ({
        id: organisation.id,
        name: organisation.name,
        tier: effectiveTier(organisation, centre.unverifiedTier),
        hasEmail: organisation.contactEmail !== null,
      }))
      .sort((a, b) => a.name.localeCompare(b.name)),
    spaces: spaces.map((space) => ({ id: space.id, name: space.name, capacity: space.capacity })),
    added: query.get("added") === "1",
    defaults: {
      organisationId: query.get("organisationId") ?? "",
      roomId: spaces.some((space) => space.id === query.get("roomId")) ? query.get("roomId")! : (spaces[0]?.id ?? ""),
      date: dateParam(query.get("date")) ?? "",
      time: time && /^\d{2}:\d{2}$/.test(time) ? time : "19:30",
      duration: "120",
      people: "10",
      repeat: "none",
      endBy: "date",
      kind: "PRIVATE",
      submissionKey: randomUUID(),
    },
  };
}

function reviewView(review: BookingReview) {
  return {
    outcome: review.outcome,
    tier: review.tier,
    findings: review.findings.map(({ rule, effect, params }) => ({ rule, effect, params })),
    alternatives: review.alternatives,
    quote: {
      totalExclCents: review.quote.totalExclCents,
      totalVatCents: review.quote.totalVatCents,
      totalInclCents: review.quote.totalInclCents,
    },
    dates: review.dates.map((date) => ({
      localStart: date.localStart,
      startsAt: date.startsAt,
      endsAt: date.endsAt,
      state: date.state,
      skipReason: date.skipReason,
      inclCents: date.price?.inclCents ?? null,
      conflicts: date.conflicts.map((conflict) => ({
        reason: conflict.reason,
        other: conflict.other ?? null,
        closure: conflict.closure ?? null,
      })),
    })),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { centre, user, actor } = await requireCentrePermission(request, params.slug, "bookings.manage");
  const formData = await request.formData();

  if (formData.get("intent") === "add-organisation") {
    const submission = parseWithZod(formData, { schema: newOrganisationSchema });
    if (submission.status !== "success")
      return data(
        { form: "organisation" as const, result: submission.reply(), review: null, choices: {} },
        { status: 400 },
      );
    try {
      const organisation = await addOrganisation(actor, {
        name: submission.value.name,
        tier: submission.value.tier,
        contactName: submission.value.contactName,
        contactPhone: submission.value.contactPhone || null,
        contactEmail: submission.value.contactEmail || null,
        locale: submission.value.locale,
        billingName: null,
        billingAddress: submission.value.billingAddress || null,
        billingPostalCode: null,
        billingCity: null,
        billingEmail: null,
        kvkNumber: null,
        vatNumber: null,
      });
      const keep = new URLSearchParams();
      for (const name of ["roomId", "date", "time"]) {
        const value = formData.get(`keep-${name}`);
        if (typeof value === "string" && value) keep.set(name, value);
      }
      keep.set("organisationId", organisation.id);
      keep.set("added", "1");
      return redirect(`/manage/${centre.slug}/bookings/new?${keep}`);
    } catch (error) {
      if (!isDomainError(error)) throw error;
      return data(
        {
          form: "organisation" as const,
          result: submission.reply(
            refusalReply(error, { "organisation-name-taken": "name", "organisation-contact-missing": "contactPhone" }),
          ),
          review: null,
          choices: {},
        },
        { status: error.status },
      );
    }
  }

  const submission = parseWithZod(formData, { schema: bookingFormSchema });
  const choices = Object.fromEntries(
    [...formData.entries()].filter(([name, value]) => name.startsWith("choice:") && typeof value === "string"),
  ) as Record<string, string>;
  if (submission.status !== "success")
    return data({ form: "booking" as const, result: submission.reply(), review: null, choices }, { status: 400 });
  const input = bookingRequestFromForm(submission.value, formData.entries(), {
    centreId: centre.id,
    actor: { userId: user.id, isManager: true },
    bookedOnBehalf: true,
  });
  try {
    if (formData.get("intent") === "confirm") {
      const { booking } = await requestBooking(input);
      return redirect(`/manage/${centre.slug}/bookings/${booking.id}/confirmation?new=1`);
    }
    return data({
      form: "booking" as const,
      result: submission.reply(),
      review: reviewView(await reviewBookingRequest(input)),
      choices,
    });
  } catch (error) {
    if (!isDomainError(error)) throw error;
    if (error.code === "already-submitted" && typeof error.params.entityId === "string") {
      return redirect(`/manage/${centre.slug}/bookings/${error.params.entityId}/confirmation`);
    }
    if (error.code === "not-found") {
      return data(
        {
          form: "booking" as const,
          result: submission.reply({ fieldErrors: { organisationId: [encodeMessage("booking.errors.organisation")] } }),
          review: null,
          choices,
        },
        { status: 404 },
      );
    }
    return data(
      {
        form: "booking" as const,
        result: submission.reply(
          refusalReply(error, {
            "invalid-duration": "duration",
            "invalid-attendees": "people",
            "invalid-start": "date",
          }),
        ),
        review: null,
        choices,
      },
      { status: error.status },
    );
  }
}

export default function BookOnBehalf() {
  const { centre, organisations, defaults, added } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const [orgForm, orgFields] = useForm<z.input<typeof newOrganisationSchema>>({
    id: "new-organisation",
    lastResult: actionData?.form === "organisation" ? actionData.result : undefined,
    defaultValue: { tier: "RESIDENT_INITIATIVE", locale: "nl" },
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: newOrganisationSchema }),
  });
  return (
    <>
      <h1>{t("workspace.onBehalf.title")}</h1>
      <p>{t("workspace.onBehalf.intro")}</p>
      {added ? (
        <p role="status" className="card border-2 border-brand-700 bg-brand-50 font-bold">
          {t("workspace.onBehalf.added")}
        </p>
      ) : null}

      <details className="card my-4" open={actionData?.form === "organisation" || organisations.length === 0}>
        <summary className="cursor-pointer font-bold text-brand-700">{t("workspace.onBehalf.newOrganisation")}</summary>
        <Form method="post" {...getFormProps(orgForm)} className="mt-3 grid max-w-xl gap-4">
          <input type="hidden" name="intent" value="add-organisation" />
          <input type="hidden" name="keep-roomId" value={defaults.roomId} />
          <input type="hidden" name="keep-date" value={defaults.date} />
          <input type="hidden" name="keep-time" value={defaults.time} />
          <FormProblems id={orgForm.errorId} errors={orgForm.errors} />
          <TextField
            meta={orgFields.name}
            label={t("workspace.organisation.name")}
            hint={t("workspace.organisation.nameHint")}
          />
          <SelectField
            meta={orgFields.tier}
            label={t("workspace.organisation.tier")}
            options={TIERS.map((tier) => ({ value: tier, label: t(`tier.${tier}`) }))}
          />
          <TextField meta={orgFields.contactName} label={t("workspace.organisation.contactName")} autoComplete="off" />
          <TextField
            meta={orgFields.contactPhone}
            label={t("workspace.organisation.phone")}
            type="tel"
            hint={t("workspace.onBehalf.phoneOrEmail")}
            autoComplete="off"
          />
          <TextField
            meta={orgFields.contactEmail}
            label={t("workspace.organisation.emailOptional")}
            type="email"
            autoComplete="off"
          />
          <SelectField
            meta={orgFields.locale}
            label={t("workspace.organisation.language")}
            options={[
              { value: "nl", label: t("language.names.nl") },
              { value: "en", label: t("language.names.en") },
            ]}
          />
          <TextArea meta={orgFields.billingAddress} label={t("workspace.organisation.addressOptional")} rows={2} />
          <div>
            <button type="submit" className="button">
              {t("workspace.onBehalf.addOrganisation")}
            </button>
          </div>
        </Form>
      </details>

      {organisations.length > 0 ? <BookingFormSection key={defaults.organisationId} /> : null}
      <p className="mt-6">
        <Link to={`/manage/${centre.slug}/planner`}>{t("workspace.onBehalf.toPlanner")}</Link>
      </p>
    </>
  );
}

/** The booking form; a new organisation chosen above starts it afresh (the key), so the choice shows. */
function BookingFormSection() {
  const { organisations, spaces, defaults } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const t = useT();
  const [form, fields] = useForm<z.input<typeof bookingFormSchema>>({
    id: "on-behalf",
    lastResult: actionData?.form === "booking" ? actionData.result : undefined,
    defaultValue: defaults,
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: bookingFormSchema }),
  });
  const review = actionData?.form === "booking" ? actionData.review : null;
  const chosen = organisations.find(
    (organisation) => organisation.id === (fields.organisationId.value ?? defaults.organisationId),
  );
  return (
    <Form method="post" {...getFormProps(form)} className="grid gap-4">
      <SubmissionKey meta={fields.submissionKey} />
      <FormProblems id={form.errorId} errors={form.errors} />
      <SelectField
        meta={fields.organisationId}
        label={t("workspace.onBehalf.forWhom")}
        options={[
          { value: "", label: t("workspace.onBehalf.chooseOrganisation") },
          ...organisations.map((organisation) => ({
            value: organisation.id,
            label: `${organisation.name} (${t(`tier.${organisation.tier}`)})`,
          })),
        ]}
      />
      {chosen && !chosen.hasEmail ? <p className="m-0 font-bold">{t("workspace.onBehalf.noEmail")}</p> : null}
      <div className="grid gap-4 md:grid-cols-2">
        <SelectField
          meta={fields.roomId}
          label={t("workspace.form.room")}
          options={spaces.map((space) => ({
            value: space.id,
            label: `${space.name} (${t("workspace.onBehalf.capacity", { count: space.capacity })})`,
          }))}
        />
        <TextField meta={fields.title} label={t("workspace.onBehalf.what")} />
        <TextField meta={fields.date} label={t("workspace.form.date")} type="date" />
        <TextField meta={fields.time} label={t("workspace.form.startTime")} type="time" />
        <SelectField
          meta={fields.duration}
          label={t("workspace.form.duration")}
          options={DURATIONS.map((minutes) => ({
            value: String(minutes),
            label: t("workspace.form.minutes", { minutes }),
          }))}
        />
        <TextField
          meta={fields.people}
          label={t("workspace.onBehalf.people")}
          type="number"
          min={1}
          inputMode="numeric"
        />
        <SelectField
          meta={fields.repeat}
          label={t("workspace.change.repeat")}
          options={(["none", "weekly", "biweekly", "monthly", "monthly-last"] as const).map((repeat) => ({
            value: repeat,
            label: t(`workspace.repeat.${repeat}`),
          }))}
        />
        <SelectField
          meta={fields.endBy}
          label={t("workspace.change.endBy")}
          options={(["date", "count", "open"] as const).map((end) => ({
            value: end,
            label: t(`workspace.endBy.${end}`),
          }))}
        />
        <TextField meta={fields.untilDate} label={t("workspace.change.untilDate")} type="date" />
        <TextField
          meta={fields.count}
          label={t("workspace.change.count")}
          type="number"
          min={2}
          max={200}
          inputMode="numeric"
        />
        <SelectField
          meta={fields.kind}
          label={t("workspace.onBehalf.kind")}
          options={(["PRIVATE", "WALK_IN", "SIGN_UP"] as const).map((kind) => ({
            value: kind,
            label: t(`activityKind.${kind}`),
          }))}
        />
        <TextField
          meta={fields.places}
          label={t("workspace.onBehalf.places")}
          type="number"
          min={1}
          inputMode="numeric"
        />
      </div>
      <TextArea meta={fields.notes} label={t("workspace.onBehalf.notes")} rows={2} />
      {review ? <Review review={review} choices={actionData?.choices ?? {}} /> : null}
      <div className="flex flex-wrap gap-3">
        <button
          type="submit"
          name="intent"
          value="review"
          className={review ? "button-secondary" : "button"}
          disabled={navigation.state === "submitting"}
        >
          {t("workspace.onBehalf.check")}
        </button>
        {review && review.outcome !== "refused" ? (
          <button
            type="submit"
            name="intent"
            value="confirm"
            className="button"
            disabled={navigation.state === "submitting"}
          >
            {t("workspace.onBehalf.book")}
          </button>
        ) : null}
      </div>
    </Form>
  );
}

type ReviewView = ReturnType<typeof reviewView>;

function Review({ review, choices }: { review: ReviewView; choices: Record<string, string> }) {
  const { centre } = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  const tz = centre.timeZone;
  return (
    <section aria-labelledby="review-title" className="card border-2 border-brand-700">
      <h2 id="review-title" className="mt-0">
        {t("workspace.onBehalf.reviewTitle")}
      </h2>
      <RuleFindings findings={review.findings as never} />
      <ul className="m-0 mt-3 grid list-none gap-2 p-0">
        {review.dates.map((date) => {
          const name = `choice:${date.localStart}`;
          const rooms = review.alternatives.rooms.filter((room) => room.freeOn.includes(date.localStart));
          const times = review.alternatives.times.filter((time) => time.localStart === date.localStart);
          return (
            <li key={date.localStart} className={date.state === "blocked" ? "border-l-4 border-red-700 pl-2" : "pl-3"}>
              <span className="font-bold">
                {formatShortDate(new Date(date.startsAt), tz, locale)}{" "}
                {formatTimeRange(new Date(date.startsAt), new Date(date.endsAt), tz, locale)}
              </span>{" "}
              · {t(`workspace.onBehalf.state-${date.state}`, { reason: date.skipReason ?? "" })}
              {date.inclCents !== null ? (
                <>
                  {" "}
                  · <Money cents={date.inclCents} />
                </>
              ) : null}
              {date.conflicts.map((conflict) => (
                <span key={`${conflict.reason}-${conflict.other?.bookingId ?? ""}`} className="block text-sm">
                  {t(`workspace.conflict.${conflict.reason}`, { reason: conflict.closure?.reason ?? "" })}
                  {conflict.other?.title ? ` (${conflict.other.title}, ${conflict.other.organisation ?? ""})` : null}
                </span>
              ))}
              {date.state === "blocked" ? (
                <fieldset className="mt-1">
                  <legend className="font-bold">{t("workspace.onBehalf.options")}</legend>
                  <label className="flex min-h-11 items-center gap-2">
                    <input
                      type="radio"
                      name={name}
                      value="skip"
                      defaultChecked={choices[name] === "skip"}
                      className="h-5 w-5"
                    />
                    {t("workspace.onBehalf.optionSkip")}
                  </label>
                  {rooms.map((room) => (
                    <label key={room.roomId} className="flex min-h-11 items-center gap-2">
                      <input
                        type="radio"
                        name={name}
                        value={`room:${room.roomId}`}
                        defaultChecked={choices[name] === `room:${room.roomId}`}
                        className="h-5 w-5"
                      />
                      {t("workspace.onBehalf.optionRoom", { room: room.name })}
                    </label>
                  ))}
                  {times.map((time) => {
                    const value = `time:${new Date(time.startsAt).toISOString()}`;
                    return (
                      <label key={value} className="flex min-h-11 items-center gap-2">
                        <input
                          type="radio"
                          name={name}
                          value={value}
                          defaultChecked={choices[name] === value}
                          className="h-5 w-5"
                        />
                        {t("workspace.onBehalf.optionTime", { time: formatTime(new Date(time.startsAt), tz, locale) })}
                      </label>
                    );
                  })}
                </fieldset>
              ) : choices[name] ? (
                <input type="hidden" name={name} value={choices[name]} />
              ) : null}
            </li>
          );
        })}
      </ul>
      <p className="mt-3">
        {t("workspace.onBehalf.total")}:{" "}
        <strong>
          <Money cents={review.quote.totalInclCents} />
        </strong>{" "}
        ({t("workspace.onBehalf.vatIncluded")})
      </p>
      <p role="status" className="font-bold">
        {t(`workspace.onBehalf.outcome-${review.outcome}`)}
      </p>
    </section>
  );
}
