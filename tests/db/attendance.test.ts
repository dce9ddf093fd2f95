import { describe, expect, it } from "vitest";
import { db } from "~/db/client.server";
import { attendanceDay, recordAttendance, setHostDuty } from "~/domain/workspace/attendance.server";
import { addMembership, createTestActivity, createUser } from "../../prisma/factories";

// A weekly walk-in on Tuesdays at 10:00 (Amsterdam); "now" is Tuesday 2 March 2027, 12:00 local.
const NOW = new Date("2027-03-02T11:00:00Z");

async function walkIn() {
  const { centre, booking, dates } = await createTestActivity(
    {
      title: "Koffieochtend",
      rrule: "FREQ=WEEKLY;COUNT=4",
      localStart: "2027-02-23T10:00",
      durationMinutes: 120,
      activity: { kind: "WALK_IN", title: "Koffieochtend" },
    },
    { room: { name: "Zaal" }, organisation: { name: "Koffie" } },
  );
  const host = await createUser({ name: "Ria" });
  const manager = await createUser({ name: "Marieke" });
  await addMembership(host.id, centre.id, "HOST");
  await addMembership(manager.id, centre.id, "MANAGER");
  return { centre, host, manager, booking, dates };
}

describe("attendance", () => {
  it("a host records today's headcount and can correct it the same day; the history says so", async () => {
    const { centre, host, dates, booking } = await walkIn();
    const today = dates[1]!;
    const actor = { centreId: centre.id, actorId: host.id, mayCorrect: false };
    await recordAttendance(actor, { occurrenceId: today.id, headcount: 18, firstTimeCount: 2 }, NOW);
    await recordAttendance(actor, { occurrenceId: today.id, headcount: 19, firstTimeCount: 2 }, NOW);
    const saved = await db().attendance.findUniqueOrThrow({ where: { occurrenceId: today.id } });
    expect([saved.headcount, saved.firstTimeCount, saved.recordedById]).toEqual([19, 2, host.id]);
    const events = await db().auditEvent.findMany({
      where: { entityId: booking.id, action: { startsWith: "attendance-" } },
      orderBy: { createdAt: "asc" },
    });
    expect(events.map((event) => event.action)).toEqual(["attendance-recorded", "attendance-corrected"]);
  });

  it("today's list holds the date with last week's number filled in", async () => {
    const { centre, host, manager, dates } = await walkIn();
    await recordAttendance(
      { centreId: centre.id, actorId: manager.id, mayCorrect: true },
      { occurrenceId: dates[0]!.id, headcount: 14, firstTimeCount: 0 },
      NOW,
    );
    await setHostDuty({ centreId: centre.id, actorId: host.id }, { occurrenceId: dates[1]!.id, userId: host.id });
    const day = await attendanceDay(centre.id, "2027-03-02");
    expect(day.map((item) => [item.title, item.lastHeadcount, item.host?.name, item.attendance])).toEqual([
      ["Koffieochtend", 14, "Ria", null],
    ]);
  });

  it("a host cannot change last week's count, a manager can", async () => {
    const { centre, host, manager, dates } = await walkIn();
    const lastWeek = dates[0]!;
    await expect(
      recordAttendance(
        { centreId: centre.id, actorId: host.id, mayCorrect: false },
        { occurrenceId: lastWeek.id, headcount: 5, firstTimeCount: 0 },
        NOW,
      ),
    ).rejects.toMatchObject({
      code: "attendance-not-today",
      status: 403,
    });
    await recordAttendance(
      { centreId: centre.id, actorId: manager.id, mayCorrect: true },
      { occurrenceId: lastWeek.id, headcount: 5, firstTimeCount: 1 },
      NOW,
    );
    expect((await db().attendance.findUniqueOrThrow({ where: { occurrenceId: lastWeek.id } })).headcount).toBe(5);
  });

  it("refuses a date still to come, more first-timers than people, and another centre's date", async () => {
    const { centre, manager, dates } = await walkIn();
    const other = await walkIn();
    const actor = { centreId: centre.id, actorId: manager.id, mayCorrect: true };
    await expect(
      recordAttendance(actor, { occurrenceId: dates[2]!.id, headcount: 3, firstTimeCount: 0 }, NOW),
    ).rejects.toMatchObject({ code: "attendance-not-started" });
    await expect(
      recordAttendance(actor, { occurrenceId: dates[1]!.id, headcount: 3, firstTimeCount: 4 }, NOW),
    ).rejects.toMatchObject({ code: "attendance-first-time-too-many" });
    await expect(
      recordAttendance(actor, { occurrenceId: other.dates[1]!.id, headcount: 3, firstTimeCount: 0 }, NOW),
    ).rejects.toMatchObject({ code: "not-found", status: 404 });
    expect(
      await db().attendance.count({
        where: { occurrenceId: { in: [dates[1]!.id, dates[2]!.id, other.dates[1]!.id] } },
      }),
    ).toBe(0);
  });

  it("only a member of the team opens up, and a duty can be given back", async () => {
    const { centre, host, manager, dates } = await walkIn();
    const stranger = await createUser();
    await expect(
      setHostDuty({ centreId: centre.id, actorId: manager.id }, { occurrenceId: dates[1]!.id, userId: stranger.id }),
    ).rejects.toMatchObject({ code: "host-not-in-team" });
    await setHostDuty({ centreId: centre.id, actorId: manager.id }, { occurrenceId: dates[1]!.id, userId: host.id });
    expect((await db().hostDuty.findUniqueOrThrow({ where: { occurrenceId: dates[1]!.id } })).userId).toBe(host.id);
    await setHostDuty({ centreId: centre.id, actorId: host.id }, { occurrenceId: dates[1]!.id, userId: null });
    expect(await db().hostDuty.count({ where: { occurrenceId: dates[1]!.id } })).toBe(0);
  });
});
