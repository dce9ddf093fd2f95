import type { Locale } from "~/i18n/catalogue";
import type { Key, Translate } from "~/i18n/translate";
import { formatCents, formatDecimal, formatHours, formatPercent } from "./format";
import type { CentreReport } from "./report.server";

/**
 * The figures in plain words (pure), for the page and the PDF alike:
 * "Zaal A was 62% van de openingsuren in gebruik. Een jaar eerder was dat 55%."
 */

export interface ReportSentences {
  summary: string[];
  rooms: string[];
  clock: string[];
  users: string[];
  visitors: string[];
  money: string[];
  energy: string[];
}

export function reportSentences(report: CentreReport, t: Translate, locale: Locale): ReportSentences {
  const { current, previous } = report;
  const percent = (value: number | null) => formatPercent(value, locale);
  const lastYear = (value: number | null) =>
    value === null || !previous.hasData
      ? t("reports.sentences.lastYearNone")
      : t("reports.sentences.lastYear", { percent: percent(value) });
  const total = current.occupancy.total;

  const centre =
    total.occupancy === null
      ? t("reports.sentences.centreNoHours", { centre: report.centre.name })
      : `${t("reports.sentences.centre", {
          centre: report.centre.name,
          percent: percent(total.occupancy),
          booked: formatHours(total.bookedHours, locale),
          available: formatHours(total.availableHours, locale),
        })} ${lastYear(previous.occupancy.total.occupancy)}`;

  const previousRoom = new Map(previous.occupancy.rooms.map((room) => [room.roomId, room.occupancy]));
  const rooms = current.occupancy.rooms
    .filter((room) => room.occupancy !== null)
    .map(
      (room) =>
        `${t("reports.sentences.room", { room: room.name, percent: percent(room.occupancy) })} ${lastYear(previousRoom.get(room.roomId) ?? null)}`,
    );

  const clock: string[] = [];
  if (current.clock.quietest) {
    clock.push(
      t("reports.sentences.quietest", {
        weekday: t(`reports.weekday.${current.clock.quietest.weekday}` as Key),
        dayPart: t(`reports.dayPart.${current.clock.quietest.dayPart}` as Key),
        percent: percent(current.clock.quietest.occupancy),
      }),
    );
  }
  if (current.clock.outsideOpeningHours >= 0.05) {
    clock.push(t("reports.sentences.outside", { hours: formatHours(current.clock.outsideOpeningHours, locale) }));
  }

  const users: string[] = [];
  if (current.occupancy.communityShare !== null) {
    users.push(
      `${t("reports.sentences.community", { percent: percent(current.occupancy.communityShare) })} ${lastYear(previous.occupancy.communityShare)}`,
    );
    users.push(
      t("reports.sentences.freePaid", {
        free: formatHours(current.occupancy.freeHours, locale),
        paid: formatHours(current.occupancy.paidHours, locale),
      }),
    );
  }

  const visitors: string[] = [];
  const v = current.visitors;
  visitors.push(
    v.countedDates === 0
      ? t("reports.sentences.visitorsNone")
      : t("reports.sentences.visitors", { visitors: v.headcount, dates: v.countedDates, firstTime: v.firstTime }),
  );
  visitors.push(t("reports.sentences.activities", { activities: v.activities, organisations: v.organisations }));
  visitors.push(t("reports.sentences.continuity", { count: v.continuing.length }));

  const r = current.revenue;
  const money = [
    t("reports.sentences.money", {
      invoiced: formatCents(r.invoicedCents, locale),
      received: formatCents(r.receivedCents, locale),
      outstanding: formatCents(r.outstandingCents, locale),
    }),
    r.costRecovery !== null && r.costsCents !== null
      ? t("reports.sentences.costRecovery", {
          percent: percent(r.costRecovery),
          costs: formatCents(r.costsCents, locale),
        })
      : t("reports.sentences.costRecoveryMissing"),
  ];

  const e = current.energy;
  const kwh = formatDecimal(e.kwhPerHour, locale);
  const m3 = formatDecimal(e.m3PerHour, locale);
  const energy = [
    e.kwhPerHour !== null && e.m3PerHour !== null
      ? t("reports.sentences.energy", { kwh, m3 })
      : e.kwhPerHour !== null
        ? t("reports.sentences.energyKwhOnly", { kwh })
        : e.m3PerHour !== null
          ? t("reports.sentences.energyGasOnly", { m3 })
          : t("reports.sentences.energyMissing"),
  ];

  return {
    summary: [centre, ...users.slice(0, 1), visitors[0]!, money[0]!],
    rooms,
    clock,
    users,
    visitors,
    money,
    energy,
  };
}

/** The definitions, in the order the page and the PDF show them (docs/report-definitions.md). */
export const DEFINITION_KEYS: Key[] = [
  "reports.definitions.occupancy",
  "reports.definitions.booked",
  "reports.definitions.counted",
  "reports.definitions.time",
  "reports.definitions.tiers",
  "reports.definitions.free",
  "reports.definitions.visitors",
  "reports.definitions.money",
  "reports.definitions.energy",
  "reports.definitions.lastYear",
];
