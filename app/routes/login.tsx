import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { signInSchema } from "~/auth/schemas";
import { safeRedirect } from "~/auth/redirects";
import { requestSignInLink } from "~/auth/sign-in-links.server";
import { ResidentFormErrors } from "~/components/agenda";
import { TextField } from "~/components/form-field";
import { env } from "~/env.server";
import { runInBackground } from "~/lib/background.server";
import { clientAddress, retryAfterHeaders } from "~/lib/rate-limits.server";
import { getLocale } from "~/i18n/locale.server";
import { useT } from "~/i18n/react";
import { pageTitle } from "~/i18n/meta";
import { answerForm } from "~/lib/form-action.server";

export const headers = retryAfterHeaders;

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "signIn.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  return {
    sent: url.searchParams.get("sent") === "1",
    signedOutEverywhere: url.searchParams.get("signedOut") === "everywhere",
    redirectTo: safeRedirect(url.searchParams.get("redirectTo"), ""),
    devTools: env().devTools,
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  return answerForm(await request.formData(), {
    schema: signInSchema,
    limits: () => [{ limit: "signInPerClient", key: clientAddress(context) }],
    work: async (value) => {
      const redirectTo = safeRedirect(value.redirectTo, "");
      const input = { email: value.email, locale: await getLocale(request), redirectTo: redirectTo || undefined };
      // After the answer: looking the address up and writing the email must not make the answer
      // slower for an address that has an account.
      runInBackground("sign-in-link", () => requestSignInLink(input));
    },
    done: () => redirect("/login?sent=1"),
  });
}

export default function SignInPage() {
  const { sent, signedOutEverywhere, redirectTo, devTools } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const t = useT();
  const [form, fields] = useForm({
    lastResult,
    shouldValidate: "onBlur",
    // a corrected field loses its message while typing, so the button does not move under the pointer
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: signInSchema }),
  });

  if (sent) {
    return (
      <>
        <h1>{t("signIn.sentTitle")}</h1>
        <p role="status">{t("signIn.sent")}</p>
        {devTools ? (
          <p>
            <Link to="/dev/mailbox">{t("signIn.devMailbox")}</Link>
          </p>
        ) : null}
      </>
    );
  }

  return (
    <>
      <h1>{t("signIn.title")}</h1>
      {signedOutEverywhere ? (
        <p role="status" className="card bg-brand-50">
          {t("account.signedOutEverywhere")}
        </p>
      ) : null}
      <p>{t("signIn.intro")}</p>
      <Form method="post" {...getFormProps(form)} className="grid max-w-md gap-4">
        <ResidentFormErrors id={form.errorId} errors={form.errors} />
        <input type="hidden" name="redirectTo" value={redirectTo} />
        <TextField meta={fields.email} label={t("signIn.email")} type="email" autoComplete="email" />
        <div>
          <button type="submit" className="button">
            {t("signIn.submit")}
          </button>
        </div>
      </Form>
    </>
  );
}
