import { randomUUID } from "node:crypto";
import { readFile } from "node:fs/promises";
import http from "node:http";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import PgBoss from "pg-boss";
import { connectDatabase, db } from "~/db/client.server";
import { publicHolidayOn } from "~/domain/time/holidays";
import { queuePendingEmails } from "~/jobs/email.server";
import { setClock } from "~/lib/clock";
import { runTs } from "../support/processes";
import { sessionCookie } from "../support/sessions";
import { startSmtpServer, type TestSmtpServer } from "../support/smtp-server";
import { startTestClock } from "../support/test-clock";
import { cloneTemplate, databaseName, freePort, query } from "../support/test-server";
import {
  addMembership,
  createCentre,
  createOrganisation,
  createRate,
  createRoom,
  createUser,
} from "../../prisma/factories";

/**
 * Two app processes on one database, as two machines behind a load balancer would run
 * (docs/scaling.md): real `npm start` processes in production mode, one HTTP worker each. What
 * one of them did, the other knows, because everything shared lives in PostgreSQL. (Needs
 * `npx remix build` first.) Each process keeps public answers in its own memory, keyed by
 * the centre's public version in the database, so a change shows through both at once.
 */

type App = Awaited<ReturnType<typeof runTs>> & { baseUrl: string };

let ownDatabase: string | undefined;
let databaseUrl: string;
let smtp: TestSmtpServer;
let apps: App[] = [];
let cookie: string;
let slug: string;
let roomId: string;
let organisationId: string;

/** A Tuesday about two months from the real today that is no public holiday (the apps run on the real clock). */
function comingTuesday(): string {
  const day = new Date(Date.now() + 60 * 86_400_000);
  while (day.getUTCDay() !== 2 || publicHolidayOn(day.toISOString().slice(0, 10))) day.setUTCDate(day.getUTCDate() + 1);
  return day.toISOString().slice(0, 10);
}

async function startApp(workers = 1, logLevel = "warn"): Promise<App> {
  const port = await freePort();
  const app = await runTs(
    "app/server/start.ts",
    [],
    {
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      HOST: "127.0.0.1",
      NODE_ENV: "production",
      SESSION_SECRET: "two-processes-test-secret-0123456789",
      WEB_CONCURRENCY: String(workers),
      SMTP_URL: smtp.url,
      DEMO_DATA: "off",
      LOG_LEVEL: logLevel,
    },
    { until: /Buurtrooster is running on|could not start/, timeoutMs: 90_000 },
  );
  return { ...app, baseUrl: `http://127.0.0.1:${port}` };
}

beforeAll(async () => {
  // A database of its own: the apps' email jobs deliver every pending email they find.
  ownDatabase = databaseName(`two_w${process.env.VITEST_POOL_ID}`);
  await query(inject("serverUrl"), `DROP DATABASE IF EXISTS ${ownDatabase} WITH (FORCE)`);
  databaseUrl = await cloneTemplate(inject("serverUrl"), inject("templateDatabase"), ownDatabase);
  await connectDatabase(databaseUrl);
  // The apps run on the real clock (production refuses CLOCK_START); so do the rows made here.
  setClock(new Date());
  smtp = await startSmtpServer();
  apps = await Promise.all([startApp(), startApp()]);
  expect(apps.map((app) => app.stderr)).toEqual(["", ""]);

  const centre = await createCentre({ commercialShareCapBp: null });
  slug = centre.slug;
  const room = await createRoom(centre.id, { name: "Grote zaal", capacity: 80 });
  roomId = room.id;
  await createRate(centre.id, room.id, "ASSOCIATION", { hourlyCents: 1250, validFrom: new Date("2026-01-01") });
  const user = await createUser({ installationRole: null });
  await addMembership(user.id, centre.id, "ADMIN");
  const organisation = await createOrganisation(centre.id, { name: "Biljartclub", tier: "ASSOCIATION" });
  organisationId = organisation.id;
  await db().organisationMember.create({ data: { organisationId, userId: user.id } });
  cookie = await sessionCookie(user.id);
}, 120_000);

afterAll(async () => {
  for (const app of apps) app.kill("SIGTERM");
  const codes = await Promise.all(apps.map((app) => app.exited));
  await smtp?.close();
  startTestClock();
  await connectDatabase(process.env.TEST_DATABASE_URL!);
  if (ownDatabase) await query(inject("serverUrl"), `DROP DATABASE IF EXISTS ${ownDatabase} WITH (FORCE)`);
  expect(codes).toEqual([0, 0]);
}, 60_000);

const book = (app: App, date: string) =>
  fetch(`${app.baseUrl}/centres/${slug}/book/new`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: cookie },
    body: new URLSearchParams([
      ["intent", "confirm"],
      ["organisationId", organisationId],
      ["roomId", roomId],
      ["title", "Clubavond"],
      ["date", date],
      ["time", "19:30"],
      ["duration", "120"],
      ["people", "12"],
      ["repeat", "none"],
      ["kind", "PRIVATE"],
      ["submissionKey", randomUUID()],
    ]).toString(),
  });

describe("two app processes on one database", () => {
  it("a booking made through one is refused through the other for the same slot", async () => {
    const date = comingTuesday();
    const first = await book(apps[0]!, date);
    expect(first.status).toBe(302);
    const second = await book(apps[1]!, date);
    expect(second.status).toBe(409);
    expect(await second.text()).toContain("Grote zaal");
    expect(await db().booking.count({ where: { roomId } })).toBe(1);
  });

  it("a sign-in through one is known to the other: the session lives in the database", async () => {
    for (const app of apps) {
      const page = await fetch(`${app.baseUrl}/account`, { headers: { Cookie: cookie }, redirect: "manual" });
      expect(page.status).toBe(200);
    }
  });

  it("a public answer kept by both is made anew in both after a change: the version lives in the database", async () => {
    const feed = (app: App) => fetch(`${app.baseUrl}/centres/${slug}/agenda.json`);
    const before = await Promise.all(apps.map(feed));
    const tags = before.map((response) => response.headers.get("etag"));
    expect(before.map((response) => response.status)).toEqual([200, 200]);
    // asked again with its tag, each process answers from what it kept: 304
    for (const [index, app] of apps.entries()) {
      const again = await fetch(`${app.baseUrl}/centres/${slug}/agenda.json`, {
        headers: { "If-None-Match": tags[index]! },
      });
      expect(again.status).toBe(304);
    }
    // a change made elsewhere (here: straight in the database) reaches both at once
    await db().centre.update({ where: { slug }, data: { description: "Nieuw: elke dinsdag open." } });
    for (const [index, app] of apps.entries()) {
      const after = await fetch(`${app.baseUrl}/centres/${slug}/agenda.json`, {
        headers: { "If-None-Match": tags[index]! },
      });
      expect(after.status).toBe(200);
      expect(((await after.json()) as { centre: { description: string } }).centre.description).toBe(
        "Nieuw: elke dinsdag open.",
      );
    }
  });

  it("jobs that both processes poll run once: ten emails, each delivered once", async () => {
    const centre = await createCentre();
    await db().emailMessage.createMany({
      data: Array.from({ length: 10 }, (_, index) => ({
        centreId: centre.id,
        toAddress: `bewoner-${index}@voorbeeld.example`,
        subject: `Bericht ${index}`,
        textBody: "Hallo",
        htmlBody: "<p>Hallo</p>",
        kind: "test",
      })),
    });
    const pending = await db().emailMessage.count({ where: { status: "PENDING" } });
    // What the minute's sweep does, sent now instead of at the next minute.
    const boss = new PgBoss({ connectionString: databaseUrl, schema: "pgboss", supervise: false, schedule: false });
    await boss.start();
    try {
      expect(await queuePendingEmails(boss)).toBe(pending);
    } finally {
      await boss.stop({ graceful: false });
    }
    await expect.poll(() => smtp.received.length, { timeout: 30_000, interval: 250 }).toBe(pending);
    // long enough for a second delivery by the other process to show
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    const recipients = smtp.received.flatMap((message) => message.to);
    expect(recipients).toHaveLength(pending);
    expect(new Set(recipients).size).toBe(pending);
    expect(await db().emailMessage.count({ where: { status: "SENT", attempts: 1 } })).toBe(pending);
  }, 60_000);
});

/** The process ids of the children of `pid` (Linux). */
async function childrenOf(pid: number): Promise<number[]> {
  const text = await readFile(`/proc/${pid}/task/${pid}/children`, "utf8");
  return text.trim().split(/\s+/).filter(Boolean).map(Number).sort();
}

/** GET on a connection of its own: the cluster hands out connections, not requests, in turn. */
const getOnNewConnection = (url: string) =>
  new Promise<number>((resolve, reject) =>
    http.get(url, { agent: false }, (response) => resolve(response.resume().statusCode!)).on("error", reject),
  );

const isRunning = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe("npm start with WEB_CONCURRENCY=2 in production", () => {
  it("serves from two worker processes, starts another when one dies, and stops them all on SIGTERM", async () => {
    const primary = await startApp(2, "info");
    try {
      expect(primary.stderr).toBe("");
      expect(primary.stdout).toMatch(/Buurtrooster is running on http:\/\/localhost:\d+ with 2 HTTP workers/);
      const listening = [...primary.stdout.matchAll(/HTTP worker (\d+) is listening\./g)].map((match) =>
        Number(match[1]),
      );
      expect(listening).toHaveLength(2);
      expect(await childrenOf(primary.pid)).toEqual([...listening].sort());

      // Each request line of a worker names its process; both workers answer.
      const servedBy = () =>
        new Set(
          primary
            .output()
            .split("\n")
            .filter((line) => line.includes('"path":"/healthz"'))
            .map((line) => (JSON.parse(line) as { pid: number }).pid),
        );
      for (let round = 0; round < 8; round++) expect(await getOnNewConnection(`${primary.baseUrl}/healthz`)).toBe(200);
      await expect.poll(() => [...servedBy()].sort(), { timeout: 5_000 }).toEqual([...listening].sort());

      // One worker killed outright: the primary starts another after a pause; the other kept serving.
      process.kill(listening[1]!, "SIGKILL");
      expect(await getOnNewConnection(`${primary.baseUrl}/healthz`)).toBe(200);
      await expect
        .poll(() => primary.output().includes("An HTTP worker started again."), { timeout: 30_000, interval: 250 })
        .toBe(true);
      const now = await childrenOf(primary.pid);
      expect(now).toHaveLength(2);
      expect(now).toContain(listening[0]);
      expect(now).not.toContain(listening[1]);
      expect(primary.output()).toMatch(/"level":"warn".*"signal":"SIGKILL".*"pauseSeconds":1.*An HTTP worker stopped/);
    } finally {
      const workers = await childrenOf(primary.pid).catch(() => []);
      primary.kill("SIGTERM");
      expect(await primary.exited).toBe(0);
      expect(workers.filter(isRunning)).toEqual([]);
    }
  }, 90_000);
});
