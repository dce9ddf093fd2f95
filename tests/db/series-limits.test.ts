import { describe, expect, it } from "vitest";
import { db } from "~/db/client.server";
import { DomainError } from "~/domain/shared/errors";
import { createCentre, createOrganisation, createRoom, createTestBooking } from "../../prisma/factories";

/** A series never holds fewer dates than its rule says: it is refused instead, and nothing is stored. */
describe("a series longer than a booking may be", () => {
  async function refusal(rrule: string) {
    const centre = await createCentre();
    const room = await createRoom(centre.id);
    const organisation = await createOrganisation(centre.id);
    const error = await createTestBooking({
      centreId: centre.id,
      organisationId: organisation.id,
      roomId: room.id,
      rrule,
      localStart: "2027-01-05T10:00",
    }).then(
      () => undefined,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(DomainError);
    expect(await db().booking.count({ where: { centreId: centre.id } })).toBe(0);
    expect(await db().occurrence.count({ where: { centreId: centre.id } })).toBe(0);
    return error as DomainError;
  }

  it("weekly until 2070 (over 2,000 dates) is refused with the too-many-dates message", async () => {
    const error = await refusal("FREQ=WEEKLY;UNTIL=20701231");
    expect(error.code).toBe("too-many-dates");
    expect(error.params).toEqual({ max: 2000 });
  });

  it("weekly until 2999 is refused too, not stored with 2,000 of its dates", async () => {
    expect((await refusal("FREQ=WEEKLY;UNTIL=29991231")).code).toBe("recurrence-beyond-horizon");
  });

  it("exactly 2,000 weekly dates are still one booking", async () => {
    const centre = await createCentre();
    const room = await createRoom(centre.id);
    const organisation = await createOrganisation(centre.id);
    const booking = await createTestBooking({
      centreId: centre.id,
      organisationId: organisation.id,
      roomId: room.id,
      rrule: "FREQ=WEEKLY;COUNT=2000",
      localStart: "2027-01-05T10:00",
    });
    expect(booking.dateCount).toBe(2000);
  });
});
