import { type ActionFunctionArgs, data, type LoaderFunctionArgs, redirect } from "@remix-run/node";
import type { SubmissionResult } from "@conform-to/react";
import { requireCentrePermission } from "~/auth/guards.server";
import { can } from "~/auth/permissions";
import { eurosToCents } from "~/domain/bookings/form";
import { depositsHeld, refundablePayments, refundsOverview } from "~/domain/money/money-views.server";
import { confirmRefund, refundPayment, returnDeposit, sendRefund } from "~/domain/money/refunds.server";
import { localDateAt } from "~/domain/time/time-zone";
import { clock } from "~/lib/clock";
import { answerForm, newSubmissionKey } from "~/lib/form-action.server";
import { depositSchema, refundSchema, retrySchema, transferSchema } from "./schema";

/** Deposits to return, refunds waiting for a transfer or for Stripe, refunds done with their credit notes. */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { centre, user, role } = await requireCentrePermission(request, params.slug, "centre.read");
  const [deposits, refunds, payments] = await Promise.all([
    depositsHeld(centre.id),
    refundsOverview(centre.id),
    refundablePayments(centre.id),
  ]);
  return {
    centre: { slug: centre.slug, timeZone: centre.timeZone },
    deposits,
    refunds,
    payments,
    today: localDateAt(clock.now(), centre.timeZone),
    submissionKey: newSubmissionKey(context),
    done: new URL(request.url).searchParams.get("done"),
    canPay: can({ installationRole: user.installationRole, role }, "payments.manage"),
  };
}

/** Which form on the page was refused, and how (the page shows it next to that form). */
export interface Refused {
  form: string;
  reply: SubmissionResult<string[]>;
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { centre, actor } = await requireCentrePermission(request, params.slug, "payments.manage");
  const formData = await request.formData();
  const here = `/manage/${centre.slug}/refunds`;
  const intent = formData.get("intent");
  const back = (form: string) => (reply: SubmissionResult<string[]>, init: ResponseInit) =>
    data<Refused>({ form, reply }, init);
  if (intent === "return-deposit")
    return answerForm(formData, {
      schema: depositSchema,
      work: (value) =>
        returnDeposit(
          actor,
          { bookingId: value.bookingId, deductionCents: eurosToCents(value.deduction), reason: value.reason },
          clock.now(),
          { key: value.submissionKey, centreId: centre.id, kind: "deposit-return" },
        ),
      done: () => redirect(`${here}?done=deposit`),
      again: () => redirect(`${here}?done=deposit`),
      back: back(`deposit:${String(formData.get("bookingId"))}`),
    });
  if (intent === "confirm-transfer")
    return answerForm(formData, {
      schema: transferSchema,
      work: (value) =>
        confirmRefund(actor, { refundId: value.refundId, paidOn: value.paidOn, reference: value.reference }),
      done: () => redirect(`${here}?done=refund`),
      back: back(`refund:${String(formData.get("refundId"))}`),
    });
  if (intent === "retry")
    return answerForm(formData, {
      schema: retrySchema,
      work: (value) => sendRefund(actor, value.refundId),
      done: () => redirect(`${here}?done=refund`),
      back: back(`refund:${String(formData.get("refundId"))}`),
    });
  return answerForm(formData, {
    schema: refundSchema,
    work: (value) =>
      refundPayment(
        actor,
        {
          paymentId: value.paymentId,
          amountCents: eurosToCents(value.amount),
          reason: value.reason,
          paidOn: value.paidOn,
        },
        clock.now(),
        { key: value.submissionKey, centreId: centre.id, kind: "refund" },
      ),
    done: () => redirect(`${here}?done=refund`),
    // The same form sent twice: the first one refunded.
    again: () => redirect(`${here}?done=refund`),
    back: back("refund"),
  });
}
