import { db, readTogether, transaction, type Tx } from "~/db/client.server";
import type { DayPart, Tier } from "~/generated/prisma/client";
import { recordAudit } from "../shared/audit.server";
import { NotFoundError } from "../shared/errors";
import type { RateForQuote } from "./pricing";
import { clock } from "~/lib/clock";
import type { ActorOrJob } from "../shared/actor";

/**
 * Rates per centre, room (or combination) and tier. A rate is never edited in place: a change
 * adds a version valid from that moment, so quotes made earlier keep the rate they used and a
 * change applies to bookings made after it. A combination without a rate of its own costs what
 * its rooms cost together.
 */

/** The rate of a room or combination for a tier at an instant, or null when there is none. */
export async function currentRate(
  client: Tx,
  centreId: string,
  roomId: string,
  tier: Tier,
  at: Date,
): Promise<RateForQuote | null> {
  const rate = await client.rate.findFirst({
    where: { centreId, roomId, tier, validFrom: { lte: at } },
    orderBy: { validFrom: "desc" },
    include: { dayParts: true },
  });
  if (rate) {
    return {
      id: rate.id,
      hourlyCents: rate.hourlyCents,
      minimumMinutes: rate.minimumMinutes,
      freeHoursPerMonth: rate.freeHoursPerMonth,
      dayParts: rate.dayParts.map(({ dayPart, priceCents }) => ({ dayPart, priceCents })),
    };
  }
  const room = await client.room.findFirst({ where: { id: roomId, centreId }, include: { members: true } });
  if (!room || room.kind !== "COMBINATION" || room.members.length === 0) return null;
  const parts = await readTogether(
    client,
    room.members.map((member) => () => currentRate(client, centreId, member.roomId, tier, at)),
  );
  if (parts.some((part) => part === null)) return null;
  const rates = parts as RateForQuote[];
  const dayParts = new Map<DayPart, number>();
  const shared = rates[0]!.dayParts
    .map((part) => part.dayPart)
    .filter((dayPart) => rates.every((rate) => rate.dayParts.some((p) => p.dayPart === dayPart)));
  for (const dayPart of shared)
    dayParts.set(
      dayPart,
      rates.reduce((sum, rate) => sum + rate.dayParts.find((p) => p.dayPart === dayPart)!.priceCents, 0),
    );
  return {
    id: null,
    hourlyCents: rates.reduce((sum, rate) => sum + rate.hourlyCents, 0),
    minimumMinutes: Math.max(...rates.map((rate) => rate.minimumMinutes)),
    freeHoursPerMonth: Math.min(...rates.map((rate) => rate.freeHoursPerMonth)),
    dayParts: [...dayParts].map(([dayPart, priceCents]) => ({ dayPart, priceCents })),
  };
}

export interface RateChange {
  roomId: string;
  tier: Tier;
  hourlyCents: number;
  minimumMinutes: number;
  freeHoursPerMonth: number;
  dayParts: { dayPart: DayPart; priceCents: number }[];
}

/** Adds a new version of a rate, valid from `now`; returns it. */
export async function setRate(actor: ActorOrJob, change: RateChange, now = clock.now()) {
  return transaction(async (tx) => {
    const room = await tx.room.findFirst({
      where: { id: change.roomId, centreId: actor.centreId },
      select: { id: true },
    });
    if (!room) throw new NotFoundError("room");
    const rate = await tx.rate.create({
      data: {
        centreId: actor.centreId,
        roomId: change.roomId,
        tier: change.tier,
        hourlyCents: change.hourlyCents,
        minimumMinutes: change.minimumMinutes,
        freeHoursPerMonth: change.freeHoursPerMonth,
        validFrom: now,
        createdById: actor.actorId,
        dayParts: { create: change.dayParts },
      },
      include: { dayParts: true },
    });
    await recordAudit(tx, {
      centreId: actor.centreId,
      actorId: actor.actorId,
      entityType: "rate",
      entityId: rate.id,
      action: "rate-set",
      details: {
        roomId: change.roomId,
        tier: change.tier,
        hourlyCents: change.hourlyCents,
        minimumMinutes: change.minimumMinutes,
        freeHoursPerMonth: change.freeHoursPerMonth,
        dayParts: change.dayParts,
      },
    });
    return rate;
  });
}

/** The rates in force now for every room and tier of a centre (for the settings page). */
export async function ratesInForce(centreId: string, now = clock.now()) {
  const rates = await db().rate.findMany({
    where: { centreId, validFrom: { lte: now } },
    orderBy: { validFrom: "desc" },
    include: { dayParts: true },
  });
  const seen = new Set<string>();
  return rates.filter((rate) => {
    const key = `${rate.roomId}:${rate.tier}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
