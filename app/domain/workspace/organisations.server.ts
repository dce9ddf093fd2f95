import { randomBytes } from "node:crypto";
import { db, transaction } from "~/db/client.server";
import { isUniqueViolation } from "~/db/errors.server";
import type { Locale, Tier } from "~/generated/prisma/client";
import { hashToken, normaliseEmail } from "~/auth/sign-in-links.server";
import { appUrl, enqueueTranslatedEmail } from "~/email/compose.server";
import { consumeRateLimits } from "~/lib/rate-limits.server";
import { recordAudit } from "../shared/audit.server";
import { DomainError, NotFoundError } from "../shared/errors";
import { clock } from "~/lib/clock";
import type { Actor } from "../shared/actor";

/**
 * Organisations: who books. A new contact registers their organisation and the tier they
 * claim, and confirms their email address by a link; a manager verifies the tier. Until then the organisation books at the centre's tier
 * for unverified organisations (see tiers.ts).
 */

export interface Registration {
  centreId: string;
  name: string;
  tier: Tier;
  contactName: string;
  email: string;
  phone?: string | null;
  billingName?: string | null;
  billingAddress?: string | null;
  locale: Locale;
}

/** How long the confirmation link of a registration works. */
export const REGISTRATION_LINK_HOURS = 24;

/**
 * Registers an organisation, pending: nothing is made until its contact confirms the email
 * address by the link we send (confirmRegistration). Otherwise a stranger could have us email
 * anyone, or put an existing account (a manager's, say) into an organisation of their making.
 * A new registration for the same centre and address replaces the one still waiting, so there
 * is one working link per address. At most RATE_LIMITS.registerEmailsPerAddress confirmations
 * go to one address in its window; beyond that nothing is sent and nothing says so.
 * Refuses `organisation-name-taken` when the centre has an organisation of that name.
 * Returns whether a confirmation was sent (for tests and logs only).
 */
export async function registerOrganisation(input: Registration, now = clock.now()): Promise<{ sent: boolean }> {
  const email = normaliseEmail(input.email);
  const name = input.name.trim();
  const centre = await db().centre.findUniqueOrThrow({
    where: { id: input.centreId },
    select: { slug: true, name: true },
  });
  if (await db().organisation.findFirst({ where: { centreId: input.centreId, name }, select: { id: true } }))
    throw nameTaken();
  if (await consumeRateLimits([{ limit: "registerEmailsPerAddress", key: email }])) return { sent: false };
  const token = randomBytes(32).toString("base64url");
  const link = appUrl(`/centres/${centre.slug}/register/confirm?token=${token}`);
  await transaction(async (tx) => {
    await tx.organisationRegistration.deleteMany({ where: { centreId: input.centreId, email, confirmedAt: null } });
    await tx.organisationRegistration.create({
      data: {
        centreId: input.centreId,
        tokenHash: hashToken(token),
        email,
        name,
        tier: input.tier,
        contactName: input.contactName,
        phone: input.phone || null,
        billingName: input.billingName || null,
        billingAddress: input.billingAddress || null,
        locale: input.locale,
        createdAt: now,
        expiresAt: new Date(now.getTime() + REGISTRATION_LINK_HOURS * 60 * 60_000),
      },
    });
    await enqueueTranslatedEmail(tx, {
      to: email,
      kind: "registration-confirmation",
      centreId: input.centreId,
      locale: input.locale,
      subject: "booking.register.emailSubject",
      paragraphs: [{ key: "booking.register.emailBody" }],
      values: {
        name: input.contactName,
        organisation: name,
        centre: centre.name,
        link,
        hours: REGISTRATION_LINK_HOURS,
      },
      action: { label: "booking.register.emailButton", url: link },
      footer: "booking.email.footer",
    });
  });
  return { sent: true };
}

function nameTaken() {
  return new DomainError("organisation-name-taken", "An organisation with this name exists already.", {}, 409);
}

/**
 * Confirms a registration by its link, once: makes the organisation with the contact as its
 * member (the contact's account is made if the address has none; an existing account is only
 * ever added here, after its owner opened the link). Undefined when the link is unknown, of
 * another centre, used or expired. Refuses `organisation-name-taken` when the name was taken
 * in the meantime. Two clicks at the same moment make one organisation.
 */
export async function confirmRegistration(
  centreId: string,
  token: string,
  now = clock.now(),
): Promise<{ userId: string; organisationId: string } | undefined> {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return undefined;
  try {
    return await transaction(async (tx) => {
      const registration = await tx.organisationRegistration.findUnique({ where: { tokenHash: hashToken(token) } });
      if (
        !registration ||
        registration.centreId !== centreId ||
        registration.confirmedAt ||
        registration.expiresAt <= now
      )
        return undefined;
      // The conditional update makes "once" hold when two clicks race: the second waits, then finds it taken.
      const claimed = await tx.organisationRegistration.updateMany({
        where: { id: registration.id, confirmedAt: null },
        data: { confirmedAt: now },
      });
      if (claimed.count !== 1) return undefined;
      const user =
        (await tx.user.findUnique({ where: { email: registration.email } })) ??
        (await tx.user.create({
          data: {
            email: registration.email,
            name: registration.contactName,
            phone: registration.phone,
            locale: registration.locale,
          },
        }));
      await tx.user.update({ where: { id: user.id }, data: { lastSignInAt: now } });
      const organisation = await tx.organisation.create({
        data: {
          centreId,
          name: registration.name,
          tier: registration.tier,
          contactName: registration.contactName,
          contactEmail: registration.email,
          contactPhone: registration.phone,
          billingName: registration.billingName,
          billingAddress: registration.billingAddress,
          locale: registration.locale,
          createdAt: now,
          members: { create: { userId: user.id, createdAt: now } },
        },
      });
      await tx.organisationRegistration.update({
        where: { id: registration.id },
        data: { organisationId: organisation.id },
      });
      await recordAudit(tx, {
        centreId,
        actorId: user.id,
        entityType: "organisation",
        entityId: organisation.id,
        action: "registered",
        details: { tier: registration.tier },
      });
      return { userId: user.id, organisationId: organisation.id };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw nameTaken();
    throw error;
  }
}

/** The registration a link stands for while it still works (its page shows the name), else null. */
export async function pendingRegistration(centreId: string, token: string, now = clock.now()) {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return null;
  return db().organisationRegistration.findFirst({
    where: { tokenHash: hashToken(token), centreId, confirmedAt: null, expiresAt: { gt: now } },
    select: { name: true },
  });
}

/** Deletes registrations whose link has expired without being used; for the nightly clean-up. */
export async function deleteExpiredRegistrations(now = clock.now()): Promise<number> {
  const { count } = await db().organisationRegistration.deleteMany({
    where: { confirmedAt: null, expiresAt: { lte: now } },
  });
  return count;
}

/** A manager confirms (or corrects) the tier an organisation claims. */
export async function verifyTier(actor: Actor, organisationId: string, tier?: Tier, now = clock.now()) {
  return transaction(async (tx) => {
    const organisation = await tx.organisation.findFirst({ where: { id: organisationId, centreId: actor.centreId } });
    if (!organisation) throw new NotFoundError("organisation");
    const updated = await tx.organisation.update({
      where: { id: organisation.id },
      data: { tier: tier ?? organisation.tier, tierVerifiedAt: now, tierVerifiedById: actor.actorId },
    });
    await recordAudit(tx, {
      centreId: actor.centreId,
      actorId: actor.actorId,
      entityType: "organisation",
      entityId: organisation.id,
      action: "tier-verified",
      details: { claimed: organisation.tier, verified: updated.tier },
    });
    return updated;
  });
}

/** The organisations of this centre the user books for. */
export function organisationsOfUser(centreId: string, userId: string) {
  return db().organisation.findMany({
    where: { centreId, members: { some: { userId } } },
    orderBy: { name: "asc" },
  });
}

/** One of the user's organisations in this centre, or a 404 (another's id never works). */
export async function requireOwnOrganisation(centreId: string, userId: string, organisationId: string) {
  const organisation = await db().organisation.findFirst({
    where: { id: organisationId, centreId, members: { some: { userId } } },
  });
  if (!organisation) throw new NotFoundError("organisation");
  return organisation;
}
