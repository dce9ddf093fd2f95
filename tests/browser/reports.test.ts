import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { formatCents, formatCount, formatDate, formatHours } from "~/domain/reports/format";
import { localDateAt } from "~/domain/time/time-zone";
import { query } from "../support/test-server";
import {
  accessibilityViolations,
  download,
  headingIs,
  openBrowser,
  pdfText,
  shows,
  signInViaMailbox,
  type BrowserSession,
} from "../support/browser";
import { clock } from "~/lib/clock";

/**
 * The board's journey on the demo: the treasurer of De Wilg opens the report, changes the
 * period, downloads a table as CSV and the annual report as PDF. The figures on the page are
 * checked against the database with SQL of the test's own (AT TIME ZONE in PostgreSQL, not the
 * app's calendar code).
 */

const ZONE = "Europe/Amsterdam";
let session: BrowserSession;

beforeAll(async () => {
  session = await openBrowser();
  await signInViaMailbox(session.page, "penningmeester@de-wilg.example");
});

afterAll(async () => {
  await session?.close();
});

/** Booked hours of De Wilg between two local dates (first day, day after the last), straight from the tables. */
async function bookedHours(from: string, to: string, room?: string): Promise<number> {
  const result = await query(
    inject("appDatabaseUrl"),
    `SELECT coalesce(sum(extract(epoch FROM least(rc.ends_at, ($2::timestamp AT TIME ZONE c.time_zone))
                                       - greatest(rc.starts_at, ($1::timestamp AT TIME ZONE c.time_zone)))), 0) / 3600 AS hours
     FROM room_claims rc
     JOIN centres c ON c.id = rc.centre_id
     JOIN rooms r ON r.id = rc.room_id
     JOIN occurrences o ON o.id = rc.occurrence_id
     JOIN bookings b ON b.id = o.booking_id
     WHERE c.slug = 'de-wilg' AND rc.active AND o.status = 'ACTIVE' AND b.status = 'CONFIRMED'
       AND rc.starts_at < ($2::timestamp AT TIME ZONE c.time_zone) AND rc.ends_at > ($1::timestamp AT TIME ZONE c.time_zone)
       AND ($3::text IS NULL OR r.name = $3)`,
    [from, to, room ?? null],
  );
  return Number(result.rows[0].hours);
}

async function headcount(from: string, to: string): Promise<number> {
  const result = await query(
    inject("appDatabaseUrl"),
    `SELECT coalesce(sum(a.headcount), 0)::int AS visitors
     FROM attendance a JOIN occurrences o ON o.id = a.occurrence_id JOIN bookings b ON b.id = o.booking_id JOIN centres c ON c.id = o.centre_id
     WHERE c.slug = 'de-wilg' AND o.status = 'ACTIVE' AND b.status = 'CONFIRMED'
       AND o.starts_at >= ($1::timestamp AT TIME ZONE c.time_zone) AND o.starts_at < ($2::timestamp AT TIME ZONE c.time_zone)`,
    [from, to],
  );
  return Number(result.rows[0].visitors);
}

async function invoiced(from: string, to: string): Promise<number> {
  const result = await query(
    inject("appDatabaseUrl"),
    `SELECT coalesce(sum(i.total_incl_cents), 0)::int AS cents FROM invoices i JOIN centres c ON c.id = i.centre_id
     WHERE c.slug = 'de-wilg' AND i.status <> 'CREDITED'
       AND i.issued_at >= ($1::timestamp AT TIME ZONE c.time_zone) AND i.issued_at < ($2::timestamp AT TIME ZONE c.time_zone)`,
    [from, to],
  );
  return Number(result.rows[0].cents);
}

/** The "this period" value of a row of the key-figures table. */
async function keyFigure(page: Page, label: string): Promise<string> {
  const row = page.getByRole("table", { name: "Kerncijfers" }).getByRole("row", { name: new RegExp(`^${label}`) });
  return (await row.getByRole("cell").first().innerText()).trim();
}

const today = localDateAt(clock.now(), ZONE);
const year = Number(today.slice(0, 4));
// The month before this one: the demo has dates, headcounts and invoices there.
const lastMonth = new Date(Date.UTC(year, Number(today.slice(5, 7)) - 2, 1)).toISOString().slice(0, 10);
const lastMonthEnd = new Date(Date.UTC(year, Number(today.slice(5, 7)) - 1, 1)).toISOString().slice(0, 10);

/**
 * Other journeys book in De Wilg while this file runs, so this year's figures can move between
 * rendering the page and counting in the database. The page is read again until both agree; a
 * wrong figure never agrees, and the test fails.
 */
async function agreesWithDatabase(page: Page, shown: () => Promise<string>, counted: () => Promise<string>) {
  let attempt = 0;
  await expect
    .poll(
      async () => {
        if (attempt++ > 0) await page.reload();
        const [onPage, inDatabase] = [(await shown()).trim(), await counted()];
        return onPage === inDatabase ? "same" : `page ${onPage}, database ${inDatabase}`;
      },
      { timeout: 30_000 },
    )
    .toBe("same");
}

describe("a board member and the report", () => {
  it("opens the report from the menu and sees this year's figures as the database has them", async () => {
    const { page } = session;
    await page.getByRole("navigation", { name: "Hoofdmenu" }).getByRole("link", { name: "Rapportage" }).click();
    await headingIs(page, "Rapportage Buurthuis De Wilg");
    await shows(page.getByText(`Cijfers over ${year}`));
    expect(await bookedHours(`${year}-01-01`, `${year + 1}-01-01`)).toBeGreaterThan(50);
    await agreesWithDatabase(
      page,
      () => keyFigure(page, "Gebruikte uren"),
      async () => formatHours(await bookedHours(`${year}-01-01`, `${year + 1}-01-01`), "nl"),
    );
    expect(await keyFigure(page, "Bezoekers")).toBe(
      formatCount(await headcount(`${year}-01-01`, `${year + 1}-01-01`), "nl"),
    );
    expect(await keyFigure(page, "Gefactureerd")).toBe(
      formatCents(await invoiced(`${year}-01-01`, `${year + 1}-01-01`), "nl"),
    );
    // The figures in plain words, a chart with its table, and the definitions.
    await shows(page.getByText(/^Zaal A was \d+%|^Zaal A was <1%/));
    await shows(page.getByRole("img", { name: "Bezetting per ruimte" }));
    await shows(page.getByRole("table", { name: "Bezetting per ruimte" }));
    await shows(page.getByRole("heading", { name: "Zo rekenen we" }));
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  it("changes the period to last month and gets that month's figures", async () => {
    const { page } = session;
    await page.getByLabel("Soort periode").selectOption("month");
    await page.getByLabel("Een dag in de periode").fill(lastMonth);
    await page.getByRole("button", { name: "Toon de cijfers" }).click();
    const monthName = new Intl.DateTimeFormat("nl-NL", { month: "long", year: "numeric", timeZone: "UTC" }).format(
      new Date(`${lastMonth}T00:00:00Z`),
    );
    await shows(page.getByText(`Cijfers over ${monthName}`));
    expect(new URL(page.url()).searchParams.get("kind")).toBe("month");
    expect(await keyFigure(page, "Gebruikte uren")).toBe(formatHours(await bookedHours(lastMonth, lastMonthEnd), "nl"));
    expect(await keyFigure(page, "Bezoekers")).toBe(formatCount(await headcount(lastMonth, lastMonthEnd), "nl"));
    const roomRow = page.getByRole("table", { name: "Bezetting per ruimte" }).getByRole("row", { name: /^Zaal A/ });
    expect((await roomRow.getByRole("cell").first().innerText()).trim()).toBe(
      formatHours(await bookedHours(lastMonth, lastMonthEnd, "Zaal A"), "nl"),
    );
  });

  it("downloads a table as CSV with the same figures", async () => {
    const { page } = session;
    const file = await download(page, page.getByRole("link", { name: "Bezetting per ruimte als CSV-bestand" }));
    expect(file.name).toBe(`de-wilg-rooms-${lastMonth.slice(0, 7)}.csv`);
    const text = file.content.toString("utf8");
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const rows = text
      .slice(1)
      .trim()
      .split("\r\n")
      .map((line) => line.split(";"));
    expect(rows[0]).toEqual([
      "Ruimte",
      "Gebruikte uren",
      "Openingsuren",
      "Bezetting (%)",
      "Bezetting een jaar eerder (%)",
    ]);
    const zaalA = rows.find((row) => row[0] === "Zaal A")!;
    expect(Number(zaalA[1]!.replace(",", "."))).toBeCloseTo(await bookedHours(lastMonth, lastMonthEnd, "Zaal A"), 2);
    expect(rows.at(-1)![0]).toBe("Totaal");
  });

  it("downloads the annual report as a PDF that names the centre and the period", async () => {
    const { page } = session;
    const file = await download(page, page.getByRole("link", { name: "Jaarverslag als PDF" }).first());
    expect(file.name).toBe(`jaarverslag-de-wilg-${lastMonth.slice(0, 7)}.pdf`);
    expect(file.content.subarray(0, 5).toString()).toBe("%PDF-");
    const stdout = await pdfText(file.content);
    expect(stdout).toContain("Jaarverslag Buurthuis De Wilg");
    const monthName = new Intl.DateTimeFormat("nl-NL", { month: "long", year: "numeric", timeZone: "UTC" }).format(
      new Date(`${lastMonth}T00:00:00Z`),
    );
    expect(stdout).toContain(`Gebruik van het huis: ${monthName}`);
    expect(stdout.replace(/\s+/g, " ")).toContain(
      `Gebruikte uren ${formatHours(await bookedHours(lastMonth, lastMonthEnd), "nl")}`,
    );
  });

  it("the period picker works without JavaScript", async () => {
    const context = await session.browser.newContext({
      baseURL: session.baseUrl,
      javaScriptEnabled: false,
      locale: "nl-NL",
    });
    try {
      await context.addCookies(await session.context.cookies());
      const page = await context.newPage();
      await page.goto("/manage/de-wilg/reports");
      await headingIs(page, "Rapportage Buurthuis De Wilg");
      const until = `${lastMonth.slice(0, 8)}14`;
      await page.getByLabel("Soort periode").selectOption("range");
      await page.getByLabel("Eerste dag").fill(lastMonth);
      await page.getByLabel("Laatste dag").fill(until);
      await page.getByRole("button", { name: "Toon de cijfers" }).click();
      await shows(page.getByText(`Cijfers over ${formatDate(lastMonth, "nl")} t/m ${formatDate(until, "nl")}`));
      expect(await keyFigure(page, "Gebruikte uren")).toBe(
        formatHours(await bookedHours(lastMonth, `${lastMonth.slice(0, 8)}15`), "nl"),
      );
      // A wrong range says what is wrong, next to the field, and shows this year meanwhile.
      await page.getByLabel("Laatste dag").fill(`${year - 10}-01-01`);
      await page.getByRole("button", { name: "Toon de cijfers" }).click();
      await shows(page.getByText("De laatste dag ligt voor de eerste dag. Draai ze om."));
      await shows(page.getByRole("alert").filter({ hasText: "Deze periode klopt niet. We tonen daarom dit jaar." }));
    } finally {
      await context.close();
    }
  });

  it("fits a 360 px screen and can be used with the keyboard", async () => {
    const small = await openBrowser({ width: 360, height: 740 });
    try {
      await small.context.addCookies(await session.context.cookies());
      const { page } = small;
      await page.goto("/manage/de-wilg/reports");
      await headingIs(page, "Rapportage Buurthuis De Wilg");
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow).toBeLessThanOrEqual(0);
      expect(await accessibilityViolations(page)).toEqual([]);
      // The period form is reachable with Tab and sends with Enter.
      await page.getByLabel("Soort periode").focus();
      await page.keyboard.press("Tab");
      expect(await page.evaluate(() => document.activeElement?.getAttribute("name"))).toBe("date");
      await page.getByLabel("Een dag in de periode").fill(lastMonth);
      await page.getByLabel("Soort periode").selectOption("quarter");
      await page.getByRole("button", { name: "Toon de cijfers" }).press("Enter");
      await page.waitForURL(/kind=quarter/);
      await shows(page.getByText(/^Cijfers over het \de kwartaal van \d{4}/));
    } finally {
      await small.close();
    }
  });

  it("enters the yearly costs and sees the cost recovery change", async () => {
    const { page } = session;
    await page.goto("/manage/de-wilg/reports");
    await page.getByRole("link", { name: "Kosten en meterstanden invullen" }).click();
    await headingIs(page, "Kosten en meterstanden van Buurthuis De Wilg");
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByLabel("Jaar", { exact: true }).fill(String(year));
    await page.getByLabel("Kosten in euro").fill("veel");
    await page.getByRole("button", { name: "Kosten opslaan" }).click();
    await shows(page.getByText("Vul een bedrag in euro in, bijvoorbeeld 48500."));
    await page.getByLabel("Kosten in euro").fill("10.000");
    await page.getByRole("button", { name: "Kosten opslaan" }).click();
    await shows(page.getByRole("status").filter({ hasText: "De kosten zijn opgeslagen." }));
    await shows(page.getByRole("cell", { name: "€ 10.000,00" }));
    await page.getByRole("link", { name: "Terug naar de rapportage" }).click();
    await shows(page.getByText("De kosten waren € 10.000,00."));
  });
});

describe("who sees which report", () => {
  it("the municipality sees every centre side by side and summed", async () => {
    const other = await openBrowser();
    try {
      const { page } = other;
      await signInViaMailbox(page, "sociaal-domein@gemeente-oosterveld.example");
      await page.waitForURL((url) => url.pathname === "/");
      await page.getByRole("navigation", { name: "Hoofdmenu" }).getByRole("link", { name: "Alle huizen" }).click();
      await headingIs(page, "Alle huizen naast elkaar");
      const table = page.getByRole("table", { name: "Alle huizen" });
      await shows(table.getByRole("row", { name: /^Buurthuis De Wilg/ }));
      await shows(table.getByRole("row", { name: /^Dorpshuis Het Anker/ }));
      await agreesWithDatabase(
        page,
        () =>
          table
            .getByRole("row", { name: /^Buurthuis De Wilg/ })
            .getByRole("cell")
            .nth(2)
            .innerText(),
        async () => formatHours(await bookedHours(`${year}-01-01`, `${year + 1}-01-01`), "nl"),
      );
      await shows(table.getByRole("row", { name: /^Alle huizen samen/ }));
      expect(await accessibilityViolations(page)).toEqual([]);
      const csv = await download(page, page.getByRole("link", { name: "Alle huizen als CSV-bestand" }));
      expect(csv.content.toString("utf8")).toContain("Alle huizen samen");
    } finally {
      await other.close();
    }
  });

  it("a host may not open the report, and a board member not another centre's", async () => {
    const other = await openBrowser();
    try {
      const { page } = other;
      await signInViaMailbox(page, "gastvrouw@de-wilg.example");
      await page.waitForURL(/\/manage\/de-wilg$/);
      expect((await page.goto("/manage/de-wilg/reports"))?.status()).toBe(403);
      expect((await page.goto("/reports"))?.status()).toBe(403);
    } finally {
      await other.close();
    }
    const { page } = session;
    expect((await page.goto("/manage/het-anker/reports"))?.status()).toBe(403);
    expect((await page.goto("/manage/bestaat-niet/reports"))?.status()).toBe(404);
  });
});
