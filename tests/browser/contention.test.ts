import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it, inject } from "vitest";
import { db } from "~/db/client.server";
import { addWallClockDays, formatLocalDate, isoWeekday, localDateAt, parseLocalDate } from "~/domain/time/time-zone";
import { clock } from "~/lib/clock";
import { sessionCookie, connectAppDatabase, userIdOf } from "../support/sessions";

/**
 * Contention over real HTTP, against the built app: many people (here: one manager in many
 * tabs, each with its own form) book the same two-year series at the same moment. The database
 * lets one win; every other answer is the plain 409 refusal, never a 500.
 */

let cookie: string;
let wilg: { id: string; slug: string };

beforeAll(async () => {
  await connectAppDatabase();
  cookie = await sessionCookie(await userIdOf("beheer@de-wilg.example"));
  wilg = await db().centre.findUniqueOrThrow({ where: { slug: "de-wilg" }, select: { id: true, slug: true } });
});

/** The first Sunday at least three weeks from the app's today (the demo has nothing on Sunday mornings). */
function sundayInThreeWeeks(): string {
  const start = addWallClockDays(parseLocalDate(localDateAt(clock.now(), "Europe/Amsterdam"))!, 21);
  return formatLocalDate(addWallClockDays(start, (7 - isoWeekday(start)) % 7));
}

describe("twenty people booking the same series at once over HTTP", () => {
  it("one booking is made; the other nineteen get the plain 409 refusal and no answer is a 5xx", async () => {
    const baseUrl = inject("baseUrl");
    const room = await db().room.findFirstOrThrow({ where: { centreId: wilg.id, name: "Vergaderkamer" } });
    const organisation = await db().organisation.findFirstOrThrow({
      where: { centreId: wilg.id, name: "Bridgeclub Oost" },
    });
    const date = sundayInThreeWeeks();
    const form = () =>
      new URLSearchParams({
        intent: "confirm",
        submissionKey: randomUUID(),
        organisationId: organisation.id,
        roomId: room.id,
        title: "Extra bridgeavond",
        date,
        time: "07:00",
        duration: "60",
        people: "8",
        repeat: "weekly",
        endBy: "count",
        count: "104",
        kind: "PRIVATE",
      });
    const answers = await Promise.all(
      Array.from({ length: 20 }, () =>
        fetch(`${baseUrl}/manage/${wilg.slug}/bookings/new`, {
          method: "POST",
          redirect: "manual",
          headers: { Cookie: cookie, Origin: baseUrl, "Content-Type": "application/x-www-form-urlencoded" },
          body: form(),
        }).then(async (response) => ({
          status: response.status,
          location: response.headers.get("location"),
          text: await response.text(),
        })),
      ),
    );
    const statuses = answers.map((answer) => answer.status).sort();
    expect(statuses.filter((status) => status >= 500)).toEqual([]);
    expect(statuses.filter((status) => status === 302)).toHaveLength(1);
    expect(statuses.filter((status) => status === 409)).toHaveLength(19);
    for (const refused of answers.filter((answer) => answer.status === 409))
      expect(refused.text).toContain("is al bezet op");
    const booked = await db().booking.findMany({
      where: { centreId: wilg.id, title: "Extra bridgeavond" },
      include: { _count: { select: { occurrences: true } } },
    });
    expect(booked).toHaveLength(1);
    expect(answers.find((answer) => answer.status === 302)!.location).toBe(
      `/manage/${wilg.slug}/bookings/${booked[0]!.id}/confirmation?new=1`,
    );
  });
});
