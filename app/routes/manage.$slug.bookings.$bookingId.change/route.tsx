import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import type { z } from "zod";
import { requireCentrePermission } from "~/auth/guards.server";
import { CheckboxField, SelectField, TextField } from "~/components/form-field";
import { FormProblems } from "~/components/workspace";
import { encodeMessage, refusalReply } from "~/lib/messages";
import { db } from "~/db/client.server";
import { applyPatternChange, bookingForManager, previewPatternChange } from "~/domain/bookings/manager-changes.server";
import { isDomainError } from "~/domain/shared/errors";
import { DURATIONS, endOf, patternOf, repeatOf, seriesChangeSchema } from "~/domain/bookings/series-form";
import { listSpaces } from "~/domain/centre/rooms.server";
import { localDateAt, localDateTimeAt } from "~/domain/time/time-zone";
import { formatShortDate, formatTimeRange } from "~/i18n/format";
import { pageTitle } from "~/i18n/meta";
import { useLocale, useT } from "~/i18n/react";
import { idParam, orNotFound } from "~/lib/workspace-route.server";
import { clock } from "~/lib/clock";

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
  const bookingId = idParam(params.bookingId);
  const booking = await load(centre.id, bookingId);
  const submission = parseWithZod(await request.formData(), { schema: seriesChangeSchema });
  if (submission.status !== "success") return data({ result: submission.reply(), preview: null }, { status: 400 });
  const form = submission.value;
  // The new pattern starts on the chosen date or later, and never in the past.
  const from = booking.dates.find((date) => date.id === form.fromOccurrenceId);
  const earliest =
    form.scope === "following" && from
      ? localDateAt(from.startsAt, centre.timeZone)
      : localDateAt(clock.now(), centre.timeZone);
  if (form.date < earliest) {
    return data(
      {
        result: submission.reply({
          fieldErrors: { date: [encodeMessage("workspace.change.dateTooEarly", { date: earliest })] },
        }),
        preview: null,
      },
      { status: 422 },
    );
  }
  const input = {
    bookingId,
    scope: form.scope,
    fromOccurrenceId: form.scope === "following" ? form.fromOccurrenceId : undefined,
    pattern: patternOf(form),
    allowOutsideOpeningHours: form.allowOutsideOpeningHours,
  };
  try {
    if (form.intent === "save") {
      const result = await applyPatternChange(actor, input);
      return redirect(`/manage/${centre.slug}/bookings/${result.bookingId}?done=changed`);
    }
    const preview = await previewPatternChange(actor, input);
    return data({ result: submission.reply(), preview });
  } catch (error) {
    if (!isDomainError(error)) throw error;
    if (error.status === 404) throw new Response("Not found", { status: 404 });
    const preview = await previewPatternChange(actor, input).catch(() => null);
    return data(
      {
        result: submission.reply(
          refusalReply(error, {
            "invalid-start": "date",
            "room-already-booked": "time",
            "outside-opening-hours": "time",
            "date-closed": "date",
          }),
        ),
        preview,
      },
      { status: error.status },
    );
  }
}

export default function ChangeSeries() {
  const { centre, booking, upcoming, spaces, defaults } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const locale = useLocale();
  const tz = centre.timeZone;
  const [form, fields] = useForm<z.input<typeof seriesChangeSchema>>({
    id: "change-series",
    lastResult: actionData?.result,
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: seriesChangeSchema }),
    defaultValue: defaults,
  });
  const preview = actionData?.preview ?? null;
  const say = (instant: string | Date) => formatShortDate(new Date(instant), tz, locale);
  const sayRange = (start: string | Date, end: string | Date) =>
    `${say(start)} ${formatTimeRange(new Date(start), new Date(end), tz, locale)}`;
  const blocking = preview
    ? preview.conflicts.filter(
        (conflict) => !(conflict.reason === "outside-opening-hours" && fields.allowOutsideOpeningHours.value === "on"),
      )
    : [];
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
        <SelectField
          meta={fields.repeat}
          label={t("workspace.change.repeat")}
          options={(["weekly", "biweekly", "monthly", "monthly-last", "none"] as const).map((repeat) => ({
            value: repeat,
            label: t(`workspace.repeat.${repeat}`),
          }))}
        />
        <SelectField
          meta={fields.endBy}
          label={t("workspace.change.endBy")}
          options={(["date", "count", "open"] as const).map((end) => ({
            value: end,
            label: t(`workspace.endBy.${end}`),
          }))}
        />
        <div className="flex flex-wrap gap-4">
          <TextField meta={fields.untilDate} label={t("workspace.change.untilDate")} type="date" />
          <TextField
            meta={fields.count}
            label={t("workspace.change.count")}
            type="number"
            min={2}
            max={200}
            inputMode="numeric"
          />
        </div>
        <CheckboxField meta={fields.allowOutsideOpeningHours} label={t("workspace.form.allowOutsideHours")} />
        <div>
          <button type="submit" name="intent" value="preview" className={preview ? "button-secondary" : "button"}>
            {t("workspace.change.preview")}
          </button>
        </div>

        {preview ? (
          <section aria-labelledby="plan-title" className="card border-2 border-brand-700" id="plan">
            <h2 id="plan-title" className="mt-0">
              {t("workspace.change.planTitle")}
            </h2>
            <ul>
              <li>{t("workspace.change.updated", { count: preview.updated.length })}</li>
              <li>{t("workspace.change.added", { count: preview.added.length })}</li>
              <li>{t("workspace.change.cancelled", { count: preview.cancelled.length })}</li>
              {preview.exceptionsKept.length > 0 ? (
                <li>{t("workspace.change.exceptionsKept", { count: preview.exceptionsKept.length })}</li>
              ) : null}
              {preview.exceptionsDropped.length > 0 ? (
                <li>{t("workspace.change.exceptionsDropped", { count: preview.exceptionsDropped.length })}</li>
              ) : null}
            </ul>
            {preview.updated.length > 0 ? (
              <details>
                <summary className="cursor-pointer">{t("workspace.change.showUpdated")}</summary>
                <ul>
                  {preview.updated.map((update) => (
                    <li key={update.occurrenceId}>
                      {say(update.from.startsAt)} → {sayRange(update.to.startsAt, update.to.endsAt)}
                    </li>
                  ))}
                </ul>
              </details>
            ) : null}
            {preview.added.length > 0 ? (
              <details>
                <summary className="cursor-pointer">{t("workspace.change.showAdded")}</summary>
                <ul>
                  {preview.added.map((date) => (
                    <li key={date.originalLocalStart}>
                      {sayRange(date.startsAt, date.endsAt)}
                      {date.cancelReason ? ` · ${date.cancelReason}` : null}
                    </li>
                  ))}
                </ul>
              </details>
            ) : null}
            {preview.cancelled.length > 0 ? (
              <>
                <h3>{t("workspace.change.cancelledTitle")}</h3>
                <ul>
                  {preview.cancelled.map((date) => (
                    <li key={date.occurrenceId}>{say(date.startsAt)}</li>
                  ))}
                </ul>
              </>
            ) : null}
            <h3>{t("workspace.change.conflictsTitle")}</h3>
            {preview.conflicts.length === 0 ? (
              <p>{t("workspace.change.noConflicts")}</p>
            ) : (
              <ul>
                {preview.conflicts.map((conflict) => (
                  <li key={`${conflict.localStart}-${conflict.reason}-${conflict.other?.bookingId ?? ""}`}>
                    <strong>{sayRange(conflict.startsAt, conflict.endsAt)}</strong>:{" "}
                    {t(`workspace.conflict.${conflict.reason}`, { reason: conflict.closure?.reason ?? "" })}
                    {conflict.other
                      ? ` (${conflict.other.title ?? ""}, ${conflict.other.organisation ?? ""}, ${conflict.other.room})`
                      : null}
                  </li>
                ))}
              </ul>
            )}
            {blocking.length > 0 ? (
              <p className="font-bold">{t("workspace.change.fixConflicts")}</p>
            ) : (
              <button type="submit" name="intent" value="save" className="button">
                {t("workspace.change.save")}
              </button>
            )}
          </section>
        ) : null}
      </Form>
    </>
  );
}
