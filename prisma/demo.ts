import { db } from "~/db/client.server";
import {
  addWallClockDays,
  formatLocalDate,
  isoWeekday,
  localDateAt,
  parseLocalDate,
  toWallClock,
} from "~/domain/time-zone";
import type { CentreRole, InstallationRole } from "~/generated/prisma/client";
import { loadAgendaDemo } from "./demo-agenda";
import { loadReportsDemo } from "./demo-reports";
import {
  addMembership,
  createCentre,
  createCombination,
  createOrganisation,
  createRate,
  createRoom,
  createTestBooking,
  createUser,
} from "./factories";
import { clock } from "~/lib/clock";

/**
 * The demo: a city buurthuis and a village dorpshuis with activities from January last year to
 * a year ahead (so the reports compare two years and both clock changes are in it), every
 * tier, the community rules at work, Christmas closures and past headcounts. Fictional names only.
 * Deterministic: the same data for the same day, nothing random.
 */

export const DEMO_ACCOUNTS: {
  email: string;
  name: string;
  what: string;
  centre?: "de-wilg" | "het-anker";
  role?: CentreRole;
  installationRole?: InstallationRole;
}[] = [
  { email: "voorzitter@de-wilg.example", name: "Ahmed El Amrani", what: "voorzitter De Wilg (beheert het team)", centre: "de-wilg", role: "ADMIN" },
  { email: "beheer@de-wilg.example", name: "Marieke Bos", what: "beheerder De Wilg", centre: "de-wilg", role: "MANAGER" },
  { email: "gastvrouw@de-wilg.example", name: "Ria Kok", what: "gastvrouw De Wilg", centre: "de-wilg", role: "HOST" },
  { email: "penningmeester@de-wilg.example", name: "Jan Smit", what: "bestuurslid De Wilg", centre: "de-wilg", role: "BOARD" },
  { email: "beheer@het-anker.example", name: "Henk Visser", what: "beheerder Het Anker", centre: "het-anker", role: "MANAGER" },
  { email: "sociaal-domein@gemeente-oosterveld.example", name: "Sandra Meijer", what: "gemeente (alle huizen)", installationRole: "MUNICIPALITY" },
  { email: "koffie@de-wilg.example", name: "Truus van Dam", what: "contactpersoon Koffieochtend (bewonersinitiatief)" },
  { email: "sanne@yoga-met-sanne.example", name: "Sanne de Boer", what: "contactpersoon Yoga met Sanne (commercieel)" },
];

export async function isDatabaseEmpty(): Promise<boolean> {
  return (await db().centre.count()) === 0;
}

/** Loads the demo into an empty database; prints the demo accounts either way. */
export async function loadDemoIfEmpty(options: { log: (line: string) => void; now?: Date }): Promise<void> {
  if (await isDatabaseEmpty()) {
    const started = Date.now();
    await loadDemo(options.now ?? clock.now());
    options.log(`Loaded the demo centres in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
  }
  if (await db().centre.findUnique({ where: { slug: "de-wilg" }, select: { id: true } })) {
    options.log("Demo accounts (sign in at /login; without SMTP the link appears at /dev/mailbox):");
    for (const account of DEMO_ACCOUNTS) options.log(`  ${account.email.padEnd(44)} ${account.what}`);
  }
}

const ZONE = "Europe/Amsterdam";

/** Local "YYYY-MM-DD" of the Monday `weeks` weeks from the week of `now`. */
function monday(now: Date, weeks: number): string {
  const today = toWallClock(now, ZONE);
  const thisMonday = addWallClockDays(new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate())), 1 - isoWeekday(today));
  return formatLocalDate(addWallClockDays(thisMonday, weeks * 7));
}

/** Local "YYYY-MM-DD" of the first Monday of `year`. */
function firstMondayOfYear(year: number): string {
  const first = parseLocalDate(`${year}-01-01`)!;
  return formatLocalDate(addWallClockDays(first, (8 - isoWeekday(first)) % 7));
}

/** The date `days` after a local date. */
function plusDays(localDate: string, days: number): string {
  return formatLocalDate(addWallClockDays(parseLocalDate(localDate)!, days));
}

export async function loadDemo(now: Date): Promise<void> {
  // From the first Monday of last year, so the board's reports compare a whole year with the one before.
  const seriesStart = firstMondayOfYear(Number(localDateAt(now, ZONE).slice(0, 4)) - 1);
  const users = new Map<string, string>();
  for (const account of DEMO_ACCOUNTS) {
    const user = await createUser({ email: account.email, name: account.name, installationRole: account.installationRole ?? null });
    users.set(account.email, user.id);
  }

  // ── Buurthuis De Wilg: a city centre with five rooms and one combination ──
  const wilg = await createCentre({
    slug: "de-wilg",
    name: "Buurthuis De Wilg",
    description: "Het huis van de wijk Oost. Koffie, clubs, cursussen en feesten.",
    street: "Wilgenplein 4",
    postalCode: "3531 XK",
    city: "Oosterveld",
    directions: "Bus 7 en 28 stoppen op het Wilgenplein. Fietsenstalling naast de ingang. De ingang heeft geen drempel.",
    email: "info@de-wilg.example",
    phone: "030 123 45 67",
    invoicePrefix: "DW",
  });
  const zaalA = await createRoom(wilg.id, {
    name: "Zaal A", capacity: 40, areaM2: 60, stepFree: true, location: "Begane grond, links",
    facilities: ["PROJECTOR", "SOUND_SYSTEM", "WIFI", "HEARING_LOOP", "ACCESSIBLE_TOILET"],
    setupBufferMinutes: 15, cleanupBufferMinutes: 15, sortOrder: 1,
  });
  const zaalB = await createRoom(wilg.id, {
    name: "Zaal B", capacity: 40, areaM2: 60, stepFree: true, location: "Begane grond, rechts",
    facilities: ["WIFI", "CHILD_FRIENDLY", "ACCESSIBLE_TOILET"], setupBufferMinutes: 15, cleanupBufferMinutes: 15, sortOrder: 2,
  });
  const keuken = await createRoom(wilg.id, {
    name: "Keuken", capacity: 12, areaM2: 25, stepFree: true, location: "Begane grond, achter de bar",
    facilities: ["KITCHEN", "ACCESSIBLE_TOILET"], setupBufferMinutes: 0, cleanupBufferMinutes: 30, sortOrder: 3,
  });
  const vergaderkamer = await createRoom(wilg.id, {
    name: "Vergaderkamer", capacity: 12, areaM2: 20, stepFree: true, location: "Begane grond, bij de ingang",
    facilities: ["WHITEBOARD", "WIFI"], setupBufferMinutes: 0, cleanupBufferMinutes: 10, sortOrder: 4,
  });
  const atelier = await createRoom(wilg.id, {
    name: "Atelier", capacity: 16, areaM2: 35, stepFree: false, location: "Eerste verdieping (trap, geen lift)",
    facilities: ["WIFI"], setupBufferMinutes: 10, cleanupBufferMinutes: 20, sortOrder: 5,
  });
  const groteZaal = await createCombination(wilg.id, [zaalA.id, zaalB.id], {
    name: "Grote zaal (A + B)", capacity: 90, areaM2: 120, stepFree: true, location: "Begane grond",
    facilities: ["PROJECTOR", "SOUND_SYSTEM", "WIFI", "HEARING_LOOP", "BAR", "ACCESSIBLE_TOILET"],
    setupBufferMinutes: 30, cleanupBufferMinutes: 45, sortOrder: 6,
  });

  // ── Dorpshuis Het Anker: a village centre with three rooms ──
  const anker = await createCentre({
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
  });
  const ankerGroot = await createRoom(anker.id, {
    name: "Grote zaal", capacity: 80, areaM2: 110, stepFree: true, location: "Begane grond",
    facilities: ["STAGE", "SOUND_SYSTEM", "BAR", "PIANO", "ACCESSIBLE_TOILET"], setupBufferMinutes: 30, cleanupBufferMinutes: 30, sortOrder: 1,
  });
  const ankerKlein = await createRoom(anker.id, {
    name: "Kleine zaal", capacity: 25, areaM2: 40, stepFree: true, location: "Begane grond, naast de bar",
    facilities: ["WIFI", "KITCHEN", "OUTDOOR_SPACE"], setupBufferMinutes: 10, cleanupBufferMinutes: 15, sortOrder: 2,
  });
  const bestuurskamer = await createRoom(anker.id, {
    name: "Bestuurskamer", capacity: 10, areaM2: 18, stepFree: false, location: "Eerste verdieping",
    facilities: ["WHITEBOARD", "WIFI"], setupBufferMinutes: 0, cleanupBufferMinutes: 0, sortOrder: 3,
  });

  for (const account of DEMO_ACCOUNTS) {
    if (account.centre && account.role) {
      await addMembership(users.get(account.email)!, account.centre === "de-wilg" ? wilg.id : anker.id, account.role);
    }
  }

  // ── Rates: cheap for initiatives, full price for commercial hire ──
  const rateTable = [
    { tier: "RESIDENT_INITIATIVE", hourlyCents: 500, freeHoursPerMonth: 8, minimumMinutes: 60 },
    { tier: "ASSOCIATION", hourlyCents: 1250, freeHoursPerMonth: 0, minimumMinutes: 60 },
    { tier: "PRIVATE", hourlyCents: 2500, freeHoursPerMonth: 0, minimumMinutes: 120 },
    { tier: "COMMERCIAL", hourlyCents: 4000, freeHoursPerMonth: 0, minimumMinutes: 120 },
  ] as const;
  const since = new Date(`${plusDays(seriesStart, -30)}T00:00:00Z`);
  for (const room of [zaalA, zaalB, keuken, vergaderkamer, atelier, groteZaal, ankerGroot, ankerKlein, bestuurskamer]) {
    const size = room.capacity >= 60 ? 1.8 : room.capacity >= 30 ? 1 : 0.6;
    for (const rate of rateTable) {
      await createRate(room.centreId, room.id, rate.tier, {
        hourlyCents: Math.round((rate.hourlyCents * size) / 50) * 50,
        freeHoursPerMonth: rate.freeHoursPerMonth,
        minimumMinutes: rate.minimumMinutes,
        validFrom: since,
        dayParts: rate.tier === "PRIVATE" || rate.tier === "COMMERCIAL"
          ? [{ dayPart: "EVENING", priceCents: Math.round((rate.hourlyCents * size * 4) / 100) * 100 }]
          : [],
      });
    }
  }

  // ── Closures: Christmas (both years around now) and a week of maintenance ──
  const thisYear = Number(monday(now, 0).slice(0, 4));
  for (const centre of [wilg, anker]) {
    for (const year of [thisYear - 1, thisYear]) {
      await db().closure.create({
        data: {
          centreId: centre.id,
          startDate: new Date(`${year}-12-24T00:00:00Z`),
          endDate: new Date(`${year + 1}-01-01T00:00:00Z`),
          reason: "Kerstsluiting",
        },
      });
    }
  }
  const maintenanceStart = monday(now, 5);
  await db().closure.create({
    data: {
      centreId: wilg.id,
      roomId: atelier.id,
      startDate: new Date(`${maintenanceStart}T00:00:00Z`),
      endDate: new Date(`${plusDays(maintenanceStart, 6)}T00:00:00Z`),
      reason: "Schilderwerk",
    },
  });

  // ── Organisations of every tier ──
  const org = (centreId: string, name: string, tier: "RESIDENT_INITIATIVE" | "ASSOCIATION" | "PRIVATE" | "COMMERCIAL", contactName: string, contactEmail: string | null, verified = true) =>
    createOrganisation(centreId, {
      name, tier, contactName, contactEmail,
      tierVerifiedAt: verified ? new Date(`${seriesStart}T09:00:00Z`) : null,
    });
  const koffie = await org(wilg.id, "Koffieochtend De Wilg", "RESIDENT_INITIATIVE", "Truus van Dam", "koffie@de-wilg.example");
  const rouwcafe = await org(wilg.id, "Rouwcafé Samen Verder", "RESIDENT_INITIATIVE", "Gerard Mulder", "rouwcafe@samenverder.example");
  const huiswerk = await org(wilg.id, "Huiswerkclub Oost", "ASSOCIATION", "Yasmina El Amrani", "huiswerkclub@wijkoost.example");
  const schilders = await org(wilg.id, "Schildersclub Penseel", "ASSOCIATION", "Kees Vermeulen", "penseel@schilders.example");
  const yoga = await org(wilg.id, "Yoga met Sanne", "COMMERCIAL", "Sanne de Boer", "sanne@yoga-met-sanne.example");
  const jansen = await org(wilg.id, "Familie Jansen", "PRIVATE", "Peter Jansen", "peter.jansen@voorbeeld.example");
  const taart = await org(wilg.id, "Taartenbakkerij Zoet", "COMMERCIAL", "Lotte Hendriks", "lotte@bakkerijzoet.example", false);
  const boules = await org(anker.id, "Jeu-de-boulesclub Het Anker", "ASSOCIATION", "Wim Bakker", null);
  const koor = await org(anker.id, "Dorpskoor Oosterveld", "ASSOCIATION", "Ineke Post", "koor@oosterveld.example");
  const knutsel = await org(anker.id, "Knutselclub Kleine Handjes", "RESIDENT_INITIATIVE", "Fenna Dijkstra", "knutsel@oosterveld.example");
  const taal = await org(wilg.id, "Taalcafé De Wilg", "RESIDENT_INITIATIVE", "Mirjam Koster", "taalcafe@de-wilg.example");
  const bridge = await org(wilg.id, "Bridgeclub Oost", "ASSOCIATION", "Joop van Leeuwen", "bridge@bridgeclub-oost.example");
  const buurtvereniging = await org(wilg.id, "Buurtvereniging Wilgenpark", "ASSOCIATION", "Anouk Vos", "bestuur@wilgenpark.example");
  const kaartclub = await org(anker.id, "Kaartclub Troef", "ASSOCIATION", "Gerrit Hoekstra", null);
  await db().organisationMember.createMany({
    data: [
      { organisationId: koffie.id, userId: users.get("koffie@de-wilg.example")! },
      { organisationId: yoga.id, userId: users.get("sanne@yoga-met-sanne.example")! },
    ],
  });

  const manager = users.get("beheer@de-wilg.example")!;
  // Dates in a closure (Christmas, maintenance) become exceptions with the closure's reason.
  const series = async (booking: Parameters<typeof createTestBooking>[0]) => createTestBooking({ ...booking, createdById: manager });

  /** First date on or after `localDate` that falls on ISO weekday `weekday`. */
  const firstOn = (localDate: string, weekday: number) => {
    const date = parseLocalDate(localDate)!;
    return formatLocalDate(addWallClockDays(date, (weekday - isoWeekday(date) + 7) % 7));
  };

  const koffieochtend = await series({
    centreId: wilg.id, organisationId: koffie.id, roomId: zaalA.id, title: "Koffieochtend",
    rrule: "FREQ=WEEKLY;BYDAY=TU", localStart: `${firstOn(seriesStart, 2)}T10:00`, durationMinutes: 120,
    attendees: 25, tier: "RESIDENT_INITIATIVE",
    activity: {
      kind: "WALK_IN", title: "Koffieochtend", audiences: ["ADULTS", "OLDER_PEOPLE"],
      description: "Elke dinsdag koffie, thee en een praatje. U hoeft zich niet aan te melden. Loop gewoon binnen.",
      accessibilityNotes: "Ingang zonder drempel. Ringleiding in de zaal. Invalidentoilet aanwezig.",
    },
  });
  const rouw = await series({
    centreId: wilg.id, organisationId: rouwcafe.id, roomId: vergaderkamer.id, title: "Rouwcafé",
    rrule: "FREQ=MONTHLY;BYDAY=1TH", localStart: `${firstOn(seriesStart, 4)}T19:30`, durationMinutes: 120,
    attendees: 10, tier: "RESIDENT_INITIATIVE",
    activity: {
      kind: "WALK_IN", title: "Rouwcafé Samen Verder", audiences: ["ADULTS", "OLDER_PEOPLE"],
      description: "Elke eerste donderdag van de maand. Praten over verlies, of gewoon luisteren. U meldt zich niet aan: u loopt gewoon binnen.",
      accessibilityNotes: "Rustige ruimte bij de ingang, zonder drempel.",
    },
  });
  await series({
    centreId: wilg.id, organisationId: huiswerk.id, roomId: zaalB.id, title: "Huiswerkclub",
    rrule: "FREQ=WEEKLY;BYDAY=MO,WE", localStart: `${firstOn(seriesStart, 1)}T15:30`, durationMinutes: 120,
    attendees: 15, tier: "ASSOCIATION",
    activity: {
      kind: "SIGN_UP", title: "Huiswerkclub", audiences: ["CHILDREN", "YOUNG_PEOPLE"], capacity: 15,
      description: "Hulp bij huiswerk voor kinderen van 9 tot 14 jaar. Met vrijwilligers en limonade. Aanmelden is nodig: er zijn 15 plekken.",
      accessibilityNotes: "Zaal zonder drempel.",
    },
  });
  await series({
    centreId: wilg.id, organisationId: schilders.id, roomId: atelier.id, title: "Schildersclub",
    rrule: "FREQ=WEEKLY;BYDAY=FR", localStart: `${firstOn(seriesStart, 5)}T13:30`, durationMinutes: 150,
    attendees: 12, tier: "ASSOCIATION",
    activity: {
      kind: "SIGN_UP", title: "Schilderen voor iedereen", audiences: ["ADULTS", "OLDER_PEOPLE"], capacity: 12,
      participantPriceCents: 300,
      description: "Samen schilderen met aquarel en acryl. Materiaal is er. Aanmelden is nodig.",
      accessibilityNotes: "Het atelier is op de eerste verdieping. Er is geen lift.",
    },
  });
  // Commercial hire: only eight weeks ahead, evening (outside community hours), provisional until 14 days before.
  await series({
    centreId: wilg.id, organisationId: yoga.id, roomId: zaalA.id, title: "Yoga",
    rrule: "FREQ=WEEKLY;BYDAY=WE;COUNT=8", localStart: `${firstOn(monday(now, 0), 3)}T19:30`, durationMinutes: 75,
    attendees: 14, tier: "COMMERCIAL", provisionalCutoffDays: 14,
    activity: {
      kind: "SIGN_UP", title: "Yoga voor beginners", audiences: ["ADULTS"], capacity: 14, participantPriceCents: 800,
      organiserName: "Sanne de Boer (Yoga met Sanne)",
      description: "Rustige yoga voor beginners. Neem een matje mee als u dat heeft.",
    },
  });
  // A private party in the combined hall, and a commercial request waiting for a manager.
  await createTestBooking({
    centreId: wilg.id, organisationId: jansen.id, roomId: groteZaal.id, title: "Verjaardagsfeest",
    localStart: `${plusDays(monday(now, 2), 5)}T18:00`, durationMinutes: 300, attendees: 70, tier: "PRIVATE",
    activity: { kind: "PRIVATE", title: "Verjaardagsfeest familie Jansen" }, createdById: manager,
  });
  await createTestBooking({
    centreId: wilg.id, organisationId: taart.id, roomId: keuken.id, title: "Workshop taarten bakken",
    localStart: `${plusDays(monday(now, 3), 5)}T19:00`, durationMinutes: 180, attendees: 10, tier: "COMMERCIAL",
    status: "PENDING", provisionalCutoffDays: 14, notes: "Wij willen een workshop voor klanten geven.",
  });

  await series({
    centreId: anker.id, organisationId: koor.id, roomId: ankerGroot.id, title: "Repetitie dorpskoor",
    rrule: "FREQ=WEEKLY;BYDAY=TU", localStart: `${firstOn(seriesStart, 2)}T20:00`, durationMinutes: 120,
    attendees: 35, tier: "ASSOCIATION",
    activity: {
      kind: "WALK_IN", title: "Open repetitie dorpskoor", audiences: ["ADULTS", "OLDER_PEOPLE"],
      description: "Zingt u graag? Kom eens luisteren of meezingen. Gewoon binnenlopen.",
    },
  });
  await series({
    centreId: anker.id, organisationId: boules.id, roomId: ankerKlein.id, title: "Jeu de boules en koffie",
    rrule: "FREQ=WEEKLY;BYDAY=SA", localStart: `${firstOn(seriesStart, 6)}T10:00`, durationMinutes: 150,
    attendees: 20, tier: "ASSOCIATION",
    activity: {
      kind: "WALK_IN", title: "Jeu de boules", audiences: ["ADULTS", "OLDER_PEOPLE"],
      description: "Op de baan achter het dorpshuis, daarna koffie binnen. Ballen zijn er te leen.",
    },
  });
  await series({
    centreId: anker.id, organisationId: knutsel.id, roomId: ankerKlein.id, title: "Knutselmiddag",
    rrule: "FREQ=MONTHLY;BYDAY=-1WE", localStart: `${firstOn(seriesStart, 3)}T14:00`, durationMinutes: 120,
    attendees: 12, tier: "RESIDENT_INITIATIVE",
    activity: {
      kind: "SIGN_UP", title: "Knutselmiddag", audiences: ["CHILDREN"], capacity: 12,
      description: "Elke laatste woensdag van de maand knutselen voor kinderen van 4 tot 10 jaar.",
    },
  });
  // More regulars, so the rooms are used the way a busy buurthuis is.
  const taalcafe = await series({
    centreId: wilg.id, organisationId: taal.id, roomId: vergaderkamer.id, title: "Taalcafé",
    rrule: "FREQ=WEEKLY;BYDAY=WE", localStart: `${firstOn(seriesStart, 3)}T10:00`, durationMinutes: 120,
    attendees: 10, tier: "RESIDENT_INITIATIVE",
    activity: {
      kind: "WALK_IN", title: "Taalcafé: samen Nederlands praten", audiences: ["ADULTS"],
      description: "Oefen Nederlands in een kleine groep, met koffie. Elk niveau is welkom. Gewoon binnenlopen.",
      accessibilityNotes: "Ingang zonder drempel.",
    },
  });
  await series({
    centreId: wilg.id, organisationId: bridge.id, roomId: zaalA.id, title: "Bridgeclub",
    rrule: "FREQ=WEEKLY;BYDAY=MO", localStart: `${firstOn(seriesStart, 1)}T13:30`, durationMinutes: 180,
    attendees: 24, tier: "ASSOCIATION",
  });
  await series({
    centreId: wilg.id, organisationId: buurtvereniging.id, roomId: vergaderkamer.id, title: "Vergadering buurtvereniging",
    rrule: "FREQ=MONTHLY;BYDAY=2MO", localStart: `${firstOn(seriesStart, 1)}T20:00`, durationMinutes: 120,
    attendees: 9, tier: "ASSOCIATION",
  });
  // Earlier seasons of the commercial yoga class (spring and autumn), on the same evening.
  const seasons = [0, 1].flatMap((year) => [`${Number(seriesStart.slice(0, 4)) + year}-03-01`, `${Number(seriesStart.slice(0, 4)) + year}-09-01`]);
  for (const season of seasons.filter((start) => plusDays(firstOn(start, 3), 70) <= monday(now, 0))) {
    await series({
      centreId: wilg.id, organisationId: yoga.id, roomId: zaalA.id, title: "Yoga",
      rrule: "FREQ=WEEKLY;BYDAY=WE;COUNT=10", localStart: `${firstOn(season, 3)}T19:30`, durationMinutes: 75,
      attendees: 14, tier: "COMMERCIAL",
    });
  }
  await series({
    centreId: anker.id, organisationId: kaartclub.id, roomId: ankerKlein.id, title: "Kaartmiddag",
    rrule: "FREQ=WEEKLY;BYDAY=TH", localStart: `${firstOn(seriesStart, 4)}T13:30`, durationMinutes: 180,
    attendees: 16, tier: "ASSOCIATION",
    activity: {
      kind: "WALK_IN", title: "Kaartmiddag (klaverjassen)", audiences: ["OLDER_PEOPLE"],
      description: "Elke donderdagmiddag klaverjassen. Ook als u het nog moet leren. Gewoon binnenlopen.",
    },
  });

  await createTestBooking({
    centreId: anker.id, organisationId: koor.id, roomId: bestuurskamer.id, title: "Bestuursvergadering koor",
    localStart: `${plusDays(monday(now, 1), 3)}T19:30`, durationMinutes: 90, attendees: 6, tier: "ASSOCIATION",
  });

  // ── Past headcounts for the walk-in activities (deterministic) ──
  for (const booking of [koffieochtend, rouw, taalcafe]) {
    const past = await db().occurrence.findMany({
      where: { bookingId: booking.id, startsAt: { lt: now }, status: "ACTIVE" },
      orderBy: { startsAt: "asc" },
    });
    await db().attendance.createMany({
      data: past.map((occurrence, index) => ({
        occurrenceId: occurrence.id,
        centreId: occurrence.centreId,
        headcount: booking.id === koffieochtend.id ? 14 + ((index * 7) % 11) : booking.id === taalcafe.id ? 5 + ((index * 3) % 7) : 6 + ((index * 5) % 6),
        firstTimeCount: index % 3 === 0 ? 1 + (index % 2) : 0,
        recordedById: users.get("gastvrouw@de-wilg.example")!,
        recordedAt: occurrence.endsAt,
      })),
    });
  }

  await loadAgendaDemo(now);
  await loadReportsDemo(now);
}
