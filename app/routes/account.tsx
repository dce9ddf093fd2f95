import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { requireUser } from "~/auth/guards.server";
import { SESSION_IDLE_DAYS, SESSION_LIFETIME_DAYS, countLiveSessions, endAllSessions } from "~/auth/session.server";
import { pageTitle } from "~/i18n/meta";
import { useT } from "~/i18n/react";
import { answerForm } from "~/lib/form-action.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "account.title");

/** One's own account: who is signed in, on how many devices, and signing out everywhere. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return {
    name: user.name,
    email: user.email,
    sessions: await countLiveSessions(user.id),
    idleDays: SESSION_IDLE_DAYS,
    lifetimeDays: SESSION_LIFETIME_DAYS,
  };
}

const accountSchema = z.object({ intent: z.literal("sign-out-everywhere") });

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  return answerForm(await request.formData(), {
    schema: accountSchema,
    work: async () => endAllSessions(user.id, "/login?signedOut=everywhere"),
    done: (signedOut) => signedOut,
    // a button, not a form to go back to: a form that does not read is a bad request
    back: () => {
      throw new Response("Bad request", { status: 400 });
    },
  });
}

export default function AccountPage() {
  const { name, email, sessions, idleDays, lifetimeDays } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <>
      <h1>{t("account.title")}</h1>
      <p>{t("account.intro")}</p>
      <dl className="m-0 grid grid-cols-1 gap-x-4 gap-y-1 sm:grid-cols-[auto_1fr]">
        <dt className="font-bold">{t("account.name")}</dt>
        <dd className="m-0 mb-2 sm:mb-0">{name}</dd>
        <dt className="font-bold">{t("account.email")}</dt>
        <dd className="m-0 mb-2 sm:mb-0">{email}</dd>
      </dl>
      <h2>{t("account.sessionsTitle")}</h2>
      <p>{t("account.sessions", { count: sessions, idle: idleDays, lifetime: lifetimeDays })}</p>
      <Form method="post" action="/logout" className="mb-6">
        <button type="submit" className="button-secondary">
          {t("account.signOut")}
        </button>
      </Form>
      <p>{t("account.signOutEverywhereIntro")}</p>
      <Form method="post">
        <input type="hidden" name="intent" value="sign-out-everywhere" />
        <button type="submit" className="button">
          {t("account.signOutEverywhere")}
        </button>
      </Form>
    </>
  );
}
