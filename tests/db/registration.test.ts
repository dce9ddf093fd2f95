import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "~/db/client.server";
import {
  REGISTRATION_LINK_HOURS,
  confirmRegistration,
  registerOrganisation,
  type Registration,
} from "~/domain/workspace/organisations.server";
import { clock } from "~/lib/clock";
import { RATE_LIMITS } from "~/lib/rate-limits.server";
import { addMembership, createCentre, createUser } from "../../prisma/factories";

function registration(centreId: string, overrides: Partial<Registration> = {}): Registration {
  return {
    centreId,
    name: `Repair Café ${randomUUID().slice(0, 8)}`,
    tier: "RESIDENT_INITIATIVE",
    contactName: "Bram Jonker",
    email: `bram-${randomUUID().slice(0, 8)}@oost.example`,
    locale: "nl",
    ...overrides,
  };
}

async function confirmationLinks(email: string) {
  const messages = await db().emailMessage.findMany({
    where: { toAddress: email, kind: "registration-confirmation" },
    orderBy: { createdAt: "asc" },
  });
  return messages.map((message) => {
    const token = /register\/confirm\?token=([A-Za-z0-9_-]+)/.exec(message.textBody)?.[1];
    if (!token) throw new Error(`No confirmation link in: ${message.textBody}`);
    return token;
  });
}

describe("registering an organisation", () => {
  it("sends a confirmation link and makes no organisation and no account until it is used", async () => {
    const centre = await createCentre();
    const input = registration(centre.id, { locale: "en" });
    expect(await registerOrganisation(input)).toEqual({ sent: true });
    expect(await db().organisation.count({ where: { centreId: centre.id } })).toBe(0);
    expect(await db().user.findUnique({ where: { email: input.email } })).toBeNull();
    const message = await db().emailMessage.findFirstOrThrow({ where: { toAddress: input.email } });
    expect(message.subject).toBe(`Confirm the registration of ${input.name}`);
    const [token] = await confirmationLinks(input.email);
    expect(token).toBeTruthy();

    const confirmed = await confirmRegistration(centre.id, token!);
    const organisation = await db().organisation.findUniqueOrThrow({
      where: { id: confirmed!.organisationId },
      include: { members: true },
    });
    expect(organisation.name).toBe(input.name);
    expect(organisation.members.map((member) => member.userId)).toEqual([confirmed!.userId]);
    expect((await db().user.findUniqueOrThrow({ where: { id: confirmed!.userId } })).email).toBe(input.email);
  });

  it("a staff member's address is not added to a stranger's organisation; only their own click adds it", async () => {
    const centre = await createCentre();
    const manager = await createUser();
    await addMembership(manager.id, centre.id, "MANAGER");
    await registerOrganisation(
      registration(centre.id, { email: manager.email.toUpperCase(), contactName: "Iemand Anders" }),
    );
    expect(await db().organisationMember.count({ where: { userId: manager.id } })).toBe(0);
    expect(await db().organisation.count({ where: { centreId: centre.id } })).toBe(0);
    const [token] = await confirmationLinks(manager.email);
    const confirmed = await confirmRegistration(centre.id, token!);
    expect(confirmed?.userId).toBe(manager.id);
    expect(await db().organisationMember.count({ where: { userId: manager.id } })).toBe(1);
  });

  it("20 registrations for one address send a few emails, leave one working link, and make no organisation", async () => {
    const centre = await createCentre();
    const email = `stranger-${randomUUID().slice(0, 8)}@voorbeeld.example`;
    for (let sending = 0; sending < 20; sending++) await registerOrganisation(registration(centre.id, { email }));
    const tokens = await confirmationLinks(email);
    expect(tokens).toHaveLength(RATE_LIMITS.registerEmailsPerAddress.points);
    expect(await db().organisation.count({ where: { centreId: centre.id } })).toBe(0);
    expect(await db().organisationRegistration.count({ where: { centreId: centre.id, confirmedAt: null } })).toBe(1);
    // only the newest link works
    expect(await confirmRegistration(centre.id, tokens[0]!)).toBeUndefined();
    expect(await confirmRegistration(centre.id, tokens.at(-1)!)).toBeDefined();
    expect(await db().organisation.count({ where: { centreId: centre.id } })).toBe(1);
  });

  it("a link confirms once: three clicks at the same moment make one organisation", async () => {
    const centre = await createCentre();
    const input = registration(centre.id);
    await registerOrganisation(input);
    const [token] = await confirmationLinks(input.email);
    const results = await Promise.all([1, 2, 3].map(() => confirmRegistration(centre.id, token!)));
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(await db().organisation.count({ where: { centreId: centre.id } })).toBe(1);
    expect(await confirmRegistration(centre.id, token!)).toBeUndefined();
  });

  it(`a link works ${REGISTRATION_LINK_HOURS} hours and only at its own centre`, async () => {
    const centre = await createCentre();
    const other = await createCentre();
    const input = registration(centre.id);
    const asked = clock.now();
    await registerOrganisation(input, asked);
    const [token] = await confirmationLinks(input.email);
    expect(await confirmRegistration(other.id, token!)).toBeUndefined();
    expect(
      await confirmRegistration(centre.id, token!, new Date(asked.getTime() + REGISTRATION_LINK_HOURS * 3_600_000)),
    ).toBeUndefined();
    expect(await db().organisation.count({ where: { centreId: { in: [centre.id, other.id] } } })).toBe(0);
  });

  it("a name taken while the link waited is refused at confirmation, and nothing is made", async () => {
    const centre = await createCentre();
    const first = registration(centre.id);
    const second = registration(centre.id, { name: first.name });
    await registerOrganisation(first);
    await registerOrganisation(second);
    const [firstToken] = await confirmationLinks(first.email);
    const [secondToken] = await confirmationLinks(second.email);
    await confirmRegistration(centre.id, firstToken!);
    await expect(confirmRegistration(centre.id, secondToken!)).rejects.toMatchObject({
      code: "organisation-name-taken",
    });
    expect(await db().user.findUnique({ where: { email: second.email } })).toBeNull();
    await expect(registerOrganisation(registration(centre.id, { name: first.name }))).rejects.toMatchObject({
      code: "organisation-name-taken",
    });
  });
});
