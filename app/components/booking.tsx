import type { REPEATS } from "~/domain/bookings/form";
import { useT } from "~/i18n/react";
import { isMessageKey, type Key, type MessageValues } from "~/i18n/translate";

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

/** A refusal from the domain (code + params) as one plain sentence in the page's language. */
export function DomainErrorMessage({ error }: { error: { code: string; params: MessageValues } | null | undefined }) {
  const t = useT();
  if (!error) return null;
  const code = error.code.startsWith("recurrence-") ? "recurrence" : error.code;
  const key = `booking.domainError.${code}`;
  const known = isMessageKey(key);
  return (
    <p role="alert" className="card border-red-700 bg-red-50 font-bold text-red-900">
      {t((known ? key : "booking.domainError.generic") as Key, error.params)}
    </p>
  );
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
