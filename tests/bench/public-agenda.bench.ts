/**
 * The public agenda under load (issue 13, decision 100), on the demo and the built app
 * (`npx remix build` first): what one iCalendar feed costs to make, and requests per second for
 * each public address over HTTP (10 connections, 5 s each), from the app's cache and, with a
 * session cookie (which the cache never serves), made anew each time.
 */
import autocannon from "autocannon";
import { db } from "~/db/client.server";
import { feedItems, findPublicCentre } from "~/domain/residents/agenda.server";
import { buildCalendar, centreCalendar } from "~/domain/residents/calendar-feed.server";
import { clock } from "~/lib/clock";
import { loadDemo } from "../../prisma/demo";
import { startHttpApp } from "../support/http-app";
import { measure, printTimings, type BenchContext } from "./support";

const DAY_MS = 24 * 60 * 60 * 1000;

export async function run(context: BenchContext) {
  await context.freshDatabase("public_agenda");
  await loadDemo(clock.now());
  const busiest = await db().occurrence.groupBy({
    by: ["centreId"],
    _count: { _all: true },
    orderBy: { _count: { centreId: "desc" } },
    take: 1,
  });
  const { slug } = await db().centre.findUniqueOrThrow({ where: { id: busiest[0]!.centreId }, select: { slug: true } });
  const centre = (await findPublicCentre(slug))!;
  const activityId = (await db().activity.findFirstOrThrow({ where: { centreId: centre.id, kind: "SIGN_UP" } })).id;

  const options = { baseUrl: "http://localhost", locale: "nl" as const };
  const feed = await centreCalendar(centre, options);
  process.stdout.write(
    `${slug}/agenda.ics: ${(feed.match(/BEGIN:VEVENT/g) ?? []).length} events, ${Buffer.byteLength(feed)} bytes\n`,
  );
  const now = clock.now();
  const range = { from: new Date(now.getTime() - 28 * DAY_MS), to: new Date(now.getTime() + 365 * DAY_MS) };
  const items = await feedItems(centre.id, range);
  const input = { name: centre.name, description: "", centre, items, ...options, now };
  printTimings([
    await measure("agenda.ics: its dates read", () => feedItems(centre.id, range)),
    await measure("agenda.ics: its text made", () => buildCalendar(input)),
    await measure("agenda.ics: both", () => centreCalendar(centre, options)),
  ]);

  const app = await startHttpApp();
  try {
    const base = `/centres/${slug}`;
    const paths = [
      base,
      `${base}/activities/${activityId}`,
      `${base}/agenda.ics`,
      `${base}/activities/${activityId}/agenda.ics`,
      `${base}/agenda.json`,
      `${base}/widget`,
    ];
    for (const [label, headers] of [
      ["from the cache", {}],
      ["made anew (session cookie)", { cookie: "__session=bench" }],
    ] as const) {
      process.stdout.write(`\n${label}\n`);
      for (const path of paths) {
        const result = await autocannon({
          url: `${app.baseUrl}${path}`,
          connections: 10,
          duration: 5,
          headers,
          workers: 1,
        });
        process.stdout.write(
          `${path.padEnd(90)} ${result.requests.average.toFixed(0).padStart(6)} req/s   p50 ${result.latency.p50} ms   p99 ${result.latency.p99} ms   non-2xx ${result.non2xx}\n`,
        );
      }
    }
  } finally {
    await app.close();
  }
}
