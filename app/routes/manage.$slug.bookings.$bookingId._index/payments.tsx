import { Money } from "~/components/workspace";
import type { bookingPayments } from "~/domain/money/payments.server";
import { formatShortDate } from "~/i18n/format";
import { useLocale, useT } from "~/i18n/react";

/** What the booking costs, what was paid and what is still open; the payments one by one. */
export function BookingPayments({
  money,
  timeZone: tz,
}: {
  money: Awaited<ReturnType<typeof bookingPayments>>;
  timeZone: string;
}) {
  const t = useT();
  const locale = useLocale();
  return (
    <>
      <h2>{t("workspace.booking.payments")}</h2>
      {money.account ? (
        <p>
          {t("workspace.booking.owed")}: <Money cents={money.account.dueCents} /> · {t("workspace.booking.paid")}:{" "}
          <Money cents={money.account.paidCents} /> · {t("workspace.booking.outstanding")}:{" "}
          <strong>
            <Money cents={money.account.outstandingCents} />
          </strong>
          {money.account.upcomingCents > 0 ? (
            <>
              {" "}
              · {t("workspace.booking.upcoming")}: <Money cents={money.account.upcomingCents} />
            </>
          ) : null}
        </p>
      ) : (
        <p>{t("workspace.booking.nothingOwed")}</p>
      )}
      {money.payments.length > 0 ? (
        <ul>
          {money.payments.map((payment) => (
            <li key={payment.id}>
              {formatShortDate(new Date(payment.receivedAt), tz, locale)} · <Money cents={payment.amountCents} /> ·{" "}
              {t(`workspace.paymentMethod.${payment.method}`)}
              {payment.status !== "SUCCEEDED" ? ` · ${t(`workspace.paymentStatus.${payment.status}`)}` : null}
              {payment.reference ? ` · ${payment.reference}` : null}
            </li>
          ))}
        </ul>
      ) : null}
    </>
  );
}
