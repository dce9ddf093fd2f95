import { describe, expect, it } from "vitest";
import { db } from "~/db/client.server";
import { LINK_LIFETIME_MINUTES, redeemSignInLink, requestSignInLink } from "~/auth/sign-in-links.server";
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
});
