import PgBoss from "pg-boss";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db, transaction } from "~/db/client.server";
import { MAX_DELIVERY_ATTEMPTS, deliverEmail, retryFailedEmail, smtpTransport } from "~/email/delivery.server";
import { enqueueEmail } from "~/email/outbox.server";
import { parseEnv } from "~/env.server";
import { emailDeliver, queuePendingEmails } from "~/jobs/email.server";
import { uniqueSuffix } from "../../prisma/factories";
import { startSmtpServer, type TestSmtpServer } from "../support/smtp-server";
import { clock } from "~/lib/clock";

// A real SMTP server on loopback and the real pg-boss queue on this worker's database, with
// the app's own delivery job; only the pauses between retries are shortened.

let smtp: TestSmtpServer;
let boss: PgBoss;

beforeAll(async () => {
  // This worker's database holds the outbox of the test files that ran before this one; the
  // sweep takes every pending email, so the journey starts with an outbox of its own.
  await db().emailMessage.updateMany({ where: { status: "PENDING" }, data: { status: "SENT", sentAt: clock.now() } });
  smtp = await startSmtpServer();
  const env = parseEnv({ NODE_ENV: "test", SMTP_URL: smtp.url, MAIL_FROM: "Buurtrooster <noreply@test.example>" });
  boss = new PgBoss({ connectionString: process.env.TEST_DATABASE_URL!, schema: `pgboss_${uniqueSuffix()}`, max: 3 });
  boss.on("error", () => {});
  await boss.start();
  await boss.createQueue(emailDeliver.name, {
    name: emailDeliver.name,
    ...emailDeliver.queue,
    retryDelay: 2,
    retryBackoff: false,
  });
  // Three workers, as three app instances would run them.
  for (let worker = 0; worker < 3; worker++) {
    await boss.work(emailDeliver.name, { pollingIntervalSeconds: 0.5 }, (jobs) =>
      emailDeliver.work(jobs as PgBoss.Job<{ emailId: string }>[], {
        boss,
        env,
        databaseUrl: process.env.TEST_DATABASE_URL!,
      }),
    );
  }
});

afterAll(async () => {
  await boss?.stop({ graceful: false, wait: true, timeout: 5000 });
  await smtp?.close();
});

async function outbox(count: number, tag: string) {
  const to = Array.from({ length: count }, (_, index) => `${tag}-${index}@ontvanger.example`);
  await transaction(async (tx) => {
    for (const address of to) {
      await enqueueEmail(tx, {
        to: address,
        kind: "test",
        locale: "nl",
        content: { subject: `Test ${address}`, body: "Hallo", footer: "Buurtrooster" },
      });
    }
  });
  return db().emailMessage.findMany({ where: { toAddress: { in: to } }, orderBy: { toAddress: "asc" } });
}

async function until(check: () => Promise<boolean>, timeoutMs = 45_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error("timed out");
}

const receivedFor = (addresses: string[]) =>
  smtp.received.filter((message) => message.to.some((to) => addresses.includes(to)));

describe("email delivery through the outbox and the job queue", () => {
  it("a failing SMTP server loses nothing and sends nothing twice", async () => {
    const emails = await outbox(5, `storing-${uniqueSuffix()}`);
    const addresses = emails.map((email) => email.toAddress);
    // First the server is gone, then it answers "try again later" three times, then it works.
    await smtp.stop();
    await queuePendingEmails(boss);
    await until(
      async () =>
        (await db().emailMessage.count({ where: { id: { in: emails.map((e) => e.id) }, attempts: { gte: 1 } } })) === 5,
    );
    expect(receivedFor(addresses)).toEqual([]);
    smtp.behaviour.tempFailData = 3;
    await smtp.start();
    // The sweep runs again and again meanwhile (every minute in the app): it must not double anything.
    for (let round = 0; round < 3; round++) await queuePendingEmails(boss);
    await until(
      async () =>
        (await db().emailMessage.count({ where: { id: { in: emails.map((e) => e.id) }, status: "SENT" } })) === 5,
    );
    for (let round = 0; round < 3; round++) await queuePendingEmails(boss);
    await new Promise((resolve) => setTimeout(resolve, 1500));

    const received = receivedFor(addresses);
    expect(received.map((message) => message.to[0]).sort()).toEqual([...addresses].sort());
    expect(received.map((message) => message.messageId).sort()).toEqual(
      emails.map((email) => `<${email.id}@buurtrooster>`).sort(),
    );
    const stored = await db().emailMessage.findMany({ where: { id: { in: emails.map((e) => e.id) } } });
    expect(stored.every((email) => email.status === "SENT" && email.sentAt !== null && email.lastError === null)).toBe(
      true,
    );
    expect(stored.reduce((sum, email) => sum + email.attempts, 0)).toBeGreaterThanOrEqual(5 + 5);
    expect(smtp.refusedData).toBeGreaterThanOrEqual(3);
  });

  it("two workers delivering the same email at the same moment send it once", async () => {
    const [email] = await outbox(1, `tegelijk-${uniqueSuffix()}`);
    smtp.behaviour.delayMs = 400;
    try {
      const transport = smtpTransport(smtp.url);
      const outcomes = await Promise.all([
        deliverEmail(email!.id, transport, "noreply@test.example"),
        deliverEmail(email!.id, transport, "noreply@test.example"),
      ]);
      expect(outcomes.sort()).toEqual(["sent", "skipped"]);
    } finally {
      smtp.behaviour.delayMs = 0;
    }
    expect(receivedFor([email!.toAddress])).toHaveLength(1);
    expect((await db().emailMessage.findUniqueOrThrow({ where: { id: email!.id } })).attempts).toBe(1);
  });

  it("an address the server refuses for good fails without retries, and a manager can queue it again", async () => {
    const centre = await db().centre.create({ data: { slug: `mail-${uniqueSuffix()}`, name: "Mailhuis" } });
    const [email] = await outbox(1, `onbekend-${uniqueSuffix()}`);
    await db().emailMessage.update({ where: { id: email!.id }, data: { centreId: centre.id } });
    smtp.behaviour.refuse.add(email!.toAddress);
    await queuePendingEmails(boss);
    await until(
      async () => (await db().emailMessage.findUniqueOrThrow({ where: { id: email!.id } })).status === "FAILED",
    );
    const failed = await db().emailMessage.findUniqueOrThrow({ where: { id: email!.id } });
    expect(failed.attempts).toBe(1);
    expect(failed.lastError).toMatch(/550/);

    // The address is fixed on the other side; the manager sends it again.
    smtp.behaviour.refuse.delete(email!.toAddress);
    expect(await retryFailedEmail(centre.id, email!.id)).toBe(true);
    await queuePendingEmails(boss);
    await until(
      async () => (await db().emailMessage.findUniqueOrThrow({ where: { id: email!.id } })).status === "SENT",
    );
    expect(receivedFor([email!.toAddress])).toHaveLength(1);
  });

  it("another centre cannot queue a failed email again", async () => {
    const [email] = await outbox(1, `ander-${uniqueSuffix()}`);
    const centre = await db().centre.create({ data: { slug: `mail-${uniqueSuffix()}`, name: "Ander huis" } });
    await db().emailMessage.update({ where: { id: email!.id }, data: { status: "FAILED" } });
    expect(await retryFailedEmail(centre.id, email!.id)).toBe(false);
    expect((await db().emailMessage.findUniqueOrThrow({ where: { id: email!.id } })).status).toBe("FAILED");
  });

  it("after the last attempt an email is kept as failed, not dropped", async () => {
    const [email] = await outbox(1, `laatste-${uniqueSuffix()}`);
    await db().emailMessage.update({ where: { id: email!.id }, data: { attempts: MAX_DELIVERY_ATTEMPTS - 1 } });
    await smtp.stop();
    try {
      const outcome = await deliverEmail(email!.id, smtpTransport(smtp.url), "noreply@test.example");
      expect(outcome).toBe("failed");
    } finally {
      await smtp.start();
    }
    const kept = await db().emailMessage.findUniqueOrThrow({ where: { id: email!.id } });
    expect([kept.status, kept.attempts]).toEqual(["FAILED", MAX_DELIVERY_ATTEMPTS]);
  });
});
