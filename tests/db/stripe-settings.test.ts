import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db/client.server";
import { paymentSettingsView, saveStripeSettings, stripeFor } from "~/domain/money/stripe.server";
import { decryptSecret } from "~/domain/money/secret-box.server";
import { DomainError } from "~/domain/shared/errors";
import { addMembership, createCentre, createUser } from "../../prisma/factories";
import { answer, listenToStripe, stripeEdge, TEST_SECRET_KEY, TEST_WEBHOOK_SECRET } from "../support/stripe-edge";

beforeAll(() => listenToStripe());
afterAll(() => stripeEdge.close());

async function admin() {
  const centre = await createCentre();
  const user = await createUser({ name: "Penningmeester" });
  await addMembership(user.id, centre.id, "ADMIN");
  return { centre, actor: { centreId: centre.id, actorId: user.id } };
}

describe("a centre's own Stripe account", () => {
  it("keeps the keys encrypted, shows only a hint, and talks to Stripe with them", async () => {
    const { centre, actor } = await admin();
    await saveStripeSettings(actor, {
      secretKey: TEST_SECRET_KEY,
      webhookSecret: TEST_WEBHOOK_SECRET,
      holdMinutes: 40,
    });
    const row = await db().centrePaymentSettings.findUniqueOrThrow({ where: { centreId: centre.id } });
    expect(JSON.stringify(row)).not.toContain(TEST_SECRET_KEY);
    expect(JSON.stringify(row)).not.toContain(TEST_WEBHOOK_SECRET);
    expect(await decryptSecret(row.secretKeyEncrypted)).toBe(TEST_SECRET_KEY);
    expect(await paymentSettingsView(centre.id)).toMatchObject({
      configured: true,
      keyHint: "sk_test_…0000",
      livemode: false,
      holdMinutes: 40,
    });

    const seen: URLSearchParams[] = [];
    stripeEdge.use(answer("get", "/v1/balance", () => ({ object: "balance", livemode: false, available: [] }), seen));
    const stripe = await stripeFor(centre.id);
    const balance = await stripe!.stripe.balance.retrieve();
    expect(balance.object).toBe("balance");
    expect(seen).toHaveLength(1);
  });

  it("an empty field keeps the saved secret; a wrong key is refused and nothing changes", async () => {
    const { centre, actor } = await admin();
    await saveStripeSettings(actor, {
      secretKey: TEST_SECRET_KEY,
      webhookSecret: TEST_WEBHOOK_SECRET,
      holdMinutes: 30,
    });
    await saveStripeSettings(actor, { secretKey: "", webhookSecret: "", holdMinutes: 45 });
    const kept = await stripeFor(centre.id);
    expect(kept?.webhookSecret).toBe(TEST_WEBHOOK_SECRET);
    expect(kept?.holdMinutes).toBe(45);
    const refused = await saveStripeSettings(actor, {
      secretKey: "pk_test_publishable",
      webhookSecret: "",
      holdMinutes: 30,
    }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(DomainError);
    expect((refused as DomainError).code).toBe("payments-secret-key-invalid");
    expect((await stripeFor(centre.id))?.holdMinutes).toBe(45);
  });

  it("a centre without keys has no Stripe client", async () => {
    const { centre } = await admin();
    expect(await stripeFor(centre.id)).toBeNull();
  });

  it("an altered ciphertext is refused", async () => {
    const { centre, actor } = await admin();
    await saveStripeSettings(actor, {
      secretKey: TEST_SECRET_KEY,
      webhookSecret: TEST_WEBHOOK_SECRET,
      holdMinutes: 30,
    });
    const row = await db().centrePaymentSettings.findUniqueOrThrow({ where: { centreId: centre.id } });
    const parts = row.secretKeyEncrypted.split(".");
    parts[3] = Buffer.from("sk_test_someoneelse").toString("base64url");
    await expect(decryptSecret(parts.join("."))).rejects.toThrow();
  });
});
