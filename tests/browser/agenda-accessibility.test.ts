import { randomUUID } from "node:crypto";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  accessibilityViolations,
  headingIs,
  openBrowser,
  screenshot,
  shows,
  type BrowserSession,
} from "../support/browser";

/**
 * Every public page of the agenda in Dutch and English: axe (WCAG 2.1 A/AA) finds nothing,
 * nothing scrolls sideways at 360 px or at 200% zoom, the forms work by keyboard with a
 * visible focus. Screenshots of the agenda at 360 px and at desktop width go to test-results/.
 */

let session: BrowserSession;
const paths = new Map<string, string>();

/** The address of an activity's page, from the centre's agenda (this week, else further ahead). */
async function activityPath(page: Page, centre: string, name: string): Promise<string> {
  for (const search of ["", "?when=later"]) {
    await page.goto(`/centres/${centre}${search}`);
    const link = page.getByRole("link", { name, exact: true });
    if ((await link.count()) > 0) return (await link.first().getAttribute("href"))!;
  }
  throw new Error(`No link "${name}" in the agenda of ${centre}`);
}

beforeAll(async () => {
  session = await openBrowser();
  const { page } = session;
  paths.set("walkIn", await activityPath(page, "de-wilg", "Koffieochtend"));
  paths.set("signUp", await activityPath(page, "de-wilg", "Schilderen voor iedereen"));
  paths.set("full", await activityPath(page, "het-anker", "Knutselmiddag"));
  // A sign-up of our own (yoga has room), for the confirmation and cancel pages.
  await page.goto(paths.get("signUp")!);
  await page.getByRole("radio").first().check();
  await page.getByLabel("Uw naam").fill("Toegankelijk Testen");
  await page.getByLabel("Telefoonnummer").fill("06 98765432");
  await page.getByRole("button", { name: "Aanmelden" }).click();
  await headingIs(page, "U bent aangemeld");
  paths.set("confirmation", new URL(page.url()).pathname);
});

afterAll(async () => {
  await session?.close();
});

function publicPages(): string[] {
  return [
    "/",
    "/agenda",
    "/agenda?when=later&centre=het-anker",
    "/agenda?when=today",
    "/centres/de-wilg",
    "/centres/de-wilg?when=today",
    "/centres/de-wilg?when=later",
    "/centres/de-wilg?for=children&free=1&step-free=1",
    "/centres/het-anker",
    paths.get("walkIn")!,
    paths.get("signUp")!,
    paths.get("full")!,
    `${paths.get("walkIn")!}/companion`,
    paths.get("confirmation")!,
    "/centres/de-wilg/signups/bestaat-niet-deze-link-is-verzonnen-1234",
    "/centres/de-wilg/widget",
    "/privacy",
    "/centres/bestaat-niet",
  ];
}

async function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
}

describe("the agenda's public pages are accessible", () => {
  for (const locale of ["nl", "en"] as const) {
    it(`axe finds no WCAG 2.1 AA violations on any public page (${locale})`, async () => {
      const { page } = session;
      for (const path of publicPages()) {
        await page.goto(`${path}${path.includes("?") ? "&" : "?"}lang=${locale}`);
        expect(await page.getAttribute("html", "lang"), path).toBe(locale);
        expect(await accessibilityViolations(page), `${path} (${locale})`).toEqual([]);
      }
    });
  }

  it("forms with mistakes say what to fix next to the field, keep what was typed, and pass axe", async () => {
    const { page } = session;
    for (const locale of ["nl", "en"] as const) {
      await page.goto(`${paths.get("signUp")!}?lang=${locale}`);
      await page.getByRole("radio").first().check();
      await page.locator('input[name="name"]').fill("<b>Jan</b>");
      await page.locator('input[name="email"]').fill("jan@");
      await page.getByRole("button", { name: locale === "nl" ? "Aanmelden" : "Sign up", exact: true }).click();
      const nameError = locale === "nl" ? "Gebruik in uw naam alleen letters" : "Use only letters, numbers";
      await shows(page.getByText(nameError));
      expect(await page.locator('input[name="name"]').inputValue()).toBe("<b>Jan</b>");
      expect(await page.locator('input[name="name"]').getAttribute("aria-invalid")).toBe("true");
      expect(await accessibilityViolations(page), `sign-up errors (${locale})`).toEqual([]);

      await page.goto(`${paths.get("walkIn")!}/companion?lang=${locale}`);
      await page
        .getByRole("button", {
          name: locale === "nl" ? "Vraag of iemand met mij meegaat" : "Ask someone to go with me",
        })
        .click();
      await shows(page.getByText(locale === "nl" ? "Vul uw naam in." : "Fill in your name."));
      await shows(
        page.getByText(
          locale === "nl"
            ? "Vul een e-mailadres of een telefoonnummer in."
            : "Fill in an email address or a phone number.",
        ),
      );
      expect(await accessibilityViolations(page), `companion errors (${locale})`).toEqual([]);
    }
  });

  it("nothing scrolls sideways at 360 px wide; screenshots of the agenda at 360 px and at desktop width", async () => {
    const narrow = await openBrowser({ width: 360, height: 740 });
    try {
      for (const path of publicPages()) {
        await narrow.page.goto(path);
        expect(await horizontalOverflow(narrow.page), path).toBeLessThanOrEqual(0);
      }
      await narrow.page.goto("/centres/de-wilg");
      await screenshot(narrow.page, "agenda-360px");
      await narrow.page.goto(paths.get("signUp")!);
      await screenshot(narrow.page, "activity-sign-up-360px");
    } finally {
      await narrow.close();
    }
    const { page } = session;
    await page.goto("/centres/de-wilg");
    const file = await screenshot(page, "agenda-desktop");
    expect(file).toMatch(/test-results\/screenshots\/agenda-desktop\.png$/);
    await page.goto("/agenda?when=later");
    await screenshot(page, "agenda-all-centres-later-desktop");
  });

  it("at 200% zoom (a 1280 px screen shows 640 CSS px) the pages still fit and the sign-up button is reachable", async () => {
    const zoomed = await openBrowser({ width: 640, height: 400 });
    try {
      for (const path of publicPages()) {
        await zoomed.page.goto(path);
        expect(await horizontalOverflow(zoomed.page), path).toBeLessThanOrEqual(0);
      }
      await zoomed.page.goto(paths.get("signUp")!);
      const button = zoomed.page.getByRole("button", { name: "Aanmelden" });
      await button.scrollIntoViewIfNeeded();
      expect(await button.isVisible()).toBe(true);
    } finally {
      await zoomed.close();
    }
  });

  it("a resident signs up by keyboard alone, and the focus is always visible", async () => {
    const { page } = session;
    await page.goto(paths.get("signUp")!);
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Ga naar de inhoud");
    const focusedOutline = () =>
      page.evaluate(() => {
        const element = document.activeElement as HTMLElement;
        const style = getComputedStyle(element);
        return {
          name: element.getAttribute("name") ?? element.textContent ?? "",
          outline: style.outlineStyle,
          width: style.outlineWidth,
        };
      });
    let reached = false;
    for (let step = 0; step < 80 && !reached; step++) {
      await page.keyboard.press("Tab");
      const focused = await focusedOutline();
      expect(focused.outline, `focus on ${focused.name}`).not.toBe("none");
      reached = focused.name === "occurrenceId";
    }
    expect(reached).toBe(true);
    await page.keyboard.press("Space"); // choose the first date
    await page.keyboard.press("Tab");
    expect((await focusedOutline()).name).toBe("name");
    await page.keyboard.type("Toetsenbord Gebruiker");
    await page.keyboard.press("Tab");
    await page.keyboard.type("toetsenbord@voorbeeld.example");
    await page.keyboard.press("Tab");
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Aanmelden");
    await page.keyboard.press("Enter");
    await headingIs(page, "U bent aangemeld");
  });

  it("the widget may be framed by another site; other pages may not", async () => {
    const { baseUrl } = session;
    const widget = await fetch(`${baseUrl}/centres/de-wilg/widget`);
    expect(widget.status).toBe(200);
    expect(widget.headers.get("content-security-policy")).toContain("frame-ancestors *");
    expect(widget.headers.get("x-frame-options")).toBeNull();
    const agenda = await fetch(`${baseUrl}/centres/de-wilg`);
    expect(agenda.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
    expect(agenda.headers.get("x-frame-options")).toBe("DENY");

    // The centre's own website, on another origin (a small local server), embeds the widget
    // with the snippet, and, for contrast, an ordinary agenda page.
    const html = `<!doctype html><html lang="nl"><title>De Wilg</title><main><iframe title="agenda" src="${baseUrl}/centres/de-wilg/widget" style="width:600px;height:500px"></iframe><iframe title="geen widget" src="${baseUrl}/centres/de-wilg"></iframe></main></html>`;
    const website = createServer((_request, response) =>
      response.writeHead(200, { "Content-Type": "text/html" }).end(html),
    );
    await new Promise<void>((resolve) => website.listen(0, "127.0.0.1", resolve));
    const site = await openBrowser();
    try {
      await site.page.goto(`http://127.0.0.1:${(website.address() as AddressInfo).port}/`);
      await shows(
        site.page.frameLocator('iframe[title="agenda"]').getByRole("heading", { name: "Agenda van Buurthuis De Wilg" }),
      );
      expect(
        await site.page
          .frameLocator('iframe[title="geen widget"]')
          .getByRole("heading", { name: "Deze week in Buurthuis De Wilg" })
          .count(),
      ).toBe(0);
    } finally {
      await site.close();
      website.close();
    }
  });
});

describe("bad input from outside gets a clear answer", () => {
  it("a feed for a centre that does not exist is a 404 with one plain sentence", async () => {
    const { baseUrl } = session;
    for (const path of [
      "/centres/bestaat-niet/agenda.ics",
      "/centres/bestaat-niet/agenda.json",
      "/centres/de-wilg/activities/00000000-0000-0000-0000-000000000000/agenda.ics",
    ]) {
      const response = await fetch(`${baseUrl}${path}`);
      expect(response.status, path).toBe(404);
      expect(await response.text(), path).toContain("Dit huis bestaat niet.");
    }
    const ics = await fetch(`${baseUrl}/centres/de-wilg/agenda.ics`);
    expect([ics.status, ics.headers.get("content-type")]).toEqual([200, "text/calendar; charset=utf-8"]);
  });

  it("a forged cancel link shows that the link does not work, and cancelling with it changes nothing", async () => {
    const { page, baseUrl } = session;
    const forged = "/centres/de-wilg/signups/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";
    const response = await page.goto(forged);
    expect(response?.status()).toBe(404);
    await headingIs(page, "Deze link werkt niet");
    const post = await fetch(`${baseUrl}${forged}`, { method: "POST", redirect: "manual" });
    expect(post.status).toBe(404);
  });

  it("a 5,000-character name, script in the name, a walk-in sign-up and a second sign-up are refused without JavaScript", async () => {
    const { baseUrl, page } = session;
    await page.goto(paths.get("signUp")!);
    const occurrenceId = await page.getByRole("radio").nth(1).getAttribute("value");
    const post = (fields: Record<string, string>, path = paths.get("signUp")!) =>
      fetch(`${baseUrl}${path}`, {
        method: "POST",
        body: new URLSearchParams({ submissionKey: randomUUID(), ...fields }),
        redirect: "manual",
      });
    const long = await post({ occurrenceId: occurrenceId!, name: "a".repeat(5000), email: "lang@voorbeeld.example" });
    expect(long.status).toBe(400);
    expect(await long.text()).toContain("Uw naam is te lang. Gebruik niet meer dan 100 tekens.");
    const script = await post({
      occurrenceId: occurrenceId!,
      name: "<script>alert(1)</script>",
      email: "script@voorbeeld.example",
    });
    expect(script.status).toBe(400);
    expect(await script.text()).not.toContain("<script>alert(1)</script>");
    const first = await post({ occurrenceId: occurrenceId!, name: "Eens", email: "twee@voorbeeld.example" });
    expect(first.status).toBe(302);
    const second = await post({ occurrenceId: occurrenceId!, name: "Nog eens", email: "TWEE@voorbeeld.example" });
    expect(second.status).toBe(409);
    expect(await second.text()).toContain("U bent al aangemeld voor deze datum");
    const walkIn = await post(
      { occurrenceId: occurrenceId!, name: "Loop", email: "loop@voorbeeld.example" },
      paths.get("walkIn")!,
    );
    expect(walkIn.status).toBe(404); // that date is not one of the walk-in activity's dates
  });
});
