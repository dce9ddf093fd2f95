import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addWallClockDays, formatLocalDate, isoWeekday, parseLocalDate, toWallClock } from "~/domain/time/time-zone";
import {
  accessibilityViolations,
  headingIs,
  openBrowser,
  shows,
  signInViaMailbox,
  type BrowserSession,
} from "../support/browser";
import { clock } from "~/lib/clock";

/**
 * The organisation contact's journey per tier, on the demo (De Wilg): an initiative books a
 * weekly series at once; a commercial hirer's request waits and is approved; an initiative
 * takes over a provisional commercial date (the hirer's email is in the outbox); community
 * hours block commercial hire, with the rule and other times shown.
 */

let session: BrowserSession;

/** Local date `weeks` weeks from today on ISO weekday `weekday` (1 = Monday). */
function dayInWeeks(weeks: number, weekday: number): string {
  const today = parseLocalDate(formatLocalDate(toWallClock(clock.now(), "Europe/Amsterdam")))!;
  const monday = addWallClockDays(today, 1 - isoWeekday(today));
  return formatLocalDate(addWallClockDays(monday, weeks * 7 + weekday - 1));
}

async function signOut() {
  const { page } = session;
  await page.goto("/");
  const button = page.getByRole("button", { name: /^(Uitloggen|Sign out)$/ });
  if (await button.count()) await button.click();
  await shows(page.getByRole("navigation", { name: "Hoofdmenu" }).getByRole("link", { name: "Inloggen" }));
}

async function search(options: { date: string; time: string; duration: string; people: string; repeat?: string }) {
  const { page } = session;
  await page.goto("/centres/de-wilg/book");
  await headingIs(page, "Een ruimte zoeken");
  await page.getByLabel("Datum").fill(options.date);
  await page.getByLabel("Begintijd").fill(options.time);
  await page.getByLabel("Hoe lang").selectOption(options.duration);
  await page.getByLabel("Aantal mensen").fill(options.people);
  await page.getByLabel("Hoe vaak?").selectOption(options.repeat ?? "none");
  await page.getByRole("button", { name: "Zoek vrije ruimtes" }).click();
  await shows(page.getByRole("heading", { name: "Vrije ruimtes" }));
}

beforeAll(async () => {
  session = await openBrowser();
});

afterAll(async () => {
  await session?.close();
});

describe("booking a room", () => {
  it("a resident initiative books a weekly series and it is confirmed at once", async () => {
    const { page } = session;
    await signInViaMailbox(page, "koffie@de-wilg.example");
    await headingIs(page, "Mijn reserveringen");
    const first = dayInWeeks(2, 4); // a Thursday two weeks ahead
    await search({ date: first, time: "10:00", duration: "90", people: "8", repeat: "weekly" });
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByRole("link", { name: "Reserveer Vergaderkamer" }).click();
    await headingIs(page, "Reserveren: Vergaderkamer");
    await page.getByLabel("Naam van de activiteit").fill("Breiclub");
    await page.getByLabel("Tot wanneer?").selectOption("date");
    await page.getByLabel("Laatste datum").fill(formatLocalDate(addWallClockDays(parseLocalDate(first)!, 7 * 7)));
    await page.getByRole("button", { name: "Bekijk de data en de prijs" }).click();
    await shows(page.getByRole("heading", { name: "Klopt dit?" }));
    await shows(page.getByText("Als u bevestigt, is de reservering meteen rond."));
    expect(await page.getByRole("row").count()).toBe(8 + 1); // eight Thursdays and the header
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByRole("button", { name: "Bevestig de reservering" }).click();
    await headingIs(page, "Mijn reserveringen");
    await shows(page.getByRole("heading", { name: "Gereserveerd" }));
    await shows(page.getByRole("heading", { name: "Breiclub" }));
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  it("a resident initiative takes over a provisional commercial date; the hirer's email is in the outbox", async () => {
    const { page } = session;
    // Yoga met Sanne hires Zaal A on Wednesday evenings, provisional until 14 days before.
    const wednesday = dayInWeeks(4, 3);
    const params = new URLSearchParams({ date: wednesday, time: "19:30", duration: "90", people: "20" });
    await page.goto(`/centres/de-wilg/book/new?${params}`);
    await page.getByLabel("Ruimte").selectOption({ label: "Zaal A (Tot 40 personen)" });
    await page.getByLabel("Naam van de activiteit").fill("Buurtoverleg");
    await page.getByRole("button", { name: "Bekijk de data en de prijs" }).click();
    await shows(page.getByText("U krijgt voorrang"));
    await shows(page.getByText(/Bewonersinitiatieven gaan voor, dus u krijgt de ruimte/));
    await page.getByRole("button", { name: "Bevestig de reservering" }).click();
    await shows(page.getByRole("heading", { name: "Gereserveerd" }));

    await page.goto("/dev/mailbox");
    const mail = page
      .getByRole("article")
      .filter({ hasText: "sanne@yoga-met-sanne.example" })
      .filter({ hasText: "vervalt" })
      .first();
    await shows(mail);
    const text = (await mail.textContent()) ?? "";
    expect(text).toContain("Uw optie op Zaal A vervalt: Yoga");
    expect(text).toContain("Koffieochtend De Wilg");
    expect(text).toContain("Deze tijden en ruimtes zijn nog vrij");
    await signOut();
  });

  it("a commercial hirer's request waits for a manager, who approves it", async () => {
    const { page } = session;
    await signInViaMailbox(page, "sanne@yoga-met-sanne.example");
    const saturday = dayInWeeks(3, 6);
    await search({ date: saturday, time: "10:00", duration: "120", people: "12" });
    await page.getByRole("link", { name: "Reserveer Zaal B" }).click();
    await page.getByLabel("Naam van de activiteit").fill("Yoga workshop");
    await page.getByRole("button", { name: "Bekijk de data en de prijs" }).click();
    await shows(page.getByText(/Een beheerder bekijkt uw aanvraag/).first());
    await shows(page.getByText("Totaal met btw"));
    await page.getByRole("button", { name: "Stuur de aanvraag" }).click();
    await shows(page.getByRole("heading", { name: "Aanvraag verstuurd" }));
    await shows(page.getByText("Wacht op goedkeuring").first());
    await signOut();

    await signInViaMailbox(page, "beheer@de-wilg.example");
    await page.goto("/manage/de-wilg/requests");
    const request = page.getByRole("article").filter({ hasText: "Yoga workshop" }).first();
    await shows(request);
    await request.getByRole("button", { name: /Goedkeuren/ }).click();
    await shows(page.getByText("Yoga workshop is goedgekeurd. De contactpersoon krijgt een mail."));
    await page.goto("/dev/mailbox");
    await shows(
      page
        .getByRole("article")
        .filter({ hasText: "sanne@yoga-met-sanne.example" })
        .filter({ hasText: "Goedgekeurd: Yoga workshop" })
        .first(),
    );
    await signOut();
  });

  it("community hours stop commercial hire on a weekday afternoon, with the rule in one sentence and free times outside them", async () => {
    const { page } = session;
    await signInViaMailbox(page, "sanne@yoga-met-sanne.example");
    const tuesday = dayInWeeks(3, 2);
    await page.goto(
      `/centres/de-wilg/book/new?${new URLSearchParams({ date: tuesday, time: "14:00", duration: "120", people: "10" })}`,
    );
    await page.getByLabel("Ruimte").selectOption({ label: "Zaal B (Tot 40 personen)" });
    await page.getByLabel("Naam van de activiteit").fill("Stoelyoga");
    await page.getByRole("button", { name: "Bekijk de data en de prijs" }).click();
    await shows(
      page.getByText(
        "Op dinsdag van 09:00 tot 17:00 is het huis er alleen voor bewonersinitiatieven en verenigingen. Kies een tijd buiten deze uren.",
      ),
    );
    await shows(page.getByText("Deze tijden zijn wel vrij voor u:"));
    await shows(page.getByText(/17:00–19:00/));
    await shows(page.getByText("Zo kan het nog niet. Lees hierboven wat u kunt doen."));
    expect(await page.getByRole("button", { name: /Bevestig|Stuur de aanvraag/ }).count()).toBe(0);
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  it("the organiser of a sign-up class goes from My bookings to who signed up", async () => {
    const { page } = session;
    await signOut();
    await signInViaMailbox(page, "sanne@yoga-met-sanne.example");
    await page.goto("/centres/de-wilg/my-bookings");
    await page.getByRole("link", { name: "Wie komt er? Bekijk de aanmeldingen" }).first().click();
    await headingIs(page, "Aanmeldingen");
    await shows(page.getByText("Yoga voor beginners").first());
  });

  it("a note that is too long is refused next to the note, and everything typed stays", async () => {
    const { page } = session;
    await signOut();
    await signInViaMailbox(page, "koffie@de-wilg.example");
    const tuesday = dayInWeeks(3, 2);
    await page.goto(
      `/centres/de-wilg/book/new?${new URLSearchParams({ date: tuesday, time: "19:00", duration: "60", people: "6" })}`,
    );
    await page.getByLabel("Naam van de activiteit").fill("Stoelyoga");
    await page.getByLabel("Opmerking voor de beheerder (mag leeg blijven)").fill("Wij nemen matten mee. ".repeat(60));
    await page.getByRole("button", { name: "Bekijk de data en de prijs" }).click();
    const notes = page.getByLabel("Opmerking voor de beheerder (mag leeg blijven)");
    await shows(page.getByText("Deze tekst is te lang."));
    expect(await notes.getAttribute("aria-invalid")).toBe("true");
    expect(await page.getByLabel("Naam van de activiteit").inputValue()).toBe("Stoelyoga");
    expect((await notes.inputValue()).length).toBeGreaterThan(1000);
    expect(await page.getByText("Totaal met btw").count()).toBe(0);
  });

  it("an organisation registers and can sign in", async () => {
    const { page } = session;
    await signOut();
    await page.goto("/centres/de-wilg/register");
    await page.getByLabel("Naam van de organisatie").fill("Repair Café Oost");
    await page.getByRole("radio", { name: /Bewonersinitiatief/ }).check();
    await page.getByLabel("Uw naam").fill("Bram Jonker");
    await page.getByLabel("Uw e-mailadres").fill("repair@oost.example");
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByRole("button", { name: "Aanmelden" }).click();
    await headingIs(page, "Kijk in uw mail");
    // nothing is made until the contact opens the link in the email
    await page.goto("/dev/mailbox");
    const email = page.getByRole("article").filter({ hasText: "repair@oost.example" }).first();
    const link = await email
      .getByRole("link", { name: /register\/confirm/ })
      .first()
      .getAttribute("href");
    await page.goto(link!);
    await headingIs(page, "Aanmelding bevestigen");
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByRole("button", { name: "Bevestigen" }).click();
    await page.waitForURL((url) => url.pathname === "/centres/de-wilg/book");
    await shows(page.getByRole("navigation", { name: "Hoofdmenu" }).getByRole("link", { name: "Mijn account" }));
    // the link works once
    await page.goto(link!);
    await shows(page.getByRole("alert").filter({ hasText: "Deze link werkt niet meer" }));
  });
});
