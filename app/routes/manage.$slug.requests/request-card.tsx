import type { action, loader } from "./data.server";
import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { TextArea } from "~/components/form-field";
import { FormProblems, Money, ScrollArea, TierBadge } from "~/components/workspace";
import type { RequestSummary } from "~/domain/bookings/request-queue.server";
import { formatShortDate, formatTimeRange } from "~/i18n/format";
import { useLocale, useT } from "~/i18n/react";
import type { Key } from "~/i18n/translate";
import { decisionSchema } from "./schema";

export function RequestCard({ request, competitors }: { request: RequestSummary; competitors: RequestSummary[] }) {
  const { centre, canDecide } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const locale = useLocale();
  const tz = centre.timeZone;
  const mine = actionData?.bookingId === request.id ? actionData.result : undefined;
  const [form, fields] = useForm({
    id: `decline-${request.id}`,
    lastResult: mine,
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: decisionSchema }),
  });
  const first = request.firstDates[0];
  const headingId = `request-${request.id}`;
  const when = (date: { startsAt: string | Date; endsAt: string | Date }) =>
    `${formatShortDate(new Date(date.startsAt), tz, locale)} ${formatTimeRange(new Date(date.startsAt), new Date(date.endsAt), tz, locale)}`;
  const all = [request, ...competitors].sort(
    (a, b) => a.priority - b.priority || new Date(a.createdAt).getTime() - new Date(b.createdAt).getTime(),
  );
  return (
    <article aria-labelledby={headingId} className="card">
      <h2 id={headingId} className="mt-0 mb-1">
        <Link to={`/manage/${centre.slug}/bookings/${request.id}`}>{request.title}</Link>
      </h2>
      <p className="m-0">
        {request.organisation.name} <TierBadge tier={request.tier} />{" "}
        {request.organisation.verified ? (
          t("workspace.requests.verified")
        ) : (
          <strong>{t("workspace.requests.unverified")}</strong>
        )}
      </p>
      <p className="m-0">
        {first ? when(first) : null}
        {request.dateCount > 1 ? ` ${t("workspace.requests.andMore", { count: request.dateCount - 1 })}` : null} ·{" "}
        {request.room} · {t("workspace.requests.people", { count: request.attendees })} ·{" "}
        <Money cents={request.totalInclCents} />
      </p>
      <p className="m-0 text-muted">
        {t("workspace.requests.askedOn", { date: formatShortDate(new Date(request.createdAt), tz, locale) })}
        {request.overdue ? <strong> · {t("workspace.requests.overdue")}</strong> : null}
        {request.bookedOnBehalf ? ` · ${t("workspace.requests.onBehalf")}` : null}
      </p>
      <p className="m-0">
        {request.organisation.contactName}
        {request.organisation.contactPhone ? ` · ${request.organisation.contactPhone}` : null}
        {request.organisation.contactEmail
          ? ` · ${request.organisation.contactEmail}`
          : ` · ${t("workspace.booking.noEmail")}`}
      </p>
      {request.rules.length > 0 ? (
        <p className="m-0">
          <span className="font-bold">{t("workspace.requests.rules")}:</span>{" "}
          {request.rules.map((rule) => t(ruleKey(rule.rule))).join(" · ")}
        </p>
      ) : null}
      {request.notes ? <p className="m-0 whitespace-pre-line">“{request.notes}”</p> : null}

      {competitors.length > 0 ? (
        <ScrollArea label={t("workspace.requests.competing", { count: competitors.length })} className="my-3">
          <table className="w-full border-collapse text-left">
            <caption className="text-left font-bold">
              {t("workspace.requests.competing", { count: competitors.length })}
            </caption>
            <thead>
              <tr className="border-b-2 border-gray-400">
                <th scope="col" className="py-1 pr-3">
                  {t("workspace.requests.colPriority")}
                </th>
                <th scope="col" className="py-1 pr-3">
                  {t("workspace.requests.colWho")}
                </th>
                <th scope="col" className="py-1 pr-3">
                  {t("workspace.requests.colTier")}
                </th>
                <th scope="col" className="py-1 pr-3">
                  {t("workspace.requests.colWhen")}
                </th>
                <th scope="col" className="py-1">
                  {t("workspace.requests.colAsked")}
                </th>
              </tr>
            </thead>
            <tbody>
              {all.map((other) => (
                <tr key={other.id} className={`border-b border-gray-200 ${other.id === request.id ? "font-bold" : ""}`}>
                  <td className="py-1 pr-3">{other.priority}</td>
                  <td className="py-1 pr-3">
                    {other.id === request.id ? (
                      other.organisation.name
                    ) : (
                      <Link to={`#request-${other.id}`}>{other.organisation.name}</Link>
                    )}
                  </td>
                  <td className="py-1 pr-3">
                    <TierBadge tier={other.tier} />
                    {other.organisation.verified ? null : ` ${t("workspace.requests.unverified")}`}
                  </td>
                  <td className="py-1 pr-3">
                    {other.firstDates[0] ? when(other.firstDates[0]) : null} · {other.room}
                  </td>
                  <td className="py-1">{formatShortDate(new Date(other.createdAt), tz, locale)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollArea>
      ) : null}

      {canDecide ? (
        <div className="mt-3 grid gap-3 sm:grid-cols-2">
          <Form method="post">
            <input type="hidden" name="bookingId" value={request.id} />
            <button type="submit" name="intent" value="approve" className="button" aria-describedby={headingId}>
              {t("workspace.requests.approve")}
            </button>
          </Form>
          <Form method="post" {...getFormProps(form)} className="grid gap-2">
            <input type="hidden" name="bookingId" value={request.id} />
            <FormProblems id={form.errorId} errors={form.errors} />
            <TextArea
              meta={fields.reason}
              label={t("workspace.requests.reason")}
              hint={t("workspace.requests.reasonHint")}
              rows={2}
            />
            <div>
              <button
                type="submit"
                name="intent"
                value="decline"
                className="button-secondary"
                aria-describedby={headingId}
              >
                {t("workspace.requests.decline")}
              </button>
            </div>
          </Form>
        </div>
      ) : null}
    </article>
  );
}

const RULES = new Set([
  "approval",
  "share-cap",
  "provisional",
  "unverified-tier",
  "bump",
  "community-hours",
  "booking-horizon",
  "date-in-past",
  "too-many-people",
]);

function ruleKey(rule: string): Key {
  return (RULES.has(rule) ? `workspace.rule.${rule}` : "workspace.rule.other") as Key;
}
