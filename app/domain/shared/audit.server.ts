import type { Tx } from "~/db/client.server";
import type { Prisma } from "~/generated/prisma/client";
import { clock } from "~/lib/clock";

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
      // the product's clock, not the database's: "when" must agree with every other "now"
      createdAt: clock.now(),
    },
  });
}
