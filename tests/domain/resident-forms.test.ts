import { describe, expect, it } from "vitest";
import { companionSchema, emailKey, phoneKey, signupSchema } from "~/domain/residents/forms";

const DATE = "0b7b3f7e-8c1a-4f57-9a52-6a1d2f0c9e11";
// Every rendered form carries its own key, so a second sending does its work once.
const KEY = { submissionKey: "5d1c2a9e-3f4b-4c6d-8e7f-9a0b1c2d3e4f" };
const errorsOf = (input: Record<string, unknown>) => {
  const result = signupSchema.safeParse({ ...KEY, ...input });
  return result.success
    ? {}
    : Object.fromEntries(result.error.issues.map((issue) => [issue.path.join("."), issue.message]));
};

describe("the sign-up form", () => {
  it("accepts a name with an email address or a phone number", () => {
    expect(
      signupSchema.safeParse({ ...KEY, occurrenceId: DATE, name: " Ria Kok ", email: "ria@voorbeeld.nl" }).data?.name,
    ).toBe("Ria Kok");
    expect(signupSchema.safeParse({ ...KEY, occurrenceId: DATE, name: "Ria", phone: "06 12345678" }).success).toBe(
      true,
    );
    expect(
      signupSchema.safeParse({ ...KEY, occurrenceId: DATE, name: "Jan-Willem d'Ancona", phone: "+31 6 1234 5678" })
        .success,
    ).toBe(true);
  });

  it("asks for one way to reach the person, next to the email field", () => {
    expect(errorsOf({ occurrenceId: DATE, name: "Ria" })).toEqual({ email: "agenda.form.contactRequired" });
  });

  it("an empty form says at once that the name and a way to reach the person are missing", () => {
    expect(errorsOf({ occurrenceId: DATE })).toEqual({
      name: "agenda.form.nameRequired",
      email: "agenda.form.contactRequired",
    });
  });

  it("refuses a 5,000-character name with a message that says how long it may be", () => {
    expect(errorsOf({ occurrenceId: DATE, name: "a".repeat(5000), email: "a@b.nl" })).toEqual({
      name: "agenda.form.nameTooLong",
    });
  });

  it("refuses script in the name", () => {
    expect(errorsOf({ occurrenceId: DATE, name: "<script>alert(1)</script>", email: "a@b.nl" })).toEqual({
      name: "agenda.form.nameInvalid",
    });
  });

  it("refuses a missing date, a bad email address and a phone number without enough digits", () => {
    expect(errorsOf({ name: "Ria", email: "ria@", phone: "12" })).toEqual({
      occurrenceId: "agenda.form.chooseDate",
      email: "agenda.form.emailInvalid",
      phone: "agenda.form.phoneInvalid",
    });
  });

  it("a company request may leave the date open but not the message too long", () => {
    expect(companionSchema.safeParse({ ...KEY, name: "Annie", phone: "0612345678" }).success).toBe(true);
    expect(
      companionSchema.safeParse({ ...KEY, name: "Annie", phone: "0612345678", message: "x".repeat(1001) }).success,
    ).toBe(false);
  });

  it("refuses a form without its key with the message that the form has expired", () => {
    expect(
      signupSchema.safeParse({ occurrenceId: DATE, name: "Ria", email: "ria@voorbeeld.nl" }).error?.issues[0]?.message,
    ).toBe("forms.expired");
  });

  it("one person is one key, however the address or number is written", () => {
    expect(emailKey(" Ria@Voorbeeld.NL ")).toBe(emailKey("ria@voorbeeld.nl"));
    expect(phoneKey("+31 6 1234 5678")).toBe(phoneKey("06-12345678"));
    expect(phoneKey("0031612345678")).toBe(phoneKey("(06) 1234 5678"));
    expect(phoneKey("06 12345678")).not.toBe(phoneKey("06 12345679"));
  });
});
