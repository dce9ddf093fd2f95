import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { z } from "zod";
import { safeRedirect } from "~/auth/redirects";
import { LOCALES } from "~/i18n/catalogue";
import { localeCookie } from "~/i18n/locale.server";

const languageSchema = z.object({ lang: z.enum(LOCALES), redirectTo: z.string().optional() });

export async function loader() {
  return redirect("/");
}

/** The language switch: a plain form post, so it works without JavaScript. */
export async function action({ request }: ActionFunctionArgs) {
  const parsed = languageSchema.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) throw new Response("Unknown language", { status: 400 });
  const target = new URL(safeRedirect(parsed.data.redirectTo), "http://placeholder");
  target.searchParams.delete("lang");
  return redirect(target.pathname + target.search, {
    headers: { "Set-Cookie": await localeCookie.serialize(parsed.data.lang) },
  });
}
