import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Form } from "@remix-run/react";
import { z } from "zod";
import { TIERS } from "~/domain/bookings/form";
import { useT } from "~/i18n/react";
import { TextField } from "./form-field";
import { Done, FormProblems } from "./workspace";

const euros = z
  .string()
  .trim()
  .regex(/^\d{1,5}([.,]\d{1,2})?$/, { error: "extras.refusal.priceInvalid" })
  .optional();

/** A room's deposit (borg) per tier, in euros; empty = none. */
export const roomDepositsSchema = z.object({
  intent: z.literal("deposits"),
  RESIDENT_INITIATIVE: euros,
  ASSOCIATION: euros,
  PRIVATE: euros,
  COMMERCIAL: euros,
});

/** The deposit per tier beside a room's settings (e.g. parties in the large hall). */
export function RoomDepositsForm({
  defaultValue,
  lastResult,
  saved,
}: {
  defaultValue: Record<string, string>;
  lastResult: SubmissionResult<string[]> | undefined;
  saved: boolean;
}) {
  const t = useT();
  const [form, fields] = useForm<z.input<typeof roomDepositsSchema>>({
    id: "room-deposits",
    lastResult,
    defaultValue,
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: roomDepositsSchema }),
  });
  return (
    <section aria-labelledby="deposits-title" className="mt-8">
      <h2 id="deposits-title">{t("extras.deposits.legend")}</h2>
      <p>{t("extras.deposits.intro")}</p>
      {saved ? <Done>{t("extras.deposits.saved")}</Done> : null}
      <Form method="post" {...getFormProps(form)} className="card grid max-w-xl gap-3">
        <input type="hidden" name="intent" value="deposits" />
        <FormProblems id={form.errorId} errors={form.errors} />
        <div className="grid gap-2 sm:grid-cols-2">
          {TIERS.map((tier) => (
            <TextField key={tier} meta={fields[tier]} label={t(`tier.${tier}`)} inputMode="decimal" />
          ))}
        </div>
        <div>
          <button type="submit" className="button">
            {t("extras.deposits.save")}
          </button>
        </div>
      </Form>
    </section>
  );
}
