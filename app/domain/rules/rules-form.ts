import { z } from "zod";
import type { PaymentMode, ShareCapAction, Tier } from "~/generated/prisma/enums";
import { TIERS_BY_PRIORITY } from "./tiers";

/**
 * The forms for the community rules and the cancellation policy (pure, shared by browser and
 * server). Percentages are typed as whole numbers and kept as basis points; community-hours
 * windows and cancellation steps are rows, empty rows are left out.
 */

/** The tiers the form shows, most favoured first. */
export const RULE_TIERS: Tier[] = TIERS_BY_PRIORITY;
export const VAT_CHOICES = ["exempt", "0", "900", "2100"] as const;
/** How a tier pays: online to confirm, on invoice, or not at all (decision 091). */
export const PAYMENT_MODES = ["ONLINE", "INVOICE", "NONE"] as const satisfies readonly PaymentMode[];
export const COMMUNITY_ROWS = 10;
export const CANCELLATION_ROWS = 6;

const checkbox = z.preprocess((value) => value === "on" || value === "true" || value === true, z.boolean());
const whole = (error: string, min: number, max: number) =>
  z.coerce.number({ error }).int({ error }).min(min, { error }).max(max, { error });
const time = z
  .union([z.literal(""), z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: "booking.errors.time" })])
  .default("");

const tierShape: Record<string, z.ZodTypeAny> = {};
for (const tier of RULE_TIERS) {
  tierShape[`horizon_${tier}`] = whole("workspace.rules.horizonInvalid", 1, 1095);
  tierShape[`approval_${tier}`] = checkbox.default(false);
  tierShape[`provisional_${tier}`] = checkbox.default(false);
  tierShape[`vat_${tier}`] = z.enum(VAT_CHOICES).default("exempt");
  tierShape[`payment_${tier}`] = z.enum(PAYMENT_MODES).default("INVOICE");
}
const windowShape: Record<string, z.ZodTypeAny> = {};
for (let row = 1; row <= COMMUNITY_ROWS; row++) {
  windowShape[`chDay_${row}`] = z.union([z.literal(""), z.enum(["1", "2", "3", "4", "5", "6", "7"])]).default("");
  windowShape[`chStart_${row}`] = time;
  windowShape[`chEnd_${row}`] = time;
}

export const rulesSchema = z
  .object({
    provisionalCutoffDays: whole("workspace.rules.daysInvalid", 0, 365),
    sharePercent: z.preprocess(
      (value) => (value === "" ? undefined : value),
      whole("workspace.rules.percentInvalid", 0, 100).optional(),
    ),
    shareCapAction: z.enum(["REFUSE", "REQUIRE_APPROVAL"]),
    unverifiedTier: z.enum(["RESIDENT_INITIATIVE", "ASSOCIATION", "PRIVATE", "COMMERCIAL"]),
    requestReminderDays: whole("workspace.rules.daysInvalid", 1, 60),
    seriesReminderDays: whole("workspace.rules.daysInvalid", 0, 30),
    ...tierShape,
    ...windowShape,
  })
  .superRefine((value, context) => {
    const values = value as unknown as Record<string, string>;
    for (let row = 1; row <= COMMUNITY_ROWS; row++) {
      const [day, start, end] = [values[`chDay_${row}`], values[`chStart_${row}`], values[`chEnd_${row}`]];
      if (!day && !start && !end) continue;
      if (!day) context.addIssue({ code: "custom", path: [`chDay_${row}`], message: "workspace.rules.dayRequired" });
      if (!start) context.addIssue({ code: "custom", path: [`chStart_${row}`], message: "booking.errors.time" });
      if (!end) context.addIssue({ code: "custom", path: [`chEnd_${row}`], message: "booking.errors.time" });
      if (start && end && end <= start)
        context.addIssue({ code: "custom", path: [`chEnd_${row}`], message: "workspace.rules.endBeforeStart" });
    }
  });

export type RulesForm = z.output<typeof rulesSchema>;

/** A centre's community rules as stored: what the form shows and what it gives back. */
export interface CommunityRulesSettings {
  provisionalCutoffDays: number;
  /** basis points, null = no cap */
  commercialShareCapBp: number | null;
  commercialShareCapAction: ShareCapAction;
  unverifiedTier: Tier;
  requestReminderDays: number;
  seriesReminderDays: number;
  tiers: {
    tier: Tier;
    bookingHorizonDays: number;
    requiresApproval: boolean;
    vatBp: number | null;
    provisional: boolean;
    paymentMode: PaymentMode;
  }[];
  communityHours: { weekday: number; startMinute: number; endMinute: number }[];
}

const minute = (text: string) => Number(text.slice(0, 2)) * 60 + Number(text.slice(3, 5));
const clock = (value: number) =>
  `${String(Math.floor(value / 60)).padStart(2, "0")}:${String(value % 60).padStart(2, "0")}`;

export function rulesFromForm(form: RulesForm): CommunityRulesSettings {
  const values = form as unknown as Record<string, unknown>;
  const communityHours: CommunityRulesSettings["communityHours"] = [];
  for (let row = 1; row <= COMMUNITY_ROWS; row++) {
    const day = values[`chDay_${row}`] as string;
    if (day)
      communityHours.push({
        weekday: Number(day),
        startMinute: minute(values[`chStart_${row}`] as string),
        endMinute: minute(values[`chEnd_${row}`] as string),
      });
  }
  return {
    provisionalCutoffDays: form.provisionalCutoffDays,
    commercialShareCapBp: form.sharePercent === undefined ? null : form.sharePercent * 100,
    commercialShareCapAction: form.shareCapAction,
    unverifiedTier: form.unverifiedTier,
    requestReminderDays: form.requestReminderDays,
    seriesReminderDays: form.seriesReminderDays,
    tiers: RULE_TIERS.map((tier) => {
      const vat = values[`vat_${tier}`] as (typeof VAT_CHOICES)[number];
      return {
        tier,
        bookingHorizonDays: values[`horizon_${tier}`] as number,
        requiresApproval: values[`approval_${tier}`] as boolean,
        provisional: values[`provisional_${tier}`] as boolean,
        vatBp: vat === "exempt" ? null : Number(vat),
        paymentMode: values[`payment_${tier}`] as PaymentMode,
      };
    }),
    communityHours,
  };
}

export function formFromRules(rules: CommunityRulesSettings): Record<string, string> {
  const values: Record<string, string> = {
    provisionalCutoffDays: String(rules.provisionalCutoffDays),
    sharePercent: rules.commercialShareCapBp === null ? "" : String(Math.round(rules.commercialShareCapBp / 100)),
    shareCapAction: rules.commercialShareCapAction,
    unverifiedTier: rules.unverifiedTier,
    requestReminderDays: String(rules.requestReminderDays),
    seriesReminderDays: String(rules.seriesReminderDays),
  };
  for (const tier of rules.tiers) {
    values[`horizon_${tier.tier}`] = String(tier.bookingHorizonDays);
    values[`approval_${tier.tier}`] = tier.requiresApproval ? "on" : "";
    values[`provisional_${tier.tier}`] = tier.provisional ? "on" : "";
    values[`payment_${tier.tier}`] = tier.paymentMode;
    values[`vat_${tier.tier}`] =
      tier.vatBp === null ? "exempt" : (VAT_CHOICES.find((choice) => choice === String(tier.vatBp)) ?? "2100");
  }
  rules.communityHours.slice(0, COMMUNITY_ROWS).forEach((window, index) => {
    values[`chDay_${index + 1}`] = String(window.weekday);
    values[`chStart_${index + 1}`] = clock(window.startMinute);
    values[`chEnd_${index + 1}`] = clock(Math.min(window.endMinute, 1439));
  });
  return values;
}

const stepShape: Record<string, z.ZodTypeAny> = {};
for (let row = 1; row <= CANCELLATION_ROWS; row++) {
  stepShape[`days_${row}`] = z.preprocess(
    (value) => (value === "" ? undefined : value),
    whole("workspace.cancellation.daysInvalid", 0, 365).optional(),
  );
  stepShape[`percent_${row}`] = z.preprocess(
    (value) => (value === "" ? undefined : value),
    whole("workspace.cancellation.percentInvalid", 0, 100).optional(),
  );
}

export const cancellationSchema = z.object(stepShape).superRefine((value, context) => {
  const values = value as Record<string, number | undefined>;
  const seen = new Set<number>();
  for (let row = 1; row <= CANCELLATION_ROWS; row++) {
    const days = values[`days_${row}`];
    const percent = values[`percent_${row}`];
    if (days === undefined && percent === undefined) continue;
    if (days === undefined)
      context.addIssue({ code: "custom", path: [`days_${row}`], message: "workspace.cancellation.daysInvalid" });
    if (percent === undefined)
      context.addIssue({ code: "custom", path: [`percent_${row}`], message: "workspace.cancellation.percentInvalid" });
    if (days !== undefined && seen.has(days))
      context.addIssue({ code: "custom", path: [`days_${row}`], message: "workspace.cancellation.duplicate" });
    if (days !== undefined) seen.add(days);
  }
});

export function stepsFromForm(form: z.output<typeof cancellationSchema>): { minDaysBefore: number; feeBp: number }[] {
  const values = form as Record<string, number | undefined>;
  const steps: { minDaysBefore: number; feeBp: number }[] = [];
  for (let row = 1; row <= CANCELLATION_ROWS; row++) {
    const days = values[`days_${row}`];
    const percent = values[`percent_${row}`];
    if (days !== undefined && percent !== undefined) steps.push({ minDaysBefore: days, feeBp: percent * 100 });
  }
  return steps.sort((a, b) => b.minDaysBefore - a.minDaysBefore);
}
