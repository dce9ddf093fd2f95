import { db, transaction, type Tx } from "~/db/client.server";
import type { Prisma, Tier } from "~/generated/prisma/client";
import {
  bookingApprovedEmail,
  pendingRequestsReminderEmail,
  bookingConfirmedEmail,
  bookingDeclinedEmail,
  bookingRequestedEmail,
  newRequestForManagersEmail,
} from "~/email/booking-emails.server";
import { recordAudit } from "../shared/audit.server";
import { bumpProvisionalDates } from "../rules/bumping.server";
import { sendReservedRefunds } from "../money/refunds.server";
import {
  DEFAULT_HORIZON_DAYS,
  lockBookingWrites,
  planBooking,
  withBookingErrors,
  writeBooking,
  type BookingPlan,
  type NewBooking,
} from "./create.server";
import { approvalFinding, unverifiedFinding } from "../rules/approval";
import { checkCapacity } from "../rules/capacity";
import { checkCommunityHours } from "../rules/community-hours";
import { type RuleFinding } from "../rules/findings";
import { checkHorizon, checkNotInPast } from "../rules/horizon";
import { isBumpable, provisionalFinding } from "../rules/provisional";
import { checkShareCap, monthKey } from "../rules/share-cap";
import { monthUsage } from "../rules/share-cap.server";
import { suggestAlternatives, type Conflict, type RoomAlternative, type TimeAlternative } from "./conflicts.server";
import { DomainError, NotFoundError } from "../shared/errors";
import { quote as priceQuote, type Quote, type QuoteLine } from "../money/pricing";
import { currentRate } from "../money/rates.server";
import { paymentOnConfirm } from "../money/online-hold.server";
import { priceExtras, type ExtrasQuote, type PricedExtra } from "../money/extras";
import { chosenExtras, depositForSpace } from "../money/extras.server";
import { loadSpace, type BookableSpace } from "../centre/rooms.server";
import { effectiveTier, isCommunityTier } from "../rules/tiers";
import { formatLocalDate, localDateTimeAt, parseLocalDate, startOfLocalDay } from "../time/time-zone";
import { notifySignupsOfCancelledDate } from "../residents/signups.server";
import { transactionOnce } from "../shared/submissions.server";
import { clock } from "~/lib/clock";
import type { Actor } from "../shared/actor";

/**
 * An organisation's booking request, from review to the booking: dates and their conflicts
 * (with the engine's options), the price per date and in total, and the community rules that
 * apply — then, in one transaction, the booking (confirmed or waiting for a manager), any
 * provisional commercial dates it takes over, and the emails. See docs/decisions/011-community-rules.md; each rule is its own file in rules/.
 */

/**
 * What a request asks for, in the words of a new booking (`skip` and `moves` are the clashing
 * dates the person chose to skip or move); tier, status and price follow from the review.
 */
export interface BookingRequestInput extends Pick<
  NewBooking,
  | "centreId"
  | "organisationId"
  | "roomId"
  | "title"
  | "notes"
  | "rrule"
  | "localStart"
  | "durationMinutes"
  | "exdates"
  | "skip"
  | "moves"
  | "skipPublicHolidays"
  | "skipSchoolHolidays"
  | "activity"
  | "bookedOnBehalf"
> {
  /** the person asking; managers may book outside opening hours and on someone's behalf */
  actor: { userId: string | null; isManager: boolean };
  attendees: number;
  /** extras chosen (ids of the centre's extras offered to the organisation's tier) */
  extraIds?: string[];
  /** the key of the form that asks (see submissions.server.ts): the same form books once */
  submissionKey?: string;
}

interface ReviewedDate {
  localStart: string;
  startsAt: Date;
  endsAt: Date;
  roomId: string;
  /** takes place; skipped (holiday or chosen); moved; blocked (a conflict nobody resolved); bumps a provisional booking */
  state: "ok" | "skipped" | "moved" | "blocked" | "bumps";
  skipReason: string | null;
  conflicts: Conflict[];
  price: QuoteLine | null;
  /** provisional until this instant (commercial hire), else null */
  firmAt: Date | null;
}

export interface BookingReview {
  tier: Tier;
  claimedTier: Tier;
  verified: boolean;
  space: { id: string; name: string; capacity: number };
  dates: ReviewedDate[];
  /** the room's price */
  quote: Quote;
  /** the extras chosen, per date that takes place and in total, with VAT per rate */
  extras: ExtrasQuote;
  /** the room and the extras together (what the booking costs) */
  total: { exclCents: number; vatCents: number; inclCents: number };
  /** the deposit (borg) asked with the booking, in cents (0 = none); not part of the total */
  depositCents: number;
  findings: RuleFinding[];
  alternatives: { rooms: RoomAlternative[]; times: TimeAlternative[] };
  /** free times outside community hours, for dates community hours refuse (commercial and private hire) */
  outsideCommunityHours: TimeAlternative[];
  /** what happens when the person confirms */
  outcome: "confirmed" | "pending" | "refused";
  /** provisional dates of other bookings that this request would take over */
  bumps: { occurrenceId: string; bookingId: string; localStart: string }[];
}

const DAY_MS = 24 * 60 * 60 * 1000;

async function loadContext(tx: Tx, input: BookingRequestInput) {
  const centre = await tx.centre.findUnique({ where: { id: input.centreId } });
  if (!centre) throw new NotFoundError("centre");
  const organisation = await tx.organisation.findFirst({ where: { id: input.organisationId, centreId: centre.id } });
  if (!organisation) throw new NotFoundError("organisation");
  const tier = effectiveTier(organisation, centre.unverifiedTier);
  const policy = await tx.tierPolicy.findUnique({ where: { centreId_tier: { centreId: centre.id, tier } } });
  const communityHours = await tx.communityHoursWindow.findMany({ where: { centreId: centre.id } });
  const dayParts = await tx.dayPartWindow.findMany({ where: { centreId: centre.id } });
  const space = await loadSpace(tx, centre.id, input.roomId);
  return { centre, organisation, tier, policy, communityHours, dayParts, space };
}

function validateShape(input: BookingRequestInput) {
  if (!Number.isInteger(input.durationMinutes) || input.durationMinutes < 15 || input.durationMinutes > 24 * 60) {
    throw new DomainError("invalid-duration", "A booking lasts from 15 minutes to 24 hours.", { max: 24 });
  }
  if (!Number.isInteger(input.attendees) || input.attendees < 1) {
    throw new DomainError("invalid-attendees", "Say how many people come (at least 1).");
  }
}

async function review(
  tx: Tx,
  input: BookingRequestInput,
  now: Date,
): Promise<
  BookingReview & { context: Awaited<ReturnType<typeof loadContext>> & { extras: PricedExtra[] }; plan: BookingPlan }
> {
  validateShape(input);
  const context = await loadContext(tx, input);
  const { centre, organisation, tier, policy, space } = context;
  const plan = await planBooking(
    tx,
    input,
    { timeZone: centre.timeZone, space, horizonDays: policy?.bookingHorizonDays ?? DEFAULT_HORIZON_DAYS },
    { seesDetails: input.actor.isManager, organisationId: organisation.id },
    now,
  );

  const canBump = tier === "RESIDENT_INITIATIVE";
  const bumps: BookingReview["bumps"] = [];
  const dates: ReviewedDate[] = plan.dates.map((date) => {
    const conflicts = date.conflicts;
    const relevant = conflicts.filter(
      (conflict) => !(conflict.reason === "outside-opening-hours" && input.actor.isManager),
    );
    let state: ReviewedDate["state"] = date.cancelReason ? "skipped" : date.moved ? "moved" : "ok";
    if (state !== "skipped" && relevant.length > 0) {
      const bumpable =
        canBump &&
        relevant.every(
          (conflict) =>
            conflict.reason === "room-taken" &&
            conflict.holder &&
            isBumpable(conflict.holder.firmAt, now) &&
            !isCommunityTier(conflict.holder.tier),
        );
      if (bumpable) {
        state = "bumps";
        for (const conflict of relevant)
          bumps.push({
            occurrenceId: conflict.holder!.occurrenceId,
            bookingId: conflict.holder!.bookingId,
            localStart: date.originalLocalStart,
          });
      } else {
        state = "blocked";
      }
    }
    return {
      localStart: date.originalLocalStart,
      startsAt: date.startsAt,
      endsAt: date.endsAt,
      roomId: date.roomId,
      state,
      skipReason: date.cancelReason,
      conflicts,
      price: null,
      firmAt: policy?.provisional ? new Date(date.startsAt.getTime() - centre.provisionalCutoffDays * DAY_MS) : null,
    };
  });

  // Price: the rate in force now for the space and tier; free hours already used this month count.
  const rate = (await currentRate(tx, centre.id, space.id, tier, now)) ?? {
    id: null,
    hourlyCents: 0,
    minimumMinutes: 0,
    freeHoursPerMonth: 0,
    dayParts: [],
  };
  const priced = dates.filter((date) => date.state !== "skipped" && date.state !== "blocked");
  const freeMinutesUsed =
    rate.freeHoursPerMonth > 0
      ? await freeMinutesUsedByMonth(tx, centre.id, organisation.id, priced, centre.timeZone)
      : {};
  const quote = priceQuote({
    rate,
    dayPartWindows: context.dayParts,
    vatBp: policy ? policy.vatBp : null,
    timeZone: centre.timeZone,
    dates: priced.map((date) => ({ localStart: date.localStart, startsAt: date.startsAt, endsAt: date.endsAt })),
    freeMinutesUsed,
  });
  const lines = new Map(quote.lines.map((line) => [line.localStart, line]));
  for (const date of dates) date.price = lines.get(date.localStart) ?? null;

  // Extras on every date that takes place, priced for the tier; the deposit of the rooms taken.
  const chosen = await chosenExtras(tx, centre.id, tier, input.extraIds ?? []);
  const extras = priceExtras(chosen, {
    people: input.attendees,
    dates: priced.map((date) => ({ localStart: date.localStart, startsAt: date.startsAt, endsAt: date.endsAt })),
  });
  const depositCents = await depositForSpace(tx, centre.id, space, tier);

  // The community rules.
  const ruleDates = priced.map((date) => ({
    localStart: date.localStart,
    startsAt: date.startsAt,
    endsAt: date.endsAt,
  }));
  const findings: RuleFinding[] = [
    ...checkNotInPast({ dates: ruleDates, now }),
    ...checkCapacity({ attendees: input.attendees, capacity: space.capacity, room: space.name }),
    ...(input.actor.isManager
      ? []
      : checkHorizon({
          horizonDays: policy?.bookingHorizonDays ?? DEFAULT_HORIZON_DAYS,
          dates: ruleDates,
          now,
          timeZone: centre.timeZone,
        })),
    ...checkCommunityHours({ tier, windows: context.communityHours, dates: ruleDates, timeZone: centre.timeZone }),
    ...(await shareCapFindings(tx, centre, tier, space, priced)),
    ...unverifiedFinding({
      claimed: organisation.tier,
      effective: tier,
      verified: organisation.tierVerifiedAt !== null,
    }),
    ...(policy?.provisional
      ? provisionalFinding({
          cutoffDays: centre.provisionalCutoffDays,
          dates: ruleDates,
          now,
          timeZone: centre.timeZone,
        })
      : []),
    ...(bumps.length > 0
      ? [
          {
            rule: "bump" as const,
            effect: "info" as const,
            params: { count: new Set(bumps.map((b) => b.localStart)).size },
            dates: [...new Set(bumps.map((b) => b.localStart))],
          },
        ]
      : []),
    ...(input.actor.isManager ? [] : approvalFinding({ requiresApproval: policy?.requiresApproval ?? true, tier })),
  ];

  const blocked = dates.filter((date) => date.state === "blocked");
  const clashing = plan.planned.filter((date) => blocked.some((b) => b.localStart === date.originalLocalStart));
  const alternatives =
    clashing.length > 0
      ? await suggestAlternatives(
          centre.id,
          {
            roomId: space.id,
            rrule: input.rrule,
            localStart: input.localStart,
            durationMinutes: input.durationMinutes,
          },
          clashing,
          { attendees: input.attendees, facilities: space.facilities, stepFree: space.stepFree },
          tx,
          [],
          plan.calendar,
        )
      : { rooms: [], times: [] };

  const communityHit = findings.find((finding) => finding.rule === "community-hours");
  const hitDates = plan.planned.filter((date) => communityHit?.dates?.includes(date.originalLocalStart)).slice(0, 3);
  const outsideCommunityHours =
    hitDates.length > 0
      ? (
          await suggestAlternatives(
            centre.id,
            { roomId: space.id, rrule: null, localStart: input.localStart, durationMinutes: input.durationMinutes },
            hitDates,
            {},
            tx,
            context.communityHours,
            plan.calendar,
          )
        ).times
      : [];

  const refused = findings.some((finding) => finding.effect === "refuse") || blocked.length > 0 || priced.length === 0;
  const outcome = refused
    ? "refused"
    : findings.some((finding) => finding.effect === "approval")
      ? "pending"
      : "confirmed";
  return {
    tier,
    claimedTier: organisation.tier,
    verified: organisation.tierVerifiedAt !== null,
    space: { id: space.id, name: space.name, capacity: space.capacity },
    dates,
    quote,
    extras,
    total: {
      exclCents: quote.totalExclCents + extras.totalExclCents,
      vatCents: quote.totalVatCents + extras.totalVatCents,
      inclCents: quote.totalInclCents + extras.totalInclCents,
    },
    depositCents,
    findings,
    alternatives,
    outsideCommunityHours,
    outcome,
    bumps,
    context: { ...context, extras: chosen },
    plan,
  };
}

async function shareCapFindings(
  tx: Tx,
  centre: {
    id: string;
    timeZone: string;
    commercialShareCapBp: number | null;
    commercialShareCapAction: "REFUSE" | "REQUIRE_APPROVAL";
  },
  tier: Tier,
  space: BookableSpace,
  dates: ReviewedDate[],
): Promise<RuleFinding[]> {
  if (tier !== "COMMERCIAL" || centre.commercialShareCapBp === null || dates.length === 0) return [];
  const added = new Map<string, number>();
  for (const date of dates) {
    const minutes = Math.round((date.endsAt.getTime() - date.startsAt.getTime()) / 60_000);
    for (const roomId of space.physicalRoomIds) {
      const key = monthKey(roomId, date.startsAt, centre.timeZone);
      added.set(key, (added.get(key) ?? 0) + minutes);
    }
  }
  const firstMonth = localDateTimeAt(dates[0]!.startsAt, centre.timeZone).slice(0, 7);
  const lastMonth = localDateTimeAt(dates.at(-1)!.startsAt, centre.timeZone).slice(0, 7);
  const from = startOfLocalDay(`${firstMonth}-01`, centre.timeZone);
  const after = parseLocalDate(`${lastMonth}-01`)!;
  after.setUTCMonth(after.getUTCMonth() + 1);
  const to = startOfLocalDay(formatLocalDate(after), centre.timeZone);
  const usage = await monthUsage(tx, centre.id, space.physicalRoomIds, from, to, centre.timeZone);
  const rooms = await tx.room.findMany({
    where: { id: { in: space.physicalRoomIds } },
    select: { id: true, name: true },
  });
  return checkShareCap({
    tier,
    capBp: centre.commercialShareCapBp,
    action: centre.commercialShareCapAction,
    usage,
    added,
    roomNames: new Map(rooms.map((room) => [room.id, room.name])),
  });
}

/** Free minutes the organisation's other dates already take, per local month (first come, first served). */
async function freeMinutesUsedByMonth(
  tx: Tx,
  centreId: string,
  organisationId: string,
  dates: ReviewedDate[],
  timeZone: string,
) {
  if (dates.length === 0) return {};
  const months = [...new Set(dates.map((date) => localDateTimeAt(date.startsAt, timeZone).slice(0, 7)))];
  const rows = await tx.$queryRaw<{ month: string; minutes: number }[]>`
    SELECT to_char(o.starts_at AT TIME ZONE ${timeZone}, 'YYYY-MM') AS month,
           sum(extract(epoch FROM o.ends_at - o.starts_at) / 60)::int AS minutes
    FROM occurrences o JOIN bookings b ON b.id = o.booking_id
    WHERE o.centre_id = ${centreId}::uuid AND b.organisation_id = ${organisationId}::uuid
      AND o.status = 'ACTIVE' AND b.status IN ('CONFIRMED', 'PENDING')
      AND to_char(o.starts_at AT TIME ZONE ${timeZone}, 'YYYY-MM') = ANY(${months}::text[])
    GROUP BY 1`;
  return Object.fromEntries(rows.map((row) => [row.month, Number(row.minutes)]));
}

/** What the request would do (read-only): dates, conflicts with options, prices, rules. */
export async function reviewBookingRequest(input: BookingRequestInput, now = clock.now()): Promise<BookingReview> {
  return transaction(async (tx) => {
    return stripContext(await review(tx, input, now));
  });
}

/** The first refusal of a review, as the error the person sees. */
function refusal(result: BookingReview, timeZone: string): DomainError {
  const finding = result.findings.find((candidate) => candidate.effect === "refuse");
  if (finding)
    return new DomainError(
      `rule-${finding.rule}`,
      `The booking is refused by the ${finding.rule} rule.`,
      finding.params,
      422,
    );
  const blocked = result.dates.find((date) => date.state === "blocked");
  if (blocked) {
    // The conflict that really blocks it: taken or closed before "outside the opening hours" (which a manager may ignore).
    const conflict =
      blocked.conflicts.find((candidate) => candidate.reason === "room-taken") ??
      blocked.conflicts.find((candidate) => candidate.reason === "closed") ??
      blocked.conflicts[0]!;
    const local = localDateTimeAt(blocked.startsAt, timeZone);
    const params = { room: result.space.name, date: local.slice(0, 10), time: local.slice(11) };
    if (conflict.reason === "room-taken")
      return new DomainError(
        "room-already-booked",
        `${params.room} is already booked on ${params.date} at ${params.time}.`,
        params,
        409,
      );
    if (conflict.reason === "closed")
      return new DomainError(
        "date-closed",
        `${params.room} is closed on ${params.date}.`,
        { ...params, reason: conflict.closure?.reason ?? "" },
        409,
      );
    return new DomainError(
      "outside-opening-hours",
      `${params.date} ${params.time} is outside the opening hours.`,
      params,
      409,
    );
  }
  return new DomainError("no-dates", "There is no date left to book.");
}

/**
 * Books: in one transaction the request is reviewed again (the rules and the room's state
 * now), provisional commercial dates it takes over are given up, the booking is made
 * (confirmed, or pending for a manager; pending requests hold their slot) and the emails are
 * queued. Refuses with the first rule or conflict that stands in the way.
 */
export async function requestBooking(input: BookingRequestInput, now = clock.now()) {
  const bookingInput: NewBooking = {
    centreId: input.centreId,
    organisationId: input.organisationId,
    roomId: input.roomId,
    title: input.title,
    rrule: input.rrule,
    localStart: input.localStart,
    durationMinutes: input.durationMinutes,
    status: "PENDING",
    tier: "RESIDENT_INITIATIVE",
    exdates: input.exdates,
  };
  const submission = input.submissionKey
    ? { key: input.submissionKey, centreId: input.centreId, kind: "booking" }
    : undefined;
  const made = await withBookingErrors(bookingInput, now, () =>
    transactionOnce(
      submission,
      async (tx) => {
        // Before the review reads the rooms' dates: see lockBookingWrites.
        await lockBookingWrites(tx, input.centreId);
        const result = await review(tx, input, now);
        const { centre, organisation, tier, policy } = result.context;
        if (result.outcome === "refused") throw refusal(result, centre.timeZone);

        const bumped = await bumpProvisionalDates(
          tx,
          { centre: result.context.centre, actorId: input.actor.userId, initiative: organisation.name },
          { bumps: result.bumps, taken: result.dates.filter((date) => date.state === "bumps") },
          now,
        );
        const lines = new Map(result.quote.lines.map((line) => [line.localStart, line]));
        const payment = await paymentOnConfirm(
          tx,
          {
            centreId: centre.id,
            tierMode: policy?.paymentMode,
            isManager: input.actor.isManager,
            amountCents: result.total.inclCents + result.depositCents,
            outcome: result.outcome,
          },
          now,
        );
        const booking = await writeBooking(
          tx,
          {
            ...bookingInput,
            notes: input.notes,
            attendees: input.attendees,
            tier,
            status: payment.status ?? (result.outcome === "pending" ? "PENDING" : "CONFIRMED"),
            paymentMode: payment.paymentMode,
            holdExpiresAt: payment.holdExpiresAt,
            skip: input.skip,
            moves: input.moves,
            skipPublicHolidays: input.skipPublicHolidays,
            skipSchoolHolidays: input.skipSchoolHolidays,
            allowOutsideOpeningHours: input.actor.isManager,
            provisionalCutoffDays: policy?.provisional ? centre.provisionalCutoffDays : null,
            activity: input.activity,
            createdById: input.actor.userId,
            bookedOnBehalf: input.bookedOnBehalf ?? false,
            pricePerDate: (date) => {
              const line = lines.get(date.originalLocalStart);
              return { exclCents: line?.exclCents ?? 0, vatCents: line?.vatCents ?? 0 };
            },
            quote: quoteSnapshot(result) as unknown as Prisma.InputJsonValue,
            extras: result.context.extras,
            depositCents: result.depositCents,
          },
          result.plan,
          now,
        );
        await recordAudit(tx, {
          centreId: centre.id,
          actorId: input.actor.userId,
          entityType: "booking",
          entityId: booking.id,
          action:
            payment.status === "AWAITING_PAYMENT"
              ? "awaiting-payment"
              : result.outcome === "pending"
                ? "requested"
                : "confirmed",
          details: {
            tier,
            findings: result.findings.map((finding) => ({ rule: finding.rule, effect: finding.effect })),
            bumped,
          } as unknown as Prisma.InputJsonValue,
        });
        // paying online: the confirmation is sent when the payment arrives (money/checkout-outcomes.server.ts)
        if (organisation.contactEmail && !payment.status) {
          const email = result.outcome === "pending" ? bookingRequestedEmail : bookingConfirmedEmail;
          await email(tx, { booking, organisation, centre, dates: result.dates, quote: result.quote });
        }
        if (result.outcome === "pending") await newRequestForManagersEmail(tx, { booking, organisation, centre });
        return { booking, review: stripContext(result), refundIds: bumped.flatMap((bump) => bump.refundIds) };
      },
      ({ booking }) => booking.id,
    ),
  );
  // Committed: the refunds of bumped dates paid online go back through Stripe now.
  await sendReservedRefunds({ centreId: input.centreId, actorId: input.actor.userId }, made.refundIds);
  return made;
}

function stripContext(result: Awaited<ReturnType<typeof review>>): BookingReview {
  const { context: _context, plan: _plan, ...rest } = result;
  return rest;
}

/** The quote as stored on the booking: rate, VAT, lines and totals at the time of booking. */
function quoteSnapshot(result: BookingReview) {
  return { tier: result.tier, ...result.quote };
}

// ─── Manager decisions ──────────────────────────────────────────────────────

async function pendingBooking(tx: Tx, centreId: string, bookingId: string) {
  const rows = await tx.$queryRaw<
    { id: string }[]
  >`SELECT id::text FROM bookings WHERE id = ${bookingId}::uuid AND centre_id = ${centreId}::uuid FOR UPDATE`;
  if (rows.length === 0) throw new NotFoundError("booking");
  const booking = await tx.booking.findUniqueOrThrow({
    where: { id: bookingId },
    include: { organisation: true, centre: true },
  });
  if (booking.status !== "PENDING")
    throw new DomainError("not-pending", "This request was handled already.", { status: booking.status }, 409);
  return booking;
}

/** A manager approves a pending request; the contact is emailed. */
export async function approveBooking(actor: Actor, bookingId: string, now = clock.now()) {
  return transaction(async (tx) => {
    const booking = await pendingBooking(tx, actor.centreId, bookingId);
    const updated = await tx.booking.update({
      where: { id: booking.id },
      data: { status: "CONFIRMED", decidedById: actor.actorId, decidedAt: now },
    });
    await recordAudit(tx, {
      centreId: actor.centreId,
      actorId: actor.actorId,
      entityType: "booking",
      entityId: booking.id,
      action: "approved",
    });
    if (booking.organisation.contactEmail)
      await bookingApprovedEmail(tx, { booking: updated, organisation: booking.organisation, centre: booking.centre });
    return updated;
  });
}

/** A manager declines a pending request with a reason; its slots are freed and the contact is emailed. */
export async function declineBooking(actor: Actor, bookingId: string, reason: string, now = clock.now()) {
  if (reason.trim().length < 3) throw new DomainError("reason-required", "Give a reason for declining.");
  return transaction(async (tx) => {
    const booking = await pendingBooking(tx, actor.centreId, bookingId);
    await tx.roomClaim.updateMany({ where: { occurrence: { bookingId: booking.id } }, data: { active: false } });
    const declined = await tx.occurrence.findMany({
      where: { bookingId: booking.id, status: "ACTIVE" },
      select: { id: true },
    });
    await tx.occurrence.updateMany({
      where: { bookingId: booking.id, status: "ACTIVE" },
      data: { status: "CANCELLED", cancelledAt: now, cancelReason: `Afgewezen: ${reason}` },
    });
    for (const date of declined) await notifySignupsOfCancelledDate(tx, actor.centreId, date.id);
    const updated = await tx.booking.update({
      where: { id: booking.id },
      data: { status: "DECLINED", decidedById: actor.actorId, decidedAt: now, decisionReason: reason },
    });
    await recordAudit(tx, {
      centreId: actor.centreId,
      actorId: actor.actorId,
      entityType: "booking",
      entityId: booking.id,
      action: "declined",
      details: { reason },
    });
    if (booking.organisation.contactEmail)
      await bookingDeclinedEmail(tx, {
        booking: updated,
        organisation: booking.organisation,
        centre: booking.centre,
        reason,
      });
    return updated;
  });
}

/** Pending requests older than the centre's reminder period, for the reminder job and the manager's home. */
async function overdueRequests(now = clock.now()) {
  const pending = await db().booking.findMany({
    where: { status: "PENDING" },
    include: { centre: true, organisation: true },
    orderBy: { createdAt: "asc" },
  });
  return pending.filter(
    (booking) =>
      booking.createdAt.getTime() <= now.getTime() - booking.centre.requestReminderDays * DAY_MS &&
      (!booking.lastReminderAt || booking.lastReminderAt.getTime() <= now.getTime() - DAY_MS),
  );
}

/** Emails each centre's managers about requests that wait too long (at most once a day). */
export async function remindOverdueRequests(now = clock.now()): Promise<number> {
  const overdue = await overdueRequests(now);
  const byCentre = new Map<string, typeof overdue>();
  for (const booking of overdue) byCentre.set(booking.centreId, [...(byCentre.get(booking.centreId) ?? []), booking]);
  for (const [centreId, bookings] of byCentre) {
    await transaction(async (tx) => {
      await tx.booking.updateMany({
        where: { id: { in: bookings.map((booking) => booking.id) } },
        data: { lastReminderAt: now },
      });
      await pendingRequestsReminderEmail(tx, { centre: bookings[0]!.centre, requests: bookings });
      await recordAudit(tx, {
        centreId,
        actorId: null,
        entityType: "centre",
        entityId: centreId,
        action: "requests-reminded",
        details: { bookings: bookings.map((booking) => booking.id) },
      });
    });
  }
  return overdue.length;
}
