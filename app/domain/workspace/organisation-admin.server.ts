import { db, transaction } from "~/db/client.server";
import { isUniqueViolation } from "~/db/errors.server";
import type { Locale, Tier } from "~/generated/prisma/enums";
import { normaliseEmail } from "~/auth/sign-in-links.server";
import { recordAudit } from "../shared/audit.server";
import { DomainError, NotFoundError } from "../shared/errors";
import { clock } from "~/lib/clock";
import type { Actor } from "../shared/actor";

/**
 * Organisations as the centre's team sees them: the list with verification state, and the
 * details a manager keeps for groups that phone or walk in. An organisation a manager adds is
 * verified at once (the manager knows who they are); it needs no account and no email address.
 * Organisations that register themselves are in organisations.server.ts.
 */

export interface OrganisationDetails {
  name: string;
  tier: Tier;
  contactName: string;
  contactEmail: string | null;
  contactPhone: string | null;
  locale: Locale;
  billingName: string | null;
  billingAddress: string | null;
  billingPostalCode: string | null;
  billingCity: string | null;
  billingEmail: string | null;
  kvkNumber: string | null;
  vatNumber: string | null;
}

export async function listOrganisations(centreId: string, options: { query?: string } = {}) {
  const query = options.query?.trim();
  return db().organisation.findMany({
    where: {
      centreId,
      ...(query
        ? {
            OR: [
              { name: { contains: query, mode: "insensitive" } },
              { contactName: { contains: query, mode: "insensitive" } },
              { contactPhone: { contains: query } },
            ],
          }
        : {}),
    },
    orderBy: [{ tierVerifiedAt: { sort: "asc", nulls: "first" } }, { name: "asc" }],
    include: { _count: { select: { bookings: true } } },
  });
}

export async function organisationOfCentre(centreId: string, organisationId: string) {
  const organisation = await db().organisation.findFirst({
    where: { id: organisationId, centreId },
    include: {
      verifiedBy: { select: { name: true } },
      members: { include: { user: { select: { name: true, email: true } } } },
    },
  });
  if (!organisation) throw new NotFoundError("organisation");
  return organisation;
}

function clean(details: OrganisationDetails): OrganisationDetails {
  const optional = (value: string | null) => (value && value.trim() ? value.trim() : null);
  return {
    ...details,
    name: details.name.trim(),
    contactName: details.contactName.trim(),
    contactEmail: details.contactEmail ? normaliseEmail(details.contactEmail) : null,
    contactPhone: optional(details.contactPhone),
    billingName: optional(details.billingName),
    billingAddress: optional(details.billingAddress),
    billingPostalCode: optional(details.billingPostalCode),
    billingCity: optional(details.billingCity),
    billingEmail: details.billingEmail ? normaliseEmail(details.billingEmail) : null,
    kvkNumber: optional(details.kvkNumber),
    vatNumber: optional(details.vatNumber),
  };
}

/**
 * A manager adds an organisation (a resident or group that phones or walks in). Refuses
 * `organisation-name-taken`, `organisation-contact-missing` (neither email nor phone).
 */
export async function addOrganisation(actor: Actor, input: OrganisationDetails, now = clock.now()) {
  const details = clean(input);
  if (!details.contactEmail && !details.contactPhone) {
    throw new DomainError("organisation-contact-missing", "Give a phone number or an email address.");
  }
  try {
    return await transaction(async (tx) => {
      const organisation = await tx.organisation.create({
        data: { ...details, centreId: actor.centreId, tierVerifiedAt: now, tierVerifiedById: actor.actorId },
      });
      await recordAudit(tx, {
        centreId: actor.centreId,
        actorId: actor.actorId,
        entityType: "organisation",
        entityId: organisation.id,
        action: "added-by-manager",
        details: { tier: details.tier, hasEmail: details.contactEmail !== null },
      });
      return organisation;
    });
  } catch (error) {
    if (isUniqueViolation(error))
      throw new DomainError("organisation-name-taken", "An organisation with this name exists already.", {}, 409);
    throw error;
  }
}

/** Changes an organisation's contact and billing details (its tier is changed by verifying it). */
export async function updateOrganisation(
  actor: Actor,
  organisationId: string,
  input: Omit<OrganisationDetails, "tier">,
) {
  const details = clean({ ...input, tier: "PRIVATE" });
  const { tier: _tier, ...fields } = details;
  try {
    return await transaction(async (tx) => {
      const organisation = await tx.organisation.findFirst({ where: { id: organisationId, centreId: actor.centreId } });
      if (!organisation) throw new NotFoundError("organisation");
      const updated = await tx.organisation.update({ where: { id: organisation.id }, data: fields });
      await recordAudit(tx, {
        centreId: actor.centreId,
        actorId: actor.actorId,
        entityType: "organisation",
        entityId: organisation.id,
        action: "details-changed",
        details: { ...fields },
      });
      return updated;
    });
  } catch (error) {
    if (isUniqueViolation(error))
      throw new DomainError("organisation-name-taken", "An organisation with this name exists already.", {}, 409);
    throw error;
  }
}

/** Names of the centre's organisations, for choosing one in a form. */
export function organisationChoices(centreId: string) {
  return db().organisation.findMany({
    where: { centreId },
    orderBy: { name: "asc" },
    select: { id: true, name: true },
  });
}
