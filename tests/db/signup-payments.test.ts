import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db/client.server";
import { cancelOccurrence } from "~/domain/bookings/series-changes.server";
import { reconcileOpenCheckouts } from "~/domain/money/payment-sweeps.server";
import { openSignupCheckout, releaseUnpaidSignups, sendDueSignupRefunds } from "~/domain/money/signup-payments.server";
import { saveStripeSettings } from "~/domain/money/stripe.server";
import { cancelSignup, findSignupByToken, signUp } from "~/domain/residents/signups.server";
import { DomainError } from "~/domain/shared/errors";
import { addMembership, createTestActivity, createUser, uniqueSuffix } from "../../prisma/factories";
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
 * Paying a sign-up online (decision 096): a place taken when signing up is held for its payment
 * and released when it does not come; the waiting list is never charged; the payment is written
 * once however often Stripe says so; a cancelled place or date is refunded in full, once.
 */

const BEFORE = new Date("2030-01-01T09:00:00Z");
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

/** A centre with Stripe keys and a sign-up activity (Tuesdays from 8 January 2030) at €5 a place, paid online. */
async function paidActivity(options: { capacity?: number; stripe?: boolean; payOnline?: boolean } = {}) {
  const made = await createTestActivity({
    title: "Kookles",
    rrule: "FREQ=WEEKLY;BYDAY=TU;COUNT=2",
    localStart: "2030-01-08T19:00",
    durationMinutes: 120,
    activity: {
      kind: "SIGN_UP",
      title: "Kookles",
      capacity: options.capacity ?? 2,
      participantPriceCents: 500,
      payOnline: options.payOnline ?? true,
    },
  });
  if (options.stripe ?? true) {
    const admin = await createUser({ name: "Penningmeester" });
    await addMembership(admin.id, made.centre.id, "ADMIN");
    await saveStripeSettings(
      { centreId: made.centre.id, actorId: admin.id },
      { secretKey: TEST_SECRET_KEY, webhookSecret: TEST_WEBHOOK_SECRET, holdMinutes: 30 },
    );
  }
  const at = { centreId: made.centre.id, activityId: made.activity.id, occurrenceId: made.dates[0]!.id };
  return { ...made, at };
}

function person(n: number) {
  return {
    name: `Bewoner ${n}`,
    email: `kook${n}-${uniqueSuffix()}@voorbeeld.example`,
    phone: null,
    locale: "nl" as const,
  };
}

/** Stripe creating Checkout sessions, each with its own id; records what was asked. */
function stripeCreatesSessions() {
  const seen: URLSearchParams[] = [];
  const ids: string[] = [];
  stripeEdge.use(
    answer(
      "post",
      "/v1/checkout/sessions",
      () => {
        const id = `cs_test_${uniqueSuffix()}`;
        ids.push(id);
        return { id, object: "checkout.session", status: "open", url: `https://checkout.stripe.com/c/pay/${id}` };
      },
      seen,
    ),
  );
  return { seen, ids };
}

/** Stripe making refunds; records each request and its idempotency key. */
function stripeRefunds() {
  const keys: string[] = [];
  const seen: URLSearchParams[] = [];
  stripeEdge.use(
    answer(
      "post",
      "/v1/refunds",
      (form) => {
        keys.push(form.get("metadata[buurtrooster_signup]") ?? "");
        return {
          id: `re_${uniqueSuffix()}`,
          object: "refund",
          status: "succeeded",
          amount: Number(form.get("amount")),
        };
      },
      seen,
    ),
  );
  return { seen, keys };
}

function paidEvent(sessionId: string, type = "checkout.session.completed") {
  return signedEvent({
    id: `evt_${uniqueSuffix()}`,
    type,
    data: {
      object: {
        id: sessionId,
        object: "checkout.session",
        mode: "payment",
        status: type === "checkout.session.expired" ? "expired" : "complete",
        payment_status: type === "checkout.session.expired" ? "unpaid" : "paid",
        payment_intent: `pi_${sessionId.slice(8)}`,
      },
    },
  });
}

async function postWebhook(slug: string, signed: { payload: string; header: string }) {
  const response = await fetch(`${app.baseUrl}/webhooks/stripe/${slug}`, {
    method: "POST",
    headers: { "Content-Type": "application/json", "Stripe-Signature": signed.header },
    body: signed.payload,
  });
  return { status: response.status, text: await response.text() };
}

/** Text with non-breaking spaces (as in "€ 5,00") made plain. */
function plain(text: string): string {
  return text.replaceAll("\u00a0", " ");
}

async function refusal(promise: Promise<unknown>): Promise<DomainError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(DomainError);
  return error as DomainError;
}

/** A person with a place, paid through the webhook. */
async function paidPlace() {
  const house = await paidActivity();
  const signedUp = await signUp({ ...house.at, ...person(1) }, BEFORE);
  const { ids } = stripeCreatesSessions();
  await openSignupCheckout(house.centre.id, signedUp.token, BEFORE);
  expect((await postWebhook(house.centre.slug, paidEvent(ids[0]!))).status).toBe(200);
  return { ...house, signedUp, sessionId: ids[0]! };
}

describe("paying a place online when signing up", () => {
  it("a place is held for its payment and the email says until when; the waiting list pays nothing", async () => {
    const house = await paidActivity({ capacity: 1 });
    const first = await signUp({ ...house.at, ...person(1) }, BEFORE);
    const second = await signUp({ ...house.at, ...person(2) }, BEFORE);
    expect([first.paymentDue, second.status, second.paymentDue]).toEqual([true, "WAITLISTED", false]);
    const stored = await db().signup.findUniqueOrThrow({ where: { id: first.id } });
    // the centre's 30 hold minutes and 2 minutes to reach Stripe's page
    expect(stored.paymentDueAt).toEqual(new Date(BEFORE.getTime() + 32 * MINUTE));
    const email = await db().emailMessage.findFirstOrThrow({
      where: { centreId: house.centre.id, kind: "signup-confirmed" },
    });
    expect(plain(email.textBody)).toContain("Betaal € 5,00 online vóór 10:32");
    expect((await findSignupByToken(house.centre.id, second.token))!.payment.state).toBe("none");
    expect((await refusal(openSignupCheckout(house.centre.id, second.token, BEFORE))).code).toBe("payment-not-open");
  });

  it("without Stripe keys, or without asking for it, a place is paid at the door as before", async () => {
    for (const options of [{ stripe: false }, { payOnline: false }]) {
      const house = await paidActivity(options);
      const signedUp = await signUp({ ...house.at, ...person(1) }, BEFORE);
      expect(signedUp.paymentDue).toBe(false);
      expect((await findSignupByToken(house.centre.id, signedUp.token))!.payment.state).toBe("none");
    }
  });

  it("a double click opens one Checkout, in EUR with iDEAL first, for the participant price", async () => {
    const house = await paidActivity();
    const signedUp = await signUp({ ...house.at, ...person(1) }, BEFORE);
    const { seen } = stripeCreatesSessions();
    const [one, two] = await Promise.all([
      openSignupCheckout(house.centre.id, signedUp.token, BEFORE),
      openSignupCheckout(house.centre.id, signedUp.token, BEFORE),
    ]);
    expect(one.url).toBe(two.url);
    expect(seen).toHaveLength(1);
    expect(seen[0]!.get("line_items[0][price_data][unit_amount]")).toBe("500");
    expect(seen[0]!.get("allowed_payment_method_types[0]")).toBe("ideal");
    expect(seen[0]!.get("metadata[signupId]")).toBe(signedUp.id);
  });

  it("the same paid event ten times, and a late 'expired', write the payment once and keep the place", async () => {
    const { centre, signedUp, sessionId } = await paidPlace();
    for (let i = 0; i < 9; i++) await postWebhook(centre.slug, paidEvent(sessionId));
    await postWebhook(centre.slug, paidEvent(sessionId, "checkout.session.expired"));
    const stored = await db().signup.findUniqueOrThrow({ where: { id: signedUp.id } });
    expect([stored.status, stored.paidCents, stored.paymentDueAt]).toEqual(["CONFIRMED", 500, null]);
    await releaseUnpaidSignups(new Date(BEFORE.getTime() + 60 * MINUTE));
    expect((await db().signup.findUniqueOrThrow({ where: { id: signedUp.id } })).status).toBe("CONFIRMED");
    const page = await fetch(`${app.baseUrl}/centres/${centre.slug}/signups/${signedUp.token}`);
    expect(plain(await page.text())).toContain("Betaald: € 5,00 online.");
  });

  it("an unpaid place is released after its time, the next person moves up, and a late payment is refunded in full once", async () => {
    const house = await paidActivity({ capacity: 1 });
    const first = await signUp({ ...house.at, ...person(1) }, BEFORE);
    const second = await signUp({ ...house.at, ...person(2) }, BEFORE);
    const { ids } = stripeCreatesSessions();
    await openSignupCheckout(house.centre.id, first.token, BEFORE);
    await releaseUnpaidSignups(new Date(BEFORE.getTime() + 31 * MINUTE)); // not yet
    expect((await db().signup.findUniqueOrThrow({ where: { id: first.id } })).status).toBe("CONFIRMED");
    await releaseUnpaidSignups(new Date(BEFORE.getTime() + 33 * MINUTE));
    const after = await db().signup.findMany({
      where: { occurrenceId: house.at.occurrenceId },
      orderBy: { createdAt: "asc" },
    });
    expect(after.map((signup) => signup.status)).toEqual(["CANCELLED", "CONFIRMED"]);
    expect(after[1]!.id).toBe(second.id);
    expect(after[1]!.paymentDueAt).toBeNull(); // moved up: may pay online or at the door
    const released = await db().emailMessage.findFirstOrThrow({
      where: { centreId: house.centre.id, subject: "Niet op tijd betaald: Kookles" },
    });
    expect(released.toAddress).toBe(after[0]!.email);

    // The bank's yes arrives after the release: the money is owed back, and goes back once.
    await postWebhook(house.centre.slug, paidEvent(ids[0]!));
    const refunds = stripeRefunds();
    const later = new Date(BEFORE.getTime() + 40 * MINUTE);
    await sendDueSignupRefunds(later);
    await sendDueSignupRefunds(later);
    expect(refunds.keys.filter((id) => id === first.id)).toHaveLength(1);
    const sent = refunds.seen[refunds.keys.indexOf(first.id)]!;
    expect(sent.get("amount")).toBe("500");
    const refunded = await db().signup.findUniqueOrThrow({ where: { id: first.id } });
    expect([refunded.paidCents, refunded.refundedAt]).toEqual([500, later]);
    expect((await findSignupByToken(house.centre.id, second.token))!.payment.state).toBe("due");
  });

  it("a lost webhook is caught by the reconciliation job", async () => {
    const house = await paidActivity();
    const signedUp = await signUp({ ...house.at, ...person(1) }, BEFORE);
    const { ids } = stripeCreatesSessions();
    await openSignupCheckout(house.centre.id, signedUp.token, BEFORE);
    stripeEdge.use(
      answer("get", `/v1/checkout/sessions/${ids[0]}`, () => ({
        id: ids[0],
        object: "checkout.session",
        status: "complete",
        payment_status: "paid",
        payment_intent: `pi_${ids[0]!.slice(8)}`,
      })),
    );
    await reconcileOpenCheckouts(new Date(BEFORE.getTime() + 15 * MINUTE));
    expect((await db().signup.findUniqueOrThrow({ where: { id: signedUp.id } })).paidCents).toBe(500);
  });

  it("cancelling a paid place on its page refunds it at once, in full", async () => {
    const { centre, signedUp } = await paidPlace();
    const refunds = stripeRefunds();
    const cancel = () =>
      fetch(`${app.baseUrl}/centres/${centre.slug}/signups/${signedUp.token}`, {
        method: "POST",
        redirect: "manual",
        headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: app.baseUrl },
        body: "intent=cancel",
      });
    const [one, two] = await Promise.all([cancel(), cancel()]);
    expect([one.status, two.status]).toEqual([302, 302]);
    expect(refunds.seen).toHaveLength(1);
    expect(refunds.keys).toEqual([signedUp.id]);
    const page = await fetch(`${app.baseUrl}/centres/${centre.slug}/signups/${signedUp.token}`);
    expect(plain(await page.text())).toContain("€ 5,00 is teruggestort.");
    const email = await db().emailMessage.findFirstOrThrow({
      where: { centreId: centre.id, subject: "U bent afgemeld: Kookles" },
    });
    expect(email.textBody).toContain("U krijgt dit bedrag helemaal terug");
  });

  it("a date the centre cancels is refunded to everyone who paid", async () => {
    const { centre, signedUp, dates } = await paidPlace();
    const manager = await createUser({ name: "Beheerder" });
    await addMembership(manager.id, centre.id, "MANAGER");
    await cancelOccurrence(
      { centreId: centre.id, actorId: manager.id },
      { occurrenceId: dates[0]!.id, reason: "Kok ziek", now: BEFORE },
    );
    const owed = await db().signup.findUniqueOrThrow({ where: { id: signedUp.id } });
    expect(owed.refundDueAt).not.toBeNull();
    const refunds = stripeRefunds();
    await sendDueSignupRefunds(new Date(BEFORE.getTime() + 60 * MINUTE));
    // cancelling a place of a date that does not take place changes nothing more
    await cancelSignup(centre.id, signedUp.token, BEFORE);
    await sendDueSignupRefunds(new Date(BEFORE.getTime() + 90 * MINUTE));
    expect(refunds.keys.filter((id) => id === signedUp.id)).toHaveLength(1);
    expect(refunds.seen[refunds.keys.indexOf(signedUp.id)]!.get("amount")).toBe("500");
  });

  it("signing up on the activity page goes straight on to Stripe's page", async () => {
    const house = await paidActivity();
    stripeCreatesSessions();
    const page = await fetch(`${app.baseUrl}/centres/${house.centre.slug}/activities/${house.activity.id}`);
    const html = await page.text();
    expect(html).toContain("U betaalt online (iDEAL) als u zich aanmeldt.");
    const submissionKey = randomUUID();
    const response = await fetch(`${app.baseUrl}/centres/${house.centre.slug}/activities/${house.activity.id}`, {
      method: "POST",
      redirect: "manual",
      headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: app.baseUrl },
      body: new URLSearchParams({
        occurrenceId: house.at.occurrenceId,
        name: "Bewoner Online",
        email: `online-${uniqueSuffix()}@voorbeeld.example`,
        submissionKey,
      }).toString(),
    });
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toMatch(/^https:\/\/checkout\.stripe\.com\/c\/pay\/cs_test_/);
  });
});
