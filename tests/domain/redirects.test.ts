import { describe, expect, it } from "vitest";
import { safeRedirect } from "~/auth/redirects";

/** Where a browser would really go with `Location: <path>` on our origin. */
function whereABrowserGoes(path: string): string {
  return new URL(path, "https://rooster.example.nl/login/verify").origin;
}

describe("safeRedirect", () => {
  it("keeps a path of our own, with its query and fragment", () => {
    expect(safeRedirect("/manage/de-wilg/bookings?date=2026-05-01#top")).toBe(
      "/manage/de-wilg/bookings?date=2026-05-01#top",
    );
    expect(safeRedirect("/")).toBe("/");
  });

  it("gives the normalised form, percent-encoded so it is always a valid header value", () => {
    expect(safeRedirect("/manage/a/../b")).toBe("/manage/b");
    expect(safeRedirect("/agenda?q=café €")).toBe("/agenda?q=caf%C3%A9%20%E2%82%AC");
    expect(safeRedirect("/zaal €")).toBe("/zaal%20%E2%82%AC");
  });

  const hostile = [
    "//evil.example/x",
    "///evil.example/x",
    "/\\evil.example/x",
    "\\\\evil.example/x",
    "/\t/evil.example/x",
    "/%09/evil.example/x",
    "/%2509/evil.example/x",
    "/\n/evil.example/x",
    "/\r\n/evil.example/x",
    "/%0d%0a/evil.example/x",
    "/a\r\nSet-Cookie: x=1",
    "/\u0000/evil.example",
    "/%00",
    "/%2F/evil.example/x",
    "/%2f%2fevil.example",
    "/%5Cevil.example",
    "/%255C%255Cevil.example",
    "/a/..//evil.example/x",
    "/a/%2e%2e//evil.example/x",
    "/./\t/evil.example",
    "/\u0085/evil.example",
    "https://evil.example/x",
    "http:/evil.example",
    "javascript:alert(1)",
    " /x",
    "evil.example",
    "",
    "/%E0%A4%A",
    `/${"a".repeat(2001)}`,
  ];

  it.each(hostile)("refuses %j and gives the fallback", (target) => {
    expect(safeRedirect(target, "/fallback")).toBe("/fallback");
  });

  it("never leads a browser to another origin, whatever it is given", () => {
    for (const target of hostile) {
      expect(whereABrowserGoes(safeRedirect(target))).toBe("https://rooster.example.nl");
    }
  });

  it("refuses what is not a string", () => {
    expect(safeRedirect(undefined, "")).toBe("");
    expect(safeRedirect(null)).toBe("/");
    expect(safeRedirect(["/a"])).toBe("/");
  });
});
