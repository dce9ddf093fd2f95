import { randomUUID } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db/client.server";
import { fromRoot } from "~/lib/project-root.server";
import { startHttpApp, type HttpApp } from "../support/http-app";
import { sessionCookie } from "../support/sessions";
import {
  addMembership,
  createCentre,
  createOrganisation,
  createRoom,
  createTestBooking,
  createUser,
} from "../../prisma/factories";

/**
 * No route answers 500 for anything a client can send. Every route file of the app is visited,
 * by GET and (where it has an action) by POST, as a signed-in centre admin who is also an
 * organisation contact, with hostile values in each place a value can go: the address's
 * parameters, the query and every form field the route file names. Any 5xx fails the test and
 * lists the request.
 */

let app: HttpApp;
let cookie: string;
let slug: string;
/** ids of a booking and an organisation of another centre */
let foreign: { bookingId: string; organisationId: string };
let ownBookingId: string;

beforeAll(async () => {
  app = await startHttpApp();
  const centre = await createCentre();
  slug = centre.slug;
  const room = await createRoom(centre.id);
  const organisation = await createOrganisation(centre.id);
  const user = await createUser({ installationRole: "ADMIN" });
  await addMembership(user.id, centre.id, "ADMIN");
  await db().organisationMember.create({ data: { organisationId: organisation.id, userId: user.id } });
  ownBookingId = (
    await createTestBooking({
      centreId: centre.id,
      organisationId: organisation.id,
      roomId: room.id,
      localStart: "2027-04-06T10:00",
    })
  ).id;
  const other = await createCentre();
  const otherRoom = await createRoom(other.id);
  const otherOrganisation = await createOrganisation(other.id);
  const otherBooking = await createTestBooking({
    centreId: other.id,
    organisationId: otherOrganisation.id,
    roomId: otherRoom.id,
    localStart: "2027-04-07T10:00",
  });
  foreign = { bookingId: otherBooking.id, organisationId: otherOrganisation.id };
  cookie = await sessionCookie(user.id);
});

afterAll(async () => {
  await app?.close();
});

interface RouteFile {
  file: string;
  /** the address with `$param` placeholders */
  pattern: string;
  hasAction: boolean;
  fields: string[];
  intents: string[];
  /** the values of the route's z.enum([...]) lists: valid choices, sent to every field */
  choices: string[];
}

/** The app's routes, read from app/routes the way Remix's flat routes name them. */
function routeFiles(): RouteFile[] {
  const folder = fromRoot("app", "routes");
  // a route is a file, or a folder with route.tsx (read with its siblings: schemas, forms, answers)
  return readdirSync(folder, { withFileTypes: true })
    .filter((entry) =>
      entry.isDirectory() ? existsSync(`${folder}/${entry.name}/route.tsx`) : /\.tsx?$/.test(entry.name),
    )
    .map(({ name: file }) => {
      const source = /\.tsx?$/.test(file)
        ? readFileSync(`${folder}/${file}`, "utf8")
        : readdirSync(`${folder}/${file}`)
            .map((sibling) => readFileSync(`${folder}/${file}/${sibling}`, "utf8"))
            .join("\n");
      const segments = file
        .replace(/\.tsx?$/, "")
        .replace(/\[\.\]/g, "\u0000")
        .split(".")
        .filter((segment) => segment !== "_index")
        // eslint-disable-next-line no-control-regex -- the route file names' escaped dots
        .map((segment) => segment.replace(/_$/, "").replace(/\u0000/g, "."));
      const fields = new Set<string>();
      for (const match of source.matchAll(/name="([A-Za-z][\w-]*)"/g)) fields.add(match[1]!);
      for (const match of source.matchAll(/^\s+([A-Za-z]\w*): z[.\s]/gm)) fields.add(match[1]!);
      const intents = new Set<string>(["zzz"]);
      for (const match of source.matchAll(/intent"? (?:value=|=== )"([a-z-]+)"/g)) intents.add(match[1]!);
      for (const match of source.matchAll(/z\.literal\("([a-z-]+)"\)/g)) intents.add(match[1]!);
      const choices = new Set<string>();
      for (const list of source.matchAll(/z\.enum\(\[([^\]]*)\]/g)) {
        for (const value of list[1]!.matchAll(/"([^"]+)"/g)) choices.add(value[1]!);
      }
      return {
        file,
        pattern: `/${segments.filter((segment) => segment !== "").join("/")}`.replace(/\/$/, "") || "/",
        hasAction: /export (async )?function action|export \{[^}]*\baction\b/.test(source),
        fields: [...fields],
        intents: [...intents],
        choices: [...choices],
      };
    });
}

const LONG = "x".repeat(5000);
/** Values a parameter, a query value or a form field could hold. */
const HOSTILE_VALUES = [
  "not-a-uuid",
  "00000000-0000-0000-0000-000000000000",
  "-1",
  "1e309",
  "2027-02-30",
  "9999-12-31T25:61",
  LONG,
  "\u202Eevil",
  "' OR 1=1 --",
  "%",
  "<script>",
];

const QUERY_KEYS = [
  "date",
  "from",
  "to",
  "scope",
  "roomId",
  "organisationId",
  "bookingId",
  "occurrenceId",
  "activityId",
  "q",
  "view",
  "period",
  "kind",
  "status",
  "page",
  "week",
  "month",
  "year",
  "token",
  "redirectTo",
  "lang",
  "title",
  "do",
  "all",
  "request",
  "outcome",
];

function addresses(pattern: string): string[] {
  const params = [...pattern.matchAll(/\$(\w+)/g)].map((match) => match[1]!);
  const valueSets: Record<string, string[]> = {};
  for (const param of params) {
    valueSets[param] =
      param === "slug"
        ? [slug, "no-such-centre", "%E2%80%AE", encodeURIComponent(LONG)]
        : [
            "not-a-uuid",
            randomUUID(),
            foreign.bookingId,
            foreign.organisationId,
            ownBookingId,
            "..",
            encodeURIComponent(LONG),
          ];
  }
  // each parameter through its hostile values, the others valid
  const base = (param: string) => (param === "slug" ? slug : ownBookingId);
  const fill = (overrides: Record<string, string>) =>
    pattern.replace(/\$(\w+)/g, (_, name: string) => overrides[name] ?? base(name));
  const list =
    params.length === 0
      ? [pattern]
      : params.flatMap((param) => valueSets[param]!.map((value) => fill({ [param]: value })));
  return [...new Set(list)];
}

function hostileQueries(): string[] {
  return HOSTILE_VALUES.map((value) => `?${QUERY_KEYS.map((key) => `${key}=${encodeURIComponent(value)}`).join("&")}`);
}

/** Every field, and every query key, set to one of the route's valid choices ("all", "ADMIN"…). */
function choiceForms(route: RouteFile): URLSearchParams[] {
  return route.choices.map((choice) => {
    const form = new URLSearchParams();
    for (const field of [...new Set([...route.fields, ...QUERY_KEYS])])
      form.append(field, /Id$|Key$/.test(field) ? randomUUID() : choice);
    return form;
  });
}

function hostileForms(route: RouteFile): URLSearchParams[] {
  const forms = [new URLSearchParams()];
  for (const intent of route.intents) {
    for (const value of HOSTILE_VALUES) {
      const form = new URLSearchParams();
      for (const field of route.fields) form.append(field, value);
      form.set("intent", intent);
      forms.push(form);
    }
    // the same with fresh ids, so the route gets past "not a UUID"
    const form = new URLSearchParams();
    for (const field of route.fields) form.append(field, /Id$|Key$/.test(field) ? randomUUID() : "1");
    form.set("intent", intent);
    forms.push(form);
  }
  return forms;
}

interface Answer {
  request: string;
  status: number;
}

async function send(method: "GET" | "POST", path: string, body?: URLSearchParams): Promise<Answer> {
  const response = await fetch(`${app.baseUrl}${path}`, {
    method,
    redirect: "manual",
    headers: { Cookie: cookie, ...(body ? { "Content-Type": "application/x-www-form-urlencoded" } : {}) },
    body,
  });
  await response.arrayBuffer();
  const shown = `${method} ${path.slice(0, 200)}${body ? ` ${body.toString().slice(0, 200)}` : ""}`;
  return { request: shown, status: response.status };
}

/** Runs `jobs` a few at a time (this is a test of answers, not of load: the installation report is slow on a database full of test centres). */
async function inBatches<T>(jobs: (() => Promise<T>)[], size = 3): Promise<T[]> {
  const results: T[] = [];
  for (let index = 0; index < jobs.length; index += size) {
    results.push(...(await Promise.all(jobs.slice(index, index + size).map((job) => job()))));
  }
  return results;
}

describe("hostile input to every route", () => {
  const routes = routeFiles();

  it("finds the app's routes", () => {
    expect(routes.length).toBeGreaterThan(40);
    expect(routes.map((route) => route.pattern)).toContain("/centres/$slug/my-bookings/$bookingId/cancel");
    expect(routes.map((route) => route.pattern)).toContain("/login/verify");
    // route folders too, with the action their route.tsx passes on
    expect(routes.find((route) => route.pattern === "/manage/$slug/bookings/new")).toMatchObject({ hasAction: true });
    expect(routes.find((route) => route.pattern === "/manage/$slug/planner")).toBeTruthy();
  });

  it.each(routes.map((route) => [route.pattern, route] as const))(
    "%s answers no 5xx to hostile addresses, queries and forms",
    async (_, route) => {
      const jobs: (() => Promise<Answer>)[] = [];
      for (const path of addresses(route.pattern)) {
        jobs.push(() => send("GET", path));
        for (const form of choiceForms(route)) {
          jobs.push(() => send("GET", `${path}?${form}`));
          if (route.hasAction) jobs.push(() => send("POST", `${path}?${form}`, form));
        }
        if (route.hasAction)
          for (const form of hostileForms(route).slice(0, 2)) jobs.push(() => send("POST", path, form));
      }
      const valid = addresses(route.pattern)[0]!;
      for (const query of hostileQueries()) jobs.push(() => send("GET", `${valid}${query}`));
      if (route.hasAction) {
        for (const form of hostileForms(route)) jobs.push(() => send("POST", valid, form));
        for (const query of hostileQueries().slice(0, 3))
          jobs.push(() => send("POST", `${valid}${query}`, new URLSearchParams({ intent: "zzz" })));
      }
      const failures = (await inBatches(jobs)).filter((answer) => answer.status >= 500);
      expect(failures).toEqual([]);
    },
    300_000,
  );
});

describe("odd requests", () => {
  const form = { "Content-Type": "application/x-www-form-urlencoded" };
  const cases: [string, string, RequestInit][] = [
    ["PUT to a form route", "/login", { method: "PUT", headers: form, body: "email=x" }],
    ["DELETE to a form route", "/login", { method: "DELETE", headers: form, body: "email=x" }],
    ["a POST to a page without an action", "/privacy", { method: "POST", headers: form, body: "a=1" }],
    ["OPTIONS", "/login", { method: "OPTIONS" }],
    ["a single-fetch POST", "/login.data", { method: "POST", headers: form, body: "email=x" }],
    ["a single-fetch GET with made-up routes", "/agenda.data?_routes=zzz", {}],
    ["the old ?_data protocol", "/login?_data=routes%2Flogin", {}],
    [
      "a session cookie that is not ours, a language cookie that does not decode",
      "/",
      { headers: { Cookie: "__session=garbage; lang=%E0%A4%A" } },
    ],
    ["a path that does not percent-decode", "/centres/%E0%A4%A", {}],
    ["a query that does not percent-decode", "/agenda?q=%E0%A4%A&from=%", {}],
    ["a NUL in the path", "/centres/%00", {}],
    ["a proxy host that makes no address", "/", { headers: { "X-Forwarded-Host": "evil:99999999" } }],
    ["an odd Accept-Language", "/", { headers: { "Accept-Language": "zz;q=abc,,,*" } }],
    [
      "a form in UTF-16",
      "/login",
      {
        method: "POST",
        headers: { "Content-Type": "application/x-www-form-urlencoded; charset=utf-16" },
        body: "email=x",
      },
    ],
  ];

  it.each(cases)("%s: no 5xx", async (_, path, init) => {
    const response = await fetch(`${app.baseUrl}${path}`, { redirect: "manual", ...init });
    await response.arrayBuffer();
    expect(response.status).toBeLessThan(500);
  });

  it("the old ?_data protocol is refused with 400, whatever the route", async () => {
    const response = await fetch(`${app.baseUrl}/manage/${slug}/team?_data=routes%2Fmanage.%24slug.team`, {
      method: "POST",
      headers: { ...form, Cookie: cookie },
      body: "intent=zzz",
    });
    expect(response.status).toBe(400);
  });
});
