import type { Tx } from "~/db/client.server";
import type { Facility, Room } from "~/generated/prisma/client";
import { NotFoundError } from "../shared/errors";
import type { SpaceForPlanning } from "../bookings/occurrences";

/**
 * Bookable spaces: a physical room, or a combination that claims each of its member rooms.
 */

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
export function spaceFits(space: BookableSpace, needs: { attendees?: number; facilities?: Facility[]; stepFree?: boolean }): boolean {
  return (
    space.capacity >= (needs.attendees ?? 1) &&
    (needs.facilities ?? []).every((facility) => space.facilities.includes(facility)) &&
    (!needs.stepFree || space.stepFree)
  );
}
