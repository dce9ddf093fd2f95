import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import type { z } from "zod";
import { requireCentrePermission } from "~/auth/guards.server";
import { CheckboxField, SelectField, TextField } from "~/components/form-field";
import { FormProblems } from "~/components/workspace";
import { SeriesRepeatFields } from "~/components/booking";
import { db } from "~/db/client.server";
import { bookingForManager } from "~/domain/bookings/manager-changes.server";
import { DURATIONS, endOf, repeatOf, seriesChangeSchema } from "~/domain/bookings/series-form";
import { listSpaces } from "~/domain/centre/rooms.server";
import { localDateAt, localDateTimeAt } from "~/domain/time/time-zone";
import { formatShortDate, formatTimeRange } from "~/i18n/format";
import { pageTitle } from "~/i18n/meta";
import { useLocale, useT } from "~/i18n/react";
import { idParam, orNotFound } from "~/lib/workspace-route.server";
import { answerSeriesChange } from "./answers.server";
import { ChangePlan } from "./plan";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "workspace.change.title");

async function load(centreId: string, bookingId: string) {
  const booking = await orNotFound(bookingForManager(centreId, bookingId));
  if (!["CONFIRMED", "PENDING"].includes(booking.status)) throw new Response("Not found", { status: 404 });
  return booking;
}

/** Change a series: this date and the ones after it, or every date from now on; the engine's plan first. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { centre } = await requireCentrePermission(request, params.slug, "bookings.manage");
  const booking = await load(centre.id, idParam(params.bookingId));
  const url = new URL(request.url);
  const upcoming = booking.dates.filter((date) => date.status === "ACTIVE" && !date.past);
  const from = upcoming.find((date) => date.id === url.searchParams.get("from")) ?? upcoming[0];
  const scope = url.searchParams.get("scope") === "following" ? "following" : "all";
  const first = from ? localDateTimeAt(from.startsAt, centre.timeZone) : booking.localStart;
  const last = booking.dates.filter((date) => date.status === "ACTIVE").at(-1);
  const spaces = await listSpaces(db(), centre.id);
  return {
    centre: { slug: centre.slug, name: centre.name, timeZone: centre.timeZone },
    booking: {
      id: booking.id,
      title: booking.title,
      rrule: booking.rrule,
      durationMinutes: booking.durationMinutes,
      room: booking.room,
    },
    upcoming: upcoming.map((date) => ({ id: date.id, startsAt: date.startsAt, endsAt: date.endsAt })),
    spaces: spaces.map((space) => ({ id: space.id, name: space.name })),
    defaults: {
      scope,
      fromOccurrenceId: from?.id,
      date: first.slice(0, 10),
      time: first.slice(11, 16),
      duration: String(booking.durationMinutes),
      roomId: booking.room.id,
      repeat: repeatOf(booking.rrule),
      endBy: endOf(booking.rrule),
      untilDate: last ? localDateAt(last.startsAt, centre.timeZone) : undefined,
    },
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { centre, actor } = await requireCentrePermission(request, params.slug, "bookings.manage");
  const booking = await load(centre.id, idParam(params.bookingId));
  return answerSeriesChange(actor, centre, booking, await request.formData());
}

export default function ChangeSeries() {
  const { centre, booking, upcoming, spaces, defaults } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  // the plan comes with the form; a refused form comes back as it was sent
  const planned = answer && "preview" in answer ? answer : null;
  const t = useT();
  const locale = useLocale();
  const tz = centre.timeZone;
  const [form, fields] = useForm<z.input<typeof seriesChangeSchema>>({
    id: "change-series",
    lastResult: planned ? planned.result : answer,
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: seriesChangeSchema }),
    defaultValue: defaults,
  });
  const preview = planned?.preview ?? null;
  const sayRange = (start: string | Date, end: string | Date) =>
    `${formatShortDate(new Date(start), tz, locale)} ${formatTimeRange(new Date(start), new Date(end), tz, locale)}`;
  return (
    <>
      <p className="m-0">
        <Link to={`/manage/${centre.slug}/bookings/${booking.id}`}>
          {t("workspace.change.back", { title: booking.title })}
        </Link>
      </p>
      <h1>{t("workspace.change.title")}</h1>
      <p>{t("workspace.change.intro")}</p>
      <Form method="post" {...getFormProps(form)} className="grid max-w-2xl gap-4">
        <FormProblems id={form.errorId} errors={form.errors} />
        <fieldset>
          <legend className="field-label">{t("workspace.change.scope")}</legend>
          {(["following", "all"] as const).map((scope) => (
            <div key={scope} className="flex items-start gap-3 py-1">
              <input
                type="radio"
                id={`scope-${scope}`}
                name={fields.scope.name}
                value={scope}
                defaultChecked={(fields.scope.initialValue ?? defaults.scope) === scope}
                className="mt-1 h-6 w-6"
              />
              <label htmlFor={`scope-${scope}`}>{t(`workspace.change.scope-${scope}`)}</label>
            </div>
          ))}
        </fieldset>
        <SelectField
          meta={fields.fromOccurrenceId}
          label={t("workspace.change.from")}
          hint={t("workspace.change.fromHint")}
          options={upcoming.map((date) => ({ value: date.id, label: sayRange(date.startsAt, date.endsAt) }))}
        />
        <div className="flex flex-wrap gap-4">
          <TextField meta={fields.date} label={t("workspace.change.newFirstDate")} type="date" />
          <TextField meta={fields.time} label={t("workspace.form.startTime")} type="time" />
          <SelectField
            meta={fields.duration}
            label={t("workspace.form.duration")}
            options={[...new Set([...DURATIONS, booking.durationMinutes])]
              .sort((a, b) => a - b)
              .map((minutes) => ({ value: String(minutes), label: t("workspace.form.minutes", { minutes }) }))}
          />
        </div>
        <SelectField
          meta={fields.roomId}
          label={t("workspace.form.room")}
          options={spaces.map((space) => ({ value: space.id, label: space.name }))}
        />
        <div className="flex flex-wrap gap-4">
          <SeriesRepeatFields fields={fields} repeats={["weekly", "biweekly", "monthly", "monthly-last", "none"]} />
        </div>
        <CheckboxField meta={fields.allowOutsideOpeningHours} label={t("workspace.form.allowOutsideHours")} />
        <div>
          <button type="submit" name="intent" value="preview" className={preview ? "button-secondary" : "button"}>
            {t("workspace.change.preview")}
          </button>
        </div>

        {preview ? (
          <ChangePlan
            preview={preview}
            allowOutsideOpeningHours={fields.allowOutsideOpeningHours.value === "on"}
            timeZone={tz}
          />
        ) : null}
      </Form>
    </>
  );
}
