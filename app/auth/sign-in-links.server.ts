import { createHash, randomBytes } from "node:crypto";
import { db, transaction } from "~/db/client.server";
import { appUrl, enqueueTranslatedEmail } from "~/email/compose.server";
import type { Locale } from "~/i18n/catalogue";
import { clock } from "~/lib/clock";
import { consumeRateLimits } from "~/lib/rate-limits.server";

/**
 * Passwordless sign-in: a single-use link that expires. Only the SHA-256 of the token is
 * stored, so a copy of the database cannot be used to sign in.
 */

export const LINK_LIFETIME_MINUTES = 15;
/** An address has at most this many links that still work: a newer link ends the oldest. */
export const MAX_LIVE_LINKS = 3;

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

/**
 * Sends a sign-in link to `email` if a user has that address; says nothing either way, so
 * the page cannot be used to find out who has an account. Returns whether a link was made
 * (for tests and logs only). An address gets at most RATE_LIMITS.signInEmailsPerAddress
 * emails in its window (counted for unknown addresses too), beyond which nothing is sent,
 * and has at most MAX_LIVE_LINKS working links. The sign-in page runs this after its answer
 * (runInBackground), so the answer takes as long for every address.
 */
export async function requestSignInLink(input: {
  email: string;
  locale: Locale;
  redirectTo?: string;
  now?: Date;
}): Promise<boolean> {
  const email = normaliseEmail(input.email);
  if (await consumeRateLimits([{ limit: "signInEmailsPerAddress", key: email }])) return false;
  const user = await db().user.findUnique({ where: { email } });
  if (!user) return false;
  const now = input.now ?? clock.now();
  const token = randomBytes(32).toString("base64url");
  const link = appUrl(`/login/verify?token=${token}`);
  await transaction(async (tx) => {
    await tx.loginToken.create({
      data: {
        userId: user.id,
        tokenHash: hashToken(token),
        redirectTo: input.redirectTo ?? null,
        expiresAt: new Date(now.getTime() + LINK_LIFETIME_MINUTES * 60_000),
        createdAt: now,
      },
    });
    // Older links beyond the newest few stop working now.
    const live = await tx.loginToken.findMany({
      where: { userId: user.id, usedAt: null, expiresAt: { gt: now } },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      select: { id: true },
    });
    const ended = live.slice(MAX_LIVE_LINKS).map((link) => link.id);
    if (ended.length > 0) await tx.loginToken.updateMany({ where: { id: { in: ended } }, data: { expiresAt: now } });
    await enqueueTranslatedEmail(tx, {
      to: user.email,
      kind: "sign-in-link",
      locale: input.locale,
      subject: "email.signInSubject",
      paragraphs: [{ key: "email.signInBody" }],
      values: { name: user.name, link },
      action: { label: "email.signInButton", url: link },
    });
  });
  return true;
}

/** Uses a link once: the user and where to go, or undefined when unknown, used or expired. */
export async function redeemSignInLink(
  token: string,
  now = clock.now(),
): Promise<{ userId: string; redirectTo: string | null } | undefined> {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return undefined;
  return transaction(async (tx) => {
    const found = await tx.loginToken.findUnique({ where: { tokenHash: hashToken(token) } });
    if (!found || found.usedAt || found.expiresAt <= now) return undefined;
    // The conditional update makes "only once" hold even when two clicks race.
    const claimed = await tx.loginToken.updateMany({ where: { id: found.id, usedAt: null }, data: { usedAt: now } });
    if (claimed.count !== 1) return undefined;
    await tx.user.update({ where: { id: found.userId }, data: { lastSignInAt: now } });
    return { userId: found.userId, redirectTo: found.redirectTo };
  });
}

/** Where a user lands after signing in without a target: their first centre's workspace. */
export async function landingPathFor(userId: string): Promise<string> {
  const membership = await db().membership.findFirst({
    where: { userId },
    orderBy: { createdAt: "asc" },
    include: { centre: { select: { slug: true } } },
  });
  if (membership) return `/manage/${membership.centre.slug}`;
  const organisation = await db().organisationMember.findFirst({
    where: { userId },
    orderBy: { createdAt: "asc" },
    include: { organisation: { select: { centre: { select: { slug: true } } } } },
  });
  return organisation ? `/centres/${organisation.organisation.centre.slug}/my-bookings` : "/";
}
