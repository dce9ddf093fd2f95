import { describe, expect, it } from "vitest";
import { db } from "~/db/client.server";
import {
  finishCompanionRequest,
  listCompanionRequests,
  requestCompanion,
  takeCompanionRequest,
} from "~/domain/residents/companions.server";
import { DomainError } from "~/domain/shared/errors";
import { addMembership, createTestActivity, createUser } from "../../prisma/factories";

const BEFORE = new Date("2030-01-01T09:00:00Z");

/** A centre with a walk-in coffee morning (Tuesdays 10:00 from 8 January 2030), a host and a manager. */
async function coffeeMorning() {
  const { centre, activity, dates } = await createTestActivity({
    title: "Koffieochtend",
    rrule: "FREQ=WEEKLY;BYDAY=TU;COUNT=4",
    localStart: "2030-01-08T10:00",
    durationMinutes: 120,
    activity: { kind: "WALK_IN", title: "Koffieochtend" },
  });
  const host = await createUser({ name: "Ria Kok", locale: "nl" });
  const manager = await createUser({ name: "Marieke Bos", locale: "en" });
  const board = await createUser({ name: "Jan Smit" });
  await addMembership(host.id, centre.id, "HOST");
  await addMembership(manager.id, centre.id, "MANAGER");
  await addMembership(board.id, centre.id, "BOARD");
  return { centre, activity, dates, host, manager, board };
}

const annie = {
  name: "Annie Verbeek",
  email: "annie@voorbeeld.example",
  phone: null,
  message: "Ik ken nog niemand.",
  locale: "nl" as const,
};

describe("asking for company the first time", () => {
  it("the request is kept, the resident gets a receipt and the hosts and managers hear of it without her details", async () => {
    const { centre, activity, dates, host, manager, board } = await coffeeMorning();
    await requestCompanion(
      { centreId: centre.id, activityId: activity.id, occurrenceId: dates[1]!.id, ...annie },
      BEFORE,
    );
    const [request] = await listCompanionRequests(centre.id, BEFORE);
    expect(request).toMatchObject({
      status: "OPEN",
      name: "Annie Verbeek",
      message: "Ik ken nog niemand.",
      activity: { title: "Koffieochtend" },
    });
    const receipt = await db().emailMessage.findFirstOrThrow({
      where: { toAddress: annie.email, kind: "companion-received" },
    });
    expect(receipt.textBody).toContain("dinsdag 15 januari, 10:00–12:00");
    const told = await db().emailMessage.findMany({ where: { centreId: centre.id, kind: "companion-new" } });
    expect(told.map((email) => email.toAddress).sort()).toEqual([host.email, manager.email].sort());
    expect(told.map((email) => email.toAddress)).not.toContain(board.email);
    expect(told.find((email) => email.toAddress === manager.email)?.subject).toBe(
      "New request: someone would like company to Koffieochtend",
    );
    expect(told.every((email) => !email.textBody.includes("Annie") && !email.textBody.includes(annie.email))).toBe(
      true,
    );
  });

  it("a host takes the request, the resident gets a message, and it is marked done afterwards", async () => {
    const { centre, activity, host } = await coffeeMorning();
    const { id } = await requestCompanion({ centreId: centre.id, activityId: activity.id, ...annie }, BEFORE);
    expect(await takeCompanionRequest(centre.id, id, host, BEFORE)).toEqual({ messaged: true });
    const message = await db().emailMessage.findFirstOrThrow({
      where: { toAddress: annie.email, kind: "companion-taken" },
    });
    expect(message.subject).toBe("Ria Kok gaat met u mee naar Koffieochtend");
    expect((await listCompanionRequests(centre.id, BEFORE))[0]).toMatchObject({
      status: "TAKEN",
      takenBy: { name: "Ria Kok" },
    });
    await finishCompanionRequest(centre.id, id, host.id, "done", BEFORE);
    expect((await listCompanionRequests(centre.id, BEFORE))[0]).toMatchObject({ status: "DONE" });
  });

  it("two volunteers taking the same request at once: one gets it, the other is told", async () => {
    const { centre, activity, host, manager } = await coffeeMorning();
    const { id } = await requestCompanion(
      { centreId: centre.id, activityId: activity.id, ...annie, email: null, phone: "0612345678" },
      BEFORE,
    );
    const results = await Promise.allSettled([
      takeCompanionRequest(centre.id, id, host, BEFORE),
      takeCompanionRequest(centre.id, id, manager, BEFORE),
    ]);
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    const refused = results.find((result) => result.status === "rejected") as PromiseRejectedResult;
    expect((refused.reason as DomainError).code).toBe("companion-already-taken");
    expect(await db().emailMessage.count({ where: { centreId: centre.id, kind: "companion-taken" } })).toBe(0); // phone only: the volunteer calls
  });

  it("a volunteer can give a request back, and then someone else can take it", async () => {
    const { centre, activity, host, manager } = await coffeeMorning();
    const { id } = await requestCompanion({ centreId: centre.id, activityId: activity.id, ...annie }, BEFORE);
    await takeCompanionRequest(centre.id, id, host, BEFORE);
    await finishCompanionRequest(centre.id, id, host.id, "release", BEFORE);
    await takeCompanionRequest(centre.id, id, manager, BEFORE);
    expect((await listCompanionRequests(centre.id, BEFORE))[0]?.takenBy?.name).toBe("Marieke Bos");
  });

  it("the same person asking twice, a cancelled date, and another centre's request are refused", async () => {
    const { centre, activity, dates, host } = await coffeeMorning();
    const other = await coffeeMorning();
    const { id } = await requestCompanion({ centreId: centre.id, activityId: activity.id, ...annie }, BEFORE);
    const again = await requestCompanion(
      { centreId: centre.id, activityId: activity.id, ...annie, email: "ANNIE@voorbeeld.example" },
      BEFORE,
    ).catch((e: DomainError) => e);
    expect((again as DomainError).code).toBe("companion-already-asked");
    await db().occurrence.update({ where: { id: dates[2]!.id }, data: { status: "CANCELLED" } });
    const cancelled = await requestCompanion(
      {
        centreId: centre.id,
        activityId: activity.id,
        occurrenceId: dates[2]!.id,
        ...annie,
        email: "b@voorbeeld.example",
      },
      BEFORE,
    ).catch((e: DomainError) => e);
    expect((cancelled as DomainError).code).toBe("date-cancelled");
    const elsewhere = await takeCompanionRequest(other.centre.id, id, host, BEFORE).catch((e: DomainError) => e);
    expect((elsewhere as DomainError).code).toBe("not-found");
    const wrongActivity = await requestCompanion(
      { centreId: other.centre.id, activityId: activity.id, ...annie },
      BEFORE,
    ).catch((e: DomainError) => e);
    expect((wrongActivity as DomainError).code).toBe("not-found");
    expect(await db().companionRequest.count({ where: { centreId: centre.id } })).toBe(1);
  });
});
