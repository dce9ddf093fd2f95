import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useLocation } from "@remix-run/react";
import { requireCentrePermission } from "~/auth/guards.server";
import { can } from "~/auth/permissions";
import { CheckboxField, TextField, fieldNamed } from "~/components/form-field";
import { SettingsNavigation } from "~/components/settings-navigation";
import { Done, FormProblems } from "~/components/workspace";
import {
  SLOTS,
  WEEKDAYS,
  formFromWindows,
  openingHoursSchema,
  windowsFromForm,
} from "~/domain/centre/opening-hours-form";
import { openingHoursOf, saveOpeningHours } from "~/domain/centre/settings.server";
import { listRooms } from "~/domain/centre/rooms.server";
import { pageTitle } from "~/i18n/meta";
import { useT } from "~/i18n/react";
import type { Key } from "~/i18n/translate";
import { saveSettingsForm } from "~/lib/workspace-route.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "workspace.openingHours.title");

/** Opening hours of the centre, and of rooms that keep hours of their own. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { centre, user, role } = await requireCentrePermission(request, params.slug, "centre.read");
  const [rows, rooms] = await Promise.all([openingHoursOf(centre.id), listRooms(centre.id)]);
  const roomId = new URL(request.url).searchParams.get("roomId");
  const room = rooms.find((candidate) => candidate.id === roomId && candidate.kind === "ROOM") ?? null;
  const own = rows.filter((row) => row.roomId === (room?.id ?? null));
  return {
    centre: { slug: centre.slug, name: centre.name },
    rooms: rooms
      .filter((candidate) => candidate.kind === "ROOM")
      .map((candidate) => ({
        id: candidate.id,
        name: candidate.name,
        own: rows.some((row) => row.roomId === candidate.id),
      })),
    room: room ? { id: room.id, name: room.name } : null,
    values: {
      roomId: room?.id ?? "",
      follow: room && own.length === 0 ? "on" : "",
      ...formFromWindows(own.length > 0 || !room ? own : rows.filter((row) => row.roomId === null)),
    },
    saved: new URL(request.url).searchParams.get("saved") === "1",
    canEdit: can({ installationRole: user.installationRole, role }, "settings.edit"),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  return saveSettingsForm(request, params.slug, {
    schema: openingHoursSchema,
    save: (actor, value) =>
      saveOpeningHours(actor, value.roomId || null, value.roomId && value.follow ? [] : windowsFromForm(value)),
    savedTo: (slug, value) =>
      `/manage/${slug}/settings/opening-hours?saved=1${value.roomId ? `&roomId=${value.roomId}` : ""}`,
  });
}

/** A fresh form after every navigation (another room, a saved or sent form), the typed values after a refusal. */
export default function OpeningHours() {
  return <OpeningHoursPage key={useLocation().key} />;
}

function OpeningHoursPage() {
  const { centre, rooms, room, values, saved, canEdit } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const t = useT();
  const [form, fields] = useForm({
    id: `opening-hours-${room?.id ?? "centre"}`,
    lastResult,
    defaultValue: values,
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: openingHoursSchema }),
  });
  return (
    <>
      <h1>{t("workspace.openingHours.title")}</h1>
      <SettingsNavigation slug={centre.slug} current="opening-hours" />
      {saved ? <Done>{t("workspace.form.saved")}</Done> : null}
      <p>{t("workspace.openingHours.intro")}</p>
      <nav aria-label={t("workspace.openingHours.whose")} className="mb-4">
        <ul className="m-0 flex list-none flex-wrap gap-x-4 gap-y-2 p-0">
          <li>
            <a
              href="?"
              aria-current={room ? undefined : "page"}
              className={room ? undefined : "font-bold no-underline"}
            >
              {t("workspace.openingHours.centre")}
            </a>
          </li>
          {rooms.map((candidate) => (
            <li key={candidate.id}>
              <a
                href={`?roomId=${candidate.id}`}
                aria-current={room?.id === candidate.id ? "page" : undefined}
                className={room?.id === candidate.id ? "font-bold no-underline" : undefined}
              >
                {candidate.name}
                {candidate.own ? ` (${t("workspace.openingHours.ownHours")})` : null}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <h2>{room ? t("workspace.openingHours.ofRoom", { room: room.name }) : t("workspace.openingHours.ofCentre")}</h2>
      <Form method="post" {...getFormProps(form)} className="grid max-w-3xl gap-4">
        <input type="hidden" name="roomId" value={room?.id ?? ""} />
        <FormProblems id={form.errorId} errors={form.errors} />
        {room ? <CheckboxField meta={fields.follow} label={t("workspace.openingHours.follow")} /> : null}
        <p className="m-0 text-muted">{t("workspace.openingHours.midnight")}</p>
        {WEEKDAYS.map((weekday) => (
          <fieldset key={weekday} className="card">
            <legend className="font-bold">{t(`agenda.weekday.${weekday}` as Key)}</legend>
            <div className="grid gap-3 sm:grid-cols-2">
              {SLOTS.map((slot) => {
                const opens = fieldNamed(fields, `opens${weekday}_${slot}`);
                const closes = fieldNamed(fields, `closes${weekday}_${slot}`);
                return (
                  <div key={slot} className="flex flex-wrap gap-3">
                    {[opens, closes].map((meta, index) => (
                      <TextField
                        key={meta.name}
                        meta={meta}
                        label={t(index === 0 ? "workspace.openingHours.opens" : "workspace.openingHours.closes", {
                          slot,
                        })}
                        type="time"
                        disabled={!canEdit}
                      />
                    ))}
                  </div>
                );
              })}
            </div>
          </fieldset>
        ))}
        {canEdit ? (
          <div>
            <button type="submit" className="button">
              {t("workspace.form.save")}
            </button>
          </div>
        ) : null}
      </Form>
    </>
  );
}
