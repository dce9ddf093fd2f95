import { Attention } from "./attention";
import { Today } from "./today";
import { RoomsAndWeek } from "./rooms-and-week";
import { useHome } from "./home";
import type { loader } from "./loader.server";
import type { MetaFunction } from "@remix-run/node";
import { pageTitle } from "~/i18n/meta";

export { loader } from "./loader.server";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  pageTitle(matches, "manage.title", { name: data?.centre.name ?? "" });

export default function ManageHome() {
  const { centre, t } = useHome();
  return (
    <>
      <h1>{t("manage.title", { name: centre.name })}</h1>

      <Attention />
      <Today />
      <RoomsAndWeek />
    </>
  );
}
