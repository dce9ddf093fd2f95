import { getFormProps, getInputProps, getSelectProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Form, Link } from "@remix-run/react";
import { FieldError } from "~/components/form-field";
import { formatPeriod } from "~/domain/reports/format";
import {
  PERIOD_KINDS,
  periodQuery,
  periodSearch,
  previousYear,
  shiftPeriod,
  type ReportPeriod,
} from "~/domain/reports/period";
import { periodSchema } from "~/domain/reports/schemas";
import { useLocale, useT } from "~/i18n/react";

/**
 * The period picker: a plain GET form (works without JavaScript), with links to the period
 * before and after. All fields are always there; the kind decides which ones count.
 */
export function ReportPeriodForm({
  action,
  period,
  lastResult,
  invalid,
}: {
  action: string;
  period: ReportPeriod;
  lastResult: SubmissionResult<string[]> | null;
  invalid: boolean;
}) {
  const t = useT();
  const locale = useLocale();
  const values = periodQuery(period);
  const [form, fields] = useForm({
    id: "report-period",
    lastResult,
    defaultValue: {
      kind: period.kind,
      date: values.date ?? period.from,
      from: values.from ?? period.from,
      until: values.until ?? "",
    },
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: periodSchema }),
  });
  const hint = (id: string) => `${id}-hint`;
  return (
    <section aria-labelledby="period-heading" className="card mb-6">
      <h2 id="period-heading" className="mt-0">
        {t("reports.period.legend")}
      </h2>
      {invalid ? (
        <p role="alert" className="field-error">
          {t("reports.period.errors.invalid")}
        </p>
      ) : null}
      <Form method="get" action={action} {...getFormProps(form)} className="grid gap-4 sm:grid-cols-2">
        <div>
          <label htmlFor={fields.kind.id} className="field-label">
            {t("reports.period.kind")}
          </label>
          <select {...getSelectProps(fields.kind)} className="field-input" key={fields.kind.key}>
            {PERIOD_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {t(`reports.period.kinds.${kind}`)}
              </option>
            ))}
          </select>
          <FieldError id={fields.kind.errorId} errors={fields.kind.errors} />
        </div>
        <div>
          <label htmlFor={fields.date.id} className="field-label">
            {t("reports.period.date")}
          </label>
          <input
            {...getInputProps(fields.date, { type: "date" })}
            key={fields.date.key}
            className="field-input"
            aria-describedby={[hint(fields.date.id), fields.date.errors ? fields.date.errorId : ""]
              .filter(Boolean)
              .join(" ")}
          />
          <p id={hint(fields.date.id)} className="m-0 mt-1 text-muted">
            {t("reports.period.dateHint")}
          </p>
          <FieldError id={fields.date.errorId} errors={fields.date.errors} />
        </div>
        <div>
          <label htmlFor={fields.from.id} className="field-label">
            {t("reports.period.from")}
          </label>
          <input
            {...getInputProps(fields.from, { type: "date" })}
            key={fields.from.key}
            className="field-input"
            aria-describedby={[hint(fields.from.id), fields.from.errors ? fields.from.errorId : ""]
              .filter(Boolean)
              .join(" ")}
          />
          <p id={hint(fields.from.id)} className="m-0 mt-1 text-muted">
            {t("reports.period.rangeHint")}
          </p>
          <FieldError id={fields.from.errorId} errors={fields.from.errors} />
        </div>
        <div>
          <label htmlFor={fields.until.id} className="field-label">
            {t("reports.period.until")}
          </label>
          <input
            {...getInputProps(fields.until, { type: "date" })}
            key={fields.until.key}
            className="field-input"
            aria-describedby={[hint(fields.from.id), fields.until.errors ? fields.until.errorId : ""]
              .filter(Boolean)
              .join(" ")}
          />
          <FieldError id={fields.until.errorId} errors={fields.until.errors} />
        </div>
        <div className="sm:col-span-2">
          <button type="submit" className="button">
            {t("reports.period.submit")}
          </button>
        </div>
      </Form>
      <p className="mb-0 mt-4 font-bold" aria-live="polite">
        {t("reports.showing", { period: formatPeriod(period, t, locale) })}{" "}
        <span className="font-normal">
          {t("reports.comparedWith", { period: formatPeriod(previousYear(period), t, locale) })}
        </span>
      </p>
      <nav aria-label={t("reports.period.legend")} className="mt-2 flex flex-wrap gap-4">
        <Link to={`${action}?${periodSearch(shiftPeriod(period, -1))}`}>← {t("reports.period.previous")}</Link>
        <Link to={`${action}?${periodSearch(shiftPeriod(period, 1))}`}>{t("reports.period.next")} →</Link>
      </nav>
    </section>
  );
}
