import Holidays from "date-holidays";
import { schoolHolidayOn, type SchoolHolidayKind, type SchoolRegion } from "./school-holidays";

/**
 * Days a series can skip: Dutch public holidays (from `date-holidays`, type "public": New
 * Year, Easter, King's Day, Ascension, Whitsun, Christmas) and school holidays per region
 * (our own table, see school-holidays.ts). Dates are local "YYYY-MM-DD" strings, so the
 * server's TZ plays no part.
 */

const dutch = new Holidays("NL");
const byYear = new Map<number, Map<string, { nl: string; en: string }>>();

function publicHolidaysOf(year: number): Map<string, { nl: string; en: string }> {
  let days = byYear.get(year);
  if (!days) {
    days = new Map();
    const english = new Map(dutch.getHolidays(year, "en").map((holiday) => [holiday.date, holiday.name]));
    for (const holiday of dutch.getHolidays(year, "nl")) {
      if (holiday.type !== "public") continue;
      days.set(holiday.date.slice(0, 10), { nl: holiday.name, en: english.get(holiday.date) ?? holiday.name });
    }
    byYear.set(year, days);
  }
  return days;
}

/** The Dutch public holiday on `localDate`, in Dutch and English, or undefined. */
export function publicHolidayOn(localDate: string): { nl: string; en: string } | undefined {
  return publicHolidaysOf(Number(localDate.slice(0, 4))).get(localDate);
}

const SCHOOL_HOLIDAY_NAMES: Record<SchoolHolidayKind, { nl: string; en: string }> = {
  autumn: { nl: "Herfstvakantie", en: "Autumn half-term" },
  christmas: { nl: "Kerstvakantie", en: "Christmas holidays" },
  spring: { nl: "Voorjaarsvakantie", en: "Spring half-term" },
  may: { nl: "Meivakantie", en: "May holidays" },
  summer: { nl: "Zomervakantie", en: "Summer holidays" },
};

/** The school holiday of `region` on `localDate`, named in Dutch and English, or undefined. */
export function schoolHolidayNameOn(localDate: string, region: SchoolRegion): { nl: string; en: string } | undefined {
  const holiday = schoolHolidayOn(localDate, region);
  return holiday ? SCHOOL_HOLIDAY_NAMES[holiday.kind] : undefined;
}

/** Why a date of a series is skipped (holiday name), or undefined when it is not. */
export function skipReason(
  localDate: string,
  options: { skipPublicHolidays: boolean; skipSchoolHolidays: SchoolRegion | null },
): string | undefined {
  if (options.skipPublicHolidays) {
    const holiday = publicHolidayOn(localDate);
    if (holiday) return holiday.nl;
  }
  if (options.skipSchoolHolidays) {
    const holiday = schoolHolidayNameOn(localDate, options.skipSchoolHolidays);
    if (holiday) return holiday.nl;
  }
  return undefined;
}
