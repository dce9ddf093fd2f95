import { describe, expect, it } from "vitest";
import { PERMISSIONS, can, type Permission } from "~/auth/permissions";
import { navigationFor } from "~/components/navigation";

describe("roles and permissions", () => {
  it("a host records attendance but does not change settings or rates", () => {
    expect(can({ role: "HOST" }, "attendance.record")).toBe(true);
    expect(can({ role: "HOST" }, "settings.edit")).toBe(false);
    expect(can({ role: "HOST" }, "bookings.manage")).toBe(false);
  });

  it("a board member reads reports but changes nothing in the planning", () => {
    expect(can({ role: "BOARD" }, "reports.view")).toBe(true);
    expect(can({ role: "BOARD" }, "bookings.manage")).toBe(false);
    expect(can({ role: "BOARD" }, "settings.edit")).toBe(false);
  });

  it("managers see who signed up for activities; hosts take company requests but do not see sign-ups", () => {
    expect(can({ role: "MANAGER" }, "signups.view")).toBe(true);
    expect(can({ role: "HOST" }, "signups.view")).toBe(false);
    expect(can({ role: "BOARD" }, "signups.view")).toBe(false);
    expect(can({ role: "HOST" }, "attendance.record")).toBe(true);
  });

  it("only an admin manages the team", () => {
    expect(can({ role: "ADMIN" }, "team.manage")).toBe(true);
    expect(can({ role: "MANAGER" }, "team.manage")).toBe(false);
  });

  it("without a role in the centre nothing is allowed", () => {
    for (const permission of Object.keys(PERMISSIONS) as Permission[]) {
      expect(can({}, permission)).toBe(false);
    }
  });

  it("the municipality reads reports of every centre and nothing else", () => {
    expect(can({ installationRole: "MUNICIPALITY" }, "reports.view")).toBe(true);
    expect(can({ installationRole: "MUNICIPALITY" }, "centre.view")).toBe(false);
  });

  it("the navigation shows the workspace only to someone with a role in the centre", () => {
    const user = {
      installationRole: null,
      memberships: [{ centreSlug: "de-wilg", centreName: "De Wilg", role: "MANAGER" as const }],
    };
    expect(navigationFor(user, "de-wilg")).toContainEqual({ label: "nav.manage", href: "/manage/de-wilg" });
    expect(navigationFor(user, "het-anker")).toEqual([]);
    expect(navigationFor(null, "de-wilg")).toEqual([]);
  });
});
