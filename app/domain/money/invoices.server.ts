import { db, type Tx } from "~/db/client.server";
import type { Centre, Organisation } from "~/generated/prisma/client";
import type { Locale } from "~/generated/prisma/enums";
import { formatShortDate, formatTimeRange } from "~/i18n/format";
import { translator } from "~/i18n/translate.server";
import { payTokenHashFor } from "./invoice-pay-links.server";
import { recordAudit } from "../shared/audit.server";
import { DomainError, NotFoundError } from "../shared/errors";
import { addDays } from "../workspace/planner";
import { localDateAt, startOfLocalDay } from "../time/time-zone";
import { clock } from "~/lib/clock";
import { transactionOnce, type Submission } from "../shared/submissions.server";
import type { ActorOrJob } from "../shared/actor";
import { bookedExtraLine, type BookedExtra } from "./extras";

/**
 * Invoices: one per booking, or one per organisation per calendar month. Numbers run on
 * without gaps per centre and year ("DW-2026-0007"): the number comes from the centre's
 * invoice_sequences row, incremented inside the invoice's own transaction, so the row stays
 * locked until the invoice is stored and a failed attempt gives its number back.
 *
 * A date is invoiced once: the lines point at their dates, and dates already on an invoice
 * (that was not credited) are left out. An invoice holds what Dutch law asks for (art. 35a
 * Wet OB): number, date, the centre's and the customer's names and addresses, the centre's
 * VAT and KvK numbers, per line the date and what was supplied, the amount excl. VAT, the VAT
 * rate or the exemption, VAT per rate, and the total. The billing details are kept as they
 * were on the day (billing_snapshot).
 */

export type InvoiceScope = { bookingId: string } | { organisationId: string; month: string };

export interface DraftLine {
  bookingId: string;
  occurrenceId: string;
  /** the extra booked (coffee, a projector) this line charges on its date; null for the rent or a fee */
  bookingExtraId: string | null;
  description: string;
  amountExclCents: number;
  /** null = exempt (vrijgesteld) */
  vatBp: number | null;
  vatCents: number;
}

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** A fee incl. VAT split into excl. and VAT at `vatBp` (VAT rounded once). */
export function splitInclusive(inclCents: number, vatBp: number | null): { exclCents: number; vatCents: number } {
  if (vatBp === null || vatBp === 0) return { exclCents: inclCents, vatCents: 0 };
  const exclCents = Math.round((inclCents * 10_000) / (10_000 + vatBp));
  return { exclCents, vatCents: inclCents - exclCents };
}

export function quoteVat(quote: unknown): number | null | undefined {
  if (quote && typeof quote === "object" && "vatBp" in quote) {
    const vat = (quote as { vatBp: unknown }).vatBp;
    return typeof vat === "number" ? vat : null;
  }
  return undefined;
}

/** The dates of a scope that are not on an invoice yet, as invoice lines in the centre's language. */
async function draftLines(
  client: Tx,
  centreId: string,
  scope: InvoiceScope,
): Promise<{ organisationId: string; lines: DraftLine[]; periodStart: string | null; periodEnd: string | null }> {
  const centre = await client.centre.findUniqueOrThrow({
    where: { id: centreId },
    select: { timeZone: true, defaultLocale: true },
  });
  let organisationId: string;
  let periodStart: string | null = null;
  let periodEnd: string | null = null;
  let window: { gte: Date; lt: Date } | undefined;
  if ("bookingId" in scope) {
    const booking = await client.booking.findFirst({
      where: { id: scope.bookingId, centreId },
      select: { organisationId: true },
    });
    if (!booking) throw new NotFoundError("booking");
    organisationId = booking.organisationId;
  } else {
    if (!MONTH.test(scope.month)) throw new DomainError("invoice-month-invalid", "The month is not a month.");
    const organisation = await client.organisation.findFirst({
      where: { id: scope.organisationId, centreId },
      select: { id: true },
    });
    if (!organisation) throw new NotFoundError("organisation");
    organisationId = organisation.id;
    periodStart = `${scope.month}-01`;
    const [year, month] = scope.month.split("-").map(Number) as [number, number];
    const nextMonth = month === 12 ? `${year + 1}-01-01` : `${year}-${String(month + 1).padStart(2, "0")}-01`;
    periodEnd = addDays(nextMonth, -1);
    window = { gte: startOfLocalDay(periodStart, centre.timeZone), lt: startOfLocalDay(nextMonth, centre.timeZone) };
  }
  const dates = await client.occurrence.findMany({
    where: {
      centreId,
      ...("bookingId" in scope ? { bookingId: scope.bookingId } : { booking: { organisationId } }),
      ...(window ? { startsAt: window } : {}),
      invoiceLines: { none: { invoice: { status: { not: "CREDITED" } } } },
      OR: [
        {
          status: "ACTIVE",
          booking: { status: "CONFIRMED" },
          OR: [{ priceExclCents: { gt: 0 } }, { vatCents: { gt: 0 } }],
        },
        { status: "ACTIVE", booking: { status: "CONFIRMED", extras: { some: {} } } },
        { status: { not: "ACTIVE" }, cancellationFeeCents: { gt: 0 } },
      ],
    },
    orderBy: { startsAt: "asc" },
    include: {
      room: { select: { name: true } },
      booking: {
        select: { id: true, title: true, tier: true, quote: true, extras: { orderBy: { name: "asc" } } },
      },
    },
  });
  const policies = await client.tierPolicy.findMany({ where: { centreId }, select: { tier: true, vatBp: true } });
  const locale: Locale = centre.defaultLocale;
  const t = translator(locale);
  const lines = dates.flatMap((date): DraftLine[] => {
    const when = `${formatShortDate(date.startsAt, centre.timeZone, locale)} ${formatTimeRange(date.startsAt, date.endsAt, centre.timeZone, locale)}`;
    const fromQuote = quoteVat(date.booking.quote);
    const vatBp =
      fromQuote !== undefined
        ? fromQuote
        : date.vatCents > 0 && date.priceExclCents > 0
          ? Math.round((date.vatCents * 10_000) / date.priceExclCents)
          : (policies.find((policy) => policy.tier === date.booking.tier)?.vatBp ?? null);
    if (date.status === "ACTIVE") {
      const rent: DraftLine = {
        bookingId: date.booking.id,
        occurrenceId: date.id,
        bookingExtraId: null,
        description: t("workspace.invoice.lineRent", { title: date.booking.title, room: date.room.name, when }),
        amountExclCents: date.priceExclCents,
        vatBp,
        vatCents: date.vatCents,
      };
      const charged = date.priceExclCents !== 0 || date.vatCents !== 0;
      return [...(charged ? [rent] : []), ...extraLines(date, when, t)];
    }
    const fee = splitInclusive(date.cancellationFeeCents, vatBp);
    return [
      {
        bookingId: date.booking.id,
        occurrenceId: date.id,
        bookingExtraId: null,
        description: t("workspace.invoice.lineFee", { title: date.booking.title, room: date.room.name, when }),
        amountExclCents: fee.exclCents,
        vatBp,
        vatCents: fee.vatCents,
      },
    ];
  });
  return { organisationId, lines, periodStart, periodEnd };
}

/**
 * A date's extras as their own lines, each with its VAT rate (9% or 21%), priced as when they
 * were booked: the unit price and number of people kept on the booking, per hour the date's
 * own length (see extras.ts).
 */
function extraLines(
  date: {
    id: string;
    startsAt: Date;
    endsAt: Date;
    booking: { id: string; title: string; extras: BookedExtra[] };
  },
  when: string,
  t: ReturnType<typeof translator>,
): DraftLine[] {
  return date.booking.extras.map((extra) => {
    const line = bookedExtraLine(extra, date);
    return {
      bookingId: date.booking.id,
      occurrenceId: date.id,
      bookingExtraId: extra.id,
      description: t("extras.invoiceLine", { name: extra.name, title: date.booking.title, when }),
      amountExclCents: line.exclCents,
      vatBp: extra.vatBp,
      vatCents: line.vatCents,
    };
  });
}

/** What an invoice for this scope would hold now (for the page before making it). */
export async function previewInvoice(centreId: string, scope: InvoiceScope) {
  const draft = await draftLines(db(), centreId, scope);
  return { ...draft, ...totalsOf(draft.lines) };
}

function totalsOf(lines: { amountExclCents: number; vatBp: number | null; vatCents: number }[]) {
  const totalExclCents = lines.reduce((sum, line) => sum + line.amountExclCents, 0);
  const vatCents = lines.reduce((sum, line) => sum + line.vatCents, 0);
  const rates = new Map<string, { vatBp: number | null; baseCents: number; vatCents: number }>();
  for (const line of lines) {
    const key = String(line.vatBp);
    const rate = rates.get(key) ?? { vatBp: line.vatBp, baseCents: 0, vatCents: 0 };
    rate.baseCents += line.amountExclCents;
    rate.vatCents += line.vatCents;
    rates.set(key, rate);
  }
  return { totalExclCents, vatCents, totalInclCents: totalExclCents + vatCents, vatByRate: [...rates.values()] };
}

/** The next number of a centre's year; the row stays locked until the caller's transaction ends. */
async function nextInvoiceNumber(tx: Tx, centreId: string, year: number): Promise<number> {
  const [row] = await tx.$queryRaw<{ last_number: number }[]>`
    INSERT INTO invoice_sequences (centre_id, year, last_number) VALUES (${centreId}::uuid, ${year}, 1)
    ON CONFLICT (centre_id, year) DO UPDATE SET last_number = invoice_sequences.last_number + 1
    RETURNING last_number`;
  return row!.last_number;
}

function invoiceNumber(prefix: string, year: number, sequence: number): string {
  return `${prefix.trim() || "F"}-${year}-${String(sequence).padStart(4, "0")}`;
}

/**
 * Makes the invoice of a scope. Refuses `invoice-nothing-to-invoice` when every date is
 * invoiced already (or costs nothing), `not-found` for another centre's booking or
 * organisation, `invoice-month-invalid`. With a `submission` the same form makes one invoice.
 */
export async function issueInvoice(actor: ActorOrJob, scope: InvoiceScope, now = clock.now(), submission?: Submission) {
  return transactionOnce(
    submission,
    async (tx) => {
      // One invoice at a time per organisation, so two managers cannot invoice a date twice.
      const organisationId =
        "bookingId" in scope
          ? (
              await tx.booking.findFirst({
                where: { id: scope.bookingId, centreId: actor.centreId },
                select: { organisationId: true },
              })
            )?.organisationId
          : scope.organisationId;
      if (!organisationId) throw new NotFoundError("booking");
      const locked = await tx.$queryRaw<{ id: string }[]>`
      SELECT id::text FROM organisations WHERE id = ${organisationId}::uuid AND centre_id = ${actor.centreId}::uuid FOR UPDATE`;
      if (locked.length === 0) throw new NotFoundError("organisation");

      const draft = await draftLines(tx, actor.centreId, scope);
      if (draft.lines.length === 0)
        throw new DomainError("invoice-nothing-to-invoice", "There is nothing left to invoice.", {}, 409);
      const totals = totalsOf(draft.lines);
      const centre = await tx.centre.findUniqueOrThrow({ where: { id: actor.centreId } });
      const organisation = await tx.organisation.findUniqueOrThrow({ where: { id: organisationId } });
      const year = Number(localDateAt(now, centre.timeZone).slice(0, 4));
      const sequence = await nextInvoiceNumber(tx, actor.centreId, year);
      const number = invoiceNumber(centre.invoicePrefix, year, sequence);
      const invoice = await tx.invoice.create({
        data: {
          centreId: actor.centreId,
          organisationId,
          year,
          sequence,
          number,
          payTokenHash: await payTokenHashFor({ centreId: actor.centreId, number }),
          issuedAt: now,
          dueAt: new Date(now.getTime() + centre.paymentTermDays * 24 * 60 * 60 * 1000),
          periodStart: draft.periodStart ? new Date(`${draft.periodStart}T00:00:00Z`) : null,
          periodEnd: draft.periodEnd ? new Date(`${draft.periodEnd}T00:00:00Z`) : null,
          totalExclCents: totals.totalExclCents,
          vatCents: totals.vatCents,
          totalInclCents: totals.totalInclCents,
          billingSnapshot: billingDetails(centre, organisation),
          lines: { create: draft.lines },
        },
      });
      await recordAudit(tx, {
        centreId: actor.centreId,
        actorId: actor.actorId,
        entityType: "invoice",
        entityId: invoice.id,
        action: "invoice-issued",
        details: {
          number: invoice.number,
          organisationId,
          lines: draft.lines.length,
          totalInclCents: totals.totalInclCents,
          scope: "bookingId" in scope ? "booking" : "month",
        },
      });
      return invoice;
    },
    (invoice) => invoice.id,
  );
}

/** The centre's invoices, newest first, with what was paid on each. */
export async function listInvoices(centreId: string, options: { organisationId?: string } = {}) {
  const invoices = await db().invoice.findMany({
    where: { centreId, ...(options.organisationId ? { organisationId: options.organisationId } : {}) },
    orderBy: [{ year: "desc" }, { sequence: "desc" }],
    include: {
      organisation: { select: { name: true } },
      payments: { where: { status: "SUCCEEDED" }, select: { amountCents: true } },
    },
    take: 200,
  });
  return invoices.map((invoice) => ({
    id: invoice.id,
    number: invoice.number,
    organisation: invoice.organisation.name,
    organisationId: invoice.organisationId,
    issuedAt: invoice.issuedAt,
    dueAt: invoice.dueAt,
    totalInclCents: invoice.totalInclCents,
    paidCents: invoice.payments.reduce((sum, payment) => sum + payment.amountCents, 0),
    status: invoice.status,
  }));
}

// A type, not an interface, so that it can be stored as JSON as it is.
export type BillingSnapshot = {
  supplier: {
    name: string;
    street: string;
    postalCode: string;
    city: string;
    email: string | null;
    phone: string | null;
    iban: string | null;
    kvkNumber: string | null;
    vatNumber: string | null;
  };
  customer: {
    name: string;
    contact: string;
    address: string | null;
    postalCode: string | null;
    city: string | null;
    email: string | null;
    kvkNumber: string | null;
    vatNumber: string | null;
  };
  locale: Locale;
  timeZone: string;
};

/** The billing details of an invoice; an invoice made without a snapshot (imported) reads today's details. */
export async function billingOf(invoice: {
  centreId: string;
  organisationId: string;
  billingSnapshot: unknown;
}): Promise<BillingSnapshot> {
  const stored = invoice.billingSnapshot as Partial<BillingSnapshot> | null;
  if (stored?.supplier && stored.customer && stored.locale && stored.timeZone) return stored as BillingSnapshot;
  const [centre, organisation] = await Promise.all([
    db().centre.findUniqueOrThrow({ where: { id: invoice.centreId } }),
    db().organisation.findUniqueOrThrow({ where: { id: invoice.organisationId } }),
  ]);
  return billingDetails(centre, organisation);
}

/** Who bills whom, as an invoice shows it: kept on the invoice when it is issued. */
export function billingDetails(centre: Centre, organisation: Organisation): BillingSnapshot {
  return {
    supplier: {
      name: centre.name,
      street: centre.street,
      postalCode: centre.postalCode,
      city: centre.city,
      email: centre.email,
      phone: centre.phone,
      iban: centre.iban,
      kvkNumber: centre.kvkNumber,
      vatNumber: centre.vatNumber,
    },
    customer: {
      name: organisation.billingName || organisation.name,
      contact: organisation.contactName,
      address: organisation.billingAddress,
      postalCode: organisation.billingPostalCode,
      city: organisation.billingCity,
      email: organisation.billingEmail ?? organisation.contactEmail,
      kvkNumber: organisation.kvkNumber,
      vatNumber: organisation.vatNumber,
    },
    locale: centre.defaultLocale,
    timeZone: centre.timeZone,
  };
}

/** One invoice of this centre, for the printable page. */
export async function getInvoice(centreId: string, invoiceId: string) {
  const invoice = await db().invoice.findFirst({
    where: { id: invoiceId, centreId },
    include: {
      lines: { orderBy: { id: "asc" } },
      payments: { where: { status: "SUCCEEDED" }, select: { amountCents: true } },
    },
  });
  if (!invoice) throw new NotFoundError("invoice");
  // Lines in the order of their dates (ids are random).
  const dates = await db().occurrence.findMany({
    where: { id: { in: invoice.lines.map((line) => line.occurrenceId).filter((id): id is string => id !== null) } },
    select: { id: true, startsAt: true },
  });
  const startOf = new Map(dates.map((date) => [date.id, date.startsAt.getTime()]));
  const lines = [...invoice.lines].sort(
    (a, b) => (startOf.get(a.occurrenceId ?? "") ?? 0) - (startOf.get(b.occurrenceId ?? "") ?? 0),
  );
  return {
    ...invoice,
    lines,
    billing: await billingOf(invoice),
    vatByRate: totalsOf(lines).vatByRate,
    paidCents: invoice.payments.reduce((sum, payment) => sum + payment.amountCents, 0),
  };
}

/** Bookings that cost something, newest first, for choosing one to invoice. */
export async function invoiceableBookings(centreId: string) {
  const bookings = await db().booking.findMany({
    where: { centreId, status: { in: ["CONFIRMED", "CANCELLED", "BUMPED"] }, totalInclCents: { gt: 0 } },
    orderBy: { createdAt: "desc" },
    take: 300,
    select: { id: true, title: true, organisation: { select: { name: true } } },
  });
  return bookings.map((booking) => ({ id: booking.id, label: `${booking.title} · ${booking.organisation.name}` }));
}
