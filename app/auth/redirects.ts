/**
 * Where a `redirectTo` may lead: a path of our own origin, never another site.
 *
 * Browsers forgive a lot in a Location header: they drop tabs and newlines anywhere, read a
 * backslash as a slash and "//host" as another site, so "/\t/evil.example" ends up at
 * evil.example. A target is therefore refused when it, or any percent-decoding of it, holds
 * a control character or a backslash or starts with "//"; what is left is normalised by the
 * URL parser against a made-up origin and must stay on that origin and start with one slash.
 * The answer is the normalised form (percent-encoded, so it is always a valid header value).
 */

const OWN = "http://buurtrooster.invalid";
/** C0 and C1 control characters, DEL, the backslash. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const FORBIDDEN = /[\u0000-\u001F\u007F-\u009F\\]/;
const MAX_LENGTH = 2000;
/** More layers of percent-encoding than this is no real link. */
const MAX_DECODINGS = 3;

export function safeRedirect(target: unknown, fallback = "/"): string {
  if (typeof target !== "string" || target.length === 0 || target.length > MAX_LENGTH) return fallback;
  const forms = decodings(target);
  if (!forms || forms.some((form) => FORBIDDEN.test(form) || !form.startsWith("/") || form.startsWith("//"))) {
    return fallback;
  }
  let url: URL;
  try {
    url = new URL(target, OWN);
  } catch {
    return fallback;
  }
  const path = `${url.pathname}${url.search}${url.hash}`;
  // "/a/..//evil" and "/%2e%2e//evil" only become "//evil" after normalisation.
  if (url.origin !== OWN || !path.startsWith("/") || path.startsWith("//")) return fallback;
  return path;
}

/** The value and each stage of percent-decoding it, or undefined when it does not decode cleanly. */
function decodings(value: string): string[] | undefined {
  const forms = [value];
  for (let layer = 0; layer <= MAX_DECODINGS; layer++) {
    let decoded: string;
    try {
      decoded = decodeURIComponent(forms[forms.length - 1]!);
    } catch {
      return undefined;
    }
    if (decoded === forms[forms.length - 1]) return forms;
    forms.push(decoded);
  }
  return undefined;
}
