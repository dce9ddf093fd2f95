import { db } from "~/db/client.server";
import { activitiesOrganisedBy } from "~/domain/residents/signups.server";
import { requireCentrePermission, requireUser } from "./guards.server";

/**
 * Who may see a centre's sign-up lists: the centre's managers (permission "signups.view",
 * through the one guard), and an activity's organiser — a member of the organisation that
 * booked it — for that organiser's own activities only. Anyone else gets 403.
 */
export async function requireSignupListAccess(request: Request, centreSlug: string | undefined) {
  try {
    const actor = await requireCentrePermission(request, centreSlug, "signups.view");
    return { centre: actor.centre, user: actor.user, activityIds: undefined as string[] | undefined };
  } catch (refusal) {
    if (!(refusal instanceof Response) || refusal.status !== 403) throw refusal;
    const user = await requireUser(request);
    const centre = await db().centre.findUniqueOrThrow({ where: { slug: centreSlug ?? "" } });
    const activityIds = await activitiesOrganisedBy(centre.id, user.id);
    if (activityIds.length === 0) throw refusal;
    return { centre, user, activityIds };
  }
}
