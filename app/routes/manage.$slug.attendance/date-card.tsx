import { getFormProps, useForm } from "@conform-to/react";
import type { action, loader } from "./data.server";
import { parseWithZod } from "@conform-to/zod/v4";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { TextField } from "~/components/form-field";
import { FormProblems } from "~/components/workspace";
import { formatTimeRange } from "~/i18n/format";
import { useLocale, useT } from "~/i18n/react";
import { recordSchema } from "./schema";

type DateView = Awaited<ReturnType<typeof loader>>["dates"][number];

export function DateCard({ item }: { item: DateView }) {
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
