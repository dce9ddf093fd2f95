import { data, redirect } from "@remix-run/node";
import {
  removePaymentSettingsSchema,
  paymentSettingsSchema,
  SECRET_FIELDS,
} from "~/domain/money/payment-settings-form";
import { removeStripeSettings, saveStripeSettings } from "~/domain/money/stripe.server";
import type { Actor } from "~/domain/shared/actor";
import { answerForm } from "~/lib/form-action.server";
import type { RefusalWords } from "~/lib/messages";

type Reply = Parameters<NonNullable<Parameters<typeof answerForm>[1]["back"]>>[0];

/** A reply without what was typed in the secret fields: a refused form never shows a key again. */
function withoutSecrets(reply: Reply, init: ResponseInit) {
  const initialValue = reply.initialValue ? { ...reply.initialValue } : reply.initialValue;
  for (const field of SECRET_FIELDS) if (initialValue) delete initialValue[field];
  return data({ ...reply, initialValue }, init);
}

const WORDS: RefusalWords = {
  "payments-no-encryption-key": { key: "payments.refusal.payments-no-encryption-key" },
  "payments-keys-required": { key: "payments.refusal.payments-keys-required" },
  "payments-secret-key-invalid": { key: "payments.refusal.payments-secret-key-invalid", field: "secretKey" },
  "payments-webhook-secret-invalid": {
    key: "payments.refusal.payments-webhook-secret-invalid",
    field: "webhookSecret",
  },
  "payments-hold-minutes-invalid": { key: "payments.refusal.payments-hold-minutes-invalid", field: "holdMinutes" },
};

/** Saves the centre's keys and hold minutes, or removes the keys; back to the page with "saved" or "removed". */
export function answerPaymentSettings(actor: Actor, slug: string, formData: FormData) {
  const page = `/manage/${slug}/settings/payments`;
  if (formData.get("intent") === "remove")
    return answerForm(formData, {
      schema: removePaymentSettingsSchema,
      work: () => removeStripeSettings(actor),
      done: () => redirect(`${page}?removed=1`),
      back: withoutSecrets,
    });
  return answerForm(formData, {
    schema: paymentSettingsSchema,
    work: (value) => saveStripeSettings(actor, value),
    done: () => redirect(`${page}?saved=1`),
    words: WORDS,
    back: withoutSecrets,
  });
}
