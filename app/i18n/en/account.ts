import type { MessagesOf } from "../catalogue";
import type { account as accountNl } from "../nl/account";

/** One's own account: details, signing out, signing out everywhere. */
export const account: MessagesOf<typeof accountNl> = {
  title: "My account",
  intro: "This is the address you are signed in with.",
  name: "Name",
  email: "Email address",
  sessionsTitle: "Where you are signed in",
  sessions:
    "You are signed in on {count, plural, one {# device or browser} other {# devices or browsers}}. After {idle} days without use you are signed out, and always after {lifetime} days.",
  signOut: "Sign out on this device",
  signOutEverywhereIntro:
    "Are you signed in somewhere others can get at, or have you lost a phone? Then sign out everywhere.",
  signOutEverywhere: "Sign out everywhere",
  signedOutEverywhere: "You have been signed out everywhere.",
};
