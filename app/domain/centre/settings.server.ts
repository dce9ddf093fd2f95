import { db, transaction } from "~/db/client.server";
import { recordAudit } from "../shared/audit.server";
import { DomainError, NotFoundError } from "../shared/errors";
import type { CommunityRulesSettings } from "../rules/rules-form";
import { TIERS_BY_PRIORITY } from "../rules/tiers";
import type { Actor } from "../shared/actor";

/**
 * A centre's own settings: opening hours, the community rules (per centre and per tier), the
 * cancellation policy and the details printed on invoices (rooms are in rooms.server.ts). Each
 * save is one transaction with an audit record. Opening hours apply to bookings made after the
 * change; dates booked earlier keep the time they hold.
 */

// ─── Opening hours ──────────────────────────────────────────────────────────

export interface OpeningWindowInput {
  weekday: number;
  opensMinute: number;
  closesMinute: number;
}

/** The centre's opening hours and each room's own (if it has any). */
export async function openingHoursOf(centreId: string) {
  return db().openingHours.findMany({ where: { centreId }, orderBy: [{ weekday: "asc" }, { opensMinute: "asc" }] });
}

/**
 * Replaces the opening hours of the centre (`roomId` null) or of one room. A room without
 * windows of its own follows the centre. Refuses `opening-hours-invalid` for a window that
 * closes before it opens or windows that overlap.
 */
export async function saveOpeningHours(actor: Actor, roomId: string | null, windows: OpeningWindowInput[]) {
  for (const window of windows) {
    if (
      window.weekday < 1 ||
      window.weekday > 7 ||
      window.opensMinute < 0 ||
      window.closesMinute > 1440 ||
      window.closesMinute <= window.opensMinute
    ) {
      throw new DomainError("opening-hours-invalid", "A day closes before it opens.", { weekday: window.weekday });
    }
  }
  for (let weekday = 1; weekday <= 7; weekday++) {
    const day = windows.filter((window) => window.weekday === weekday).sort((a, b) => a.opensMinute - b.opensMinute);
    for (let index = 1; index < day.length; index++) {
      if (day[index]!.opensMinute < day[index - 1]!.closesMinute)
        throw new DomainError("opening-hours-invalid", "Two windows of one day overlap.", { weekday });
    }
  }
  return transaction(async (tx) => {
    if (roomId) {
      const room = await tx.room.findFirst({ where: { id: roomId, centreId: actor.centreId }, select: { id: true } });
      if (!room) throw new NotFoundError("room");
    }
    await tx.openingHours.deleteMany({ where: { centreId: actor.centreId, roomId } });
    await tx.openingHours.createMany({
      data: windows.map((window) => ({ ...window, centreId: actor.centreId, roomId })),
    });
    await recordAudit(tx, {
      centreId: actor.centreId,
      actorId: actor.actorId,
      entityType: "centre",
      entityId: actor.centreId,
      action: "opening-hours-changed",
      details: { roomId, windows: windows.map((window) => ({ ...window })) },
    });
  });
}

// ─── Community rules ────────────────────────────────────────────────────────

export async function rulesOf(centreId: string): Promise<CommunityRulesSettings> {
  const [centre, tiers, communityHours] = await Promise.all([
    db().centre.findUniqueOrThrow({
      where: { id: centreId },
      select: {
        provisionalCutoffDays: true,
        commercialShareCapBp: true,
        commercialShareCapAction: true,
        unverifiedTier: true,
        requestReminderDays: true,
        seriesReminderDays: true,
      },
    }),
    db().tierPolicy.findMany({ where: { centreId } }),
    db().communityHoursWindow.findMany({ where: { centreId }, orderBy: [{ weekday: "asc" }, { startMinute: "asc" }] }),
  ]);
  return {
    ...centre,
    tiers: TIERS_BY_PRIORITY.map((tier) => {
      const policy = tiers.find((candidate) => candidate.tier === tier);
      return {
        tier,
        bookingHorizonDays: policy?.bookingHorizonDays ?? 365,
        requiresApproval: policy?.requiresApproval ?? false,
        vatBp: policy?.vatBp ?? null,
        provisional: policy?.provisional ?? false,
        paymentMode: policy?.paymentMode ?? "INVOICE",
      };
    }),
    communityHours: communityHours.map(({ weekday, startMinute, endMinute }) => ({ weekday, startMinute, endMinute })),
  };
}

/** Saves the centre's community rules; they apply to requests made after the change. */
export async function saveRules(actor: Actor, input: CommunityRulesSettings) {
  for (const window of input.communityHours) {
    if (window.endMinute <= window.startMinute)
      throw new DomainError("community-hours-invalid", "A window ends before it starts.", { weekday: window.weekday });
  }
  if (input.commercialShareCapBp !== null && (input.commercialShareCapBp < 0 || input.commercialShareCapBp > 10_000)) {
    throw new DomainError("share-cap-invalid", "The share is between 0 and 100 percent.");
  }
  return transaction(async (tx) => {
    const { tiers, communityHours, ...centreFields } = input;
    await tx.centre.update({ where: { id: actor.centreId }, data: centreFields });
    for (const tier of tiers) {
      const { tier: name, ...policy } = tier;
      await tx.tierPolicy.upsert({
        where: { centreId_tier: { centreId: actor.centreId, tier: name } },
        create: { centreId: actor.centreId, tier: name, ...policy },
        update: policy,
      });
    }
    await tx.communityHoursWindow.deleteMany({ where: { centreId: actor.centreId } });
    await tx.communityHoursWindow.createMany({
      data: communityHours.map((window) => ({ ...window, centreId: actor.centreId })),
    });
    await recordAudit(tx, {
      centreId: actor.centreId,
      actorId: actor.actorId,
      entityType: "centre",
      entityId: actor.centreId,
      action: "rules-changed",
      details: JSON.parse(JSON.stringify(input)),
    });
  });
}

// ─── Cancellation policy ────────────────────────────────────────────────────

export function cancellationStepsOf(centreId: string) {
  return db().cancellationFeeStep.findMany({ where: { centreId }, orderBy: { minDaysBefore: "desc" } });
}

/**
 * Replaces the cancellation policy: cancelling at least `minDaysBefore` days ahead costs
 * `feeBp` of the date's price. Refuses `cancellation-steps-duplicate` (two steps for the same
 * number of days) and `cancellation-fee-invalid` (outside 0–100 %).
 */
export async function saveCancellationSteps(actor: Actor, steps: { minDaysBefore: number; feeBp: number }[]) {
  const days = steps.map((step) => step.minDaysBefore);
  if (new Set(days).size !== days.length)
    throw new DomainError("cancellation-steps-duplicate", "Two steps have the same number of days.");
  if (steps.some((step) => step.feeBp < 0 || step.feeBp > 10_000 || step.minDaysBefore < 0)) {
    throw new DomainError("cancellation-fee-invalid", "A fee is between 0 and 100 percent.");
  }
  return transaction(async (tx) => {
    await tx.cancellationFeeStep.deleteMany({ where: { centreId: actor.centreId } });
    await tx.cancellationFeeStep.createMany({ data: steps.map((step) => ({ ...step, centreId: actor.centreId })) });
    await recordAudit(tx, {
      centreId: actor.centreId,
      actorId: actor.actorId,
      entityType: "centre",
      entityId: actor.centreId,
      action: "cancellation-policy-changed",
      details: { steps: steps.map((step) => ({ ...step })) },
    });
  });
}

// ─── Centre details (printed on invoices) ───────────────────────────────────

export interface CentreDetailsInput {
  name: string;
  street: string;
  postalCode: string;
  city: string;
  email: string | null;
  phone: string | null;
  iban: string | null;
  kvkNumber: string | null;
  vatNumber: string | null;
  invoicePrefix: string;
  paymentTermDays: number;
}

export async function saveCentreDetails(actor: Actor, input: CentreDetailsInput) {
  return transaction(async (tx) => {
    await tx.centre.update({ where: { id: actor.centreId }, data: input });
    await recordAudit(tx, {
      centreId: actor.centreId,
      actorId: actor.actorId,
      entityType: "centre",
      entityId: actor.centreId,
      action: "centre-details-changed",
      details: { ...input },
    });
  });
}
