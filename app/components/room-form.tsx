import { getCollectionProps, getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Form } from "@remix-run/react";
import { z } from "zod";
import type { Facility } from "~/generated/prisma/enums";
import { useT } from "~/i18n/react";
import type { Key } from "~/i18n/translate";
import { CheckboxField, FieldError, TextArea, TextField } from "./form-field";
import { FormProblems } from "./workspace";

/** The form for a room or a combination of rooms (settings); shared by browser and server. */

const FACILITY_LIST: Facility[] = [
  "KITCHEN",
  "BAR",
  "PROJECTOR",
  "SOUND_SYSTEM",
  "PIANO",
  "WHITEBOARD",
  "WIFI",
  "STAGE",
  "SPORTS_FLOOR",
  "HEARING_LOOP",
  "ACCESSIBLE_TOILET",
  "CHILD_FRIENDLY",
  "OUTDOOR_SPACE",
];

const checkbox = z.preprocess((value) => value === "on" || value === "true" || value === true, z.boolean());
const list = <T extends z.ZodTypeAny>(item: T) =>
  z.preprocess((value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]), z.array(item));
const whole = (error: string, min: number, max: number) =>
  z.coerce.number({ error }).int({ error }).min(min, { error }).max(max, { error });

export const roomSchema = z.object({
  name: z
    .string({ error: "workspace.rooms.nameRequired" })
    .trim()
    .min(2, { error: "workspace.rooms.nameRequired" })
    .max(80, { error: "workspace.rooms.nameRequired" }),
  description: z.string().trim().max(500, { error: "booking.errors.text" }).optional().default(""),
  location: z.string().trim().max(120, { error: "booking.errors.text" }).optional().default(""),
  capacity: whole("workspace.rooms.capacityInvalid", 1, 2000),
  areaM2: z.preprocess(
    (value) => (value === "" ? undefined : value),
    whole("workspace.rooms.areaInvalid", 1, 100_000).optional(),
  ),
  stepFree: checkbox.default(false),
  facilities: list(z.enum(FACILITY_LIST as [Facility, ...Facility[]])),
  setupBufferMinutes: whole("workspace.rooms.bufferInvalid", 0, 240).default(0),
  cleanupBufferMinutes: whole("workspace.rooms.bufferInvalid", 0, 240).default(0),
  active: checkbox.default(false),
  sortOrder: whole("workspace.rooms.orderInvalid", 0, 1000).default(0),
  memberIds: list(z.uuid()),
});

/** Where the form shows a refusal of saving a room: next to the name, or next to a combination's rooms. */
export const ROOM_REFUSAL_FIELDS = {
  "room-name-taken": "name",
  "combination-too-few-rooms": "memberIds",
  "not-found": "memberIds",
};

export function RoomForm({
  kind,
  rooms,
  lastResult,
  defaultValue,
  submitLabel,
}: {
  kind: "ROOM" | "COMBINATION";
  rooms: { id: string; name: string }[];
  lastResult: SubmissionResult<string[]> | undefined | null;
  defaultValue: Record<string, string | string[] | undefined>;
  submitLabel: string;
}) {
  const t = useT();
  const [form, fields] = useForm<z.input<typeof roomSchema>>({
    id: "room",
    lastResult,
    defaultValue,
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: roomSchema }),
  });
  return (
    <Form method="post" {...getFormProps(form)} className="grid max-w-2xl gap-4">
      <FormProblems id={form.errorId} errors={form.errors} />
      <TextField meta={fields.name} label={t("workspace.rooms.name")} />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField
          meta={fields.capacity}
          label={t("workspace.rooms.capacity")}
          type="number"
          min={1}
          inputMode="numeric"
        />
        <TextField meta={fields.areaM2} label={t("workspace.rooms.area")} type="number" min={1} inputMode="numeric" />
        <TextField
          meta={fields.setupBufferMinutes}
          label={t("workspace.rooms.setup")}
          hint={t("workspace.rooms.bufferHint")}
          type="number"
          min={0}
          max={240}
          inputMode="numeric"
        />
        <TextField
          meta={fields.cleanupBufferMinutes}
          label={t("workspace.rooms.cleanup")}
          type="number"
          min={0}
          max={240}
          inputMode="numeric"
        />
      </div>
      <TextField
        meta={fields.location}
        label={t("workspace.rooms.location")}
        hint={t("workspace.rooms.locationHint")}
      />
      <TextArea meta={fields.description} label={t("workspace.rooms.description")} rows={2} />
      {kind === "COMBINATION" ? (
        <fieldset aria-describedby={fields.memberIds.errors ? fields.memberIds.errorId : undefined}>
          <legend className="field-label">{t("workspace.rooms.members")}</legend>
          <div className="flex flex-wrap gap-x-6">
            {getCollectionProps(fields.memberIds, { type: "checkbox", options: rooms.map((room) => room.id) }).map(
              ({ key, ...props }) => (
                <label key={key} className="flex min-h-11 items-center gap-2">
                  <input {...props} className="h-5 w-5" />
                  {rooms.find((room) => room.id === props.value)?.name}
                </label>
              ),
            )}
          </div>
          <FieldError id={fields.memberIds.errorId} errors={fields.memberIds.errors} />
        </fieldset>
      ) : null}
      <fieldset>
        <legend className="field-label">{t("workspace.rooms.facilities")}</legend>
        <div className="grid gap-x-6 sm:grid-cols-2">
          {getCollectionProps(fields.facilities, { type: "checkbox", options: FACILITY_LIST }).map(
            ({ key, ...props }) => (
              <label key={key} className="flex min-h-11 items-center gap-2">
                <input {...props} className="h-5 w-5" />
                {t(`facility.${props.value}` as Key)}
              </label>
            ),
          )}
        </div>
      </fieldset>
      <CheckboxField meta={fields.stepFree} label={t("workspace.rooms.stepFree")} />
      <CheckboxField meta={fields.active} label={t("workspace.rooms.active")} hint={t("workspace.rooms.activeHint")} />
      <TextField
        meta={fields.sortOrder}
        label={t("workspace.rooms.order")}
        type="number"
        min={0}
        inputMode="numeric"
        className="max-w-40"
      />
      <div>
        <button type="submit" className="button">
          {submitLabel}
        </button>
      </div>
    </Form>
  );
}
