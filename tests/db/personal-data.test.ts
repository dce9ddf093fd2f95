import { describe, expect, it } from "vitest";
import { db } from "~/db/client.server";
import { requestCompanion } from "~/domain/residents/companions.server";
import { anonymiseExpiredPersonalData } from "~/domain/residents/personal-data.server";
import { findSignupByToken, signUp } from "~/domain/residents/signups.server";
import { createTestActivity } from "../../prisma/factories";

const DAY = 24 * 60 * 60 * 1000;

async function centreWithDate(retentionDays: number) {
  const { centre, activity, dates } = await createTestActivity(
    {
      localStart: "2030-02-05T19:30",
      durationMinutes: 90,
      activity: { kind: "SIGN_UP", title: "Schilderen", capacity: 5 },
    },
    { centre: { personalDataRetentionDays: retentionDays } },
  );
  return { centre, activity, date: dates[0]! };
}

describe("residents' details are removed a set time after the activity", () => {
  it("a sign-up and a company request lose name, email, phone and message after the centre's retention days", async () => {
    const { centre, activity, date } = await centreWithDate(30);
    const before = new Date("2030-01-01T00:00:00Z");
    const signup = await signUp(
      {
        centreId: centre.id,
        activityId: activity.id,
        occurrenceId: date.id,
        name: "Ria",
        email: "ria@voorbeeld.example",
        phone: "0612345678",
        locale: "nl",
      },
      before,
    );
    await requestCompanion(
      {
        centreId: centre.id,
        activityId: activity.id,
        occurrenceId: date.id,
        name: "Annie",
        phone: "0687654321",
        message: "Graag",
        locale: "nl",
      },
      before,
    );

    await anonymiseExpiredPersonalData(new Date(date.endsAt.getTime() + 29 * DAY));
    expect((await db().signup.findUniqueOrThrow({ where: { id: signup.id } })).name).toBe("Ria");

    const removed = await anonymiseExpiredPersonalData(new Date(date.endsAt.getTime() + 30 * DAY + 1000));
    expect(removed.signups).toBe(1);
    expect(removed.requests).toBe(1);
    const row = await db().signup.findUniqueOrThrow({ where: { id: signup.id } });
    expect([row.name, row.email, row.phone, row.anonymisedAt !== null, row.status]).toEqual([
      "",
      null,
      null,
      true,
      "CONFIRMED",
    ]);
    const request = await db().companionRequest.findFirstOrThrow({ where: { centreId: centre.id } });
    expect([request.name, request.email, request.phone, request.message]).toEqual(["", null, null, ""]);
    expect(await findSignupByToken(centre.id, signup.token)).toBeNull(); // the cancel link no longer shows anything
    expect(await db().emailMessage.count({ where: { centreId: centre.id, kind: { startsWith: "signup-" } } })).toBe(0);
    // The trail counts what was removed (no names); the email went on the first run, being older.
    const audits = await db().auditEvent.findMany({ where: { centreId: centre.id, action: "personal-data-removed" } });
    const total = (field: string) =>
      audits.reduce((sum, audit) => sum + Number((audit.details as Record<string, number>)[field]), 0);
    expect([total("signups"), total("requests"), total("emails")]).toEqual([1, 1, 1]);
  });

  it("each centre keeps its own period, and running twice changes nothing more", async () => {
    const short = await centreWithDate(0);
    const long = await centreWithDate(90);
    const before = new Date("2030-01-01T00:00:00Z");
    for (const { centre, activity, date } of [short, long]) {
      await signUp(
        {
          centreId: centre.id,
          activityId: activity.id,
          occurrenceId: date.id,
          name: "Ria",
          email: "ria@voorbeeld.example",
          locale: "nl",
        },
        before,
      );
    }
    const at = new Date(short.date.endsAt.getTime() + DAY);
    await anonymiseExpiredPersonalData(at);
    expect((await db().signup.findFirstOrThrow({ where: { centreId: short.centre.id } })).name).toBe("");
    expect((await db().signup.findFirstOrThrow({ where: { centreId: long.centre.id } })).name).toBe("Ria");
    await anonymiseExpiredPersonalData(at);
    expect(await db().auditEvent.count({ where: { centreId: short.centre.id, action: "personal-data-removed" } })).toBe(
      1,
    );
  });
});
