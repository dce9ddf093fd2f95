import { db } from "~/db/client.server";

/** The newest emails in the outbox, for the development mailbox (never in production). */
export function latestEmails(limit = 50) {
  return db().emailMessage.findMany({
    orderBy: { createdAt: "desc" },
    take: limit,
    select: { id: true, toAddress: true, subject: true, textBody: true, createdAt: true, status: true },
  });
}
