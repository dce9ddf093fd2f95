import { db, transaction } from "~/db/client.server";
import { appUrl, enqueueTranslatedEmail } from "~/email/compose.server";
import type { Locale } from "~/i18n/catalogue";
import { formatDayTimeRange } from "~/i18n/format";
import { recordAudit } from "../shared/audit.server";
import { PUBLIC_KINDS } from "./agenda.server";
import { DomainError, NotFoundError } from "../shared/errors";
import { MESSAGE_MAX, contactFieldsSchema, emailKey, phoneKey } from "./forms";
import { RESIDENT_EMAIL_KINDS } from "./mail.server";
import { clock } from "~/lib/clock";
import { transactionOnce, type Submission } from "../shared/submissions.server";

/**
 * "Ik wil de eerste keer graag samen met iemand gaan": a resident asks for company the first
 * time they go to an activity. The centre's volunteers (hosts and managers) see open
 * requests, one takes it (the resident gets a message), and marks it done afterwards.
 * Taking is a conditional update (OPEN → TAKEN), so two volunteers cannot both take one.
 */

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Roles whose members hear about new requests (the same roles that may take them). */
const VOLUNTEER_ROLES = ["ADMIN", "MANAGER", "HOST"] as const;

export interface CompanionInput {
  centreId: string;
  activityId: string;
  /** a date of the activity, or null: "I do not know which date yet" */
  occurrenceId?: string | null;
  name: string;
  email?: string | null;
  phone?: string | null;
  message?: string | null;
  locale: Locale;
}

/**
 * Records a request and tells the centre's volunteers (without the resident's details: those
 * stay in the app). Refuses: `companion-invalid`, `not-found`, `date-cancelled`, `date-past`,
 * `companion-already-asked` (an open or taken request of the same person for this activity).
 * With a `submission` the same form asks once.
 */
export async function requestCompanion(input: CompanionInput, now = clock.now(), submission?: Submission) {
  const fields = contactFieldsSchema.safeParse({
    name: input.name,
    email: input.email || undefined,
    phone: input.phone || undefined,
  });
  const message = (input.message ?? "").trim();
  if (!fields.success || message.length > MESSAGE_MAX) {
    throw new DomainError("companion-invalid", "The name, contact details or message are not acceptable.");
  }
  if (!UUID.test(input.activityId) || (input.occurrenceId && !UUID.test(input.occurrenceId))) {
    throw new NotFoundError("activity");
  }
  const { name, email, phone } = fields.data;
  const activity = await db().activity.findFirst({
    where: {
      id: input.activityId,
      centreId: input.centreId,
      kind: { in: PUBLIC_KINDS },
      booking: { status: "CONFIRMED" },
    },
    include: { centre: { select: { slug: true, name: true, timeZone: true } } },
  });
  if (!activity) throw new NotFoundError("activity");
  const occurrence = input.occurrenceId
    ? await db().occurrence.findFirst({
        where: { id: input.occurrenceId, centreId: input.centreId, booking: { activity: { is: { id: activity.id } } } },
      })
    : null;
  if (input.occurrenceId && !occurrence) throw new NotFoundError("date");
  if (occurrence && occurrence.status !== "ACTIVE")
    throw new DomainError("date-cancelled", "This date does not take place.", {}, 409);
  if (occurrence && occurrence.startsAt <= now)
    throw new DomainError("date-past", "This date has already started.", {}, 409);

  const volunteers = await db().membership.findMany({
    where: { centreId: input.centreId, role: { in: [...VOLUNTEER_ROLES] } },
    select: { user: { select: { email: true, locale: true } } },
  });
  return transactionOnce(
    submission,
    async (tx) => {
      // Requests for one activity one at a time, so the same person asking twice at once is seen.
      await tx.$executeRaw`SELECT id FROM activities WHERE id = ${activity.id}::uuid FOR NO KEY UPDATE`;
      const keys = new Set([email ? emailKey(email) : "", phone ? phoneKey(phone) : ""].filter(Boolean));
      const open = await tx.companionRequest.findMany({
        where: { centreId: input.centreId, activityId: activity.id, status: { in: ["OPEN", "TAKEN"] } },
        select: { email: true, phone: true },
      });
      if (
        open.some(
          (request) =>
            (request.email && keys.has(emailKey(request.email))) ||
            (request.phone && keys.has(phoneKey(request.phone))),
        )
      ) {
        throw new DomainError(
          "companion-already-asked",
          "This person has already asked for company for this activity.",
          {},
          409,
        );
      }
      const request = await tx.companionRequest.create({
        data: {
          centreId: input.centreId,
          activityId: activity.id,
          occurrenceId: occurrence?.id ?? null,
          name,
          email: email ?? null,
          phone: phone ?? null,
          message,
          locale: input.locale,
          createdAt: now,
        },
      });
      await recordAudit(tx, {
        centreId: input.centreId,
        entityType: "companion-request",
        entityId: request.id,
        action: "asked",
        details: { activityId: activity.id, occurrenceId: occurrence?.id ?? null },
      });
      const dateFor = (locale: Locale) =>
        occurrence ? formatDayTimeRange(occurrence.startsAt, occurrence.endsAt, activity.centre.timeZone, locale) : "";
      if (email) {
        await enqueueTranslatedEmail(tx, {
          to: email,
          kind: RESIDENT_EMAIL_KINDS.companionReceived,
          centreId: input.centreId,
          locale: input.locale,
          subject: "agenda.email.companionReceivedSubject",
          paragraphs: [{ key: "agenda.email.companionReceivedBody" }],
          values: { name, title: activity.title, centre: activity.centre.name, date: dateFor(input.locale) },
        });
      }
      for (const { user } of volunteers) {
        await enqueueTranslatedEmail(tx, {
          to: user.email,
          kind: RESIDENT_EMAIL_KINDS.companionNew,
          centreId: input.centreId,
          locale: user.locale,
          subject: "agenda.email.companionNewSubject",
          paragraphs: [{ key: "agenda.email.companionNewBody" }],
          values: { title: activity.title, centre: activity.centre.name, date: dateFor(user.locale) },
          action: {
            label: "agenda.email.companionNewAction",
            url: appUrl(`/manage/${activity.centre.slug}/companions`),
          },
        });
      }
      return { id: request.id };
    },
    (request) => request.id,
  );
}

/** The centre's requests: open ones first (oldest first), then taken, then done in the last 60 days. */
export async function listCompanionRequests(centreId: string, now = clock.now()) {
  const since = new Date(now.getTime() - 60 * 24 * 60 * 60 * 1000);
  const rows = await db().companionRequest.findMany({
    where: {
      centreId,
      anonymisedAt: null,
      OR: [{ status: { in: ["OPEN", "TAKEN"] } }, { status: "DONE", doneAt: { gte: since } }],
    },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    include: {
      activity: { select: { id: true, title: true } },
      occurrence: { select: { startsAt: true, endsAt: true, status: true } },
      takenBy: { select: { id: true, name: true } },
    },
  });
  return rows.map((row) => ({
    id: row.id,
    status: row.status,
    name: row.name,
    email: row.email,
    phone: row.phone,
    message: row.message,
    activity: row.activity,
    date: row.occurrence,
    takenBy: row.takenBy,
    takenAt: row.takenAt,
    doneAt: row.doneAt,
    createdAt: row.createdAt,
  }));
}

/**
 * A volunteer takes an open request; the resident gets a message (when they left an email
 * address). Refuses `companion-already-taken` when someone else was first.
 */
export async function takeCompanionRequest(
  centreId: string,
  requestId: string,
  volunteer: { id: string; name: string },
  now = clock.now(),
) {
  if (!UUID.test(requestId)) throw new NotFoundError("request");
  return transaction(async (tx) => {
    const taken = await tx.companionRequest.updateMany({
      where: { id: requestId, centreId, status: "OPEN", anonymisedAt: null },
      data: { status: "TAKEN", takenById: volunteer.id, takenAt: now },
    });
    if (taken.count === 0) {
      const exists = await tx.companionRequest.findFirst({ where: { id: requestId, centreId }, select: { id: true } });
      if (!exists) throw new NotFoundError("request");
      throw new DomainError("companion-already-taken", "Someone else has already taken this request.", {}, 409);
    }
    const request = await tx.companionRequest.findUniqueOrThrow({
      where: { id: requestId },
      include: {
        activity: { select: { title: true } },
        occurrence: { select: { startsAt: true, endsAt: true } },
        centre: { select: { name: true, timeZone: true } },
      },
    });
    await recordAudit(tx, {
      centreId,
      actorId: volunteer.id,
      entityType: "companion-request",
      entityId: requestId,
      action: "taken",
    });
    if (request.email) {
      const date = request.occurrence
        ? formatDayTimeRange(
            request.occurrence.startsAt,
            request.occurrence.endsAt,
            request.centre.timeZone,
            request.locale,
          )
        : "";
      await enqueueTranslatedEmail(tx, {
        to: request.email,
        kind: RESIDENT_EMAIL_KINDS.companionTaken,
        centreId,
        locale: request.locale,
        subject: "agenda.email.companionTakenSubject",
        paragraphs: [{ key: "agenda.email.companionTakenBody" }],
        values: {
          name: request.name,
          volunteer: volunteer.name,
          title: request.activity.title,
          centre: request.centre.name,
          date,
        },
      });
    }
    return { messaged: Boolean(request.email) };
  });
}

/** The request was carried out (or the volunteer gives it back: `release`). Only a taken request changes. */
export async function finishCompanionRequest(
  centreId: string,
  requestId: string,
  actorId: string,
  outcome: "done" | "release",
  now = clock.now(),
) {
  if (!UUID.test(requestId)) throw new NotFoundError("request");
  return transaction(async (tx) => {
    const changed = await tx.companionRequest.updateMany({
      where: { id: requestId, centreId, status: "TAKEN" },
      data: outcome === "done" ? { status: "DONE", doneAt: now } : { status: "OPEN", takenById: null, takenAt: null },
    });
    if (changed.count === 0) {
      const exists = await tx.companionRequest.findFirst({ where: { id: requestId, centreId }, select: { id: true } });
      if (!exists) throw new NotFoundError("request");
      throw new DomainError("companion-not-taken", "This request is not taken (any more).", {}, 409);
    }
    await recordAudit(tx, {
      centreId,
      actorId,
      entityType: "companion-request",
      entityId: requestId,
      action: outcome === "done" ? "done" : "released",
    });
  });
}
