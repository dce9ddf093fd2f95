import type { Tier } from "~/generated/prisma/enums";

/** Tiers from most to least favoured: resident initiatives come first. */
export const TIERS_BY_PRIORITY: Tier[] = ["RESIDENT_INITIATIVE", "ASSOCIATION", "PRIVATE", "COMMERCIAL"];

/** Initiatives and associations: the tiers allowed in community hours. */
export const COMMUNITY_TIERS: Tier[] = ["RESIDENT_INITIATIVE", "ASSOCIATION"];

export function isCommunityTier(tier: Tier): boolean {
  return COMMUNITY_TIERS.includes(tier);
}

/**
 * The tier an organisation books at. A claimed tier counts once a manager has verified it;
 * until then the organisation books at the centre's tier for unverified organisations — or at
 * its own claim if that is less favoured (a company that says it is commercial is commercial).
 */
export function effectiveTier(organisation: { tier: Tier; tierVerifiedAt: Date | null }, unverifiedTier: Tier): Tier {
  if (organisation.tierVerifiedAt) return organisation.tier;
  return TIERS_BY_PRIORITY.indexOf(organisation.tier) >= TIERS_BY_PRIORITY.indexOf(unverifiedTier)
    ? organisation.tier
    : unverifiedTier;
}
