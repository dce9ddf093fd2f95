import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { requireCentrePermission } from "~/auth/guards.server";
import { can } from "~/auth/permissions";
import { SelectField, SubmissionKey, TextField } from "~/components/form-field";
import { FormProblems } from "~/components/workspace";
import { answerForm, newSubmissionKey } from "~/lib/form-action.server";
import { createClosure, listClosures } from "~/domain/centre/closures.server";
import { submissionKeyField } from "~/domain/shared/submission-key";
import { clock } from "~/lib/clock";
import { listRooms } from "~/domain/centre/rooms.server";
import { startOfLocalDay } from "~/domain/time/time-zone";
import { formatShortDate } from "~/i18n/format";
import { pageTitle } from "~/i18n/meta";
import { useLocale, useT } from "~/i18n/react";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "workspace.closures.title");

const day = z.string({ error: "booking.errors.date" }).regex(/^\d{4}-\d{2}-\d{2}$/, { error: "booking.errors.date" });
const closureSchema = z
  .object({
    roomId: z.union([z.uuid(), z.literal("")]).default(""),
    startDate: day,
    endDate: day,
    reason: z
      .string({ error: "workspace.closures.reasonRequired" })
      .trim()
      .min(2, { error: "workspace.closures.reasonRequired" })
      .max(200),
    submissionKey: submissionKeyField,
  })
  .refine((value) => value.endDate >= value.startDate, {
    path: ["endDate"],
    error: "workspace.closures.endBeforeStart",
  });

/** Holidays and maintenance: the centre (or a room) is closed; a new one shows the bookings it hits. */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { centre, user, role } = await requireCentrePermission(request, params.slug, "centre.read");
  const [closures, rooms] = await Promise.all([listClosures(centre.id), listRooms(centre.id)]);
  return {
    centre: { slug: centre.slug, name: centre.name, timeZone: centre.timeZone },
    closures,
    rooms: rooms.filter((room) => room.active).map((room) => ({ id: room.id, name: room.name })),
    canEdit: can({ installationRole: user.installationRole, role }, "settings.edit"),
    submissionKey: newSubmissionKey(context),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { centre, actor } = await requireCentrePermission(request, params.slug, "settings.edit");
  const closurePage = (closureId: string) => redirect(`/manage/${centre.slug}/closures/${closureId}?new=1`);
  return answerForm(await request.formData(), {
    schema: closureSchema,
    work: (value) =>
      createClosure(actor, { ...value, roomId: value.roomId || null }, clock.now(), {
        key: value.submissionKey,
        centreId: centre.id,
        kind: "closure",
      }),
    done: ({ closure }) => closurePage(closure.id),
    // The same form sent twice: the closure was made by the first one.
    again: (closureId) => (closureId ? closurePage(closureId) : undefined),
    refusalFields: {
      "closure-end-before-start": "endDate",
      "closure-too-long": "endDate",
      "closure-start-invalid": "startDate",
      "closure-end-invalid": "endDate",
      "closure-reason-missing": "reason",
    },
    // a room that is not this centre's
    words: { "not-found": { key: "workspace.form.roomRequired", field: "roomId" } },
  });
}

export default function Closures() {
  const { centre, closures, rooms, canEdit, submissionKey } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const t = useT();
  const locale = useLocale();
  const [form, fields] = useForm({
    id: "new-closure",
    lastResult,
    defaultValue: { submissionKey },
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: closureSchema }),
  });
  const say = (date: string) => formatShortDate(startOfLocalDay(date, centre.timeZone), centre.timeZone, locale);
  return (
    <>
      <h1>{t("workspace.closures.title")}</h1>
      <p>{t("workspace.closures.intro")}</p>
      {closures.length === 0 ? <p>{t("workspace.closures.none")}</p> : null}
      <ul className="m-0 grid list-none gap-3 p-0">
        {closures.map((closure) => (
          <li key={closure.id} className="card">
            <h2 className="m-0 text-lg">
              <Link to={`/manage/${centre.slug}/closures/${closure.id}`}>{closure.reason}</Link>
            </h2>
            <p className="m-0">
              {say(closure.startDate)} – {say(closure.endDate)} · {closure.room ?? t("workspace.closures.wholeCentre")}
            </p>
            {closure.hits > 0 ? (
              <p className="m-0 font-bold text-red-800">
                {t("workspace.closures.stillPlanned", { count: closure.hits })}
              </p>
            ) : null}
          </li>
        ))}
      </ul>
      {canEdit ? (
        <section aria-labelledby="new-closure-title" className="mt-6">
          <h2 id="new-closure-title">{t("workspace.closures.new")}</h2>
          <Form method="post" {...getFormProps(form)} className="grid max-w-xl gap-4">
            <FormProblems id={form.errorId} errors={form.errors} />
            <SubmissionKey meta={fields.submissionKey} />
            <SelectField
              meta={fields.roomId}
              label={t("workspace.closures.where")}
              options={[
                { value: "", label: t("workspace.closures.wholeCentre") },
                ...rooms.map((room) => ({ value: room.id, label: room.name })),
              ]}
            />
            <div className="flex flex-wrap gap-4">
              <TextField meta={fields.startDate} label={t("workspace.closures.firstDay")} type="date" />
              <TextField meta={fields.endDate} label={t("workspace.closures.lastDay")} type="date" />
            </div>
            <TextField
              meta={fields.reason}
              label={t("workspace.closures.reason")}
              hint={t("workspace.closures.reasonHint")}
            />
            <div>
              <button type="submit" className="button">
                {t("workspace.closures.add")}
              </button>
            </div>
          </Form>
        </section>
      ) : null}
    </>
  );
}
