import type { MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Fragment } from "react";
import { latestEmails } from "~/email/mailbox.server";
import { env } from "~/env.server";
import { useT } from "~/i18n/react";
import { pageTitle } from "~/i18n/meta";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "mailbox.title");

/** Shows the outbox when no SMTP server is set up. Not found in production. */
export async function loader() {
  if (!env().devTools) throw new Response("Not found", { status: 404 });
  return { emails: await latestEmails() };
}

/** Makes the addresses in a plain-text email clickable. */
function TextWithLinks({ text }: { text: string }) {
  const parts = text.split(/(https?:\/\/\S+)/g);
  return (
    <>
      {parts.map((part, index) =>
        /^https?:\/\//.test(part) ? (
          <a key={index} href={part}>
            {part}
          </a>
        ) : (
          <Fragment key={index}>{part}</Fragment>
        ),
      )}
    </>
  );
}

export default function Mailbox() {
  const { emails } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <>
      <h1>{t("mailbox.title")}</h1>
      <p>{t("mailbox.intro")}</p>
      {emails.length === 0 ? <p>{t("mailbox.empty")}</p> : null}
      <ol className="m-0 grid list-none gap-4 p-0">
        {emails.map((email) => (
          <li key={email.id} className="card">
            <article aria-label={email.subject} data-email-id={email.id}>
              <h2 className="mt-0 text-lg">{email.subject}</h2>
              <p className="text-muted">
                {t("mailbox.to")}: {email.toAddress} · {t("mailbox.sentAt")}: {new Date(email.createdAt).toISOString()}
              </p>
              <pre className="whitespace-pre-wrap break-words font-sans">
                <TextWithLinks text={email.textBody} />
              </pre>
            </article>
          </li>
        ))}
      </ol>
    </>
  );
}
