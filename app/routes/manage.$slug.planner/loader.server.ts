import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireCentrePermission } from "~/auth/guards.server";
import { can } from "~/auth/permissions";
import { plannerWeek } from "~/domain/workspace/planner.server";
import { dateParam } from "~/lib/workspace-route.server";

/** The week per centre: rooms as columns, days as rows (a list on phones and for screen readers). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { centre, user, role } = await requireCentrePermission(request, params.slug, "centre.view");
  const week = await plannerWeek(centre.id, dateParam(new URL(request.url).searchParams.get("date")));
  return {
    centre: { slug: centre.slug, name: centre.name, timeZone: centre.timeZone },
    week,
    canBook: can({ installationRole: user.installationRole, role }, "bookings.manage"),
    canOpen: can({ installationRole: user.installationRole, role }, "centre.read"),
  };
}
