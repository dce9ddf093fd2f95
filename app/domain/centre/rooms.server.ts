import { db, transaction, type Tx } from "~/db/client.server";
import { isUniqueViolation } from "~/db/errors.server";
import type { Facility, Room } from "~/generated/prisma/client";
import type { SpaceForPlanning } from "../bookings/occurrences";
import type { Actor } from "../shared/actor";
import { recordAudit } from "../shared/audit.server";
import { DomainError, NotFoundError } from "../shared/errors";

/**
 * A centre's rooms and combinations (a combination joins two or more rooms and claims each of
 * them when booked). Rooms are never deleted, since bookings point at them: a room that is no
 * longer used is switched off. Buffers apply to bookings made after a change; dates booked
 * earlier keep the time they hold.
 */

/** A centre's rooms and combinations, in the centre's order, with each combination's members. */
export function listRooms(centreId: string) {
  return db().room.findMany({
    where: { centreId },
    orderBy: [{ kind: "asc" }, { sortOrder: "asc" }, { name: "asc" }],
    include: { members: { include: { room: { select: { id: true, name: true } } } } },
  });
}

export interface RoomInput {
  name: string;
  description: string;
  location: string;
  capacity: number;
  areaM2: number | null;
  stepFree: boolean;
  facilities: Facility[];
  setupBufferMinutes: number;
  cleanupBufferMinutes: number;
  active: boolean;
  sortOrder: number;
  /** for a combination: the physical rooms it joins (at least two) */
  memberIds?: string[];
}

export async function settingsRoom(centreId: string, roomId: string) {
  const room = await db().room.findFirst({
    where: { id: roomId, centreId },
    include: { members: { select: { roomId: true } } },
  });
  if (!room) throw new NotFoundError("room");
  return room;
}

async function checkMembers(
  client: Parameters<Parameters<typeof transaction>[0]>[0],
  centreId: string,
  memberIds: string[],
) {
  const unique = [...new Set(memberIds)];
  if (unique.length < 2) throw new DomainError("combination-too-few-rooms", "A combination joins at least two rooms.");
  const rooms = await client.room.findMany({
    where: { id: { in: unique }, centreId, kind: "ROOM" },
    select: { id: true },
  });
  if (rooms.length !== unique.length) throw new NotFoundError("room");
  return unique;
}

/** Adds a room (`kind` ROOM) or a combination of rooms. Refuses `room-name-taken`, `combination-too-few-rooms`. */
export async function createRoom(actor: Actor, kind: "ROOM" | "COMBINATION", input: RoomInput) {
  try {
    return await transaction(async (tx) => {
      const members = kind === "COMBINATION" ? await checkMembers(tx, actor.centreId, input.memberIds ?? []) : [];
      const { memberIds: _members, ...fields } = input;
      const room = await tx.room.create({
        data: { ...fields, centreId: actor.centreId, kind, members: { create: members.map((roomId) => ({ roomId })) } },
      });
      await recordAudit(tx, {
        centreId: actor.centreId,
        actorId: actor.actorId,
        entityType: "room",
        entityId: room.id,
        action: "room-created",
        details: { ...fields, kind, members },
      });
      return room;
    });
  } catch (error) {
    if (isUniqueViolation(error))
      throw new DomainError("room-name-taken", "Another room has this name.", { name: input.name });
    throw error;
  }
}

/** Changes a room or combination of this centre. */
export async function updateRoom(actor: Actor, roomId: string, input: RoomInput) {
  try {
    return await transaction(async (tx) => {
      const before = await tx.room.findFirst({
        where: { id: roomId, centreId: actor.centreId },
        include: { members: true },
      });
      if (!before) throw new NotFoundError("room");
      const { memberIds, ...fields } = input;
      if (before.kind === "COMBINATION" && memberIds) {
        const members = await checkMembers(tx, actor.centreId, memberIds);
        await tx.roomComboMember.deleteMany({ where: { combinationId: roomId } });
        await tx.roomComboMember.createMany({
          data: members.map((member) => ({ combinationId: roomId, roomId: member })),
        });
      }
      const room = await tx.room.update({ where: { id: roomId }, data: fields });
      await recordAudit(tx, {
        centreId: actor.centreId,
        actorId: actor.actorId,
        entityType: "room",
        entityId: roomId,
        action: "room-changed",
        details: {
          ...fields,
          members: memberIds ?? null,
          before: {
            capacity: before.capacity,
            setup: before.setupBufferMinutes,
            cleanup: before.cleanupBufferMinutes,
            active: before.active,
          },
        },
      });
      return room;
    });
  } catch (error) {
    if (isUniqueViolation(error))
      throw new DomainError("room-name-taken", "Another room has this name.", { name: input.name });
    throw error;
  }
}

// ─── Bookable spaces: what the booking engine plans with ───────────────────────

export interface BookableSpace extends SpaceForPlanning {
  room: Room;
  name: string;
  capacity: number;
  facilities: Facility[];
  stepFree: boolean;
}

function toSpace(room: Room & { members: { roomId: string }[] }): BookableSpace {
  return {
    id: room.id,
    room,
    name: room.name,
    capacity: room.capacity,
    facilities: room.facilities,
    stepFree: room.stepFree,
    setupBufferMinutes: room.setupBufferMinutes,
    cleanupBufferMinutes: room.cleanupBufferMinutes,
    physicalRoomIds: room.kind === "COMBINATION" ? room.members.map((member) => member.roomId) : [room.id],
  };
}

/** A room or combination of this centre; another centre's id is not found. */
export async function loadSpace(client: Tx, centreId: string, roomId: string): Promise<BookableSpace> {
  const room = await client.room.findFirst({
    where: { id: roomId, centreId },
    include: { members: { select: { roomId: true } } },
  });
  if (!room) throw new NotFoundError("room");
  return toSpace(room);
}

/** Every active room and combination of the centre. */
export async function listSpaces(client: Tx, centreId: string): Promise<BookableSpace[]> {
  const rooms = await client.room.findMany({
    where: { centreId, active: true },
    include: { members: { select: { roomId: true } } },
    orderBy: [{ sortOrder: "asc" }, { name: "asc" }],
  });
  return rooms.map(toSpace);
}

/** Whether a space fits a group: enough places, the facilities asked for, step-free if needed. */
export function spaceFits(
  space: BookableSpace,
  needs: { attendees?: number; facilities?: Facility[]; stepFree?: boolean },
): boolean {
  return (
    space.capacity >= (needs.attendees ?? 1) &&
    (needs.facilities ?? []).every((facility) => space.facilities.includes(facility)) &&
    (!needs.stepFree || space.stepFree)
  );
}
