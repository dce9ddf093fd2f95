import { createCookieSessionStorage } from "@remix-run/node";
import { describe, expect, it } from "vitest";
import { serverSecret } from "~/auth/secrets.server";
import {
  LAST_SEEN_STEP_MINUTES,
  SESSION_IDLE_DAYS,
  SESSION_LIFETIME_DAYS,
  countLiveSessions,
  createSession,
  endAllSessions,
  endSession,
  getSessionUserId,
  startSession,
  userOfSession,
} from "~/auth/session.server";
import { db } from "~/db/client.server";
import { PUBLISHED_SECRETS } from "~/env.server";
import { clock } from "~/lib/clock";
import { createUser } from "../../prisma/factories";

const DAY = 24 * 60 * 60_000;
const later = (from: Date, ms: number) => new Date(from.getTime() + ms);

/** The request a browser sends with the cookie of this Set-Cookie header. */
function requestWith(setCookie: string | null): Request {
  return new Request("http://localhost/manage/x", { headers: { Cookie: setCookie!.split(";")[0]! } });
}

async function signIn(userId: string) {
  const response = await startSession(userId, "/");
  return requestWith(response.headers.get("Set-Cookie"));
}

describe("database sessions", () => {
  it("signing in stores a session row with only the SHA-256 of the cookie's id", async () => {
    const user = await createUser();
    const response = await startSession(user.id, "/manage/x");
    const header = response.headers.get("Set-Cookie")!;
    expect(header).toMatch(/HttpOnly/i);
    expect(header).toMatch(/SameSite=Lax/i);
    const rows = await db().session.findMany({ where: { userId: user.id } });
    expect(rows).toHaveLength(1);
    const cookieValue = header.split(";")[0]!.split("=")[1]!;
    expect(rows[0]!.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(decodeURIComponent(cookieValue)).not.toContain(rows[0]!.tokenHash);
    expect(header).not.toContain(user.id);
    expect(await getSessionUserId(requestWith(header))).toBe(user.id);
  });

  it("after signing out, the old cookie opens nothing", async () => {
    const user = await createUser();
    const request = await signIn(user.id);
    expect(await getSessionUserId(request)).toBe(user.id);
    const signedOut = await endSession(request, "/");
    expect(signedOut.headers.get("Set-Cookie")).toMatch(/Max-Age=0/i);
    // the browser forgets the cookie; an attacker who copied it keeps it, and it no longer works
    expect(await getSessionUserId(request)).toBeUndefined();
    expect(await db().session.count({ where: { userId: user.id } })).toBe(0);
  });

  it("signing out everywhere ends the user's sessions on every device, and nobody else's", async () => {
    const user = await createUser();
    const other = await createUser();
    const phone = await signIn(user.id);
    const laptop = await signIn(user.id);
    const someoneElse = await signIn(other.id);
    expect(await countLiveSessions(user.id)).toBe(2);
    await endAllSessions(user.id, "/login");
    expect(await getSessionUserId(phone)).toBeUndefined();
    expect(await getSessionUserId(laptop)).toBeUndefined();
    expect(await getSessionUserId(someoneElse)).toBe(other.id);
  });

  it(`a session unused for ${SESSION_IDLE_DAYS} days has ended, and its row is gone`, async () => {
    const user = await createUser();
    const start = clock.now();
    const id = await createSession(user.id, start);
    expect(await userOfSession(id, later(start, SESSION_IDLE_DAYS * DAY - 60_000))).toBe(user.id);
    const id2 = await createSession(user.id, start);
    expect(await userOfSession(id2, later(start, SESSION_IDLE_DAYS * DAY))).toBeUndefined();
    expect(await db().session.count({ where: { userId: user.id } })).toBe(1);
  });

  it(`a session in daily use still ends ${SESSION_LIFETIME_DAYS} days after signing in`, async () => {
    const user = await createUser();
    const start = clock.now();
    const id = await createSession(user.id, start);
    for (let day = 1; day < SESSION_LIFETIME_DAYS; day++) {
      expect(await userOfSession(id, later(start, day * DAY))).toBe(user.id);
    }
    expect(await userOfSession(id, later(start, SESSION_LIFETIME_DAYS * DAY))).toBeUndefined();
  });

  it(`last seen moves at most every ${LAST_SEEN_STEP_MINUTES} minutes`, async () => {
    const user = await createUser();
    const start = clock.now();
    const id = await createSession(user.id, start);
    const lastSeen = async () => (await db().session.findFirstOrThrow({ where: { userId: user.id } })).lastSeenAt;
    await userOfSession(id, later(start, 30 * 60_000));
    expect(await lastSeen()).toEqual(start);
    const hourOn = later(start, LAST_SEEN_STEP_MINUTES * 60_000);
    await userOfSession(id, hourOn);
    expect(await lastSeen()).toEqual(hourOn);
  });

  it("a cookie forged with the development secret that was once in the code opens nothing", async () => {
    const user = await createUser();
    const forger = createCookieSessionStorage<{ userId: string }>({
      cookie: { name: "__session", httpOnly: true, sameSite: "lax", path: "/", secrets: [...PUBLISHED_SECRETS] },
    });
    const session = await forger.getSession();
    session.set("userId", user.id);
    const forged = await forger.commitSession(session);
    expect(await getSessionUserId(requestWith(forged))).toBeUndefined();
  });

  it("a made-up session id opens nothing", async () => {
    const request = new Request("http://localhost/", {
      headers: { Cookie: `__session=${btoa(JSON.stringify("x".repeat(43)))}` },
    });
    expect(await getSessionUserId(request)).toBeUndefined();
  });
});

describe("the server secret outside production", () => {
  it("is made at random once per database and kept there, never the published one", async () => {
    const secret = await serverSecret();
    expect(secret.length).toBeGreaterThanOrEqual(40);
    expect(PUBLISHED_SECRETS).not.toContain(secret);
    expect(await serverSecret()).toBe(secret);
    const stored = await db().appSecret.findUniqueOrThrow({ where: { name: "session-secret" } });
    expect(stored.value).toBe(secret);
  });
});
