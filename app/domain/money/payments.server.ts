import { db } from "~/db/client.server";
import type { PaymentMethod } from "~/generated/prisma/enums";
import { recordAudit } from "../shared/audit.server";
import { DomainError, NotFoundError } from "../shared/errors";
import { transactionOnce, type Submission } from "../shared/submissions.server";
import { localDateAt, startOfLocalDay } from "../time/time-zone";
import { clock } from "~/lib/clock";
import type { Actor } from "../shared/actor";

/**
 * Money received, and what is still open, per booking and per organisation (integer cents,
 * incl. VAT).
 *
 * What a booking owes *now*: the price of its dates that have taken place (or that are on an
 * invoice already, which makes them due), plus the cancellation fees of cancelled dates.
 * Dates still to come and not invoiced are "to come". A payment is registered against a
 * booking or an invoice (a month invoice spreads its payments over its lines, in order) or,
 * failing both, against the organisation as credit. Online payments (a later issue) are
 * Payment rows too, with the provider's id and status; only SUCCEEDED ones count.
 */

interface BookingAccount {
  bookingId: string;
  organisationId: string;
  title: string;
  status: string;
  /** owed now: dates that took place or are invoiced, plus fees */
  dueCents: number;
  /** dates still to come, not invoiced */
  upcomingCents: number;
  paidCents: number;
  outstandingCents: number;
}

export interface OrganisationAccount {
  organisationId: string;
  name: string;
  tier: string;
  dueCents: number;
  upcomingCents: number;
  paidCents: number;
  /** payments not tied to a booking (credit) are part of paidCents */
  outstandingCents: number;
  bookings: BookingAccount[];
}

interface BookingSums {
  booking_id: string;
  organisation_id: string;
  title: string;
  status: string;
  due: number;
  upcoming: number;
}

/** Every organisation's account at a centre (organisations without any money matter are left out). */
export async function accounts(
  centreId: string,
  now = clock.now(),
  options: { organisationId?: string } = {},
): Promise<OrganisationAccount[]> {
  const organisationId = options.organisationId ?? null;
  const sums = await db().$queryRaw<BookingSums[]>`
    SELECT b.id::text AS booking_id, b.organisation_id::text AS organisation_id, b.title, b.status::text AS status,
      COALESCE(SUM(CASE
        WHEN o.status = 'ACTIVE' AND b.status = 'CONFIRMED'
             AND (o.starts_at < ${now} OR EXISTS (SELECT 1 FROM invoice_lines il JOIN invoices i ON i.id = il.invoice_id
                                                 WHERE il.occurrence_id = o.id AND i.status <> 'CREDITED'))
          THEN o.price_excl_cents + o.vat_cents
        WHEN o.status <> 'ACTIVE' THEN o.cancellation_fee_cents
        ELSE 0 END), 0)::int AS due,
      COALESCE(SUM(CASE
        WHEN o.status = 'ACTIVE' AND b.status = 'CONFIRMED' AND o.starts_at >= ${now}
             AND NOT EXISTS (SELECT 1 FROM invoice_lines il JOIN invoices i ON i.id = il.invoice_id
                             WHERE il.occurrence_id = o.id AND i.status <> 'CREDITED')
          THEN o.price_excl_cents + o.vat_cents ELSE 0 END), 0)::int AS upcoming
    FROM bookings b JOIN occurrences o ON o.booking_id = b.id
    WHERE b.centre_id = ${centreId}::uuid
      AND (${organisationId}::uuid IS NULL OR b.organisation_id = ${organisationId}::uuid)
    GROUP BY b.id
    ORDER BY b.created_at`;
  // A deposit (and its return) is held money, not payment for the dates: it is left out here.
  const payments = await db().payment.findMany({
    where: {
      centreId,
      status: "SUCCEEDED",
      kind: { in: ["FEE", "REFUND"] },
      ...(organisationId ? { organisationId } : {}),
    },
    select: { organisationId: true, bookingId: true, invoiceId: true, amountCents: true },
  });
  const invoiceIds = [
    ...new Set(
      payments.filter((payment) => !payment.bookingId && payment.invoiceId).map((payment) => payment.invoiceId!),
    ),
  ];
  const invoiceLines = invoiceIds.length
    ? await db().invoiceLine.findMany({
        where: { invoiceId: { in: invoiceIds } },
        orderBy: { id: "asc" },
        select: { invoiceId: true, bookingId: true, amountExclCents: true, vatCents: true },
      })
    : [];

  const bookingPaid = new Map<string, number>();
  const credit = new Map<string, number>();
  const add = (map: Map<string, number>, key: string, cents: number) => map.set(key, (map.get(key) ?? 0) + cents);
  for (const payment of payments) {
    if (payment.bookingId) {
      add(bookingPaid, payment.bookingId, payment.amountCents);
    } else if (payment.invoiceId) {
      // Spread over the invoice's lines in order; whatever is left is credit.
      let left = payment.amountCents;
      for (const line of invoiceLines.filter((candidate) => candidate.invoiceId === payment.invoiceId)) {
        if (left <= 0 || !line.bookingId) continue;
        const share = Math.min(left, line.amountExclCents + line.vatCents);
        add(bookingPaid, line.bookingId, share);
        left -= share;
      }
      if (left !== 0) add(credit, payment.organisationId, left);
    } else {
      add(credit, payment.organisationId, payment.amountCents);
    }
  }

  const byOrganisation = new Map<string, BookingAccount[]>();
  for (const row of sums) {
    const paid = bookingPaid.get(row.booking_id) ?? 0;
    if (row.due === 0 && row.upcoming === 0 && paid === 0) continue;
    const account: BookingAccount = {
      bookingId: row.booking_id,
      organisationId: row.organisation_id,
      title: row.title,
      status: row.status,
      dueCents: row.due,
      upcomingCents: row.upcoming,
      paidCents: paid,
      outstandingCents: row.due - paid,
    };
    byOrganisation.set(row.organisation_id, [...(byOrganisation.get(row.organisation_id) ?? []), account]);
  }
  for (const organisation of credit.keys()) if (!byOrganisation.has(organisation)) byOrganisation.set(organisation, []);
  if (byOrganisation.size === 0) return [];
  const organisations = await db().organisation.findMany({
    where: { centreId, id: { in: [...byOrganisation.keys()] } },
    select: { id: true, name: true, tier: true },
    orderBy: { name: "asc" },
  });
  return organisations.map((organisation) => {
    const bookings = byOrganisation.get(organisation.id) ?? [];
    const due = bookings.reduce((sum, booking) => sum + booking.dueCents, 0);
    const paid = bookings.reduce((sum, booking) => sum + booking.paidCents, 0) + (credit.get(organisation.id) ?? 0);
    return {
      organisationId: organisation.id,
      name: organisation.name,
      tier: organisation.tier,
      dueCents: due,
      upcomingCents: bookings.reduce((sum, booking) => sum + booking.upcomingCents, 0),
      paidCents: paid,
      outstandingCents: due - paid,
      bookings,
    };
  });
}

/** Bookings that owe money now, most owed first (for the home page). */
export async function unpaidBookings(centreId: string, now = clock.now()) {
  const all = await accounts(centreId, now);
  return all
    .flatMap((organisation) =>
      organisation.bookings
        .filter((booking) => booking.outstandingCents > 0)
        .map((booking) => ({ ...booking, organisation: organisation.name })),
    )
    .sort((a, b) => b.outstandingCents - a.outstandingCents);
}

/** One booking's account and its payments (another centre's booking is not found). */
export async function bookingPayments(centreId: string, bookingId: string, now = clock.now()) {
  const booking = await db().booking.findFirst({
    where: { id: bookingId, centreId },
    select: { organisationId: true },
  });
  if (!booking) throw new NotFoundError("booking");
  const [organisation] = await accounts(centreId, now, { organisationId: booking.organisationId });
  const payments = await db().payment.findMany({
    where: { centreId, bookingId },
    orderBy: { receivedAt: "desc" },
    include: { recordedBy: { select: { name: true } } },
  });
  return { account: organisation?.bookings.find((candidate) => candidate.bookingId === bookingId) ?? null, payments };
}

export interface PaymentInput {
  organisationId: string;
  bookingId?: string | null;
  invoiceId?: string | null;
  /** cents; negative for money paid back */
  amountCents: number;
  method: PaymentMethod;
  /** the local day the money came in, "YYYY-MM-DD" */
  receivedOn: string;
  reference?: string;
}

/**
 * Registers money received (bank transfer, cash, PIN at the bar), or paid back (a negative
 * amount). Refuses `not-found` for a booking, invoice or organisation of another centre,
 * `payment-booking-other-organisation`, `payment-amount-zero`, `payment-date-invalid`,
 * `payment-date-future`, `payment-date-before-centre` (before the centre was in Buurtrooster)
 * and `payment-refund-too-large` (more paid back than was paid for the booking, invoice or, for
 * a credit, the organisation). An invoice that is paid in full becomes PAID. With a
 * `submission` the same form registers the money once.
 */
export async function recordPayment(actor: Actor, input: PaymentInput, now = clock.now(), submission?: Submission) {
  if (!Number.isInteger(input.amountCents) || input.amountCents === 0) {
    throw new DomainError("payment-amount-zero", "The amount must not be zero.");
  }
  const centre = await db().centre.findUniqueOrThrow({
    where: { id: actor.centreId },
    select: { timeZone: true, createdAt: true },
  });
  let receivedAt: Date;
  try {
    receivedAt = startOfLocalDay(input.receivedOn, centre.timeZone);
  } catch {
    throw new DomainError("payment-date-invalid", "The day is not a date.");
  }
  if (receivedAt > now) throw new DomainError("payment-date-future", "The money cannot come in later than today.");
  const firstDay = localDateAt(centre.createdAt, centre.timeZone);
  if (input.receivedOn < firstDay) {
    throw new DomainError(
      "payment-date-before-centre",
      "The money cannot have come in before the centre was in Buurtrooster.",
      { date: firstDay },
    );
  }
  return transactionOnce(
    submission,
    async (tx) => {
      // One payment of an organisation at a time, so two refunds cannot both fit the same money.
      const [organisation] = await tx.$queryRaw<{ id: string }[]>`
      SELECT id::text FROM organisations WHERE id = ${input.organisationId}::uuid AND centre_id = ${actor.centreId}::uuid FOR UPDATE`;
      if (!organisation) throw new NotFoundError("organisation");
      if (input.bookingId) {
        const booking = await tx.booking.findFirst({
          where: { id: input.bookingId, centreId: actor.centreId },
          select: { organisationId: true },
        });
        if (!booking) throw new NotFoundError("booking");
        if (booking.organisationId !== organisation.id)
          throw new DomainError("payment-booking-other-organisation", "This booking belongs to another organisation.");
      }
      const invoice = input.invoiceId
        ? await tx.invoice.findFirst({ where: { id: input.invoiceId, centreId: actor.centreId } })
        : null;
      if (input.invoiceId && !invoice) throw new NotFoundError("invoice");
      if (invoice && invoice.organisationId !== organisation.id)
        throw new DomainError("payment-booking-other-organisation", "This invoice belongs to another organisation.");
      if (input.amountCents < 0) {
        const scope = input.bookingId
          ? { bookingId: input.bookingId }
          : invoice
            ? { invoiceId: invoice.id }
            : { organisationId: organisation.id };
        const paid = await tx.payment.aggregate({
          where: { centreId: actor.centreId, status: "SUCCEEDED", ...scope },
          _sum: { amountCents: true },
        });
        const paidCents = paid._sum.amountCents ?? 0;
        if (paidCents + input.amountCents < 0) {
          throw new DomainError("payment-refund-too-large", "More cannot be paid back than was paid.", {
            paid: Math.max(0, paidCents) / 100,
          });
        }
      }
      const payment = await tx.payment.create({
        data: {
          centreId: actor.centreId,
          organisationId: organisation.id,
          bookingId: input.bookingId ?? null,
          invoiceId: invoice?.id ?? null,
          amountCents: input.amountCents,
          method: input.method,
          status: "SUCCEEDED",
          reference: input.reference?.trim() ?? "",
          receivedAt,
          recordedById: actor.actorId,
        },
      });
      if (invoice) {
        const paid = await tx.payment.aggregate({
          where: { invoiceId: invoice.id, status: "SUCCEEDED" },
          _sum: { amountCents: true },
        });
        const status = (paid._sum.amountCents ?? 0) >= invoice.totalInclCents ? "PAID" : "ISSUED";
        if (invoice.status !== "CREDITED" && status !== invoice.status)
          await tx.invoice.update({ where: { id: invoice.id }, data: { status } });
      }
      await recordAudit(tx, {
        centreId: actor.centreId,
        actorId: actor.actorId,
        entityType: input.bookingId ? "booking" : "organisation",
        entityId: input.bookingId ?? organisation.id,
        action: "payment-recorded",
        details: {
          paymentId: payment.id,
          amountCents: input.amountCents,
          method: input.method,
          invoiceId: invoice?.id ?? null,
          receivedOn: input.receivedOn,
        },
      });
      return payment;
    },
    (payment) => payment.id,
  );
}

/**
 * Registers a payment for a booking, an invoice or (as credit) an organisation of this centre,
 * named as "booking:<id>", "invoice:<id>" or "organisation:<id>" (the way the form chooses).
 */
export async function recordPaymentFor(
  actor: Actor,
  input: Omit<PaymentInput, "organisationId" | "bookingId" | "invoiceId"> & { target: string },
  now = clock.now(),
  submission?: Submission,
) {
  const match = /^(booking|invoice|organisation):([0-9a-f-]{36})$/.exec(input.target);
  if (!match) throw new NotFoundError("target");
  const [, kind, id] = match as unknown as [string, "booking" | "invoice" | "organisation", string];
  const owner =
    kind === "organisation"
      ? { organisationId: id }
      : kind === "booking"
        ? await db().booking.findFirst({ where: { id, centreId: actor.centreId }, select: { organisationId: true } })
        : await db().invoice.findFirst({ where: { id, centreId: actor.centreId }, select: { organisationId: true } });
  if (!owner) throw new NotFoundError(kind);
  const { target: _target, ...payment } = input;
  return recordPayment(
    actor,
    {
      ...payment,
      organisationId: owner.organisationId,
      bookingId: kind === "booking" ? id : null,
      invoiceId: kind === "invoice" ? id : null,
    },
    now,
    submission,
  );
}
