import { getCollectionProps, getInputProps, type useForm } from "@conform-to/react";
import type { z } from "zod";
import { repeatLabel } from "~/components/booking";
import { CheckboxField, SelectField, TextArea, TextField } from "~/components/form-field";
import { AUDIENCES, REGIONS, type bookingFormSchema } from "~/domain/bookings/form";
import { useT } from "~/i18n/react";
import type { Key } from "~/i18n/translate";

type BookingFields = ReturnType<typeof useForm<z.input<typeof bookingFormSchema>>>[1];

/** How often and until when; which holidays are skipped. */
export function RepeatFieldset({ fields, weekday }: { fields: BookingFields; weekday: number }) {
  const t = useT();
  return (
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
  );
}

/** Whether the activity is open to the public, and what the agenda says about it. */
export function PublicFieldset({ fields }: { fields: BookingFields }) {
  const t = useT();
  return (
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
            {getCollectionProps(fields.audiences, { type: "checkbox", options: AUDIENCES }).map(({ key, ...props }) => (
              <label key={key} className="flex min-h-11 items-center gap-2">
                <input {...props} className="h-5 w-5" />
                {t(`audience.${props.value}` as Key)}
              </label>
            ))}
          </div>
        </fieldset>
        <TextField meta={fields.participantPrice} label={t("booking.form.participantPrice")} inputMode="decimal" />
        <TextField meta={fields.accessibilityNotes} label={t("booking.form.accessibilityNotes")} />
        <div className="md:col-span-2">
          <CheckboxField
            meta={fields.payOnline}
            label={t("booking.form.payOnline")}
            hint={t("booking.form.payOnlineHint")}
          />
        </div>
      </div>
      <TextArea meta={fields.notes} label={t("booking.form.notes")} rows={2} />
    </fieldset>
  );
}
