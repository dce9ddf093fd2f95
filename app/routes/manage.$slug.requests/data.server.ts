import { type ActionFunctionArgs, type LoaderFunctionArgs, data, redirect } from "@remix-run/node";
import { requireCentrePermission } from "~/auth/guards.server";
import { can } from "~/auth/permissions";
import { approveBooking, declineBooking } from "~/domain/bookings/requests.server";
import { pendingRequests } from "~/domain/bookings/request-queue.server";
import { answerForm } from "~/lib/form-action.server";
import { decisionSchema } from "./schema";

/** Requests waiting for a manager, oldest first, with the requests that want the same time side by side. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { centre, user, role } = await requireCentrePermission(request, params.slug, "centre.read");
  const url = new URL(request.url);
  const done = url.searchParams.get("done");
  return {
    centre: { slug: centre.slug, name: centre.name, timeZone: centre.timeZone },
    requests: await pendingRequests(centre.id),
    canDecide: can({ installationRole: user.installationRole, role }, "bookings.manage"),
    done:
      done === "approved" || done === "declined"
        ? { kind: done, title: (url.searchParams.get("title") ?? "").slice(0, 120) }
        : null,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { centre, actor } = await requireCentrePermission(request, params.slug, "bookings.manage");
  const formData = await request.formData();
  return answerForm(formData, {
    schema: decisionSchema,
    work: (value) =>
      value.intent === "approve"
        ? approveBooking(actor, value.bookingId)
        : declineBooking(actor, value.bookingId, value.reason),
    done: (decided, value) =>
      redirect(
        `/manage/${centre.slug}/requests?done=${value.intent === "approve" ? "approved" : "declined"}&title=${encodeURIComponent(decided.title)}`,
      ),
    refusalFields: { "reason-required": "reason" },
    back: (result, init) => data({ bookingId: String(formData.get("bookingId") ?? ""), result }, init),
  });
}
