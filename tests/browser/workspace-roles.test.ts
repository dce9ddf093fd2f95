import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it, inject } from "vitest";
import { can, type Permission } from "~/auth/permissions";
import { db } from "~/db/client.server";
import type { CentreRole, InstallationRole } from "~/generated/prisma/enums";
import { sessionCookie, connectAppDatabase } from "../support/sessions";

/**
 * Every role against every page of the manager's workspace, over real HTTP against the running
 * app: a page answers 200 to whoever may see it, 403 to a signed-in person who may not, and
 * sends the anonymous to sign in. Every form refuses (403) whoever may not change it, before
 * it reads a thing. Ids of another centre give 404, as do ids that do not exist.
 */

interface Who {
  name: string;
  role?: CentreRole;
  installationRole?: InstallationRole;
  cookie?: string;
}

interface Page {
  path: string;
  read: Permission;
  write?: Permission;
  /** a body the action refuses as invalid, so a permitted role changes nothing */
  body?: Record<string, string>;
  /** the path with another centre's ids, for the 404 check */
  foreign?: string;
}

const baseUrl = inject("baseUrl");
const people: Who[] = [
  { name: "admin", role: "ADMIN" },
  { name: "manager", role: "MANAGER" },
  { name: "board member", role: "BOARD" },
  { name: "host", role: "HOST" },
  { name: "manager of another centre" },
  { name: "municipality", installationRole: "MUNICIPALITY" },
  { name: "organisation contact" },
  { name: "anonymous" },
];
const pages: Page[] = [];

async function request(path: string, who: Who, method: "GET" | "POST" = "GET", body: Record<string, string> = {}) {
  const headers: Record<string, string> = who.cookie ? { Cookie: who.cookie } : {};
  if (method === "POST") headers["Content-Type"] = "application/x-www-form-urlencoded";
  return fetch(`${baseUrl}${path}`, {
    method,
    headers,
    redirect: "manual",
    body: method === "POST" ? new URLSearchParams(body).toString() : undefined,
  });
}

beforeAll(async () => {
  await connectAppDatabase();
  const wilg = await db().centre.findUniqueOrThrow({ where: { slug: "de-wilg" } });
  const anker = await db().centre.findUniqueOrThrow({ where: { slug: "het-anker" } });
  const admin = await db().user.upsert({
    where: { email: "rollen-admin@de-wilg.example" },
    create: {
      email: "rollen-admin@de-wilg.example",
      name: "Rollen Admin",
      memberships: { create: { centreId: wilg.id, role: "ADMIN" } },
    },
    update: {},
  });
  const byEmail = async (email: string) => (await db().user.findUniqueOrThrow({ where: { email } })).id;
  const ids: Record<string, string> = {
    admin: admin.id,
    manager: await byEmail("beheer@de-wilg.example"),
    "board member": await byEmail("penningmeester@de-wilg.example"),
    host: await byEmail("gastvrouw@de-wilg.example"),
    "manager of another centre": await byEmail("beheer@het-anker.example"),
    municipality: await byEmail("sociaal-domein@gemeente-oosterveld.example"),
    "organisation contact": await byEmail("koffie@de-wilg.example"),
  };
  for (const who of people) if (ids[who.name]) who.cookie = await sessionCookie(ids[who.name]!);

  const first = async <T>(promise: Promise<T | null>) => {
    const found = await promise;
    if (!found) throw new Error("demo data missing");
    return found;
  };
  const of = async (centreId: string) => ({
    booking: (
      await first(
        db().booking.findFirst({
          where: { centreId, rrule: { not: null }, status: "CONFIRMED" },
          orderBy: { createdAt: "asc" },
        }),
      )
    ).id,
    closure: (await first(db().closure.findFirst({ where: { centreId } }))).id,
    room: (await first(db().room.findFirst({ where: { centreId } }))).id,
    organisation: (await first(db().organisation.findFirst({ where: { centreId } }))).id,
    invoice: (await first(db().invoice.findFirst({ where: { centreId } }))).id,
  });
  const mine = await of(wilg.id);
  const theirs = await of(anker.id);
  const base = "/manage/de-wilg";
  const withIds = (template: string, set: Record<string, string>) =>
    template.replace(/:(\w+)/g, (_, key: string) => set[key]!);
  const table: (Omit<Page, "foreign" | "path"> & { template: string })[] = [
    { template: "", read: "centre.view" },
    { template: "/planner", read: "centre.view" },
    { template: "/attendance", read: "attendance.record", write: "attendance.record" },
    { template: "/requests", read: "centre.read", write: "bookings.manage" },
    { template: "/bookings", read: "centre.read" },
    { template: "/bookings/new", read: "bookings.manage", write: "bookings.manage" },
    { template: "/bookings/:booking", read: "centre.read", write: "bookings.manage" },
    { template: "/bookings/:booking/change", read: "bookings.manage", write: "bookings.manage" },
    {
      template: "/bookings/:booking/confirmation",
      read: "centre.read",
      write: "bookings.manage",
      body: { to: "geen-adres" },
    },
    { template: "/closures", read: "centre.read", write: "settings.edit" },
    { template: "/closures/:closure", read: "centre.read", write: "settings.edit" },
    { template: "/settings", read: "centre.read" },
    { template: "/settings/rooms", read: "centre.read" },
    { template: "/settings/rooms/new", read: "settings.edit", write: "settings.edit" },
    { template: "/settings/rooms/:room", read: "settings.edit", write: "settings.edit" },
    { template: "/settings/opening-hours", read: "centre.read", write: "settings.edit", body: { opens1_1: "99:99" } },
    { template: "/settings/rules", read: "centre.read", write: "settings.edit" },
    { template: "/settings/cancellation", read: "centre.read", write: "settings.edit", body: { days_1: "veel" } },
    { template: "/settings/centre", read: "centre.read", write: "settings.edit" },
    { template: "/settings/rates", read: "centre.read", write: "settings.edit" },
    { template: "/team", read: "centre.read", write: "team.manage" },
    { template: "/organisations", read: "centre.read", write: "settings.edit" },
    { template: "/organisations/:organisation", read: "centre.read", write: "bookings.manage" },
    { template: "/payments", read: "centre.read", write: "payments.manage" },
    { template: "/invoices", read: "centre.read", write: "payments.manage" },
    { template: "/invoices/:invoice", read: "centre.read" },
    { template: "/emails", read: "bookings.manage", write: "bookings.manage" },
  ];
  for (const row of table) {
    pages.push({
      path: base + withIds(row.template, mine),
      read: row.read,
      write: row.write,
      body: row.body,
      foreign: row.template.includes(":") ? base + withIds(row.template, theirs) : undefined,
    });
  }
});

const allows = (who: Who, permission: Permission) =>
  can({ role: who.role, installationRole: who.installationRole ?? null }, permission);

describe("who may open which page of the workspace", () => {
  it("every page answers each role as the permission table says", async () => {
    const seen: string[] = [];
    for (const page of pages) {
      for (const who of people) {
        const response = await request(page.path, who);
        const expected = !who.cookie ? 302 : allows(who, page.read) ? 200 : 403;
        seen.push(
          `${response.status === expected ? "ok" : `WRONG ${response.status}, expected ${expected}`} GET ${page.path} as ${who.name}`,
        );
        if (expected === 302) expect(response.headers.get("location")).toMatch(/^\/login\?redirectTo=/);
      }
    }
    expect(seen.filter((line) => line.startsWith("WRONG"))).toEqual([]);
    expect(seen.length).toBe(pages.length * people.length);
  });

  it("every form refuses whoever may not change it, and takes (then refuses the empty form of) whoever may", async () => {
    const wrong: string[] = [];
    for (const page of pages.filter((candidate) => candidate.write)) {
      for (const who of people) {
        const response = await request(page.path, who, "POST", page.body ?? {});
        const permitted = who.cookie !== undefined && allows(who, page.write!);
        const fine = !who.cookie
          ? response.status === 302
          : permitted
            ? response.status !== 403 && response.status < 500
            : response.status === 403;
        if (!fine) wrong.push(`POST ${page.path} as ${who.name}: ${response.status}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it("a host records attendance but does not change rates; a board member reads but does not change", async () => {
    const host = people.find((who) => who.name === "host")!;
    const board = people.find((who) => who.name === "board member")!;
    expect((await request("/manage/de-wilg/attendance", host)).status).toBe(200);
    expect((await request("/manage/de-wilg/settings/rates", host)).status).toBe(403);
    expect((await request("/manage/de-wilg/settings/rates", host, "POST", { hourly: "1" })).status).toBe(403);
    expect((await request("/manage/de-wilg/settings/rates", board)).status).toBe(200);
    expect((await request("/manage/de-wilg/settings/rates", board, "POST", { hourly: "1" })).status).toBe(403);
    expect((await request("/manage/de-wilg/payments", board)).status).toBe(200);
    expect((await request("/manage/de-wilg/payments", board, "POST", { amount: "10" })).status).toBe(403);
  });

  it("a manager of one centre finds nothing of another centre: 404, not 403", async () => {
    const manager = people.find((who) => who.name === "manager")!;
    const wrong: string[] = [];
    for (const page of pages.filter((candidate) => candidate.foreign)) {
      const get = await request(page.foreign!, manager);
      if (get.status !== 404) wrong.push(`GET ${page.foreign}: ${get.status}`);
      if (page.write) {
        const post = await request(page.foreign!, manager, "POST", page.body ?? {});
        if (post.status !== 404) wrong.push(`POST ${page.foreign}: ${post.status}`);
      }
    }
    // And ids that exist nowhere, or are no ids at all.
    for (const path of [
      `/manage/de-wilg/bookings/${randomUUID()}`,
      "/manage/de-wilg/bookings/123",
      `/manage/de-wilg/invoices/${randomUUID()}`,
    ]) {
      const response = await request(path, manager);
      if (response.status !== 404) wrong.push(`GET ${path}: ${response.status}`);
    }
    expect(wrong).toEqual([]);
  });
});
