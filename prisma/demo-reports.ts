import type { Tx } from "~/db/client.server";
import { fromWallClock, localDateAt, parseLocalDate, parseWallClock } from "~/domain/time/time-zone";
import { createInvoice, createPayment } from "./factories";

/**
 * The board's side of the demo, so the reports have something to say: prices on the dates of
 * associations, private and commercial hirers (resident initiatives stay within their free
 * hours), a month invoice per organisation for every month that has passed, most of them paid
 * (one partly, the last ones not yet), the yearly costs and monthly meter readings. Deterministic:
 * the same data for the same day. Called at the end of loadDemo, in its transaction.
 */

const DAY = 86_400_000;
/** Gas (m³) and electricity (kWh) per calendar month: heating in winter, light all year. */
const GAS_BY_MONTH = [980, 910, 720, 460, 260, 130, 90, 95, 190, 430, 710, 930];
const KWH_BY_MONTH = [1480, 1390, 1310, 1190, 1120, 1060, 980, 1010, 1150, 1270, 1390, 1510];

export async function loadReportsDemo(tx: Tx, now: Date): Promise<void> {
  const centres = await tx.centre.findMany({
    where: { slug: { in: ["de-wilg", "het-anker"] } },
    orderBy: { slug: "asc" },
  });
  const treasurer = await tx.user.findUnique({
    where: { email: "penningmeester@de-wilg.example" },
    select: { id: true },
  });

  for (const centre of centres) {
    const zone = centre.timeZone;
    const wilg = centre.slug === "de-wilg";

    // Prices from the room's rate for the booking's tier (hours × hourly rate, VAT by tier policy),
    // only where the booking engine left the date unpriced.
    await tx.$executeRaw`
      UPDATE occurrences o
      SET price_excl_cents = priced.excl, vat_cents = priced.vat
      FROM (
        SELECT o2.id,
               round(rate.hourly_cents * extract(epoch FROM o2.ends_at - o2.starts_at) / 3600)::int AS excl,
               round(round(rate.hourly_cents * extract(epoch FROM o2.ends_at - o2.starts_at) / 3600) * coalesce(tp.vat_bp, 0) / 10000.0)::int AS vat
        FROM occurrences o2
        JOIN bookings b ON b.id = o2.booking_id
        LEFT JOIN tier_policies tp ON tp.centre_id = b.centre_id AND tp.tier = b.tier
        CROSS JOIN LATERAL (
          SELECT r.hourly_cents FROM rates r
          WHERE r.room_id = o2.room_id AND r.tier = b.tier AND r.valid_from <= o2.starts_at
          ORDER BY r.valid_from DESC LIMIT 1
        ) rate
        WHERE o2.centre_id = ${centre.id}::uuid AND o2.status = 'ACTIVE' AND b.status = 'CONFIRMED'
          AND b.tier <> 'RESIDENT_INITIATIVE' AND o2.price_excl_cents = 0
      ) priced
      WHERE o.id = priced.id`;

    // One invoice per organisation per month that has ended, issued on the 1st of the next month.
    const thisMonth = `${localDateAt(now, zone).slice(0, 7)}-01`;
    const dates = await tx.occurrence.findMany({
      where: {
        centreId: centre.id,
        status: "ACTIVE",
        priceExclCents: { gt: 0 },
        booking: { status: "CONFIRMED" },
        startsAt: { lt: fromWallClock(parseLocalDate(thisMonth)!, zone) },
      },
      orderBy: [{ startsAt: "asc" }, { id: "asc" }],
      include: { booking: { select: { id: true, title: true, organisationId: true } } },
    });
    const groups = new Map<string, typeof dates>();
    for (const date of dates) {
      const key = `${localDateAt(date.startsAt, zone).slice(0, 7)}|${date.booking.organisationId}`;
      groups.set(key, [...(groups.get(key) ?? []), date]);
    }
    const sequences = new Map<number, number>();
    let index = 0;
    for (const [key, lines] of [...groups.entries()].sort(([a], [b]) => a.localeCompare(b))) {
      const [month, organisationId] = key.split("|") as [string, string];
      const nextMonth = new Date(Date.parse(`${month}-01T00:00:00Z`) + 32 * DAY).toISOString().slice(0, 7);
      const issuedAt = fromWallClock(parseWallClock(`${nextMonth}-01T09:00`)!, zone);
      if (issuedAt >= now) continue;
      const year = Number(nextMonth.slice(0, 4));
      const sequence = (sequences.get(year) ?? 0) + 1;
      sequences.set(year, sequence);
      const invoice = await createInvoice(
        {
          centreId: centre.id,
          organisationId,
          sequence,
          number: `${centre.invoicePrefix || "F"}-${year}-${String(sequence).padStart(4, "0")}`,
          issuedAt,
          dueDays: centre.paymentTermDays,
          lines: lines.map((date) => ({
            bookingId: date.booking.id,
            occurrenceId: date.id,
            description: `${date.booking.title}, ${localDateAt(date.startsAt, zone)}`,
            amountExclCents: date.priceExclCents,
            vatBp: date.vatCents > 0 ? 2100 : null,
            vatCents: date.vatCents,
          })),
        },
        tx,
      );
      // Paid twelve days later (every fifth one only half); not yet when that day is still to come.
      const paidAt = new Date(issuedAt.getTime() + 12 * DAY);
      index += 1;
      if (paidAt < now) {
        const half = index % 5 === 0;
        await createPayment(
          {
            centreId: centre.id,
            organisationId,
            invoiceId: invoice.id,
            amountCents: half ? Math.round(invoice.totalInclCents / 2) : invoice.totalInclCents,
            receivedAt: paidAt,
            method: "BANK_TRANSFER",
            recordedById: treasurer?.id ?? null,
          },
          tx,
        );
        if (!half) await tx.invoice.update({ where: { id: invoice.id }, data: { status: "PAID" } });
      }
    }
    for (const [year, lastNumber] of sequences) {
      await tx.invoiceSequence.upsert({
        where: { centreId_year: { centreId: centre.id, year } },
        create: { centreId: centre.id, year, lastNumber },
        update: { lastNumber },
      });
    }

    // The board's yearly costs, and meter readings for every month the demo has fully passed.
    const year = Number(thisMonth.slice(0, 4));
    await tx.yearCosts.createMany({
      data: [
        { centreId: centre.id, year: year - 1, costsCents: wilg ? 4_950_000 : 2_200_000 },
        { centreId: centre.id, year, costsCents: wilg ? 5_200_000 : 2_350_000 },
      ],
    });
    const first = await tx.occurrence.findFirst({
      where: { centreId: centre.id },
      orderBy: { startsAt: "asc" },
      select: { startsAt: true },
    });
    if (!first) continue;
    const readings: { centreId: string; month: Date; gasM3: number; electricityKwh: number }[] = [];
    let month = `${localDateAt(first.startsAt, zone).slice(0, 7)}-01`;
    while (month < thisMonth) {
      const calendarMonth = Number(month.slice(5, 7)) - 1;
      const scale = wilg ? 1 : 0.45;
      readings.push({
        centreId: centre.id,
        month: new Date(`${month}T00:00:00Z`),
        gasM3: Math.round(GAS_BY_MONTH[calendarMonth]! * scale),
        electricityKwh: Math.round(KWH_BY_MONTH[calendarMonth]! * scale),
      });
      month = new Date(Date.parse(`${month}T00:00:00Z`) + 32 * DAY).toISOString().slice(0, 7) + "-01";
    }
    await tx.energyReading.createMany({ data: readings });
  }
}
