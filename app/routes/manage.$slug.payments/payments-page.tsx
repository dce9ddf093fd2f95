import type { action, loader } from "./data.server";
import { getFormProps, getSelectProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { FieldError, SelectField, SubmissionKey, TextField } from "~/components/form-field";
import { Done, FormProblems, Money, MoneyNavigation, ScrollArea } from "~/components/workspace";
import { PAYMENT_METHODS } from "~/domain/workspace/constants";
import { useT } from "~/i18n/react";
import { paymentSchema } from "./schema";
import { MoneyAttention } from "./attention";

export function PaymentsPage() {
  const {
    centre,
    accounts: list,
    openInvoices,
    organisations,
    defaults,
    done,
    canPay,
    attention,
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
      <MoneyAttention slug={centre.slug} timeZone={centre.timeZone} {...attention} />
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
