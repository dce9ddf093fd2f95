import nodemailer, { type Transporter } from "nodemailer";
import { db, transaction } from "~/db/client.server";
import { clock } from "~/lib/clock";

/**
 * Delivering outbox emails over SMTP. Each email is one job of the Postgres-backed queue
 * (pg-boss, see app/server/jobs.server.ts) whose id is the email's id, so an email is queued
 * once however often the sweep runs. The outbox row is the truth:
 *
 * - Nothing is sent twice: a delivery locks the row (FOR UPDATE SKIP LOCKED) for the whole
 *   SMTP conversation and marks it SENT in the same transaction, so a second worker skips it
 *   and a retry finds it sent. (Only a crash after the server accepted the message and before
 *   the commit can repeat it; the stable Message-ID lets the receiving server drop that copy.)
 * - Nothing is lost: a refusal the server may get over (no connection, 4xx, a login problem)
 *   leaves the row PENDING and throws, so the queue tries again with growing pauses for about
 *   a day; the sweep revives the job of any row still PENDING after that. Only a permanent
 *   refusal of the address or message (5xx) or MAX_DELIVERY_ATTEMPTS failures make it FAILED;
 *   a manager can queue a FAILED email again (`retryFailedEmail`).
 */

export const MAX_DELIVERY_ATTEMPTS = 12;

export type Transport = Pick<Transporter, "sendMail">;

export function smtpTransport(smtpUrl: string): Transport {
  // Short timeouts: the row stays locked while we talk to the server.
  return nodemailer.createTransport({
    url: smtpUrl,
    connectionTimeout: 15_000,
    greetingTimeout: 15_000,
    socketTimeout: 30_000,
  });
}

/** Ids of emails waiting to be sent, oldest first. */
export async function pendingEmailIds(limit = 500): Promise<string[]> {
  const rows = await db().emailMessage.findMany({
    where: { status: "PENDING" },
    orderBy: { createdAt: "asc" },
    take: limit,
    select: { id: true },
  });
  return rows.map((row) => row.id);
}

/** A refusal no retry can change: the server rejected the address or the message itself (5xx). */
function isPermanentRefusal(error: unknown): boolean {
  const failure = error as { responseCode?: unknown; code?: unknown };
  return (
    typeof failure.responseCode === "number" &&
    failure.responseCode >= 500 &&
    (failure.code === "EENVELOPE" || failure.code === "EMESSAGE")
  );
}

/**
 * Sends one outbox email. Returns "sent", "skipped" (sent already, being sent by another
 * worker, or gone) or "failed" (refused for good); throws when the queue should try again.
 */
export async function deliverEmail(
  emailId: string,
  transport: Transport,
  from: string,
  now = () => clock.now(),
): Promise<"sent" | "skipped" | "failed"> {
  let retryable: unknown;
  const outcome = await transaction(
    async (tx) => {
      const locked = await tx.$queryRaw<{ id: string }[]>`
        SELECT id::text FROM email_outbox WHERE id = ${emailId}::uuid AND status = 'PENDING' FOR UPDATE SKIP LOCKED`;
      if (locked.length === 0) return "skipped" as const;
      const email = await tx.emailMessage.findUniqueOrThrow({ where: { id: emailId } });
      const attempts = email.attempts + 1;
      try {
        await transport.sendMail({
          from,
          to: email.toAddress,
          subject: email.subject,
          text: email.textBody,
          html: email.htmlBody,
          // A stable Message-ID lets receiving servers drop a copy if a retry follows a lost answer.
          messageId: `<${email.id}@buurtrooster>`,
        });
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        const failed = isPermanentRefusal(error) || attempts >= MAX_DELIVERY_ATTEMPTS;
        await tx.emailMessage.update({
          where: { id: email.id },
          data: { attempts, lastError: message.slice(0, 1000), status: failed ? "FAILED" : "PENDING" },
        });
        if (failed) return "failed" as const;
        retryable = error;
        return "retry" as const;
      }
      await tx.emailMessage.update({
        where: { id: email.id },
        data: { attempts, status: "SENT", sentAt: now(), lastError: null },
      });
      return "sent" as const;
    },
    { timeoutMs: 120_000 },
  );
  // Thrown after the commit, so the attempt and its error are saved before the queue retries.
  if (outcome === "retry") throw retryable;
  return outcome;
}

/** Queues a FAILED email of this centre again (the sweep picks it up). Returns whether it was failed. */
export async function retryFailedEmail(centreId: string, emailId: string): Promise<boolean> {
  const changed = await db().emailMessage.updateMany({
    where: { id: emailId, centreId, status: "FAILED" },
    data: { status: "PENDING", attempts: 0, lastError: null },
  });
  return changed.count === 1;
}
