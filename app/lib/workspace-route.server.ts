import { answerForm } from "./form-action.server";
import { redirect } from "@remix-run/node";
import { z } from "zod";
import { requireCentrePermission } from "~/auth/guards.server";
import { refusalMessage } from "~/lib/messages";
import { isDomainError } from "~/domain/shared/errors";
import type { Actor } from "~/domain/shared/actor";
import { parseLocalDate } from "~/domain/time/time-zone";

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

/**
 * What `work` gives; a domain refusal becomes the page's answer instead of a 500: not found
 * stays the plain 404, any other refusal is thrown as a Response with its status and its
 * sentence (a catalogue message), which the root ErrorBoundary shows in the reader's language.
 * For pages whose refusal has no form to go back to.
 */
export async function orRefusalPage<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    if (!isDomainError(error)) throw error;
    if (error.status === 404) throw new Response("Not found", { status: 404 });
    throw new Response(refusalMessage(error), { status: error.status });
  }
}

/** A "YYYY-MM-DD" from the address, or null when missing or not a date (30 February included). */
export function dateParam(value: string | null): string | null {
  return value && /^\d{4}-\d{2}-\d{2}$/.test(value) && parseLocalDate(value) ? value : null;
}

/**
 * The action of a settings form: only who may edit settings; the form read with `schema` and
 * handed to `save` with the acting manager. A refusal goes back to the form (next to the field
 * `refusalFields` names for its code, else above the form; not-found stays a 404); after
 * saving, the browser goes to `savedTo(slug, value)`.
 */
export async function saveSettingsForm<Schema extends z.ZodType>(
  request: Request,
  centreSlug: string | undefined,
  {
    schema,
    save,
    savedTo,
    refusalFields,
  }: {
    schema: Schema;
    save: (actor: Actor, value: z.output<Schema>) => Promise<unknown>;
    savedTo: (centreSlug: string, value: z.output<Schema>) => string;
    refusalFields?: Record<string, string>;
  },
) {
  const { centre, actor } = await requireCentrePermission(request, centreSlug, "settings.edit");
  return answerForm(await request.formData(), {
    schema,
    work: (value) => save(actor, value),
    done: (_saved, value) => redirect(savedTo(centre.slug, value)),
    refusalFields,
  });
}
