import { randomInt, randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { db } from "~/db/client.server";
import { RATE_LIMITS } from "~/lib/rate-limits.server";
import { accessibilityViolations, headingIs, openBrowser, shows, type BrowserSession } from "../support/browser";
import { sessionCookie, signInAs, connectAppDatabase, userIdOf } from "../support/sessions";

/**
 * Accounts from outside: a session ends at sign-out (the old cookie opens nothing), "sign out
 * everywhere" ends them all, and sign-in and registration stop a script with 429 and a plain
 * message on the form, keeping what was typed. Each test that counts sendings comes from a
 * client address of its own (X-Forwarded-For; the app trusts one proxy), so it neither feels
 * nor fills the other tests' counts.
 */

const baseUrl = inject("baseUrl");
const MANAGER = "beheer@de-wilg.example";
let session: BrowserSession;

/** A client address of the documentation range, a new one each time (the app's database is new each run). */
let clients = 0;
const someClient = () => `203.0.113.${++clients}`;

function post(path: string, body: Record<string, string>, headers: Record<string, string> = {}) {
  return fetch(`${baseUrl}${path}`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: baseUrl, ...headers },
    body: new URLSearchParams(body),
  });
}

beforeAll(async () => {
  await connectAppDatabase();
  session = await openBrowser();
});

afterAll(async () => {
  await session?.close();
});

describe("sessions", () => {
  it("after signing out, a copy of the old cookie no longer opens the workspace", async () => {
    const cookie = await sessionCookie(await userIdOf(MANAGER));
    const open = () => fetch(`${baseUrl}/manage/de-wilg`, { redirect: "manual", headers: { Cookie: cookie } });
    expect((await open()).status).toBe(200);
    const signOut = await post("/logout", {}, { Cookie: cookie });
    expect(signOut.status).toBe(302);
    expect(signOut.headers.get("Set-Cookie")).toMatch(/__session=;|Max-Age=0/i);
    const after = await open();
    expect(after.status).toBe(302);
    expect(after.headers.get("Location")).toBe("/login?redirectTo=%2Fmanage%2Fde-wilg");
  });

  it("signing out everywhere on the account page ends the session in every other browser too", async () => {
    const { browser, page, context } = session;
    const elsewhere = await browser.newContext({ baseURL: baseUrl, locale: "nl-NL" });
    try {
      await signInAs(context, MANAGER);
      await signInAs(elsewhere, MANAGER);
      const otherPage = await elsewhere.newPage();
      await otherPage.goto("/manage/de-wilg");
      await headingIs(otherPage, "Beheer van Buurthuis De Wilg");

      await page.goto("/manage/de-wilg");
      await page.getByRole("navigation", { name: "Hoofdmenu" }).getByRole("link", { name: "Mijn account" }).click();
      await headingIs(page, "Mijn account");
      await shows(page.getByText(MANAGER));
      await shows(page.getByText(/U bent nu op \d+ apparaten of browsers ingelogd/));
      expect(await accessibilityViolations(page)).toEqual([]);
      await page.getByRole("button", { name: "Overal uitloggen" }).click();
      await shows(page.getByRole("status").filter({ hasText: "U bent overal uitgelogd." }));

      await otherPage.goto("/manage/de-wilg");
      expect(new URL(otherPage.url()).pathname).toBe("/login");
      await page.goto("/manage/de-wilg");
      expect(new URL(page.url()).pathname).toBe("/login");
    } finally {
      await elsewhere.close();
    }
  });
});

describe("rate limits", () => {
  it(`asking for sign-in links: after ${RATE_LIMITS.signInPerClient.points} from one client the answer is 429 with Retry-After`, async () => {
    const client = { "X-Forwarded-For": someClient() };
    const statuses: number[] = [];
    for (let sending = 0; sending < RATE_LIMITS.signInPerClient.points + 5; sending++) {
      statuses.push((await post("/login", { email: `iemand${sending}@voorbeeld.example` }, client)).status);
    }
    expect(statuses.slice(0, RATE_LIMITS.signInPerClient.points).every((status) => status === 302)).toBe(true);
    expect(statuses.slice(RATE_LIMITS.signInPerClient.points)).toEqual([429, 429, 429, 429, 429]);
    const refused = await post("/login", { email: "nog-een@voorbeeld.example" }, client);
    expect(refused.status).toBe(429);
    const retryAfter = Number(refused.headers.get("Retry-After"));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(RATE_LIMITS.signInPerClient.windowMinutes * 60);
    expect(await refused.text()).toContain("te vaak verstuurd");
  });

  it("a person who hits the limit sees why on the form, in their language, with the address still filled in", async () => {
    const client = someClient();
    for (let sending = 0; sending < RATE_LIMITS.signInPerClient.points; sending++) {
      await post("/login", { email: `vooraf${sending}@voorbeeld.example` }, { "X-Forwarded-For": client });
    }
    for (const [lang, message] of [
      ["nl", /te vaak verstuurd\. Wacht even en probeer het over \d+ minuten opnieuw/],
      ["en", /sent too often\. Please wait and try again in \d+ minutes/],
    ] as const) {
      const context = await session.browser.newContext({
        baseURL: baseUrl,
        extraHTTPHeaders: { "X-Forwarded-For": client },
      });
      try {
        const page = await context.newPage();
        await page.goto(`/login?lang=${lang}`);
        await page.getByLabel(/E-mailadres|Email address/).fill("ria@voorbeeld.example");
        await page.getByRole("button", { name: /inloglink|sign-in link/i }).click();
        await shows(page.getByRole("alert").filter({ hasText: message }));
        expect(await page.getByLabel(/E-mailadres|Email address/).inputValue()).toBe("ria@voorbeeld.example");
      } finally {
        await context.close();
      }
    }
  });

  it(`registering: after ${RATE_LIMITS.registerPerClient.points} registrations from one client the answer is 429 and nothing more is sent`, async () => {
    const client = { "X-Forwarded-For": someClient() };
    const form = (sending: number) => ({
      name: `Script Club ${client["X-Forwarded-For"]} ${sending}`,
      tier: "RESIDENT_INITIATIVE",
      contactName: "Een Script",
      email: `slachtoffer-${client["X-Forwarded-For"]}@voorbeeld.example`,
    });
    const statuses: number[] = [];
    for (let sending = 0; sending < RATE_LIMITS.registerPerClient.points + 3; sending++) {
      statuses.push((await post("/centres/de-wilg/register", form(sending), client)).status);
    }
    expect(statuses.slice(0, RATE_LIMITS.registerPerClient.points).every((status) => status === 200)).toBe(true);
    expect(statuses.slice(RATE_LIMITS.registerPerClient.points)).toEqual([429, 429, 429]);
  });

  it("signing up and asking for company: past the limit from one client the answer is 429, before anything is looked at", async () => {
    const activity = await db().activity.findFirstOrThrow({
      where: { kind: "SIGN_UP", centre: { slug: "de-wilg" }, booking: { status: "CONFIRMED" } },
      select: { id: true },
    });
    const path = `/centres/de-wilg/activities/${activity.id}`;
    // a date that does not exist: every sending that gets past the limit is refused, and nothing is made
    const form = () => ({
      occurrenceId: randomUUID(),
      name: "Een Script",
      phone: `06${randomInt(10_000_000, 99_999_999)}`,
      submissionKey: randomUUID(),
    });
    for (const [target, points] of [
      [path, RATE_LIMITS.signupPerClient.points],
      [`${path}/companion`, RATE_LIMITS.companionPerClient.points],
    ] as const) {
      const client = { "X-Forwarded-For": someClient() };
      const statuses: number[] = [];
      for (let sending = 0; sending <= points; sending++) statuses.push((await post(target, form(), client)).status);
      expect(statuses.slice(0, points).includes(429), target).toBe(false);
      expect(statuses.at(-1), target).toBe(429);
    }
  });
});
