import { type ActionFunctionArgs, type LoaderFunctionArgs, redirect } from "@remix-run/node";
import { requireCentrePermission } from "~/auth/guards.server";
import { can } from "~/auth/permissions";
import { assertOfCentre } from "~/domain/shared/ownership.server";
import { listInvoices } from "~/domain/money/invoices.server";
import { organisationOfCentre, updateOrganisation } from "~/domain/workspace/organisation-admin.server";
import { accounts } from "~/domain/money/payments.server";
import { effectiveTier } from "~/domain/rules/tiers";
import { idParam, orNotFound } from "~/lib/workspace-route.server";
import { clock } from "~/lib/clock";
import { answerForm } from "~/lib/form-action.server";
import { detailsSchema } from "./schema";

/** One organisation: contact and billing details, what it owes and its invoices. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { centre, user, role } = await requireCentrePermission(request, params.slug, "centre.read");
  const organisationId = idParam(params.organisationId);
  const organisation = await orNotFound(organisationOfCentre(centre.id, organisationId));
  const [account] = await accounts(centre.id, clock.now(), { organisationId });
  const invoices = await listInvoices(centre.id, { organisationId });
  return {
    centre: { slug: centre.slug, name: centre.name, timeZone: centre.timeZone },
    organisation: {
      id: organisation.id,
      name: organisation.name,
      claimed: organisation.tier,
      effective: effectiveTier(organisation, centre.unverifiedTier),
      verifiedAt: organisation.tierVerifiedAt,
      verifiedBy: organisation.verifiedBy?.name ?? null,
      members: organisation.members.map((member) => member.user),
    },
    values: {
      name: organisation.name,
      contactName: organisation.contactName,
      contactEmail: organisation.contactEmail ?? "",
      contactPhone: organisation.contactPhone ?? "",
      locale: organisation.locale,
      billingName: organisation.billingName ?? "",
      billingAddress: organisation.billingAddress ?? "",
      billingPostalCode: organisation.billingPostalCode ?? "",
      billingCity: organisation.billingCity ?? "",
      billingEmail: organisation.billingEmail ?? "",
      kvkNumber: organisation.kvkNumber ?? "",
      vatNumber: organisation.vatNumber ?? "",
    },
    account: account ?? null,
    invoices,
    saved: new URL(request.url).searchParams.get("saved") === "1",
    canEdit: can({ installationRole: user.installationRole, role }, "bookings.manage"),
    canPay: can({ installationRole: user.installationRole, role }, "payments.manage"),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { centre, actor } = await requireCentrePermission(request, params.slug, "bookings.manage");
  const organisationId = idParam(params.organisationId);
  await orNotFound(assertOfCentre(centre.id, "organisation", organisationId));
  return answerForm(await request.formData(), {
    schema: detailsSchema,
    work: (value) =>
      updateOrganisation(actor, organisationId, {
        ...value,
        contactEmail: value.contactEmail || null,
        contactPhone: value.contactPhone || null,
        billingName: value.billingName || null,
        billingAddress: value.billingAddress || null,
        billingPostalCode: value.billingPostalCode || null,
        billingCity: value.billingCity || null,
        billingEmail: value.billingEmail || null,
        kvkNumber: value.kvkNumber || null,
        vatNumber: value.vatNumber || null,
      }),
    done: () => redirect(`/manage/${centre.slug}/organisations/${organisationId}?saved=1`),
    refusalFields: { "organisation-name-taken": "name" },
  });
}
