import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { newSubmissionKey } from "~/lib/form-action.server";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { requireCentrePermission } from "~/auth/guards.server";
import { db } from "~/db/client.server";
import { listSpaces } from "~/domain/centre/rooms.server";
import { extrasOnOffer } from "~/domain/money/extras.server";
import { effectiveTier } from "~/domain/rules/tiers";
import { listOrganisations } from "~/domain/workspace/organisation-admin.server";
import { pageTitle } from "~/i18n/meta";
import { useT } from "~/i18n/react";
import { dateParam } from "~/lib/workspace-route.server";
import { answerBooking, answerNewOrganisation } from "./answers.server";
import { BookingFormSection } from "./booking-form";
import { NewOrganisationForm } from "./organisation-form";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "workspace.onBehalf.title");

/** A manager books for someone else: choose or add the organisation, check the dates, book. */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { centre } = await requireCentrePermission(request, params.slug, "bookings.manage");
  const url = new URL(request.url);
  const [organisations, spaces, extras] = await Promise.all([
    listOrganisations(centre.id),
    listSpaces(db(), centre.id),
    extrasOnOffer(centre.id),
  ]);
  const query = url.searchParams;
  const time = query.get("time");
  return {
    centre: { slug: centre.slug, name: centre.name, timeZone: centre.timeZone },
    organisations: organisations
      .map((organisation) => ({
        id: organisation.id,
        name: organisation.name,
        tier: effectiveTier(organisation, centre.unverifiedTier),
        hasEmail: organisation.contactEmail !== null,
      }))
      .sort((a, b) => a.name.localeCompare(b.name)),
    spaces: spaces.map((space) => ({ id: space.id, name: space.name, capacity: space.capacity })),
    extras,
    added: query.get("added") === "1",
    defaults: {
      organisationId: query.get("organisationId") ?? "",
      roomId: spaces.some((space) => space.id === query.get("roomId")) ? query.get("roomId")! : (spaces[0]?.id ?? ""),
      date: dateParam(query.get("date")) ?? "",
      time: time && /^\d{2}:\d{2}$/.test(time) ? time : "19:30",
      duration: "120",
      people: "10",
      repeat: "none",
      endBy: "date",
      kind: "PRIVATE",
      submissionKey: newSubmissionKey(context),
    },
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { centre, user, actor } = await requireCentrePermission(request, params.slug, "bookings.manage");
  const formData = await request.formData();
  const intent = formData.get("intent");
  if (intent === "add-organisation") return answerNewOrganisation(actor, centre.slug, formData);
  return answerBooking(centre, user.id, intent === "confirm", formData);
}

export default function BookOnBehalf() {
  const { centre, organisations, spaces, extras, defaults, added } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const t = useT();
  // A refused form comes back as it was sent (its intent says which form); a review with its dates.
  const reviewed = answer && "review" in answer ? answer : null;
  const refused = answer && !("review" in answer) ? answer : undefined;
  const organisationRefused = refused?.initialValue?.intent === "add-organisation" ? refused : undefined;
  return (
    <>
      <h1>{t("workspace.onBehalf.title")}</h1>
      <p>{t("workspace.onBehalf.intro")}</p>
      {added ? (
        <p role="status" className="card border-2 border-brand-700 bg-brand-50 font-bold">
          {t("workspace.onBehalf.added")}
        </p>
      ) : null}
      <NewOrganisationForm
        lastResult={organisationRefused}
        open={Boolean(organisationRefused) || organisations.length === 0}
        keep={defaults}
      />
      {organisations.length > 0 ? (
        <BookingFormSection
          key={defaults.organisationId}
          organisations={organisations}
          spaces={spaces}
          extras={extras}
          defaults={defaults}
          timeZone={centre.timeZone}
          lastResult={reviewed ? reviewed.result : organisationRefused ? undefined : refused}
          review={reviewed?.review ?? null}
          choices={reviewed?.choices ?? {}}
        />
      ) : null}
      <p className="mt-6">
        <Link to={`/manage/${centre.slug}/planner`}>{t("workspace.onBehalf.toPlanner")}</Link>
      </p>
    </>
  );
}
