import nodemailer, { type Transporter } from "nodemailer";
import { db } from "~/db/client.server";

/**
 * Delivering outbox emails over SMTP. Each email is one job of the Postgres-backed queue
 * (pg-boss, see app/server/jobs.server.ts) whose id is the email's id, so an email is queued
 * once however often the sweep runs. A failed send throws, and the queue retries with
 * back-off; an email already marked sent is never sent again.
 */

export const MAX_DELIVERY_ATTEMPTS = 6;

export type Transport = Pick<Transporter, "sendMail">;

export function smtpTransport(smtpUrl: string): Transport {
  return nodemailer.createTransport(smtpUrl);
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

/** Sends one outbox email; throws when the SMTP server refuses, so the queue tries again. */
export async function deliverEmail(emailId: string, transport: Transport, from: string): Promise<"sent" | "skipped"> {
  const email = await db().emailMessage.findUnique({ where: { id: emailId } });
  if (!email || email.status !== "PENDING") return "skipped";
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
    await db().emailMessage.update({
      where: { id: email.id },
      data: { attempts, lastError: message.slice(0, 1000), status: attempts >= MAX_DELIVERY_ATTEMPTS ? "FAILED" : "PENDING" },
    });
    throw error;
  }
  await db().emailMessage.update({
    where: { id: email.id },
    data: { attempts, status: "SENT", sentAt: new Date(), lastError: null },
  });
  return "sent";
}
