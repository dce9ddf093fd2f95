import { randomUUID } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db/client.server";
import { headingIs, openBrowser, shows, type BrowserSession } from "../support/browser";
import { signInAs, connectAppDatabase } from "../support/sessions";

/**
 * A page on another port of the same host (same site, so the SameSite=Lax session cookie goes
 * along) tries to make a signed-in chair invite an admin and to sign her out: as a plain form,
 * and as a script's fetch in the old `?_data` shape. Every attempt is refused with 403 and
 * changes nothing (decision 072).
 */

const CHAIR = "voorzitter@de-wilg.example";
let session: BrowserSession;
let evilSite: Server;
let evilUrl: string;
let intruder: string;

function evilPage(target: string): string {
  const fields = { intent: "invite", email: intruder, name: "Eva Vreemd", role: "ADMIN", submissionKey: randomUUID() };
  const inputs = Object.entries(fields)
    .map(([name, value]) => `<input type="hidden" name="${name}" value="${value}">`)
    .join("");
  return `<!doctype html><html lang="nl"><title>Win een prijs</title><main>
    <form method="post" action="${target}/manage/de-wilg/team">${inputs}<button>Win een prijs</button></form>
    <form method="post" action="${target}/logout"><button>Bekijk de uitslag</button></form>
    <button id="script" type="button">Doe mee</button>
    <script>
      document.getElementById("script").addEventListener("click", () => {
        fetch("${target}/manage/de-wilg/team?_data=routes%2Fmanage.%24slug.team", {
          method: "POST", mode: "no-cors", credentials: "include", body: new URLSearchParams(${JSON.stringify(fields)}),
        });
      });
    </script>
  </main></html>`;
}

async function membershipsOfIntruder() {
  return db().membership.count({ where: { user: { email: intruder } } });
}

beforeAll(async () => {
  await connectAppDatabase();
  intruder = `indringer-${randomUUID()}@voorbeeld.example`;
  session = await openBrowser();
  await signInAs(session.context, CHAIR);
  // "localhost" as the app is: another port of the same host, the same site for cookies
  const target = session.baseUrl;
  evilSite = createServer((_request, response) =>
    response.writeHead(200, { "Content-Type": "text/html; charset=utf-8" }).end(evilPage(target)),
  );
  await new Promise<void>((resolve) => evilSite.listen(0, "127.0.0.1", resolve));
  evilUrl = `http://localhost:${(evilSite.address() as AddressInfo).port}/`;
});

afterAll(async () => {
  await session?.close();
  evilSite?.close();
});

describe("a page on another origin posting to us", () => {
  it("its form that invites an admin gets the plain 403 page, and nobody is invited", async () => {
    const { page } = session;
    await page.goto(evilUrl);
    const [response] = await Promise.all([
      page.waitForResponse(
        (answer) => answer.url().endsWith("/manage/de-wilg/team") && answer.request().method() === "POST",
      ),
      page.getByRole("button", { name: "Win een prijs" }).click(),
    ]);
    expect(response.status()).toBe(403);
    await headingIs(page, "Niet verwerkt");
    await shows(page.getByText("This form came from another website"));
    expect(await membershipsOfIntruder()).toBe(0);
  });

  it("its script's ?_data post is refused as well", async () => {
    const { page } = session;
    await page.goto(evilUrl);
    const [response] = await Promise.all([
      page.waitForResponse((answer) => answer.url().includes("/manage/de-wilg/team?_data=")),
      page.getByRole("button", { name: "Doe mee" }).click(),
    ]);
    expect(response.status()).toBe(403);
    expect(await membershipsOfIntruder()).toBe(0);
  });

  it("its sign-out form does not sign the chair out", async () => {
    const { page } = session;
    await page.goto(evilUrl);
    const [response] = await Promise.all([
      page.waitForResponse((answer) => answer.url().endsWith("/logout")),
      page.getByRole("button", { name: "Bekijk de uitslag" }).click(),
    ]);
    expect(response.status()).toBe(403);
    const own = await page.goto("/manage/de-wilg/team");
    expect(own?.status()).toBe(200);
    await shows(page.getByRole("heading", { level: 1 }));
    expect(page.url()).toContain("/manage/de-wilg/team");
  });

  it("the chair's own team page still invites", async () => {
    const { page } = session;
    await page.goto("/manage/de-wilg/team");
    const email = `nieuw-${randomUUID()}@voorbeeld.example`;
    await page.getByLabel("E-mailadres", { exact: true }).fill(email);
    await page.getByLabel("Naam", { exact: true }).fill("Nina Nieuw");
    await page.getByLabel("Rol", { exact: true }).selectOption("HOST");
    await page.getByRole("button", { name: "Uitnodiging sturen" }).click();
    await page.waitForURL(/done=invited/);
    expect(await db().membership.count({ where: { user: { email } } })).toBe(1);
  });
});
