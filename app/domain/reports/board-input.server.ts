import { db, transaction } from "~/db/client.server";
import { recordAudit } from "../shared/audit.server";
import { formatLocalDate } from "../time/time-zone";

/**
 * What the board enters for the report: the centre's running costs per year (for cost
 * recovery) and monthly meter readings (for energy per booked hour). Both are optional.
 */

export interface YearCostsEntry {
  year: number;
  costsCents: number;
}

export interface EnergyEntry {
  /** "YYYY-MM-01" */
  month: string;
  gasM3: number | null;
  electricityKwh: number | null;
}

export async function listYearCosts(centreId: string): Promise<YearCostsEntry[]> {
  const rows = await db().yearCosts.findMany({ where: { centreId }, orderBy: { year: "desc" } });
  return rows.map(({ year, costsCents }) => ({ year, costsCents }));
}

/** Readings of the centre, newest first; with `months`, only those months ("YYYY-MM-01"). */
export async function listEnergyReadings(centreId: string, months?: string[]): Promise<EnergyEntry[]> {
  const rows = await db().energyReading.findMany({
    where: { centreId, ...(months ? { month: { in: months.map((month) => new Date(`${month}T00:00:00Z`)) } } : {}) },
    orderBy: { month: "desc" },
  });
  return rows.map((row) => ({
    month: formatLocalDate(row.month),
    gasM3: row.gasM3,
    electricityKwh: row.electricityKwh,
  }));
}

/** Sets (or replaces) the costs of a year. */
export async function saveYearCosts(centreId: string, actorId: string, entry: YearCostsEntry): Promise<void> {
  await transaction(async (tx) => {
    await tx.yearCosts.upsert({
      where: { centreId_year: { centreId, year: entry.year } },
      create: { centreId, year: entry.year, costsCents: entry.costsCents },
      update: { costsCents: entry.costsCents },
    });
    await recordAudit(tx, {
      centreId,
      actorId,
      entityType: "year-costs",
      entityId: `${centreId}:${entry.year}`,
      action: "saved",
      details: { year: entry.year, costsCents: entry.costsCents },
    });
  });
}

/** Sets the readings of a month; a month with neither reading is removed. */
export async function saveEnergyReading(centreId: string, actorId: string, entry: EnergyEntry): Promise<void> {
  const month = new Date(`${entry.month}T00:00:00Z`);
  await transaction(async (tx) => {
    if (entry.gasM3 === null && entry.electricityKwh === null) {
      await tx.energyReading.deleteMany({ where: { centreId, month } });
    } else {
      await tx.energyReading.upsert({
        where: { centreId_month: { centreId, month } },
        create: { centreId, month, gasM3: entry.gasM3, electricityKwh: entry.electricityKwh },
        update: { gasM3: entry.gasM3, electricityKwh: entry.electricityKwh },
      });
    }
    await recordAudit(tx, {
      centreId,
      actorId,
      entityType: "energy-reading",
      entityId: `${centreId}:${entry.month}`,
      action: entry.gasM3 === null && entry.electricityKwh === null ? "removed" : "saved",
      details: { month: entry.month, gasM3: entry.gasM3, electricityKwh: entry.electricityKwh },
    });
  });
}
