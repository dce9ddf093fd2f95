import { describe, expect, it } from "vitest";
import { db } from "~/db/client.server";
import { listAgenda } from "~/domain/residents/agenda.server";
import { DomainError } from "~/domain/shared/errors";
import { cancelOccurrence, cancelRestOfSeries } from "~/domain/bookings/series-changes.server";
import {
  activitiesOrganisedBy,
  cancelSignup,
  cancelTokenFor,
  findSignupByToken,
  notifySignupsOfCancelledDate,
  signUp,
  signupLists,
} from "~/domain/residents/signups.server";
import { createCentre, createTestActivity, createUser } from "../../prisma/factories";

const BEFORE = new Date("2030-01-01T09:00:00Z");

/** A centre with a sign-up activity (Tuesdays 19:30 from 8 January 2030) of `capacity` places. */
function signupActivity(capacity: number, options: { kind?: "SIGN_UP" | "WALK_IN"; count?: number } = {}) {
  return createTestActivity({
    title: "Huiswerkclub",
    rrule: `FREQ=WEEKLY;BYDAY=TU;COUNT=${options.count ?? 3}`,
    localStart: "2030-01-08T19:30",
    durationMinutes: 90,
    activity: {
      kind: options.kind ?? "SIGN_UP",
      title: "Huiswerkclub",
      capacity: options.kind === "WALK_IN" ? null : capacity,
    },
  });
}

function person(n: number, extra: Partial<{ email: string | null; phone: string | null; name: string }> = {}) {
  return { name: `Bewoner ${n}`, email: `bewoner${n}@voorbeeld.example`, phone: null, locale: "nl" as const, ...extra };
}

async function refusal(promise: Promise<unknown>): Promise<DomainError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(DomainError);
  return error as DomainError;
}

describe("signing up with a capacity and a waiting list", () => {
  it("the first people get a place, the next one goes on the waiting list with a position", async () => {
    const { centre, activity, dates } = await signupActivity(2);
    const at = { centreId: centre.id, activityId: activity.id, occurrenceId: dates[0]!.id };
    expect((await signUp({ ...at, ...person(1) }, BEFORE)).status).toBe("CONFIRMED");
    expect((await signUp({ ...at, ...person(2) }, BEFORE)).status).toBe("CONFIRMED");
    const third = await signUp({ ...at, ...person(3) }, BEFORE);
    const fourth = await signUp({ ...at, ...person(4) }, BEFORE);
    expect([third.status, third.position, fourth.status, fourth.position]).toEqual(["WAITLISTED", 1, "WAITLISTED", 2]);
    const [listed] = await listAgenda(
      [centre],
      { period: "week", filters: { audiences: [], free: false, walkIn: false, stepFree: false, centres: [] } },
      BEFORE,
    );
    expect(listed).toBeUndefined(); // the date is next week, not this week
    const later = await db().signup.groupBy({ by: ["status"], where: { occurrenceId: dates[0]!.id }, _count: true });
    expect(Object.fromEntries(later.map((row) => [row.status, row._count]))).toEqual({ CONFIRMED: 2, WAITLISTED: 2 });
  });

  it("the confirmation email holds a cancel link that works without an account", async () => {
    const { centre, activity, dates } = await signupActivity(5);
    const result = await signUp(
      { centreId: centre.id, activityId: activity.id, occurrenceId: dates[0]!.id, ...person(1) },
      BEFORE,
    );
    const email = await db().emailMessage.findFirstOrThrow({
      where: { toAddress: "bewoner1@voorbeeld.example", centreId: centre.id },
    });
    expect(email.kind).toBe("signup-confirmed");
    expect(email.subject).toBe("U bent aangemeld: Huiswerkclub");
    expect(email.textBody).toContain("dinsdag 8 januari, 19:30–21:00");
    expect(email.textBody).toContain(`/centres/${centre.slug}/signups/${result.token}`);
    const stored = await db().signup.findUniqueOrThrow({ where: { id: result.id } });
    expect(stored.cancelTokenHash).not.toContain(result.token); // only a hash is kept
    expect((await findSignupByToken(centre.id, result.token))?.status).toBe("CONFIRMED");
  });

  it("a cancellation moves the first person on the waiting list up and emails them", async () => {
    const { centre, activity, dates } = await signupActivity(1);
    const at = { centreId: centre.id, activityId: activity.id, occurrenceId: dates[0]!.id };
    const first = await signUp({ ...at, ...person(1) }, BEFORE);
    const second = await signUp({ ...at, ...person(2) }, BEFORE);
    await signUp({ ...at, ...person(3) }, BEFORE);
    const result = await cancelSignup(centre.id, first.token, BEFORE);
    expect(result).toMatchObject({ cancelled: true, promotedId: second.id, refundDue: false });
    const statuses = await db().signup.findMany({
      where: { occurrenceId: dates[0]!.id },
      orderBy: { createdAt: "asc" },
    });
    expect(statuses.map((signup) => signup.status)).toEqual(["CANCELLED", "CONFIRMED", "WAITLISTED"]);
    expect(statuses[1]!.promotedAt).not.toBeNull();
    const moved = await db().emailMessage.findFirstOrThrow({
      where: { toAddress: "bewoner2@voorbeeld.example", kind: "signup-promoted" },
    });
    expect(moved.subject).toBe("Er is een plek voor u: Huiswerkclub");
    expect(moved.textBody).toContain(`/centres/${centre.slug}/signups/${await cancelTokenFor(second.id)}`);
    expect(
      await db().emailMessage.count({ where: { toAddress: "bewoner3@voorbeeld.example", kind: "signup-promoted" } }),
    ).toBe(0);
  });

  it("cancelling a waiting-list place moves nobody up, and cancelling twice changes nothing", async () => {
    const { centre, activity, dates } = await signupActivity(1);
    const at = { centreId: centre.id, activityId: activity.id, occurrenceId: dates[0]!.id };
    await signUp({ ...at, ...person(1) }, BEFORE);
    const waiting = await signUp({ ...at, ...person(2) }, BEFORE);
    const third = await signUp({ ...at, ...person(3) }, BEFORE);
    expect(await cancelSignup(centre.id, waiting.token, BEFORE)).toMatchObject({ cancelled: true, promotedId: null });
    expect(await cancelSignup(centre.id, waiting.token, BEFORE)).toMatchObject({ cancelled: false, promotedId: null });
    expect((await findSignupByToken(centre.id, third.token))?.position).toBe(1);
  });

  it("two people taking the last place at the same moment: one gets it, the other waits", async () => {
    const { centre, activity, dates } = await signupActivity(1);
    const at = { centreId: centre.id, activityId: activity.id, occurrenceId: dates[0]!.id };
    const results = await Promise.all([1, 2, 3, 4, 5].map((n) => signUp({ ...at, ...person(n) }, BEFORE)));
    expect(results.filter((result) => result.status === "CONFIRMED")).toHaveLength(1);
    expect(
      results
        .filter((result) => result.status === "WAITLISTED")
        .map((result) => result.position)
        .sort(),
    ).toEqual([1, 2, 3, 4]);
    expect(await db().signup.count({ where: { occurrenceId: dates[0]!.id, status: "CONFIRMED" } })).toBe(1);
  });

  it("two cancellations at the same moment give exactly two waiting people a place", async () => {
    const { centre, activity, dates } = await signupActivity(2);
    const at = { centreId: centre.id, activityId: activity.id, occurrenceId: dates[0]!.id };
    const a = await signUp({ ...at, ...person(1) }, BEFORE);
    const b = await signUp({ ...at, ...person(2) }, BEFORE);
    for (const n of [3, 4, 5]) await signUp({ ...at, ...person(n) }, BEFORE);
    await Promise.all([
      cancelSignup(centre.id, a.token, BEFORE),
      cancelSignup(centre.id, b.token, BEFORE),
      cancelSignup(centre.id, a.token, BEFORE),
    ]);
    const rows = await db().signup.findMany({ where: { occurrenceId: dates[0]!.id }, orderBy: { createdAt: "asc" } });
    expect(rows.map((row) => row.status)).toEqual(["CANCELLED", "CANCELLED", "CONFIRMED", "CONFIRMED", "WAITLISTED"]);
  });
});

describe("bad input for a sign-up gets a clear answer and changes nothing", () => {
  it("the same email address or phone number twice for one date is refused, however it is written", async () => {
    const { centre, activity, dates } = await signupActivity(5);
    const at = { centreId: centre.id, activityId: activity.id, occurrenceId: dates[0]!.id };
    await signUp({ ...at, ...person(1, { phone: "06 12345678" }) }, BEFORE);
    expect((await refusal(signUp({ ...at, ...person(2, { email: "BEWONER1@voorbeeld.example" }) }, BEFORE))).code).toBe(
      "already-signed-up",
    );
    expect(
      (await refusal(signUp({ ...at, ...person(3, { email: null, phone: "+31 6 1234 5678" }) }, BEFORE))).code,
    ).toBe("already-signed-up");
    expect(await db().signup.count({ where: { occurrenceId: dates[0]!.id } })).toBe(1);
    // Another date of the same activity is fine.
    expect((await signUp({ ...at, occurrenceId: dates[1]!.id, ...person(1) }, BEFORE)).status).toBe("CONFIRMED");
  });

  it("after cancelling, the same person may sign up again", async () => {
    const { centre, activity, dates } = await signupActivity(5);
    const at = { centreId: centre.id, activityId: activity.id, occurrenceId: dates[0]!.id };
    const first = await signUp({ ...at, ...person(1) }, BEFORE);
    await cancelSignup(centre.id, first.token, BEFORE);
    expect((await signUp({ ...at, ...person(1) }, BEFORE)).status).toBe("CONFIRMED");
  });

  it("a cancelled date and a date that has started are refused", async () => {
    const { centre, activity, dates } = await signupActivity(5);
    await db().occurrence.update({ where: { id: dates[1]!.id }, data: { status: "CANCELLED" } });
    const at = { centreId: centre.id, activityId: activity.id };
    expect((await refusal(signUp({ ...at, occurrenceId: dates[1]!.id, ...person(1) }, BEFORE))).code).toBe(
      "date-cancelled",
    );
    expect((await refusal(signUp({ ...at, occurrenceId: dates[0]!.id, ...person(1) }, dates[0]!.startsAt))).code).toBe(
      "date-past",
    );
    expect(await db().signup.count({ where: { activityId: activity.id } })).toBe(0);
  });

  it("a walk-in activity needs no sign-up, and says so", async () => {
    const { centre, activity, dates } = await signupActivity(0, { kind: "WALK_IN" });
    const error = await refusal(
      signUp({ centreId: centre.id, activityId: activity.id, occurrenceId: dates[0]!.id, ...person(1) }, BEFORE),
    );
    expect(error.code).toBe("no-sign-up-needed");
  });

  it("a 5,000-character name, script in the name and no contact at all are refused", async () => {
    const { centre, activity, dates } = await signupActivity(5);
    const at = { centreId: centre.id, activityId: activity.id, occurrenceId: dates[0]!.id };
    expect((await refusal(signUp({ ...at, ...person(1, { name: "a".repeat(5000) }) }, BEFORE))).params).toEqual({
      field: "name",
    });
    expect((await refusal(signUp({ ...at, ...person(2, { name: "<script>alert(1)</script>" }) }, BEFORE))).code).toBe(
      "signup-invalid",
    );
    expect((await refusal(signUp({ ...at, ...person(3, { email: null, phone: null }) }, BEFORE))).params).toEqual({
      field: "email",
    });
    expect(await db().signup.count({ where: { occurrenceId: dates[0]!.id } })).toBe(0);
  });

  it("another centre's date, or a date of another activity, is not found", async () => {
    const mine = await signupActivity(5);
    const other = await signupActivity(5);
    const error = await refusal(
      signUp(
        { centreId: mine.centre.id, activityId: mine.activity.id, occurrenceId: other.dates[0]!.id, ...person(1) },
        BEFORE,
      ),
    );
    expect([error.code, error.status]).toEqual(["not-found", 404]);
    const crossed = await refusal(
      signUp(
        { centreId: other.centre.id, activityId: mine.activity.id, occurrenceId: other.dates[0]!.id, ...person(1) },
        BEFORE,
      ),
    );
    expect(crossed.code).toBe("not-found");
  });

  it("a forged cancel link, or one used at another centre, finds nothing and cancels nothing", async () => {
    const { centre, activity, dates } = await signupActivity(5);
    const other = await createCentre();
    const real = await signUp(
      { centreId: centre.id, activityId: activity.id, occurrenceId: dates[0]!.id, ...person(1) },
      BEFORE,
    );
    expect(await cancelSignup(centre.id, "A".repeat(43), BEFORE)).toBeNull();
    expect(await cancelSignup(centre.id, "<script>", BEFORE)).toBeNull();
    expect(await cancelSignup(other.id, real.token, BEFORE)).toBeNull();
    expect((await db().signup.findUniqueOrThrow({ where: { id: real.id } })).status).toBe("CONFIRMED");
  });

  it("a place cannot be cancelled once the date has started", async () => {
    const { centre, activity, dates } = await signupActivity(5);
    const real = await signUp(
      { centreId: centre.id, activityId: activity.id, occurrenceId: dates[0]!.id, ...person(1) },
      BEFORE,
    );
    expect((await refusal(cancelSignup(centre.id, real.token, dates[0]!.startsAt))).code).toBe("date-past");
  });
});

describe("the lists for the organiser and managers", () => {
  it("shows who has a place and who waits, per date, only of this centre", async () => {
    const { centre, activity, dates } = await signupActivity(1);
    const other = await signupActivity(1);
    const at = { centreId: centre.id, activityId: activity.id, occurrenceId: dates[0]!.id };
    await signUp({ ...at, ...person(1) }, BEFORE);
    await signUp({ ...at, ...person(2, { email: null, phone: "0612345678" }) }, BEFORE);
    await signUp(
      { centreId: other.centre.id, activityId: other.activity.id, occurrenceId: other.dates[0]!.id, ...person(9) },
      BEFORE,
    );
    const lists = await signupLists(centre.id, { from: BEFORE, to: new Date("2030-03-01T00:00:00Z") });
    expect(lists.map((date) => [date.confirmed.map((p) => p.name), date.waitlisted.map((p) => p.phone)])).toEqual([
      [["Bewoner 1"], ["0612345678"]],
      [[], []],
      [[], []],
    ]);
  });

  it("an organiser sees only the activities their own organisation booked", async () => {
    const mine = await signupActivity(3);
    const other = await signupActivity(3);
    const organiser = await createUser();
    await db().organisationMember.create({ data: { organisationId: mine.organisation.id, userId: organiser.id } });
    expect(await activitiesOrganisedBy(mine.centre.id, organiser.id)).toEqual([mine.activity.id]);
    expect(await activitiesOrganisedBy(other.centre.id, organiser.id)).toEqual([]);
    const lists = await signupLists(
      mine.centre.id,
      { from: BEFORE, to: new Date("2030-03-01T00:00:00Z") },
      { activityIds: [other.activity.id] },
    );
    expect(lists).toEqual([]);
  });

  it("people signed up for a date that is cancelled get a message", async () => {
    const { centre, activity, dates } = await signupActivity(1);
    const at = { centreId: centre.id, activityId: activity.id, occurrenceId: dates[0]!.id };
    await signUp({ ...at, ...person(1) }, BEFORE);
    await signUp({ ...at, ...person(2) }, BEFORE);
    const told = await db().$transaction((tx) => notifySignupsOfCancelledDate(tx, centre.id, dates[0]!.id));
    expect(told).toBe(2);
    expect(await db().emailMessage.count({ where: { centreId: centre.id, kind: "signup-date-cancelled" } })).toBe(2);
  });

  it("cancelling a date or the rest of the series tells the people signed up, in the same change", async () => {
    const { centre, activity, dates } = await signupActivity(5);
    const manager = await createUser();
    const actor = { centreId: centre.id, actorId: manager.id };
    for (const date of dates)
      await signUp({ centreId: centre.id, activityId: activity.id, occurrenceId: date.id, ...person(1) }, BEFORE);
    await cancelOccurrence(actor, { occurrenceId: dates[0]!.id, reason: "Stembureau", now: BEFORE });
    expect(await db().emailMessage.count({ where: { centreId: centre.id, kind: "signup-date-cancelled" } })).toBe(1);
    await cancelRestOfSeries(actor, {
      bookingId: dates[1]!.bookingId,
      fromOccurrenceId: dates[1]!.id,
      reason: "Club stopt",
      now: BEFORE,
    });
    const told = await db().emailMessage.findMany({ where: { centreId: centre.id, kind: "signup-date-cancelled" } });
    expect(told).toHaveLength(3);
    expect(told.every((email) => email.toAddress === "bewoner1@voorbeeld.example")).toBe(true);
  });
});
