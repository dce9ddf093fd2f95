import type { MetaFunction } from "@remix-run/node";
import { useLocation } from "@remix-run/react";
import { pageTitle } from "~/i18n/meta";
import { RefundsPage } from "./refunds-page";

export { action, loader } from "./data.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "refunds.manage.title");

/** A fresh page after every navigation, the typed values after a refusal. */
export default function Refunds() {
  return <RefundsPage key={useLocation().key} />;
}
