import { db, transaction, type Tx } from "~/db/client.server";
import { recordAudit } from "~/domain/shared/audit.server";
import { createBookingWith } from "~/domain/bookings/create.server";
import { isDomainError } from "~/domain/shared/errors";
import { clock } from "~/lib/clock";
import { loadAgendaDemo } from "./demo-agenda";
import { loadExtrasDemo } from "./demo-extras";
import { loadMoneyDemo } from "./demo-money";
import { DEMO_ACCOUNTS, planDemo, type DemoHeadcounts, type DemoPlan } from "./demo-plan";
import { loadReportsDemo } from "./demo-reports";
import {
  addMembership,
  createCentre,
  createCombination,
  createOrganisation,
  createRate,
  createRoom,
  createUser,
} from "./factories";

/**
 * Loading the demo (see prisma/demo-plan.ts for what it holds): the plan for today, written in ONE
 * transaction through the same booking engine a manager uses (createBookingWith), so a date the
 * engine would refuse stops the whole load and nothing is left behind. The last row written is
 * an audit record "demo loaded": a database with demo centres but without it is half loaded.
 */

export { DEMO_ACCOUNTS } from "./demo-plan";

/** A start-up problem with the demo, in one sentence for the operator. */
export class DemoError extends Error {
  override name = "DemoError";
}

/** The audit record written last, in the demo's own transaction. */
const DEMO_LOADED = { entityType: "demo", entityId: "demo", action: "loaded" } as const;

/** The demo's own transaction may take this long (it takes a few seconds). */
const DEMO_TRANSACTION_MS = 5 * 60_000;

export type DemoState =
  /** nothing in it: the demo may be loaded */
  | "empty"
  | "loaded"
  /** demo centres or accounts without the demo's last write: an interrupted load from before the demo had one transaction */
  | "half-loaded"
  /** someone's own data: the demo is never loaded into it */
  | "other-data";

/** What the database holds, as far as the demo is concerned. */
export async function demoState(client: Tx = db()): Promise<DemoState> {
  if (await client.auditEvent.findFirst({ where: DEMO_LOADED, select: { id: true } })) return "loaded";
  const [centres, users] = [await client.centre.count(), await client.user.count()];
  if (centres === 0 && users === 0) return "empty";
  const demoCentre = await client.centre.findFirst({
    where: { slug: { in: ["de-wilg", "het-anker"] } },
    select: { id: true },
  });
  const demoAccount = await client.user.findFirst({
    where: { email: { in: DEMO_ACCOUNTS.map((account) => account.email) } },
    select: { id: true },
  });
  if (!demoCentre && !demoAccount) return "other-data";
  // A demo loaded completely before the marker existed: its last step wrote Het Anker's yearly costs.
  const legacyComplete = await client.yearCosts.findFirst({
    where: { centre: { slug: "het-anker" } },
    select: { year: true },
  });
  return legacyComplete ? "loaded" : "half-loaded";
}

/** Loads the demo into an empty database; prints the demo accounts when the demo is there. */
export async function loadDemoIfEmpty(options: { log: (line: string) => void; now?: Date }): Promise<void> {
  const state = await demoState();
  if (state === "half-loaded") {
    throw new DemoError(
      "This database holds a demo that was only partly loaded by an earlier start; run npm run db:reset to empty it and load the demo again.",
    );
  }
  if (state === "empty") {
    const started = performance.now();
    const plan = await loadDemo(options.now ?? clock.now());
    options.log(
      `Loaded the demo centres (${plan.bookings.length} bookings) in ${((performance.now() - started) / 1000).toFixed(1)} s.`,
    );
  }
  if (state === "empty" || state === "loaded") {
    options.log("Demo accounts (sign in at /login; without SMTP the link appears at /dev/mailbox):");
    for (const account of DEMO_ACCOUNTS) options.log(`  ${account.email.padEnd(44)} ${account.what}`);
  }
}

/**
 * Loads the demo planned for `now` in one transaction; returns the plan. A refusal by the engine
 * becomes a DemoError (nothing is saved). `plan` is for tests that need a plan of their own.
 */
export async function loadDemo(now: Date, plan: DemoPlan = planDemo(now)): Promise<DemoPlan> {
  try {
    await transaction((tx) => loadDemoWith(tx, plan), { timeoutMs: DEMO_TRANSACTION_MS });
  } catch (error) {
    if (isDomainError(error)) {
      throw new DemoError(
        `The demo could not be loaded and nothing of it was saved: ${error.message.replace(/\.$/, "")}; start with DEMO_DATA=off, or report this as a bug.`,
      );
    }
    throw error;
  }
  return plan;
}

/** Writes `plan` inside the caller's transaction. */
async function loadDemoWith(tx: Tx, plan: DemoPlan): Promise<void> {
  const { now } = plan;
  const users = new Map<string, string>();
  for (const account of plan.accounts) {
    const user = await createUser(
      { email: account.email, name: account.name, installationRole: account.installationRole ?? null },
      tx,
    );
    users.set(account.email, user.id);
  }

  const centres = new Map<string, string>();
  for (const centre of plan.centres) {
    // the factory gives every centre the default opening hours, which the plan states as its own
    const { slug, openingHours: _defaultOpeningHours, ...fields } = centre;
    centres.set(
      slug,
      (await createCentre({ slug, ...fields, createdAt: new Date(`${plan.joinedOn}T00:00:00Z`) }, tx)).id,
    );
  }
  const rooms = new Map<string, string>();
  for (const room of plan.rooms) {
    const { key, centre, members, ...fields } = room;
    const created = members
      ? await createCombination(
          centres.get(centre)!,
          members.map((member) => rooms.get(member)!),
          fields,
          tx,
        )
      : await createRoom(centres.get(centre)!, fields, tx);
    rooms.set(key, created.id);
  }
  for (const account of plan.accounts) {
    if (account.centre && account.role)
      await addMembership(users.get(account.email)!, centres.get(account.centre)!, account.role, tx);
  }
  for (const rate of plan.rates) {
    const centre = centres.get(plan.rooms.find((room) => room.key === rate.room)!.centre)!;
    await createRate(
      centre,
      rooms.get(rate.room)!,
      rate.tier,
      {
        hourlyCents: rate.hourlyCents,
        freeHoursPerMonth: rate.freeHoursPerMonth,
        minimumMinutes: rate.minimumMinutes,
        validFrom: new Date(`${rate.validFrom}T00:00:00Z`),
        dayParts: rate.dayParts,
      },
      tx,
    );
  }
  await loadExtrasDemo(tx, centres.get("de-wilg")!, rooms.get("grote-zaal")!);
  await tx.closure.createMany({
    data: plan.closures.map((closure) => ({
      centreId: centres.get(closure.centre)!,
      roomId: closure.room ? rooms.get(closure.room)! : null,
      startDate: new Date(`${closure.startDate}T00:00:00Z`),
      endDate: new Date(`${closure.endDate}T00:00:00Z`),
      reason: closure.reason,
    })),
  });

  const organisations = new Map<string, string>();
  for (const organisation of plan.organisations) {
    const created = await createOrganisation(
      centres.get(organisation.centre)!,
      {
        name: organisation.name,
        tier: organisation.tier,
        contactName: organisation.contactName,
        contactEmail: organisation.contactEmail,
        tierVerifiedAt: organisation.tierVerifiedOn ? new Date(`${organisation.tierVerifiedOn}T09:00:00Z`) : null,
      },
      tx,
    );
    organisations.set(organisation.key, created.id);
    for (const email of organisation.members ?? []) {
      await tx.organisationMember.create({ data: { organisationId: created.id, userId: users.get(email)! } });
    }
  }

  // Every booking through the engine: a date it refuses stops the load (and the transaction).
  const withHeadcounts: { bookingId: string; headcounts: DemoHeadcounts }[] = [];
  for (const booking of plan.bookings) {
    const created = await createBookingWith(
      tx,
      {
        centreId: centres.get(booking.centre)!,
        organisationId: organisations.get(booking.organisation)!,
        roomId: rooms.get(booking.room)!,
        title: booking.title,
        notes: booking.notes,
        rrule: booking.rrule,
        localStart: booking.localStart,
        durationMinutes: booking.durationMinutes,
        attendees: booking.attendees,
        status: booking.status,
        tier: booking.tier,
        provisionalCutoffDays: booking.provisionalCutoffDays ?? null,
        activity: booking.activity ?? null,
        createdById: booking.createdBy ? users.get(booking.createdBy)! : null,
      },
      now,
    );
    if (booking.headcounts) withHeadcounts.push({ bookingId: created.id, headcounts: booking.headcounts });
  }

  // ── Past headcounts for the walk-in activities (deterministic) ──
  for (const { bookingId, headcounts } of withHeadcounts) {
    const past = await tx.occurrence.findMany({
      where: { bookingId, startsAt: { lt: now }, status: "ACTIVE" },
      orderBy: { startsAt: "asc" },
    });
    await tx.attendance.createMany({
      data: past.map((occurrence, index) => ({
        occurrenceId: occurrence.id,
        centreId: occurrence.centreId,
        headcount: headcounts.base + ((index * headcounts.step) % headcounts.spread),
        firstTimeCount: index % 3 === 0 ? 1 + (index % 2) : 0,
        recordedById: users.get("gastvrouw@de-wilg.example")!,
        recordedAt: occurrence.endsAt,
      })),
    });
  }

  await loadAgendaDemo(tx, now);
  await loadReportsDemo(tx, now);
  await loadMoneyDemo(tx, now);
  await recordAudit(tx, {
    centreId: null,
    ...DEMO_LOADED,
    details: { now: now.toISOString(), today: plan.today, bookings: plan.bookings.length },
  });
}
