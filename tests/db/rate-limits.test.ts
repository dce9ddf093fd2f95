import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "~/db/client.server";
import { RATE_LIMITS, consumeRateLimits, resetRateLimit } from "~/lib/rate-limits.server";

const limit = "registerEmailsPerAddress" as const;
const { points, windowMinutes } = RATE_LIMITS[limit];

describe("rate limits kept in PostgreSQL", () => {
  it(`the first ${points} sendings pass and the next is refused with the seconds left in the window`, async () => {
    const key = `${randomUUID()}@voorbeeld.example`;
    for (let sending = 0; sending < points; sending++)
      expect(await consumeRateLimits([{ limit, key }])).toBeUndefined();
    const refusal = await consumeRateLimits([{ limit, key }]);
    expect(refusal?.limit).toBe(limit);
    expect(refusal!.retryAfterSeconds).toBeGreaterThan(windowMinutes * 60 - 30);
    expect(refusal!.retryAfterSeconds).toBeLessThanOrEqual(windowMinutes * 60);
  });

  it("another key has its own count, and a key is stored only as a hash", async () => {
    const key = `${randomUUID()}@voorbeeld.example`;
    for (let sending = 0; sending <= points; sending++) await consumeRateLimits([{ limit, key }]);
    expect(await consumeRateLimits([{ limit, key: `other-${key}` }])).toBeUndefined();
    const rows = await db().rateLimit.findMany({ where: { key: { startsWith: `${limit}:` } } });
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.some((row) => row.key.includes("voorbeeld"))).toBe(false);
  });

  it("parallel sendings are all counted: of 20 at once exactly the allowed number pass", async () => {
    const key = randomUUID();
    const outcomes = await Promise.all(Array.from({ length: 20 }, () => consumeRateLimits([{ limit, key }])));
    expect(outcomes.filter((outcome) => outcome === undefined)).toHaveLength(points);
  });

  it("the first full limit refuses and the ones after it are not counted", async () => {
    const client = randomUUID();
    const address = randomUUID();
    for (let sending = 0; sending < RATE_LIMITS.companionPerClient.points; sending++) {
      await consumeRateLimits([{ limit: "companionPerClient", key: client }]);
    }
    const refusal = await consumeRateLimits([
      { limit: "companionPerClient", key: client },
      { limit, key: address },
    ]);
    expect(refusal?.limit).toBe("companionPerClient");
    for (let sending = 0; sending < points; sending++)
      expect(await consumeRateLimits([{ limit, key: address }])).toBeUndefined();
  });

  it("a reset forgets a key's count", async () => {
    const key = randomUUID();
    for (let sending = 0; sending <= points; sending++) await consumeRateLimits([{ limit, key }]);
    await resetRateLimit({ limit, key });
    expect(await consumeRateLimits([{ limit, key }])).toBeUndefined();
  });
});
