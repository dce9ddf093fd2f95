import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { requireCentrePermission } from "~/auth/guards.server";
import { RESIDENT_REFUSALS, translateMessage } from "~/lib/messages";
import {
  finishCompanionRequest,
  listCompanionRequests,
  takeCompanionRequest,
} from "~/domain/residents/companions.server";
import { formatDayTimeRange, formatShortDate } from "~/i18n/format";
import { pageTitle } from "~/i18n/meta";
import { useLocale, useT } from "~/i18n/react";
import type { Key } from "~/i18n/translate";
import { answerForm, formMessage } from "~/lib/form-action.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "agenda.manage.companionsTitle");

const RESULTS = ["taken", "done", "released"] as const;

/** Requests for company the first time: hosts and managers take them and mark them done. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { centre } = await requireCentrePermission(request, params.slug, "attendance.record");
  const url = new URL(request.url);
  const result = RESULTS.find((value) => value === url.searchParams.get("result")) ?? null;
  const requests = await listCompanionRequests(centre.id);
  const about = requests.find((item) => item.id === url.searchParams.get("request"));
  return {
    centre: { slug: centre.slug, name: centre.name, timeZone: centre.timeZone },
    requests,
    result: result && about ? { kind: result, name: about.name, hasEmail: Boolean(about.email) } : null,
  };
}

const actionSchema = z.object({ intent: z.enum(["take", "done", "release"]), requestId: z.uuid() });

export async function action({ request, params }: ActionFunctionArgs) {
  const { centre, user } = await requireCentrePermission(request, params.slug, "attendance.record");
  return answerForm(await request.formData(), {
    schema: actionSchema,
    work: async ({ intent, requestId }) => {
      if (intent === "take") await takeCompanionRequest(centre.id, requestId, { id: user.id, name: user.name });
      else await finishCompanionRequest(centre.id, requestId, user.id, intent);
    },
    done: (_done, { intent, requestId }) => {
      const result = intent === "take" ? "taken" : intent === "done" ? "done" : "released";
      return redirect(`/manage/${centre.slug}/companions?result=${result}&request=${requestId}`);
    },
    words: { ...RESIDENT_REFUSALS, "not-found": { key: "agenda.error.requestNotFound" } },
    back: (reply, init) => data({ error: (formMessage(reply) ?? "agenda.error.requestNotFound") as Key }, init),
  });
}

type RequestView = Awaited<ReturnType<typeof loader>>["requests"][number];

export default function CompanionRequests() {
  const { centre, requests, result } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const open = requests.filter((item) => item.status === "OPEN");
  const taken = requests.filter((item) => item.status === "TAKEN");
  const done = requests.filter((item) => item.status === "DONE");
  return (
    <>
      <h1>{t("agenda.manage.companionsTitle")}</h1>
      <p>{t("agenda.manage.companionsIntro")}</p>
      {actionData?.error ? (
        <p role="alert" className="card border-red-700 font-bold text-red-800">
          {translateMessage(t, actionData.error)}
        </p>
      ) : null}
      {result ? (
        <p role="status" className="card bg-brand-50 font-bold">
          {result.kind === "taken" ? (
            <>
              {t("agenda.manage.takenMessage", { name: result.name })}{" "}
              {result.hasEmail
                ? t("agenda.manage.takenEmailed", { name: result.name })
                : t("agenda.manage.takenCall", { name: result.name })}
            </>
          ) : result.kind === "done" ? (
            t("agenda.manage.doneMessage")
          ) : (
            t("agenda.manage.releasedMessage")
          )}
        </p>
      ) : null}

      <h2>{t("agenda.manage.open")}</h2>
      {open.length === 0 ? <p>{t("agenda.manage.noOpen")}</p> : <RequestList items={open} timeZone={centre.timeZone} />}
      <h2>{t("agenda.manage.taken")}</h2>
      {taken.length === 0 ? (
        <p>{t("agenda.manage.noTaken")}</p>
      ) : (
        <RequestList items={taken} timeZone={centre.timeZone} />
      )}
      <h2>{t("agenda.manage.done")}</h2>
      {done.length === 0 ? <p>{t("agenda.manage.noDone")}</p> : <RequestList items={done} timeZone={centre.timeZone} />}
    </>
  );
}

function RequestList({ items, timeZone }: { items: RequestView[]; timeZone: string }) {
  const t = useT();
  const locale = useLocale();
  return (
    <ul className="m-0 grid list-none gap-3 p-0">
      {items.map((item) => (
        <li key={item.id} className="card">
          <article aria-labelledby={`request-${item.id}`}>
            <h3 id={`request-${item.id}`} className="mt-0 mb-1">
              {item.name}
            </h3>
            <p className="m-0">{t("agenda.manage.requestFor", { title: item.activity.title })}</p>
            <p className="m-0 first-letter:uppercase">
              {item.date
                ? formatDayTimeRange(new Date(item.date.startsAt), new Date(item.date.endsAt), timeZone, locale)
                : t("agenda.manage.dateUnknown")}
            </p>
            <p className="m-0">
              <span className="font-bold">{t("agenda.manage.contact")}:</span>{" "}
              {item.phone ? <a href={`tel:${item.phone.replace(/[^+\d]/g, "")}`}>{item.phone}</a> : null}
              {item.phone && item.email ? " · " : null}
              {item.email ? (
                <a href={`mailto:${item.email}`} className="break-all">
                  {item.email}
                </a>
              ) : null}
            </p>
            {item.message ? (
              <p className="m-0">
                <span className="font-bold">{t("agenda.manage.message")}:</span> {item.message}
              </p>
            ) : null}
            <p className="m-0 text-muted">
              {t("agenda.manage.askedAt", { date: formatShortDate(new Date(item.createdAt), timeZone, locale) })}
              {item.takenBy ? <> · {t("agenda.manage.takenBy", { name: item.takenBy.name })}</> : null}
            </p>
            {item.status !== "DONE" ? (
              <Form method="post" className="mt-3 flex flex-wrap gap-3">
                <input type="hidden" name="requestId" value={item.id} />
                {item.status === "OPEN" ? (
                  <button type="submit" name="intent" value="take" className="button">
                    {t("agenda.manage.take")}
                  </button>
                ) : (
                  <>
                    <button type="submit" name="intent" value="done" className="button">
                      {t("agenda.manage.markDone")}
                    </button>
                    <button type="submit" name="intent" value="release" className="button-secondary">
                      {t("agenda.manage.release")}
                    </button>
                  </>
                )}
              </Form>
            ) : null}
          </article>
        </li>
      ))}
    </ul>
  );
}
