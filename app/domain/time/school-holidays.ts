/**
 * Dutch school holidays (primary and secondary education) per region, school years 2024–25
 * to 2029–30, as dates a centre's planner sees them (first and last free day, both inclusive,
 * Saturday to Sunday).
 *
 * Source: Ministerie van OCW, "Overzicht schoolvakanties per schooljaar",
 * https://www.rijksoverheid.nl/onderwerpen/schoolvakanties/overzicht-schoolvakanties-per-schooljaar
 * (summer, Christmas and one week in May are fixed by the Regeling vaststelling schoolvakanties
 * 2022–2025 and 2025–2030; autumn and spring holidays are OCW's advice dates, which schools may
 * move). Checked on 21 November 2026 against the ministry's pages for 2027–28 and 2028–29 and
 * against schools' published calendars that quote the ministry for 2024–25, 2025–26, 2026–27 and
 * autumn/Christmas 2029. Rows marked `verified: false` follow the ministry's rotation rules but
 * could not be checked against a published table here; check them at the source above before
 * relying on them, and update this table when the ministry publishes changes.
 */

export type SchoolRegion = "NORTH" | "MIDDLE" | "SOUTH";
export type SchoolHolidayKind = "autumn" | "christmas" | "spring" | "may" | "summer";

export interface SchoolHoliday {
  schoolYear: string;
  kind: SchoolHolidayKind;
  regions: SchoolRegion[];
  /** "YYYY-MM-DD", first free day */
  start: string;
  /** "YYYY-MM-DD", last free day (inclusive) */
  end: string;
  verified: boolean;
}

const ALL: SchoolRegion[] = ["NORTH", "MIDDLE", "SOUTH"];
const row = (
  schoolYear: string,
  kind: SchoolHolidayKind,
  regions: SchoolRegion[],
  start: string,
  end: string,
  verified = true,
): SchoolHoliday => ({
  schoolYear,
  kind,
  regions,
  start,
  end,
  verified,
});

export const SCHOOL_HOLIDAYS: SchoolHoliday[] = [
  // 2024–2025
  row("2024-2025", "autumn", ["NORTH", "MIDDLE"], "2024-10-26", "2024-11-03"),
  row("2024-2025", "autumn", ["SOUTH"], "2024-10-19", "2024-10-27"),
  row("2024-2025", "christmas", ALL, "2024-12-21", "2025-01-05"),
  row("2024-2025", "spring", ["NORTH"], "2025-02-15", "2025-02-23"),
  row("2024-2025", "spring", ["MIDDLE", "SOUTH"], "2025-02-22", "2025-03-02"),
  row("2024-2025", "may", ALL, "2025-04-26", "2025-05-04"),
  row("2024-2025", "summer", ["NORTH"], "2025-07-12", "2025-08-24"),
  row("2024-2025", "summer", ["MIDDLE"], "2025-07-19", "2025-08-31"),
  row("2024-2025", "summer", ["SOUTH"], "2025-07-05", "2025-08-17"),
  // 2025–2026
  row("2025-2026", "autumn", ["NORTH", "MIDDLE"], "2025-10-18", "2025-10-26"),
  row("2025-2026", "autumn", ["SOUTH"], "2025-10-11", "2025-10-19"),
  row("2025-2026", "christmas", ALL, "2025-12-20", "2026-01-04"),
  row("2025-2026", "spring", ["NORTH"], "2026-02-21", "2026-03-01"),
  row("2025-2026", "spring", ["MIDDLE", "SOUTH"], "2026-02-14", "2026-02-22"),
  row("2025-2026", "may", ALL, "2026-04-25", "2026-05-03"),
  row("2025-2026", "summer", ["NORTH"], "2026-07-04", "2026-08-16"),
  row("2025-2026", "summer", ["MIDDLE"], "2026-07-18", "2026-08-30"),
  row("2025-2026", "summer", ["SOUTH"], "2026-07-11", "2026-08-23"),
  // 2026–2027
  row("2026-2027", "autumn", ["NORTH"], "2026-10-10", "2026-10-18", false),
  row("2026-2027", "autumn", ["MIDDLE", "SOUTH"], "2026-10-17", "2026-10-25"),
  row("2026-2027", "christmas", ALL, "2026-12-19", "2027-01-03"),
  row("2026-2027", "spring", ["NORTH"], "2027-02-20", "2027-02-28", false),
  row("2026-2027", "spring", ["MIDDLE"], "2027-02-20", "2027-02-28"),
  row("2026-2027", "spring", ["SOUTH"], "2027-02-06", "2027-02-14"),
  row("2026-2027", "may", ALL, "2027-04-24", "2027-05-02", false),
  row("2026-2027", "summer", ["NORTH"], "2027-07-10", "2027-08-22", false),
  row("2026-2027", "summer", ["MIDDLE"], "2027-07-17", "2027-08-29"),
  row("2026-2027", "summer", ["SOUTH"], "2027-07-24", "2027-09-05", false),
  // 2027–2028 (ministry's page)
  row("2027-2028", "autumn", ["NORTH", "MIDDLE"], "2027-10-16", "2027-10-24"),
  row("2027-2028", "autumn", ["SOUTH"], "2027-10-23", "2027-10-31"),
  row("2027-2028", "christmas", ALL, "2027-12-25", "2028-01-09"),
  row("2027-2028", "spring", ["NORTH"], "2028-02-19", "2028-02-27"),
  row("2027-2028", "spring", ["MIDDLE", "SOUTH"], "2028-02-26", "2028-03-05"),
  row("2027-2028", "may", ALL, "2028-04-29", "2028-05-07"),
  row("2027-2028", "summer", ["NORTH"], "2028-07-15", "2028-08-27"),
  row("2027-2028", "summer", ["MIDDLE"], "2028-07-08", "2028-08-20"),
  row("2027-2028", "summer", ["SOUTH"], "2028-07-22", "2028-09-03"),
  // 2028–2029 (ministry's page)
  row("2028-2029", "autumn", ["NORTH"], "2028-10-14", "2028-10-22"),
  row("2028-2029", "autumn", ["MIDDLE", "SOUTH"], "2028-10-21", "2028-10-29"),
  row("2028-2029", "christmas", ALL, "2028-12-23", "2029-01-07"),
  row("2028-2029", "spring", ["NORTH", "MIDDLE"], "2029-02-17", "2029-02-25"),
  row("2028-2029", "spring", ["SOUTH"], "2029-02-10", "2029-02-18"),
  row("2028-2029", "may", ALL, "2029-04-28", "2029-05-06"),
  row("2028-2029", "summer", ["NORTH"], "2029-07-21", "2029-09-02"),
  row("2028-2029", "summer", ["MIDDLE"], "2029-07-07", "2029-08-19"),
  row("2028-2029", "summer", ["SOUTH"], "2029-07-14", "2029-08-26"),
  // 2029–2030
  row("2029-2030", "autumn", ["NORTH", "MIDDLE"], "2029-10-20", "2029-10-28"),
  row("2029-2030", "autumn", ["SOUTH"], "2029-10-13", "2029-10-21"),
  row("2029-2030", "christmas", ALL, "2029-12-22", "2030-01-06"),
  row("2029-2030", "spring", ["NORTH"], "2030-02-23", "2030-03-03", false),
  row("2029-2030", "spring", ["MIDDLE", "SOUTH"], "2030-03-02", "2030-03-10", false),
  row("2029-2030", "may", ALL, "2030-04-27", "2030-05-05", false),
  row("2029-2030", "summer", ["NORTH"], "2030-07-20", "2030-09-01", false),
  row("2029-2030", "summer", ["MIDDLE"], "2030-07-13", "2030-08-25", false),
  row("2029-2030", "summer", ["SOUTH"], "2030-07-06", "2030-08-18", false),
];

/** The school holiday of `region` that includes `localDate` ("YYYY-MM-DD"), if any. */
export function schoolHolidayOn(localDate: string, region: SchoolRegion): SchoolHoliday | undefined {
  return SCHOOL_HOLIDAYS.find(
    (holiday) => holiday.regions.includes(region) && holiday.start <= localDate && localDate <= holiday.end,
  );
}
