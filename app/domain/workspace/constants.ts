import type { CentreRole, PaymentMethod } from "~/generated/prisma/enums";

/**
 * Values the workspace's forms share between the browser and the server (the *.server.ts
 * modules never reach the browser, so their constants cannot be used in a form).
 */

/** The most people a headcount may say. */
export const MAX_HEADCOUNT = 10_000;

/** The roles in a centre's team, from most to least rights. */
export const TEAM_ROLES: CentreRole[] = ["ADMIN", "MANAGER", "BOARD", "HOST"];

/** Ways a manager registers money that came in (online payments arrive by themselves). */
export const PAYMENT_METHODS: PaymentMethod[] = ["BANK_TRANSFER", "CASH", "PIN"];
