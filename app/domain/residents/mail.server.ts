/**
 * Emails to residents and volunteers about sign-ups and company requests are written like
 * every email (app/email/compose.server.ts). Their kinds start with "signup-" or "companion-":
 * the privacy job removes them after the centre's retention period (see
 * app/domain/personal-data.server.ts).
 */

export const RESIDENT_EMAIL_KINDS = {
  signupConfirmed: "signup-confirmed",
  signupWaitlisted: "signup-waitlisted",
  signupPromoted: "signup-promoted",
  signupCancelled: "signup-cancelled",
  signupDateCancelled: "signup-date-cancelled",
  companionReceived: "companion-received",
  companionNew: "companion-new",
  companionTaken: "companion-taken",
} as const;
