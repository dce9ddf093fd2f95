import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db/client.server";
import { saveStripeSettings } from "~/domain/money/stripe.server";
import {
  addMembership,
  createCentre,
  createOrganisation,
  createRate,
  createRoom,
  createUser,
  uniqueSuffix,
} from "../../prisma/factories";
import { startHttpApp, type HttpApp } from "../support/http-app";
import { sessionCookie } from "../support/sessions";
import {
  answer,
  listenToStripe,
  signedEvent,
  stripeEdge,
  TEST_SECRET_KEY,
  TEST_WEBHOOK_SECRET,
} from "../support/stripe-edge";

/**
 * The pages of paying online, over real HTTP against the built app: the admin's settings page,
 * the booking form sending a hirer to Stripe's page (once, however often they click), and the
 * return page saying where they stand.
 */

let app: HttpApp;
const FORM = { "Content-Type": "application/x-www-form-urlencoded" };

beforeAll(async () => {
  listenToStripe();
  app = await startHttpApp();
});
afterAll(async () => {
  stripeEdge.close();
  await app?.close();
});

async function onlineCentre(options: { keys?: boolean } = {}) {
  const centre = await createCentre();
  await db().tierPolicy.update({
    where: { centreId_tier: { centreId: centre.id, tier: "PRIVATE" } },
    data: { requiresApproval: false, paymentMode: "ONLINE" },
  });
  const room = await createRoom(centre.id, { name: "Grote zaal" });
  await createRate(centre.id, room.id, "PRIVATE", { hourlyCents: 2500, minimumMinutes: 60 });
  const admin = await createUser({ name: "Penningmeester" });
  await addMembership(admin.id, centre.id, "ADMIN");
  if (options.keys !== false)
    await saveStripeSettings(
      { centreId: centre.id, actorId: admin.id },
      { secretKey: TEST_SECRET_KEY, webhookSecret: TEST_WEBHOOK_SECRET, holdMinutes: 30 },
    );
  const hirer = await createOrganisation(centre.id, { name: "Familie Jansen", tier: "PRIVATE" });
  const person = await createUser({ name: "Jan Jansen" });
  await db().organisationMember.create({ data: { organisationId: hirer.id, userId: person.id } });
  return { centre, room, admin, hirer, person };
}

async function post(path: string, cookie: string, form: Record<string, string>) {
  return fetch(`${app.baseUrl}${path}`, {
    method: "POST",
    headers: { ...FORM, Cookie: cookie },
    body: new URLSearchParams(form),
    redirect: "manual",
  });
}

describe("the centre's payment settings", () => {
  it("an admin saves the keys: the page shows the hint, test mode and the webhook address, never the key", async () => {
    const { centre, admin } = await onlineCentre({ keys: false });
    const cookie = await sessionCookie(admin.id);
    const page = `/manage/${centre.slug}/settings/payments`;
    const saved = await post(page, cookie, {
      intent: "save",
      secretKey: TEST_SECRET_KEY,
      webhookSecret: TEST_WEBHOOK_SECRET,
      holdMinutes: "45",
    });
    expect(saved.status).toBe(302);
    expect(saved.headers.get("location")).toBe(`${page}?saved=1`);
    const html = await (await fetch(`${app.baseUrl}${page}?saved=1`, { headers: { Cookie: cookie } })).text();
    expect(html).toContain("sk_test_…0000");
    expect(html).toContain("Testomgeving");
    expect(html).toContain(`/webhooks/stripe/${centre.slug}`);
    expect(html).not.toContain(TEST_SECRET_KEY);
    expect(html).not.toContain(TEST_WEBHOOK_SECRET);
    expect((await db().centrePaymentSettings.findUniqueOrThrow({ where: { centreId: centre.id } })).holdMinutes).toBe(
      45,
    );
  });

  it("a refused key is not sent back to the page, and a hold under 30 minutes is refused", async () => {
    const { centre, admin } = await onlineCentre({ keys: false });
    const cookie = await sessionCookie(admin.id);
    const page = `/manage/${centre.slug}/settings/payments`;
    const wrong = await post(page, cookie, {
      intent: "save",
      secretKey: "pk_test_publishableKeyNotSecret",
      webhookSecret: TEST_WEBHOOK_SECRET,
      holdMinutes: "45",
    });
    expect(wrong.status).toBe(422);
    const body = await wrong.text();
    expect(body).not.toContain(TEST_WEBHOOK_SECRET);
    expect(body).not.toContain("pk_test_publishableKeyNotSecret");
    const short = await post(page, cookie, {
      intent: "save",
      secretKey: TEST_SECRET_KEY,
      webhookSecret: TEST_WEBHOOK_SECRET,
      holdMinutes: "20",
    });
    expect(short.status).toBe(400);
    expect(await short.text()).not.toContain(TEST_SECRET_KEY);
    expect(await db().centrePaymentSettings.count({ where: { centreId: centre.id } })).toBe(0);
  });

  it("a manager may read the page but not change or remove the keys; an admin removes them", async () => {
    const { centre, admin } = await onlineCentre();
    const manager = await createUser();
    await addMembership(manager.id, centre.id, "MANAGER");
    const page = `/manage/${centre.slug}/settings/payments`;
    const managerCookie = await sessionCookie(manager.id);
    expect((await fetch(`${app.baseUrl}${page}`, { headers: { Cookie: managerCookie } })).status).toBe(200);
    expect((await post(page, managerCookie, { intent: "remove" })).status).toBe(403);
    expect(await db().centrePaymentSettings.count({ where: { centreId: centre.id } })).toBe(1);
    const removed = await post(page, await sessionCookie(admin.id), { intent: "remove" });
    expect(removed.headers.get("location")).toBe(`${page}?removed=1`);
    expect(await db().centrePaymentSettings.count({ where: { centreId: centre.id } })).toBe(0);
  });
});

describe("booking and paying online", () => {
  it("confirming sends the hirer to Stripe's page; clicking twice opens the same page and one session", async () => {
    const { centre, room, hirer, person } = await onlineCentre();
    const sessionId = `cs_test_${uniqueSuffix()}`;
    const seen: URLSearchParams[] = [];
    stripeEdge.use(
      answer(
        "post",
        "/v1/checkout/sessions",
        () => ({ id: sessionId, object: "checkout.session", url: `https://checkout.stripe.com/c/pay/${sessionId}` }),
        seen,
      ),
    );
    const cookie = await sessionCookie(person.id);
    const form = {
      intent: "confirm",
      submissionKey: randomUUID(),
      organisationId: hirer.id,
      roomId: room.id,
      title: "Verjaardag",
      date: "2027-03-27",
      time: "14:00",
      duration: "120",
      people: "20",
      repeat: "none",
      kind: "PRIVATE",
    };
    const path = `/centres/${centre.slug}/book/new`;
    const [first, second] = await Promise.all([post(path, cookie, form), post(path, cookie, form)]);
    expect(first.headers.get("location")).toBe(`https://checkout.stripe.com/c/pay/${sessionId}`);
    expect(second.headers.get("location")).toBe(`https://checkout.stripe.com/c/pay/${sessionId}`);
    expect(seen).toHaveLength(1);
    const bookings = await db().booking.findMany({ where: { centreId: centre.id } });
    expect(bookings.map((booking) => booking.status)).toEqual(["AWAITING_PAYMENT"]);
    const checkout = await db().checkout.findFirstOrThrow({ where: { bookingId: bookings[0]!.id } });

    // Back from Stripe before the webhook: not paid yet, with a link to pay while the hold lasts.
    const returnPage = `${app.baseUrl}/centres/${centre.slug}/pay/${checkout.id}`;
    const open = await (await fetch(returnPage)).text();
    expect(open).toContain("Nog niet betaald");
    expect(open).toContain(`https://checkout.stripe.com/c/pay/${sessionId}`);

    const completed = signedEvent({
      id: `evt_${uniqueSuffix()}`,
      type: "checkout.session.completed",
      data: {
        object: {
          id: sessionId,
          object: "checkout.session",
          status: "complete",
          payment_status: "paid",
          payment_intent: "pi_page",
        },
      },
    });
    const hook = await fetch(`${app.baseUrl}/webhooks/stripe/${centre.slug}`, {
      method: "POST",
      headers: { "Content-Type": "application/json", "Stripe-Signature": completed.header },
      body: completed.payload,
    });
    expect(hook.status).toBe(200);
    const paid = await (await fetch(returnPage)).text();
    expect(paid).toContain("Betaald. Uw reservering is bevestigd.");
    expect(paid).not.toContain("checkout.stripe.com");
  });

  it("the return page opens only at its own centre and with the exact id", async () => {
    const { centre } = await onlineCentre();
    const other = await createCentre();
    const checkout = await db().checkout.create({
      data: {
        centreId: centre.id,
        purpose: "BOOKING",
        amountCents: 5000,
        stripeSessionId: `cs_test_${uniqueSuffix()}`,
        url: "https://checkout.stripe.com/c/pay/x",
        expiresAt: new Date("2030-01-01T00:00:00Z"),
      },
    });
    expect((await fetch(`${app.baseUrl}/centres/${centre.slug}/pay/${checkout.id}`)).status).toBe(200);
    expect((await fetch(`${app.baseUrl}/centres/${other.slug}/pay/${checkout.id}`)).status).toBe(404);
    expect((await fetch(`${app.baseUrl}/centres/${centre.slug}/pay/${randomUUID()}`)).status).toBe(404);
    expect((await fetch(`${app.baseUrl}/centres/${centre.slug}/pay/not-an-id`)).status).toBe(404);
  });
});
