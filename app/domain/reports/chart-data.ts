import type { Locale } from "~/i18n/catalogue";
import type { BarItem } from "./charts";
import { formatMonthShort, formatPercent } from "./format";
import type { CentreReport } from "./report.server";

/** The bars of the charts of a centre's report (pure), for the page and the PDF alike. */

export function roomBarItems(report: CentreReport, locale: Locale): BarItem[] {
  const previous = new Map(report.previous.occupancy.rooms.map((room) => [room.roomId, room.occupancy]));
  return report.current.occupancy.rooms.map((room) => ({
    label: room.name,
    value: room.occupancy,
    previous: report.previous.hasData ? (previous.get(room.roomId) ?? null) : null,
    valueText: formatPercent(room.occupancy, locale),
  }));
}

export function monthBarItems(report: CentreReport, locale: Locale): BarItem[] {
  return report.current.occupancy.months.map((month, index) => ({
    label: formatMonthShort(month.month, locale),
    value: month.occupancy,
    previous: report.previous.hasData ? (report.previous.occupancy.months[index]?.occupancy ?? null) : null,
    valueText: formatPercent(month.occupancy, locale),
  }));
}
