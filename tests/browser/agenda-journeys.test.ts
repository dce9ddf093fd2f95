import { afterEach, describe, expect, it } from "vitest";
import { headingIs, openBrowser, shows, signInViaMailbox, type BrowserSession } from "../support/browser";

/**
 * The residents' journeys on the demo: find a walk-in activity, sign up for a full date and
 * move up from the waiting list, ask for company the first time and have a host take it.
 * The after-school club's next date has one place left in the demo (prisma/demo-agenda.ts).
 */

let session: BrowserSession | undefined;

afterEach(async () => {
  await session?.close();
  session = undefined;
});

describe("a resident on the public agenda", () => {
  it("finds a walk-in activity from the start page in three clicks and sees it needs no registration", async () => {
    session = await openBrowser({ width: 390, height: 844 });
    const { page } = session;
    let clicks = 0;
    const click = async (name: string) => {
      await page.getByRole("link", { name, exact: true }).first().click();
      clicks += 1;
    };
    await page.goto("/");
    await click("Agenda van Buurthuis De Wilg");
    await headingIs(page, "Deze week in Buurthuis De Wilg");
    await click("Koffieochtend");
    await headingIs(page, "Koffieochtend");
    await shows(page.getByText("U hoeft zich niet aan te melden. Loop gewoon binnen.").first());
    await shows(page.getByText("elke dinsdag 10:00–12:00"));
    await shows(page.getByText("Gaat niet door").first()); // one coffee morning is cancelled in the demo
    expect(await page.getByRole("button", { name: "Aanmelden" }).count()).toBe(0);
    expect(clicks).toBeLessThanOrEqual(3);
  });

  it("the walk-in filter shows only activities without sign-up, as an address that can be shared", async () => {
    session = await openBrowser();
    const { page } = session;
    await page.goto("/centres/de-wilg");
    await page.getByLabel("Gewoon binnenlopen, zonder aanmelden").check();
    await page.getByRole("button", { name: "Toon activiteiten" }).click();
    await page.waitForURL(/\?walk-in=1$/);
    await shows(page.getByRole("link", { name: "Koffieochtend" }));
    expect(await page.getByRole("link", { name: "Huiswerkclub" }).count()).toBe(0);
    expect(await page.getByLabel("Gewoon binnenlopen, zonder aanmelden").isChecked()).toBe(true);
  });

  it("signs up for a full date, lands on the waiting list and moves up when someone cancels (the email is in the outbox)", async () => {
    session = await openBrowser();
    const { page } = session;
    await page.goto("/centres/de-wilg?for=children");
    await page.getByRole("link", { name: "Huiswerkclub" }).first().click();
    await headingIs(page, "Huiswerkclub");

    // Someone takes the last place of the next date.
    const lastPlace = page.getByRole("radio", { name: /nog 1 plek/ });
    const dateLabel = (await page.locator("label", { has: lastPlace }).innerText()).split(" (")[0]!.trim();
    await lastPlace.check();
    await page.getByLabel("Uw naam").fill("Bram Bakker");
    await page.getByLabel("E-mailadres").fill("bram@voorbeeld.example");
    await page.getByRole("button", { name: "Aanmelden" }).click();
    await headingIs(page, "U bent aangemeld");
    const bramsLink = page.url();

    // Now the date is full: the resident goes on the waiting list.
    await page.getByRole("link", { name: "Terug naar Huiswerkclub" }).click();
    const full = page.getByRole("radio", {
      name: new RegExp(`${dateLabel.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}.*wachtlijst`, "i"),
    });
    await full.check();
    await page.getByLabel("Uw naam").fill("Aisha Amrani");
    await page.getByLabel("E-mailadres").fill("aisha@voorbeeld.example");
    await page.getByRole("button", { name: "Aanmelden" }).click();
    await headingIs(page, "U staat op de wachtlijst");
    await shows(page.getByText("U bent nummer 1."));
    const aishasLink = page.url().replace(/\?new=1$/, "");

    // Bram cannot come after all and cancels with his link, without an account.
    await page.goto(bramsLink);
    await page.getByRole("button", { name: "Afmelden" }).click();
    await headingIs(page, "U bent afgemeld");

    // Aisha has moved up, and the message is in the outbox.
    await page.goto(aishasLink);
    await headingIs(page, "U bent aangemeld");
    await page.goto("/dev/mailbox");
    const message = page
      .getByRole("article")
      .filter({ hasText: "aisha@voorbeeld.example" })
      .filter({ hasText: "Er is een plek voor u" });
    await shows(message);
    expect(await message.first().innerText()).toContain("U bent nu aangemeld voor Huiswerkclub");
  });

  it("asks for company the first time, and a host takes the request", async () => {
    session = await openBrowser();
    const { page } = session;
    await page.goto("/centres/de-wilg?when=later");
    await page.getByRole("link", { name: "Rouwcafé Samen Verder" }).click();
    await page.getByRole("link", { name: "Ik wil de eerste keer graag samen met iemand gaan" }).click();
    await headingIs(page, "Samen naar Rouwcafé Samen Verder");
    await page.getByLabel("Welke keer wilt u gaan?").selectOption({ index: 1 });
    await page.getByLabel("Uw naam").fill("Gerda Smit");
    await page.getByLabel("E-mailadres").fill("gerda@voorbeeld.example");
    await page.getByLabel(/Wilt u nog iets vertellen/).fill("Mijn man is vorig jaar overleden.");
    await page.getByRole("button", { name: "Vraag of iemand met mij meegaat" }).click();
    await headingIs(page, "Uw vraag is verstuurd");

    await signInViaMailbox(page, "gastvrouw@de-wilg.example");
    await page
      .getByRole("navigation", { name: "Hoofdmenu" })
      .getByRole("link", { name: "Samen de eerste keer" })
      .click();
    await headingIs(page, "Samen de eerste keer");
    const request = page.getByRole("article", { name: "Gerda Smit" });
    await shows(request.getByText("Wil mee naar Rouwcafé Samen Verder"));
    await shows(request.getByText("Mijn man is vorig jaar overleden."));
    await request.getByRole("button", { name: "Ik ga mee" }).click();
    await shows(
      page.getByRole("status").filter({ hasText: "U heeft de vraag aangenomen. Neem contact op met Gerda Smit." }),
    );
    await shows(page.getByRole("article", { name: "Gerda Smit" }).getByText("Aangenomen door Ria Kok"));

    await page.goto("/dev/mailbox");
    await shows(
      page
        .getByRole("article")
        .filter({ hasText: "gerda@voorbeeld.example" })
        .filter({ hasText: "Ria Kok gaat met u mee naar Rouwcafé Samen Verder" }),
    );

    await page.goto("/manage/de-wilg/companions");
    await page.getByRole("article", { name: "Gerda Smit" }).getByRole("button", { name: "Gedaan" }).click();
    await shows(page.getByRole("status").filter({ hasText: "De vraag staat nu bij Gedaan." }));
  });

  it("without JavaScript, a resident filters the agenda, signs up and cancels: every page is complete from the server", async () => {
    session = await openBrowser();
    const context = await session.browser.newContext({
      baseURL: session.baseUrl,
      javaScriptEnabled: false,
      locale: "nl-NL",
    });
    const page = await context.newPage();
    await page.goto("/centres/de-wilg");
    await page.getByLabel("Volwassenen").check();
    await page.getByRole("button", { name: "Toon activiteiten" }).click();
    await page.waitForURL(/\?for=adults$/);
    await page.getByRole("link", { name: "Later" }).click();
    await page.getByRole("link", { name: "Schilderen voor iedereen" }).click();
    await headingIs(page, "Schilderen voor iedereen");
    await page.getByRole("radio").last().check();
    await page.getByLabel("Uw naam").fill("Zonder Script");
    await page.getByRole("button", { name: "Aanmelden" }).click();
    // The server answers with the form again: the message next to the field, the name kept.
    await shows(page.getByText("Vul een e-mailadres of een telefoonnummer in."));
    expect(await page.getByLabel("Uw naam").inputValue()).toBe("Zonder Script");
    await page.getByRole("radio").last().check();
    await page.getByLabel("Telefoonnummer").fill("06 11223344");
    await page.getByRole("button", { name: "Aanmelden" }).click();
    await headingIs(page, "U bent aangemeld");
    await shows(page.getByText("Wij kunnen u geen mail sturen").or(page.getByText("Bewaar deze link")));
    await page.getByRole("button", { name: "Afmelden" }).click();
    await headingIs(page, "U bent afgemeld");
    await context.close();
  });

  it("a manager sees the sign-up lists and the snippet for the centre's website", async () => {
    session = await openBrowser();
    const { page } = session;
    await signInViaMailbox(page, "beheer@de-wilg.example");
    await page.getByRole("navigation", { name: "Hoofdmenu" }).getByRole("link", { name: "Aanmeldingen" }).click();
    await headingIs(page, "Aanmeldingen");
    await shows(page.getByRole("heading", { name: /Knutselmiddag|Huiswerkclub/ }).first());
    await shows(page.getByRole("cell", { name: "bewoner1@voorbeeld.example" }));
    await page
      .getByRole("navigation", { name: "Hoofdmenu" })
      .getByRole("link", { name: "Agenda op uw website" })
      .click();
    await headingIs(page, "De agenda op uw eigen website");
    const snippet = await page.getByLabel("Code om te kopiëren").inputValue();
    expect(snippet).toMatch(
      /^<iframe src="http:\/\/localhost:\d+\/centres\/de-wilg\/widget" title="Agenda van Buurthuis De Wilg"/,
    );
    await shows(page.frameLocator("iframe").getByRole("heading", { name: "Agenda van Buurthuis De Wilg" }));
  });
});
