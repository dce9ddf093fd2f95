import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { findCentreBySlug } from "~/domain/centre/centres.server";
import { checkoutStatusView, type CheckoutState } from "~/domain/money/checkout.server";
import { formatMoney, formatTime } from "~/i18n/format";
import { pageTitle } from "~/i18n/meta";
import { useLocale, useT } from "~/i18n/react";
import type { Key } from "~/i18n/translate";

export const meta: MetaFunction = ({ matches }) => [
  ...pageTitle(matches, "payments.pay.title"),
  { name: "robots", content: "noindex" },
];

/**
 * Where Stripe sends the hirer back (paid or not): where they stand, in plain words, without
 * JavaScript. The checkout's id is unguessable (decision 091) and only opens at its own centre.
 */
export async function loader({ params }: LoaderFunctionArgs) {
  const centre = await findCentreBySlug(params.slug ?? "");
  const checkout = centre ? await checkoutStatusView(centre.id, params.checkoutId ?? "") : null;
  if (!centre || !checkout) throw new Response("Not found", { status: 404 });
  return data(
    {
      centre: { slug: centre.slug, name: centre.name, timeZone: centre.timeZone },
      checkout: {
        state: checkout.state,
        amountCents: checkout.amountCents,
        title: checkout.title,
        holdUntil: checkout.holdUntil.toISOString(),
        payUrl: checkout.payUrl,
      },
    },
    { headers: { "Cache-Control": "no-store" } },
  );
}

const WORDS: Record<CheckoutState, { title: Key; body: Key }> = {
  paid: { title: "payments.pay.paidTitle", body: "payments.pay.paid" },
  paidTooLate: { title: "payments.pay.paidTooLateTitle", body: "payments.pay.paidTooLate" },
  processing: { title: "payments.pay.processingTitle", body: "payments.pay.processing" },
  open: { title: "payments.pay.openTitle", body: "payments.pay.open" },
  expired: { title: "payments.pay.expiredTitle", body: "payments.pay.expired" },
  failed: { title: "payments.pay.failedTitle", body: "payments.pay.failed" },
};

export default function PaymentReturn() {
  const { centre, checkout } = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  const words = WORDS[checkout.state];
  const released = checkout.state === "expired" || checkout.state === "failed";
  return (
    <section aria-labelledby="payment-state" className="grid max-w-xl gap-4">
      <h1 id="payment-state">{t(words.title)}</h1>
      <p role="status">{t(words.body, { time: formatTime(new Date(checkout.holdUntil), centre.timeZone, locale) })}</p>
      <dl className="grid gap-1">
        <dt className="sr-only">{t("payments.pay.title")}</dt>
        <dd>{t("payments.pay.booking", { title: checkout.title })}</dd>
        <dd>{t("payments.pay.amount", { amount: formatMoney(checkout.amountCents, locale) })}</dd>
      </dl>
      <p className="flex flex-wrap gap-3">
        {checkout.payUrl ? (
          <a className="button" href={checkout.payUrl}>
            {t("payments.pay.payAgain")}
          </a>
        ) : null}
        {released ? (
          <Link className="button" to={`/centres/${centre.slug}/book`}>
            {t("payments.pay.bookAgain")}
          </Link>
        ) : null}
        <Link to={`/centres/${centre.slug}/my-bookings`}>{t("payments.pay.myBookings")}</Link>
      </p>
    </section>
  );
}
