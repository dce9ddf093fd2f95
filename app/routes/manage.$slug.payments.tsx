import { randomUUID } from "node:crypto";
import { getFormProps, getSelectProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useLocation } from "@remix-run/react";
import { z } from "zod";
import { requireCentrePermission } from "~/auth/guards.server";
import { can } from "~/auth/permissions";
import { FieldError, SelectField, SubmissionKey, TextField } from "~/components/form-field";
import { Done, FormProblems, Money, MoneyNavigation, ScrollArea } from "~/components/workspace";
import { eurosToCents } from "~/domain/bookings/form";
import { submissionKeyField } from "~/domain/shared/submission-key";
import { listInvoices } from "~/domain/money/invoices.server";
import { organisationChoices } from "~/domain/workspace/organisation-admin.server";
import { accounts, recordPaymentFor } from "~/domain/money/payments.server";
import { PAYMENT_METHODS } from "~/domain/workspace/constants";
import { localDateAt } from "~/domain/time/time-zone";
import { pageTitle } from "~/i18n/meta";
import { useT } from "~/i18n/react";
import { clock } from "~/lib/clock";
import { answerForm } from "~/lib/form-action.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "workspace.payments.title");

const paymentSchema = z.object({
  target: z
    .string({ error: "workspace.payments.targetRequired" })
    .regex(/^(booking|invoice|organisation):[0-9a-f-]{36}$/, { error: "workspace.payments.targetRequired" }),
  amount: z
    .string({ error: "workspace.payments.amountInvalid" })
    .trim()
    .regex(/^-?\d{1,6}([.,]\d{1,2})?$/, { error: "workspace.payments.amountInvalid" }),
  method: z.enum(["BANK_TRANSFER", "CASH", "PIN"], { error: "workspace.payments.methodRequired" }),
  receivedOn: z.string({ error: "booking.errors.date" }).regex(/^\d{4}-\d{2}-\d{2}$/, { error: "booking.errors.date" }),
  reference: z.string().trim().max(140, { error: "booking.errors.text" }).optional().default(""),
  submissionKey: submissionKeyField,
});

/** What each organisation owes and has paid; registering money that came in. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { centre, user, role } = await requireCentrePermission(request, params.slug, "centre.read");
  const url = new URL(request.url);
  const [all, invoices, organisations] = await Promise.all([
    accounts(centre.id),
    listInvoices(centre.id),
    organisationChoices(centre.id),
  ]);
  const bookingId = url.searchParams.get("bookingId");
  const organisationId = url.searchParams.get("organisationId");
  return {
    centre: { slug: centre.slug, name: centre.name, timeZone: centre.timeZone },
    accounts: [...all].sort((a, b) => b.outstandingCents - a.outstandingCents),
    openInvoices: invoices.filter((invoice) => invoice.status === "ISSUED"),
    organisations,
    defaults: {
      target: bookingId ? `booking:${bookingId}` : organisationId ? `organisation:${organisationId}` : "",
      method: "BANK_TRANSFER",
      receivedOn: localDateAt(clock.now(), centre.timeZone),
      submissionKey: randomUUID(),
    },
    done: url.searchParams.get("done") === "1",
    canPay: can({ installationRole: user.installationRole, role }, "payments.manage"),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { centre, actor } = await requireCentrePermission(request, params.slug, "payments.manage");
  const registered = () => redirect(`/manage/${centre.slug}/payments?done=1`);
  return answerForm(await request.formData(), {
    schema: paymentSchema,
    work: (value) =>
      recordPaymentFor(
        actor,
        {
          target: value.target,
          amountCents: eurosToCents(value.amount),
          method: value.method,
          receivedOn: value.receivedOn,
          reference: value.reference,
        },
        clock.now(),
        { key: value.submissionKey, centreId: centre.id, kind: "payment" },
      ),
    done: registered,
    // The same form sent twice: the money was registered by the first one.
    again: registered,
    refusalFields: {
      "payment-amount-zero": "amount",
      "payment-refund-too-large": "amount",
      "payment-date-invalid": "receivedOn",
      "payment-date-future": "receivedOn",
      "payment-date-before-centre": "receivedOn",
      "payment-booking-other-organisation": "target",
    },
  });
}

/** A fresh form after every navigation (another room, a saved or sent form), the typed values after a refusal. */
export default function Payments() {
  return <PaymentsPage key={useLocation().key} />;
}

function PaymentsPage() {
  const {
    centre,
    accounts: list,
    openInvoices,
    organisations,
    defaults,
    done,
    canPay,
  } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const t = useT();
  const [form, fields] = useForm<z.input<typeof paymentSchema>>({
    id: "payment",
    lastResult,
    defaultValue: defaults,
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: paymentSchema }),
  });
  return (
    <>
      <h1>{t("workspace.payments.title")}</h1>
      <MoneyNavigation slug={centre.slug} current="payments" />
      {done ? <Done>{t("workspace.payments.done")}</Done> : null}
      <p>{t("workspace.payments.intro")}</p>
      {list.length === 0 ? (
        <p>{t("workspace.payments.nothing")}</p>
      ) : (
        <ScrollArea label={t("workspace.payments.perOrganisation")}>
          <table className="w-full border-collapse text-left">
            <caption className="sr-only">{t("workspace.payments.perOrganisation")}</caption>
            <thead>
              <tr className="border-b-2 border-gray-400">
                <th scope="col" className="py-2 pr-3">
                  {t("workspace.booking.organisation")}
                </th>
                <th scope="col" className="py-2 pr-3 text-right">
                  {t("workspace.booking.owed")}
                </th>
                <th scope="col" className="py-2 pr-3 text-right">
                  {t("workspace.booking.paid")}
                </th>
                <th scope="col" className="py-2 pr-3 text-right">
                  {t("workspace.booking.outstanding")}
                </th>
                <th scope="col" className="py-2 text-right">
                  {t("workspace.booking.upcoming")}
                </th>
              </tr>
            </thead>
            <tbody>
              {list.map((account) => (
                <tr key={account.organisationId} className="border-b border-gray-200">
                  <td className="py-2 pr-3">
                    <Link to={`/manage/${centre.slug}/organisations/${account.organisationId}`}>{account.name}</Link>
                  </td>
                  <td className="py-2 pr-3 text-right">
                    <Money cents={account.dueCents} />
                  </td>
                  <td className="py-2 pr-3 text-right">
                    <Money cents={account.paidCents} />
                  </td>
                  <td className={`py-2 pr-3 text-right ${account.outstandingCents > 0 ? "font-bold" : ""}`}>
                    <Money cents={account.outstandingCents} />
                  </td>
                  <td className="py-2 text-right">
                    <Money cents={account.upcomingCents} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollArea>
      )}
      {canPay ? (
        <section aria-labelledby="register-title" id="register" className="mt-6">
          <h2 id="register-title">{t("workspace.payments.register")}</h2>
          <Form method="post" {...getFormProps(form)} className="grid max-w-xl gap-4">
            <FormProblems id={form.errorId} errors={form.errors} />
            <SubmissionKey meta={fields.submissionKey} />
            <div>
              <label htmlFor={fields.target.id} className="field-label">
                {t("workspace.payments.target")}
              </label>
              <select
                {...getSelectProps(fields.target, { ariaAttributes: false })}
                className="field-input"
                aria-invalid={fields.target.errors ? true : undefined}
                aria-describedby={fields.target.errors ? fields.target.errorId : undefined}
              >
                <option value="">{t("workspace.payments.chooseTarget")}</option>
                {list.map((account) => (
                  <optgroup key={account.organisationId} label={account.name}>
                    {account.bookings.map((booking) => (
                      <option key={booking.bookingId} value={`booking:${booking.bookingId}`}>
                        {t("workspace.payments.forBooking", { title: booking.title })}
                      </option>
                    ))}
                  </optgroup>
                ))}
                {openInvoices.length > 0 ? (
                  <optgroup label={t("workspace.invoices.title")}>
                    {openInvoices.map((invoice) => (
                      <option key={invoice.id} value={`invoice:${invoice.id}`}>
                        {invoice.number} · {invoice.organisation}
                      </option>
                    ))}
                  </optgroup>
                ) : null}
                <optgroup label={t("workspace.payments.asCredit")}>
                  {organisations.map((organisation) => (
                    <option key={organisation.id} value={`organisation:${organisation.id}`}>
                      {organisation.name}
                    </option>
                  ))}
                </optgroup>
              </select>
              <FieldError id={fields.target.errorId} errors={fields.target.errors} />
            </div>
            <div className="flex flex-wrap gap-4">
              <TextField
                meta={fields.amount}
                label={t("workspace.payments.amount")}
                hint={t("workspace.payments.amountHint")}
                inputMode="decimal"
              />
              <TextField meta={fields.receivedOn} label={t("workspace.payments.receivedOn")} type="date" />
            </div>
            <SelectField
              meta={fields.method}
              label={t("workspace.payments.method")}
              options={PAYMENT_METHODS.map((method) => ({
                value: method,
                label: t(`workspace.paymentMethod.${method}`),
              }))}
            />
            <TextField meta={fields.reference} label={t("workspace.payments.reference")} />
            <div>
              <button type="submit" className="button">
                {t("workspace.payments.save")}
              </button>
            </div>
          </Form>
        </section>
      ) : null}
    </>
  );
}
