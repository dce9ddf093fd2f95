import { can, installationRoleAllows, type Permission } from "~/auth/permissions";
import type { CentreRole, InstallationRole } from "~/generated/prisma/enums";
import type { Key } from "~/i18n/translate";

/** The workspace links for a centre; each shows only to roles with its permission. */
const CENTRE_NAVIGATION: { label: Key; path: (slug: string) => string; permission: Permission }[] = [
  { label: "nav.manage", path: (slug) => `/manage/${slug}`, permission: "centre.view" },
  { label: "workspace.nav.planner", path: (slug) => `/manage/${slug}/planner`, permission: "centre.view" },
  { label: "workspace.nav.requests", path: (slug) => `/manage/${slug}/requests`, permission: "centre.read" },
  { label: "workspace.nav.bookings", path: (slug) => `/manage/${slug}/bookings`, permission: "centre.read" },
  { label: "workspace.nav.attendance", path: (slug) => `/manage/${slug}/attendance`, permission: "attendance.record" },
  { label: "workspace.nav.payments", path: (slug) => `/manage/${slug}/payments`, permission: "centre.read" },
  { label: "workspace.nav.settings", path: (slug) => `/manage/${slug}/settings`, permission: "centre.read" },
  { label: "agenda.nav.signups", path: (slug) => `/manage/${slug}/signups`, permission: "signups.view" },
  { label: "agenda.nav.companions", path: (slug) => `/manage/${slug}/companions`, permission: "attendance.record" },
  { label: "agenda.nav.widget", path: (slug) => `/manage/${slug}/widget`, permission: "centre.view" },
  { label: "reports.nav", path: (slug) => `/manage/${slug}/reports`, permission: "reports.view" },
];

/** Links for installation-wide roles (municipality, umbrella), shown wherever they are. */
const INSTALLATION_NAVIGATION: { label: Key; href: string; permission: Permission }[] = [
  { label: "reports.navInstallation", href: "/reports", permission: "reports.view" },
];

export interface NavUser {
  installationRole: InstallationRole | null;
  memberships: { centreSlug: string; centreName: string; role: CentreRole }[];
  /** centres where the user books for an organisation */
  organisationCentres?: string[];
}

/** Links of a centre's public side: finding a room for everyone, "my bookings" for its organisations. */
export function bookingNavigationFor(
  user: NavUser | null,
  centreSlug: string | undefined,
): { label: Key; href: string }[] {
  if (!centreSlug) return [];
  return [
    { label: "nav.book", href: `/centres/${centreSlug}/book` },
    ...(user?.organisationCentres?.includes(centreSlug)
      ? [{ label: "nav.myBookings" as Key, href: `/centres/${centreSlug}/my-bookings` }]
      : []),
  ];
}

/** The links a user sees for the centre in view (or, outside a centre, their first centre). */
export function navigationFor(user: NavUser | null, centreSlug: string | undefined) {
  if (!user) return [];
  const installation = INSTALLATION_NAVIGATION.filter((item) =>
    installationRoleAllows(user.installationRole, item.permission),
  ).map((item) => ({ label: item.label, href: item.href }));
  const slug = centreSlug ?? user.memberships[0]?.centreSlug;
  if (!slug) return installation;
  const role = user.memberships.find((membership) => membership.centreSlug === slug)?.role;
  return [
    ...CENTRE_NAVIGATION.filter((item) => can({ installationRole: user.installationRole, role }, item.permission)).map(
      (item) => ({ label: item.label, href: item.path(slug) }),
    ),
    ...installation,
  ];
}
