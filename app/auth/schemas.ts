import { z } from "zod";

/** Shared by the sign-in form (browser) and its action (server); messages are catalogue keys. */
export const signInSchema = z.object({
  email: z.email({ error: "signIn.invalidEmail" }).max(254, { error: "signIn.invalidEmail" }),
  redirectTo: z.string().max(500).optional(),
});
