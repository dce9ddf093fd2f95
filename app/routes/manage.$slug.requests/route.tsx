import type { loader } from "./data.server";
import type { MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Done } from "~/components/workspace";
import type { RequestSummary } from "~/domain/bookings/request-queue.server";
import { TIERS_BY_PRIORITY } from "~/domain/rules/tiers";
import { pageTitle } from "~/i18n/meta";
import { useT } from "~/i18n/react";
import { RequestCard } from "./request-card";

export { action, loader } from "./data.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "workspace.requests.title");

export default function Requests() {
  const { requests, done } = useLoaderData<typeof loader>();
  const t = useT();
  const byId = new Map(requests.map((request) => [request.id, request]));
  return (
    <>
      <h1>{t("workspace.requests.title")}</h1>
      {done ? (
        <Done>
          {t(done.kind === "approved" ? "workspace.requests.approved" : "workspace.requests.declined", {
            title: done.title,
          })}
        </Done>
      ) : null}
      <p>{t("workspace.requests.intro")}</p>
      <p>
        <span className="font-bold">{t("workspace.requests.priority")}</span>{" "}
        {TIERS_BY_PRIORITY.map((tier, index) => `${index + 1}. ${t(`tier.${tier}`)}`).join(" · ")}
      </p>
      {requests.length === 0 ? <p>{t("workspace.requests.none")}</p> : null}
      <ul className="m-0 grid list-none gap-4 p-0">
        {requests.map((request) => (
          <li key={request.id}>
            <RequestCard
              request={request}
              competitors={request.competitors
                .map((id) => byId.get(id))
                .filter((other): other is RequestSummary => other !== undefined)}
            />
          </li>
        ))}
      </ul>
    </>
  );
}
