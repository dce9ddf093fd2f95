import type { Tx } from "~/db/client.server";

/**
 * The demo centre's extras on the bill and the deposit on its large hall (see
 * docs/decisions/093-extras-and-deposits.md): coffee and tea per person (9%), a projector per
 * booking and the sound system per hour (21%), each with a price per tier; a deposit for
 * private and commercial hire of the large hall.
 */
export async function loadExtrasDemo(tx: Tx, centreId: string, largeHallId: string): Promise<void> {
  const extras = [
    {
      name: "Koffie en thee",
      unit: "PER_PERSON" as const,
      vatBp: 900,
      prices: { RESIDENT_INITIATIVE: 50, ASSOCIATION: 100, PRIVATE: 175, COMMERCIAL: 225 },
    },
    {
      name: "Beamer en scherm",
      unit: "PER_BOOKING" as const,
      vatBp: 2100,
      prices: { PRIVATE: 1500, COMMERCIAL: 2500 },
    },
    {
      name: "Geluidsinstallatie",
      unit: "PER_HOUR" as const,
      vatBp: 2100,
      prices: { ASSOCIATION: 500, PRIVATE: 1000, COMMERCIAL: 1500 },
    },
  ];
  for (const [sortOrder, extra] of extras.entries()) {
    await tx.extra.create({
      data: {
        centreId,
        name: extra.name,
        unit: extra.unit,
        vatBp: extra.vatBp,
        sortOrder,
        prices: {
          create: Object.entries(extra.prices).map(([tier, priceCents]) => ({
            tier: tier as keyof typeof extra.prices,
            priceCents,
          })),
        },
      },
    });
  }
  await tx.roomDeposit.createMany({
    data: [
      { centreId, roomId: largeHallId, tier: "PRIVATE", amountCents: 25_000 },
      { centreId, roomId: largeHallId, tier: "COMMERCIAL", amountCents: 50_000 },
    ],
  });
}
