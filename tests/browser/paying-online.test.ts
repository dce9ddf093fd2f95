import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db/client.server";
import { saveStripeSettings } from "~/domain/money/stripe.server";
import { formatMoney } from "~/i18n/format";
import {
  addMembership,
  createCentre,
  createOrganisation,
  createRate,
  createRoom,
  createUser,
  uniqueSuffix,
} from "../../prisma/factories";
import {
  accessibilityViolations,
  download,
  headingIs,
  openBrowser,
  pdfText,
  shows,
  type BrowserSession,
} from "../support/browser";
import { startHttpApp, type HttpApp } from "../support/http-app";
import { connectAppDatabase, sessionCookie } from "../support/sessions";
import {
  answer,
  listenToStripe,
  signedEvent,
  stripeEdge,
  TEST_SECRET_KEY,
  TEST_WEBHOOK_SECRET,
} from "../support/stripe-edge";

/**
 * A private hirer pays online to confirm (decisions 091 and 092). The app runs in this process
 * (on the browser app's database) so that MSW answers its calls to Stripe's API at the network
 * edge; Stripe's hosted page is answered in the browser with page.route.
 */

let session: BrowserSession;
let app: HttpApp;

beforeAll(async () => {
  await connectAppDatabase();
  listenToStripe();
  app = await startHttpApp();
  session = await openBrowser();
});

afterAll(async () => {
  await session?.close();
  await app?.close();
  stripeEdge.close();
});

describe("paying online", () => {
  it("a private hirer books, pays on Stripe's page, comes back to betaald, cancels within the fee window and sees the refund and the credit note", async () => {
    const centre = await createCentre();
    await db().tierPolicy.update({
      where: { centreId_tier: { centreId: centre.id, tier: "PRIVATE" } },
      data: { requiresApproval: false, paymentMode: "ONLINE" },
    });
    const room = await createRoom(centre.id, { name: "Grote zaal" });
    await createRate(centre.id, room.id, "PRIVATE", { hourlyCents: 2500, minimumMinutes: 60 });
    const admin = await createUser();
    await addMembership(admin.id, centre.id, "ADMIN");
    await saveStripeSettings(
      { centreId: centre.id, actorId: admin.id },
      { secretKey: TEST_SECRET_KEY, webhookSecret: TEST_WEBHOOK_SECRET, holdMinutes: 30 },
    );
    const hirer = await createOrganisation(centre.id, { name: "Familie Jansen", tier: "PRIVATE" });
    const person = await createUser({ name: "Jan Jansen" });
    await db().organisationMember.create({ data: { organisationId: hirer.id, userId: person.id } });

    const sessionId = `cs_test_${uniqueSuffix()}`;
    let returnPath = "";
    stripeEdge.use(
      answer("post", "/v1/checkout/sessions", (form) => {
        returnPath = new URL(form.get("success_url")!).pathname;
        return { id: sessionId, object: "checkout.session", url: `https://checkout.stripe.com/c/pay/${sessionId}` };
      }),
    );
    const { page, context } = session;
    await page.route("https://checkout.stripe.com/**", (route) =>
      route.fulfill({
        contentType: "text/html",
        body: `<!doctype html><html lang="en"><title>Stripe</title><main><h1>iDEAL</h1><a href="${app.baseUrl}${returnPath}">Pay</a></main></html>`,
      }),
    );
    const cookie = await sessionCookie(person.id);
    const split = cookie.indexOf("=");
    await context.addCookies([{ name: cookie.slice(0, split), value: cookie.slice(split + 1), url: app.baseUrl }]);

    await page.goto(
      `${app.baseUrl}/centres/${centre.slug}/book/new?roomId=${room.id}&date=2027-03-20&time=14:00&duration=120&people=20`,
    );
    await page.getByLabel("Naam van de activiteit").fill("Verjaardag");
    await page.getByRole("button", { name: "Bekijk de data en de prijs" }).click();
    await page.getByRole("button", { name: "Bevestig de reservering" }).click();
    await headingIs(page, "iDEAL");
    expect(page.url()).toBe(`https://checkout.stripe.com/c/pay/${sessionId}`);
    const booking = await db().booking.findFirstOrThrow({ where: { centreId: centre.id } });
    expect(booking.status).toBe("AWAITING_PAYMENT");

    await page.getByRole("link", { name: "Pay" }).click();
    await headingIs(page, "Nog niet betaald");

    const completed = signedEvent({
      id: `evt_${uniqueSuffix()}`,
      type: "checkout.session.completed",
      data: {
        object: {
          id: sessionId,
          object: "checkout.session",
          status: "complete",
          payment_status: "paid",
          payment_intent: `pi_${uniqueSuffix()}`,
        },
      },
    });
    const hook = await fetch(`${app.baseUrl}/webhooks/stripe/${centre.slug}`, {
      method: "POST",
      headers: { "Content-Type": "application/json", "Stripe-Signature": completed.header },
      body: completed.payload,
    });
    expect(hook.status).toBe(200);
    await page.reload();
    await headingIs(page, "Betaald");
    await shows(page.getByText("Uw reservering is bevestigd."));
    expect(await accessibilityViolations(page)).toEqual([]);
    expect((await db().booking.findUniqueOrThrow({ where: { id: booking.id } })).status).toBe("CONFIRMED");

    // Ten days before the date the centre's policy keeps half the price (7 to 13 days: 50%).
    const refunds: URLSearchParams[] = [];
    stripeEdge.use(
      answer(
        "post",
        "/v1/refunds",
        (form) => ({
          id: `re_${uniqueSuffix()}`,
          object: "refund",
          amount: Number(form.get("amount")),
          currency: "eur",
          payment_intent: form.get("payment_intent"),
          status: "succeeded",
        }),
        refunds,
      ),
    );
    await page.goto(`${app.baseUrl}/centres/${centre.slug}/my-bookings`);
    const card = page.locator(`#booking-${booking.id}`);
    await card.getByRole("link", { name: "Deze datum annuleren" }).click();
    await shows(page.getByText(/50%/));
    const paidCents = (await db().payment.aggregate({ where: { bookingId: booking.id }, _sum: { amountCents: true } }))
      ._sum.amountCents!;
    expect(paidCents).toBeGreaterThan(0);
    // a double click sends one cancellation and one refund
    await page.getByRole("button", { name: "Ja, annuleer" }).dblclick();
    await shows(page.getByRole("status").filter({ hasText: "Geannuleerd." }));
    expect(refunds).toHaveLength(1);
    const refundCents = paidCents - Math.round(paidCents / 2);
    expect(Number(refunds[0]!.get("amount"))).toBe(refundCents);

    const money = page.locator(`#booking-${booking.id}`);
    await shows(money.getByText(formatMoney(refundCents, "nl")));
    expect(await money.locator("dt", { hasText: "Terugbetaald" }).count()).toBe(1);
    const creditNoteLink = money.getByRole("link", { name: /^Creditnota .+ \(PDF\)$/ });
    await shows(creditNoteLink);
    const note = await download(page, creditNoteLink);
    expect(note.content.subarray(0, 5).toString()).toBe("%PDF-");
    const text = (await pdfText(note.content)).replace(/\s+/g, " ");
    expect(text).toContain("Creditnota");
    expect(text).toContain(formatMoney(refundCents, "nl").replace(/\s+/g, " "));
    expect(await accessibilityViolations(page)).toEqual([]);
  });
});
