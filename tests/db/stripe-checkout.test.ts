import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db/client.server";
import { requestBooking, type BookingRequestInput } from "~/domain/bookings/requests.server";
import { openCheckout } from "~/domain/money/checkout.server";
import { reconcileOpenCheckouts, releaseExpiredHolds } from "~/domain/money/payment-sweeps.server";
import { saveStripeSettings } from "~/domain/money/stripe.server";
import { DomainError } from "~/domain/shared/errors";
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
import {
  answer,
  listenToStripe,
  signedEvent,
  stripeEdge,
  TEST_SECRET_KEY,
  TEST_WEBHOOK_SECRET,
} from "../support/stripe-edge";

/**
 * Paying a booking online (decisions 091 and 092): the slot held while paying, one Checkout
 * session per booking, the webhook over real HTTP applying each event once in any order, the
 * reconciliation job catching a lost webhook, and the release of a hold nobody paid.
 */

const NOW = new Date("2027-03-01T09:00:00Z");
const MINUTE = 60_000;
let app: HttpApp;

beforeAll(async () => {
  listenToStripe();
  app = await startHttpApp();
});
afterAll(async () => {
  stripeEdge.close();
  await app?.close();
});

/** A centre whose private hirers pay online to confirm, with Stripe keys and a €25/h rate incl. 21% VAT. */
async function onlineCentre() {
  const centre = await createCentre();
  await db().tierPolicy.update({
    where: { centreId_tier: { centreId: centre.id, tier: "PRIVATE" } },
    data: { requiresApproval: false, paymentMode: "ONLINE" },
  });
  const room = await createRoom(centre.id, { name: "Grote zaal" });
  await createRate(centre.id, room.id, "PRIVATE", { hourlyCents: 2500, minimumMinutes: 60 });
  const admin = await createUser({ name: "Penningmeester" });
  await addMembership(admin.id, centre.id, "ADMIN");
  await saveStripeSettings(
    { centreId: centre.id, actorId: admin.id },
    { secretKey: TEST_SECRET_KEY, webhookSecret: TEST_WEBHOOK_SECRET, holdMinutes: 30 },
  );
  const hirer = await createOrganisation(centre.id, {
    name: "Familie Jansen",
    tier: "PRIVATE",
    contactEmail: `jansen-${uniqueSuffix()}@voorbeeld.example`,
  });
  return { centre, room, admin, hirer };
}

function ask(place: { centreId: string; roomId: string; organisationId: string }): BookingRequestInput {
  return {
    ...place,
    actor: { userId: null, isManager: false },
    title: "Verjaardag",
    rrule: null,
    localStart: "2027-03-20T14:00",
    durationMinutes: 120,
    attendees: 20,
  };
}

/** Stripe creating a session: answers with a session of its own id, recording what was asked. */
function stripeCreatesSessions(seen: URLSearchParams[] = []) {
  const sessionId = `cs_test_${uniqueSuffix()}`;
  stripeEdge.use(
    answer(
      "post",
      "/v1/checkout/sessions",
      () => ({
        id: sessionId,
        object: "checkout.session",
        status: "open",
        payment_status: "unpaid",
        url: `https://checkout.stripe.com/c/pay/${sessionId}`,
      }),
      seen,
    ),
  );
  return { sessionId, seen };
}

/** A booking waiting for its payment, with its checkout opened at Stripe. */
async function bookedAndOpened() {
  const house = await onlineCentre();
  const { booking } = await requestBooking(
    ask({ centreId: house.centre.id, roomId: house.room.id, organisationId: house.hirer.id }),
    NOW,
  );
  const { sessionId, seen } = stripeCreatesSessions();
  const checkout = await openCheckout({ centreId: house.centre.id, actorId: null }, booking.id, NOW);
  return { ...house, booking, checkout, sessionId, seen };
}

function sessionEvent(
  type: string,
  session: { id: string; status?: string; payment_status?: string; metadata?: Record<string, string> },
  eventId = `evt_${uniqueSuffix()}`,
) {
  return {
    id: eventId,
    type,
    data: {
      object: {
        object: "checkout.session",
        status: "complete",
        payment_status: "paid",
        payment_intent: `pi_${session.id.slice(8)}`,
        ...session,
      },
    },
  };
}

async function postWebhook(
  slug: string,
  signed: { payload: string; header: string },
  headers: Record<string, string> = {},
) {
  const response = await fetch(`${app.baseUrl}/webhooks/stripe/${slug}`, {
    method: "POST",
    headers: { "Content-Type": "application/json", "Stripe-Signature": signed.header, ...headers },
    body: signed.payload,
  });
  return { status: response.status, text: await response.text() };
}

async function emailsTo(centreId: string, to: string) {
  return db().emailMessage.findMany({ where: { centreId, toAddress: to }, orderBy: { createdAt: "asc" } });
}

async function refusedWith(promise: Promise<unknown>, code: string) {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(DomainError);
  expect((error as DomainError).code).toBe(code);
}

describe("a private hirer pays online to confirm", () => {
  it("the booking waits for its payment and holds its slot until the hold ends; nothing is confirmed yet", async () => {
    const { centre, room, hirer } = await onlineCentre();
    const { booking } = await requestBooking(
      ask({ centreId: centre.id, roomId: room.id, organisationId: hirer.id }),
      NOW,
    );
    expect(booking.status).toBe("AWAITING_PAYMENT");
    expect(booking.paymentMode).toBe("ONLINE");
    // 30 hold minutes and 2 to reach Stripe
    expect(booking.holdExpiresAt).toEqual(new Date(NOW.getTime() + 32 * MINUTE));
    // 2 h × €25 + 21% VAT
    expect(booking.totalInclCents).toBe(6050);
    const claims = await db().roomClaim.findMany({ where: { occurrence: { bookingId: booking.id } } });
    expect(claims.map((claim) => claim.active)).toEqual([true]);
    expect(await emailsTo(centre.id, hirer.contactEmail!)).toHaveLength(0);

    const other = await createOrganisation(centre.id, { tier: "PRIVATE" });
    await refusedWith(
      requestBooking(ask({ centreId: centre.id, roomId: room.id, organisationId: other.id }), NOW),
      "room-already-booked",
    );
  });

  it("a manager's booking, or a centre without Stripe keys, is confirmed and paid on invoice", async () => {
    const { centre, room, hirer } = await onlineCentre();
    const { booking } = await requestBooking(
      {
        ...ask({ centreId: centre.id, roomId: room.id, organisationId: hirer.id }),
        actor: { userId: null, isManager: true },
      },
      NOW,
    );
    expect(booking.status).toBe("CONFIRMED");
    expect(booking.paymentMode).toBe("INVOICE");
    expect(booking.holdExpiresAt).toBeNull();

    await db().centrePaymentSettings.delete({ where: { centreId: centre.id } });
    const { booking: later } = await requestBooking(
      { ...ask({ centreId: centre.id, roomId: room.id, organisationId: hirer.id }), localStart: "2027-03-21T14:00" },
      NOW,
    );
    expect(later.status).toBe("CONFIRMED");
  });

  it("opens one Checkout session in EUR with iDEAL first, expiring when the hold ends, even when confirm is clicked twice", async () => {
    const { centre, room, hirer } = await onlineCentre();
    const { booking } = await requestBooking(
      ask({ centreId: centre.id, roomId: room.id, organisationId: hirer.id }),
      NOW,
    );
    const { sessionId, seen } = stripeCreatesSessions();
    const actor = { centreId: centre.id, actorId: null };
    const [first, second] = await Promise.all([
      openCheckout(actor, booking.id, NOW),
      openCheckout(actor, booking.id, NOW),
    ]);
    expect(second).toEqual(first);
    expect(first.url).toBe(`https://checkout.stripe.com/c/pay/${sessionId}`);
    expect(seen).toHaveLength(1);
    const checkouts = await db().checkout.findMany({ where: { bookingId: booking.id } });
    expect(checkouts).toHaveLength(1);
    expect(checkouts[0]).toMatchObject({
      id: first.checkoutId,
      status: "OPEN",
      amountCents: 6050,
      stripeSessionId: sessionId,
    });

    const form = seen[0]!;
    expect(form.get("mode")).toBe("payment");
    expect(form.get("currency")).toBe("eur");
    expect(form.get("allowed_payment_method_types[0]")).toBe("ideal");
    expect(form.get("allowed_payment_method_types[1]")).toBe("card");
    expect(form.get("allowed_payment_method_types[2]")).toBe("bancontact");
    expect(form.get("line_items[0][price_data][unit_amount]")).toBe("6050");
    expect(form.get("line_items[0][price_data][currency]")).toBe("eur");
    expect(form.get("line_items[1][price_data][unit_amount]")).toBeNull();
    expect(form.get("metadata[bookingId]")).toBe(booking.id);
    expect(form.get("metadata[centreId]")).toBe(centre.id);
    expect(form.get("metadata[checkoutId]")).toBe(first.checkoutId);
    expect(form.get("expires_at")).toBe(String((NOW.getTime() + 32 * MINUTE) / 1000));
    expect(form.get("success_url")).toMatch(new RegExp(`/centres/${centre.slug}/pay/${first.checkoutId}$`));

    // the checkout's id cannot be derived from the booking's without the installation's key
    expect(first.checkoutId).not.toBe(booking.id);
  });
});

describe("Stripe's webhook, over HTTP", () => {
  it("the same completed event ten times, then expired out of order: one payment, confirmed once, one email", async () => {
    const { centre, booking, sessionId, hirer } = await bookedAndOpened();
    const completed = signedEvent(sessionEvent("checkout.session.completed", { id: sessionId }));
    const answers = await Promise.all(Array.from({ length: 10 }, () => postWebhook(centre.slug, completed)));
    expect(answers.map((a) => a.status)).toEqual(Array(10).fill(200));
    expect(answers.filter((a) => a.text === "ok")).toHaveLength(1);
    const late = await postWebhook(
      centre.slug,
      signedEvent(
        sessionEvent("checkout.session.expired", { id: sessionId, status: "expired", payment_status: "unpaid" }),
      ),
    );
    expect(late.status).toBe(200);

    const payments = await db().payment.findMany({ where: { bookingId: booking.id } });
    expect(payments).toHaveLength(1);
    expect(payments[0]).toMatchObject({
      amountCents: 6050,
      method: "ONLINE",
      kind: "FEE",
      status: "SUCCEEDED",
      providerPaymentId: `pi_${sessionId.slice(8)}`,
    });
    const stored = await db().booking.findUniqueOrThrow({ where: { id: booking.id } });
    expect(stored.status).toBe("CONFIRMED");
    expect(stored.holdExpiresAt).toBeNull();
    expect((await db().checkout.findFirstOrThrow({ where: { bookingId: booking.id } })).status).toBe("PAID");
    const mails = await emailsTo(centre.id, hirer.contactEmail!);
    expect(mails.map((mail) => mail.kind)).toEqual(["booking-confirmed"]);
    expect(await db().stripeEvent.count({ where: { centreId: centre.id } })).toBe(2);
  });

  it("a deposit is a payment of its own and is held", async () => {
    const house = await onlineCentre();
    const { booking } = await requestBooking(
      ask({ centreId: house.centre.id, roomId: house.room.id, organisationId: house.hirer.id }),
      NOW,
    );
    await db().booking.update({ where: { id: booking.id }, data: { depositCents: 10000 } });
    const { sessionId, seen } = stripeCreatesSessions();
    await openCheckout({ centreId: house.centre.id, actorId: null }, booking.id, NOW);
    expect(seen[0]!.get("line_items[1][price_data][unit_amount]")).toBe("10000");
    const completed = signedEvent(sessionEvent("checkout.session.completed", { id: sessionId }));
    expect((await postWebhook(house.centre.slug, completed)).status).toBe(200);
    const payments = await db().payment.findMany({ where: { bookingId: booking.id }, orderBy: { kind: "asc" } });
    expect(payments.map((p) => [p.kind, p.amountCents])).toEqual([
      ["FEE", 6050],
      ["DEPOSIT", 10000],
    ]);
    expect((await db().booking.findUniqueOrThrow({ where: { id: booking.id } })).depositStatus).toBe("HELD");
  });

  it("a tampered body or a stale signature is refused with 400 and nothing is written", async () => {
    const { centre, booking, sessionId } = await bookedAndOpened();
    const genuine = signedEvent(sessionEvent("checkout.session.completed", { id: sessionId }));
    const tampered = { header: genuine.header, payload: genuine.payload.replace('"paid"', '"paid" ') };
    const stale = signedEvent(sessionEvent("checkout.session.completed", { id: sessionId }), {
      timestamp: Math.floor(Date.now() / 1000) - 60 * 60,
    });
    const otherSecret = signedEvent(sessionEvent("checkout.session.completed", { id: sessionId }), {
      secret: "whsec_someoneElsesSecret000000",
    });
    for (const signed of [tampered, stale, otherSecret]) {
      const answer = await postWebhook(centre.slug, signed);
      expect(answer.status).toBe(400);
      expect(answer.text).toMatch(/signature/);
    }
    expect(await db().stripeEvent.count({ where: { centreId: centre.id } })).toBe(0);
    expect(await db().payment.count({ where: { bookingId: booking.id } })).toBe(0);
    expect((await db().booking.findUniqueOrThrow({ where: { id: booking.id } })).status).toBe("AWAITING_PAYMENT");
  });

  it("an unknown centre or a centre without keys answers 404", async () => {
    const bare = await createCentre();
    const signed = signedEvent(sessionEvent("checkout.session.completed", { id: "cs_test_nobody" }));
    expect((await postWebhook(bare.slug, signed)).status).toBe(404);
    expect((await postWebhook("no-such-centre", signed)).status).toBe(404);
  });

  it("only the webhook's address takes a POST from another origin; other POSTs from elsewhere are still refused", async () => {
    const { centre, sessionId } = await bookedAndOpened();
    const foreign = { Origin: "https://hooks.stripe.com" };
    const signed = signedEvent(sessionEvent("checkout.session.completed", { id: sessionId }));
    expect((await postWebhook(centre.slug, signed, foreign)).status).toBe(200);
    for (const path of [`/webhooks/stripe/${centre.slug}/more`, `/centres/${centre.slug}/book/new`, "/logout"]) {
      const response = await fetch(`${app.baseUrl}${path}`, {
        method: "POST",
        headers: { ...foreign, "Content-Type": "application/x-www-form-urlencoded" },
        body: "intent=confirm",
      });
      expect(response.status, path).toBe(403);
    }
  });

  it("the webhook takes JSON within its own size limit, nothing else", async () => {
    const { centre } = await bookedAndOpened();
    const address = `${app.baseUrl}/webhooks/stripe/${centre.slug}`;
    const huge = await fetch(address, {
      method: "POST",
      headers: { "Content-Type": "application/json", "Stripe-Signature": "t=1,v1=x" },
      body: JSON.stringify({ padding: "x".repeat(300 * 1024) }),
    });
    expect(huge.status).toBe(413);
    const form = await fetch(address, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded", "Stripe-Signature": "t=1,v1=x" },
      body: "id=evt_1",
    });
    expect(form.status).toBe(415);
    expect(await db().stripeEvent.count({ where: { centreId: centre.id } })).toBe(0);
  });

  it("a payment still processing keeps the slot past the hold until the bank says yes", async () => {
    const { centre, booking, sessionId } = await bookedAndOpened();
    const processing = signedEvent(
      sessionEvent("checkout.session.completed", { id: sessionId, payment_status: "unpaid" }),
    );
    expect((await postWebhook(centre.slug, processing)).status).toBe(200);
    await releaseExpiredHolds(new Date(NOW.getTime() + 40 * MINUTE));
    expect((await db().booking.findUniqueOrThrow({ where: { id: booking.id } })).status).toBe("AWAITING_PAYMENT");
    const succeeded = signedEvent(sessionEvent("checkout.session.async_payment_succeeded", { id: sessionId }));
    expect((await postWebhook(centre.slug, succeeded)).status).toBe(200);
    expect((await db().booking.findUniqueOrThrow({ where: { id: booking.id } })).status).toBe("CONFIRMED");
    expect(await db().payment.count({ where: { bookingId: booking.id } })).toBe(1);
  });
});

describe("the payment jobs", () => {
  it("a lost webhook is caught by reconciliation: Stripe is asked and the booking confirmed, once", async () => {
    const { centre, booking, sessionId, hirer } = await bookedAndOpened();
    const asked: URLSearchParams[] = [];
    // other tests' checkouts are still open at Stripe
    stripeEdge.use(
      answer("get", "/v1/checkout/sessions/:id", (_form, params) => ({
        id: params.id,
        object: "checkout.session",
        status: "open",
        payment_status: "unpaid",
      })),
    );
    stripeEdge.use(
      answer(
        "get",
        `/v1/checkout/sessions/${sessionId}`,
        () => ({
          id: sessionId,
          object: "checkout.session",
          status: "complete",
          payment_status: "paid",
          payment_intent: "pi_lostwebhook",
          metadata: { centreId: centre.id, bookingId: booking.id },
        }),
        asked,
      ),
    );
    // too early: not asked yet
    await reconcileOpenCheckouts(new Date(NOW.getTime() + 5 * MINUTE));
    expect(asked).toHaveLength(0);
    await reconcileOpenCheckouts(new Date(NOW.getTime() + 11 * MINUTE));
    expect(asked).toHaveLength(1);
    await reconcileOpenCheckouts(new Date(NOW.getTime() + 16 * MINUTE));
    expect(asked).toHaveLength(1);
    expect((await db().booking.findUniqueOrThrow({ where: { id: booking.id } })).status).toBe("CONFIRMED");
    const payments = await db().payment.findMany({ where: { bookingId: booking.id } });
    expect(payments.map((p) => [p.providerPaymentId, p.amountCents])).toEqual([["pi_lostwebhook", 6050]]);
    // the webhook arriving after all changes nothing
    const completed = signedEvent(sessionEvent("checkout.session.completed", { id: sessionId }));
    expect((await postWebhook(centre.slug, completed)).status).toBe(200);
    expect(await db().payment.count({ where: { bookingId: booking.id } })).toBe(1);
    expect(await emailsTo(centre.id, hirer.contactEmail!)).toHaveLength(1);
  });

  it("a hold that ends unpaid releases the slot, emails the contact, and someone else can book it", async () => {
    const { centre, room, booking, hirer } = await bookedAndOpened();
    // the sweeps see every centre's bookings: other tests' holds may be released too
    await releaseExpiredHolds(new Date(NOW.getTime() + 31 * MINUTE));
    expect((await db().booking.findUniqueOrThrow({ where: { id: booking.id } })).status).toBe("AWAITING_PAYMENT");
    expect(await releaseExpiredHolds(new Date(NOW.getTime() + 33 * MINUTE))).toBeGreaterThanOrEqual(1);
    await releaseExpiredHolds(new Date(NOW.getTime() + 34 * MINUTE));
    const released = await db().booking.findUniqueOrThrow({ where: { id: booking.id } });
    expect(released.status).toBe("EXPIRED");
    const dates = await db().occurrence.findMany({ where: { bookingId: booking.id }, include: { claims: true } });
    expect(dates.map((date) => date.status)).toEqual(["CANCELLED"]);
    expect(dates.flatMap((date) => date.claims.map((claim) => claim.active))).toEqual([false]);
    expect((await db().checkout.findFirstOrThrow({ where: { bookingId: booking.id } })).status).toBe("EXPIRED");
    const mails = await emailsTo(centre.id, hirer.contactEmail!);
    expect(mails.map((mail) => mail.kind)).toEqual(["booking-hold-released"]);
    expect(mails[0]!.textBody).toContain("niet op tijd betaald");

    const other = await createOrganisation(centre.id, { tier: "PRIVATE" });
    const { booking: next } = await requestBooking(
      ask({ centreId: centre.id, roomId: room.id, organisationId: other.id }),
      new Date(NOW.getTime() + 35 * MINUTE),
    );
    expect(next.status).toBe("AWAITING_PAYMENT");
  });

  it("money that arrives after the slot was released is recorded, the booking stays released, and the managers are asked to refund", async () => {
    const { centre, admin, booking, sessionId } = await bookedAndOpened();
    await releaseExpiredHolds(new Date(NOW.getTime() + 33 * MINUTE));
    const completed = signedEvent(sessionEvent("checkout.session.completed", { id: sessionId }));
    expect((await postWebhook(centre.slug, completed)).status).toBe(200);
    expect((await db().booking.findUniqueOrThrow({ where: { id: booking.id } })).status).toBe("EXPIRED");
    expect((await db().checkout.findFirstOrThrow({ where: { bookingId: booking.id } })).status).toBe("PAID");
    expect(await db().payment.count({ where: { bookingId: booking.id, status: "SUCCEEDED" } })).toBe(1);
    const audit = await db().auditEvent.findMany({ where: { entityId: booking.id, action: "paid-after-release" } });
    expect(audit).toHaveLength(1);
    const mails = await emailsTo(centre.id, admin.email);
    expect(mails.map((mail) => mail.kind)).toEqual(["payment-refund-needed"]);
  });
});
