import { db } from "~/db/client.server";
import type { Activity, ActivityKind, Prisma } from "~/generated/prisma/client";
import { scheduleOf } from "./activity-schedule";
import {
  localDayRange,
  periodRange,
  type AgendaFilters,
  type AgendaQuery,
  type PublicActivityFacts,
  type PublicCentreDetails,
} from "./agenda";
import { clock } from "~/lib/clock";

/**
 * The public agenda: what residents may see of a centre's activities. Only walk-in and
 * sign-up activities of confirmed bookings are public; private hire never is. A cancelled
 * (or bumped) date stays in the agenda, marked as cancelled, so nobody comes for nothing.
 * Nothing here returns a resident's personal data: sign-ups are counted, never listed.
 */

export const PUBLIC_KINDS: ActivityKind[] = ["WALK_IN", "SIGN_UP"];

export interface PublicCentre extends PublicCentreDetails {
  id: string;
  timeZone: string;
  personalDataRetentionDays: number;
}

const CENTRE_FIELDS = {
  id: true,
  slug: true,
  name: true,
  timeZone: true,
  description: true,
  street: true,
  postalCode: true,
  city: true,
  directions: true,
  email: true,
  phone: true,
  website: true,
  personalDataRetentionDays: true,
} satisfies Prisma.CentreSelect & Record<keyof PublicCentre, true>;

const isSlug = (slug: string) => /^[a-z0-9][a-z0-9-]{0,79}$/.test(slug);

/** An active centre by its public slug, or null (unknown and inactive centres look the same). */
export function findPublicCentre(slug: string): Promise<PublicCentre | null> {
  if (!isSlug(slug)) return Promise.resolve(null);
  return db().centre.findFirst({ where: { slug, active: true }, select: CENTRE_FIELDS });
}

/**
 * The public version of an active centre, or null (unknown or inactive). Database triggers
 * raise it in the transaction of every change residents can see (decision 100), so what was
 * shown at one version is still right as long as the version is the same.
 */
export async function publicVersionOf(slug: string): Promise<bigint | null> {
  if (!isSlug(slug)) return null;
  const centre = await db().centre.findFirst({ where: { slug, active: true }, select: { publicVersion: true } });
  return centre?.publicVersion ?? null;
}

/**
 * The public versions of every active centre as one value, for the combined agenda: it changes
 * when any of them does, and when a centre comes or goes.
 */
export async function combinedPublicVersion(): Promise<string> {
  const centres = await db().centre.findMany({
    where: { active: true },
    select: { id: true, publicVersion: true },
    orderBy: { id: "asc" },
  });
  return centres.map((centre) => `${centre.id}:${centre.publicVersion}`).join(",");
}

/** Every active centre, by name: for the combined agenda and the privacy page. */
export function listPublicCentres(): Promise<PublicCentre[]> {
  return db().centre.findMany({ where: { active: true }, orderBy: { name: "asc" }, select: CENTRE_FIELDS });
}

/** One date in the agenda; `room` is where this date takes place. */
export interface AgendaItem extends PublicActivityFacts {
  occurrenceId: string;
  activityId: string;
  centre: { slug: string; name: string; timeZone: string };
  startsAt: Date;
  endsAt: Date;
  /** the wall-clock start where the series put this date, "YYYY-MM-DDTHH:mm" */
  originalLocalStart: string;
  cancelled: boolean;
  /** free places (sign-up activities only); 0 = full, a new sign-up goes on the waiting list */
  placesLeft: number | null;
}

/** What the public facts need of the booking behind an activity, and of a room. */
const BOOKING_FACTS = {
  status: true,
  rrule: true,
  localStart: true,
  durationMinutes: true,
  organisation: { select: { name: true } },
} satisfies Prisma.BookingSelect;
const ROOM_FACTS = { select: { name: true, location: true, stepFree: true } } satisfies Prisma.RoomDefaultArgs;

type BookingFacts = Prisma.BookingGetPayload<{ select: typeof BOOKING_FACTS }>;

function publicFacts(
  activity: Activity,
  booking: BookingFacts,
  room: PublicActivityFacts["room"],
): PublicActivityFacts {
  return {
    title: activity.title,
    description: activity.description,
    kind: activity.kind,
    audiences: activity.audiences,
    priceCents: activity.participantPriceCents,
    organiser: activity.organiserName ?? booking.organisation.name,
    accessibilityNotes: activity.accessibilityNotes,
    capacity: activity.kind === "SIGN_UP" ? activity.capacity : null,
    room,
    schedule: scheduleOf(booking.rrule, booking.localStart, booking.durationMinutes),
    rrule: booking.rrule,
  };
}

/** The occurrences residents may see, narrowed by the agenda's filters. */
function publicOccurrences(filters: Partial<AgendaFilters> = {}): Prisma.OccurrenceWhereInput {
  return {
    status: { in: ["ACTIVE", "CANCELLED", "BUMPED"] },
    ...(filters.stepFree ? { room: { stepFree: true } } : {}),
    booking: {
      status: { in: ["CONFIRMED", "CANCELLED", "BUMPED"] },
      activity: {
        is: {
          kind: filters.walkIn ? "WALK_IN" : { in: PUBLIC_KINDS },
          ...(filters.free ? { participantPriceCents: 0 } : {}),
          ...(filters.audiences?.length ? { audiences: { hasSome: filters.audiences } } : {}),
        },
      },
    },
  };
}

const ITEM_INCLUDE = {
  centre: { select: { slug: true, name: true, timeZone: true } },
  room: ROOM_FACTS,
  booking: { select: { ...BOOKING_FACTS, activity: true } },
} satisfies Prisma.OccurrenceInclude;

type OccurrenceRow = Prisma.OccurrenceGetPayload<{ include: typeof ITEM_INCLUDE }>;

/** Confirmed places per date, for the dates given. */
async function confirmedCounts(occurrenceIds: string[]): Promise<Map<string, number>> {
  if (occurrenceIds.length === 0) return new Map();
  const rows = await db().signup.groupBy({
    by: ["occurrenceId"],
    where: { occurrenceId: { in: occurrenceIds }, status: "CONFIRMED" },
    _count: { _all: true },
  });
  return new Map(rows.map((row) => [row.occurrenceId, row._count._all]));
}

async function toItems(rows: OccurrenceRow[]): Promise<AgendaItem[]> {
  const signupDates = rows.filter((row) => row.booking.activity?.kind === "SIGN_UP").map((row) => row.id);
  const taken = await confirmedCounts(signupDates);
  return rows.map((row) => {
    const activity = row.booking.activity!;
    const facts = publicFacts(activity, row.booking, row.room);
    return {
      ...facts,
      occurrenceId: row.id,
      activityId: activity.id,
      centre: row.centre,
      startsAt: row.startsAt,
      endsAt: row.endsAt,
      originalLocalStart: row.originalLocalStart.toISOString().slice(0, 16),
      cancelled: row.status !== "ACTIVE" || row.booking.status !== "CONFIRMED",
      placesLeft: facts.capacity === null ? null : Math.max(0, facts.capacity - (taken.get(row.id) ?? 0)),
    };
  });
}

/** The most dates one agenda page lists (a busy centre has some 60 a week, "later" is eight weeks). */
const AGENDA_LIMIT = 1000;

/**
 * The agenda of one or more centres for a period, each centre's days in its own zone,
 * sorted by start. `centres` are already narrowed (e.g. by the combined agenda's filter).
 */
export async function listAgenda(
  centres: Pick<PublicCentre, "id" | "timeZone">[],
  query: AgendaQuery,
  now = clock.now(),
) {
  if (centres.length === 0) return [];
  const rows = await db().occurrence.findMany({
    where: {
      AND: [
        publicOccurrences(query.filters),
        {
          OR: centres.map((centre) => {
            const range = periodRange(query.period, centre.timeZone, now);
            return { centreId: centre.id, startsAt: { gte: range.from, lt: range.to } };
          }),
        },
      ],
    },
    orderBy: [{ startsAt: "asc" }, { id: "asc" }],
    take: AGENDA_LIMIT,
    include: ITEM_INCLUDE,
  });
  return toItems(rows);
}

/** The dates of a centre (or of one of its activities) in [from, to), for the feeds. */
export async function feedItems(centreId: string, range: { from: Date; to: Date }, activityId?: string) {
  const rows = await db().occurrence.findMany({
    where: {
      AND: [
        publicOccurrences(),
        { centreId, startsAt: { gte: range.from, lt: range.to } },
        activityId ? { booking: { activity: { is: { id: activityId } } } } : {},
      ],
    },
    orderBy: [{ startsAt: "asc" }, { id: "asc" }],
    take: 5000,
    include: ITEM_INCLUDE,
  });
  return toItems(rows);
}

/** An activity's own page; `room` is where the series takes place. */
export interface PublicActivity extends PublicActivityFacts {
  id: string;
  contactInfo: string | null;
  /** the whole series was cancelled */
  cancelled: boolean;
  /** a place is paid online when signing up (decision 096) */
  paysOnline: boolean;
}

/** A public activity of this centre, or null (private hire and other centres' ids look the same). */
export async function findPublicActivity(centreId: string, activityId: string): Promise<PublicActivity | null> {
  if (!/^[0-9a-f-]{36}$/i.test(activityId)) return null;
  const activity = await db().activity.findFirst({
    where: {
      id: activityId,
      centreId,
      kind: { in: PUBLIC_KINDS },
      booking: { status: { in: ["CONFIRMED", "CANCELLED", "BUMPED"] } },
    },
    include: {
      booking: { select: { ...BOOKING_FACTS, room: ROOM_FACTS } },
    },
  });
  if (!activity) return null;
  const asksPayment = activity.kind === "SIGN_UP" && activity.payOnline && activity.participantPriceCents > 0;
  return {
    ...publicFacts(activity, activity.booking, activity.booking.room),
    id: activity.id,
    contactInfo: activity.contactInfo,
    cancelled: activity.booking.status !== "CONFIRMED",
    paysOnline:
      asksPayment &&
      Boolean(await db().centrePaymentSettings.findUnique({ where: { centreId }, select: { centreId: true } })),
  };
}

/** How many coming dates an activity page shows. */
const UPCOMING_DATES = 8;

/**
 * The activity's dates that have not ended at `now` (cancelled ones included), the first
 * `limit`, with free places. A date that is under way still shows; signing up for it is
 * refused by the sign-up rules.
 */
export async function upcomingDates(centreId: string, activityId: string, now = clock.now(), limit = UPCOMING_DATES) {
  const rows = await db().occurrence.findMany({
    where: {
      AND: [publicOccurrences(), { centreId, endsAt: { gt: now }, booking: { activity: { is: { id: activityId } } } }],
    },
    orderBy: [{ startsAt: "asc" }, { id: "asc" }],
    take: limit,
    include: ITEM_INCLUDE,
  });
  return toItems(rows);
}

/** Days the embeddable widget shows, from today. */
const WIDGET_DAYS = 14;

/** The widget's list: the dates of the next two weeks that have not ended yet. */
export async function widgetItems(centre: Pick<PublicCentre, "id" | "timeZone">, now = clock.now()) {
  const items = await feedItems(centre.id, localDayRange(centre.timeZone, now, 0, WIDGET_DAYS));
  return items.filter((item) => item.endsAt > now).slice(0, 60);
}
