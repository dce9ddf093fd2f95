import type { CentreRole, InstallationRole } from "~/generated/prisma/enums";

/**
 * What each role may do in a centre. One table, read by the guards on the server and by the
 * navigation in the page shell; nothing else decides access.
 */
export const PERMISSIONS = {
  /** see the manager's home: rooms and the coming bookings */
  "centre.view": ["ADMIN", "MANAGER", "BOARD", "HOST"],
  /** approve, decline, book on behalf, change and cancel bookings */
  "bookings.manage": ["ADMIN", "MANAGER"],
  /** rooms, opening hours, closures, rates, rules */
  "settings.edit": ["ADMIN", "MANAGER"],
  /** invite team members and change their roles */
  "team.manage": ["ADMIN"],
  /** read the whole workspace (bookings, requests, settings, team, payments) without changing it */
  "centre.read": ["ADMIN", "MANAGER", "BOARD"],
  /** record and correct headcounts; take "come along" requests */
  "attendance.record": ["ADMIN", "MANAGER", "HOST"],
  /** correct headcounts of earlier days (a host records today's) */
  "attendance.correct": ["ADMIN", "MANAGER"],
  /** see who signed up for activities (names and contact details); organisers see their own too */
  "signups.view": ["ADMIN", "MANAGER"],
  /** the centre's own Stripe keys and how long a slot is held while paying (decision 090) */
  "payments.configure": ["ADMIN"],
  /** register payments and make invoices */
  "payments.manage": ["ADMIN", "MANAGER"],
  /** occupancy, revenue and the annual report */
  "reports.view": ["ADMIN", "MANAGER", "BOARD"],
  /** enter yearly costs and energy readings */
  "reports.input": ["ADMIN", "BOARD"],
} as const satisfies Record<string, readonly CentreRole[]>;

export type Permission = keyof typeof PERMISSIONS;

/** Installation-wide roles: ADMIN may do everything in every centre; MUNICIPALITY reads reports. */
const INSTALLATION_PERMISSIONS: Record<InstallationRole, readonly Permission[] | "all"> = {
  ADMIN: "all",
  MUNICIPALITY: ["reports.view"],
};

function roleAllows(role: CentreRole | undefined, permission: Permission): boolean {
  return role !== undefined && (PERMISSIONS[permission] as readonly CentreRole[]).includes(role);
}

export function installationRoleAllows(role: InstallationRole | null | undefined, permission: Permission): boolean {
  if (!role) return false;
  const allowed = INSTALLATION_PERMISSIONS[role];
  return allowed === "all" || allowed.includes(permission);
}

export function can(
  actor: { installationRole?: InstallationRole | null; role?: CentreRole },
  permission: Permission,
): boolean {
  return roleAllows(actor.role, permission) || installationRoleAllows(actor.installationRole, permission);
}
