import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { requireCentrePermission } from "~/auth/guards.server";
import { can } from "~/auth/permissions";
import { TextField } from "~/components/form-field";
import { FormProblems } from "~/components/workspace";
import { attendanceDay, recordAttendance, setHostDuty } from "~/domain/workspace/attendance.server";
import { MAX_HEADCOUNT } from "~/domain/workspace/constants";
import { addDays } from "~/domain/workspace/planner";
import { listTeam } from "~/domain/centre/team.server";
import { localDateAt, startOfLocalDay } from "~/domain/time/time-zone";
import { formatDay, formatTimeRange } from "~/i18n/format";
import { pageTitle } from "~/i18n/meta";
import { useLocale, useT } from "~/i18n/react";
import { dateParam, orRefusalPage } from "~/lib/workspace-route.server";
import { clock } from "~/lib/clock";
import { answerForm } from "~/lib/form-action.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "workspace.attendance.title");

const blankToUndefined = (value: unknown) => (value === "" || value === null ? undefined : value);

const recordSchema = z
  .object({
    intent: z.literal("record"),
    occurrenceId: z.uuid(),
    headcount: z.preprocess(
      blankToUndefined,
      z.coerce
        .number({ error: "workspace.attendance.headcountInvalid" })
        .int({ error: "workspace.attendance.headcountInvalid" })
        .min(0, { error: "workspace.attendance.headcountInvalid" })
        .max(MAX_HEADCOUNT, { error: "workspace.attendance.headcountInvalid" }),
    ),
    firstTimeCount: z.preprocess(
      (value) => blankToUndefined(value) ?? 0,
      z.coerce
        .number({ error: "workspace.attendance.firstTimeInvalid" })
        .int({ error: "workspace.attendance.firstTimeInvalid" })
        .min(0, { error: "workspace.attendance.firstTimeInvalid" }),
    ),
  })
  .refine((value) => value.firstTimeCount <= value.headcount, {
    path: ["firstTimeCount"],
    error: "workspace.attendance.firstTimeTooMany",
  });

const hostSchema = z.object({
  intent: z.enum(["host-take", "host-release", "host-assign"]),
  occurrenceId: z.uuid(),
  userId: z.union([z.uuid(), z.literal("")]).optional(),
});

/** Today's activities for the host on duty: a headcount in two taps; managers pick another day to correct. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { centre, user, role } = await requireCentrePermission(request, params.slug, "attendance.record");
  const mayCorrect = can({ installationRole: user.installationRole, role }, "attendance.correct");
  const url = new URL(request.url);
  const today = localDateAt(clock.now(), centre.timeZone);
  const asked = dateParam(url.searchParams.get("date"));
  const date = mayCorrect && asked && asked <= today ? asked : today;
  const [dates, team] = await Promise.all([
    attendanceDay(centre.id, date),
    mayCorrect ? listTeam(centre.id) : Promise.resolve([]),
  ]);
  return {
    centre: { slug: centre.slug, name: centre.name, timeZone: centre.timeZone },
    date,
    today,
    previous: addDays(date, -1),
    next: date < today ? addDays(date, 1) : null,
    mayCorrect,
    me: user.id,
    dates,
    team: team.map((member) => ({ id: member.user.id, name: member.user.name })),
    saved: url.searchParams.get("saved"),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { centre, user, role, actor } = await requireCentrePermission(request, params.slug, "attendance.record");
  const mayCorrect = can({ installationRole: user.installationRole, role }, "attendance.correct");
  const formData = await request.formData();
  const date = formData.get("date");
  const onDate = typeof date === "string" && dateParam(date) ? `date=${date}` : "";
  const toDay = (query: string) => redirect(`/manage/${centre.slug}/attendance?${query}`);
  if (String(formData.get("intent")).startsWith("host-")) {
    return answerForm(formData, {
      schema: hostSchema,
      work: ({ intent, occurrenceId, userId }) => {
        if (intent === "host-assign" && !mayCorrect) throw new Response("Forbidden", { status: 403 });
        return orRefusalPage(
          setHostDuty(actor, {
            occurrenceId,
            userId: intent === "host-release" ? null : intent === "host-assign" ? userId || null : user.id,
          }),
        );
      },
      done: () => toDay(onDate),
      // buttons, not a form to go back to: a form that does not read is a bad request
      back: () => {
        throw new Response("Bad request", { status: 400 });
      },
    });
  }
  return answerForm(formData, {
    schema: recordSchema,
    work: (value) => recordAttendance({ ...actor, mayCorrect }, value),
    done: (_recorded, { occurrenceId }) =>
      toDay(`saved=${occurrenceId}${onDate ? `&${onDate}` : ""}#date-${occurrenceId}`),
    refusalFields: {
      "attendance-first-time-too-many": "firstTimeCount",
      "attendance-headcount-invalid": "headcount",
    },
    back: (result, init) => data({ occurrenceId: String(formData.get("occurrenceId")), result }, init),
  });
}

type DateView = Awaited<ReturnType<typeof loader>>["dates"][number];

export default function Attendance() {
  const { centre, date, today, previous, next, mayCorrect, dates } = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  return (
    <>
      <h1>{t("workspace.attendance.title")}</h1>
      <p className="text-lg first-letter:uppercase">
        {formatDay(startOfLocalDay(date, centre.timeZone), centre.timeZone, locale)}
        {date === today ? ` (${t("workspace.planner.today")})` : null}
      </p>
      <p>{t("workspace.attendance.intro")}</p>
      {mayCorrect ? (
        <nav aria-label={t("workspace.attendance.otherDays")} className="my-3 flex flex-wrap gap-3">
          <Link className="button-secondary" to={`?date=${previous}`}>
            {t("workspace.attendance.dayBefore")}
          </Link>
          {next ? (
            <Link className="button-secondary" to={`?date=${next}`}>
              {t("workspace.attendance.dayAfter")}
            </Link>
          ) : null}
          {date !== today ? (
            <Link className="button-secondary" to="?">
              {t("workspace.planner.today")}
            </Link>
          ) : null}
        </nav>
      ) : null}
      {dates.length === 0 ? <p>{t("workspace.attendance.nothing")}</p> : null}
      <ul className="m-0 grid list-none gap-4 p-0">
        {dates.map((item) => (
          <li key={item.occurrenceId}>
            <DateCard item={item} />
          </li>
        ))}
      </ul>
    </>
  );
}

function DateCard({ item }: { item: DateView }) {
  const { centre, date, mayCorrect, me, team, saved } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const locale = useLocale();
  const mine =
    actionData && "occurrenceId" in actionData && actionData.occurrenceId === item.occurrenceId
      ? actionData.result
      : undefined;
  const [form, fields] = useForm({
    id: `attendance-${item.occurrenceId}`,
    lastResult: mine,
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: recordSchema }),
    defaultValue: {
      headcount: String(item.attendance?.headcount ?? item.lastHeadcount ?? item.signedUp ?? 0),
      firstTimeCount: String(item.attendance?.firstTimeCount ?? 0),
    },
  });
  const headingId = `date-${item.occurrenceId}`;
  return (
    <article aria-labelledby={headingId} className="card">
      <h2 id={headingId} className="mt-0 mb-1 text-xl">
        {item.title}
      </h2>
      <p className="m-0">
        {formatTimeRange(new Date(item.startsAt), new Date(item.endsAt), centre.timeZone, locale)} · {item.room} ·{" "}
        {t(`activityKind.${item.kind}`)}
      </p>
      <p className="m-0 text-muted">
        {item.host
          ? t("workspace.attendance.opensUp", { name: item.host.name })
          : t("workspace.attendance.nobodyOpens")}
        {item.kind === "SIGN_UP" ? ` · ${t("workspace.attendance.signedUp", { count: item.signedUp })}` : null}
      </p>
      {saved === item.occurrenceId ? (
        <p role="status" className="m-0 mt-2 font-bold text-brand-800">
          {t("workspace.attendance.saved")}
        </p>
      ) : item.attendance ? (
        <p className="m-0 mt-2">
          {t("workspace.attendance.recorded", {
            headcount: item.attendance.headcount,
            firstTime: item.attendance.firstTimeCount,
            name: item.attendance.recordedBy ?? "?",
          })}
        </p>
      ) : null}
      <Form method="post" {...getFormProps(form)} className="mt-3">
        <input type="hidden" name="intent" value="record" />
        <input type="hidden" name="occurrenceId" value={item.occurrenceId} />
        <input type="hidden" name="date" value={date} />
        <FormProblems id={form.errorId} errors={form.errors} />
        <div className="flex flex-wrap items-end gap-3">
          <TextField
            meta={fields.headcount}
            label={t("workspace.attendance.headcount")}
            type="number"
            inputMode="numeric"
            min={0}
            className="w-36"
          />
          <TextField
            meta={fields.firstTimeCount}
            label={t("workspace.attendance.firstTime")}
            type="number"
            inputMode="numeric"
            min={0}
            className="w-36"
          />
          <button type="submit" className="button min-h-12 px-6 text-lg">
            {item.attendance ? t("workspace.attendance.update") : t("workspace.attendance.save")}
          </button>
        </div>
      </Form>
      <div className="mt-3 flex flex-wrap items-end gap-3">
        <Form method="post">
          <input type="hidden" name="occurrenceId" value={item.occurrenceId} />
          <input type="hidden" name="date" value={date} />
          {item.host?.id === me ? (
            <button type="submit" name="intent" value="host-release" className="button-secondary">
              {t("workspace.attendance.iDoNotOpen")}
            </button>
          ) : !item.host ? (
            <button type="submit" name="intent" value="host-take" className="button-secondary">
              {t("workspace.attendance.iOpen")}
            </button>
          ) : null}
        </Form>
        {mayCorrect ? (
          <Form method="post" className="flex flex-wrap items-end gap-2">
            <input type="hidden" name="occurrenceId" value={item.occurrenceId} />
            <input type="hidden" name="date" value={date} />
            <div>
              <label htmlFor={`host-${item.occurrenceId}`} className="field-label">
                {t("workspace.attendance.whoOpens")}
              </label>
              <select
                id={`host-${item.occurrenceId}`}
                name="userId"
                defaultValue={item.host?.id ?? ""}
                className="field-input"
              >
                <option value="">{t("workspace.attendance.chooseSomeone")}</option>
                {team.map((member) => (
                  <option key={member.id} value={member.id}>
                    {member.name}
                  </option>
                ))}
              </select>
            </div>
            <button type="submit" name="intent" value="host-assign" className="button-secondary">
              {t("workspace.attendance.assign")}
            </button>
          </Form>
        ) : null}
      </div>
    </article>
  );
}
