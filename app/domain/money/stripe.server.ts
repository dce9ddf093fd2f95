import Stripe from "stripe";
import { db, transaction } from "~/db/client.server";
import { logWarn } from "~/lib/log.server";
import { recordAudit } from "../shared/audit.server";
import type { Actor } from "../shared/actor";
import { DomainError } from "../shared/errors";
import { canEncrypt, decryptSecret, encryptSecret } from "./secret-box.server";

/**
 * Each centre is paid into its own Stripe account: the centre's admin saves the account's
 * secret (or restricted) key and the signing secret of the webhook endpoint that Stripe calls
 * for this centre. Both are encrypted at rest and never shown again; the page shows a hint
 * ("sk_test_…4242"). Without keys a centre works as before: payments are registered by hand.
 * See docs/decisions/090-payments-per-centre-keys.md.
 */

export interface CentreStripe {
  stripe: Stripe;
  webhookSecret: string;
  livemode: boolean;
  holdMinutes: number;
}

/** Stripe Checkout sessions expire 30 minutes to 24 hours after they are made (decision 091). */
const HOLD_MINUTES = { min: 30, max: 120 };

const SECRET_KEY = /^(sk|rk)_(test|live)_[A-Za-z0-9]{10,}$/;
const WEBHOOK_SECRET = /^whsec_[A-Za-z0-9+/=]{10,}$/;

/** A Stripe client for a key; API calls go to api.stripe.com (tests intercept them at the network edge). */
function stripeClient(secretKey: string): Stripe {
  return new Stripe(secretKey, { maxNetworkRetries: 2, timeout: 20_000, appInfo: { name: "Buurtrooster" } });
}

/**
 * Runs a call to Stripe; when Stripe cannot be reached or refuses, the person gets a plain
 * refusal (502, nothing paid) instead of a 500, and the cause goes to the log with the request.
 */
export async function callStripe<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (error instanceof Stripe.errors.StripeError) {
      logWarn("Stripe refused or could not be reached.", {
        type: error.type,
        code: error.code,
        message: error.message,
      });
      throw new DomainError("payments-provider-failed", `Stripe: ${error.message}`, {}, 502);
    }
    throw error;
  }
}

/** The centre's Stripe account, or null when the centre has not set one up (manual payments only). */
export async function stripeFor(centreId: string): Promise<CentreStripe | null> {
  const settings = await db().centrePaymentSettings.findUnique({ where: { centreId } });
  if (!settings) return null;
  const [secretKey, webhookSecret] = await Promise.all([
    decryptSecret(settings.secretKeyEncrypted),
    decryptSecret(settings.webhookSecretEncrypted),
  ]);
  return {
    stripe: stripeClient(secretKey),
    webhookSecret,
    livemode: settings.livemode,
    holdMinutes: settings.holdMinutes,
  };
}

/** What the settings page shows: whether keys are saved, their hint, test or live, the hold time. */
export async function paymentSettingsView(centreId: string) {
  const settings = await db().centrePaymentSettings.findUnique({ where: { centreId } });
  return {
    configured: Boolean(settings),
    keyHint: settings?.keyHint ?? null,
    livemode: settings?.livemode ?? false,
    holdMinutes: settings?.holdMinutes ?? 30,
    canEncrypt: canEncrypt(),
  };
}

export interface StripeSettingsInput {
  /** empty: keep the saved key */
  secretKey: string;
  /** empty: keep the saved signing secret */
  webhookSecret: string;
  holdMinutes: number;
}

/** "sk_test_…4242": enough to recognise a key, nothing to use it with. */
function keyHint(secretKey: string): string {
  const prefix = secretKey.split("_").slice(0, 2).join("_");
  return `${prefix}_…${secretKey.slice(-4)}`;
}

/** Saves (or replaces) the centre's keys, encrypted; an empty field keeps what was saved. */
export async function saveStripeSettings(actor: Actor, input: StripeSettingsInput) {
  if (!canEncrypt())
    throw new DomainError("payments-no-encryption-key", "PAYMENTS_ENCRYPTION_KEY is not set.", {}, 409);
  if (
    !Number.isInteger(input.holdMinutes) ||
    input.holdMinutes < HOLD_MINUTES.min ||
    input.holdMinutes > HOLD_MINUTES.max
  )
    throw new DomainError("payments-hold-minutes-invalid", "A slot is held from 30 to 120 minutes.", HOLD_MINUTES);
  const existing = await db().centrePaymentSettings.findUnique({ where: { centreId: actor.centreId } });
  const secretKey = input.secretKey.trim();
  const webhookSecret = input.webhookSecret.trim();
  if (!existing && (!secretKey || !webhookSecret))
    throw new DomainError("payments-keys-required", "Both the secret key and the webhook signing secret are needed.");
  if (secretKey && !SECRET_KEY.test(secretKey))
    throw new DomainError("payments-secret-key-invalid", "That is not a Stripe secret key (sk_… or rk_…).");
  if (webhookSecret && !WEBHOOK_SECRET.test(webhookSecret))
    throw new DomainError("payments-webhook-secret-invalid", "That is not a webhook signing secret (whsec_…).");
  const data = {
    ...(secretKey
      ? {
          secretKeyEncrypted: await encryptSecret(secretKey),
          keyHint: keyHint(secretKey),
          livemode: secretKey.includes("_live_"),
        }
      : {}),
    ...(webhookSecret ? { webhookSecretEncrypted: await encryptSecret(webhookSecret) } : {}),
    holdMinutes: input.holdMinutes,
    updatedById: actor.actorId,
  };
  return transaction(async (tx) => {
    const saved = existing
      ? await tx.centrePaymentSettings.update({ where: { centreId: actor.centreId }, data })
      : await tx.centrePaymentSettings.create({
          data: {
            centreId: actor.centreId,
            secretKeyEncrypted: data.secretKeyEncrypted!,
            webhookSecretEncrypted: data.webhookSecretEncrypted!,
            keyHint: data.keyHint!,
            livemode: data.livemode ?? false,
            holdMinutes: input.holdMinutes,
            updatedById: actor.actorId,
          },
        });
    await recordAudit(tx, {
      centreId: actor.centreId,
      actorId: actor.actorId,
      entityType: "centre",
      entityId: actor.centreId,
      action: "payment-settings-saved",
      details: { keyHint: saved.keyHint, livemode: saved.livemode, keyReplaced: Boolean(secretKey) },
    });
    return saved;
  });
}

/** Removes the centre's keys: from then on payments are registered by hand again. */
export async function removeStripeSettings(actor: Actor) {
  return transaction(async (tx) => {
    await tx.centrePaymentSettings.deleteMany({ where: { centreId: actor.centreId } });
    await recordAudit(tx, {
      centreId: actor.centreId,
      actorId: actor.actorId,
      entityType: "centre",
      entityId: actor.centreId,
      action: "payment-settings-removed",
    });
  });
}
