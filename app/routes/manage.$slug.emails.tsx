import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { requireCentrePermission } from "~/auth/guards.server";
import { SettingsNavigation } from "~/components/settings-navigation";
import { Done } from "~/components/workspace";
import { centreEmails } from "~/domain/bookings/notifications.server";
import { retryFailedEmail } from "~/email/delivery.server";
import { formatShortDate, formatTime } from "~/i18n/format";
import { pageTitle } from "~/i18n/meta";
import { useLocale, useT } from "~/i18n/react";
import { answerForm } from "~/lib/form-action.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "workspace.emails.title");

/** What the centre's emails did: sent, waiting, or failed (and can be sent again). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { centre } = await requireCentrePermission(request, params.slug, "bookings.manage");
  return {
    centre: { slug: centre.slug, name: centre.name, timeZone: centre.timeZone },
    emails: await centreEmails(centre.id),
    retried: new URL(request.url).searchParams.get("retried") === "1",
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { centre } = await requireCentrePermission(request, params.slug, "bookings.manage");
  const notFound = () => new Response("Not found", { status: 404 });
  return answerForm(await request.formData(), {
    schema: z.object({ emailId: z.uuid() }),
    work: async ({ emailId }) => {
      if (!(await retryFailedEmail(centre.id, emailId))) throw notFound();
    },
    done: () => redirect(`/manage/${centre.slug}/emails?retried=1`),
    // an email that is not there (or not this centre's, or not failed)
    back: () => {
      throw notFound();
    },
  });
}

export default function Emails() {
  const { centre, emails, retried } = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  const when = (value: string | Date) =>
    `${formatShortDate(new Date(value), centre.timeZone, locale)} ${formatTime(new Date(value), centre.timeZone, locale)}`;
  return (
    <>
      <h1>{t("workspace.emails.title")}</h1>
      <SettingsNavigation slug={centre.slug} current="emails" />
      {retried ? <Done>{t("workspace.emails.retried")}</Done> : null}
      <p>{t("workspace.emails.intro")}</p>
      <h2>{t("workspace.emails.failed", { count: emails.failed.length })}</h2>
      {emails.failed.length === 0 ? <p>{t("workspace.emails.noneFailed")}</p> : null}
      <ul className="m-0 grid list-none gap-3 p-0">
        {emails.failed.map((email) => (
          <li key={email.id} className="card">
            <p className="m-0 font-bold">{email.subject}</p>
            <p className="m-0 break-all">
              {email.to} · {when(email.createdAt)}
            </p>
            <p className="m-0 text-muted">
              {t("workspace.emails.error", { attempts: email.attempts, error: email.lastError ?? "" })}
            </p>
            <Form method="post" className="mt-2">
              <input type="hidden" name="emailId" value={email.id} />
              <button type="submit" className="button-secondary">
                {t("workspace.emails.retry")}
              </button>
            </Form>
          </li>
        ))}
      </ul>
      <h2>{t("workspace.emails.latest")}</h2>
      <ul>
        {emails.latest.map((email) => (
          <li key={email.id}>
            {when(email.createdAt)} · <span className="break-all">{email.to}</span> · {email.subject} ·{" "}
            {t(`workspace.emails.status-${email.status === "SENT" ? "SENT" : "PENDING"}`)}
          </li>
        ))}
      </ul>
    </>
  );
}
