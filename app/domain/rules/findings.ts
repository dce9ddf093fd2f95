/**
 * The rules that make a centre a community centre rather than a rental business, one file per
 * rule of the product brief (horizon.ts, community-hours.ts, provisional.ts, share-cap.ts,
 * approval.ts; capacity.ts beside them), all pure. Each check returns findings: which rule,
 * what it does to this request (refuse it, send it for approval, or tell something), and the
 * values for the plain sentence the interface shows (messages `rules.<rule>.<effect>` in the
 * catalogues, with what to do instead).
 */

type RuleCode =
  | "booking-horizon"
  | "community-hours"
  | "provisional"
  | "share-cap"
  | "approval"
  | "unverified-tier"
  | "bump"
  | "date-in-past"
  | "too-many-people";

export interface RuleFinding {
  rule: RuleCode;
  effect: "refuse" | "approval" | "info";
  params: Record<string, string | number>;
  /** the dates concerned ("YYYY-MM-DDTHH:mm" as the pattern gives them) */
  dates?: string[];
}

export interface RuleDate {
  localStart: string;
  startsAt: Date;
  endsAt: Date;
}

export const DAY_MS = 24 * 60 * 60 * 1000;
