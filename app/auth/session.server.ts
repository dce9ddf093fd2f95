import { createHash, randomBytes } from "node:crypto";
import { createCookie, redirect } from "@remix-run/node";
import { db } from "~/db/client.server";
import { env } from "~/env.server";
import { clock } from "~/lib/clock";

/**
 * Sessions live in the database (docs/decisions/077-database-sessions.md). The cookie carries a
 * random 256-bit id; the `sessions` table keeps only its SHA-256, so a copy of the database
 * cannot be turned into cookies. A session ends when its user signs out (the row is deleted),
 * signs out everywhere (all the user's rows), leaves it unused for SESSION_IDLE_DAYS, or at the
 * latest SESSION_LIFETIME_DAYS after signing in. Every time is the app's clock.
 */

export const SESSION_IDLE_DAYS = 14;
export const SESSION_LIFETIME_DAYS = 60;
/** last_seen_at moves at most this often, so a busy page does not write on every request */
export const LAST_SEEN_STEP_MINUTES = 60;

const DAY_MS = 24 * 60 * 60_000;

// Not signed: the id is random and only valid while its row exists, so a signature adds nothing.
const sessionCookie = () =>
  createCookie("__session", { httpOnly: true, sameSite: "lax", secure: env().production, path: "/" });

function hashSessionId(id: string): string {
  return createHash("sha256").update(id).digest("hex");
}

async function sessionIdOf(request: Request): Promise<string | undefined> {
  const value: unknown = await sessionCookie().parse(request.headers.get("Cookie"));
  return typeof value === "string" && /^[A-Za-z0-9_-]{43}$/.test(value) ? value : undefined;
}

/** Makes a session for `userId`; returns the id for the cookie (never stored as such). */
export async function createSession(userId: string, now = clock.now()): Promise<string> {
  const id = randomBytes(32).toString("base64url");
  await db().session.create({
    data: {
      userId,
      tokenHash: hashSessionId(id),
      createdAt: now,
      lastSeenAt: now,
      expiresAt: new Date(now.getTime() + SESSION_LIFETIME_DAYS * DAY_MS),
    },
  });
  return id;
}

/**
 * The user of a live session, or undefined when the id is unknown, ended, idle too long or past
 * its lifetime (such a row is deleted on the way). Moves last_seen_at when it is an hour old.
 */
export async function userOfSession(id: string, now = clock.now()): Promise<string | undefined> {
  const session = await db().session.findUnique({ where: { tokenHash: hashSessionId(id) } });
  if (!session) return undefined;
  const idleUntil = session.lastSeenAt.getTime() + SESSION_IDLE_DAYS * DAY_MS;
  if (now >= session.expiresAt || now.getTime() >= idleUntil) {
    await db().session.deleteMany({ where: { id: session.id } });
    return undefined;
  }
  if (now.getTime() - session.lastSeenAt.getTime() >= LAST_SEEN_STEP_MINUTES * 60_000) {
    await db().session.updateMany({ where: { id: session.id }, data: { lastSeenAt: now } });
  }
  return session.userId;
}

export async function getSessionUserId(request: Request): Promise<string | undefined> {
  const id = await sessionIdOf(request);
  return id ? userOfSession(id) : undefined;
}

/**
 * Starts a session for `userId` and redirects to `redirectTo`. With the `request`, the session
 * its cookie held (if any) ends: signing in again leaves no second session behind.
 */
export async function startSession(userId: string, redirectTo: string, request?: Request): Promise<Response> {
  const previous = request ? await sessionIdOf(request) : undefined;
  if (previous) await db().session.deleteMany({ where: { tokenHash: hashSessionId(previous) } });
  const id = await createSession(userId);
  const cookie = await sessionCookie().serialize(id, { maxAge: SESSION_LIFETIME_DAYS * 24 * 60 * 60 });
  return redirect(redirectTo, { headers: { "Set-Cookie": cookie } });
}

async function clearedCookie(): Promise<string> {
  return sessionCookie().serialize("", { maxAge: 0, expires: new Date(0) });
}

/** Signs out: the session of this request's cookie is deleted, so the cookie opens nothing any more. */
export async function endSession(request: Request, redirectTo: string): Promise<Response> {
  const id = await sessionIdOf(request);
  if (id) await db().session.deleteMany({ where: { tokenHash: hashSessionId(id) } });
  return redirect(redirectTo, { headers: { "Set-Cookie": await clearedCookie() } });
}

/** "Sign out everywhere": every session of the user ends, this browser's included. Returns how many. */
async function endAllSessionsOf(userId: string): Promise<number> {
  return (await db().session.deleteMany({ where: { userId } })).count;
}

/** Signs the user out everywhere and sends this browser to `redirectTo` without its cookie. */
export async function endAllSessions(userId: string, redirectTo: string): Promise<Response> {
  await endAllSessionsOf(userId);
  return redirect(redirectTo, { headers: { "Set-Cookie": await clearedCookie() } });
}

/** How many live sessions the user has (the account page says so). */
export async function countLiveSessions(userId: string, now = clock.now()): Promise<number> {
  return db().session.count({
    where: { userId, expiresAt: { gt: now }, lastSeenAt: { gt: new Date(now.getTime() - SESSION_IDLE_DAYS * DAY_MS) } },
  });
}

/** Deletes sessions that can no longer be used (ended by time); for the nightly clean-up. */
export async function deleteEndedSessions(now = clock.now()): Promise<number> {
  const { count } = await db().session.deleteMany({
    where: {
      OR: [{ expiresAt: { lte: now } }, { lastSeenAt: { lte: new Date(now.getTime() - SESSION_IDLE_DAYS * DAY_MS) } }],
    },
  });
  return count;
}
