import { describe, expect, it } from "vitest";
import { publicHolidayOn, schoolHolidayNameOn, skipReason } from "~/domain/time/holidays";
import { SCHOOL_HOLIDAYS, schoolHolidayOn, type SchoolRegion } from "~/domain/time/school-holidays";

describe("holidays", () => {
  it("knows the Dutch public holidays", () => {
    expect(publicHolidayOn("2027-04-27")?.nl).toBe("Koningsdag");
    expect(publicHolidayOn("2027-03-29")).toEqual({ nl: "Tweede paasdag", en: "Easter Monday" });
    expect(publicHolidayOn("2027-05-06")?.nl).toBe("Hemelvaartsdag");
    expect(publicHolidayOn("2027-12-26")?.nl).toBe("Tweede kerstdag");
    expect(publicHolidayOn("2027-03-30")).toBeUndefined();
  });

  it("knows the school holidays per region", () => {
    expect(schoolHolidayNameOn("2028-07-10", "MIDDLE")?.nl).toBe("Zomervakantie"); // Midden 8 July – 20 August 2028
    expect(schoolHolidayNameOn("2028-07-10", "NORTH")).toBeUndefined(); // Noord starts 15 July
    expect(schoolHolidayNameOn("2029-02-12", "SOUTH")?.nl).toBe("Voorjaarsvakantie");
    expect(schoolHolidayNameOn("2029-02-12", "NORTH")).toBeUndefined();
    expect(schoolHolidayOn("2025-12-25", "NORTH")?.kind).toBe("christmas");
  });

  it("the table covers every region for every holiday of 2024–25 up to 2029–30, without overlaps", () => {
    const years = ["2024-2025", "2025-2026", "2026-2027", "2027-2028", "2028-2029", "2029-2030"];
    for (const year of years) {
      for (const kind of ["autumn", "christmas", "spring", "may", "summer"] as const) {
        for (const region of ["NORTH", "MIDDLE", "SOUTH"] as SchoolRegion[]) {
          const rows = SCHOOL_HOLIDAYS.filter(
            (row) => row.schoolYear === year && row.kind === kind && row.regions.includes(region),
          );
          expect(rows, `${year} ${kind} ${region}`).toHaveLength(1);
          const row = rows[0]!;
          expect(row.start <= row.end).toBe(true);
          expect(new Date(`${row.start}T00:00:00Z`).getUTCDay(), `${year} ${kind} starts on a Saturday`).toBe(6);
          expect(new Date(`${row.end}T00:00:00Z`).getUTCDay(), `${year} ${kind} ends on a Sunday`).toBe(0);
        }
      }
    }
  });

  it("gives the reason a date of a series is skipped", () => {
    expect(skipReason("2027-04-27", { skipPublicHolidays: true, skipSchoolHolidays: null })).toBe("Koningsdag");
    expect(skipReason("2027-04-27", { skipPublicHolidays: false, skipSchoolHolidays: null })).toBeUndefined();
    expect(skipReason("2028-07-10", { skipPublicHolidays: true, skipSchoolHolidays: "MIDDLE" })).toBe("Zomervakantie");
  });
});
