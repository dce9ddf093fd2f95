import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { startSession } from "~/auth/session.server";
import { findCentreBySlug } from "~/domain/centre/centres.server";
import { confirmRegistration, pendingRegistration } from "~/domain/workspace/organisations.server";
import { pageTitle } from "~/i18n/meta";
import { useT } from "~/i18n/react";
import type { Key } from "~/i18n/translate";
import { answerForm, formMessage } from "~/lib/form-action.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "booking.register.confirmTitle");

async function centreFor(slug: string | undefined) {
  const centre = await findCentreBySlug(slug ?? "");
  if (!centre) throw new Response("Not found", { status: 404 });
  return centre;
}

/**
 * The link in the registration email opens this page; confirming takes one press of a button.
 * A plain GET never uses up the link, so mail scanners that open links cannot spoil it.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const centre = await centreFor(params.slug);
  const token = new URL(request.url).searchParams.get("token") ?? "";
  const pending = await pendingRegistration(centre.id, token);
  return { centreSlug: centre.slug, token, organisation: pending?.name ?? null };
}

const confirmSchema = z.object({ token: z.string().min(1).max(200) });

export async function action({ request, params }: ActionFunctionArgs) {
  const centre = await centreFor(params.slug);
  const invalid = () => data({ problem: "booking.register.confirmInvalid" as Key }, { status: 410 });
  return answerForm(await request.formData(), {
    schema: confirmSchema,
    work: ({ token }) => confirmRegistration(centre.id, token),
    done: async (confirmed) =>
      confirmed ? await startSession(confirmed.userId, `/centres/${centre.slug}/book`, request) : invalid(),
    words: { "organisation-name-taken": { key: "booking.errors.nameTaken" } },
    back: (reply, init) => (init.status === 400 ? invalid() : data({ problem: formMessage(reply) as Key }, init)),
  });
}

export default function ConfirmRegistration() {
  const { centreSlug, token, organisation } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const t = useT();
  if (result?.problem || !organisation) {
    return (
      <>
        <h1>{t("booking.register.confirmTitle")}</h1>
        <p role="alert">{t(result?.problem ?? "booking.register.confirmInvalid")}</p>
        <p>
          <Link to={`/centres/${centreSlug}/register`}>{t("booking.register.registerAgain")}</Link>
        </p>
      </>
    );
  }
  return (
    <>
      <h1>{t("booking.register.confirmTitle")}</h1>
      <p>{t("booking.register.confirmIntro", { organisation })}</p>
      <Form method="post">
        <input type="hidden" name="token" value={token} />
        <button type="submit" className="button">
          {t("booking.register.confirmSubmit")}
        </button>
      </Form>
    </>
  );
}
