import { describe, expect, it } from "vitest";
import { comesFromAnotherOrigin } from "~/server/same-origin";

const APP_URL = "https://rooster.example.nl";
const from = (headers: Record<string, string>) =>
  comesFromAnotherOrigin({ host: "rooster.example.nl", ...headers }, APP_URL);

describe("whether a state-changing request comes from another origin", () => {
  it("our own origin, by APP_URL or by the Host the request was sent to, is ours", () => {
    expect(from({ origin: "https://rooster.example.nl" })).toBe(false);
    expect(comesFromAnotherOrigin({ host: "127.0.0.1:3000", origin: "https://rooster.example.nl" }, APP_URL)).toBe(
      false,
    );
    expect(comesFromAnotherOrigin({ host: "localhost:3000", origin: "http://localhost:3000" }, APP_URL)).toBe(false);
    expect(
      comesFromAnotherOrigin(
        { host: "127.0.0.1:3000", "x-forwarded-host": "rooster.example.nl", origin: "https://rooster.example.nl" },
        "http://localhost:3000",
      ),
    ).toBe(false);
  });

  it("a host name compares without case, a default port as no port", () => {
    expect(
      comesFromAnotherOrigin(
        { host: "Rooster.Example.NL:443", origin: "https://rooster.example.nl" },
        "http://localhost:3000",
      ),
    ).toBe(false);
  });

  it("another site, another port, a look-alike host, Origin: null and other schemes are not ours", () => {
    for (const origin of [
      "https://evil.example",
      "https://rooster.example.nl:8443",
      "https://rooster.example.nl.evil.example",
      "https://evil.example#rooster.example.nl",
      "null",
      "file://",
      "chrome-extension://rooster.example.nl",
      "",
    ]) {
      expect(from({ origin }), origin).toBe(true);
    }
  });

  it("without Origin: Sec-Fetch-Site cross-site or same-site is refused, same-origin and none pass", () => {
    expect(from({ "sec-fetch-site": "cross-site" })).toBe(true);
    expect(from({ "sec-fetch-site": "same-site" })).toBe(true);
    expect(from({ "sec-fetch-site": "same-origin" })).toBe(false);
    expect(from({ "sec-fetch-site": "none" })).toBe(false);
  });

  it("without Origin and Sec-Fetch-Site, the Referer decides", () => {
    expect(from({ referer: "https://evil.example/page" })).toBe(true);
    expect(from({ referer: "https://rooster.example.nl/manage/x" })).toBe(false);
  });

  it("a request with none of the three is no web page and passes (decision 072)", () => {
    expect(from({})).toBe(false);
  });
});
