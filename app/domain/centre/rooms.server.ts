import { db } from "~/db/client.server";

/** A centre's rooms and combinations, in the centre's order, with each combination's members. */
export function listRooms(centreId: string) {
  return db().room.findMany({
    where: { centreId },
    orderBy: [{ kind: "asc" }, { sortOrder: "asc" }, { name: "asc" }],
    include: { members: { include: { room: { select: { id: true, name: true } } } } },
  });
}
