import { db, transaction, type Tx } from "~/db/client.server";
import type { Payment } from "~/generated/prisma/client";
import { clock } from "~/lib/clock";
import { logError } from "~/lib/log.server";
import type { ActorOrJob } from "../shared/actor";
import { recordAudit } from "../shared/audit.server";
import { DomainError, NotFoundError } from "../shared/errors";
import { transactionOnce, type Submission } from "../shared/submissions.server";
import { localDateAt, startOfLocalDay } from "../time/time-zone";
import { issueCreditNote } from "./credit-notes.server";
import { stripeFor } from "./stripe.server";
import { formatMoney } from "~/i18n/format";
import { translator } from "~/i18n/translate.server";

/**
 * Refunds: the one way money goes back. A refund is a Payment row with a negative amount,
 * kind REFUND (or DEPOSIT_RETURN for a deposit) and `refundOfId` pointing at the payment it
 * pays back. See docs/decisions/094-refunds-follow-the-policy.md.
 *
 * Two steps, so a call to Stripe is never inside a database transaction and never made twice:
 * 1. `reserveRefund` (in the transaction of whatever causes the refund: a cancellation, a
 *    bump, a deposit return, the refund form) locks the paid row (SELECT … FOR UPDATE), refuses
 *    when this refund and the earlier ones (done or still PENDING) would exceed what it
 *    received, and writes the refund row as PENDING. The cause happens once (its own lock or
 *    the form's key), so the row is written once.
 * 2. An online payment's refund is then sent to Stripe (`sendRefund`) with the idempotency key
 *    "buurtrooster-refund-<refund row id>": a double click, a retry or a job sends the same
 *    key, and Stripe makes one refund. Its answer is stored (`providerRefundId`, unique) and the
 *    row becomes SUCCEEDED with its credit note in one transaction. A failed call leaves the row
 *    PENDING without a credit note, reserved against the payment; a retry completes it.
 *    A manual payment's refund stays PENDING ("to transfer") until a manager registers the bank
 *    transfer back (`confirmRefund`), which makes it SUCCEEDED with its credit note.
 */

type RefundKind = "REFUND" | "DEPOSIT_RETURN";

/** Refund rows that count against a payment: done, or reserved and on their way. */
const COUNTING = ["PENDING", "SUCCEEDED"] as const;

interface RefundRequest {
  /** the payment (a positive row) that is paid back */
  paymentId: string;
  /** cents to pay back (positive) */
  amountCents: number;
  /** why, in words the hirer reads on the credit note */
  reason: string;
}

/** Locks a paid payment of this centre and says how much of it can still be paid back. */
async function lockPaid(tx: Tx, centreId: string, paymentId: string) {
  const [row] = await tx.$queryRaw<{ id: string }[]>`
    SELECT id::text FROM payments WHERE id = ${paymentId}::uuid AND centre_id = ${centreId}::uuid FOR UPDATE`;
  if (!row) throw new NotFoundError("payment");
  const paid = await tx.payment.findUniqueOrThrow({ where: { id: paymentId } });
  const refunded = await tx.payment.aggregate({
    where: { refundOfId: paymentId, status: { in: [...COUNTING] } },
    _sum: { amountCents: true },
  });
  return { paid, refundableCents: paid.amountCents + (refunded._sum.amountCents ?? 0) };
}

/**
 * Reserves a refund of part of a payment, in the caller's transaction: the refund row is written
 * PENDING. Refuses `not-found` (another centre's payment), `refund-amount-invalid` (not a
 * positive whole number of cents), `refund-not-refundable` (the payment is not money received,
 * or itself a refund), `refund-too-large` (more than what is left of the payment, with `left`
 * in euros).
 */
async function reserveRefund(tx: Tx, actor: ActorOrJob, request: RefundRequest, now: Date): Promise<Payment> {
  if (!Number.isInteger(request.amountCents) || request.amountCents <= 0)
    throw new DomainError("refund-amount-invalid", "A refund is a positive number of cents.");
  const { paid, refundableCents } = await lockPaid(tx, actor.centreId, request.paymentId);
  if (paid.amountCents <= 0 || paid.status !== "SUCCEEDED" || !["FEE", "DEPOSIT"].includes(paid.kind))
    throw new DomainError("refund-not-refundable", "This payment is not money received.", {}, 409);
  if (request.amountCents > refundableCents)
    throw new DomainError(
      "refund-too-large",
      "More cannot be paid back than was paid.",
      { left: Math.max(0, refundableCents) / 100 },
      409,
    );
  const kind: RefundKind = paid.kind === "DEPOSIT" ? "DEPOSIT_RETURN" : "REFUND";
  const refund = await tx.payment.create({
    data: {
      centreId: paid.centreId,
      organisationId: paid.organisationId,
      bookingId: paid.bookingId,
      invoiceId: paid.invoiceId,
      amountCents: -request.amountCents,
      method: paid.method,
      kind,
      status: "PENDING",
      reference: request.reason.trim().slice(0, 300),
      refundOfId: paid.id,
      receivedAt: now,
      recordedById: actor.actorId,
    },
  });
  await recordAudit(tx, {
    centreId: actor.centreId,
    actorId: actor.actorId,
    entityType: paid.bookingId ? "booking" : "organisation",
    entityId: paid.bookingId ?? paid.organisationId,
    action: "refund-reserved",
    details: { refundId: refund.id, paymentId: paid.id, amountCents: request.amountCents, kind, method: paid.method },
  });
  return refund;
}

/** Whether a refund goes back through Stripe (the payment was made online) or by a manager's transfer. */
export function isOnline(payment: Pick<Payment, "method">): boolean {
  return payment.method === "ONLINE";
}

/** Makes a reserved refund final in `tx`: SUCCEEDED with its credit note (once, whoever comes second). */
async function completeRefund(
  tx: Tx,
  refundId: string,
  done: { providerRefundId?: string; at: Date; reference?: string; actorId: string | null },
) {
  await tx.$queryRaw`SELECT id FROM payments WHERE id = ${refundId}::uuid FOR UPDATE`;
  const refund = await tx.payment.findUniqueOrThrow({ where: { id: refundId } });
  if (refund.status !== "PENDING") return refund;
  const updated = await tx.payment.update({
    where: { id: refundId },
    data: {
      status: "SUCCEEDED",
      providerRefundId: done.providerRefundId ?? null,
      receivedAt: done.at,
      ...(done.reference ? { reference: `${refund.reference} · ${done.reference}`.slice(0, 300) } : {}),
    },
  });
  const note = await issueCreditNote(tx, updated, clock.now());
  await recordAudit(tx, {
    centreId: refund.centreId,
    actorId: done.actorId,
    entityType: refund.bookingId ? "booking" : "organisation",
    entityId: refund.bookingId ?? refund.organisationId,
    action: "refund-done",
    details: {
      refundId,
      amountCents: -refund.amountCents,
      providerRefundId: done.providerRefundId ?? null,
      creditNote: note.number,
    },
  });
  return updated;
}

/** The Stripe idempotency key of a refund: derived from the reserved row, so every retry sends the same. */
function refundIdempotencyKey(refundId: string): string {
  return `buurtrooster-refund-${refundId}`;
}

/**
 * Sends a reserved refund of an online payment to Stripe and makes it final. Sending it again
 * (a double click, a retry, the job) sends the same idempotency key, so Stripe refunds once.
 * Refuses `not-found`, `refund-not-online` (a manual payment: a manager transfers it),
 * `refund-stripe-missing` (the centre has no Stripe keys) and `refund-stripe-failed` (Stripe
 * said no or could not be reached: the refund stays PENDING, nothing else is written but an
 * audit line, and a retry completes it). A refund that is done already is returned as it is.
 */
export async function sendRefund(actor: ActorOrJob, refundId: string): Promise<Payment> {
  const refund = await db().payment.findFirst({
    where: { id: refundId, centreId: actor.centreId, amountCents: { lt: 0 } },
    include: { refundOf: true },
  });
  if (!refund || !refund.refundOf) throw new NotFoundError("refund");
  if (refund.status !== "PENDING") return refund;
  if (!isOnline(refund) || !refund.refundOf.providerPaymentId)
    throw new DomainError("refund-not-online", "This refund is made by a bank transfer.", {}, 409);
  const stripe = await stripeFor(actor.centreId);
  if (!stripe) throw new DomainError("refund-stripe-missing", "The centre has no Stripe account set up.", {}, 409);
  let stripeRefund;
  try {
    stripeRefund = await stripe.stripe.refunds.create(
      {
        payment_intent: refund.refundOf.providerPaymentId,
        amount: -refund.amountCents,
        metadata: { buurtrooster_refund: refund.id, booking: refund.bookingId ?? "" },
      },
      { idempotencyKey: refundIdempotencyKey(refund.id) },
    );
  } catch (error) {
    logError(error, { refundId, centreId: actor.centreId, what: "stripe refund" });
    await transaction((tx) =>
      recordAudit(tx, {
        centreId: actor.centreId,
        actorId: actor.actorId,
        entityType: refund.bookingId ? "booking" : "organisation",
        entityId: refund.bookingId ?? refund.organisationId,
        action: "refund-failed",
        details: { refundId, message: error instanceof Error ? error.message.slice(0, 300) : "unknown" },
      }),
    );
    throw new DomainError("refund-stripe-failed", "Stripe did not make the refund.", {}, 409);
  }
  if (stripeRefund.status === "failed" || stripeRefund.status === "canceled") {
    // Stripe refused it: the row stays PENDING. 409 (as above), not a 5xx a proxy might replace.
    throw new DomainError("refund-stripe-failed", "Stripe did not make the refund.", {}, 409);
  }
  return transaction((tx) =>
    completeRefund(tx, refund.id, { providerRefundId: stripeRefund.id, at: clock.now(), actorId: actor.actorId }),
  );
}

/**
 * After the transaction that reserved them: sends the online refunds among `refundIds` to Stripe.
 * A refund Stripe does not make now stays PENDING (logged, shown to the managers, retried by
 * the refunds job); the cause (a cancellation, a bump) stands either way.
 */
export async function sendReservedRefunds(actor: ActorOrJob, refundIds: string[]): Promise<void> {
  for (const refundId of refundIds) {
    const refund = await db().payment.findFirst({
      where: { id: refundId, centreId: actor.centreId },
      select: { method: true, status: true },
    });
    if (!refund || refund.status !== "PENDING" || !isOnline(refund)) continue;
    try {
      await sendRefund(actor, refundId);
    } catch (error) {
      if (!(error instanceof DomainError)) logError(error, { refundId, what: "send reserved refund" });
    }
  }
}

/** The job's part: every online refund of every centre still PENDING after a minute is sent again. */
export async function sendWaitingRefunds(now = clock.now()): Promise<number> {
  const waiting = await db().payment.findMany({
    where: {
      status: "PENDING",
      method: "ONLINE",
      amountCents: { lt: 0 },
      refundOfId: { not: null },
      createdAt: { lt: new Date(now.getTime() - 60_000) },
    },
    select: { id: true, centreId: true },
    take: 100,
  });
  let sent = 0;
  for (const refund of waiting) {
    try {
      await sendRefund({ centreId: refund.centreId, actorId: null }, refund.id);
      sent++;
    } catch (error) {
      if (!(error instanceof DomainError)) logError(error, { refundId: refund.id, what: "refunds job" });
    }
  }
  return sent;
}

/**
 * A manager registers the bank transfer of a manual refund (one that is PENDING "to transfer"):
 * the refund becomes SUCCEEDED on `paidOn` (the local day) and gets its credit note. Refuses
 * `not-found`, `refund-not-pending` (done already, or an online refund: Stripe pays it),
 * `payment-date-invalid`, `payment-date-future`.
 */
export async function confirmRefund(
  actor: ActorOrJob,
  input: { refundId: string; paidOn: string; reference?: string },
  now = clock.now(),
) {
  const at = await dayOfTransfer(actor.centreId, input.paidOn, now);
  return transaction(async (tx) => {
    const refund = await tx.payment.findFirst({
      where: { id: input.refundId, centreId: actor.centreId, amountCents: { lt: 0 }, refundOfId: { not: null } },
    });
    if (!refund) throw new NotFoundError("refund");
    if (refund.status !== "PENDING" || isOnline(refund))
      throw new DomainError("refund-not-pending", "This refund does not wait for a bank transfer.", {}, 409);
    return completeRefund(tx, refund.id, { at, reference: input.reference?.trim(), actorId: actor.actorId });
  });
}

/** The instant a manual refund went out: the start of `paidOn` in the centre's zone, not after today. */
async function dayOfTransfer(centreId: string, paidOn: string, now: Date): Promise<Date> {
  const centre = await db().centre.findUniqueOrThrow({ where: { id: centreId }, select: { timeZone: true } });
  let at: Date;
  try {
    at = startOfLocalDay(paidOn, centre.timeZone);
  } catch {
    throw new DomainError("payment-date-invalid", "The day is not a date.");
  }
  if (paidOn > localDateAt(now, centre.timeZone))
    throw new DomainError("payment-date-future", "The money cannot go out later than today.");
  return at;
}

/**
 * The refund form: a manager pays back part of a payment. Online payments go back through
 * Stripe at once; manual ones are registered as transferred on `paidOn` (the manager makes the
 * transfer). With a `submission` the same form refunds once, however often it is sent.
 * Refuses as `reserveRefund`, `sendRefund` and `confirmRefund` do.
 */
export async function refundPayment(
  actor: ActorOrJob,
  input: RefundRequest & { paidOn: string },
  now = clock.now(),
  submission?: Submission,
) {
  // A wrong day is refused before anything is reserved.
  await dayOfTransfer(actor.centreId, input.paidOn, now);
  const refund = await transactionOnce(
    submission,
    (tx) => reserveRefund(tx, actor, input, now),
    (row) => row.id,
  );
  return isOnline(refund)
    ? sendRefund(actor, refund.id)
    : confirmRefund(actor, { refundId: refund.id, paidOn: input.paidOn }, now);
}

/**
 * What was paid for a booking's dates and is no longer owed goes back, in the caller's
 * transaction (after the dates were cancelled or bumped and their fees stored): at most
 * `creditCents` (the cancelled dates' prices minus their fees), and never more than the
 * booking's fee payments exceed what it still owes (the dates left plus every fee). Spread over
 * the booking's fee payments, newest first. Returns the reserved refund rows (PENDING).
 */
export async function refundForDates(
  tx: Tx,
  actor: ActorOrJob,
  request: { bookingId: string; creditCents: number; reason: RefundReason },
  now: Date,
): Promise<Payment[]> {
  if (request.creditCents <= 0) return [];
  const reason = await reasonText(tx, actor.centreId, request.reason);
  const paidRows = await tx.payment.findMany({
    where: {
      centreId: actor.centreId,
      bookingId: request.bookingId,
      kind: "FEE",
      status: "SUCCEEDED",
      amountCents: { gt: 0 },
    },
    orderBy: { receivedAt: "desc" },
  });
  if (paidRows.length === 0) return [];
  const refunded = await tx.payment.aggregate({
    where: { refundOfId: { in: paidRows.map((row) => row.id) }, status: { in: [...COUNTING] } },
    _sum: { amountCents: true },
  });
  const netPaid = paidRows.reduce((sum, row) => sum + row.amountCents, 0) + (refunded._sum.amountCents ?? 0);
  const [owed] = await tx.$queryRaw<{ owed: number }[]>`
    SELECT COALESCE(SUM(CASE WHEN o.status = 'ACTIVE' THEN o.price_excl_cents + o.vat_cents
                             ELSE o.cancellation_fee_cents END), 0)::int AS owed
    FROM occurrences o WHERE o.booking_id = ${request.bookingId}::uuid AND o.centre_id = ${actor.centreId}::uuid`;
  let left = Math.min(request.creditCents, netPaid - (owed?.owed ?? 0));
  const refunds: Payment[] = [];
  for (const paid of paidRows) {
    if (left <= 0) break;
    const { refundableCents } = await lockPaid(tx, actor.centreId, paid.id);
    const amount = Math.min(left, refundableCents);
    if (amount <= 0) continue;
    refunds.push(await reserveRefund(tx, actor, { paymentId: paid.id, amountCents: amount, reason }, now));
    left -= amount;
  }
  return refunds;
}

/**
 * A manager returns a booking's deposit after its last date, in one action: in full, or minus
 * `deductionCents` with a `reason`. The deposit becomes RETURNED; the money goes back as a
 * DEPOSIT_RETURN row (through Stripe at once for an online deposit, else to transfer).
 * Refuses `not-found`, `deposit-not-held`, `deposit-too-early` (a date of the booking has not
 * ended yet), `deposit-deduction-invalid` (negative or more than the deposit) and
 * `deposit-reason-required` (a deduction without a reason). With a `submission` it happens once.
 */
export async function returnDeposit(
  actor: ActorOrJob,
  input: { bookingId: string; deductionCents: number; reason: string },
  now = clock.now(),
  submission?: Submission,
) {
  const reserved = await transactionOnce(
    submission,
    async (tx) => {
      const [locked] = await tx.$queryRaw<{ id: string }[]>`
        SELECT id::text FROM bookings WHERE id = ${input.bookingId}::uuid AND centre_id = ${actor.centreId}::uuid FOR UPDATE`;
      if (!locked) throw new NotFoundError("booking");
      const booking = await tx.booking.findUniqueOrThrow({ where: { id: input.bookingId } });
      if (booking.depositStatus !== "HELD")
        throw new DomainError("deposit-not-held", "This booking has no deposit held.", {}, 409);
      const last = await tx.occurrence.aggregate({
        where: { bookingId: booking.id, status: "ACTIVE" },
        _max: { endsAt: true },
      });
      if (last._max.endsAt && last._max.endsAt > now)
        throw new DomainError("deposit-too-early", "The deposit goes back after the last date.", {}, 409);
      const deposits = await tx.payment.findMany({
        where: {
          bookingId: booking.id,
          centreId: actor.centreId,
          kind: "DEPOSIT",
          status: "SUCCEEDED",
          amountCents: { gt: 0 },
        },
        orderBy: { receivedAt: "asc" },
      });
      const heldCents = deposits.reduce((sum, row) => sum + row.amountCents, 0);
      if (!Number.isInteger(input.deductionCents) || input.deductionCents < 0 || input.deductionCents > heldCents)
        throw new DomainError("deposit-deduction-invalid", "The deduction is more than the deposit.", {
          deposit: heldCents / 100,
        });
      const reason = input.reason.trim();
      if (input.deductionCents > 0 && !reason)
        throw new DomainError("deposit-reason-required", "Say why part of the deposit is kept.");
      const noteReason = await reasonText(
        tx,
        actor.centreId,
        input.deductionCents > 0
          ? { key: "depositDeducted", values: { title: booking.title, cents: input.deductionCents, reason } }
          : { key: "deposit", values: { title: booking.title } },
      );
      let left = heldCents - input.deductionCents;
      const refunds: Payment[] = [];
      for (const deposit of deposits) {
        if (left <= 0) break;
        const { refundableCents } = await lockPaid(tx, actor.centreId, deposit.id);
        const amount = Math.min(left, refundableCents);
        if (amount <= 0) continue;
        refunds.push(
          await reserveRefund(tx, actor, { paymentId: deposit.id, amountCents: amount, reason: noteReason }, now),
        );
        left -= amount;
      }
      await tx.booking.update({ where: { id: booking.id }, data: { depositStatus: "RETURNED" } });
      await recordAudit(tx, {
        centreId: actor.centreId,
        actorId: actor.actorId,
        entityType: "booking",
        entityId: booking.id,
        action: "deposit-returned",
        details: { heldCents, deductionCents: input.deductionCents, reason, refunds: refunds.map((row) => row.id) },
      });
      return { bookingId: booking.id, refunds };
    },
    (result) => result.bookingId,
  );
  await sendReservedRefunds(
    actor,
    reserved.refunds.map((row) => row.id),
  );
  return reserved;
}

/** Why money goes back, as the credit note says it (in the centre's language). */
export type RefundReason =
  | { key: "cancelled"; values: { title: string } }
  | { key: "bumped"; values: { title: string; initiative: string } }
  | { key: "deposit"; values: { title: string } }
  | { key: "depositDeducted"; values: { title: string; cents: number; reason: string } };

async function reasonText(tx: Tx, centreId: string, reason: RefundReason): Promise<string> {
  const centre = await tx.centre.findUniqueOrThrow({ where: { id: centreId }, select: { defaultLocale: true } });
  const t = translator(centre.defaultLocale);
  if (reason.key === "depositDeducted") {
    const { cents, ...values } = reason.values;
    return t("refunds.reason.depositDeducted", { ...values, amount: formatMoney(cents, centre.defaultLocale) });
  }
  return t(`refunds.reason.${reason.key}`, reason.values);
}

/**
 * After a manager cancelled dates for a hirer (in the booking engine's own transaction): what
 * the booking's fee payments now exceed what it still owes goes back, at most `creditCents`
 * (the cancelled dates' prices minus their fees). Safe to run again: what is reserved already
 * counts, so a second run finds nothing left. Online refunds are sent to Stripe at once.
 */
export async function refundAfterCancelling(
  actor: ActorOrJob,
  input: { bookingId: string; creditCents: number },
  now = clock.now(),
): Promise<number> {
  const refunds = await transaction(async (tx) => {
    const [locked] = await tx.$queryRaw<{ id: string }[]>`
      SELECT id::text FROM bookings WHERE id = ${input.bookingId}::uuid AND centre_id = ${actor.centreId}::uuid FOR UPDATE`;
    if (!locked) throw new NotFoundError("booking");
    const booking = await tx.booking.findUniqueOrThrow({ where: { id: input.bookingId }, select: { title: true } });
    return refundForDates(
      tx,
      actor,
      {
        bookingId: input.bookingId,
        creditCents: input.creditCents,
        reason: { key: "cancelled", values: { title: booking.title } },
      },
      now,
    );
  });
  await sendReservedRefunds(
    actor,
    refunds.map((row) => row.id),
  );
  return refunds.reduce((sum, row) => sum - row.amountCents, 0);
}
