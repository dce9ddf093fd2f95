import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Form, Link } from "@remix-run/react";
import { CheckboxField, SelectField, TextArea, TextField } from "~/components/form-field";
import { FormProblems, Money } from "~/components/workspace";
import type { bookingForManager } from "~/domain/bookings/manager-changes.server";
import { formatShortDate, formatTimeRange } from "~/i18n/format";
import { useLocale, useT } from "~/i18n/react";
import { cancelSchema, moveSchema } from "./schema";

type ManagerBooking = Awaited<ReturnType<typeof bookingForManager>>;
type BookingDate = ManagerBooking["dates"][number];

/** The date chosen in the table, moved or cancelled (alone or with the dates after it). */
export function DateChange({
  booking,
  selected,
  doing,
  spaces,
  timeZone: tz,
  lastResult,
}: {
  booking: Pick<ManagerBooking, "dates" | "organisation">;
  selected: (BookingDate & { local: string }) | null;
  doing: "move" | "cancel" | "cancel-from" | null;
  spaces: { id: string; name: string }[];
  timeZone: string;
  lastResult: SubmissionResult<string[]> | undefined;
}) {
  const t = useT();
  const locale = useLocale();
  const [moveForm, moveFields] = useForm({
    id: "move-date",
    lastResult: doing === "move" ? lastResult : undefined,
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: moveSchema }),
    defaultValue: {
      date: selected?.local.slice(0, 10),
      time: selected?.local.slice(11, 16),
      roomId: selected?.room.id,
    },
  });
  const [cancelForm, cancelFields] = useForm({
    id: "cancel-date",
    lastResult: doing !== "move" ? lastResult : undefined,
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: cancelSchema }),
    defaultValue: { fee: "free" },
  });
  if (!selected || !doing) return null;
  const when = `${formatShortDate(new Date(selected.startsAt), tz, locale)} ${formatTimeRange(new Date(selected.startsAt), new Date(selected.endsAt), tz, locale)}`;
  const following = booking.dates.filter(
    (date) => date.status === "ACTIVE" && date.originalLocalStart >= selected.originalLocalStart,
  );
  const feeFollowing = following.reduce((sum, date) => sum + (date.feeNow?.feeCents ?? 0), 0);
  const fee = doing === "cancel" ? (selected.feeNow?.feeCents ?? 0) : feeFollowing;
  return (
    <section id="change" aria-labelledby="change-title" className="card my-4 border-2 border-brand-700">
      <h3 id="change-title" className="mt-0">
        {doing === "move"
          ? t("workspace.booking.moveTitle", { date: when })
          : doing === "cancel"
            ? t("workspace.booking.cancelTitle", { date: when })
            : t("workspace.booking.cancelFromTitle", { date: when, count: following.length })}
      </h3>
      {doing === "move" ? (
        <Form method="post" {...getFormProps(moveForm)} className="grid max-w-xl gap-4">
          <input type="hidden" name="intent" value="move" />
          <input type="hidden" name="occurrenceId" value={selected.id} />
          <p className="m-0">{t("workspace.booking.moveIntro")}</p>
          <FormProblems id={moveForm.errorId} errors={moveForm.errors} />
          <div className="flex flex-wrap gap-4">
            <TextField meta={moveFields.date} label={t("workspace.form.date")} type="date" />
            <TextField meta={moveFields.time} label={t("workspace.form.startTime")} type="time" />
          </div>
          <SelectField
            meta={moveFields.roomId}
            label={t("workspace.form.room")}
            options={spaces.map((space) => ({ value: space.id, label: space.name }))}
          />
          <CheckboxField meta={moveFields.allowOutsideOpeningHours} label={t("workspace.form.allowOutsideHours")} />
          <div>
            <button type="submit" className="button">
              {t("workspace.booking.moveSubmit")}
            </button>{" "}
            <Link to="?" className="ml-3">
              {t("workspace.form.cancel")}
            </Link>
          </div>
        </Form>
      ) : (
        <Form method="post" {...getFormProps(cancelForm)} className="grid max-w-xl gap-4">
          <input type="hidden" name="intent" value={doing} />
          <input type="hidden" name="occurrenceId" value={selected.id} />
          <FormProblems id={cancelForm.errorId} errors={cancelForm.errors} />
          <TextArea
            meta={cancelFields.reason}
            label={t("workspace.booking.reason")}
            hint={t("workspace.booking.reasonHint")}
            rows={2}
          />
          <fieldset>
            <legend className="field-label">{t("workspace.booking.feeLegend")}</legend>
            <div className="flex items-center gap-3">
              <input
                type="radio"
                id="fee-free"
                name={cancelFields.fee.name}
                value="free"
                defaultChecked={cancelFields.fee.initialValue !== "charge"}
                className="h-6 w-6"
              />
              <label htmlFor="fee-free">{t("workspace.booking.feeFree")}</label>
            </div>
            <div className="flex items-center gap-3">
              <input
                type="radio"
                id="fee-charge"
                name={cancelFields.fee.name}
                value="charge"
                defaultChecked={cancelFields.fee.initialValue === "charge"}
                className="h-6 w-6"
              />
              <label htmlFor="fee-charge">
                {t("workspace.booking.feeCharge")} <Money cents={fee} />
              </label>
            </div>
          </fieldset>
          <p className="m-0 text-muted">
            {booking.organisation.contactEmail
              ? t("workspace.booking.contactEmailed")
              : t("workspace.booking.contactCall")}
          </p>
          <div>
            <button type="submit" className="button">
              {doing === "cancel"
                ? t("workspace.booking.cancelSubmit")
                : t("workspace.booking.cancelFromSubmit", { count: following.length })}
            </button>
            <Link to="?" className="ml-3">
              {t("workspace.form.cancel")}
            </Link>
          </div>
        </Form>
      )}
    </section>
  );
}
