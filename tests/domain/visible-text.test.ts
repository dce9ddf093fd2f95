import { describe, expect, it } from "vitest";
import { registrationSchema } from "~/domain/bookings/form";
import { companionSchema, signupSchema } from "~/domain/residents/forms";
import { stripBidiControls } from "~/domain/shared/visible-text";

const KEY = { submissionKey: "5d1c2a9e-3f4b-4c6d-8e7f-9a0b1c2d3e4f" };
const DATE = "0b7b3f7e-8c1a-4f57-9a52-6a1d2f0c9e11";
// U+202E (right-to-left override) makes "Ria\u202Egnirts" read as "Riastring" backwards
const RLO = "\u202E";

describe("names other people read", () => {
  it("lose every bidirectional control character and keep everything else", () => {
    const controls = "\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069\u200E\u200F\u061C";
    expect(stripBidiControls(`Ri${controls}a Kök`)).toBe("Ria Kök");
    expect(stripBidiControls("مركز الحي")).toBe("مركز الحي");
  });

  it("a sign-up name with a right-to-left override is stored without it", () => {
    const parsed = signupSchema.parse({
      ...KEY,
      occurrenceId: DATE,
      name: `Ria${RLO}gnirts`,
      email: "ria@voorbeeld.nl",
    });
    expect(parsed.name).toBe("Riagnirts");
  });

  it("a companion request's name and message lose the override", () => {
    const parsed = companionSchema.parse({ ...KEY, name: `${RLO}Jan`, phone: "0612345678", message: `hoi${RLO}olleh` });
    expect([parsed.name, parsed.message]).toEqual(["Jan", "hoiolleh"]);
  });

  it("an organisation's name and contact name lose the isolates and overrides", () => {
    const parsed = registrationSchema.parse({
      name: "Repair\u2067 Café\u2069",
      tier: "RESIDENT_INITIATIVE",
      contactName: `Bram${RLO} Jonker`,
      email: "bram@voorbeeld.nl",
    });
    expect([parsed.name, parsed.contactName]).toEqual(["Repair Café", "Bram Jonker"]);
  });

  it("a name of only control characters counts as empty", () => {
    expect(signupSchema.safeParse({ ...KEY, occurrenceId: DATE, name: `${RLO}\u2066`, email: "a@b.nl" }).success).toBe(
      false,
    );
  });
});
