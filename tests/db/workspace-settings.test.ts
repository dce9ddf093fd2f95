import { describe, expect, it } from "vitest";
import { hashToken } from "~/auth/sign-in-links.server";
import { db } from "~/db/client.server";
import { addOrganisation } from "~/domain/workspace/organisation-admin.server";
import { plannerWeek } from "~/domain/workspace/planner.server";
import { pendingRequests } from "~/domain/bookings/request-queue.server";
import { rulesOf, saveCancellationSteps, saveOpeningHours, saveRules } from "~/domain/centre/settings.server";
import { createRoom, updateRoom } from "~/domain/centre/rooms.server";
import { changeRole, inviteMember, removeMember } from "~/domain/centre/team.server";
import {
  addMembership,
  createCentre,
  createCombination,
  createOrganisation,
  createRoom as makeRoom,
  createTestBooking,
  createUser,
} from "../../prisma/factories";

async function centreWithManager() {
  const centre = await createCentre();
  const manager = await createUser({ name: "Marieke" });
  await addMembership(manager.id, centre.id, "ADMIN");
  return { centre, manager, actor: { centreId: centre.id, actorId: manager.id } };
}

const roomInput = {
  description: "",
  location: "",
  capacity: 20,
  areaM2: null,
  stepFree: true,
  facilities: [],
  setupBufferMinutes: 15,
  cleanupBufferMinutes: 15,
  active: true,
  sortOrder: 1,
};

describe("rooms and combinations", () => {
  it("adds a room and a combination of two rooms; a name is used once per centre", async () => {
    const { actor } = await centreWithManager();
    const a = await createRoom(actor, "ROOM", { ...roomInput, name: "Zaal A" });
    const b = await createRoom(actor, "ROOM", { ...roomInput, name: "Zaal B" });
    const combo = await createRoom(actor, "COMBINATION", {
      ...roomInput,
      name: "Grote zaal",
      capacity: 80,
      memberIds: [a.id, b.id],
    });
    expect(
      (await db().roomComboMember.findMany({ where: { combinationId: combo.id } }))
        .map((member) => member.roomId)
        .sort(),
    ).toEqual([a.id, b.id].sort());
    await expect(createRoom(actor, "ROOM", { ...roomInput, name: "Zaal A" })).rejects.toMatchObject({
      code: "room-name-taken",
    });
    await expect(
      createRoom(actor, "COMBINATION", { ...roomInput, name: "Half", memberIds: [a.id] }),
    ).rejects.toMatchObject({ code: "combination-too-few-rooms" });
    expect(await db().auditEvent.count({ where: { centreId: actor.centreId, action: "room-created" } })).toBe(3);
  });

  it("a combination cannot take another centre's room, and another centre's room cannot be changed", async () => {
    const { actor } = await centreWithManager();
    const other = await centreWithManager();
    const mine = await makeRoom(actor.centreId, { name: "Zaal 1" });
    const theirs = await makeRoom(other.centre.id, { name: "Zaal 1" });
    await expect(
      createRoom(actor, "COMBINATION", { ...roomInput, name: "Mix", memberIds: [mine.id, theirs.id] }),
    ).rejects.toMatchObject({ status: 404 });
    await expect(updateRoom(actor, theirs.id, { ...roomInput, name: "Overgenomen" })).rejects.toMatchObject({
      status: 404,
    });
    expect((await db().room.findUniqueOrThrow({ where: { id: theirs.id } })).name).toBe("Zaal 1");
  });
});

describe("opening hours, rules and the cancellation policy", () => {
  it("replaces the centre's opening hours and refuses windows that overlap", async () => {
    const { actor } = await centreWithManager();
    await saveOpeningHours(actor, null, [
      { weekday: 1, opensMinute: 540, closesMinute: 720 },
      { weekday: 1, opensMinute: 780, closesMinute: 1440 },
    ]);
    expect(
      (await db().openingHours.findMany({ where: { centreId: actor.centreId }, orderBy: { opensMinute: "asc" } })).map(
        (row) => [row.weekday, row.opensMinute, row.closesMinute],
      ),
    ).toEqual([
      [1, 540, 720],
      [1, 780, 1440],
    ]);
    await expect(
      saveOpeningHours(actor, null, [
        { weekday: 2, opensMinute: 540, closesMinute: 720 },
        { weekday: 2, opensMinute: 700, closesMinute: 900 },
      ]),
    ).rejects.toMatchObject({ code: "opening-hours-invalid" });
    expect(await db().openingHours.count({ where: { centreId: actor.centreId } })).toBe(2);
  });

  it("saves the community rules for the centre and every tier", async () => {
    const { actor } = await centreWithManager();
    const rules = await rulesOf(actor.centreId);
    await saveRules(actor, {
      ...rules,
      provisionalCutoffDays: 21,
      commercialShareCapBp: 2500,
      commercialShareCapAction: "REQUIRE_APPROVAL",
      tiers: rules.tiers.map((tier) =>
        tier.tier === "COMMERCIAL" ? { ...tier, bookingHorizonDays: 42, vatBp: 900 } : tier,
      ),
      communityHours: [{ weekday: 3, startMinute: 600, endMinute: 720 }],
    });
    const saved = await rulesOf(actor.centreId);
    expect([saved.provisionalCutoffDays, saved.commercialShareCapBp, saved.commercialShareCapAction]).toEqual([
      21,
      2500,
      "REQUIRE_APPROVAL",
    ]);
    expect(saved.tiers.find((tier) => tier.tier === "COMMERCIAL")).toMatchObject({
      bookingHorizonDays: 42,
      vatBp: 900,
    });
    expect(saved.communityHours).toEqual([{ weekday: 3, startMinute: 600, endMinute: 720 }]);
  });

  it("refuses two cancellation steps for the same number of days", async () => {
    const { actor } = await centreWithManager();
    await expect(
      saveCancellationSteps(actor, [
        { minDaysBefore: 7, feeBp: 5000 },
        { minDaysBefore: 7, feeBp: 10000 },
      ]),
    ).rejects.toMatchObject({ code: "cancellation-steps-duplicate" });
    await saveCancellationSteps(actor, [
      { minDaysBefore: 30, feeBp: 0 },
      { minDaysBefore: 0, feeBp: 10000 },
    ]);
    expect(await db().cancellationFeeStep.count({ where: { centreId: actor.centreId } })).toBe(2);
  });
});

describe("the team", () => {
  it("an invitation makes the account and the role, and emails a link that works once for a week", async () => {
    const { actor, centre } = await centreWithManager();
    const now = new Date("2027-03-01T10:00:00Z");
    await inviteMember(actor, { email: "Nieuw@Voorbeeld.example ", name: "Nieuwe Gastvrouw", role: "HOST" }, now);
    const user = await db().user.findUniqueOrThrow({
      where: { email: "nieuw@voorbeeld.example" },
      include: { memberships: true, loginTokens: true },
    });
    expect(user.memberships.map((membership) => [membership.centreId, membership.role])).toEqual([[centre.id, "HOST"]]);
    expect(user.loginTokens[0]!.expiresAt.toISOString()).toBe("2027-03-08T10:00:00.000Z");
    const [email] = await db().emailMessage.findMany({ where: { toAddress: "nieuw@voorbeeld.example" } });
    const token = /token=([A-Za-z0-9_-]+)/.exec(email!.textBody)![1]!;
    expect(user.loginTokens[0]!.tokenHash).toBe(hashToken(token));
    expect(email!.textBody).toContain("Gastvrouw of gastheer");
    await expect(
      inviteMember(actor, { email: "nieuw@voorbeeld.example", name: "Nog eens", role: "MANAGER" }, now),
    ).rejects.toMatchObject({ code: "team-already-member" });
  });

  it("nobody changes or removes their own role; another centre's membership is not found", async () => {
    const { actor, centre, manager } = await centreWithManager();
    const other = await centreWithManager();
    const own = await db().membership.findFirstOrThrow({ where: { centreId: centre.id, userId: manager.id } });
    await expect(changeRole(actor, { membershipId: own.id, role: "HOST" })).rejects.toMatchObject({
      code: "team-own-role",
    });
    await expect(removeMember(actor, own.id)).rejects.toMatchObject({ code: "team-own-role" });
    const theirs = await db().membership.findFirstOrThrow({ where: { centreId: other.centre.id } });
    await expect(changeRole(actor, { membershipId: theirs.id, role: "HOST" })).rejects.toMatchObject({ status: 404 });
    expect((await db().membership.findUniqueOrThrow({ where: { id: theirs.id } })).role).toBe("ADMIN");
  });
});

describe("organisations a manager adds", () => {
  it("needs a phone number or an email address, and is verified at once", async () => {
    const { actor } = await centreWithManager();
    const base = {
      tier: "RESIDENT_INITIATIVE" as const,
      contactName: "Mevrouw De Vries",
      locale: "nl" as const,
      billingName: null,
      billingAddress: null,
      billingPostalCode: null,
      billingCity: null,
      billingEmail: null,
      kvkNumber: null,
      vatNumber: null,
    };
    await expect(
      addOrganisation(actor, { ...base, name: "Mevrouw De Vries", contactEmail: null, contactPhone: null }),
    ).rejects.toMatchObject({ code: "organisation-contact-missing" });
    const added = await addOrganisation(actor, {
      ...base,
      name: "Mevrouw De Vries",
      contactEmail: null,
      contactPhone: "06 1234 5678",
    });
    expect([added.contactEmail, added.tierVerifiedById]).toEqual([null, actor.actorId]);
  });
});

describe("the request queue and the planner", () => {
  it("lists pending requests oldest first, with the requests that want the same time", async () => {
    const { centre } = await centreWithManager();
    const a = await makeRoom(centre.id, { name: "Zaal A" });
    const b = await makeRoom(centre.id, { name: "Zaal B" });
    const shop = await createOrganisation(centre.id, { name: "Winkel", tier: "COMMERCIAL" });
    const party = await createOrganisation(centre.id, { name: "Familie", tier: "PRIVATE" });
    const first = await createTestBooking({
      centreId: centre.id,
      organisationId: shop.id,
      roomId: a.id,
      title: "Workshop",
      localStart: "2027-06-05T19:00",
      durationMinutes: 120,
      status: "PENDING",
      tier: "COMMERCIAL",
    });
    const second = await createTestBooking({
      centreId: centre.id,
      organisationId: party.id,
      roomId: b.id,
      title: "Feest",
      localStart: "2027-06-05T20:00",
      durationMinutes: 180,
      status: "PENDING",
      tier: "PRIVATE",
    });
    const alone = await createTestBooking({
      centreId: centre.id,
      organisationId: party.id,
      roomId: b.id,
      title: "Later",
      localStart: "2027-06-12T20:00",
      durationMinutes: 60,
      status: "PENDING",
      tier: "PRIVATE",
    });
    const queue = await pendingRequests(centre.id);
    expect(queue.map((request) => [request.title, request.priority, request.competitors])).toEqual([
      ["Workshop", 4, [second.id]],
      ["Feest", 3, [first.id]],
      ["Later", 3, []],
    ]);
    expect(alone.status).toBe("PENDING");
  });

  it("shows a combination's booking in each of its rooms, and free time only outside the held time", async () => {
    const { centre } = await centreWithManager();
    const a = await makeRoom(centre.id, { name: "Zaal A", sortOrder: 1 });
    const b = await makeRoom(centre.id, { name: "Zaal B", sortOrder: 2 });
    const combo = await createCombination(centre.id, [a.id, b.id], {
      name: "Grote zaal",
      setupBufferMinutes: 30,
      cleanupBufferMinutes: 30,
    });
    const organisation = await createOrganisation(centre.id);
    await createTestBooking({
      centreId: centre.id,
      organisationId: organisation.id,
      roomId: combo.id,
      title: "Feest",
      localStart: "2027-03-31T14:00",
      durationMinutes: 120,
    });
    const week = await plannerWeek(centre.id, "2027-04-01", new Date("2027-03-01T00:00:00Z"));
    expect(week.monday).toBe("2027-03-29");
    const wednesday = week.days.find((day) => day.date === "2027-03-31")!;
    for (const cell of wednesday.cells) {
      expect(
        cell.blocks.map((block) => [
          block.spaceName,
          block.fromMinute,
          block.toMinute,
          block.blockFromMinute,
          block.blockToMinute,
        ]),
      ).toEqual([["Grote zaal", 840, 960, 810, 990]]);
      // Default hours on Wednesday: 08:30–22:00.
      expect(cell.free).toEqual([
        { fromMinute: 510, toMinute: 810 },
        { fromMinute: 990, toMinute: 1320 },
      ]);
    }
  });
});
