import { describe, expect, it } from "vitest";
import { db } from "~/db/client.server";
import {
  LINK_LIFETIME_MINUTES,
  MAX_LIVE_LINKS,
  redeemSignInLink,
  requestSignInLink,
} from "~/auth/sign-in-links.server";
import { settleBackgroundWork } from "~/lib/background.server";
import { clock } from "~/lib/clock";
import { RATE_LIMITS } from "~/lib/rate-limits.server";
import { action as signInAction } from "~/routes/login";
import { createUser } from "../../prisma/factories";

async function latestLinkFor(email: string) {
  const message = await db().emailMessage.findFirst({ where: { toAddress: email }, orderBy: { createdAt: "desc" } });
  const token = /token=([A-Za-z0-9_-]+)/.exec(message?.textBody ?? "")?.[1];
  return { message, token };
}

describe("passwordless sign-in", () => {
  it("a known address gets a single-use link in the outbox, in the asker's language", async () => {
    const user = await createUser({ name: "Marieke" });
    expect(await requestSignInLink({ email: user.email.toUpperCase(), locale: "en" })).toBe(true);
    const { message, token } = await latestLinkFor(user.email);
    expect(message?.subject).toBe("Your sign-in link for Buurtrooster");
    expect(message?.textBody).toContain("Hello Marieke");
    expect(message?.htmlBody).toContain(`/login/verify?token=${token}`);
    expect(message?.status).toBe("PENDING");
    const stored = await db().loginToken.findFirst({ where: { userId: user.id } });
    expect(stored?.tokenHash).not.toContain(token!); // only the hash is stored
  });

  it("an unknown address gets nothing, and the caller cannot tell", async () => {
    const before = await db().emailMessage.count();
    expect(await requestSignInLink({ email: "niemand@voorbeeld.example", locale: "nl" })).toBe(false);
    expect(await db().emailMessage.count()).toBe(before);
  });

  it("a link works once", async () => {
    const user = await createUser();
    await requestSignInLink({ email: user.email, locale: "nl", redirectTo: "/manage/x" });
    const { token } = await latestLinkFor(user.email);
    expect(await redeemSignInLink(token!)).toEqual({ userId: user.id, redirectTo: "/manage/x" });
    expect(await redeemSignInLink(token!)).toBeUndefined();
  });

  it(`a link expires after ${LINK_LIFETIME_MINUTES} minutes`, async () => {
    const user = await createUser();
    const asked = new Date("2026-05-01T10:00:00Z");
    await requestSignInLink({ email: user.email, locale: "nl", now: asked });
    const { token } = await latestLinkFor(user.email);
    expect(
      await redeemSignInLink(token!, new Date(asked.getTime() + (LINK_LIFETIME_MINUTES * 60 + 1) * 1000)),
    ).toBeUndefined();
  });

  it("two clicks at the same moment sign in once", async () => {
    const user = await createUser();
    await requestSignInLink({ email: user.email, locale: "nl" });
    const { token } = await latestLinkFor(user.email);
    const results = await Promise.all([redeemSignInLink(token!), redeemSignInLink(token!), redeemSignInLink(token!)]);
    expect(results.filter(Boolean)).toHaveLength(1);
  });

  it("a made-up token is refused", async () => {
    expect(await redeemSignInLink("x".repeat(43))).toBeUndefined();
    expect(await redeemSignInLink("<script>")).toBeUndefined();
  });

  it("many requests for one address send a few emails and leave at most a few working links", async () => {
    const user = await createUser();
    const before = await db().emailMessage.count({ where: { toAddress: user.email } });
    for (let request = 0; request < 20; request++) await requestSignInLink({ email: user.email, locale: "nl" });
    expect(await db().emailMessage.count({ where: { toAddress: user.email } })).toBe(
      before + RATE_LIMITS.signInEmailsPerAddress.points,
    );
    const live = await db().loginToken.count({
      where: { userId: user.id, usedAt: null, expiresAt: { gt: clock.now() } },
    });
    expect(live).toBe(MAX_LIVE_LINKS);
  });

  it("a newer link ends the oldest working one, and the newest ones still work", async () => {
    const user = await createUser();
    const tokens: string[] = [];
    for (let request = 0; request <= MAX_LIVE_LINKS; request++) {
      await requestSignInLink({ email: user.email, locale: "nl" });
      tokens.push((await latestLinkFor(user.email)).token!);
    }
    expect(await redeemSignInLink(tokens[0]!)).toBeUndefined();
    expect(await redeemSignInLink(tokens.at(-1)!)).toMatchObject({ userId: user.id });
  });

  it("the sign-in page answers before it looks the address up: the link is made after the answer", async () => {
    const user = await createUser();
    const form = new URLSearchParams({ email: user.email });
    const request = new Request("http://localhost/login", {
      method: "POST",
      body: form,
      headers: {
        "Content-Type": "application/x-www-form-urlencoded",
        "X-Forwarded-For": `198.51.100.${Math.floor(Math.random() * 250)}`,
      },
    });
    const answer = await signInAction({ request, params: {}, context: { requestId: "test", cspNonce: "x" } });
    expect((answer as Response).status).toBe(302);
    expect(await db().loginToken.count({ where: { userId: user.id } })).toBe(0);
    await settleBackgroundWork();
    expect(await db().loginToken.count({ where: { userId: user.id } })).toBe(1);
  });
});
