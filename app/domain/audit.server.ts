import type { Tx } from "~/db/client.server";
import type { Prisma } from "~/generated/prisma/client";

/** Records who did what, in the transaction of the change itself. */
export function recordAudit(
  tx: Tx,
  event: {
    centreId: string | null;
    actorId?: string | null;
    entityType: string;
    entityId: string;
    action: string;
    details?: Prisma.InputJsonValue;
  },
) {
  return tx.auditEvent.create({
    data: {
      centreId: event.centreId,
      actorId: event.actorId ?? null,
      entityType: event.entityType,
      entityId: event.entityId,
      action: event.action,
      details: event.details ?? {},
    },
  });
}
