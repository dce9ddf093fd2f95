import type { action, loader } from "./data.server";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { Done, FormProblems, MoneyNavigation, ScrollArea } from "~/components/workspace";
import { formatMoney, formatShortDate } from "~/i18n/format";
import { useLocale, useT } from "~/i18n/react";
import type { Key } from "~/i18n/translate";

/** Every message of a refused form (its fields' and its own), to show above it. */
function problemsOf(refused: ReturnType<typeof useActionData<typeof action>>, form: string): string[] | undefined {
  if (!refused || !("form" in refused) || refused.form !== form) return undefined;
  return Object.values(refused.reply.error ?? {}).flatMap((messages) => (messages ?? []) as string[]);
}

export function RefundsPage() {
  const { centre, deposits, refunds, payments, today, submissionKey, done, canPay } = useLoaderData<typeof loader>();
  const refused = useActionData<typeof action>();
  const t = useT();
  const locale = useLocale();
  const money = (cents: number) => formatMoney(cents, locale);
  const day = (value: string | Date) => formatShortDate(new Date(value), centre.timeZone, locale);
  return (
    <>
      <h1>{t("refunds.manage.title")}</h1>
      <MoneyNavigation slug={centre.slug} current="refunds" />
      {done === "deposit" ? <Done>{t("refunds.manage.depositReturned")}</Done> : null}
      {done === "refund" ? <Done>{t("refunds.manage.refundDone")}</Done> : null}
      <p>{t("refunds.manage.intro")}</p>

      <section aria-labelledby="deposits-title" className="mt-6">
        <h2 id="deposits-title">{t("refunds.manage.depositsTitle")}</h2>
        <p>{t("refunds.manage.depositsIntro")}</p>
        {deposits.length === 0 ? <p>{t("refunds.manage.depositsNone")}</p> : null}
        <ul className="m-0 grid list-none gap-3 p-0">
          {deposits.map((deposit) => (
            <li key={deposit.bookingId} className="card">
              <p className="m-0 font-bold">
                <Link to={`/manage/${centre.slug}/bookings/${deposit.bookingId}`}>{deposit.title}</Link> ·{" "}
                {deposit.organisation}
              </p>
              <p className="m-0">
                {t("refunds.manage.deposit")}: {money(deposit.heldCents)}
                {deposit.lastEndsAt ? (
                  <>
                    {" "}
                    · {t("refunds.manage.lastDate")}: {day(deposit.lastEndsAt)}
                  </>
                ) : null}
              </p>
              {canPay && deposit.canReturn ? (
                <Form method="post" className="mt-2 grid max-w-xl gap-2">
                  <FormProblems errors={problemsOf(refused, `deposit:${deposit.bookingId}`)} />
                  <input type="hidden" name="intent" value="return-deposit" />
                  <input type="hidden" name="bookingId" value={deposit.bookingId} />
                  <input type="hidden" name="submissionKey" value={submissionKey} />
                  <div className="flex flex-wrap gap-3">
                    <div>
                      <label htmlFor={`deduction-${deposit.bookingId}`} className="field-label">
                        {t("refunds.manage.deduction")}
                      </label>
                      <input
                        id={`deduction-${deposit.bookingId}`}
                        name="deduction"
                        inputMode="decimal"
                        className="field-input w-32"
                        aria-describedby={`deduction-hint-${deposit.bookingId}`}
                      />
                      <p id={`deduction-hint-${deposit.bookingId}`} className="m-0 text-sm text-muted">
                        {t("refunds.manage.deductionHint")}
                      </p>
                    </div>
                    <div className="grow">
                      <label htmlFor={`reason-${deposit.bookingId}`} className="field-label">
                        {t("refunds.manage.deductionReason")}
                      </label>
                      <input id={`reason-${deposit.bookingId}`} name="reason" maxLength={300} className="field-input" />
                    </div>
                  </div>
                  <div>
                    <button type="submit" className="button">
                      {t("refunds.manage.returnDeposit")}
                    </button>
                  </div>
                </Form>
              ) : !deposit.canReturn ? (
                <p className="m-0 text-muted">{t("refunds.manage.notYet")}</p>
              ) : null}
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="waiting-title" className="mt-6">
        <h2 id="waiting-title">{t("refunds.manage.refundsTitle")}</h2>
        <p>{t("refunds.manage.refundsIntro")}</p>
        {refunds.waiting.length === 0 && refunds.done.length === 0 ? <p>{t("refunds.manage.refundsNone")}</p> : null}
        <ul className="m-0 grid list-none gap-3 p-0">
          {refunds.waiting.map((refund) => (
            <li key={refund.id} className="card border-amber-700">
              <p className="m-0 font-bold">
                {money(refund.amountCents)} · {refund.organisation}
                {refund.booking ? <> · {refund.booking.title}</> : null}
              </p>
              <p className="m-0">
                {refund.reason} · {t(`refunds.method.${refund.method}` as Key)} ·{" "}
                {t(`refunds.status.${refund.status}` as Key)}
              </p>
              {canPay ? (
                <Form method="post" className="mt-2 flex flex-wrap items-end gap-3">
                  <FormProblems errors={problemsOf(refused, `refund:${refund.id}`)} />
                  <input type="hidden" name="refundId" value={refund.id} />
                  {refund.method === "ONLINE" ? (
                    <button type="submit" name="intent" value="retry" className="button">
                      {t("refunds.manage.retry")}
                    </button>
                  ) : (
                    <>
                      <input type="hidden" name="intent" value="confirm-transfer" />
                      <div>
                        <label htmlFor={`paid-${refund.id}`} className="field-label">
                          {t("refunds.manage.transferredOn")}
                        </label>
                        <input
                          id={`paid-${refund.id}`}
                          name="paidOn"
                          type="date"
                          defaultValue={today}
                          max={today}
                          required
                          className="field-input"
                        />
                      </div>
                      <div>
                        <label htmlFor={`ref-${refund.id}`} className="field-label">
                          {t("refunds.manage.transferReference")}
                        </label>
                        <input id={`ref-${refund.id}`} name="reference" maxLength={140} className="field-input" />
                      </div>
                      <button type="submit" className="button">
                        {t("refunds.manage.confirmTransfer")}
                      </button>
                    </>
                  )}
                </Form>
              ) : null}
            </li>
          ))}
        </ul>
        {refunds.done.length > 0 ? (
          <ScrollArea label={t("refunds.manage.refundsTitle")} className="mt-4">
            <table className="w-full border-collapse text-left">
              <caption className="sr-only">{t("refunds.manage.refundsTitle")}</caption>
              <thead>
                <tr className="border-b-2 border-gray-400">
                  <th scope="col" className="py-2 pr-3">
                    {t("refunds.manage.organisation")}
                  </th>
                  <th scope="col" className="py-2 pr-3 text-right">
                    {t("refunds.manage.amount")}
                  </th>
                  <th scope="col" className="py-2 pr-3">
                    {t("refunds.manage.method")}
                  </th>
                  <th scope="col" className="py-2">
                    {t("refunds.manage.creditNote")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {refunds.done.map((refund) => (
                  <tr key={refund.id} className="border-b border-gray-200 align-top">
                    <td className="py-2 pr-3">
                      {refund.organisation}
                      {refund.booking ? <> · {refund.booking.title}</> : null}
                      <br />
                      <span className="text-muted">{refund.reason}</span>
                    </td>
                    <td className="py-2 pr-3 text-right">{money(refund.amountCents)}</td>
                    <td className="py-2 pr-3">
                      {t(`refunds.method.${refund.method}` as Key)}, {day(refund.at)}
                    </td>
                    <td className="py-2">
                      {refund.creditNote ? (
                        <Link to={`/manage/${centre.slug}/credit-notes/${refund.creditNote.id}`}>
                          {refund.creditNote.number}
                        </Link>
                      ) : (
                        t(`refunds.status.${refund.status}` as Key)
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollArea>
        ) : null}
      </section>

      {canPay && payments.length > 0 ? (
        <section aria-labelledby="refund-title" className="mt-6">
          <h2 id="refund-title">{t("refunds.manage.refundFormTitle")}</h2>
          <p>{t("refunds.manage.refundFormIntro")}</p>
          <Form method="post" className="grid max-w-xl gap-3">
            <FormProblems errors={problemsOf(refused, "refund")} />
            <input type="hidden" name="intent" value="refund" />
            <input type="hidden" name="submissionKey" value={submissionKey} />
            <div>
              <label htmlFor="paymentId" className="field-label">
                {t("refunds.manage.payment")}
              </label>
              <select id="paymentId" name="paymentId" required className="field-input">
                <option value="">{t("refunds.manage.choosePayment")}</option>
                {payments.map((payment) => (
                  <option key={payment.id} value={payment.id}>
                    {t("refunds.manage.paymentChoice", {
                      organisation: payment.organisation,
                      title: payment.title,
                      amount: money(payment.amountCents),
                      method: t(`refunds.method.${payment.method}` as Key),
                      left: money(payment.leftCents),
                    })}
                  </option>
                ))}
              </select>
            </div>
            <div className="flex flex-wrap gap-3">
              <div>
                <label htmlFor="amount" className="field-label">
                  {t("refunds.manage.refundAmount")}
                </label>
                <input id="amount" name="amount" inputMode="decimal" required className="field-input w-32" />
              </div>
              <div>
                <label htmlFor="paidOn" className="field-label">
                  {t("refunds.manage.refundPaidOn")}
                </label>
                <input id="paidOn" name="paidOn" type="date" defaultValue={today} max={today} className="field-input" />
              </div>
            </div>
            <div>
              <label htmlFor="reason" className="field-label">
                {t("refunds.manage.refundReason")}
              </label>
              <input id="reason" name="reason" required minLength={3} maxLength={300} className="field-input" />
            </div>
            <div>
              <button type="submit" className="button">
                {t("refunds.manage.refundSubmit")}
              </button>
            </div>
          </Form>
        </section>
      ) : null}
    </>
  );
}
