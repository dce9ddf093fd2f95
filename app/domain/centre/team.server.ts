import { randomBytes } from "node:crypto";
import { hashToken, normaliseEmail } from "~/auth/sign-in-links.server";
import { db, transaction } from "~/db/client.server";
import { appUrl, enqueueTranslatedEmail } from "~/email/compose.server";
import type { CentreRole, Locale } from "~/generated/prisma/enums";
import { translator } from "~/i18n/translate.server";
import { recordAudit } from "../shared/audit.server";
import { DomainError, NotFoundError } from "../shared/errors";
import { clock } from "~/lib/clock";
import { transactionOnce, type Submission } from "../shared/submissions.server";
import type { Actor } from "../shared/actor";

/**
 * The team of a centre: who has which role. A new member is invited by email: they get a
 * sign-in link that works once within INVITE_DAYS (only its hash is stored, as for any
 * sign-in link) and lands on the centre's workspace. Nobody changes or removes their own role,
 * so a centre cannot lock itself out by accident.
 */

const INVITE_DAYS = 7;
export async function listTeam(centreId: string) {
  const memberships = await db().membership.findMany({
    where: { centreId },
    orderBy: [{ createdAt: "asc" }],
    include: { user: { select: { id: true, name: true, email: true, phone: true, lastSignInAt: true } } },
  });
  return memberships.map((membership) => ({
    id: membership.id,
    role: membership.role,
    since: membership.createdAt,
    user: membership.user,
  }));
}

/**
 * Invites someone into the team with a role. An unknown address gets an account (in the
 * centre's language); a known one keeps theirs. Refuses `team-already-member`. With a
 * `submission` the same form invites once.
 */
export async function inviteMember(
  actor: Actor,
  input: { email: string; name: string; role: CentreRole },
  now = clock.now(),
  submission?: Submission,
) {
  const email = normaliseEmail(input.email);
  const centre = await db().centre.findUniqueOrThrow({
    where: { id: actor.centreId },
    select: { name: true, slug: true, defaultLocale: true },
  });
  const inviter = await db().user.findUniqueOrThrow({ where: { id: actor.actorId }, select: { name: true } });
  const token = randomBytes(32).toString("base64url");
  return transactionOnce(
    submission,
    async (tx) => {
      const user =
        (await tx.user.findUnique({ where: { email } })) ??
        (await tx.user.create({ data: { email, name: input.name.trim(), locale: centre.defaultLocale } }));
      const existing = await tx.membership.findUnique({
        where: { userId_centreId: { userId: user.id, centreId: actor.centreId } },
      });
      if (existing) throw new DomainError("team-already-member", "This person is in the team already.", {}, 409);
      const membership = await tx.membership.create({
        data: { userId: user.id, centreId: actor.centreId, role: input.role },
      });
      await tx.loginToken.create({
        data: {
          userId: user.id,
          tokenHash: hashToken(token),
          redirectTo: `/manage/${centre.slug}`,
          expiresAt: new Date(now.getTime() + INVITE_DAYS * 24 * 60 * 60 * 1000),
        },
      });
      const locale: Locale = user.locale;
      const t = translator(locale);
      const link = appUrl(`/login/verify?token=${token}`);
      const values = {
        name: user.name,
        inviter: inviter.name,
        centre: centre.name,
        role: t(`role.${input.role}`),
        days: INVITE_DAYS,
        link,
      };
      await enqueueTranslatedEmail(tx, {
        to: user.email,
        kind: "team-invite",
        centreId: actor.centreId,
        locale,
        subject: "workspace.email.inviteSubject",
        paragraphs: [{ key: "workspace.email.inviteBody" }],
        values,
        action: { label: "workspace.email.inviteButton", url: link },
      });
      await recordAudit(tx, {
        centreId: actor.centreId,
        actorId: actor.actorId,
        entityType: "membership",
        entityId: membership.id,
        action: "member-invited",
        details: { userId: user.id, email, role: input.role },
      });
      return membership;
    },
    (membership) => membership.id,
  );
}

async function otherMembership(actor: Actor, membershipId: string) {
  const membership = await db().membership.findFirst({ where: { id: membershipId, centreId: actor.centreId } });
  if (!membership) throw new NotFoundError("membership");
  if (membership.userId === actor.actorId)
    throw new DomainError("team-own-role", "You cannot change your own role.", {}, 409);
  return membership;
}

export async function changeRole(actor: Actor, input: { membershipId: string; role: CentreRole }) {
  const membership = await otherMembership(actor, input.membershipId);
  return transaction(async (tx) => {
    await tx.membership.update({ where: { id: membership.id }, data: { role: input.role } });
    await recordAudit(tx, {
      centreId: actor.centreId,
      actorId: actor.actorId,
      entityType: "membership",
      entityId: membership.id,
      action: "role-changed",
      details: { userId: membership.userId, from: membership.role, to: input.role },
    });
  });
}

export async function removeMember(actor: Actor, membershipId: string) {
  const membership = await otherMembership(actor, membershipId);
  return transaction(async (tx) => {
    await tx.membership.delete({ where: { id: membership.id } });
    await tx.hostDuty.deleteMany({
      where: { centreId: actor.centreId, userId: membership.userId, occurrence: { startsAt: { gt: clock.now() } } },
    });
    await recordAudit(tx, {
      centreId: actor.centreId,
      actorId: actor.actorId,
      entityType: "membership",
      entityId: membership.id,
      action: "member-removed",
      details: { userId: membership.userId, role: membership.role },
    });
  });
}
