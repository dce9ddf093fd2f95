import { useT } from "~/i18n/react";
import type { Key } from "~/i18n/translate";
import { SubNavigation } from "./workspace";

export const SETTINGS_PAGES = [
  "rooms",
  "opening-hours",
  "closures",
  "rates",
  "extras",
  "rules",
  "cancellation",
  "payments",
  "centre",
  "team",
  "organisations",
  "emails",
] as const;
export type SettingsPage = (typeof SETTINGS_PAGES)[number];

const PATHS: Record<SettingsPage, string> = {
  rooms: "settings/rooms",
  "opening-hours": "settings/opening-hours",
  closures: "closures",
  rates: "settings/rates",
  extras: "settings/extras",
  rules: "settings/rules",
  cancellation: "settings/cancellation",
  payments: "settings/payments",
  centre: "settings/centre",
  team: "team",
  organisations: "organisations",
  emails: "emails",
};

/** A settings page's address; closures, team, organisations and emails live outside /settings. */
export function settingsPagePath(slug: string, page: SettingsPage): string {
  return `/manage/${slug}/${PATHS[page]}`;
}

/** A settings page's name and what it is for (the extras page keeps its words in its own catalogue). */
export function settingsPageWords(page: SettingsPage): { label: Key; about: Key } {
  if (page === "extras") return { label: "extras.settings.navLabel", about: "extras.settings.about" };
  return { label: `workspace.settings.page-${page}`, about: `workspace.settings.about-${page}` };
}

/** The settings pages of a centre, the current one marked. */
export function SettingsNavigation({ slug, current }: { slug: string; current: SettingsPage }) {
  const t = useT();
  return (
    <SubNavigation
      label={t("workspace.settings.navigation")}
      current={settingsPagePath(slug, current)}
      links={SETTINGS_PAGES.map((page) => ({
        href: settingsPagePath(slug, page),
        label: t(settingsPageWords(page).label),
      }))}
    />
  );
}
