import type { Tier } from "~/generated/prisma/enums";
import type { RuleFinding } from "./findings";

/** 5. Approval per tier. */
export function approvalFinding(input: { requiresApproval: boolean; tier: Tier }): RuleFinding[] {
  return input.requiresApproval ? [{ rule: "approval", effect: "approval", params: { tier: input.tier } }] : [];
}

/** The organisation books at another tier until a manager verifies the tier it claims. */
export function unverifiedFinding(input: { claimed: Tier; effective: Tier; verified: boolean }): RuleFinding[] {
  return !input.verified && input.claimed !== input.effective
    ? [{ rule: "unverified-tier", effect: "info", params: { claimed: input.claimed, effective: input.effective } }]
    : [];
}
