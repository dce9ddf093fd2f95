import { db, transaction } from "~/db/client.server";
import { isUniqueViolation } from "~/db/errors.server";
import type { Locale, Tier } from "~/generated/prisma/client";
import { normaliseEmail, requestSignInLink } from "~/auth/sign-in-links.server";
import { recordAudit } from "../shared/audit.server";
import { DomainError, NotFoundError } from "../shared/errors";
import { clock } from "~/lib/clock";
import type { Actor } from "../shared/actor";

/**
 * Organisations: who books. A new contact registers their organisation and the tier they
 * claim; a manager verifies the tier. Until then the organisation books at the centre's tier
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

/** Registers an organisation with its contact (a user, made if needed) and emails a sign-in link. */
export async function registerOrganisation(input: Registration, options: { redirectTo?: string } = {}) {
  const email = normaliseEmail(input.email);
  let organisation;
  try {
    organisation = await transaction(async (tx) => {
      const user =
        (await tx.user.findUnique({ where: { email } })) ??
        (await tx.user.create({
          data: { email, name: input.contactName, phone: input.phone ?? null, locale: input.locale },
        }));
      const created = await tx.organisation.create({
        data: {
          centreId: input.centreId,
          name: input.name.trim(),
          tier: input.tier,
          contactName: input.contactName,
          contactEmail: email,
          contactPhone: input.phone ?? null,
          billingName: input.billingName ?? null,
          billingAddress: input.billingAddress ?? null,
          locale: input.locale,
          members: { create: { userId: user.id } },
        },
      });
      await recordAudit(tx, {
        centreId: input.centreId,
        actorId: user.id,
        entityType: "organisation",
        entityId: created.id,
        action: "registered",
        details: { tier: input.tier },
      });
      return created;
    });
  } catch (error) {
    if (isUniqueViolation(error))
      throw new DomainError("organisation-name-taken", "An organisation with this name exists already.", {}, 409);
    throw error;
  }
  await requestSignInLink({ email, locale: input.locale, redirectTo: options.redirectTo });
  return organisation;
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
