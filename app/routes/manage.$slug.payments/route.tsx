import type { MetaFunction } from "@remix-run/node";
import { useLocation } from "@remix-run/react";
import { pageTitle } from "~/i18n/meta";
import { PaymentsPage } from "./payments-page";

export { action, loader } from "./data.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "workspace.payments.title");

/** A fresh form after every navigation (another room, a saved or sent form), the typed values after a refusal. */
export default function Payments() {
  return <PaymentsPage key={useLocation().key} />;
}
