import { http, HttpResponse, type HttpHandler } from "msw";
import { setupServer } from "msw/node";
import Stripe from "stripe";

/**
 * Stripe at the network edge: MSW answers the HTTP calls the real SDK makes to api.stripe.com
 * (never a fake of our modules or of the SDK), and webhook bodies are signed the way Stripe
 * signs them. Tests add handlers per case with `stripeEdge.use(...)`; a call nobody answers
 * fails the test (onUnhandledRequest: "error" for api.stripe.com only).
 */

export const STRIPE_API = "https://api.stripe.com";
export const TEST_SECRET_KEY = "sk_test_51BuurtroosterTestKey000000000000";
export const TEST_WEBHOOK_SECRET = "whsec_buurtroosterTestSigningSecret0000";

export const stripeEdge = setupServer();

/** Start intercepting; other hosts (the test's own app, PostgreSQL) pass through. */
export function listenToStripe() {
  stripeEdge.listen({
    onUnhandledRequest: (request, print) => {
      if (new URL(request.url).hostname === "api.stripe.com") print.error();
    },
  });
}

/** The form body the SDK sent (Stripe's API takes application/x-www-form-urlencoded). */
export async function formOf(request: Request): Promise<URLSearchParams> {
  return new URLSearchParams(await request.text());
}

/** A handler answering `method path` with `body` (JSON), recording each request's form. */
export function answer(
  method: "get" | "post",
  path: string,
  body: (form: URLSearchParams, params: Record<string, string>) => unknown,
  seen: URLSearchParams[] = [],
): HttpHandler {
  return http[method](`${STRIPE_API}${path}`, async ({ request, params }) => {
    const form = method === "post" ? await formOf(request) : new URL(request.url).searchParams;
    seen.push(form);
    return HttpResponse.json(body(form, params as Record<string, string>) as Record<string, unknown>);
  });
}

/** A webhook body and its Stripe-Signature header, signed at `timestamp` (seconds). */
export function signedEvent(
  event: { id: string; type: string; data: { object: unknown }; created?: number },
  options: { secret?: string; timestamp?: number } = {},
) {
  const payload = JSON.stringify({ object: "event", api_version: "2025-01-01", livemode: false, created: 0, ...event });
  const header = Stripe.webhooks.generateTestHeaderString({
    payload,
    secret: options.secret ?? TEST_WEBHOOK_SECRET,
    timestamp: options.timestamp,
  });
  return { payload, header };
}
