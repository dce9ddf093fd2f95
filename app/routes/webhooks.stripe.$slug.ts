import type { ActionFunctionArgs } from "@remix-run/node";
import { receiveStripeWebhook } from "~/domain/money/stripe-webhooks.server";

/**
 * Stripe's webhook for one centre (a resource route: no page). The HTTP edge lets exactly this
 * path through from another origin and takes JSON here (app/server/); the body is read raw,
 * because the signature is over its exact bytes.
 */
export async function action({ request, params }: ActionFunctionArgs) {
  if (request.method !== "POST") return plain(405, "POST only.");
  const answer = await receiveStripeWebhook(
    params.slug ?? "",
    await request.text(),
    request.headers.get("stripe-signature"),
  );
  return plain(answer.status, answer.text);
}

export function loader() {
  return plain(405, "POST only.");
}

function plain(status: number, text: string) {
  return new Response(text, {
    status,
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
  });
}
