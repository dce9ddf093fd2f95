import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Form, useNavigation } from "@remix-run/react";
import type { z } from "zod";
import { BookingReview } from "~/components/booking-review";
import { ExtrasFieldset, type OfferedExtra } from "~/components/extras-fieldset";
import { SelectField, SubmissionKey, TextArea, TextField } from "~/components/form-field";
import { FormProblems } from "~/components/workspace";
import { DURATIONS, REPEATS, bookingFormSchema } from "~/domain/bookings/form";
import { SeriesRepeatFields } from "~/components/booking";
import type { Tier } from "~/generated/prisma/enums";
import { useT } from "~/i18n/react";
import type { ReviewView } from "~/lib/booking-review.server";

/** The booking form; a new organisation chosen above starts it afresh (the key), so the choice shows. */
export function BookingFormSection({
  organisations,
  spaces,
  extras,
  defaults,
  timeZone,
  lastResult,
  review,
  choices,
}: {
  organisations: { id: string; name: string; tier: Tier; hasEmail: boolean }[];
  spaces: { id: string; name: string; capacity: number }[];
  /** the centre's extras with their prices per tier */
  extras: OfferedExtra[];
  /** what the page was opened with (the planner's room, date and time; a new organisation) */
  defaults: Record<
    | "organisationId"
    | "roomId"
    | "date"
    | "time"
    | "duration"
    | "people"
    | "repeat"
    | "endBy"
    | "kind"
    | "submissionKey",
    string
  >;
  timeZone: string;
  lastResult: SubmissionResult<string[]> | undefined;
  review: ReviewView | null;
  choices: Record<string, string>;
}) {
  const navigation = useNavigation();
  const t = useT();
  const [form, fields] = useForm<z.input<typeof bookingFormSchema>>({
    id: "on-behalf",
    lastResult,
    defaultValue: defaults,
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: bookingFormSchema }),
  });
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
        <SeriesRepeatFields fields={fields} repeats={REPEATS} />
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
      <ExtrasFieldset meta={fields.extraIds} extras={extras} tier={chosen?.tier} />
      <TextArea meta={fields.notes} label={t("workspace.onBehalf.notes")} rows={2} />
      {review ? <BookingReview review={review} choices={choices} timeZone={timeZone} reader="team" /> : null}
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
