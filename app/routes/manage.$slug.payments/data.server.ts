import { type ActionFunctionArgs, type LoaderFunctionArgs, redirect } from "@remix-run/node";
import { requireCentrePermission } from "~/auth/guards.server";
import { can } from "~/auth/permissions";
import { eurosToCents } from "~/domain/bookings/form";
import { listInvoices } from "~/domain/money/invoices.server";
import { organisationChoices } from "~/domain/workspace/organisation-admin.server";
import { accounts, recordPaymentFor } from "~/domain/money/payments.server";
import { depositsHeld, overdueInvoices, refundsOverview } from "~/domain/money/money-views.server";
import { localDateAt } from "~/domain/time/time-zone";
import { clock } from "~/lib/clock";
import { answerForm, newSubmissionKey } from "~/lib/form-action.server";
import { paymentSchema } from "./schema";

/** What each organisation owes and has paid; registering money that came in. */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { centre, user, role } = await requireCentrePermission(request, params.slug, "centre.read");
  const url = new URL(request.url);
  const [all, invoices, organisations, overdue, deposits, refunds] = await Promise.all([
    accounts(centre.id),
    listInvoices(centre.id),
    organisationChoices(centre.id),
    overdueInvoices(centre.id),
    depositsHeld(centre.id),
    refundsOverview(centre.id),
  ]);
  const bookingId = url.searchParams.get("bookingId");
  const organisationId = url.searchParams.get("organisationId");
  return {
    centre: { slug: centre.slug, name: centre.name, timeZone: centre.timeZone },
    accounts: [...all].sort((a, b) => b.outstandingCents - a.outstandingCents),
    openInvoices: invoices.filter((invoice) => invoice.status === "ISSUED"),
    attention: { overdue, deposits, refundsWaiting: refunds.waiting },
    organisations,
    defaults: {
      target: bookingId ? `booking:${bookingId}` : organisationId ? `organisation:${organisationId}` : "",
      method: "BANK_TRANSFER",
      receivedOn: localDateAt(clock.now(), centre.timeZone),
      submissionKey: newSubmissionKey(context),
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
