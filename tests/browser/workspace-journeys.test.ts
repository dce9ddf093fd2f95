import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db/client.server";
import {
  addWallClockDays,
  formatLocalDate,
  isoWeekday,
  localDateAt,
  localDateTimeAt,
  parseLocalDate,
} from "~/domain/time/time-zone";
import { createOrganisation, createTestBooking, uniqueSuffix } from "../../prisma/factories";
import { accessibilityViolations, headingIs, openBrowser, shows, type BrowserSession } from "../support/browser";
import { signInAs, connectAppDatabase } from "../support/sessions";
import { clock } from "~/lib/clock";

/**
 * The volunteer manager's journeys in Chromium on the demo centre De Wilg. Each journey makes
 * its own bookings (a year ahead, in rooms and hours the other journeys leave alone), so the
 * browser test files can run side by side on the one demo database.
 */

const ZONE = "Europe/Amsterdam";
const MANAGER = "beheer@de-wilg.example";
const HOST = "gastvrouw@de-wilg.example";
let wilg: { id: string; slug: string };
let rooms: Record<string, string>;
let session: BrowserSession | undefined;

afterEach(async () => {
  await session?.close();
  session = undefined;
});

beforeAll(async () => {
  await connectAppDatabase();
  wilg = await db().centre.findUniqueOrThrow({ where: { slug: "de-wilg" }, select: { id: true, slug: true } });
  rooms = Object.fromEntries(
    (await db().room.findMany({ where: { centreId: wilg.id } })).map((room) => [room.name, room.id]),
  );
});

/** "YYYY-MM-DD" of the first `weekday` (1 = Monday) at least `days` days from today. */
function dayAhead(days: number, weekday: number): string {
  const start = addWallClockDays(parseLocalDate(localDateAt(clock.now(), ZONE))!, days);
  return formatLocalDate(addWallClockDays(start, (weekday - isoWeekday(start) + 7) % 7));
}

/** Books, trying the next week when the demo has a closure or clash there. */
async function bookFirstFree(
  input: Omit<Parameters<typeof createTestBooking>[0], "localStart"> & { day: string; time: string },
) {
  const { day, time, ...rest } = input;
  for (let week = 0; week < 12; week++) {
    const date = formatLocalDate(addWallClockDays(parseLocalDate(day)!, week * 7));
    try {
      return await createTestBooking({ ...rest, localStart: `${date}T${time}`, createdById: null });
    } catch (error) {
      if (
        !(error instanceof Error) ||
        !/booked|closed|dicht|outside/i.test(`${(error as { code?: string }).code} ${error.message}`)
      )
        throw error;
    }
  }
  throw new Error("no free week found");
}

/** The first week from `day` on whose same weekday no closure touches (the centre or `roomId`). */
async function openDay(day: string, roomId: string): Promise<string> {
  for (let week = 0; week < 12; week++) {
    const date = formatLocalDate(addWallClockDays(parseLocalDate(day)!, week * 7));
    const at = new Date(`${date}T00:00:00Z`);
    const closed = await db().closure.count({
      where: { centreId: wilg.id, startDate: { lte: at }, endDate: { gte: at }, OR: [{ roomId: null }, { roomId }] },
    });
    if (closed === 0) return date;
  }
  throw new Error("no open day found");
}

async function manager(options: { width?: number; height?: number } = {}) {
  session = await openBrowser(options);
  await signInAs(session.context, MANAGER);
  return session.page;
}

describe("the manager's workspace", () => {
  it("approves one request and declines another, with the competing request side by side; both emails are in the outbox", async () => {
    const suffix = uniqueSuffix();
    const theatre = await createOrganisation(wilg.id, {
      name: `Toneelclub ${suffix}`,
      tier: "ASSOCIATION",
      contactEmail: `toneel-${suffix}@voorbeeld.example`,
    });
    const company = await createOrganisation(wilg.id, {
      name: `Bedrijfsuitje ${suffix}`,
      tier: "COMMERCIAL",
      contactEmail: `uitje-${suffix}@voorbeeld.example`,
    });
    const saturday = dayAhead(330, 6);
    const play = await bookFirstFree({
      centreId: wilg.id,
      organisationId: theatre.id,
      roomId: rooms["Atelier"]!,
      title: `Voorstelling ${suffix}`,
      day: saturday,
      time: "14:00",
      durationMinutes: 120,
      status: "PENDING",
      tier: "ASSOCIATION",
    });
    const day = localDateTimeAt(
      (await db().occurrence.findFirstOrThrow({ where: { bookingId: play.id } })).startsAt,
      ZONE,
    ).slice(0, 10);
    const outing = await bookFirstFree({
      centreId: wilg.id,
      organisationId: company.id,
      roomId: rooms["Keuken"]!,
      title: `Kookworkshop ${suffix}`,
      day,
      time: "14:30",
      durationMinutes: 120,
      status: "PENDING",
      tier: "COMMERCIAL",
    });

    const page = await manager();
    await page.goto("/manage/de-wilg/requests");
    await headingIs(page, "Aanvragen");
    const playCard = page.getByRole("article", { name: `Voorstelling ${suffix}` });
    const outingCard = page.getByRole("article", { name: `Kookworkshop ${suffix}` });
    await shows(playCard.getByRole("table", { name: /Nog 1 aanvraag wil dezelfde tijd/ }));
    await shows(playCard.getByRole("cell", { name: `Bedrijfsuitje ${suffix}` }));
    expect(await accessibilityViolations(page)).toEqual([]);

    await playCard.getByRole("button", { name: "Goedkeuren" }).click();
    await shows(page.getByRole("status").filter({ hasText: `Voorstelling ${suffix} is goedgekeurd` }));

    // A reason that is too short is refused next to the field, and what was typed stays.
    await outingCard.getByLabel("Reden van afwijzen").fill("Ne");
    await outingCard.getByRole("button", { name: "Afwijzen" }).click();
    await shows(outingCard.getByText("Schrijf op waarom u afwijst (minstens 3 tekens)."));
    expect(await outingCard.getByLabel("Reden van afwijzen").inputValue()).toBe("Ne");
    await outingCard.getByLabel("Reden van afwijzen").fill("De zaal is die middag voor de toneelclub.");
    await outingCard.getByRole("button", { name: "Afwijzen" }).click();
    await shows(page.getByRole("status").filter({ hasText: `Kookworkshop ${suffix} is afgewezen` }));

    expect((await db().booking.findUniqueOrThrow({ where: { id: play.id } })).status).toBe("CONFIRMED");
    expect((await db().booking.findUniqueOrThrow({ where: { id: outing.id } })).status).toBe("DECLINED");
    const emails = await db().emailMessage.findMany({
      where: { toAddress: { in: [theatre.contactEmail!, company.contactEmail!] } },
      orderBy: { toAddress: "asc" },
    });
    expect(emails.map((email) => [email.toAddress, email.kind])).toEqual(
      [
        [theatre.contactEmail, "booking-approved"],
        [company.contactEmail, "booking-declined"],
      ].sort((a, b) => a[0]!.localeCompare(b[0]!)),
    );
    expect(emails.find((email) => email.kind === "booking-declined")!.textBody).toContain(
      "De zaal is die middag voor de toneelclub.",
    );
  });

  it("moves one date of a weekly series, then changes 'this and following', without a duplicate or a lost date", async () => {
    const suffix = uniqueSuffix();
    const club = await createOrganisation(wilg.id, {
      name: `Breiclub ${suffix}`,
      contactEmail: `brei-${suffix}@voorbeeld.example`,
    });
    const series = await bookFirstFree({
      centreId: wilg.id,
      organisationId: club.id,
      roomId: rooms["Atelier"]!,
      title: `Breien ${suffix}`,
      rrule: "FREQ=WEEKLY;COUNT=6",
      day: dayAhead(240, 1),
      time: "19:00",
      durationMinutes: 60,
      tier: "RESIDENT_INITIATIVE",
    });
    const original = await db().occurrence.findMany({ where: { bookingId: series.id }, orderBy: { startsAt: "asc" } });
    const second = localDateTimeAt(original[1]!.startsAt, ZONE).slice(0, 10);
    const movedTo = formatLocalDate(addWallClockDays(parseLocalDate(second)!, 1)); // the Tuesday after

    const page = await manager();
    await page.goto(`/manage/de-wilg/bookings/${series.id}`);
    await headingIs(page, `Breien ${suffix}`);
    expect(await accessibilityViolations(page)).toEqual([]);
    await page
      .getByRole("link", { name: /^Verplaats / })
      .nth(1)
      .click();
    await shows(page.getByRole("heading", { name: /^Verplaats / }));
    await page.getByLabel("Datum", { exact: true }).fill(movedTo);
    await page.getByLabel("Begintijd").fill("18:00");
    await page.getByRole("button", { name: "Verplaats deze datum" }).click();
    await shows(page.getByRole("status").filter({ hasText: "De datum is verplaatst" }));

    // From the fourth date on: 20:00 instead of 19:00.
    await page.getByRole("link", { name: "Deze en volgende wijzigen" }).nth(3).click();
    await headingIs(page, "Reeks wijzigen");
    expect(
      await page.getByLabel("Deze datum en alle data erna (de reeks wordt in twee delen gesplitst)").isChecked(),
    ).toBe(true);
    await page.getByLabel("Begintijd").fill("20:00");
    await page.getByRole("button", { name: "Bekijk wat er verandert" }).click();
    await shows(page.getByRole("heading", { name: "Dit gaat er gebeuren" }));
    await shows(page.getByText("3 data krijgen een nieuwe tijd of ruimte"));
    await shows(page.getByText("Geen botsingen. U kunt opslaan."));
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByRole("button", { name: "Wijziging opslaan" }).click();
    await shows(page.getByRole("status").filter({ hasText: "De reeks is gewijzigd" }));

    const after = await db().occurrence.findMany({
      where: { booking: { OR: [{ id: series.id }, { splitFromId: series.id }] }, status: "ACTIVE" },
      orderBy: { startsAt: "asc" },
    });
    const starts = after.map((date) => localDateTimeAt(date.startsAt, ZONE));
    expect(starts).toHaveLength(6);
    expect(new Set(starts.map((start) => start.slice(0, 10))).size).toBe(6);
    expect(starts[1]).toBe(`${movedTo}T18:00`);
    expect(starts.map((start) => start.slice(11))).toEqual(["19:00", "18:00", "19:00", "20:00", "20:00", "20:00"]);
    // The history of the booking says who did what.
    await shows(page.getByRole("heading", { name: "Geschiedenis" }));
    await shows(page.getByText(/Reeks gesplitst: vanaf .* om 20:00 in Atelier/));
    await shows(page.getByText(/verplaatst naar/));
  });

  it("books for a resident without email and gets a confirmation to print", async () => {
    const suffix = uniqueSuffix();
    const name = `Mevrouw Bakker ${suffix}`;
    const page = await manager();
    await page.goto("/manage/de-wilg/bookings/new");
    await headingIs(page, "Reserveren voor iemand anders");
    await page.getByText("Nieuwe organisatie of bewoner toevoegen").click();
    await page.getByLabel("Naam van de organisatie of de bewoner").fill(name);
    await page.getByLabel("Contactpersoon").fill("Mevrouw Bakker");
    await page.getByRole("button", { name: "Toevoegen" }).click();
    // Neither phone nor email: refused next to the phone field, the name stays.
    await shows(page.getByText("Vul een telefoonnummer of een e-mailadres in."));
    expect(await page.getByLabel("Naam van de organisatie of de bewoner").inputValue()).toBe(name);
    await page.getByLabel("Telefoon").fill("030 765 43 21");
    await page.getByRole("button", { name: "Toevoegen" }).click();
    await shows(page.getByRole("status").filter({ hasText: "De organisatie is toegevoegd en gekozen." }));
    await shows(page.getByText("Deze organisatie heeft geen e-mail."));

    const date = await openDay(dayAhead(300, 4), rooms["Vergaderkamer"]!);
    await page.getByLabel("Ruimte").selectOption({ label: "Vergaderkamer (12 personen)" });
    await page.getByLabel("Wat gaan ze doen?").fill("Verjaardag met de buren");
    await page.getByLabel("Datum", { exact: true }).fill(date);
    await page.getByLabel("Begintijd").fill("14:00");
    await page.getByLabel("Met hoeveel mensen?").fill("8");
    await page.getByRole("button", { name: "Controleer de data" }).click();
    await shows(page.getByRole("heading", { name: "Zo wordt het" }));
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByRole("button", { name: "Reserveren" }).click();
    await headingIs(page, "Bevestiging van uw reservering");
    await shows(page.getByText(name).first());
    await shows(page.getByRole("button", { name: "Afdrukken" }));
    expect(await accessibilityViolations(page)).toEqual([]);

    const organisation = await db().organisation.findFirstOrThrow({ where: { centreId: wilg.id, name } });
    const booking = await db().booking.findFirstOrThrow({ where: { organisationId: organisation.id } });
    expect([organisation.contactEmail, booking.status, booking.bookedOnBehalf]).toEqual([null, "CONFIRMED", true]);
  });

  it("adds a closure, is shown the booking it hits, cancels it and the contact is emailed", async () => {
    const suffix = uniqueSuffix();
    const dancers = await createOrganisation(wilg.id, {
      name: `Dansgroep ${suffix}`,
      contactEmail: `dans-${suffix}@voorbeeld.example`,
    });
    const evening = await bookFirstFree({
      centreId: wilg.id,
      organisationId: dancers.id,
      roomId: rooms["Atelier"]!,
      title: `Dansavond ${suffix}`,
      day: dayAhead(200, 3),
      time: "20:00",
      durationMinutes: 90,
    });
    const day = localDateTimeAt(
      (await db().occurrence.findFirstOrThrow({ where: { bookingId: evening.id } })).startsAt,
      ZONE,
    ).slice(0, 10);

    const page = await manager();
    await page.goto("/manage/de-wilg/closures");
    await headingIs(page, "Sluitingen");
    await page.getByLabel("Wat is dicht?").selectOption({ label: "Atelier" });
    await page.getByLabel("Eerste dag").fill(day);
    await page.getByLabel("Laatste dag").fill(day);
    await page.getByLabel("Reden", { exact: true }).fill(`Lekkage ${suffix}`);
    await page.getByRole("button", { name: "Sluiting toevoegen" }).click();
    await headingIs(page, `Sluiting: Lekkage ${suffix}`);
    await shows(page.getByRole("heading", { name: "1 reservering in deze sluiting" }));
    await shows(page.getByText(`Dansavond ${suffix}`));
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByRole("button", { name: "Annuleer de aangevinkte data" }).click();
    await shows(page.getByRole("status").filter({ hasText: "1 datum geannuleerd. 1 mail verstuurd." }));

    const email = await db().emailMessage.findFirstOrThrow({ where: { toAddress: dancers.contactEmail! } });
    expect(email.kind).toBe("booking-closure");
    expect(email.textBody).toContain(`Lekkage ${suffix}`);
  });

  it("a host records a headcount on a 360 px screen in two taps", async () => {
    const suffix = uniqueSuffix();
    const club = await createOrganisation(wilg.id, { name: `Handwerkcafé ${suffix}` });
    const today = localDateAt(clock.now(), ZONE);
    const lastWeek = formatLocalDate(addWallClockDays(parseLocalDate(today)!, -7));
    // Last week's date and today's, late in the evening in a room the demo never uses then
    // (the demo's latest activity ends at 22:00); a refusal here is a real failure.
    const series = await createTestBooking({
      centreId: wilg.id,
      organisationId: club.id,
      roomId: rooms.Atelier!,
      title: `Handwerkcafé ${suffix}`,
      rrule: "FREQ=WEEKLY;COUNT=2",
      localStart: `${lastWeek}T22:30`,
      durationMinutes: 30,
      allowOutsideOpeningHours: true,
      activity: { kind: "WALK_IN", title: `Handwerkcafé ${suffix}` },
    });
    const [previous, current] = await db().occurrence.findMany({
      where: { bookingId: series.id },
      orderBy: { startsAt: "asc" },
    });
    await db().attendance.create({
      data: { occurrenceId: previous!.id, centreId: wilg.id, headcount: 12, firstTimeCount: 0 },
    });

    session = await openBrowser({ width: 360, height: 740 });
    await signInAs(session.context, HOST);
    const { page } = session;
    await page.goto("/manage/de-wilg");
    let taps = 0;
    await page.getByRole("link", { name: "Aanwezigen tellen" }).click();
    taps += 1;
    await headingIs(page, "Aanwezig");
    const card = page.getByRole("article", { name: `Handwerkcafé ${suffix}` });
    expect(await card.getByLabel("Aantal mensen").inputValue()).toBe("12");
    await card.getByRole("button", { name: "Opslaan" }).click();
    taps += 1;
    await shows(card.getByRole("status").filter({ hasText: "Opgeslagen" }));
    expect(taps).toBe(2);
    expect((await db().attendance.findUniqueOrThrow({ where: { occurrenceId: current!.id } })).headcount).toBe(12);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    expect(await accessibilityViolations(page)).toEqual([]);
    // The host does not see the money or the settings.
    expect(
      await page.getByRole("navigation", { name: "Hoofdmenu" }).getByRole("link", { name: "Instellingen" }).count(),
    ).toBe(0);
  });

  // The workspace's pages, in four groups per width: 29 pages with axe take minutes on a
  // small busy machine, and one group stays well inside a test's time budget.
  async function workspacePaths(): Promise<string[]> {
    const booking = await db().booking.findFirstOrThrow({ where: { centreId: wilg.id, title: "Koffieochtend" } });
    const closure = await db().closure.findFirstOrThrow({ where: { centreId: wilg.id } });
    const organisation = await db().organisation.findFirstOrThrow({
      where: { centreId: wilg.id, name: "Yoga met Sanne" },
    });
    const invoice = await db().invoice.findFirst({ where: { centreId: wilg.id } });
    const nextDate = await db().occurrence.findFirstOrThrow({
      where: { bookingId: booking.id, startsAt: { gt: clock.now() }, status: "ACTIVE" },
    });
    return [
      "",
      "/planner",
      "/attendance",
      "/requests",
      "/bookings",
      "/bookings/new",
      `/bookings/${booking.id}`,
      `/bookings/${booking.id}/change`,
      `/bookings/${booking.id}/confirmation`,
      `/bookings/${booking.id}?date=${nextDate.id}&do=cancel`,
      "/closures",
      `/closures/${closure.id}`,
      "/settings",
      "/settings/rooms",
      "/settings/rooms/new?kind=COMBINATION",
      `/settings/rooms/${rooms["Zaal A"]}`,
      "/settings/opening-hours",
      "/settings/rules",
      "/settings/cancellation",
      "/settings/centre",
      "/settings/rates",
      "/team",
      "/organisations",
      `/organisations/${organisation.id}`,
      "/payments",
      "/invoices",
      ...(invoice ? [`/invoices/${invoice.id}`] : []),
      "/emails",
    ];
  }
  const GROUPS = 4;
  const widthsAndGroups = [1280, 360].flatMap((width) =>
    Array.from({ length: GROUPS }, (_, group) => [width, group + 1] as const),
  );

  it.each(widthsAndGroups)(
    "every page of the workspace has no accessibility violations at %i px and fits a 360 px screen (group %i)",
    async (width, group) => {
      const all = await workspacePaths();
      const size = Math.ceil(all.length / GROUPS);
      const paths = all.slice((group - 1) * size, group * size);
      expect(paths.length).toBeGreaterThan(0);
      const problems: string[] = [];
      const page = await manager({ width, height: 900 });
      for (const path of paths) {
        const response = await page.goto(`/manage/de-wilg${path}`);
        if (response?.status() !== 200) problems.push(`${path}: ${response?.status()}`);
        const violations = await accessibilityViolations(page);
        if (violations.length > 0) problems.push(`${path} at ${width}px: ${JSON.stringify(violations)}`);
        if (width === 360) {
          const overflow = await page.evaluate(() => document.documentElement.scrollWidth);
          if (overflow > 360) problems.push(`${path} is ${overflow}px wide at 360px`);
        }
      }
      await session?.close();
      session = undefined;
      expect(problems).toEqual([]);
    },
  );

  it("a board member reads the settings and money pages, without a form to send and without accessibility violations", async () => {
    session = await openBrowser();
    await signInAs(session.context, "penningmeester@de-wilg.example");
    const { page } = session;
    const problems: string[] = [];
    for (const path of [
      "/settings/rules",
      "/settings/cancellation",
      "/settings/centre",
      "/settings/rates",
      "/settings/opening-hours",
      "/payments",
      "/invoices",
      "/team",
      "/closures",
      "/requests",
    ]) {
      await page.goto(`/manage/de-wilg${path}`);
      const violations = await accessibilityViolations(page);
      if (violations.length > 0) problems.push(`${path}: ${JSON.stringify(violations)}`);
      const buttons = await page.locator("main form[method=post] button[type=submit]:not([disabled])").count();
      const enabled = await page
        .locator("main form[method=post] button[type=submit]")
        .evaluateAll(
          (all) =>
            all.filter((button) => !(button as HTMLButtonElement).disabled && !button.closest("fieldset:disabled"))
              .length,
        );
      if (buttons > 0 && enabled > 0) problems.push(`${path}: ${enabled} buttons to change something`);
    }
    expect(problems).toEqual([]);
  });

  it("the planner's week can be used by keyboard: the list opens a booking", async () => {
    const page = await manager();
    await page.goto("/manage/de-wilg/planner");
    await headingIs(page, "Planner");
    // Tab from the top of the page to the first booking in the list and open it with Enter.
    let found = false;
    for (let step = 0; step < 80 && !found; step++) {
      await page.keyboard.press("Tab");
      found = await page.evaluate(() => {
        const active = document.activeElement as HTMLAnchorElement | null;
        return Boolean(active?.href?.includes("/bookings/") && active.closest("section"));
      });
    }
    expect(found).toBe(true);
    await page.keyboard.press("Enter");
    await page.waitForURL(/\/manage\/de-wilg\/bookings\/[0-9a-f-]{36}$/);
  });

  it("without JavaScript a refused form keeps what was typed and says what to fix next to the field", async () => {
    session = await openBrowser();
    await session.context.close();
    const context = await session.browser.newContext({
      baseURL: session.baseUrl,
      javaScriptEnabled: false,
      locale: "nl-NL",
    });
    await signInAs(context, MANAGER);
    const page = await context.newPage();
    await page.goto("/manage/de-wilg/closures");
    await page.getByLabel("Eerste dag").fill("2031-05-10");
    await page.getByLabel("Laatste dag").fill("2031-05-01");
    await page.getByLabel("Reden", { exact: true }).fill("Schilderwerk gang");
    await page.getByRole("button", { name: "Sluiting toevoegen" }).click();
    await shows(page.getByText("De laatste dag ligt voor de eerste dag."));
    expect(await page.getByLabel("Reden", { exact: true }).inputValue()).toBe("Schilderwerk gang");
    expect(await page.getByLabel("Eerste dag").inputValue()).toBe("2031-05-10");
    expect(await page.getByLabel("Laatste dag").getAttribute("aria-invalid")).toBe("true");
    expect(await db().closure.count({ where: { centreId: wilg.id, reason: "Schilderwerk gang" } })).toBe(0);
  });
});
