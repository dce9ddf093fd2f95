import { randomBytes } from "node:crypto";
import { db, type Tx } from "~/db/client.server";
import { createBooking, type NewActivity, type NewBooking } from "~/domain/bookings/create.server";
import {
  DEFAULT_CANCELLATION_STEPS,
  DEFAULT_CENTRE_SETTINGS,
  DEFAULT_COMMUNITY_HOURS,
  DEFAULT_DAY_PARTS,
  DEFAULT_OPENING_HOURS,
  DEFAULT_TIER_POLICIES,
} from "~/domain/centre/defaults";
import type { CentreRole, DayPart, InstallationRole, Prisma, Tier } from "~/generated/prisma/client";

/**
 * Test data, in one place. The tests build exactly what they need with these; the demo
 * seed (prisma/demo.ts) builds the demo centres with the same functions, inside its one
 * transaction (the optional last argument: the client to write with).
 */

let sequence = 0;
/** A short value unique within this process and across processes (tests share a database per worker). */
export function uniqueSuffix(): string {
  sequence += 1;
  return `${sequence.toString(36)}${randomBytes(3).toString("hex")}`;
}

export async function createCentre(
  overrides: Partial<Omit<Prisma.CentreUncheckedCreateInput, "id">> & { withDefaultRules?: boolean } = {},
  client: Tx = db(),
) {
  const { withDefaultRules = true, ...fields } = overrides;
  const suffix = uniqueSuffix();
  return client.centre.create({
    data: {
      ...DEFAULT_CENTRE_SETTINGS,
      slug: `centrum-${suffix}`,
      name: `Buurthuis ${suffix}`,
      street: "Dorpsstraat 1",
      postalCode: "1234 AB",
      city: "Voorbeeld",
      // in Buurtrooster long before any date a test uses (payments may not be older than the centre)
      createdAt: new Date("2024-01-01T00:00:00Z"),
      ...fields,
      ...(withDefaultRules
        ? {
            tierPolicies: {
              create: Object.entries(DEFAULT_TIER_POLICIES).map(([tier, policy]) => ({
                tier: tier as Tier,
                ...policy,
              })),
            },
            communityHours: { create: DEFAULT_COMMUNITY_HOURS },
            openingHours: { create: DEFAULT_OPENING_HOURS },
            dayParts: { create: DEFAULT_DAY_PARTS },
            cancellationSteps: { create: DEFAULT_CANCELLATION_STEPS },
          }
        : {}),
    },
  });
}

export async function createRoom(
  centreId: string,
  overrides: Partial<Omit<Prisma.RoomUncheckedCreateInput, "centreId" | "kind">> = {},
  client: Tx = db(),
) {
  return client.room.create({
    data: {
      centreId,
      name: `Zaal ${uniqueSuffix()}`,
      capacity: 30,
      setupBufferMinutes: 0,
      cleanupBufferMinutes: 0,
      ...overrides,
      kind: "ROOM",
    },
  });
}

/** A combination (e.g. "Grote zaal" = Zaal A + Zaal B) that claims each member room. */
export async function createCombination(
  centreId: string,
  memberRoomIds: string[],
  overrides: Partial<Omit<Prisma.RoomUncheckedCreateInput, "centreId" | "kind">> = {},
  client: Tx = db(),
) {
  return client.room.create({
    data: {
      centreId,
      name: `Combinatie ${uniqueSuffix()}`,
      capacity: 60,
      ...overrides,
      kind: "COMBINATION",
      members: { create: memberRoomIds.map((roomId) => ({ roomId })) },
    },
  });
}

export async function createUser(
  overrides: Partial<Omit<Prisma.UserUncheckedCreateInput, "id">> & { installationRole?: InstallationRole | null } = {},
  client: Tx = db(),
) {
  const suffix = uniqueSuffix();
  return client.user.create({
    data: { email: `gebruiker-${suffix}@voorbeeld.example`, name: `Gebruiker ${suffix}`, ...overrides },
  });
}

export async function addMembership(userId: string, centreId: string, role: CentreRole, client: Tx = db()) {
  return client.membership.create({ data: { userId, centreId, role } });
}

export async function createOrganisation(
  centreId: string,
  overrides: Partial<Omit<Prisma.OrganisationUncheckedCreateInput, "centreId">> = {},
  client: Tx = db(),
) {
  const suffix = uniqueSuffix();
  return client.organisation.create({
    data: {
      centreId,
      name: `Organisatie ${suffix}`,
      tier: "RESIDENT_INITIATIVE",
      tierVerifiedAt: new Date("2024-01-01T00:00:00Z"),
      contactName: `Contact ${suffix}`,
      contactEmail: `contact-${suffix}@voorbeeld.example`,
      ...overrides,
    },
  });
}

export async function createRate(
  centreId: string,
  roomId: string,
  tier: Tier,
  overrides: Partial<{
    hourlyCents: number;
    minimumMinutes: number;
    freeHoursPerMonth: number;
    validFrom: Date;
    dayParts: { dayPart: DayPart; priceCents: number }[];
  }> = {},
  client: Tx = db(),
) {
  const { dayParts = [], ...fields } = overrides;
  return client.rate.create({
    data: {
      centreId,
      roomId,
      tier,
      hourlyCents: 1500,
      minimumMinutes: 60,
      freeHoursPerMonth: 0,
      validFrom: new Date("2024-01-01T00:00:00Z"),
      ...fields,
      dayParts: { create: dayParts },
    },
  });
}

/** A confirmed booking with defaults for everything the test does not care about. */
export async function createTestBooking(
  input: Pick<NewBooking, "centreId" | "organisationId" | "roomId" | "localStart"> & Partial<NewBooking>,
) {
  return createBooking({
    title: "Activiteit",
    rrule: null,
    durationMinutes: 60,
    status: "CONFIRMED",
    tier: "RESIDENT_INITIATIVE",
    ...input,
  });
}

/**
 * A centre of its own with one room, one organisation and a confirmed booking with an activity:
 * what the activity, sign-up and company tests start from. The dates come first to last.
 */
export async function createTestActivity(
  booking: Pick<NewBooking, "localStart"> &
    Partial<Omit<NewBooking, "centreId" | "organisationId" | "roomId">> & { activity: NewActivity },
  overrides: {
    centre?: Parameters<typeof createCentre>[0];
    room?: Parameters<typeof createRoom>[1];
    organisation?: Parameters<typeof createOrganisation>[1];
  } = {},
) {
  const centre = await createCentre(overrides.centre);
  const room = await createRoom(centre.id, overrides.room);
  const organisation = await createOrganisation(centre.id, overrides.organisation);
  const created = await createTestBooking({
    centreId: centre.id,
    organisationId: organisation.id,
    roomId: room.id,
    ...booking,
  });
  const activity = await db().activity.findUniqueOrThrow({ where: { bookingId: created.id } });
  const dates = await db().occurrence.findMany({ where: { bookingId: created.id }, orderBy: { startsAt: "asc" } });
  return { centre, room, organisation, booking: created, activity, dates };
}

/** An invoice with its lines (totals are the sum of the lines); the number follows `sequence`. */
export async function createInvoice(
  input: {
    centreId: string;
    organisationId: string;
    sequence: number;
    issuedAt: Date;
    lines: {
      bookingId?: string | null;
      occurrenceId?: string | null;
      description?: string;
      amountExclCents: number;
      vatBp?: number | null;
      vatCents?: number;
    }[];
    status?: "ISSUED" | "PAID" | "CREDITED";
    number?: string;
    dueDays?: number;
  },
  client: Tx = db(),
) {
  const lines = input.lines.map((line) => ({
    bookingId: line.bookingId ?? null,
    occurrenceId: line.occurrenceId ?? null,
    description: line.description ?? "Huur",
    amountExclCents: line.amountExclCents,
    vatBp: line.vatBp ?? null,
    vatCents: line.vatCents ?? 0,
  }));
  const excl = lines.reduce((sum, line) => sum + line.amountExclCents, 0);
  const vat = lines.reduce((sum, line) => sum + line.vatCents, 0);
  const year = input.issuedAt.getUTCFullYear();
  return client.invoice.create({
    data: {
      centreId: input.centreId,
      organisationId: input.organisationId,
      year,
      sequence: input.sequence,
      number: input.number ?? `F-${year}-${String(input.sequence).padStart(4, "0")}`,
      issuedAt: input.issuedAt,
      dueAt: new Date(input.issuedAt.getTime() + (input.dueDays ?? 14) * 86_400_000),
      totalExclCents: excl,
      vatCents: vat,
      totalInclCents: excl + vat,
      status: input.status ?? "ISSUED",
      billingSnapshot: {},
      lines: { create: lines },
    },
  });
}

/** A payment (negative for a refund), succeeded unless said otherwise. */
export async function createPayment(
  input: {
    centreId: string;
    organisationId: string;
    amountCents: number;
    receivedAt: Date;
    invoiceId?: string | null;
    bookingId?: string | null;
    method?: "BANK_TRANSFER" | "CASH" | "PIN" | "ONLINE";
    status?: "PENDING" | "SUCCEEDED" | "FAILED" | "REFUNDED";
    recordedById?: string | null;
  },
  client: Tx = db(),
) {
  return client.payment.create({
    data: {
      centreId: input.centreId,
      organisationId: input.organisationId,
      amountCents: input.amountCents,
      receivedAt: input.receivedAt,
      invoiceId: input.invoiceId ?? null,
      bookingId: input.bookingId ?? null,
      method: input.method ?? "BANK_TRANSFER",
      status: input.status ?? "SUCCEEDED",
      recordedById: input.recordedById ?? null,
    },
  });
}
