import { END_BY, type REPEATS, type Repeat } from "~/domain/bookings/form";
import { useT } from "~/i18n/react";
import { SelectField, TextField, type AnyField } from "./form-field";
import type { Key, MessageValues } from "~/i18n/translate";

/** The words for a "how often" choice. */
export function repeatLabel(repeat: Exclude<(typeof REPEATS)[number], "monthly-last">): Key {
  return repeat === "none"
    ? "booking.form.repeatNone"
    : repeat === "weekly"
      ? "booking.form.repeatWeekly"
      : repeat === "biweekly"
        ? "booking.form.repeatBiweekly"
        : "booking.form.repeatMonthly";
}

export interface FindingView {
  rule: string;
  effect: "refuse" | "approval" | "info";
  params: MessageValues;
}

/** The centre's rules that apply to a request, each in one sentence with what to do instead. */
export function RuleFindings({ findings }: { findings: FindingView[] }) {
  const t = useT();
  if (findings.length === 0) return null;
  const style = {
    refuse: "border-red-700 bg-red-50 text-red-900",
    approval: "border-amber-700 bg-amber-50 text-amber-950",
    info: "border-brand-700 bg-brand-50 text-brand-900",
  };
  return (
    <ul className="m-0 grid list-none gap-2 p-0">
      {findings.map((finding) => (
        <li key={`${finding.rule}-${finding.effect}`} className={`card ${style[finding.effect]}`}>
          {t(`booking.rules.${finding.rule}.${finding.effect}` as Key, finding.params)}
        </li>
      ))}
    </ul>
  );
}

/**
 * How a series made or changed by a manager repeats and ends: the same four fields in the
 * booking form and the series change form (`repeats` in the order that form offers them).
 */
export function SeriesRepeatFields({
  fields,
  repeats,
}: {
  fields: { repeat: AnyField; endBy: AnyField; untilDate: AnyField; count: AnyField };
  repeats: readonly Repeat[];
}) {
  const t = useT();
  return (
    <>
      <SelectField
        meta={fields.repeat}
        label={t("workspace.change.repeat")}
        options={repeats.map((repeat) => ({ value: repeat, label: t(`workspace.repeat.${repeat}`) }))}
      />
      <SelectField
        meta={fields.endBy}
        label={t("workspace.change.endBy")}
        options={END_BY.map((end) => ({ value: end, label: t(`workspace.endBy.${end}`) }))}
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
    </>
  );
}
