import { db } from "~/db/client.server";

/** 200 only when the database answers; for load balancers and uptime checks. */
export async function loader() {
  try {
    await db().$queryRaw`SELECT 1`;
    return new Response("ok", { status: 200, headers: { "Content-Type": "text/plain", "Cache-Control": "no-store" } });
  } catch {
    return new Response("database unavailable", {
      status: 503,
      headers: { "Content-Type": "text/plain", "Cache-Control": "no-store" },
    });
  }
}
