import { z } from "zod";
import { isDomainError } from "~/domain/errors";

/**
 * Small helpers for the manager's workspace routes. An id in an address that is not a UUID
 * cannot belong to this centre: 404, the same answer as another centre's id.
 */

const uuid = z.uuid();

export function idParam(value: string | undefined): string {
  const parsed = uuid.safeParse(value);
  if (!parsed.success) throw new Response("Not found", { status: 404 });
  return parsed.data;
}

/** What `lookup` finds; when the domain finds nothing (another centre's id, a removed one), the page's 404. */
export async function orNotFound<T>(lookup: Promise<T>): Promise<T> {
  try {
    return await lookup;
  } catch (error) {
    if (isDomainError(error) && error.status === 404) throw new Response("Not found", { status: 404 });
    throw error;
  }
}

/** A "YYYY-MM-DD" from the address, or null when missing or not a date. */
export function dateParam(value: string | null): string | null {
  return value && /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) ? value : null;
}

/** The HTTP answer for a domain refusal that a page cannot show next to a field (404 stays 404). */
export function statusOf(error: { status: number }): number {
  return error.status;
}
