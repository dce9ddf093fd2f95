import type { action } from "./data.server";
import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Form, Link, useActionData } from "@remix-run/react";
import { ContactFields, ResidentFormErrors } from "~/components/agenda";
import { FieldError, SubmissionKey } from "~/components/form-field";
import { signupSchema } from "~/domain/residents/forms";
import { useT } from "~/i18n/react";

export function SignupForm({
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
