import { describe, expect, it } from "vitest";
import { depositFor, extraLine, priceExtras, type PricedExtra } from "~/domain/money/extras";

const coffee: PricedExtra = { id: "c", name: "Koffie en thee", unit: "PER_PERSON", vatBp: 900, unitPriceCents: 175 };
const beamer: PricedExtra = { id: "b", name: "Beamer", unit: "PER_BOOKING", vatBp: 2100, unitPriceCents: 1500 };
const sound: PricedExtra = { id: "s", name: "Geluidsinstallatie", unit: "PER_HOUR", vatBp: 2100, unitPriceCents: 1250 };

const at = (localStart: string, minutes: number) => {
  const startsAt = new Date(`${localStart}:00Z`);
  return { localStart, startsAt, endsAt: new Date(startsAt.getTime() + minutes * 60_000) };
};

describe("extras on the bill", () => {
  it("prices a per-booking extra once per date, whatever the number of people or hours", () => {
    expect(extraLine(beamer, { minutes: 240, people: 40 })).toMatchObject({
      quantity: 1,
      exclCents: 1500,
      vatCents: 315,
    });
  });

  it("prices a per-person extra for each person, with 9% VAT", () => {
    expect(extraLine(coffee, { minutes: 120, people: 12 })).toMatchObject({
      quantity: 12,
      exclCents: 2100,
      vatCents: 189,
    });
  });

  it("prices a per-hour extra for the date's minutes, rounded to a cent once", () => {
    // 12,50 × 1,5 h = 18,75; 21% = 3,9375 → 3,94
    expect(extraLine(sound, { minutes: 90, people: 5 })).toMatchObject({ exclCents: 1875, vatCents: 394 });
    // 3,33 × 50/60 h = 2,775 → 2,78 (half up)
    expect(extraLine({ ...sound, unitPriceCents: 333 }, { minutes: 50, people: 1 }).exclCents).toBe(278);
  });

  it("rounds VAT per line, not over the total", () => {
    // 0,05 × 1 person at 9% = 0,45 ct → 0 per line; three dates stay 0, not round(1,35) = 1
    const cheap: PricedExtra = { ...coffee, unitPriceCents: 5 };
    const quote = priceExtras([cheap], {
      people: 1,
      dates: [at("2027-03-01T19:00", 60), at("2027-03-08T19:00", 60), at("2027-03-15T19:00", 60)],
    });
    expect(quote.totalExclCents).toBe(15);
    expect(quote.totalVatCents).toBe(0);
  });

  it("adds up several dates and keeps VAT per rate", () => {
    const quote = priceExtras([coffee, beamer, sound], {
      people: 10,
      dates: [at("2027-03-01T19:00", 120), at("2027-03-08T19:00", 120)],
    });
    expect(quote.dates).toHaveLength(2);
    expect(quote.dates[0]!.exclCents).toBe(1750 + 1500 + 2500);
    expect(quote.dates[0]!.vatCents).toBe(158 + 315 + 525);
    expect(quote.totalExclCents).toBe(2 * 5750);
    expect(quote.totalVatCents).toBe(2 * 998);
    expect(quote.totalInclCents).toBe(2 * (5750 + 998));
    expect(quote.vatByRate).toEqual([
      { vatBp: 900, exclCents: 3500, vatCents: 316 },
      { vatBp: 2100, exclCents: 8000, vatCents: 1680 },
    ]);
  });

  it("charges nothing for a date that does not take place", () => {
    const quote = priceExtras([coffee], { people: 10, dates: [] });
    expect(quote).toMatchObject({ dates: [], totalExclCents: 0, totalVatCents: 0, vatByRate: [] });
  });

  it("charges nothing without chosen extras", () => {
    const quote = priceExtras([], { people: 10, dates: [at("2027-03-01T19:00", 120)] });
    expect(quote.totalInclCents).toBe(0);
  });
});

describe("deposits", () => {
  it("asks the highest deposit of the rooms a booking takes, and none when no room has one", () => {
    const deposits = [
      { roomId: "hall", amountCents: 25_000 },
      { roomId: "bar", amountCents: 5_000 },
    ];
    expect(depositFor(deposits, ["combi", "hall", "bar"])).toBe(25_000);
    expect(depositFor(deposits, ["bar"])).toBe(5_000);
    expect(depositFor(deposits, ["studio"])).toBe(0);
  });
});
