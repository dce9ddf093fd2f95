import { z } from "zod";

/**
 * Text that other people read (names of residents, contacts, organisations, titles). Unicode's
 * bidirectional controls (U+202A–U+202E, U+2066–U+2069, and the marks U+200E, U+200F, U+061C)
 * can make a name read backwards or hide what follows it ("Ria\u202Egnirts" shows as "Riastring"
 * reversed), so they are taken out before anything else is checked.
 */
const BIDI_CONTROLS = /\p{Bidi_Control}/gu;

export function stripBidiControls(text: string): string {
  return text.replace(BIDI_CONTROLS, "");
}

/** A required name or title shown to others: bidi controls removed, trimmed, `min`..`max` characters; one message for all. */
export function shownText(options: { min: number; max: number; error: string }) {
  const error = { error: options.error };
  return z.string(error).overwrite(stripBidiControls).trim().min(options.min, error).max(options.max, error);
}

/** An optional text shown to others (empty when left out). */
export function optionalShownText(max: number, error: string) {
  return z.string().overwrite(stripBidiControls).trim().max(max, { error }).optional().default("");
}
