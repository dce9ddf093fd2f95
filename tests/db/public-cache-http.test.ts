import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db/client.server";
import { cancelDate } from "~/domain/bookings/manager-changes.server";
import { localeCookie } from "~/i18n/locale.server";
import { setClock } from "~/lib/clock";
import { cachePublicResponses, PublicResponseCache, publicResponses } from "~/server/public-responses";
import { startHttpApp, type HttpApp } from "../support/http-app";
import { sessionCookie } from "../support/sessions";
import { createTestActivity, createUser } from "../../prisma/factories";

/** The public agenda's answers over HTTP: tags and 304, what browsers may keep, the app's cache (decision 100). */

// Monday 7 January 2030, 09:00 in Amsterdam
const NOW = new Date("2030-01-07T08:00:00Z");

let app: HttpApp;
let made: Awaited<ReturnType<typeof createTestActivity>>;
let actor: { centreId: string; actorId: string };
let paths: Record<"agenda" | "activity" | "agendaIcs" | "activityIcs" | "json" | "widget", string>;

beforeAll(async () => {
  // stopped, so that no minute passes between two requests of a test
  setClock(NOW, { frozen: true });
  app = await startHttpApp();
  made = await createTestActivity({
    title: "Schilderen",
    rrule: "FREQ=WEEKLY;COUNT=4",
    localStart: "2030-01-08T14:00",
    durationMinutes: 90,
    activity: { kind: "SIGN_UP", title: "Schilderen", capacity: 5 },
  });
  const manager = await createUser({ installationRole: null });
  actor = { centreId: made.centre.id, actorId: manager.id };
  const base = `/centres/${made.centre.slug}`;
  paths = {
    agenda: base,
    activity: `${base}/activities/${made.activity.id}`,
    agendaIcs: `${base}/agenda.ics`,
    activityIcs: `${base}/activities/${made.activity.id}/agenda.ics`,
    json: `${base}/agenda.json`,
    widget: `${base}/widget`,
  };
});

afterAll(async () => {
  await app?.close();
});

const get = (path: string, headers: Record<string, string> = {}) => fetch(`${app.baseUrl}${path}`, { headers });

const PAGE = "private, no-cache";
const SHARED = "public, max-age=60, stale-while-revalidate=600";

describe("HTTP caching of the public agenda", () => {
  it.each([
    ["agenda", PAGE, "W/"],
    ["activity", PAGE, "W/"],
    ["agendaIcs", SHARED, ""],
    ["activityIcs", SHARED, ""],
    ["json", SHARED, ""],
    ["widget", SHARED, ""],
  ] as const)("%s: a tag, 304 while it matches, Cache-Control and Vary", async (name, cacheControl, weak) => {
    const first = await get(paths[name]);
    expect(first.status).toBe(200);
    await first.arrayBuffer();
    const etag = first.headers.get("ETag")!;
    expect(etag.startsWith(`${weak}"`)).toBe(true);
    expect(first.headers.get("Cache-Control")).toBe(cacheControl);
    expect(first.headers.get("Vary")).toMatch(/\bCookie\b/);

    const again = await get(paths[name], { "If-None-Match": etag });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe("");
    expect(again.headers.get("ETag")).toBe(etag);
    expect(again.headers.get("Cache-Control")).toBe(cacheControl);
    // a 304 never brings another page's nonce to the browser's copy
    expect(again.headers.get("Content-Security-Policy")).toBeNull();

    const otherTag = await get(paths[name], { "If-None-Match": '"something-else"' });
    expect(otherTag.status).toBe(200);
  });

  it("a kept page is served with this response's own nonce, request id and a fresh form key", async () => {
    const nonceOf = (response: Response) =>
      /'nonce-([^']+)'/.exec(response.headers.get("Content-Security-Policy") ?? "")?.[1];
    const formKeyOf = (html: string) => /name="submissionKey"[^>]*value="([^"]+)"/.exec(html)?.[1];
    const first = await get(paths.activity);
    const firstHtml = await first.text();
    const hits = publicResponses.hits;
    const second = await get(paths.activity);
    const secondHtml = await second.text();
    expect(publicResponses.hits).toBe(hits + 1);

    const nonce = nonceOf(second)!;
    expect(nonce).not.toBe(nonceOf(first));
    expect(secondHtml).toContain(`nonce="${nonce}"`);
    expect(secondHtml).not.toContain(nonceOf(first)!);
    expect(secondHtml).toContain(second.headers.get("X-Request-Id")!);
    expect(formKeyOf(firstHtml)).toMatch(/^[0-9a-f-]{36}$/);
    expect(formKeyOf(secondHtml)).toMatch(/^[0-9a-f-]{36}$/);
    expect(formKeyOf(secondHtml)).not.toBe(formKeyOf(firstHtml));
    // apart from those, the same page
    const plain = (html: string, response: Response) =>
      html
        .replaceAll(nonceOf(response)!, "NONCE")
        .replaceAll(response.headers.get("X-Request-Id")!, "ID")
        .replaceAll(formKeyOf(html)!, "KEY");
    expect(plain(secondHtml, second)).toBe(plain(firstHtml, first));
    expect(second.headers.get("ETag")).toBe(first.headers.get("ETag"));
  });

  it("a cancelled date shows at once, although the feed was kept", async () => {
    const date = made.dates[1]!;
    const event = (ics: string) => ics.split("BEGIN:VEVENT").find((part) => part.includes(`UID:${date.id}@`)) ?? "";
    const before = await (await get(paths.agendaIcs)).text();
    expect(event(before)).toContain("STATUS:CONFIRMED");
    const hits = publicResponses.hits;
    await (await get(paths.agendaIcs)).text();
    expect(publicResponses.hits).toBe(hits + 1);

    await cancelDate(actor, { occurrenceId: date.id, reason: "Ziek", chargeFee: false });
    const misses = publicResponses.misses;
    const after = await (await get(paths.agendaIcs)).text();
    expect(publicResponses.misses).toBe(misses + 1);
    expect(event(after)).toContain("STATUS:CANCELLED");
  });

  it("a signed-in person's page is never kept nor served from the cache, and browsers may not store it", async () => {
    const user = await createUser({ name: "Joke Gebruiker", installationRole: null });
    const cookie = await sessionCookie(user.id);
    await (await get(paths.agenda)).text(); // an anonymous copy is kept
    const counts = [publicResponses.hits, publicResponses.misses];
    const signedIn = await get(paths.agenda, { Cookie: cookie });
    const html = await signedIn.text();
    expect(html).toContain("Joke Gebruiker");
    expect(signedIn.headers.get("Cache-Control")).toBe("private, no-store");
    expect(signedIn.headers.get("ETag")).toBeNull();
    expect([publicResponses.hits, publicResponses.misses]).toEqual(counts);
    expect(await (await get(paths.agenda)).text()).not.toContain("Joke Gebruiker");
  });

  it("each language has its own copy: by ?lang= and by the language cookie", async () => {
    const lang = async (headers: Record<string, string> = {}, query = "") =>
      /<html lang="(\w+)"/.exec(await (await get(`${paths.agenda}${query}`, headers)).text())?.[1];
    expect(await lang()).toBe("nl");
    const english = (await localeCookie.serialize("en")).split(";")[0]!;
    expect(await lang({ Cookie: english })).toBe("en");
    expect(await lang({}, "?lang=en")).toBe("en");
    expect(await lang()).toBe("nl");
  });

  it("a kept answer is used only in the minute of the app's clock it was made in", async () => {
    await (await get(paths.json)).text();
    const misses = publicResponses.misses;
    await (await get(paths.json)).text();
    expect(publicResponses.misses).toBe(misses);
    setClock(new Date(NOW.getTime() + 60_000), { frozen: true });
    try {
      await (await get(paths.json)).text();
      expect(publicResponses.misses).toBe(misses + 1);
    } finally {
      setClock(NOW, { frozen: true });
    }
  });

  it("a page holding a proxy's short request id is not kept: it could stand anywhere in the page", async () => {
    const path = `${paths.activity}?from=proxy`;
    const first = await get(path, { "X-Request-Id": "abc" });
    expect(first.status).toBe(200);
    expect(await first.text()).toContain("abc");
    const misses = publicResponses.misses;
    await (await get(path, { "X-Request-Id": "abc" })).text();
    expect(publicResponses.misses).toBe(misses + 1);
  });

  it("a feed is kept gzipped too, with its own tag, and unpacks to the same text", async () => {
    const plain = await get(paths.agendaIcs, { "Accept-Encoding": "identity" });
    const packed = await get(paths.agendaIcs, { "Accept-Encoding": "gzip" });
    expect(plain.headers.get("Content-Encoding")).toBeNull();
    expect(packed.headers.get("Content-Encoding")).toBe("gzip");
    expect(await packed.text()).toBe(await plain.text()); // fetch unpacks it
    expect(packed.headers.get("ETag")).toBe(plain.headers.get("ETag")!.replace(/"$/, '-gzip"'));
    expect(packed.headers.get("Vary")).toMatch(/Accept-Encoding/);
    const again = await get(paths.agendaIcs, {
      "Accept-Encoding": "gzip",
      "If-None-Match": packed.headers.get("ETag")!,
    });
    expect(again.status).toBe(304);
    expect(again.headers.get("ETag")).toBe(packed.headers.get("ETag"));
  });

  it("the combined agenda is kept until any centre changes", async () => {
    const first = await get("/agenda");
    await first.text();
    expect(first.headers.get("Cache-Control")).toBe(PAGE);
    const hits = publicResponses.hits;
    await (await get("/agenda")).text();
    expect(publicResponses.hits).toBe(hits + 1);
    await db().room.update({ where: { id: made.room.id }, data: { name: "Zaal met een nieuwe naam" } });
    const misses = publicResponses.misses;
    const after = await (await get("/agenda")).text();
    expect(publicResponses.misses).toBe(misses + 1);
    expect(after).toContain("Zaal met een nieuwe naam");
  });

  it("an unknown centre is not kept and may not be stored", async () => {
    const misses = publicResponses.misses;
    const response = await get("/centres/no-such-centre/agenda.ics");
    expect(response.status).toBe(404);
    expect(response.headers.get("Cache-Control")).toBe("no-store");
    expect(publicResponses.misses).toBe(misses);
  });

  it("the cache stays within its byte bound, dropping the least recently used", async () => {
    const cache = new PublicResponseCache(100_000);
    const body = "x".repeat(20_000);
    const handle = cachePublicResponses(
      async () => new Response(body, { headers: { "Content-Type": "application/json" } }),
      cache,
    );
    const ask = (page: number) =>
      handle(new Request(`http://localhost${paths.json}?page=${page}`), {
        requestId: randomUUID(),
        cspNonce: randomUUID(),
        perResponseValues: [],
      });
    for (let page = 0; page < 20; page++) {
      expect((await ask(page)).status).toBe(200);
      expect(cache.size).toBeLessThanOrEqual(100_000);
    }
    expect(cache.size).toBeGreaterThan(60_000);
    const misses = cache.misses;
    await ask(19); // recent: kept
    expect(cache.misses).toBe(misses);
    await ask(0); // the first: dropped long ago
    expect(cache.misses).toBe(misses + 1);
  });
});
