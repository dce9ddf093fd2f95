import { z } from "zod";
import type { Audience, Facility, HolidayRegion } from "~/generated/prisma/enums";
import type { BookingRequestInput } from "./requests.server";
import { isoWeekday, parseLocalDate, parseWallClock } from "../time/time-zone";
import { submissionKeyField } from "../shared/submission-key";
import { optionalShownText, shownText } from "../shared/visible-text";

/**
 * The booking form a volunteer can fill in without knowing what an RRULE is: a first date and
 * time, how long, and "how often" in words (once, every week, every other week, every month on
 * the same weekday, the last weekday of the month) until a date, a number of times or open.
 * The schemas are shared by the browser (conform) and the server; messages are catalogue keys.
 */

export const REPEATS = ["none", "weekly", "biweekly", "monthly", "monthly-last"] as const;
export type Repeat = (typeof REPEATS)[number];
export const END_BY = ["date", "count", "open"] as const;
export const DURATIONS = [30, 60, 90, 120, 150, 180, 240, 300, 360, 480, 600, 720] as const;
export const FACILITIES: Facility[] = [
  "KITCHEN",
  "BAR",
  "PROJECTOR",
  "SOUND_SYSTEM",
  "PIANO",
  "WHITEBOARD",
  "WIFI",
  "STAGE",
  "SPORTS_FLOOR",
  "HEARING_LOOP",
  "ACCESSIBLE_TOILET",
  "CHILD_FRIENDLY",
  "OUTDOOR_SPACE",
];
export const AUDIENCES: Audience[] = ["CHILDREN", "YOUNG_PEOPLE", "ADULTS", "OLDER_PEOPLE"];
export const REGIONS: HolidayRegion[] = ["NORTH", "MIDDLE", "SOUTH"];

const WEEKDAY_CODES = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"];

const date = z
  .string({ error: "booking.errors.date" })
  .refine((value) => parseLocalDate(value) !== undefined, { error: "booking.errors.date" });
const time = z
  .string({ error: "booking.errors.time" })
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: "booking.errors.time" });
export const checkbox = z.preprocess((value) => value === "on" || value === "true" || value === true, z.boolean());
const list = <T extends z.ZodTypeAny>(item: T) =>
  z.preprocess((value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]), z.array(item));

/** A pattern in words: first date and time, how long, how often, and until when or how many times. */
export const patternFields = {
  date,
  time,
  duration: z.coerce
    .number({ error: "booking.errors.duration" })
    .int({ error: "booking.errors.duration" })
    .min(15, { error: "booking.errors.duration" })
    .max(24 * 60, { error: "booking.errors.duration" }),
  repeat: z.enum(REPEATS).default("none"),
  endBy: z.enum(END_BY).default("date"),
  untilDate: date.optional(),
  count: z.coerce
    .number({ error: "booking.errors.count" })
    .int({ error: "booking.errors.count" })
    .min(2, { error: "booking.errors.count" })
    .max(200, { error: "booking.errors.count" })
    .optional(),
};

/** A repeating pattern needs its end: a last date after the first, or a number of times. */
export function checkPatternEnd(
  value: { date: string; repeat: Repeat; endBy: (typeof END_BY)[number]; untilDate?: string; count?: number },
  context: z.RefinementCtx,
) {
  if (value.repeat !== "none" && value.endBy === "date" && (!value.untilDate || value.untilDate <= value.date))
    context.addIssue({ code: "custom", path: ["untilDate"], message: "booking.errors.untilDate" });
  if (value.repeat !== "none" && value.endBy === "count" && value.count === undefined)
    context.addIssue({ code: "custom", path: ["count"], message: "booking.errors.count" });
}

/** When and for how many: the search, and the first part of the booking form. */
export const whenSchema = z.object({
  ...patternFields,
  people: z.coerce
    .number({ error: "booking.errors.people" })
    .int({ error: "booking.errors.people" })
    .min(1, { error: "booking.errors.people" })
    .max(2000, { error: "booking.errors.tooManyPeople" }),
});

export const searchSchema = whenSchema.extend({
  facilities: list(z.enum(FACILITIES as [Facility, ...Facility[]])),
  stepFree: checkbox.default(false),
});

// titles, descriptions and notes are read by others (the public agenda, the managers)
const optionalText = (max: number) => optionalShownText(max, "booking.errors.text");

export const bookingFormSchema = whenSchema
  .extend({
    roomId: z.uuid({ error: "booking.domainError.not-found" }),
    organisationId: z.uuid({ error: "booking.errors.organisation" }),
    title: shownText({ min: 2, max: 120, error: "booking.errors.title" }),
    notes: optionalText(1000),
    skipPublicHolidays: checkbox.default(false),
    skipSchoolHolidays: z.enum(["", ...REGIONS] as ["", ...HolidayRegion[]]).default(""),
    kind: z.enum(["PRIVATE", "WALK_IN", "SIGN_UP"]).default("PRIVATE"),
    publicTitle: optionalText(120),
    description: optionalText(1000),
    audiences: list(z.enum(AUDIENCES as [Audience, ...Audience[]])),
    places: z.coerce
      .number({ error: "booking.errors.places" })
      .int({ error: "booking.errors.places" })
      .min(1, { error: "booking.errors.places" })
      .max(500, { error: "booking.errors.places" })
      .optional(),
    participantPrice: z
      .string()
      .trim()
      .regex(/^\d{1,4}([.,]\d{1,2})?$/, { error: "booking.errors.price" })
      .optional()
      .or(z.literal("")),
    accessibilityNotes: optionalText(500),
    /** residents pay the participant price online when signing up (decision 096) */
    payOnline: checkbox.default(false),
    /** extras ticked (ids); whether the organisation's tier is offered them is the domain's to say */
    extraIds: list(z.uuid({ error: "extras.refusal.notOffered" })).pipe(
      z.array(z.string()).max(50, { error: "extras.refusal.notOffered" }),
    ),
    submissionKey: submissionKeyField,
  })
  .superRefine((value, context) => {
    checkPatternEnd(value, context);
    if (value.kind === "SIGN_UP" && value.places === undefined)
      context.addIssue({ code: "custom", path: ["places"], message: "booking.errors.places" });
  });

export type BookingForm = z.output<typeof bookingFormSchema>;

/** The RRULE and first start a form's answers stand for. */
export function patternFromForm(
  form: Pick<z.output<typeof whenSchema>, "date" | "time" | "repeat" | "endBy" | "untilDate" | "count">,
): {
  rrule: string | null;
  localStart: string;
} {
  const localStart = `${form.date}T${form.time}`;
  if (form.repeat === "none") return { localStart, rrule: null };
  const first = parseWallClock(localStart)!;
  const weekday = WEEKDAY_CODES[isoWeekday(first) - 1]!;
  const dayOfMonth = first.getUTCDate();
  const base =
    form.repeat === "weekly"
      ? `FREQ=WEEKLY;BYDAY=${weekday}`
      : form.repeat === "biweekly"
        ? `FREQ=WEEKLY;INTERVAL=2;BYDAY=${weekday}`
        : form.repeat === "monthly-last"
          ? `FREQ=MONTHLY;BYDAY=-1${weekday}`
          : // the first..fourth weekday of the month; a fifth one is always the last
            `FREQ=MONTHLY;BYDAY=${Math.ceil(dayOfMonth / 7) === 5 ? -1 : Math.ceil(dayOfMonth / 7)}${weekday}`;
  const end =
    form.endBy === "count" && form.count
      ? `;COUNT=${form.count}`
      : form.endBy === "date" && form.untilDate
        ? `;UNTIL=${form.untilDate.replaceAll("-", "")}T235959`
        : "";
  return { localStart, rrule: base + end };
}

/**
 * The booking request a valid form stands for, with what the person chose for each clashing
 * date (the same form's radio buttons); the organisation's own form and the manager's
 * "book for someone" form alike.
 */
export function bookingRequestFromForm(
  form: BookingForm,
  entries: Iterable<[string, FormDataEntryValue]>,
  asker: { centreId: string; actor: BookingRequestInput["actor"]; bookedOnBehalf?: boolean },
): BookingRequestInput {
  const choices = choicesFromForm(entries);
  return {
    centreId: asker.centreId,
    organisationId: form.organisationId,
    actor: asker.actor,
    roomId: form.roomId,
    title: form.title,
    notes: form.notes,
    ...patternFromForm(form),
    durationMinutes: form.duration,
    attendees: form.people,
    extraIds: form.extraIds,
    skip: choices.skip,
    moves: choices.moves,
    skipPublicHolidays: form.skipPublicHolidays,
    skipSchoolHolidays: form.skipSchoolHolidays || null,
    submissionKey: form.submissionKey,
    ...(asker.bookedOnBehalf ? { bookedOnBehalf: true } : {}),
    activity: {
      kind: form.kind,
      title: form.publicTitle || form.title,
      description: form.description,
      audiences: form.audiences,
      capacity: form.kind === "SIGN_UP" ? (form.places ?? null) : null,
      participantPriceCents: eurosToCents(form.participantPrice),
      payOnline: form.kind === "SIGN_UP" && form.payOnline && eurosToCents(form.participantPrice) > 0,
      accessibilityNotes: form.accessibilityNotes,
    },
  };
}

/** Euros as typed ("2,50") to cents. */
export function eurosToCents(text: string | undefined): number {
  if (!text) return 0;
  return Math.round(Number(text.replace(",", ".")) * 100);
}

/**
 * What the person chose for each clashing date (radio buttons named "choice:<localStart>"):
 * skip it, another room ("room:<id>") or another start ("time:<ISO instant>").
 */
function choicesFromForm(entries: Iterable<[string, FormDataEntryValue]>): {
  skip: string[];
  moves: { localStart: string; roomId?: string; startsAt?: Date }[];
} {
  const skip: string[] = [];
  const moves: { localStart: string; roomId?: string; startsAt?: Date }[] = [];
  for (const [name, raw] of entries) {
    if (!name.startsWith("choice:") || typeof raw !== "string") continue;
    const localStart = name.slice("choice:".length);
    if (!parseWallClock(localStart)) continue;
    if (raw === "skip") skip.push(localStart);
    else if (raw.startsWith("room:") && /^room:[0-9a-f-]{36}$/.test(raw))
      moves.push({ localStart, roomId: raw.slice(5) });
    else if (raw.startsWith("time:")) {
      const startsAt = new Date(raw.slice(5));
      if (!Number.isNaN(startsAt.getTime())) moves.push({ localStart, startsAt });
    }
  }
  return { skip, moves };
}

export const TIERS = ["RESIDENT_INITIATIVE", "ASSOCIATION", "PRIVATE", "COMMERCIAL"] as const;

/** An organisation's registration (the public form). */
export const registrationSchema = z.object({
  name: shownText({ min: 2, max: 120, error: "booking.errors.name" }),
  tier: z.enum(TIERS, { error: "booking.errors.tier" }),
  contactName: shownText({ min: 2, max: 120, error: "booking.errors.name" }),
  email: z.email({ error: "booking.errors.email" }).max(254, { error: "booking.errors.email" }),
  phone: z
    .string()
    .trim()
    .regex(/^\+?[0-9 ()-]{8,20}$/, { error: "booking.errors.phone" })
    .optional()
    .or(z.literal("")),
  billingName: optionalShownText(120, "booking.errors.text"),
  billingAddress: z.string().trim().max(300, { error: "booking.errors.text" }).optional().default(""),
});
