import { createHash, createHmac, randomUUID } from "node:crypto";
import { db, transaction, type Tx } from "~/db/client.server";
import { isUniqueViolation } from "~/db/errors.server";
import { appUrl, enqueueTranslatedEmail } from "~/email/compose.server";
import { serverSecret } from "~/auth/secrets.server";
import type { Locale } from "~/i18n/catalogue";
import { formatDayTimeRange, formatMoney, formatTime } from "~/i18n/format";
import { signupPaymentDueAt, signupPaymentState } from "../money/online-hold.server";
import { recordAudit } from "../shared/audit.server";
import { DomainError, NotFoundError } from "../shared/errors";
import { contactFieldsSchema, emailKey, phoneKey } from "./forms";
import { RESIDENT_EMAIL_KINDS } from "./mail.server";
import { clock } from "~/lib/clock";
import { transactionOnce, type Submission } from "../shared/submissions.server";

/**
 * Signing up for a date of a sign-up activity, without an account.
 *
 * A date has `capacity` places. Signing up when it is full puts the person on the waiting
 * list; when someone with a place cancels, the first on the list (by time of signing up)
 * gets the place and a message. Every change to a date's places runs in one transaction
 * that first locks the date's row (SELECT … FOR UPDATE), so two people taking the last
 * place at the same moment are served one after the other: one gets it, the other waits.
 *
 * The cancel link carries a token derived from the sign-up's id with a server secret
 * (HMAC); only its SHA-256 is stored. We can therefore put the same link in every later
 * message (such as "you moved up") without keeping the secret itself, and a link cannot
 * be made up without the secret. See docs/decisions/021-sign-ups-and-waiting-lists.md.
 */

type SignupOutcome = "CONFIRMED" | "WAITLISTED";

export interface SignupInput {
  centreId: string;
  activityId: string;
  occurrenceId: string;
  name: string;
  email?: string | null;
  phone?: string | null;
  locale: Locale;
}

export async function cancelTokenFor(signupId: string): Promise<string> {
  return createHmac("sha256", await serverSecret())
    .update(`signup-cancel:${signupId}`)
    .digest("base64url");
}

function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** The sign-up's own page (what it is, and cancelling it), reached by its secret link. */
export async function signupPath(centreSlug: string, signupId: string): Promise<string> {
  return `/centres/${centreSlug}/signups/${await cancelTokenFor(signupId)}`;
}

/** Locks a date of this centre for a change of its places; other centres' dates are not found. */
export async function lockOccurrence(tx: Tx, centreId: string, occurrenceId: string) {
  const rows = await tx.$queryRaw<{ id: string }[]>`
    SELECT id::text FROM occurrences WHERE id = ${occurrenceId}::uuid AND centre_id = ${centreId}::uuid FOR UPDATE`;
  if (rows.length === 0) throw new NotFoundError("date");
  return tx.occurrence.findUniqueOrThrow({
    where: { id: occurrenceId },
    include: {
      centre: { select: { slug: true, name: true, timeZone: true } },
      room: { select: { name: true } },
      booking: { select: { status: true, activity: true } },
    },
  });
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Signs a person up for one date. Returns the outcome (a place, or the waiting list with the
 * position on it) and the cancel token to show on the confirmation page. Refuses with a
 * DomainError: `signup-invalid` (name or contact not acceptable), `not-found`,
 * `no-sign-up-needed` (a walk-in activity), `date-cancelled`, `date-past` (the date has
 * started), `already-signed-up` (this email or phone number already has a place or waits).
 * With a `submission` the same form signs up once (the second sending: AlreadySubmittedError
 * with the sign-up's id; its page is at confirmationPath).
 */
export async function signUp(input: SignupInput, now = clock.now(), submission?: Submission) {
  const fields = contactFieldsSchema.safeParse({
    name: input.name,
    email: input.email || undefined,
    phone: input.phone || undefined,
  });
  if (!fields.success) {
    throw new DomainError("signup-invalid", "The name or contact details are not acceptable.", {
      field: String(fields.error.issues[0]?.path[0] ?? "name"),
    });
  }
  if (!UUID.test(input.occurrenceId) || !UUID.test(input.activityId)) throw new NotFoundError("date");
  const { name, email, phone } = fields.data;
  const keys = [email ? emailKey(email) : undefined, phone ? phoneKey(phone) : undefined].filter(Boolean) as string[];

  try {
    return await transactionOnce(
      submission,
      async (tx) => {
        const occurrence = await lockOccurrence(tx, input.centreId, input.occurrenceId);
        const activity = occurrence.booking.activity;
        if (!activity || activity.id !== input.activityId || !["WALK_IN", "SIGN_UP"].includes(activity.kind)) {
          throw new NotFoundError("date");
        }
        if (activity.kind === "WALK_IN") {
          throw new DomainError("no-sign-up-needed", "This is a walk-in activity: nobody signs up.");
        }
        if (occurrence.status !== "ACTIVE" || occurrence.booking.status !== "CONFIRMED") {
          throw new DomainError("date-cancelled", "This date does not take place.", {}, 409);
        }
        if (occurrence.startsAt <= now) throw new DomainError("date-past", "This date has already started.", {}, 409);

        const current = await tx.signup.findMany({
          where: { occurrenceId: occurrence.id, status: { in: ["CONFIRMED", "WAITLISTED"] } },
          select: { email: true, phone: true, contactKey: true, status: true },
        });
        // The waiting list is in order of signing up: under the lock, each sign-up of a date
        // is stamped strictly later than the one before (clocks can repeat a millisecond).
        const latest = await tx.signup.aggregate({ where: { occurrenceId: occurrence.id }, _max: { createdAt: true } });
        const createdAt = new Date(Math.max(clock.now().getTime(), (latest._max.createdAt?.getTime() ?? 0) + 1));
        const known = new Set(
          current.flatMap((signup) => [
            signup.contactKey,
            ...(signup.email ? [emailKey(signup.email)] : []),
            ...(signup.phone ? [phoneKey(signup.phone)] : []),
          ]),
        );
        if (keys.some((key) => known.has(key))) {
          throw new DomainError("already-signed-up", "This person has already signed up for this date.", {}, 409);
        }
        const confirmed = current.filter((signup) => signup.status === "CONFIRMED").length;
        const waiting = current.length - confirmed;
        const status: SignupOutcome = confirmed < (activity.capacity ?? 0) ? "CONFIRMED" : "WAITLISTED";
        const id = randomUUID();
        const token = await cancelTokenFor(id);
        // A place (never a waiting-list place) of an activity paid online is held for its payment.
        const paymentDueAt =
          status === "CONFIRMED" ? await signupPaymentDueAt(tx, input.centreId, activity, now) : null;
        await tx.signup.create({
          data: {
            id,
            centreId: input.centreId,
            activityId: activity.id,
            occurrenceId: occurrence.id,
            name,
            email: email ?? null,
            phone: phone ?? null,
            contactKey: keys[0]!,
            locale: input.locale,
            status,
            cancelTokenHash: hashToken(token),
            createdAt,
            paymentDueAt,
          },
        });
        await recordAudit(tx, {
          centreId: input.centreId,
          entityType: "signup",
          entityId: id,
          action: status === "CONFIRMED" ? "signed-up" : "waitlisted",
          details: { occurrenceId: occurrence.id },
        });
        const position = status === "WAITLISTED" ? waiting + 1 : null;
        if (email) {
          await enqueueTranslatedEmail(tx, {
            to: email,
            kind: status === "CONFIRMED" ? RESIDENT_EMAIL_KINDS.signupConfirmed : RESIDENT_EMAIL_KINDS.signupWaitlisted,
            centreId: input.centreId,
            locale: input.locale,
            subject: status === "CONFIRMED" ? "agenda.email.confirmedSubject" : "agenda.email.waitlistedSubject",
            paragraphs: [
              { key: status === "CONFIRMED" ? "agenda.email.confirmedBody" : "agenda.email.waitlistedBody" },
              ...(paymentDueAt ? [{ key: "agenda.email.payBy" as const }] : []),
            ],
            values: {
              name,
              title: activity.title,
              date: formatDayTimeRange(
                occurrence.startsAt,
                occurrence.endsAt,
                occurrence.centre.timeZone,
                input.locale,
              ),
              centre: occurrence.centre.name,
              room: occurrence.room.name,
              position: position ?? 0,
              link: appUrl(await signupPath(occurrence.centre.slug, id)),
              amount: formatMoney(activity.participantPriceCents, input.locale),
              time: paymentDueAt ? formatTime(paymentDueAt, occurrence.centre.timeZone, input.locale) : "",
            },
          });
        }
        return { id, status, position, token, paymentDue: paymentDueAt !== null };
      },
      (signup) => signup.id,
    );
  } catch (error) {
    // The unique index on (date, contact) is the last word when two identical forms race.
    if (isUniqueViolation(error)) {
      throw new DomainError("already-signed-up", "This person has already signed up for this date.", {}, 409);
    }
    throw error;
  }
}

/** A sign-up as its cancel link shows it, or null for an unknown, forged or expired link. */
export async function findSignupByToken(centreId: string, token: string) {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return null;
  const signup = await db().signup.findFirst({
    where: { cancelTokenHash: hashToken(token), centreId, anonymisedAt: null },
    include: {
      activity: { select: { id: true, title: true, participantPriceCents: true, payOnline: true } },
      occurrence: { select: { startsAt: true, endsAt: true, status: true, room: { select: { name: true } } } },
      checkouts: { where: { status: "OPEN" }, select: { completedAt: true } },
      centre: { select: { paymentSettings: { select: { centreId: true } } } },
    },
  });
  if (!signup) return null;
  const position =
    signup.status === "WAITLISTED"
      ? (await db().signup.count({
          where: {
            occurrenceId: signup.occurrenceId,
            status: "WAITLISTED",
            OR: [{ createdAt: { lt: signup.createdAt } }, { createdAt: signup.createdAt, id: { lt: signup.id } }],
          },
        })) + 1
      : null;
  return {
    id: signup.id,
    occurrenceId: signup.occurrenceId,
    name: signup.name,
    email: signup.email,
    phone: signup.phone,
    status: signup.status,
    position,
    activity: signup.activity,
    startsAt: signup.occurrence.startsAt,
    endsAt: signup.occurrence.endsAt,
    room: signup.occurrence.room.name,
    dateCancelled: signup.occurrence.status !== "ACTIVE",
    paymentDueAt: signup.paymentDueAt,
    payment: signupPaymentState({ ...signup, takesOnline: Boolean(signup.centre.paymentSettings) }),
  };
}

/**
 * Cancels the sign-up behind a cancel link. When it held a place, the first person on the
 * waiting list gets it and (with an email address) a message. Returns what happened;
 * null for an unknown or forged link. A date that has started cannot be cancelled
 * (`date-past`). Cancelling twice is harmless: the second time changes nothing.
 */
export async function cancelSignup(centreId: string, token: string, now = clock.now()) {
  const found = await findSignupByToken(centreId, token);
  if (!found) return null;
  if (found.status === "CANCELLED") return { cancelled: false, promotedId: null, refundDue: false, signupId: found.id };
  if (found.startsAt <= now) throw new DomainError("date-past", "This date has already started.", {}, 409);
  return transaction(async (tx) => {
    const occurrence = await lockOccurrence(tx, centreId, found.occurrenceId);
    return { ...(await cancelPlace(tx, occurrence, found.id, now, "person")), signupId: found.id };
  });
}

/**
 * Cancels a sign-up of a date its caller has locked: by the person themselves, or because a
 * place taken when signing up was not paid in time (`unpaid`). A paid place is owed back in
 * full (the refund job sends it, decision 096). The person gets a message; a place that frees
 * up goes to the first on the waiting list.
 */
export async function cancelPlace(
  tx: Tx,
  occurrence: LockedOccurrence,
  signupId: string,
  now: Date,
  why: "person" | "unpaid",
) {
  const before = await tx.signup.findUniqueOrThrow({ where: { id: signupId } });
  if (before.status === "CANCELLED") return { cancelled: false, promotedId: null, refundDue: false };
  const refundDue = before.paidCents > 0 && !before.refundDueAt;
  const signup = await tx.signup.update({
    where: { id: signupId },
    data: { status: "CANCELLED", cancelledAt: now, paymentDueAt: null, ...(refundDue ? { refundDueAt: now } : {}) },
  });
  await recordAudit(tx, {
    centreId: occurrence.centreId,
    entityType: "signup",
    entityId: signup.id,
    action: why === "unpaid" ? "released-unpaid" : "cancelled",
    details: { occurrenceId: occurrence.id, ...(refundDue ? { refundCents: before.paidCents } : {}) },
  });
  const activity = occurrence.booking.activity!;
  if (signup.email) {
    await enqueueTranslatedEmail(tx, {
      to: signup.email,
      kind: RESIDENT_EMAIL_KINDS.signupCancelled,
      centreId: occurrence.centreId,
      locale: signup.locale,
      subject: why === "unpaid" ? "agenda.email.releasedSubject" : "agenda.email.cancelledSubject",
      paragraphs: [
        { key: why === "unpaid" ? "agenda.email.releasedBody" : "agenda.email.cancelledBody" },
        ...(refundDue ? [{ key: "agenda.email.refundBody" as const }] : []),
      ],
      values: {
        name: signup.name,
        title: activity.title,
        date: formatDayTimeRange(occurrence.startsAt, occurrence.endsAt, occurrence.centre.timeZone, signup.locale),
        centre: occurrence.centre.name,
        room: occurrence.room.name,
        link: appUrl(`/centres/${occurrence.centre.slug}/activities/${activity.id}`),
        amount: formatMoney(before.paidCents, signup.locale),
      },
    });
  }
  let promotedId: string | null = null;
  const dateTakesPlace = occurrence.status === "ACTIVE" && occurrence.booking.status === "CONFIRMED";
  if (before.status === "CONFIRMED" && dateTakesPlace) promotedId = await promoteFromWaitingList(tx, occurrence);
  return { cancelled: true, promotedId, refundDue };
}

export type LockedOccurrence = Awaited<ReturnType<typeof lockOccurrence>>;

/** Gives free places to the first people on the waiting list (call with the date locked). */
async function promoteFromWaitingList(tx: Tx, occurrence: LockedOccurrence): Promise<string | null> {
  const activity = occurrence.booking.activity!;
  const confirmed = await tx.signup.count({ where: { occurrenceId: occurrence.id, status: "CONFIRMED" } });
  const free = (activity.capacity ?? 0) - confirmed;
  if (free <= 0) return null;
  const next = await tx.signup.findMany({
    where: { occurrenceId: occurrence.id, status: "WAITLISTED" },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    take: free,
  });
  for (const person of next) {
    await tx.signup.update({ where: { id: person.id }, data: { status: "CONFIRMED", promotedAt: clock.now() } });
    await recordAudit(tx, {
      centreId: occurrence.centreId,
      entityType: "signup",
      entityId: person.id,
      action: "moved-up",
      details: { occurrenceId: occurrence.id },
    });
    if (person.email) {
      await enqueueTranslatedEmail(tx, {
        to: person.email,
        kind: RESIDENT_EMAIL_KINDS.signupPromoted,
        centreId: occurrence.centreId,
        locale: person.locale,
        subject: "agenda.email.promotedSubject",
        paragraphs: [
          { key: "agenda.email.promotedBody" },
          ...(activity.payOnline && activity.participantPriceCents > 0
            ? [{ key: "agenda.email.payOnlineOrAtDoor" as const }]
            : []),
        ],
        values: {
          name: person.name,
          title: activity.title,
          date: formatDayTimeRange(occurrence.startsAt, occurrence.endsAt, occurrence.centre.timeZone, person.locale),
          centre: occurrence.centre.name,
          room: occurrence.room.name,
          link: appUrl(await signupPath(occurrence.centre.slug, person.id)),
          amount: formatMoney(activity.participantPriceCents, person.locale),
        },
      });
    }
  }
  return next[0]?.id ?? null;
}

/**
 * Tells everyone with a place or on the waiting list that a date no longer takes place.
 * For the booking engine to call in the transaction that cancels the date.
 */
export async function notifySignupsOfCancelledDate(tx: Tx, centreId: string, occurrenceId: string) {
  const occurrence = await tx.occurrence.findFirst({
    where: { id: occurrenceId, centreId },
    include: {
      centre: { select: { name: true, timeZone: true } },
      room: { select: { name: true } },
      booking: { select: { activity: true } },
    },
  });
  if (!occurrence?.booking.activity) return 0;
  // Everyone who paid gets it back in full (decision 096).
  await tx.signup.updateMany({
    where: { occurrenceId, paidCents: { gt: 0 }, refundDueAt: null },
    data: { refundDueAt: clock.now() },
  });
  const people = await tx.signup.findMany({
    where: { occurrenceId, status: { in: ["CONFIRMED", "WAITLISTED"] }, email: { not: null } },
  });
  for (const person of people) {
    await enqueueTranslatedEmail(tx, {
      to: person.email!,
      kind: RESIDENT_EMAIL_KINDS.signupDateCancelled,
      centreId,
      locale: person.locale,
      subject: "agenda.email.dateCancelledSubject",
      paragraphs: [
        { key: "agenda.email.dateCancelledBody" },
        ...(person.paidCents > 0 ? [{ key: "agenda.email.refundBody" as const }] : []),
      ],
      values: {
        name: person.name,
        amount: formatMoney(person.paidCents, person.locale),
        title: occurrence.booking.activity.title,
        date: formatDayTimeRange(occurrence.startsAt, occurrence.endsAt, occurrence.centre.timeZone, person.locale),
        centre: occurrence.centre.name,
        room: occurrence.room.name,
      },
    });
  }
  return people.length;
}

/** Sign-up activities of this centre that `userId` organises (is a member of the booking organisation). */
export async function activitiesOrganisedBy(centreId: string, userId: string): Promise<string[]> {
  const rows = await db().activity.findMany({
    where: { centreId, kind: "SIGN_UP", booking: { organisation: { members: { some: { userId } } } } },
    select: { id: true },
  });
  return rows.map((row) => row.id);
}

/**
 * The sign-up lists of a centre's coming dates (from the start of `from` up to `to`), for the
 * organiser and the managers: per date, who has a place and who waits, in order. Only
 * `activityIds` when given (an organiser sees their own activities only).
 */
export async function signupLists(
  centreId: string,
  range: { from: Date; to: Date },
  options: { activityIds?: string[] } = {},
) {
  const occurrences = await db().occurrence.findMany({
    where: {
      centreId,
      startsAt: { gte: range.from, lt: range.to },
      status: { in: ["ACTIVE", "CANCELLED", "BUMPED"] },
      booking: {
        activity: { is: { kind: "SIGN_UP", ...(options.activityIds ? { id: { in: options.activityIds } } : {}) } },
      },
    },
    orderBy: [{ startsAt: "asc" }, { id: "asc" }],
    take: 500,
    include: {
      room: { select: { name: true } },
      booking: { select: { status: true, activity: { select: { id: true, title: true, capacity: true } } } },
      signups: {
        where: { status: { in: ["CONFIRMED", "WAITLISTED"] } },
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        select: {
          id: true,
          name: true,
          email: true,
          phone: true,
          status: true,
          createdAt: true,
          promotedAt: true,
          paidCents: true,
          paymentDueAt: true,
        },
      },
    },
  });
  return occurrences.map((occurrence) => ({
    occurrenceId: occurrence.id,
    activityId: occurrence.booking.activity!.id,
    title: occurrence.booking.activity!.title,
    capacity: occurrence.booking.activity!.capacity ?? 0,
    room: occurrence.room.name,
    startsAt: occurrence.startsAt,
    endsAt: occurrence.endsAt,
    cancelled: occurrence.status !== "ACTIVE" || occurrence.booking.status !== "CONFIRMED",
    confirmed: occurrence.signups.filter((signup) => signup.status === "CONFIRMED"),
    waitlisted: occurrence.signups.filter((signup) => signup.status === "WAITLISTED"),
  }));
}
