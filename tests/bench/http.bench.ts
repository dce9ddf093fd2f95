/**
 * `npm run bench -- http`: the production build on the demo, driven over loopback by autocannon.
 * Each public page is measured next to its floor: a bare Node server sending the same bytes
 * in the same run, so the ratio says what our work costs on top of sending them. The app runs
 * as its own process (as `npm start` runs it), so the load generator does not share its core.
 * Goals (issue 13): public pages and feeds at least 0.25× their floor with a warm cache, the
 * signed-in planner at least 150 req/s, no errors.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { once } from "node:events";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import autocannon from "autocannon";
import { fromRoot } from "~/lib/project-root.server";
import { db } from "~/db/client.server";
import type { BenchContext } from "./support";

const CONNECTIONS = 10;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const PORT = Number(process.env.BENCH_PORT ?? 3390);
// The bench process signs the planner's manager in, so it and the app share one secret.
const SESSION_SECRET = "bench-session-secret-0123456789abcdef";

interface Load {
  requests: number;
  p50: number;
  p99: number;
  errors: number;
}

async function drive(url: string, headers: Record<string, string> = {}): Promise<Load> {
  const result = await autocannon({ url, connections: CONNECTIONS, duration: SECONDS, headers });
  const errors = result.errors + result.timeouts + result.non2xx - (headers["if-none-match"] ? result["3xx"] : 0);
  return { requests: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, errors };
}

/** A bare Node server answering every request with these bytes and headers: the floor. */
async function floorServer(status: number, body: Buffer, headers: Record<string, string>): Promise<Server> {
  const server = createServer((_request, response) => {
    response.writeHead(status, headers);
    response.end(body);
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  return server;
}

async function startApp(databaseUrl: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, ["--import", "tsx", "app/server/start.ts"], {
    cwd: fromRoot(),
    env: {
      ...process.env,
      NODE_ENV: "production",
      DATABASE_URL: databaseUrl,
      PORT: String(PORT),
      HOST: "127.0.0.1",
      SESSION_SECRET,
      PAYMENTS_ENCRYPTION_KEY: process.env.PAYMENTS_ENCRYPTION_KEY ?? randomBytes(32).toString("hex"),
      DEMO_DATA: "on",
      LOG_LEVEL: "warn",
      // one worker unless asked (WEB_CONCURRENCY=2 npm run bench -- http): autocannon needs a core too
      WEB_CONCURRENCY: process.env.WEB_CONCURRENCY ?? "1",
    },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`The app stopped while starting (exit ${child.exitCode}).`);
    const ready = await fetch(`http://127.0.0.1:${PORT}/healthz`).then(
      (response) => response.ok,
      () => false,
    );
    if (ready) return child;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  child.kill("SIGTERM");
  throw new Error("The app did not answer /healthz within three minutes.");
}

const pad = (value: string, width: number) => value.padStart(width);

export async function run(context: BenchContext): Promise<void> {
  if (!existsSync(fromRoot("build", "index.js"))) throw new Error("Build the app first: npx remix build");
  process.env.SESSION_SECRET = SESSION_SECRET;
  const databaseUrl = await context.freshDatabase("http");
  const app = await startApp(databaseUrl);
  const base = `http://127.0.0.1:${PORT}`;
  try {
    const { startSession } = await import("~/auth/session.server");
    const agenda = (await (await fetch(`${base}/centres/de-wilg/agenda.json`)).json()) as {
      activities: { id: string }[];
    };
    const activity = agenda.activities[0];
    if (!activity) throw new Error("The demo's agenda has no activity.");
    const manager = await db().user.findUniqueOrThrow({ where: { email: "voorzitter@de-wilg.example" } });
    const cookie = (await startSession(manager.id, "/")).headers.get("Set-Cookie")!.split(";")[0]!;

    const pages: { name: string; path: string; headers?: Record<string, string>; floor: boolean }[] = [
      { name: "agenda page", path: `/centres/de-wilg`, floor: true },
      { name: "activity page", path: `/centres/de-wilg/activities/${activity.id}`, floor: true },
      { name: "agenda.ics", path: `/centres/de-wilg/agenda.ics`, floor: true },
      { name: "agenda.json", path: `/centres/de-wilg/agenda.json`, floor: true },
      { name: "widget", path: `/centres/de-wilg/widget`, floor: true },
      { name: "planner (signed in)", path: `/manage/de-wilg/planner`, headers: { cookie }, floor: false },
    ];
    const rows: string[][] = [];
    let failed = false;
    for (const page of pages) {
      const url = `${base}${page.path}`;
      // The first answer warms the cache and gives the bytes the floor sends.
      const first = await fetch(url, { headers: page.headers });
      const body = Buffer.from(await first.arrayBuffer());
      if (first.status !== 200) throw new Error(`${page.path} answered ${first.status}`);
      const load = await drive(url, page.headers);
      let floorText = "";
      let ratioText = "";
      if (page.floor) {
        const headers: Record<string, string> = {};
        first.headers.forEach((value, name) => {
          if (!["content-length", "transfer-encoding", "connection", "keep-alive", "date"].includes(name))
            headers[name] = value;
        });
        const floor = await floorServer(200, body, headers);
        const floorLoad = await drive(`http://127.0.0.1:${(floor.address() as AddressInfo).port}/`);
        floor.close();
        const ratio = load.requests / floorLoad.requests;
        floorText = floorLoad.requests.toFixed(0);
        ratioText = `${ratio.toFixed(2)}×`;
        if (ratio < 0.25) failed = true;
      } else if (load.requests < 150) failed = true;
      if (load.errors > 0) failed = true;
      rows.push([
        page.name,
        `${(body.length / 1024).toFixed(0)} KB`,
        load.requests.toFixed(0),
        `${load.p50} ms`,
        `${load.p99} ms`,
        floorText,
        ratioText,
        String(load.errors),
      ]);

      // A revalidation: the agenda asked again with its ETag, answered 304 without a body.
      const etag = first.headers.get("etag");
      if (page.name === "agenda page" && etag) {
        const revalidated = await drive(url, { "if-none-match": etag });
        const floor = await floorServer(304, Buffer.alloc(0), { etag });
        const floorLoad = await drive(`http://127.0.0.1:${(floor.address() as AddressInfo).port}/`);
        floor.close();
        const ratio = revalidated.requests / floorLoad.requests;
        if (ratio < 0.25 || revalidated.errors > 0) failed = true;
        rows.push([
          "agenda page, 304",
          "0 KB",
          revalidated.requests.toFixed(0),
          `${revalidated.p50} ms`,
          `${revalidated.p99} ms`,
          floorLoad.requests.toFixed(0),
          `${ratio.toFixed(2)}×`,
          String(revalidated.errors),
        ]);
      } else if (page.name === "agenda page") {
        rows.push(["agenda page, 304", "no ETag", "", "", "", "", "", ""]);
        failed = true;
      }
    }
    const header = ["page", "size", "req/s", "p50", "p99", "floor req/s", "share", "errors"];
    const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column]!.length)));
    const line = (cells: string[]) =>
      cells.map((cell, column) => (column === 0 ? cell.padEnd(widths[0]!) : pad(cell, widths[column]!))).join("  ");
    process.stdout.write(`${CONNECTIONS} connections, ${SECONDS} s per page, production build, demo data\n`);
    process.stdout.write(`${line(header)}\n`);
    for (const row of rows) process.stdout.write(`${line(row)}\n`);
    process.stdout.write(
      failed
        ? "Goals NOT met (public ≥ 0.25× floor, planner ≥ 150 req/s, no errors).\n"
        : "Goals met: every public page ≥ 0.25× its floor, planner ≥ 150 req/s, no errors.\n",
    );
  } finally {
    app.kill("SIGTERM");
    await once(app, "exit");
  }
}
