import { createCookieSessionStorage, redirect } from "@remix-run/node";
import { env } from "~/env.server";

/** The signed session cookie: httpOnly, SameSite=Lax, Secure in production. */
let storage: ReturnType<typeof createCookieSessionStorage<{ userId: string }>> | undefined;

function sessionStorage() {
  storage ??= createCookieSessionStorage<{ userId: string }>({
    cookie: {
      name: "__session",
      httpOnly: true,
      sameSite: "lax",
      secure: env().production,
      path: "/",
      maxAge: 60 * 60 * 24 * 30,
      secrets: [env().SESSION_SECRET],
    },
  });
  return storage;
}

export async function getSessionUserId(request: Request): Promise<string | undefined> {
  const session = await sessionStorage().getSession(request.headers.get("Cookie"));
  return session.get("userId");
}

/** Starts a session for `userId` and redirects to `redirectTo`. */
export async function startSession(userId: string, redirectTo: string): Promise<Response> {
  const store = sessionStorage();
  const session = await store.getSession();
  session.set("userId", userId);
  return redirect(redirectTo, { headers: { "Set-Cookie": await store.commitSession(session) } });
}

export async function endSession(request: Request, redirectTo: string): Promise<Response> {
  const store = sessionStorage();
  const session = await store.getSession(request.headers.get("Cookie"));
  return redirect(redirectTo, { headers: { "Set-Cookie": await store.destroySession(session) } });
}

/** Only same-site paths are followed after sign-in (no open redirects). */
export function safeRedirect(target: unknown, fallback = "/"): string {
  if (typeof target !== "string" || !target.startsWith("/") || target.startsWith("//") || target.includes("\\")) {
    return fallback;
  }
  return target;
}
