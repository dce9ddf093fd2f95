import { redirect } from "@remix-run/node";
import { db } from "~/db/client.server";
import type { Centre, CentreRole, InstallationRole, Locale } from "~/generated/prisma/client";
import { can, installationRoleAllows, type Permission } from "./permissions";
import { getSessionUserId } from "./session.server";
import type { Actor } from "~/domain/shared/actor";

export interface SignedInUser {
  id: string;
  name: string;
  email: string;
  locale: Locale;
  installationRole: InstallationRole | null;
  memberships: { centreId: string; centreSlug: string; centreName: string; role: CentreRole }[];
  /** the centres where the user books for an organisation */
  organisationCentres: string[];
}

/** What the centre guard hands a route: who, where, in which role, and the actor for the domain. */
export interface CentreAccess {
  user: SignedInUser;
  centre: Centre;
  /** the user's role in this centre, if any (installation roles may act without one) */
  role: CentreRole | undefined;
  actor: Actor;
}

export async function getSignedInUser(request: Request): Promise<SignedInUser | undefined> {
  const userId = await getSessionUserId(request);
  if (!userId) return undefined;
  const user = await db().user.findUnique({
    where: { id: userId },
    include: {
      memberships: { include: { centre: { select: { slug: true, name: true } } } },
      organisations: { include: { organisation: { select: { centre: { select: { slug: true } } } } } },
    },
  });
  if (!user) return undefined;
  return {
    id: user.id,
    name: user.name,
    email: user.email,
    locale: user.locale,
    installationRole: user.installationRole,
    memberships: user.memberships.map((membership) => ({
      centreId: membership.centreId,
      centreSlug: membership.centre.slug,
      centreName: membership.centre.name,
      role: membership.role,
    })),
    organisationCentres: [...new Set(user.organisations.map((member) => member.organisation.centre.slug))],
  };
}

/** The signed-in user, or a redirect to the sign-in page that comes back here afterwards. */
export async function requireUser(request: Request): Promise<SignedInUser> {
  const user = await getSignedInUser(request);
  if (!user) {
    const url = new URL(request.url);
    throw redirect(`/login?redirectTo=${encodeURIComponent(url.pathname + url.search)}`);
  }
  return user;
}

/**
 * The one access check for centre pages: a signed-in user whose role in the centre (or whose
 * installation-wide role) grants `permission`. Unknown centre → 404; no right → 403.
 */
export async function requireCentrePermission(
  request: Request,
  centreSlug: string | undefined,
  permission: Permission,
): Promise<CentreAccess> {
  const user = await requireUser(request);
  const centre = centreSlug ? await db().centre.findUnique({ where: { slug: centreSlug } }) : null;
  if (!centre) throw new Response("Not found", { status: 404 });
  const role = user.memberships.find((membership) => membership.centreId === centre.id)?.role;
  if (!can({ installationRole: user.installationRole, role }, permission)) {
    throw new Response("Forbidden", { status: 403 });
  }
  return { user, centre, role, actor: { centreId: centre.id, actorId: user.id } };
}

/**
 * The access check for installation-wide pages (all centres side by side): a signed-in user
 * whose installation role (municipality, umbrella, admin) grants `permission`; else 403.
 */
export async function requireInstallationPermission(request: Request, permission: Permission): Promise<SignedInUser> {
  const user = await requireUser(request);
  if (!installationRoleAllows(user.installationRole, permission)) throw new Response("Forbidden", { status: 403 });
  return user;
}
