import { DEFAULT_OPENING_HOURS } from "~/domain/centre/defaults";
import { publicHolidayOn } from "~/domain/time/holidays";
import { planOccurrences, type SpaceForPlanning } from "~/domain/bookings/occurrences";
import {
  closuresHit,
  isWithinOpeningHours,
  windowsForRoom,
  type ClosureRange,
  type OpeningWindow,
} from "~/domain/centre/opening-hours";
import {
  addWallClockDays,
  formatLocalDate,
  isoWeekday,
  localDateAt,
  parseLocalDate,
  toWallClock,
} from "~/domain/time/time-zone";
import type {
  ActivityKind,
  Audience,
  BookingStatus,
  CentreRole,
  DayPart,
  Facility,
  InstallationRole,
  ShareCapAction,
  Tier,
} from "~/generated/prisma/enums";

/**
 * The demo's plan: what the demo holds and on which dates, as a pure function of "now" (no
 * database). prisma/demo.ts writes a plan through the booking engine; tests/domain/demo-plan.test.ts
 * plans every day of two years and checks each plan against the engine's own rules.
 *
 * Two fictional centres with activities from the first Monday of last year to a year ahead (so the
 * board's reports compare two years and both clock changes are in it), every tier, the community
 * rules at work, Christmas closures and past headcounts. Series simply do not take place on closed
 * days (the engine keeps those dates as exceptions). The few one-off bookings sit a week or three
 * ahead; when a closure, a public holiday or the opening hours would refuse that date, the plan
 * moves it on by whole weeks (same weekday, same time) to the first date that is allowed.
 */

export const DEMO_ZONE = "Europe/Amsterdam";

export type DemoCentreSlug = "de-wilg" | "het-anker";

export interface DemoAccount {
  email: string;
  name: string;
  what: string;
  centre?: DemoCentreSlug;
  role?: CentreRole;
  installationRole?: InstallationRole;
}

export const DEMO_ACCOUNTS: DemoAccount[] = [
  {
    email: "voorzitter@de-wilg.example",
    name: "Ahmed El Amrani",
    what: "voorzitter De Wilg (beheert het team)",
    centre: "de-wilg",
    role: "ADMIN",
  },
  {
    email: "beheer@de-wilg.example",
    name: "Marieke Bos",
    what: "beheerder De Wilg",
    centre: "de-wilg",
    role: "MANAGER",
  },
  { email: "gastvrouw@de-wilg.example", name: "Ria Kok", what: "gastvrouw De Wilg", centre: "de-wilg", role: "HOST" },
  {
    email: "penningmeester@de-wilg.example",
    name: "Jan Smit",
    what: "bestuurslid De Wilg",
    centre: "de-wilg",
    role: "BOARD",
  },
  {
    email: "beheer@het-anker.example",
    name: "Henk Visser",
    what: "beheerder Het Anker",
    centre: "het-anker",
    role: "MANAGER",
  },
  {
    email: "sociaal-domein@gemeente-oosterveld.example",
    name: "Sandra Meijer",
    what: "gemeente (alle huizen)",
    installationRole: "MUNICIPALITY",
  },
  { email: "koffie@de-wilg.example", name: "Truus van Dam", what: "contactpersoon Koffieochtend (bewonersinitiatief)" },
  { email: "sanne@yoga-met-sanne.example", name: "Sanne de Boer", what: "contactpersoon Yoga met Sanne (commercieel)" },
];

/** Who manages each demo centre (and so makes its bookings). */
const MANAGER_OF: Record<DemoCentreSlug, string> = {
  "de-wilg": "beheer@de-wilg.example",
  "het-anker": "beheer@het-anker.example",
};

export interface DemoCentre {
  slug: DemoCentreSlug;
  name: string;
  description: string;
  street: string;
  postalCode: string;
  city: string;
  directions: string;
  email: string;
  phone?: string;
  invoicePrefix: string;
  commercialShareCapAction?: ShareCapAction;
  /** the weekly opening hours (the centre defaults, as the factory stores them) */
  openingHours: OpeningWindow[];
}

interface DemoRoom {
  /** the room's key in the plan (the loader maps it to the stored id) */
  key: string;
  centre: DemoCentreSlug;
  name: string;
  capacity: number;
  areaM2: number;
  stepFree: boolean;
  location: string;
  facilities: Facility[];
  setupBufferMinutes: number;
  cleanupBufferMinutes: number;
  sortOrder: number;
  /** a combination: the keys of the rooms it claims */
  members?: string[];
}

interface DemoRate {
  room: string;
  tier: Tier;
  hourlyCents: number;
  freeHoursPerMonth: number;
  minimumMinutes: number;
  /** "YYYY-MM-DD" */
  validFrom: string;
  dayParts: { dayPart: DayPart; priceCents: number }[];
}

interface DemoClosure {
  centre: DemoCentreSlug;
  /** a closure of one room; without it the whole centre is closed */
  room?: string;
  /** "YYYY-MM-DD", both ends inclusive */
  startDate: string;
  endDate: string;
  reason: string;
}

interface DemoOrganisation {
  key: string;
  centre: DemoCentreSlug;
  name: string;
  tier: Tier;
  contactName: string;
  contactEmail: string | null;
  /** "YYYY-MM-DD" the manager verified the tier; null: self-declared, not verified */
  tierVerifiedOn: string | null;
  /** demo accounts that act for the organisation */
  members?: string[];
}

interface DemoActivity {
  kind: ActivityKind;
  title: string;
  description?: string;
  audiences?: Audience[];
  capacity?: number;
  participantPriceCents?: number;
  accessibilityNotes?: string;
  organiserName?: string;
}

/** Headcount of the i-th past date: base + (i × step) mod spread. */
export interface DemoHeadcounts {
  base: number;
  step: number;
  spread: number;
}

export interface DemoBooking {
  title: string;
  centre: DemoCentreSlug;
  organisation: string;
  room: string;
  /** RRULE value, or null for a one-off */
  rrule: string | null;
  /** first start, wall clock "YYYY-MM-DDTHH:mm" in the demo's zone */
  localStart: string;
  durationMinutes: number;
  attendees: number;
  tier: Tier;
  status: BookingStatus;
  provisionalCutoffDays?: number;
  notes?: string;
  activity?: DemoActivity;
  /** the demo account that made the booking; none: the organisation asked itself */
  createdBy: string | null;
  /** a one-off the plan moved: the start it would have had and what refused that date */
  movedFrom?: { localStart: string; refusal: string };
  /** headcounts recorded on its past dates (walk-in activities) */
  headcounts?: DemoHeadcounts;
}

export interface DemoPlan {
  now: Date;
  /** today in the demo's zone, "YYYY-MM-DD" */
  today: string;
  /** the first Monday of last year, where the series begin */
  seriesStart: string;
  /** The day the demo centres joined Buurtrooster: before all of their history (payments may not be older). */
  joinedOn: string;
  accounts: DemoAccount[];
  centres: DemoCentre[];
  rooms: DemoRoom[];
  rates: DemoRate[];
  closures: DemoClosure[];
  organisations: DemoOrganisation[];
  /** in the order they are written */
  bookings: DemoBooking[];
}

/** How many weeks a one-off may move on before the plan gives up (Christmas takes two at most). */
const MOST_WEEKS_MOVED = 8;

/** The demo for the day of `now` (in the demo's zone). Deterministic: the same plan for the same instant. */
export function planDemo(now: Date): DemoPlan {
  const today = localDateAt(now, DEMO_ZONE);
  const thisMonday = plusDays(today, 1 - isoWeekday(parseLocalDate(today)!));
  const monday = (weeks: number) => plusDays(thisMonday, weeks * 7);
  const lastYear = Number(today.slice(0, 4)) - 1;
  // From the first Monday of last year, so the board's reports compare a whole year with the one before.
  const seriesStart = firstOn(`${lastYear}-01-01`, 1);

  const centres = demoCentres();
  const rooms = demoRooms();

  // ── Closures: every Christmas the series reach (they run a year ahead), a week of maintenance ──
  const closures: DemoClosure[] = [];
  const lastSeriesDay = plusDays(today, 366);
  for (let year = lastYear; `${year}-12-24` <= lastSeriesDay; year++) {
    for (const centre of centres) {
      closures.push({
        centre: centre.slug,
        startDate: `${year}-12-24`,
        endDate: `${year + 1}-01-01`,
        reason: "Kerstsluiting",
      });
    }
  }
  closures.push({
    centre: "de-wilg",
    room: "atelier",
    startDate: monday(5),
    endDate: plusDays(monday(5), 6),
    reason: "Schilderwerk",
  });

  const verifiedOn = seriesStart;
  const organisations: DemoOrganisation[] = [
    {
      key: "koffie",
      centre: "de-wilg",
      name: "Koffieochtend De Wilg",
      tier: "RESIDENT_INITIATIVE",
      contactName: "Truus van Dam",
      contactEmail: "koffie@de-wilg.example",
      tierVerifiedOn: verifiedOn,
      members: ["koffie@de-wilg.example"],
    },
    {
      key: "rouwcafe",
      centre: "de-wilg",
      name: "Rouwcafé Samen Verder",
      tier: "RESIDENT_INITIATIVE",
      contactName: "Gerard Mulder",
      contactEmail: "rouwcafe@samenverder.example",
      tierVerifiedOn: verifiedOn,
    },
    {
      key: "huiswerk",
      centre: "de-wilg",
      name: "Huiswerkclub Oost",
      tier: "ASSOCIATION",
      contactName: "Yasmina El Amrani",
      contactEmail: "huiswerkclub@wijkoost.example",
      tierVerifiedOn: verifiedOn,
    },
    {
      key: "schilders",
      centre: "de-wilg",
      name: "Schildersclub Penseel",
      tier: "ASSOCIATION",
      contactName: "Kees Vermeulen",
      contactEmail: "penseel@schilders.example",
      tierVerifiedOn: verifiedOn,
    },
    {
      key: "yoga",
      centre: "de-wilg",
      name: "Yoga met Sanne",
      tier: "COMMERCIAL",
      contactName: "Sanne de Boer",
      contactEmail: "sanne@yoga-met-sanne.example",
      tierVerifiedOn: verifiedOn,
      members: ["sanne@yoga-met-sanne.example"],
    },
    {
      key: "jansen",
      centre: "de-wilg",
      name: "Familie Jansen",
      tier: "PRIVATE",
      contactName: "Peter Jansen",
      contactEmail: "peter.jansen@voorbeeld.example",
      tierVerifiedOn: verifiedOn,
    },
    {
      key: "taart",
      centre: "de-wilg",
      name: "Taartenbakkerij Zoet",
      tier: "COMMERCIAL",
      contactName: "Lotte Hendriks",
      contactEmail: "lotte@bakkerijzoet.example",
      tierVerifiedOn: null,
    },
    {
      key: "boules",
      centre: "het-anker",
      name: "Jeu-de-boulesclub Het Anker",
      tier: "ASSOCIATION",
      contactName: "Wim Bakker",
      contactEmail: null,
      tierVerifiedOn: verifiedOn,
    },
    {
      key: "koor",
      centre: "het-anker",
      name: "Dorpskoor Oosterveld",
      tier: "ASSOCIATION",
      contactName: "Ineke Post",
      contactEmail: "koor@oosterveld.example",
      tierVerifiedOn: verifiedOn,
    },
    {
      key: "knutsel",
      centre: "het-anker",
      name: "Knutselclub Kleine Handjes",
      tier: "RESIDENT_INITIATIVE",
      contactName: "Fenna Dijkstra",
      contactEmail: "knutsel@oosterveld.example",
      tierVerifiedOn: verifiedOn,
    },
    {
      key: "taal",
      centre: "de-wilg",
      name: "Taalcafé De Wilg",
      tier: "RESIDENT_INITIATIVE",
      contactName: "Mirjam Koster",
      contactEmail: "taalcafe@de-wilg.example",
      tierVerifiedOn: verifiedOn,
    },
    {
      key: "bridge",
      centre: "de-wilg",
      name: "Bridgeclub Oost",
      tier: "ASSOCIATION",
      contactName: "Joop van Leeuwen",
      contactEmail: "bridge@bridgeclub-oost.example",
      tierVerifiedOn: verifiedOn,
    },
    {
      key: "buurtvereniging",
      centre: "de-wilg",
      name: "Buurtvereniging Wilgenpark",
      tier: "ASSOCIATION",
      contactName: "Anouk Vos",
      contactEmail: "bestuur@wilgenpark.example",
      tierVerifiedOn: verifiedOn,
    },
    {
      key: "kaartclub",
      centre: "het-anker",
      name: "Kaartclub Troef",
      tier: "ASSOCIATION",
      contactName: "Gerrit Hoekstra",
      contactEmail: null,
      tierVerifiedOn: verifiedOn,
    },
  ];

  const series = (booking: Omit<DemoBooking, "status" | "createdBy"> & { status?: BookingStatus }): DemoBooking => ({
    status: "CONFIRMED",
    createdBy: MANAGER_OF[booking.centre],
    ...booking,
  });
  const bookings: DemoBooking[] = [
    series({
      title: "Koffieochtend",
      centre: "de-wilg",
      organisation: "koffie",
      room: "zaal-a",
      rrule: "FREQ=WEEKLY;BYDAY=TU",
      localStart: `${firstOn(seriesStart, 2)}T10:00`,
      durationMinutes: 120,
      attendees: 25,
      tier: "RESIDENT_INITIATIVE",
      headcounts: { base: 14, step: 7, spread: 11 },
      activity: {
        kind: "WALK_IN",
        title: "Koffieochtend",
        audiences: ["ADULTS", "OLDER_PEOPLE"],
        description: "Elke dinsdag koffie, thee en een praatje. U hoeft zich niet aan te melden. Loop gewoon binnen.",
        accessibilityNotes: "Ingang zonder drempel. Ringleiding in de zaal. Invalidentoilet aanwezig.",
      },
    }),
    series({
      title: "Rouwcafé",
      centre: "de-wilg",
      organisation: "rouwcafe",
      room: "vergaderkamer",
      rrule: "FREQ=MONTHLY;BYDAY=1TH",
      localStart: `${firstOn(seriesStart, 4)}T19:30`,
      durationMinutes: 120,
      attendees: 10,
      tier: "RESIDENT_INITIATIVE",
      headcounts: { base: 6, step: 5, spread: 6 },
      activity: {
        kind: "WALK_IN",
        title: "Rouwcafé Samen Verder",
        audiences: ["ADULTS", "OLDER_PEOPLE"],
        description:
          "Elke eerste donderdag van de maand. Praten over verlies, of gewoon luisteren. U meldt zich niet aan: u loopt gewoon binnen.",
        accessibilityNotes: "Rustige ruimte bij de ingang, zonder drempel.",
      },
    }),
    series({
      title: "Huiswerkclub",
      centre: "de-wilg",
      organisation: "huiswerk",
      room: "zaal-b",
      rrule: "FREQ=WEEKLY;BYDAY=MO,WE",
      localStart: `${firstOn(seriesStart, 1)}T15:30`,
      durationMinutes: 120,
      attendees: 15,
      tier: "ASSOCIATION",
      activity: {
        kind: "SIGN_UP",
        title: "Huiswerkclub",
        audiences: ["CHILDREN", "YOUNG_PEOPLE"],
        capacity: 15,
        description:
          "Hulp bij huiswerk voor kinderen van 9 tot 14 jaar. Met vrijwilligers en limonade. Aanmelden is nodig: er zijn 15 plekken.",
        accessibilityNotes: "Zaal zonder drempel.",
      },
    }),
    series({
      title: "Schildersclub",
      centre: "de-wilg",
      organisation: "schilders",
      room: "atelier",
      rrule: "FREQ=WEEKLY;BYDAY=FR",
      localStart: `${firstOn(seriesStart, 5)}T13:30`,
      durationMinutes: 150,
      attendees: 12,
      tier: "ASSOCIATION",
      activity: {
        kind: "SIGN_UP",
        title: "Schilderen voor iedereen",
        audiences: ["ADULTS", "OLDER_PEOPLE"],
        capacity: 12,
        participantPriceCents: 300,
        description: "Samen schilderen met aquarel en acryl. Materiaal is er. Aanmelden is nodig.",
        accessibilityNotes: "Het atelier is op de eerste verdieping. Er is geen lift.",
      },
    }),
    // Commercial hire: only eight weeks ahead, evening (outside community hours), provisional until 14 days before.
    series({
      title: "Yoga",
      centre: "de-wilg",
      organisation: "yoga",
      room: "zaal-a",
      rrule: "FREQ=WEEKLY;BYDAY=WE;COUNT=8",
      localStart: `${firstOn(monday(0), 3)}T19:30`,
      durationMinutes: 75,
      attendees: 14,
      tier: "COMMERCIAL",
      provisionalCutoffDays: 14,
      activity: {
        kind: "SIGN_UP",
        title: "Yoga voor beginners",
        audiences: ["ADULTS"],
        capacity: 14,
        participantPriceCents: 800,
        organiserName: "Sanne de Boer (Yoga met Sanne)",
        description: "Rustige yoga voor beginners. Neem een matje mee als u dat heeft.",
      },
    }),
    // A private party in the combined hall, and a commercial request waiting for a manager.
    {
      title: "Verjaardagsfeest",
      centre: "de-wilg",
      organisation: "jansen",
      room: "grote-zaal",
      rrule: null,
      localStart: `${plusDays(monday(2), 5)}T18:00`,
      durationMinutes: 300,
      attendees: 70,
      tier: "PRIVATE",
      status: "CONFIRMED",
      createdBy: MANAGER_OF["de-wilg"],
      activity: { kind: "PRIVATE", title: "Verjaardagsfeest familie Jansen" },
    },
    {
      title: "Workshop taarten bakken",
      centre: "de-wilg",
      organisation: "taart",
      room: "keuken",
      rrule: null,
      localStart: `${plusDays(monday(3), 5)}T19:00`,
      durationMinutes: 180,
      attendees: 10,
      tier: "COMMERCIAL",
      status: "PENDING",
      provisionalCutoffDays: 14,
      createdBy: null,
      notes: "Wij willen een workshop voor klanten geven.",
    },
    series({
      title: "Repetitie dorpskoor",
      centre: "het-anker",
      organisation: "koor",
      room: "anker-grote-zaal",
      rrule: "FREQ=WEEKLY;BYDAY=TU",
      localStart: `${firstOn(seriesStart, 2)}T20:00`,
      durationMinutes: 120,
      attendees: 35,
      tier: "ASSOCIATION",
      activity: {
        kind: "WALK_IN",
        title: "Open repetitie dorpskoor",
        audiences: ["ADULTS", "OLDER_PEOPLE"],
        description: "Zingt u graag? Kom eens luisteren of meezingen. Gewoon binnenlopen.",
      },
    }),
    series({
      title: "Jeu de boules en koffie",
      centre: "het-anker",
      organisation: "boules",
      room: "anker-kleine-zaal",
      rrule: "FREQ=WEEKLY;BYDAY=SA",
      localStart: `${firstOn(seriesStart, 6)}T10:00`,
      durationMinutes: 150,
      attendees: 20,
      tier: "ASSOCIATION",
      activity: {
        kind: "WALK_IN",
        title: "Jeu de boules",
        audiences: ["ADULTS", "OLDER_PEOPLE"],
        description: "Op de baan achter het dorpshuis, daarna koffie binnen. Ballen zijn er te leen.",
      },
    }),
    series({
      title: "Knutselmiddag",
      centre: "het-anker",
      organisation: "knutsel",
      room: "anker-kleine-zaal",
      rrule: "FREQ=MONTHLY;BYDAY=-1WE",
      localStart: `${firstOn(seriesStart, 3)}T14:00`,
      durationMinutes: 120,
      attendees: 12,
      tier: "RESIDENT_INITIATIVE",
      activity: {
        kind: "SIGN_UP",
        title: "Knutselmiddag",
        audiences: ["CHILDREN"],
        capacity: 12,
        description: "Elke laatste woensdag van de maand knutselen voor kinderen van 4 tot 10 jaar.",
      },
    }),
    // More regulars, so the rooms are used the way a busy buurthuis is.
    series({
      title: "Taalcafé",
      centre: "de-wilg",
      organisation: "taal",
      room: "vergaderkamer",
      rrule: "FREQ=WEEKLY;BYDAY=WE",
      localStart: `${firstOn(seriesStart, 3)}T10:00`,
      durationMinutes: 120,
      attendees: 10,
      tier: "RESIDENT_INITIATIVE",
      headcounts: { base: 5, step: 3, spread: 7 },
      activity: {
        kind: "WALK_IN",
        title: "Taalcafé: samen Nederlands praten",
        audiences: ["ADULTS"],
        description: "Oefen Nederlands in een kleine groep, met koffie. Elk niveau is welkom. Gewoon binnenlopen.",
        accessibilityNotes: "Ingang zonder drempel.",
      },
    }),
    series({
      title: "Bridgeclub",
      centre: "de-wilg",
      organisation: "bridge",
      room: "zaal-a",
      rrule: "FREQ=WEEKLY;BYDAY=MO",
      localStart: `${firstOn(seriesStart, 1)}T13:30`,
      durationMinutes: 180,
      attendees: 24,
      tier: "ASSOCIATION",
    }),
    series({
      title: "Vergadering buurtvereniging",
      centre: "de-wilg",
      organisation: "buurtvereniging",
      room: "vergaderkamer",
      rrule: "FREQ=MONTHLY;BYDAY=2MO",
      localStart: `${firstOn(seriesStart, 1)}T20:00`,
      durationMinutes: 120,
      attendees: 9,
      tier: "ASSOCIATION",
    }),
  ];
  // Earlier seasons of the commercial yoga class (spring and autumn), on the same evening; only
  // seasons that ended before this week, so they never meet the current one.
  const seasons = [lastYear, lastYear + 1].flatMap((year) => [`${year}-03-01`, `${year}-09-01`]);
  for (const season of seasons.filter((start) => plusDays(firstOn(start, 3), 70) <= monday(0))) {
    bookings.push(
      series({
        title: "Yoga",
        centre: "de-wilg",
        organisation: "yoga",
        room: "zaal-a",
        rrule: "FREQ=WEEKLY;BYDAY=WE;COUNT=10",
        localStart: `${firstOn(season, 3)}T19:30`,
        durationMinutes: 75,
        attendees: 14,
        tier: "COMMERCIAL",
      }),
    );
  }
  bookings.push(
    series({
      title: "Kaartmiddag",
      centre: "het-anker",
      organisation: "kaartclub",
      room: "anker-kleine-zaal",
      rrule: "FREQ=WEEKLY;BYDAY=TH",
      localStart: `${firstOn(seriesStart, 4)}T13:30`,
      durationMinutes: 180,
      attendees: 16,
      tier: "ASSOCIATION",
      activity: {
        kind: "WALK_IN",
        title: "Kaartmiddag (klaverjassen)",
        audiences: ["OLDER_PEOPLE"],
        description: "Elke donderdagmiddag klaverjassen. Ook als u het nog moet leren. Gewoon binnenlopen.",
      },
    }),
    {
      title: "Bestuursvergadering koor",
      centre: "het-anker",
      organisation: "koor",
      room: "bestuurskamer",
      rrule: null,
      localStart: `${plusDays(monday(1), 3)}T19:30`,
      durationMinutes: 90,
      attendees: 6,
      tier: "ASSOCIATION",
      status: "CONFIRMED",
      createdBy: null,
    },
  );

  const plan: DemoPlan = {
    now,
    today,
    seriesStart,
    accounts: DEMO_ACCOUNTS,
    centres,
    rooms,
    joinedOn: plusDays(seriesStart, -30),
    rates: demoRates(rooms, plusDays(seriesStart, -30)),
    closures,
    organisations,
    bookings,
  };
  plan.bookings = bookings.map((booking) => (booking.rrule ? booking : placeOneOff(plan, booking)));
  return plan;
}

/** A one-off on its first allowed date: the planned one, or whole weeks later. */
function placeOneOff(plan: DemoPlan, booking: DemoBooking): DemoBooking {
  const [date, time] = booking.localStart.split("T") as [string, string];
  let firstRefusal: string | undefined;
  for (let weeks = 0; weeks <= MOST_WEEKS_MOVED; weeks++) {
    const localStart = `${plusDays(date, weeks * 7)}T${time}`;
    const refusal = refusalOfOneOff(plan, { ...booking, localStart });
    if (!refusal)
      return weeks === 0
        ? booking
        : { ...booking, localStart, movedFrom: { localStart: booking.localStart, refusal: firstRefusal! } };
    firstRefusal ??= refusal;
  }
  throw new Error(
    `The demo finds no date for "${booking.title}" within ${MOST_WEEKS_MOVED} weeks of ${booking.localStart}.`,
  );
}

/**
 * Why the booking engine (or the demo's own rule: no one-off on a public holiday) would not let a
 * one-off take place at its start, or undefined: a closure of the centre or its rooms, a Dutch
 * public holiday, or time outside the opening hours of any room it occupies.
 */
function refusalOfOneOff(
  plan: DemoPlan,
  booking: Pick<DemoBooking, "centre" | "room" | "localStart" | "durationMinutes">,
): string | undefined {
  const space = demoSpace(plan, booking.room);
  const [date] = planOccurrences(
    { rrule: null, localStart: booking.localStart, durationMinutes: booking.durationMinutes, timeZone: DEMO_ZONE },
    space,
  );
  if (!date) return `${booking.localStart} is not a time`;
  const startWall = toWallClock(date.startsAt, DEMO_ZONE);
  const endWall = toWallClock(date.endsAt, DEMO_ZONE);
  const closure = closuresHit(
    demoClosureRanges(plan, booking.centre),
    [space.id, ...space.physicalRoomIds],
    startWall,
    endWall,
  )[0];
  if (closure) return `closed (${closure.reason})`;
  const holiday = publicHolidayOn(formatLocalDate(startWall));
  if (holiday) return `public holiday (${holiday.nl})`;
  const openingHours = demoCentre(plan, booking.centre).openingHours;
  if (
    !space.physicalRoomIds.every((roomId) =>
      isWithinOpeningHours(windowsForRoom(openingHours, roomId), startWall, endWall),
    )
  ) {
    return "outside the opening hours";
  }
  return undefined;
}

/** A room or combination of the plan as the engine plans with it (ids are the plan's keys). */
export function demoSpace(plan: Pick<DemoPlan, "rooms">, roomKey: string): SpaceForPlanning {
  const room = plan.rooms.find((candidate) => candidate.key === roomKey);
  if (!room) throw new Error(`The demo has no room "${roomKey}".`);
  return {
    id: room.key,
    setupBufferMinutes: room.setupBufferMinutes,
    cleanupBufferMinutes: room.cleanupBufferMinutes,
    physicalRoomIds: room.members ?? [room.key],
  };
}

/** A centre's closures in the engine's shape (room ids are the plan's keys). */
export function demoClosureRanges(plan: Pick<DemoPlan, "closures">, centre: DemoCentreSlug): ClosureRange[] {
  return plan.closures
    .filter((closure) => closure.centre === centre)
    .map((closure) => ({
      roomId: closure.room ?? null,
      startDate: closure.startDate,
      endDate: closure.endDate,
      reason: closure.reason,
    }));
}

export function demoCentre(plan: Pick<DemoPlan, "centres">, slug: DemoCentreSlug): DemoCentre {
  return plan.centres.find((centre) => centre.slug === slug)!;
}

// ─── What does not change from day to day ───────────────────────────────────

function demoCentres(): DemoCentre[] {
  return [
    {
      slug: "de-wilg",
      name: "Buurthuis De Wilg",
      description: "Het huis van de wijk Oost. Koffie, clubs, cursussen en feesten.",
      street: "Wilgenplein 4",
      postalCode: "3531 XK",
      city: "Oosterveld",
      directions:
        "Bus 7 en 28 stoppen op het Wilgenplein. Fietsenstalling naast de ingang. De ingang heeft geen drempel.",
      email: "info@de-wilg.example",
      phone: "030 123 45 67",
      invoicePrefix: "DW",
      openingHours: DEFAULT_OPENING_HOURS.map((window) => ({ roomId: null, ...window })),
    },
    {
      slug: "het-anker",
      name: "Dorpshuis Het Anker",
      description: "Het dorpshuis van Oosterveld-Dorp. Van koor tot kaartclub.",
      street: "Kerkweg 18",
      postalCode: "3535 AD",
      city: "Oosterveld-Dorp",
      directions: "Buurtbus 511 stopt bij de kerk. Gratis parkeren achter het dorpshuis.",
      email: "info@het-anker.example",
      invoicePrefix: "HA",
      commercialShareCapAction: "REFUSE",
      openingHours: DEFAULT_OPENING_HOURS.map((window) => ({ roomId: null, ...window })),
    },
  ];
}

function demoRooms(): DemoRoom[] {
  return [
    // Buurthuis De Wilg: a city centre with five rooms and one combination
    {
      key: "zaal-a",
      centre: "de-wilg",
      name: "Zaal A",
      capacity: 40,
      areaM2: 60,
      stepFree: true,
      location: "Begane grond, links",
      facilities: ["PROJECTOR", "SOUND_SYSTEM", "WIFI", "HEARING_LOOP", "ACCESSIBLE_TOILET"],
      setupBufferMinutes: 15,
      cleanupBufferMinutes: 15,
      sortOrder: 1,
    },
    {
      key: "zaal-b",
      centre: "de-wilg",
      name: "Zaal B",
      capacity: 40,
      areaM2: 60,
      stepFree: true,
      location: "Begane grond, rechts",
      facilities: ["WIFI", "CHILD_FRIENDLY", "ACCESSIBLE_TOILET"],
      setupBufferMinutes: 15,
      cleanupBufferMinutes: 15,
      sortOrder: 2,
    },
    {
      key: "keuken",
      centre: "de-wilg",
      name: "Keuken",
      capacity: 12,
      areaM2: 25,
      stepFree: true,
      location: "Begane grond, achter de bar",
      facilities: ["KITCHEN", "ACCESSIBLE_TOILET"],
      setupBufferMinutes: 0,
      cleanupBufferMinutes: 30,
      sortOrder: 3,
    },
    {
      key: "vergaderkamer",
      centre: "de-wilg",
      name: "Vergaderkamer",
      capacity: 12,
      areaM2: 20,
      stepFree: true,
      location: "Begane grond, bij de ingang",
      facilities: ["WHITEBOARD", "WIFI"],
      setupBufferMinutes: 0,
      cleanupBufferMinutes: 10,
      sortOrder: 4,
    },
    {
      key: "atelier",
      centre: "de-wilg",
      name: "Atelier",
      capacity: 16,
      areaM2: 35,
      stepFree: false,
      location: "Eerste verdieping (trap, geen lift)",
      facilities: ["WIFI"],
      setupBufferMinutes: 10,
      cleanupBufferMinutes: 20,
      sortOrder: 5,
    },
    {
      key: "grote-zaal",
      centre: "de-wilg",
      name: "Grote zaal (A + B)",
      capacity: 90,
      areaM2: 120,
      stepFree: true,
      location: "Begane grond",
      facilities: ["PROJECTOR", "SOUND_SYSTEM", "WIFI", "HEARING_LOOP", "BAR", "ACCESSIBLE_TOILET"],
      setupBufferMinutes: 30,
      cleanupBufferMinutes: 45,
      sortOrder: 6,
      members: ["zaal-a", "zaal-b"],
    },
    // Dorpshuis Het Anker: a village centre with three rooms
    {
      key: "anker-grote-zaal",
      centre: "het-anker",
      name: "Grote zaal",
      capacity: 80,
      areaM2: 110,
      stepFree: true,
      location: "Begane grond",
      facilities: ["STAGE", "SOUND_SYSTEM", "BAR", "PIANO", "ACCESSIBLE_TOILET"],
      setupBufferMinutes: 30,
      cleanupBufferMinutes: 30,
      sortOrder: 1,
    },
    {
      key: "anker-kleine-zaal",
      centre: "het-anker",
      name: "Kleine zaal",
      capacity: 25,
      areaM2: 40,
      stepFree: true,
      location: "Begane grond, naast de bar",
      facilities: ["WIFI", "KITCHEN", "OUTDOOR_SPACE"],
      setupBufferMinutes: 10,
      cleanupBufferMinutes: 15,
      sortOrder: 2,
    },
    {
      key: "bestuurskamer",
      centre: "het-anker",
      name: "Bestuurskamer",
      capacity: 10,
      areaM2: 18,
      stepFree: false,
      location: "Eerste verdieping",
      facilities: ["WHITEBOARD", "WIFI"],
      setupBufferMinutes: 0,
      cleanupBufferMinutes: 0,
      sortOrder: 3,
    },
  ];
}

/** Rates: cheap for initiatives, full price for commercial hire; bigger rooms cost more. */
function demoRates(rooms: DemoRoom[], validFrom: string): DemoRate[] {
  const table = [
    { tier: "RESIDENT_INITIATIVE", hourlyCents: 500, freeHoursPerMonth: 8, minimumMinutes: 60 },
    { tier: "ASSOCIATION", hourlyCents: 1250, freeHoursPerMonth: 0, minimumMinutes: 60 },
    { tier: "PRIVATE", hourlyCents: 2500, freeHoursPerMonth: 0, minimumMinutes: 120 },
    { tier: "COMMERCIAL", hourlyCents: 4000, freeHoursPerMonth: 0, minimumMinutes: 120 },
  ] as const;
  return rooms.flatMap((room) => {
    const size = room.capacity >= 60 ? 1.8 : room.capacity >= 30 ? 1 : 0.6;
    return table.map((rate) => ({
      room: room.key,
      tier: rate.tier,
      hourlyCents: Math.round((rate.hourlyCents * size) / 50) * 50,
      freeHoursPerMonth: rate.freeHoursPerMonth,
      minimumMinutes: rate.minimumMinutes,
      validFrom,
      dayParts:
        rate.tier === "PRIVATE" || rate.tier === "COMMERCIAL"
          ? [{ dayPart: "EVENING" as const, priceCents: Math.round((rate.hourlyCents * size * 4) / 100) * 100 }]
          : [],
    }));
  });
}

// ─── Local dates ("YYYY-MM-DD", calendar days, no zone involved) ────────────

/** The date `days` after a local date. */
function plusDays(localDate: string, days: number): string {
  return formatLocalDate(addWallClockDays(parseLocalDate(localDate)!, days));
}

/** The first date on or after `localDate` that falls on ISO weekday `weekday`. */
function firstOn(localDate: string, weekday: number): string {
  return plusDays(localDate, (weekday - isoWeekday(parseLocalDate(localDate)!) + 7) % 7);
}
