import { randomUUID } from "node:crypto";
import { readdirSync } from "node:fs";
import http from "node:http";
import net from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { hashToken } from "~/auth/sign-in-links.server";
import { db } from "~/db/client.server";
import { CENTRE_TABLES } from "~/domain/reports/tables";
import { settleBackgroundWork } from "~/lib/background.server";
import { logger } from "~/lib/log.server";
import { fromRoot } from "~/lib/project-root.server";
import { startHttpApp, type HttpApp } from "../support/http-app";
import { sessionCookie } from "../support/sessions";
import {
  addMembership,
  createCentre,
  createOrganisation,
  createRoom,
  createTestBooking,
  createUser,
} from "../../prisma/factories";

/**
 * The HTTP layer in front of Remix (app/server/http.ts, decision 072), over real HTTP against
 * the built app: only our own origin may change something, bodies are bounded and must be
 * forms, redirects stay on our origin, a client's mistake is a 4xx (logged at info), and every
 * response says nosniff.
 */

let app: HttpApp;
const EVIL = "http://evil.example";
const FORM = { "Content-Type": "application/x-www-form-urlencoded" };

beforeAll(async () => {
  app = await startHttpApp();
});

afterAll(async () => {
  await app?.close();
});

const quietLevel = logger.level;

/** The request's line is written when its answer has gone out, which can be just after the client has it. */
async function logWritten(spy: { mock: { calls: unknown[][] } }, path: string) {
  await vi.waitFor(() => {
    if (!spy.mock.calls.some(([chunk]) => String(chunk).includes(`"path":"${path}`))) throw new Error("not yet logged");
  });
}

afterEach(() => {
  logger.level = quietLevel;
  vi.restoreAllMocks();
});

async function chairOfNewCentre() {
  const centre = await createCentre();
  const chair = await createUser();
  await addMembership(chair.id, centre.id, "ADMIN");
  return { centre, chair, cookie: await sessionCookie(chair.id) };
}

function inviteForm(email: string) {
  return new URLSearchParams({
    intent: "invite",
    email,
    name: "Eva Vreemd",
    role: "ADMIN",
    submissionKey: randomUUID(),
  });
}

async function invited(centreId: string, email: string) {
  return db().membership.count({ where: { centreId, user: { email } } });
}

function post(path: string, headers: Record<string, string>, body?: BodyInit) {
  return fetch(`${app.baseUrl}${path}`, { method: "POST", redirect: "manual", headers, body });
}

describe("state-changing requests from another origin", () => {
  it("a ?_data post from another site does not invite an admin: 403", async () => {
    const { centre, cookie } = await chairOfNewCentre();
    const email = `indringer-${randomUUID()}@voorbeeld.example`;
    const response = await post(
      `/manage/${centre.slug}/team?_data=routes%2Fmanage.%24slug.team`,
      { ...FORM, Cookie: cookie, Origin: EVIL },
      inviteForm(email),
    );
    expect(response.status).toBe(403);
    expect(await invited(centre.id, email)).toBe(0);
  });

  it("the same form as a document post, and as a single-fetch .data post, gets 403 (not 500)", async () => {
    const { centre, cookie } = await chairOfNewCentre();
    const email = `indringer-${randomUUID()}@voorbeeld.example`;
    for (const path of [`/manage/${centre.slug}/team`, `/manage/${centre.slug}/team.data`]) {
      const response = await post(path, { ...FORM, Cookie: cookie, Origin: EVIL }, inviteForm(email));
      expect(response.status).toBe(403);
    }
    expect(await invited(centre.id, email)).toBe(0);
  });

  it("a form on another site cannot sign anyone out", async () => {
    const { cookie } = await chairOfNewCentre();
    const response = await post("/logout", { ...FORM, Cookie: cookie, Origin: EVIL }, "");
    expect(response.status).toBe(403);
    expect(response.headers.get("set-cookie")).toBeNull();
  });

  it("the refusal is a plain page in Dutch and English", async () => {
    const response = await post("/logout", { ...FORM, Origin: EVIL, Accept: "text/html" }, "");
    expect(response.headers.get("content-type")).toMatch(/^text\/html/);
    const page = await response.text();
    expect(page).toContain("Dit formulier kwam van een andere website");
    expect(page).toContain("This form came from another website");
    expect(page).not.toContain("<script");
  });

  it("another port or another host name is another origin, and so is Origin: null", async () => {
    const port = Number(new URL(app.baseUrl).port);
    for (const origin of [
      `http://127.0.0.1:${port + 1}`,
      `http://127.0.0.2:${port}`,
      `http://127.0.0.1.evil.example:${port}`,
      "null",
      "file://",
      "not an origin",
    ]) {
      const response = await post("/logout", { ...FORM, Origin: origin }, "");
      expect(response.status, origin).toBe(403);
    }
  });

  it("without Origin, a cross-site Sec-Fetch-Site or a foreign Referer is refused", async () => {
    expect((await post("/logout", { ...FORM, "Sec-Fetch-Site": "cross-site" }, "")).status).toBe(403);
    expect((await post("/logout", { ...FORM, "Sec-Fetch-Site": "same-site" }, "")).status).toBe(403);
    expect((await post("/logout", { ...FORM, Referer: `${EVIL}/page` }, "")).status).toBe(403);
  });

  it("our own pages may post: by Origin, by Referer, by Sec-Fetch-Site, or by the configured APP_URL", async () => {
    const { centre, cookie } = await chairOfNewCentre();
    const email = `nieuw-${randomUUID()}@voorbeeld.example`;
    const response = await post(
      `/manage/${centre.slug}/team`,
      { ...FORM, Cookie: cookie, Origin: app.baseUrl },
      inviteForm(email),
    );
    expect(response.status).toBe(302);
    expect(await invited(centre.id, email)).toBe(1);
    expect((await post("/logout", { ...FORM, Referer: `${app.baseUrl}/manage` }, "")).status).toBe(302);
    expect((await post("/logout", { ...FORM, "Sec-Fetch-Site": "same-origin" }, "")).status).toBe(302);
    // behind a proxy the Host may be the app's own address; the public one is APP_URL
    expect(
      (await post("/logout", { ...FORM, Origin: process.env.APP_URL ?? "http://localhost:3000" }, "")).status,
    ).toBe(302);
  });

  it("a client that is no web page (no Origin, no Referer: curl, a script) is served", async () => {
    expect((await post("/logout", FORM, "")).status).toBe(302);
  });

  it("reading stays open to other sites: the public agenda feed answers a GET from anywhere", async () => {
    const centre = await createCentre();
    const response = await fetch(`${app.baseUrl}/centres/${centre.slug}/agenda.json`, { headers: { Origin: EVIL } });
    expect(response.status).toBe(200);
    expect(response.headers.get("access-control-allow-origin")).toBe("*");
  });
});

/** Sends a request head that announces `contentLength` bytes, then a little of the body; gives the status line. */
function announceLargeBody(path: string, contentLength: number): Promise<string> {
  const { hostname, port } = new URL(app.baseUrl);
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(port), hostname, () => {
      socket.write(
        `POST ${path} HTTP/1.1\r\nHost: ${hostname}:${port}\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: ${contentLength}\r\n\r\nemail=`,
      );
      socket.write("a".repeat(64 * 1024));
    });
    let answer = "";
    socket.on("data", (chunk) => {
      answer += chunk.toString("latin1");
      if (answer.includes("\r\n")) {
        socket.destroy();
        resolve(answer.split("\r\n")[0]!);
      }
    });
    socket.on("error", reject);
  });
}

/** Streams a chunked body of `megabytes` MB (no Content-Length) until the server answers; gives the status and how much was sent. */
function streamChunkedBody(path: string, megabytes: number): Promise<{ status: number; sentBytes: number }> {
  return new Promise((resolve, reject) => {
    const request = http.request(`${app.baseUrl}${path}`, {
      method: "POST",
      headers: { ...FORM, "Transfer-Encoding": "chunked" },
    });
    let sentBytes = 0;
    let answered = false;
    request.on("response", (response) => {
      answered = true;
      response.resume();
      resolve({ status: response.statusCode!, sentBytes });
      request.destroy();
    });
    request.on("error", (error) => (answered ? undefined : reject(error)));
    const chunk = Buffer.alloc(64 * 1024, "a");
    request.write("email=");
    const pump = () => {
      while (!answered && sentBytes < megabytes * 1024 * 1024) {
        sentBytes += chunk.length;
        if (!request.write(chunk)) return void request.once("drain", pump);
      }
      if (!answered) request.end();
    };
    pump();
  });
}

describe("request bodies", () => {
  it("a body announced at 100 MB is refused with 413 before it is read", async () => {
    expect(await announceLargeBody("/login", 100 * 1024 * 1024)).toMatch(/^HTTP\/1\.1 413/);
  });

  it("a chunked body without a length is counted as it comes and refused with 413 past 1 MB", async () => {
    const { status, sentBytes } = await streamChunkedBody("/login", 8);
    expect(status).toBe(413);
    expect(sentBytes).toBeLessThan(8 * 1024 * 1024);
  });

  it("a form just under 1 MB is read as usual", async () => {
    const response = await post("/login", FORM, new URLSearchParams({ email: "x".repeat(1000 * 1024) }));
    expect(response.status).toBe(400); // the sign-in form again, with its error
    expect(await response.text()).toContain("Vul een geldig e-mailadres in");
  });

  it("a JSON body, a body without a type, or a gzip-encoded form is 415", async () => {
    expect(
      (await post("/login", { "Content-Type": "application/json" }, JSON.stringify({ email: "a@b.example" }))).status,
    ).toBe(415);
    expect((await post("/login", {}, new Blob(["email=a@b.example"]))).status).toBe(415);
    expect((await post("/login", { ...FORM, "Content-Encoding": "gzip" }, "email=x")).status).toBe(415);
  });

  it("an empty POST without a type is the empty form it is: the route answers as to one, no 500", async () => {
    const login = await post("/login", {}, undefined);
    expect(login.status).toBe(400); // the sign-in form again, asking for an address
    expect(await login.text()).toContain("Vul een geldig e-mailadres in");
    expect((await post("/logout", {}, undefined)).status).toBe(302);
  });

  it("a multipart body without a boundary, or with a broken one, is 400", async () => {
    expect((await post("/login", { "Content-Type": "multipart/form-data" }, "email=x")).status).toBe(400);
    expect(
      (await post("/login", { "Content-Type": "multipart/form-data; boundary=abc" }, "--abc\r\nnonsense")).status,
    ).toBe(400);
  });

  it("an empty form and a well-formed multipart form reach the route", async () => {
    expect((await post("/login", FORM, "")).status).toBe(400); // the form again, asking for an address
    const multipart = new FormData();
    multipart.set("email", "iemand@voorbeeld.example");
    const response = await post("/login", {}, multipart);
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe("/login?sent=1");
  });

  it("a NUL character in a form field or in the address is 400, not a database error", async () => {
    expect(
      (await post("/login", FORM, new URLSearchParams({ email: "a@b.example", redirectTo: "/a\u0000b" }))).status,
    ).toBe(400);
    expect((await fetch(`${app.baseUrl}/centres/%00`)).status).toBe(400);
  });
});

async function latestLinkToken(email: string): Promise<string> {
  await settleBackgroundWork(); // the link is sent after the answer (the same time for every address)
  const message = await db().emailMessage.findFirst({ where: { toAddress: email }, orderBy: { createdAt: "desc" } });
  return /token=([A-Za-z0-9_-]+)/.exec(message?.textBody ?? "")![1]!;
}

async function signInThroughLink(redirectTo: string) {
  const user = await createUser();
  const centre = await createCentre();
  await addMembership(user.id, centre.id, "MANAGER");
  const asked = await post("/login", FORM, new URLSearchParams({ email: user.email, redirectTo }));
  const token = await latestLinkToken(user.email);
  const verified = await post("/login/verify", FORM, new URLSearchParams({ token }));
  return { asked, verified, token, landing: `/manage/${centre.slug}` };
}

describe("where sign-in leads", () => {
  it("redirectTo=/%09/evil.example/x leads to the user's own workspace, not to another site", async () => {
    const { verified, landing } = await signInThroughLink("/\t/evil.example/x");
    expect(verified.status).toBe(302);
    expect(verified.headers.get("location")).toBe(landing);
  });

  it("the sign-in page does not carry a hostile redirectTo into its form", async () => {
    const page = await (await fetch(`${app.baseUrl}/login?redirectTo=/%09/evil.example/x`)).text();
    expect(page).toContain('name="redirectTo" value=""');
  });

  it("a CR/LF in redirectTo is no 500: the link is sent, and used once it leads to the workspace", async () => {
    const { asked, verified, token, landing } = await signInThroughLink("/a\r\nSet-Cookie: x=1");
    expect(asked.status).toBe(302);
    expect(verified.status).toBe(302);
    expect(verified.headers.get("location")).toBe(landing);
    expect(verified.headers.get("set-cookie")).not.toContain("x=1");
    expect((await db().loginToken.findUniqueOrThrow({ where: { tokenHash: hashToken(token) } })).usedAt).not.toBeNull();
  });

  it("a link stored with a hostile target before this check still signs in, to the workspace", async () => {
    const user = await createUser();
    const token = "t".repeat(43);
    await db().loginToken.create({
      data: {
        userId: user.id,
        tokenHash: hashToken(token),
        redirectTo: "/\r\n/evil.example",
        expiresAt: new Date(Date.now() + 3_600_000 * 24 * 3650),
      },
    });
    const verified = await post("/login/verify", FORM, new URLSearchParams({ token }));
    expect(verified.status).toBe(302);
    expect(verified.headers.get("location")).toBe("/");
  });

  it("a good target is followed", async () => {
    const { verified } = await signInThroughLink("/agenda?q=koffie");
    expect(verified.headers.get("location")).toBe("/agenda?q=koffie");
  });
});

describe("a client's mistake is a 4xx", () => {
  it("an organisation contact cancelling another organisation's booking gets 404 and the booking stays", async () => {
    const centre = await createCentre();
    const room = await createRoom(centre.id);
    const theirs = await createOrganisation(centre.id);
    const mine = await createOrganisation(centre.id);
    const contact = await createUser();
    await db().organisationMember.create({ data: { organisationId: mine.id, userId: contact.id } });
    const booking = await createTestBooking({
      centreId: centre.id,
      organisationId: theirs.id,
      roomId: room.id,
      localStart: "2027-04-06T10:00",
    });
    const cookie = await sessionCookie(contact.id);
    const path = `/centres/${centre.slug}/my-bookings/${booking.id}/cancel`;
    const page = await fetch(`${app.baseUrl}${path}?scope=all`, { headers: { Cookie: cookie } });
    expect(page.status).toBe(404);
    expect(await page.text()).toContain("Pagina niet gevonden");
    const cancel = await post(
      `${path}?scope=all`,
      { ...FORM, Cookie: cookie },
      new URLSearchParams({ scope: "all", submissionKey: randomUUID() }),
    );
    expect(cancel.status).toBe(404);
    expect((await db().booking.findUniqueOrThrow({ where: { id: booking.id } })).status).toBe("CONFIRMED");
  });

  it("a booking that no longer takes place says so on the cancel page (409), not 500", async () => {
    const centre = await createCentre();
    const room = await createRoom(centre.id);
    const mine = await createOrganisation(centre.id);
    const contact = await createUser();
    await db().organisationMember.create({ data: { organisationId: mine.id, userId: contact.id } });
    const booking = await createTestBooking({
      centreId: centre.id,
      organisationId: mine.id,
      roomId: room.id,
      localStart: "2027-04-06T10:00",
    });
    await db().booking.update({ where: { id: booking.id }, data: { status: "CANCELLED" } });
    const page = await fetch(`${app.baseUrl}/centres/${centre.slug}/my-bookings/${booking.id}/cancel?scope=all`, {
      headers: { Cookie: await sessionCookie(contact.id) },
    });
    expect(page.status).toBe(409);
    expect(await page.text()).toContain("Deze reservering gaat niet meer door.");
  });

  it("a 404 is logged at info with its path, not as an error", async () => {
    logger.level = "info";
    const out = vi.spyOn(process.stdout, "write");
    const err = vi.spyOn(process.stderr, "write");
    const response = await fetch(`${app.baseUrl}/bestaat-niet-${randomUUID()}`);
    expect(response.status).toBe(404);
    await response.text();
    await logWritten(out, "/bestaat-niet-");
    const lines = (spy: typeof out) =>
      spy.mock.calls.map(([chunk]) => String(chunk)).filter((line) => line.startsWith("{"));
    expect(lines(err).filter((line) => line.includes('"level":"error"'))).toEqual([]);
    const logged = lines(out)
      .map((line) => JSON.parse(line) as Record<string, unknown>)
      .find((entry) => String(entry.path).startsWith("/bestaat-niet-"));
    expect(logged).toMatchObject({ level: "info", status: 404, method: "GET" });
  });

  it("every request is one log line with method, path, status, time and the request id it answered with", async () => {
    logger.level = "info";
    const out = vi.spyOn(process.stdout, "write");
    const response = await fetch(`${app.baseUrl}/privacy?token=secret`, { headers: { "X-Request-Id": "proxy-123.a" } });
    expect(response.status).toBe(200);
    expect(response.headers.get("X-Request-Id")).toBe("proxy-123.a");
    await response.text();
    await logWritten(out, "/privacy");
    const lines = out.mock.calls
      .map(([chunk]) => String(chunk))
      .filter((line) => line.includes('"message":"request"'))
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    const entry = lines.find((line) => line.requestId === "proxy-123.a");
    expect(entry).toMatchObject({ level: "info", method: "GET", path: "/privacy", status: 200 });
    expect(typeof entry!.ms).toBe("number");
    expect(JSON.stringify(lines)).not.toContain("secret");
  });

  it("a request id that is no plain token is replaced by one of ours", async () => {
    const response = await fetch(`${app.baseUrl}/privacy`, { headers: { "X-Request-Id": "a b<script>" } });
    expect(response.headers.get("X-Request-Id")).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("a refusal at the edge (403) is logged at info too", async () => {
    logger.level = "info";
    const out = vi.spyOn(process.stdout, "write");
    await post("/logout", { ...FORM, Origin: EVIL }, "");
    const entry = out.mock.calls
      .map(([chunk]) => String(chunk))
      .find((line) => line.includes('"refusal":"crossOrigin"'));
    expect(JSON.parse(entry!)).toMatchObject({ level: "info", status: 403, path: "/logout" });
  });
});

describe("X-Content-Type-Options: nosniff", () => {
  it("is on pages, feeds, CSV, PDF, static files, /healthz, errors and refusals, exactly once", async () => {
    const { centre, cookie } = await chairOfNewCentre();
    const asset = readdirSync(fromRoot("public", "build")).find((name) => name.endsWith(".js"))!;
    const answers = [
      await fetch(`${app.baseUrl}/`),
      await fetch(`${app.baseUrl}/healthz`),
      await fetch(`${app.baseUrl}/build/${asset}`),
      await fetch(`${app.baseUrl}/centres/${centre.slug}/agenda.ics`),
      await fetch(`${app.baseUrl}/centres/${centre.slug}/agenda.json`),
      await fetch(`${app.baseUrl}/manage/${centre.slug}/reports/csv/${CENTRE_TABLES[0]}`, {
        headers: { Cookie: cookie },
      }),
      await fetch(`${app.baseUrl}/manage/${centre.slug}/reports/pdf`, { headers: { Cookie: cookie } }),
      await fetch(`${app.baseUrl}/bestaat-niet`),
      await post("/logout", { ...FORM, Origin: EVIL }, ""),
      await post("/login", { "Content-Type": "application/json" }, "{}"),
    ];
    for (const answer of answers) {
      expect(answer.status, answer.url).toBeLessThan(500);
      expect(answer.headers.get("x-content-type-options"), answer.url).toBe("nosniff");
      await answer.arrayBuffer();
    }
    expect(answers.map((answer) => answer.headers.get("content-type")?.split(";")[0])).toEqual(
      expect.arrayContaining(["text/csv", "application/pdf", "text/calendar", "application/javascript"]),
    );
  });
});
