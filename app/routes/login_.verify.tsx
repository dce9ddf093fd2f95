import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { safeRedirect } from "~/auth/redirects";
import { startSession } from "~/auth/session.server";
import { landingPathFor, redeemSignInLink } from "~/auth/sign-in-links.server";
import { useT } from "~/i18n/react";
import { pageTitle } from "~/i18n/meta";
import { answerForm } from "~/lib/form-action.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "signIn.verifyTitle");

/**
 * The link in the email opens this page; signing in takes one press of a button. A plain
 * GET never uses up the link, so mail scanners that open links cannot spoil it.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  return { token: new URL(request.url).searchParams.get("token") ?? "" };
}

const verifySchema = z.object({ token: z.string().min(1).max(200) });

export async function action({ request }: ActionFunctionArgs) {
  return answerForm(await request.formData(), {
    schema: verifySchema,
    work: ({ token }) => redeemSignInLink(token),
    done: async (redeemed) =>
      redeemed
        ? startSession(
            redeemed.userId,
            safeRedirect(redeemed.redirectTo, await landingPathFor(redeemed.userId)),
            request,
          )
        : { invalid: true },
    back: () => ({ invalid: true }),
  });
}

export default function VerifySignIn() {
  const { token } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const t = useT();
  if (result?.invalid || !token) {
    return (
      <>
        <h1>{t("signIn.verifyTitle")}</h1>
        <p role="alert">{t("signIn.linkInvalid")}</p>
        <p>
          <Link to="/login">{t("signIn.requestNew")}</Link>
        </p>
      </>
    );
  }
  return (
    <>
      <h1>{t("signIn.verifyTitle")}</h1>
      <p>{t("signIn.verifyIntro")}</p>
      <Form method="post">
        <input type="hidden" name="token" value={token} />
        <button type="submit" className="button">
          {t("signIn.verifySubmit")}
        </button>
      </Form>
    </>
  );
}
