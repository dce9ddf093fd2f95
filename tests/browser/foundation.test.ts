import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  accessibilityViolations,
  headingIs,
  openBrowser,
  shows,
  signInViaMailbox,
  type BrowserSession,
} from "../support/browser";

let session: BrowserSession;

beforeAll(async () => {
  session = await openBrowser();
});

afterAll(async () => {
  await session?.close();
});

describe("first visit", () => {
  it("a visitor opens the start page, sees the demo agenda in Dutch and switches to English", async () => {
    const { page } = session;
    await page.goto("/");
    await headingIs(page, "Buurthuizen en dorpshuizen");
    expect(await page.getAttribute("html", "lang")).toBe("nl");
    await page.getByRole("link", { name: "Agenda van Buurthuis De Wilg" }).click();
    await headingIs(page, "Deze week in Buurthuis De Wilg");
    await shows(page.getByRole("heading", { name: "Koffieochtend" }));
    await shows(page.getByText("Gewoon binnenlopen"));

    await page.getByRole("button", { name: "Switch to English" }).click();
    await headingIs(page, "This week at Buurthuis De Wilg");
    expect(await page.getAttribute("html", "lang")).toBe("en");
    await shows(page.getByText("Just walk in"));

    await page.getByRole("button", { name: "Schakel naar Nederlands" }).click();
    await headingIs(page, "Deze week in Buurthuis De Wilg");
  });

  it("a page downloads only its reader's language, and pages opened after it speak that language", async () => {
    const { page } = session;
    const catalogues: string[] = [];
    const listen = (request: { url(): string }) => {
      const name = /\/_shared\/(nl|en)-[A-Z0-9]+\.js$/.exec(request.url())?.[1];
      if (name && !catalogues.includes(name)) catalogues.push(name);
    };
    page.on("request", listen);
    try {
      await page.goto("/centres/de-wilg");
      await headingIs(page, "Deze week in Buurthuis De Wilg");
      await page.waitForLoadState("networkidle");
      expect(catalogues).toEqual(["nl"]);

      catalogues.length = 0;
      await page.getByRole("button", { name: "Switch to English" }).click();
      await headingIs(page, "This week at Buurthuis De Wilg");
      await page.waitForLoadState("networkidle");
      expect(catalogues).toEqual(["en"]);
      // a page opened in the browser (no new document) is in English too
      await page.getByRole("link", { name: "Sign in" }).click();
      await headingIs(page, "Sign in");
      expect(catalogues).toEqual(["en"]);
      await page.getByRole("button", { name: "Schakel naar Nederlands" }).click();
      await headingIs(page, "Inloggen");
    } finally {
      page.off("request", listen);
    }
  });

  it("the start page, a centre's page and the sign-in page have no accessibility violations", async () => {
    const { page } = session;
    for (const path of ["/", "/centres/de-wilg", "/login"]) {
      await page.goto(path);
      expect(await accessibilityViolations(page), path).toEqual([]);
    }
  });

  it("the demo manager signs in through the mailbox link and sees the rooms", async () => {
    const { page } = session;
    await signInViaMailbox(page, "beheer@de-wilg.example");
    await headingIs(page, "Beheer van Buurthuis De Wilg");
    await shows(page.getByRole("heading", { name: "Zaal A", exact: true }));
    await shows(page.getByRole("heading", { name: "Grote zaal (A + B)" }));
    await shows(page.getByText("Bestaat uit: Zaal A, Zaal B"));
    await shows(page.getByRole("navigation", { name: "Hoofdmenu" }).getByRole("link", { name: "Beheer" }));
    expect(await accessibilityViolations(page)).toEqual([]);

    await page.getByRole("button", { name: "Uitloggen" }).click();
    await shows(page.getByRole("navigation", { name: "Hoofdmenu" }).getByRole("link", { name: "Inloggen" }));
    await page.goto("/manage/de-wilg");
    expect(new URL(page.url()).pathname + new URL(page.url()).search).toBe("/login?redirectTo=%2Fmanage%2Fde-wilg");
  });

  it("a corrected address is sent with one click: the message goes while typing, so the button stays under the pointer", async () => {
    const { page } = session;
    await page.goto("/login");
    await page.getByLabel("E-mailadres").fill("geen-adres");
    await page.getByRole("button", { name: "Stuur mij een inloglink" }).click();
    await shows(page.getByText("Vul een geldig e-mailadres in"));
    await page.getByLabel("E-mailadres").fill("niemand@voorbeeld.example");
    await page.getByRole("button", { name: "Stuur mij een inloglink" }).click();
    await page.waitForURL(/\/login\?sent=1$/);
  });

  it("a used sign-in link does not work twice", async () => {
    const { page } = session;
    // a link of its own, used once (this test does not lean on another test's link)
    const usedLink = await signInViaMailbox(page, "penningmeester@de-wilg.example");
    await page.getByRole("button", { name: "Uitloggen" }).click();
    expect(usedLink).toMatch(/\/login\/verify\?token=/);
    await page.goto(usedLink);
    await page.getByRole("button", { name: "Inloggen" }).click();
    await shows(page.getByRole("alert").filter({ hasText: "Deze link werkt niet meer" }));
  });

  it("a page that does not exist says so in plain words, without script errors, and the browser finds the icon", async () => {
    const { page } = session;
    const problems: string[] = [];
    const listen = (error: Error) => problems.push(error.message);
    const consoleListen = (message: { type(): string; text(): string }) => {
      if (message.type() === "error" && !message.text().includes("404")) problems.push(message.text());
    };
    page.on("pageerror", listen);
    page.on("console", consoleListen);
    try {
      for (const address of ["/centres/bestaat-niet", "/bestaat-niet/ook-niet"]) {
        const response = await page.goto(address);
        expect(response?.status()).toBe(404);
        await headingIs(page, "Pagina niet gevonden");
        await page.waitForLoadState("networkidle");
      }
      expect(problems).toEqual([]);
    } finally {
      page.off("pageerror", listen);
      page.off("console", consoleListen);
    }
    const icon = await page.request.get("/favicon.ico");
    expect(icon.status()).toBe(200);
    expect(icon.headers()["content-type"]).toMatch(/icon/);
    expect((await page.request.get("/robots.txt")).status()).toBe(200);
  });

  it("/healthz answers 200 while the database answers", async () => {
    const response = await fetch(`${session.baseUrl}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.text()).toBe("ok");
  });
});
