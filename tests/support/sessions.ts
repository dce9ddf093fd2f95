import type { BrowserContext } from "playwright-core";
import { inject } from "vitest";
import { startSession } from "~/auth/session.server";
import { db, connectDatabase } from "~/db/client.server";

/**
 * Signing in without the mailbox, for tests that visit many pages as many people: the same
 * session the sign-in link gives, a row in the app's database (call connectAppDatabase first) and
 * a cookie with its id. The sign-in journey itself is tested in foundation.test.ts.
 */

/** Points this test process at the browser app's database (the demo). */
export async function connectAppDatabase(): Promise<void> {
  await connectDatabase(inject("appDatabaseUrl"));
}

/** "__session=…" for a user, to send as a Cookie header. */
export async function sessionCookie(userId: string): Promise<string> {
  const response = await startSession(userId, "/");
  const header = response.headers.get("Set-Cookie");
  if (!header) throw new Error("No session cookie was made");
  return header.split(";")[0]!;
}

export async function userIdOf(email: string): Promise<string> {
  return (await db().user.findUniqueOrThrow({ where: { email }, select: { id: true } })).id;
}

/** Signs a browser context in as the user with this email address. */
export async function signInAs(context: BrowserContext, email: string): Promise<void> {
  const cookie = await sessionCookie(await userIdOf(email));
  const split = cookie.indexOf("=");
  await context.addCookies([{ name: cookie.slice(0, split), value: cookie.slice(split + 1), url: inject("baseUrl") }]);
}
