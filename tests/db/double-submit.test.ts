import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "~/db/client.server";
import { createClosure } from "~/domain/centre/closures.server";
import { requestCompanion } from "~/domain/residents/companions.server";
import { signUp } from "~/domain/residents/signups.server";
import { AlreadySubmittedError } from "~/domain/shared/submissions.server";
import { inviteMember } from "~/domain/centre/team.server";
import { createCentre, createTestActivity, createUser } from "../../prisma/factories";

const BEFORE = new Date("2030-01-01T09:00:00Z");

/**
 * Every form that creates something, sent twice at the same moment with the key of one rendered
 * form (a double click, a resent page): the work is done once, and the second sending learns
 * what the first one made. (Bookings and payments: booking-requests.test.ts, payments-invoices.test.ts.)
 */
async function twice<T extends { id: string }>(
  send: (submission: { key: string; centreId: string; kind: string }) => Promise<T>,
  centreId: string,
  kind: string,
) {
  const submission = { key: randomUUID(), centreId, kind };
  const results = await Promise.allSettled([send(submission), send(submission)]);
  const done = results.filter((result): result is PromiseFulfilledResult<Awaited<T>> => result.status === "fulfilled");
  expect(done).toHaveLength(1);
  const again = results.find((result): result is PromiseRejectedResult => result.status === "rejected")!;
  expect(again.reason).toBeInstanceOf(AlreadySubmittedError);
  expect(again.reason.entityId).toBe(done[0]!.value.id);
  // And once more, later: still the same answer.
  await expect(send(submission)).rejects.toMatchObject({ code: "already-submitted", entityId: done[0]!.value.id });
  return done[0]!.value;
}

function activity(kind: "SIGN_UP" | "WALK_IN") {
  return createTestActivity({
    title: "Huiswerkclub",
    rrule: "FREQ=WEEKLY;BYDAY=TU;COUNT=3",
    localStart: "2030-01-08T19:30",
    durationMinutes: 90,
    activity: { kind, title: "Huiswerkclub", capacity: kind === "SIGN_UP" ? 10 : null },
  });
}

describe("a form sent twice does its work once", () => {
  it("a closure", async () => {
    const centre = await createCentre();
    const actor = { centreId: centre.id, actorId: (await createUser()).id };
    await twice(
      (submission) =>
        createClosure(
          actor,
          { roomId: null, startDate: "2030-07-01", endDate: "2030-07-14", reason: "Zomer" },
          BEFORE,
          submission,
        ).then(({ closure }) => closure),
      centre.id,
      "closure",
    );
    expect(await db().closure.count({ where: { centreId: centre.id } })).toBe(1);
  });

  it("a sign-up", async () => {
    const { centre, activity: signupActivity, dates } = await activity("SIGN_UP");
    const person = {
      centreId: centre.id,
      activityId: signupActivity.id,
      occurrenceId: dates[0]!.id,
      name: "Bewoner",
      email: `bewoner-${randomUUID()}@voorbeeld.example`,
      phone: null,
      locale: "nl" as const,
    };
    await twice((submission) => signUp(person, BEFORE, submission), centre.id, "signup");
    expect(await db().signup.count({ where: { occurrenceId: dates[0]!.id } })).toBe(1);
    expect(await db().emailMessage.count({ where: { centreId: centre.id, toAddress: person.email } })).toBe(1);
  });

  it("a request for company", async () => {
    const { centre, activity: walkIn } = await activity("WALK_IN");
    const annie = {
      centreId: centre.id,
      activityId: walkIn.id,
      name: "Annie",
      email: `annie-${randomUUID()}@voorbeeld.example`,
      phone: null,
      locale: "nl" as const,
    };
    await twice((submission) => requestCompanion(annie, BEFORE, submission), centre.id, "companion-request");
    expect(await db().companionRequest.count({ where: { activityId: walkIn.id } })).toBe(1);
  });

  it("the same person asking for company twice at once with two forms is asked once", async () => {
    const { centre, activity: walkIn } = await activity("WALK_IN");
    const annie = {
      centreId: centre.id,
      activityId: walkIn.id,
      name: "Annie",
      email: `annie-${randomUUID()}@voorbeeld.example`,
      phone: null,
      locale: "nl" as const,
    };
    const results = await Promise.allSettled([requestCompanion(annie, BEFORE), requestCompanion(annie, BEFORE)]);
    expect(results.map((result) => result.status).sort()).toEqual(["fulfilled", "rejected"]);
    expect((results.find((result) => result.status === "rejected") as PromiseRejectedResult).reason).toMatchObject({
      code: "companion-already-asked",
    });
  });

  it("an invitation to the team", async () => {
    const centre = await createCentre();
    const actor = { centreId: centre.id, actorId: (await createUser()).id };
    const email = `nieuw-${randomUUID()}@voorbeeld.example`;
    await twice(
      (submission) => inviteMember(actor, { email, name: "Nieuwe Gastvrouw", role: "HOST" }, BEFORE, submission),
      centre.id,
      "team-invite",
    );
    expect(await db().membership.count({ where: { centreId: centre.id } })).toBe(1);
    expect(await db().emailMessage.count({ where: { toAddress: email } })).toBe(1);
  });

  it("a key of another centre's form says nothing about what that form made", async () => {
    const centre = await createCentre();
    const other = await createCentre();
    const actor = { centreId: centre.id, actorId: (await createUser()).id };
    const key = randomUUID();
    await createClosure(
      actor,
      { roomId: null, startDate: "2030-07-01", endDate: "2030-07-14", reason: "Zomer" },
      BEFORE,
      { key, centreId: centre.id, kind: "closure" },
    );
    const stranger = { centreId: other.id, actorId: (await createUser()).id };
    await expect(
      createClosure(
        stranger,
        { roomId: null, startDate: "2030-07-01", endDate: "2030-07-14", reason: "Zomer" },
        BEFORE,
        { key, centreId: other.id, kind: "closure" },
      ),
    ).rejects.toMatchObject({
      code: "already-submitted",
      entityId: null,
      params: {},
    });
  });
});
