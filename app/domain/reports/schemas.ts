import { parseWithZod } from "@conform-to/zod/v4";
import { z } from "zod";
import { localDateAt, parseLocalDate } from "../time/time-zone";
import { MAX_RANGE_DAYS, PERIOD_KINDS, daysBetween, resolvePeriod, type ReportPeriod } from "./period";

/**
 * The report's forms, shared by the browser (conform) and the server; messages are catalogue
 * keys. The period form is a GET form, so it works without JavaScript.
 */

const localDate = (error: string) =>
  z
    .string({ error })
    .trim()
    .refine((value) => parseLocalDate(value) !== undefined, { error });

export const periodSchema = z
  .object({
    kind: z.enum(PERIOD_KINDS, { error: "reports.period.errors.kind" }),
    date: localDate("reports.period.errors.date").optional(),
    from: localDate("reports.period.errors.from").optional(),
    until: localDate("reports.period.errors.until").optional(),
  })
  .superRefine((value, context) => {
    if (value.kind !== "range") {
      if (!value.date) context.addIssue({ code: "custom", path: ["date"], message: "reports.period.errors.date" });
      return;
    }
    if (!value.from) context.addIssue({ code: "custom", path: ["from"], message: "reports.period.errors.from" });
    if (!value.until) context.addIssue({ code: "custom", path: ["until"], message: "reports.period.errors.until" });
    if (!value.from || !value.until) return;
    if (value.until < value.from) {
      context.addIssue({ code: "custom", path: ["until"], message: "reports.period.errors.order" });
    } else if (daysBetween(value.from, value.until) + 1 > MAX_RANGE_DAYS) {
      context.addIssue({ code: "custom", path: ["until"], message: "reports.period.errors.tooLong" });
    }
  });

type PeriodInput = z.infer<typeof periodSchema>;

function periodFromInput(input: PeriodInput): ReportPeriod {
  return resolvePeriod({
    kind: input.kind,
    date: input.date ?? input.from ?? "",
    from: input.from,
    until: input.until,
  });
}

/**
 * An amount in euros as people type it: "48500", "48.500", "48.500,00", "48500,5", "€ 48 500".
 * A point followed by exactly three digits is a thousands separator (Dutch usage); otherwise
 * the last point or comma is the decimal sign. Returns cents, or undefined.
 */
export function parseEuros(text: string): number | undefined {
  let value = text.replace(/[€\s]/g, "");
  if (!/^\d[\d.,]*$/.test(value)) return undefined;
  const lastComma = value.lastIndexOf(",");
  const lastPoint = value.lastIndexOf(".");
  if (lastComma > lastPoint) {
    value = value.replace(/\./g, "").replace(",", ".");
  } else if (lastPoint > lastComma) {
    const decimals = value.length - lastPoint - 1;
    value =
      lastComma >= 0 || decimals === 3
        ? value.replace(/,/g, "").replace(/\.(?=\d{3}(\.|$))/g, "")
        : value.replace(/,/g, "");
  }
  if ((value.match(/\./g) ?? []).length > 1 || /,/.test(value)) return undefined;
  const euros = Number(value);
  if (!Number.isFinite(euros)) return undefined;
  const cents = Math.round(euros * 100);
  return Math.abs(euros * 100 - cents) < 1e-6 ? cents : undefined;
}

const wholeNumber = z
  .string()
  .trim()
  .regex(/^\d{1,9}$/, { error: "reports.input.errors.amount" })
  .transform(Number)
  .optional();

export const boardInputSchema = z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal("costs"),
    year: z.coerce
      .number({ error: "reports.input.errors.year" })
      .int({ error: "reports.input.errors.year" })
      .min(2000, { error: "reports.input.errors.year" })
      .max(2100, { error: "reports.input.errors.year" }),
    costs: z.string({ error: "reports.input.errors.costs" }).transform((value, context) => {
      const cents = parseEuros(value);
      if (cents === undefined || cents > 100_000_000_00) {
        context.addIssue({ code: "custom", message: "reports.input.errors.costs" });
        return z.NEVER;
      }
      return cents;
    }),
  }),
  z.object({
    intent: z.literal("energy"),
    month: z
      .string({ error: "reports.input.errors.month" })
      .trim()
      .regex(/^(20\d\d|2100)-(0[1-9]|1[0-2])$/, { error: "reports.input.errors.month" }),
    electricityKwh: wholeNumber,
    gasM3: wholeNumber,
  }),
]);

/**
 * The period a report page asks for: from the query string (kind, date / from, until), or
 * this year in the centre's zone when there is none. An invalid query falls back to this year
 * and says so (`invalid`), with the form's errors in `lastResult`.
 */
export function periodFromSearch(params: URLSearchParams, timeZone: string, now: Date) {
  const thisYear = resolvePeriod({ kind: "year", date: localDateAt(now, timeZone) });
  if (!params.has("kind")) return { period: thisYear, lastResult: null, invalid: false };
  const submission = parseWithZod(params, { schema: periodSchema });
  if (submission.status !== "success") return { period: thisYear, lastResult: submission.reply(), invalid: true };
  return { period: periodFromInput(submission.value), lastResult: null, invalid: false };
}
