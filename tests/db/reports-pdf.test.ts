import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db/client.server";
import { renderAnnualReport } from "~/domain/reports/pdf.server";
import { resolvePeriod } from "~/domain/reports/period";
import { centreReport } from "~/domain/reports/report.server";
import { translator } from "~/i18n/translate";
import { createCentre, createOrganisation, createRoom, createTestBooking } from "../../prisma/factories";

/**
 * The annual report as a PDF, turned back into text with pdftotext (poppler-utils), so the
 * figures a subsidy provider reads are checked, not just that a file came out.
 */

const run = promisify(execFile);
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "buurtrooster-pdf-"));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function pdfText(pdf: Buffer, name: string): Promise<string> {
  const file = path.join(dir, `${name}.pdf`);
  await writeFile(file, pdf);
  const { stdout } = await run("pdftotext", ["-layout", "-enc", "UTF-8", file, "-"]);
  return stdout;
}

describe("the annual report as PDF", () => {
  it("carries the centre, the period, the key figures, the charts' tables and the definitions", async () => {
    // Zaal A, open Monday–Friday 09:00–22:00 with a Christmas closure: 17 open weekdays in
    // December 2026 = 221 hours; booked 4 × 2 h + 5 h = 13 h → 13/221 = 5.9% → "6%".
    const centre = await createCentre({
      name: `Buurthuis De Linde ${Date.now() % 100000}`,
      withDefaultRules: false,
      openingHours: { create: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, opensMinute: 540, closesMinute: 1320 })) },
      dayParts: {
        create: [
          { dayPart: "MORNING", startMinute: 540, endMinute: 720 },
          { dayPart: "AFTERNOON", startMinute: 720, endMinute: 1080 },
          { dayPart: "EVENING", startMinute: 1080, endMinute: 1320 },
        ],
      },
    });
    await db().closure.create({
      data: {
        centreId: centre.id,
        startDate: new Date("2026-12-24T00:00:00Z"),
        endDate: new Date("2026-12-31T00:00:00Z"),
        reason: "Kerst",
      },
    });
    const room = await createRoom(centre.id, { name: "Zaal A" });
    const organisation = await createOrganisation(centre.id, { name: "Koffieclub", tier: "RESIDENT_INITIATIVE" });
    await createTestBooking({
      centreId: centre.id,
      organisationId: organisation.id,
      roomId: room.id,
      rrule: "FREQ=WEEKLY;COUNT=4",
      localStart: "2026-12-01T10:00",
      durationMinutes: 120,
      activity: { kind: "WALK_IN", title: "Koffieochtend" },
    });
    await createTestBooking({
      centreId: centre.id,
      organisationId: organisation.id,
      roomId: room.id,
      localStart: "2026-12-10T13:00",
      durationMinutes: 300,
    });
    const first = await db().occurrence.findFirstOrThrow({
      where: { centreId: centre.id },
      orderBy: { startsAt: "asc" },
    });
    await db().attendance.create({
      data: { occurrenceId: first.id, centreId: centre.id, headcount: 23, firstTimeCount: 4 },
    });

    const report = await centreReport(
      centre.id,
      resolvePeriod({ kind: "month", date: "2026-12-01" }),
      new Date("2027-01-05T10:00:00Z"),
    );
    const pdf = await renderAnnualReport(report, translator("nl"), "nl");
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    const text = await pdfText(pdf, "linde");
    const lines = text.split("\n").map((line) => line.replace(/\s+/g, " ").trim());

    expect(text).toContain(`Jaarverslag ${centre.name}`);
    expect(text).toContain("Gebruik van het huis: december 2026");
    expect(text).toContain("Vergeleken met december 2025");
    expect(text).toContain(`${centre.name} was 6% van de openingsuren in gebruik: 13 van de 221 uur.`);
    expect(text).toContain("Zaal A was 6% van de openingsuren in gebruik.");
    expect(text).toContain("Er kwamen 23 bezoekers. Dat is geteld op 1 moment. 4 bezoekers kwamen voor het eerst.");
    // The key figures table: figure, this period, a year earlier (no figures then: a dash).
    expect(lines).toContain("Bezetting 6% –");
    expect(lines).toContain("Gebruikte uren 13 –");
    expect(lines).toContain("Openingsuren 221 –");
    expect(lines).toContain("Bezoekers 23 –");
    expect(lines).toContain("Deel voor bewoners en verenigingen 100% –");
    // The charts' titles and their tables, the day parts and the definitions.
    expect(text).toContain("Bezetting per ruimte");
    expect(text).toContain("Bezetting per maand");
    expect(text).toContain("Bezetting per weekdag en uur");
    expect(lines).toContain("Zaal A 13 221 6% –");
    // Mornings: 4 × 2 h of 17 × 3 h; afternoons 5 h of 17 × 6 h.
    expect(lines).toContain("ochtend 8 51 16% –");
    expect(lines).toContain("middag 5 102 5% –");
    expect(text).toContain("Zo rekenen we");
    expect(text).toContain("Klaarzetten en opruimen tellen niet mee.");
    expect(text).toContain("Gemaakt met Buurtrooster op 5 januari 2027");
    expect(text).toMatch(/Pagina 1 van \d/);
  });

  it("is in English for an English reader", async () => {
    const centre = await createCentre({ name: `Community Centre ${Date.now() % 100000}` });
    await createRoom(centre.id, { name: "Hall" });
    const report = await centreReport(centre.id, resolvePeriod({ kind: "year", date: "2026-06-01" }));
    const text = await pdfText(await renderAnnualReport(report, translator("en"), "en"), "english");
    expect(text).toContain(`Annual report ${centre.name}`);
    expect(text).toContain("Use of the centre: 2026");
    expect(text).toContain("How we count");
  });
});
