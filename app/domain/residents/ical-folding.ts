/**
 * Line folding of iCalendar text (RFC 5545 §3.1), byte for byte as ical-generator folds it: a
 * line longer than 74 bytes of UTF-8 is broken before the character that would pass 74, and
 * each continuation starts with a space (so it holds at most 75 bytes with the space). A
 * character is never split, a surrogate pair neither.
 *
 * Why our own: ical-generator 9 and 10 (11 needs Node 22) create a TextEncoder for every
 * character of the calendar, which made one 235 KB feed cost ~200 ms of CPU. This does the
 * same in one pass, counting bytes from the UTF-16 code units. See docs/decisions/100-public-caching.md.
 */
export function foldLines(text: string): string {
  return text.split("\r\n").map(foldLine).join("\r\n");
}

const MAX_LINE_BYTES = 74;

function foldLine(line: string): string {
  // Most lines are short: a line of n UTF-16 units has at most 3n bytes.
  if (line.length * 3 <= MAX_LINE_BYTES) return line;
  const parts: string[] = [];
  let partStart = 0;
  let bytes = 0;
  for (let i = 0; i < line.length; i++) {
    const start = i;
    let size = utf8Size(line.charCodeAt(i));
    // A high surrogate goes with the unit after it, whatever that is (as ical-generator does).
    if (size === 0) {
      i += 1;
      size =
        i < line.length && isLowSurrogate(line.charCodeAt(i))
          ? 4
          : 3 + (i < line.length ? utf8Size(line.charCodeAt(i)) || 3 : 0);
    }
    bytes += size;
    if (bytes > MAX_LINE_BYTES) {
      parts.push(line.slice(partStart, start));
      partStart = start;
      bytes = size;
    }
  }
  parts.push(line.slice(partStart));
  return parts.join("\r\n ");
}

/** UTF-8 bytes of one UTF-16 unit; 0 for a high surrogate (its size depends on the next unit). */
function utf8Size(unit: number): number {
  if (unit < 0x80) return 1;
  if (unit < 0x800) return 2;
  if (unit >= 0xd800 && unit <= 0xdbff) return 0;
  return 3; // the rest of the BMP; a lone low surrogate becomes U+FFFD, also 3 bytes
}

function isLowSurrogate(unit: number): boolean {
  return unit >= 0xdc00 && unit <= 0xdfff;
}
