import { db, transaction, type Tx } from "~/db/client.server";
import { isUniqueViolation } from "~/db/errors.server";
import type { ExtraUnit, Tier } from "~/generated/prisma/enums";
import type { BookableSpace } from "../centre/rooms.server";
import { recordAudit } from "../shared/audit.server";
import { DomainError, NotFoundError } from "../shared/errors";
import type { Actor } from "../shared/actor";
import { depositFor, isExtraVatRate, type PricedExtra } from "./extras";

/**
 * A centre's extras (what they cost per tier) and its rooms' deposits, in the database. The
 * pricing itself is pure (extras.ts). See docs/decisions/093-extras-and-deposits.md.
 */

export interface ExtraChange {
  name: string;
  unit: ExtraUnit;
  /** 900 or 2100 */
  vatBp: number;
  /** price per unit excl. VAT per tier, in cents; a tier left out is not offered the extra */
  prices: Partial<Record<Tier, number>>;
  active: boolean;
}

/** Every extra of the centre with its prices, active ones first, for the settings page. */
export async function listExtras(centreId: string) {
  return db().extra.findMany({
    where: { centreId },
    include: { prices: true },
    orderBy: [{ active: "desc" }, { sortOrder: "asc" }, { name: "asc" }],
  });
}

/** The active extras with a price for at least one tier, for the booking forms (which show those of the chosen tier). */
export async function extrasOnOffer(centreId: string) {
  const extras = await db().extra.findMany({
    where: { centreId, active: true, prices: { some: {} } },
    include: { prices: true },
    orderBy: [{ sortOrder: "asc" }, { name: "asc" }],
  });
  return extras.map((extra) => ({
    id: extra.id,
    name: extra.name,
    unit: extra.unit,
    vatBp: extra.vatBp,
    prices: Object.fromEntries(extra.prices.map((price) => [price.tier, price.priceCents])) as Partial<
      Record<Tier, number>
    >,
  }));
}

function checkChange(change: ExtraChange) {
  if (!isExtraVatRate(change.vatBp))
    throw new DomainError("extra-vat-invalid", "An extra's VAT is 9% or 21%.", {}, 422);
  for (const cents of Object.values(change.prices)) {
    if (!Number.isInteger(cents) || cents < 0 || cents > 10_000_000)
      throw new DomainError("extra-price-invalid", "A price is a whole number of cents from 0.", {}, 422);
  }
}

/**
 * Adds an extra (no `extraId`) or changes one of this centre's. Prices replace the old ones: a
 * tier without a price is no longer offered it. Bookings made before keep what they were
 * charged (booking_extras). Refuses `extra-name-taken`, `extra-vat-invalid`, `not-found`.
 */
export async function saveExtra(actor: Actor, extraId: string | null, change: ExtraChange) {
  checkChange(change);
  try {
    return await transaction(async (tx) => {
      let id = extraId;
      if (id) {
        const existing = await tx.extra.findFirst({ where: { id, centreId: actor.centreId }, select: { id: true } });
        if (!existing) throw new NotFoundError("extra");
        await tx.extra.update({
          where: { id },
          data: { name: change.name, unit: change.unit, vatBp: change.vatBp, active: change.active },
        });
        await tx.extraPrice.deleteMany({ where: { extraId: id } });
      } else {
        const count = await tx.extra.count({ where: { centreId: actor.centreId } });
        id = (
          await tx.extra.create({
            data: {
              centreId: actor.centreId,
              name: change.name,
              unit: change.unit,
              vatBp: change.vatBp,
              active: change.active,
              sortOrder: count,
            },
            select: { id: true },
          })
        ).id;
      }
      const prices = Object.entries(change.prices).map(([tier, priceCents]) => ({
        extraId: id!,
        tier: tier as Tier,
        priceCents: priceCents!,
      }));
      if (prices.length > 0) await tx.extraPrice.createMany({ data: prices });
      await recordAudit(tx, {
        centreId: actor.centreId,
        actorId: actor.actorId,
        entityType: "extra",
        entityId: id,
        action: extraId ? "extra-changed" : "extra-added",
        details: { ...change },
      });
      return { id };
    });
  } catch (error) {
    if (isUniqueViolation(error))
      throw new DomainError("extra-name-taken", "The centre has an extra by that name.", { name: change.name }, 409);
    throw error;
  }
}

/**
 * The extras chosen with a booking, priced for the tier. Refuses (422, `extra-not-offered`) an
 * id that is not an active extra of this centre with a price for the tier: an unknown id,
 * another centre's, a switched-off one, or one the tier is not offered.
 */
export async function chosenExtras(tx: Tx, centreId: string, tier: Tier, extraIds: string[]): Promise<PricedExtra[]> {
  const ids = [...new Set(extraIds)];
  if (ids.length === 0) return [];
  const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
  const found = ids.every((id) => uuid.test(id))
    ? await tx.extra.findMany({
        where: { id: { in: ids }, centreId, active: true },
        include: { prices: { where: { tier } } },
        orderBy: [{ sortOrder: "asc" }, { name: "asc" }],
      })
    : [];
  const offered = found.filter((extra) => extra.prices.length > 0);
  if (offered.length !== ids.length)
    throw new DomainError("extra-not-offered", "An extra chosen is not offered for this booking.", {}, 422);
  return offered.map((extra) => ({
    id: extra.id,
    name: extra.name,
    unit: extra.unit,
    vatBp: extra.vatBp,
    unitPriceCents: extra.prices[0]!.priceCents,
  }));
}

/** The deposit a booking of `space` at `tier` carries (the highest of the rooms it takes), in cents. */
export async function depositForSpace(tx: Tx, centreId: string, space: BookableSpace, tier: Tier): Promise<number> {
  const roomIds = [...new Set([space.id, ...space.physicalRoomIds])];
  const deposits = await tx.roomDeposit.findMany({
    where: { centreId, tier, roomId: { in: roomIds } },
    select: { roomId: true, amountCents: true },
  });
  return depositFor(deposits, roomIds);
}

/** A room's deposit per tier (cents), for its settings page. */
export async function roomDeposits(centreId: string, roomId: string): Promise<Partial<Record<Tier, number>>> {
  const rows = await db().roomDeposit.findMany({ where: { centreId, roomId } });
  return Object.fromEntries(rows.map((row) => [row.tier, row.amountCents]));
}

/** Sets a room's deposit per tier; a tier left out (or 0) asks none. Refuses `not-found` for another centre's room. */
export async function setRoomDeposits(actor: Actor, roomId: string, amounts: Partial<Record<Tier, number>>) {
  return transaction(async (tx) => {
    const room = await tx.room.findFirst({ where: { id: roomId, centreId: actor.centreId }, select: { id: true } });
    if (!room) throw new NotFoundError("room");
    await tx.roomDeposit.deleteMany({ where: { roomId, centreId: actor.centreId } });
    const rows = Object.entries(amounts)
      .filter(([, cents]) => cents !== undefined && cents > 0)
      .map(([tier, amountCents]) => ({
        roomId,
        centreId: actor.centreId,
        tier: tier as Tier,
        amountCents: amountCents!,
      }));
    if (rows.length > 0) await tx.roomDeposit.createMany({ data: rows });
    await recordAudit(tx, {
      centreId: actor.centreId,
      actorId: actor.actorId,
      entityType: "room",
      entityId: roomId,
      action: "deposits-set",
      details: { ...amounts },
    });
    return rows;
  });
}
