import { db, type Tx } from "~/db/client.server";
import { recordAudit } from "../shared/audit.server";
import { cancellationOutcomes, type CancellationOutcome } from "../money/cancellation-fee";
import { DomainError, NotFoundError } from "../shared/errors";
import { endRuleBefore, refreshTotals } from "./series-changes.server";
import { formatWallClock } from "../time/time-zone";
import { notifySignupsOfCancelledDate } from "../residents/signups.server";
import { clock } from "~/lib/clock";
import { refundForDates, sendReservedRefunds } from "../money/refunds.server";
import { transactionOnce, type Submission } from "../shared/submissions.server";

/**
 * An organisation cancels one date, the rest of a series, or all of it. Before confirming it
 * sees what the centre's cancellation policy charges per date; the same calculation is then
 * applied in one transaction (fees stored per date, rooms freed, the series' rule ended).
 */

export type CancelScope = "date" | "rest" | "all";

export interface CancelRequest {
  centreId: string;
  /** the organisations the person books for: another organisation's booking is not found */
  organisationIds: string[];
  bookingId: string;
  scope: CancelScope;
  /** for "date" and "rest": the date to start from */
  occurrenceId?: string;
}

export interface CancellationPreview {
  bookingId: string;
  title: string;
  dates: (CancellationOutcome & { id: string; startsAt: Date; endsAt: Date; priceInclCents: number })[];
  totalFeeCents: number;
}

async function datesInScope(client: Tx, request: CancelRequest, now: Date) {
  const booking = await client.booking.findFirst({
    where: { id: request.bookingId, centreId: request.centreId, organisationId: { in: request.organisationIds } },
  });
  if (!booking) throw new NotFoundError("booking");
  if (!["CONFIRMED", "PENDING"].includes(booking.status))
    throw new DomainError("booking-not-active", "This booking no longer takes place.", {}, 409);
  let from = null;
  if (request.scope !== "all") {
    from = await client.occurrence.findFirst({ where: { id: request.occurrenceId ?? "", bookingId: booking.id } });
    if (!from) throw new NotFoundError("occurrence");
  }
  const dates = await client.occurrence.findMany({
    where: {
      bookingId: booking.id,
      status: "ACTIVE",
      startsAt: { gt: now },
      ...(request.scope === "date"
        ? { id: from!.id }
        : request.scope === "rest"
          ? { originalLocalStart: { gte: from!.originalLocalStart } }
          : {}),
    },
    orderBy: { startsAt: "asc" },
  });
  if (dates.length === 0) throw new DomainError("nothing-to-cancel", "There is no coming date to cancel.", {}, 409);
  return { booking, from, dates };
}

export async function previewCancellation(
  request: CancelRequest,
  now = clock.now(),
  client: Tx = db(),
): Promise<CancellationPreview> {
  const { booking, dates } = await datesInScope(client, request, now);
  const centre = await client.centre.findUniqueOrThrow({
    where: { id: request.centreId },
    select: { timeZone: true, cancellationSteps: { select: { minDaysBefore: true, feeBp: true } } },
  });
  const priced = dates.map((date) => ({
    id: date.id,
    startsAt: date.startsAt,
    priceInclCents: date.priceExclCents + date.vatCents,
  }));
  const outcome = cancellationOutcomes(centre.cancellationSteps, priced, now, centre.timeZone);
  return {
    bookingId: booking.id,
    title: booking.title,
    dates: dates.map((date, index) => ({
      ...outcome.dates[index]!,
      startsAt: date.startsAt,
      endsAt: date.endsAt,
      priceInclCents: date.priceExclCents + date.vatCents,
    })),
    totalFeeCents: outcome.totalFeeCents,
  };
}

/**
 * Cancels what the preview showed, charging the policy's fees; returns the preview it applied
 * and the refunds it made. What was paid for the cancelled dates beyond their fees goes back
 * the way it was paid (`refundForDates`): reserved in this transaction, then sent to Stripe for
 * an online payment; a manual payment's refund waits for a manager's transfer. With the form's
 * `submission`, a second sending (a double click) cancels and refunds nothing more.
 */
export async function cancelByOrganisation(
  request: CancelRequest & { actorId: string; reason: string },
  now = clock.now(),
  submission?: Submission,
) {
  const cancelled = await transactionOnce(submission, async (tx) => {
    await tx.$queryRaw`SELECT id FROM bookings WHERE id = ${request.bookingId}::uuid AND centre_id = ${request.centreId}::uuid FOR UPDATE`;
    const preview = await previewCancellation(request, now, tx);
    const { booking, from } = await datesInScope(tx, request, now);
    const reason = request.reason.trim() || "Geannuleerd door de organisatie";
    for (const date of preview.dates) {
      await tx.occurrence.update({
        where: { id: date.id },
        data: { status: "CANCELLED", cancelledAt: now, cancelReason: reason, cancellationFeeCents: date.feeCents },
      });
    }
    await tx.roomClaim.updateMany({
      where: { occurrenceId: { in: preview.dates.map((date) => date.id) } },
      data: { active: false },
    });
    for (const date of preview.dates) await notifySignupsOfCancelledDate(tx, request.centreId, date.id);
    const left = await tx.occurrence.count({ where: { bookingId: booking.id, status: "ACTIVE" } });
    if (left === 0) {
      await tx.booking.update({
        where: { id: booking.id },
        data: { status: "CANCELLED", cancelledAt: now, cancelReason: reason, materialisedUntil: null },
      });
    } else if (request.scope !== "date" && booking.rrule) {
      const firstCancelled =
        request.scope === "rest"
          ? from!.originalLocalStart
          : (await tx.occurrence.findUniqueOrThrow({ where: { id: preview.dates[0]!.id } })).originalLocalStart;
      await tx.booking.update({
        where: { id: booking.id },
        data: { rrule: endRuleBefore(booking.rrule, formatWallClock(firstCancelled)), materialisedUntil: null },
      });
    }
    await refreshTotals(tx, booking.id);
    const refunds = await refundForDates(
      tx,
      { centreId: request.centreId, actorId: request.actorId },
      {
        bookingId: booking.id,
        creditCents: preview.dates.reduce((sum, date) => sum + date.priceInclCents - date.feeCents, 0),
        reason: { key: "cancelled", values: { title: booking.title } },
      },
      now,
    );
    await recordAudit(tx, {
      centreId: request.centreId,
      actorId: request.actorId,
      entityType: "booking",
      entityId: booking.id,
      action:
        request.scope === "date" ? "date-cancelled" : request.scope === "rest" ? "rest-cancelled" : "booking-cancelled",
      details: {
        by: "organisation",
        dates: preview.dates.map((date) => date.startsAt.toISOString()),
        feeCents: preview.totalFeeCents,
        reason,
        refunds: refunds.map((refund) => refund.id),
      },
    });
    return { ...preview, refunds };
  });
  await sendReservedRefunds(
    { centreId: request.centreId, actorId: request.actorId },
    cancelled.refunds.map((refund) => refund.id),
  );
  return { ...cancelled, refundCents: cancelled.refunds.reduce((sum, refund) => sum - refund.amountCents, 0) };
}
