import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { requireCentrePermission } from "~/auth/guards.server";
import { can } from "~/auth/permissions";
import { Done, FormProblems } from "~/components/workspace";
import { answerForm, formMessage } from "~/lib/form-action.server";
import { cancelDatesInClosure, closureWithHits, deleteClosure } from "~/domain/centre/closures.server";
import { assertOfCentre } from "~/domain/shared/ownership.server";
import { startOfLocalDay } from "~/domain/time/time-zone";
import { formatShortDate, formatTimeRange } from "~/i18n/format";
import { pageTitle } from "~/i18n/meta";
import { useLocale, useT } from "~/i18n/react";
import { idParam, orNotFound } from "~/lib/workspace-route.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "workspace.closures.oneTitle");

const actionSchema = z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal("cancel-dates"),
    occurrenceId: z.array(z.uuid()).default([]),
    notify: z.literal("on").optional(),
  }),
  z.object({ intent: z.literal("delete") }),
]);

/** One closure and the dates still planned in it: cancel them and tell the contacts, or move them one by one. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { centre, user, role } = await requireCentrePermission(request, params.slug, "centre.read");
  const found = await orNotFound(closureWithHits(centre.id, idParam(params.closureId)));
  const url = new URL(request.url);
  return {
    centre: { slug: centre.slug, name: centre.name, timeZone: centre.timeZone },
    closure: {
      id: found.closure.id,
      reason: found.closure.reason,
      startDate: found.closure.startDate,
      endDate: found.closure.endDate,
      room: found.closure.room?.name ?? null,
    },
    hits: found.hits,
    isNew: url.searchParams.get("new") === "1",
    done: url.searchParams.get("cancelled"),
    emails: url.searchParams.get("emails"),
    canEdit: can({ installationRole: user.installationRole, role }, "settings.edit"),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { centre, actor } = await requireCentrePermission(request, params.slug, "settings.edit");
  const closureId = idParam(params.closureId);
  await orNotFound(assertOfCentre(centre.id, "closure", closureId));
  return answerForm(await request.formData(), {
    schema: actionSchema,
    work: async (value) =>
      value.intent === "delete"
        ? (await deleteClosure(actor, closureId), null)
        : cancelDatesInClosure(actor, { closureId, occurrenceIds: value.occurrenceId, notify: value.notify === "on" }),
    done: (result) =>
      redirect(
        result
          ? `/manage/${centre.slug}/closures/${closureId}?cancelled=${result.cancelled}&emails=${result.emails}`
          : `/manage/${centre.slug}/closures`,
      ),
    back: (reply, init) => data({ error: formMessage(reply) ?? "workspace.refusal.generic" }, init),
  });
}

export default function ClosurePage() {
  const { centre, closure, hits, isNew, done, emails, canEdit } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const locale = useLocale();
  const tz = centre.timeZone;
  const say = (date: string) => formatShortDate(startOfLocalDay(date, tz), tz, locale);
  return (
    <>
      <p className="m-0">
        <Link to={`/manage/${centre.slug}/closures`}>{t("workspace.closures.back")}</Link>
      </p>
      <h1>{t("workspace.closures.heading", { reason: closure.reason })}</h1>
      <p>
        {say(closure.startDate)} – {say(closure.endDate)} · {closure.room ?? t("workspace.closures.wholeCentre")}
      </p>
      {isNew ? <Done>{t("workspace.closures.added")}</Done> : null}
      {done ? (
        <Done>{t("workspace.closures.cancelledDone", { count: Number(done), emails: Number(emails ?? 0) })}</Done>
      ) : null}
      <FormProblems errors={actionData?.error ? [actionData.error] : undefined} />

      <h2>{t("workspace.closures.hitsTitle", { count: hits.length })}</h2>
      {hits.length === 0 ? (
        <p>{t("workspace.closures.noHits")}</p>
      ) : (
        <Form method="post" className="grid gap-4">
          <p className="m-0">{t("workspace.closures.hitsIntro")}</p>
          <fieldset>
            <legend className="sr-only">{t("workspace.closures.hitsTitle", { count: hits.length })}</legend>
            <ul className="m-0 grid list-none gap-2 p-0">
              {hits.map((hit) => (
                <li key={hit.occurrenceId} className="card flex items-start gap-3">
                  {canEdit ? (
                    <input
                      type="checkbox"
                      id={`hit-${hit.occurrenceId}`}
                      name="occurrenceId"
                      value={hit.occurrenceId}
                      defaultChecked
                      className="mt-1 h-6 w-6 shrink-0"
                    />
                  ) : null}
                  <div>
                    {canEdit ? (
                      <label htmlFor={`hit-${hit.occurrenceId}`} className="font-bold">
                        {formatShortDate(new Date(hit.startsAt), tz, locale)}{" "}
                        {formatTimeRange(new Date(hit.startsAt), new Date(hit.endsAt), tz, locale)} · {hit.title}
                      </label>
                    ) : (
                      <p className="m-0 font-bold">
                        {formatShortDate(new Date(hit.startsAt), tz, locale)}{" "}
                        {formatTimeRange(new Date(hit.startsAt), new Date(hit.endsAt), tz, locale)} · {hit.title}
                      </p>
                    )}
                    <p className="m-0">
                      {hit.room} · {hit.organisation.name} · {hit.organisation.contactName}
                      {hit.organisation.contactPhone ? ` · ${hit.organisation.contactPhone}` : null}
                      {hit.organisation.contactEmail
                        ? ` · ${hit.organisation.contactEmail}`
                        : ` · ${t("workspace.booking.noEmail")}`}
                    </p>
                    <p className="m-0">
                      <Link
                        to={`/manage/${centre.slug}/bookings/${hit.bookingId}?date=${hit.occurrenceId}&do=move#change`}
                      >
                        {t("workspace.closures.moveInstead")}
                      </Link>
                    </p>
                  </div>
                </li>
              ))}
            </ul>
          </fieldset>
          {canEdit ? (
            <>
              <div className="flex items-start gap-3">
                <input type="checkbox" id="notify" name="notify" defaultChecked className="mt-1 h-6 w-6" />
                <label htmlFor="notify" className="font-bold">
                  {t("workspace.closures.notify")}
                </label>
              </div>
              <div>
                <button type="submit" name="intent" value="cancel-dates" className="button">
                  {t("workspace.closures.cancelDates")}
                </button>
              </div>
            </>
          ) : null}
        </Form>
      )}
      {canEdit ? (
        <Form method="post" className="mt-8">
          <button type="submit" name="intent" value="delete" className="button-secondary">
            {t("workspace.closures.delete")}
          </button>
        </Form>
      ) : null}
    </>
  );
}
