import { useT } from "~/i18n/react";
import { SubNavigation } from "./workspace";

export const SETTINGS_PAGES = [
  "rooms",
  "opening-hours",
  "closures",
  "rates",
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

/** The settings pages of a centre, the current one marked. */
export function SettingsNavigation({ slug, current }: { slug: string; current: SettingsPage }) {
  const t = useT();
  return (
    <SubNavigation
      label={t("workspace.settings.navigation")}
      current={settingsPagePath(slug, current)}
      links={SETTINGS_PAGES.map((page) => ({
        href: settingsPagePath(slug, page),
        label: t(`workspace.settings.page-${page}`),
      }))}
    />
  );
}
