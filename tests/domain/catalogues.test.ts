import { parse, TYPE, type MessageFormatElement } from "@formatjs/icu-messageformat-parser";
import { describe, expect, it } from "vitest";
import { keysOf, lookup } from "~/i18n/catalogue";
import { en } from "~/i18n/en";
import { nl } from "~/i18n/nl";

function placeholders(elements: MessageFormatElement[]): string[] {
  return elements.flatMap((element) => {
    if (element.type === TYPE.literal || element.type === TYPE.pound) return [];
    const own = "value" in element && typeof element.value === "string" ? [element.value] : [];
    const nested =
      "options" in element ? Object.values(element.options).flatMap((option) => placeholders(option.value)) : [];
    return [...own, ...nested];
  });
}

describe("message catalogues", () => {
  it("Dutch and English have exactly the same keys", () => {
    expect(keysOf(en).sort()).toEqual(keysOf(nl).sort());
  });

  it("no message is empty in either language", () => {
    for (const [name, catalogue] of Object.entries({ nl, en })) {
      const empty = keysOf(catalogue).filter((key) => !lookup(catalogue, key)?.trim());
      expect(empty, `${name} has empty messages`).toEqual([]);
    }
  });

  it("every message is valid ICU and uses the same placeholders in both languages", () => {
    for (const key of keysOf(nl)) {
      const dutch = new Set(placeholders(parse(lookup(nl, key)!)));
      const english = new Set(placeholders(parse(lookup(en, key)!)));
      expect([...english].sort(), key).toEqual([...dutch].sort());
    }
  });
});
