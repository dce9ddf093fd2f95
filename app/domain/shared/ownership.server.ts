import { db } from "~/db/client.server";
import { NotFoundError } from "./errors";

/**
 * Whether a record belongs to a centre, for actions that must answer 404 for another centre's
 * ids before they read a form. Every domain function checks again inside its own transaction.
 */

const FINDERS = {
  booking: (centreId: string, id: string) => db().booking.findFirst({ where: { id, centreId }, select: { id: true } }),
  closure: (centreId: string, id: string) => db().closure.findFirst({ where: { id, centreId }, select: { id: true } }),
  organisation: (centreId: string, id: string) =>
    db().organisation.findFirst({ where: { id, centreId }, select: { id: true } }),
  invoice: (centreId: string, id: string) => db().invoice.findFirst({ where: { id, centreId }, select: { id: true } }),
  room: (centreId: string, id: string) => db().room.findFirst({ where: { id, centreId }, select: { id: true } }),
} as const;

export async function assertOfCentre(centreId: string, kind: keyof typeof FINDERS, id: string): Promise<void> {
  if (!(await FINDERS[kind](centreId, id))) throw new NotFoundError(kind);
}
