import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { z } from "zod";
import { safeRedirect } from "~/auth/redirects";
import { LOCALES } from "~/i18n/catalogue";
import { localeCookie } from "~/i18n/locale.server";
import { answerForm } from "~/lib/form-action.server";

const languageSchema = z.object({ lang: z.enum(LOCALES), redirectTo: z.string().optional() });

export async function loader() {
  return redirect("/");
}

/** The language switch: a plain form post, so it works without JavaScript. */
export async function action({ request }: ActionFunctionArgs) {
  return answerForm(await request.formData(), {
    schema: languageSchema,
    work: async ({ lang, redirectTo }) => {
      const target = new URL(safeRedirect(redirectTo), "http://placeholder");
      target.searchParams.delete("lang");
      return redirect(target.pathname + target.search, {
        headers: { "Set-Cookie": await localeCookie.serialize(lang) },
      });
    },
    done: (chosen) => chosen,
    back: () => {
      throw new Response("Unknown language", { status: 400 });
    },
  });
}
