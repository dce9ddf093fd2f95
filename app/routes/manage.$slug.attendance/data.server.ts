import { type ActionFunctionArgs, type LoaderFunctionArgs, data, redirect } from "@remix-run/node";
import { requireCentrePermission } from "~/auth/guards.server";
import { can } from "~/auth/permissions";
import { attendanceDay, recordAttendance, setHostDuty } from "~/domain/workspace/attendance.server";
import { addDays } from "~/domain/workspace/planner";
import { listTeam } from "~/domain/centre/team.server";
import { localDateAt } from "~/domain/time/time-zone";
import { dateParam, orRefusalPage } from "~/lib/workspace-route.server";
import { clock } from "~/lib/clock";
import { answerForm } from "~/lib/form-action.server";
import { recordSchema, hostSchema } from "./schema";

/** Today's activities for the host on duty: a headcount in two taps; managers pick another day to correct. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { centre, user, role } = await requireCentrePermission(request, params.slug, "attendance.record");
  const mayCorrect = can({ installationRole: user.installationRole, role }, "attendance.correct");
  const url = new URL(request.url);
  const today = localDateAt(clock.now(), centre.timeZone);
  const asked = dateParam(url.searchParams.get("date"));
  const date = mayCorrect && asked && asked <= today ? asked : today;
  const [dates, team] = await Promise.all([
    attendanceDay(centre.id, date),
    mayCorrect ? listTeam(centre.id) : Promise.resolve([]),
  ]);
  return {
    centre: { slug: centre.slug, name: centre.name, timeZone: centre.timeZone },
    date,
    today,
    previous: addDays(date, -1),
    next: date < today ? addDays(date, 1) : null,
    mayCorrect,
    me: user.id,
    dates,
    team: team.map((member) => ({ id: member.user.id, name: member.user.name })),
    saved: url.searchParams.get("saved"),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { centre, user, role, actor } = await requireCentrePermission(request, params.slug, "attendance.record");
  const mayCorrect = can({ installationRole: user.installationRole, role }, "attendance.correct");
  const formData = await request.formData();
  const date = formData.get("date");
  const onDate = typeof date === "string" && dateParam(date) ? `date=${date}` : "";
  const toDay = (query: string) => redirect(`/manage/${centre.slug}/attendance?${query}`);
  if (String(formData.get("intent")).startsWith("host-")) {
    return answerForm(formData, {
      schema: hostSchema,
      work: ({ intent, occurrenceId, userId }) => {
        if (intent === "host-assign" && !mayCorrect) throw new Response("Forbidden", { status: 403 });
        return orRefusalPage(
          setHostDuty(actor, {
            occurrenceId,
            userId: intent === "host-release" ? null : intent === "host-assign" ? userId || null : user.id,
          }),
        );
      },
      done: () => toDay(onDate),
      // buttons, not a form to go back to: a form that does not read is a bad request
      back: () => {
        throw new Response("Bad request", { status: 400 });
      },
    });
  }
  return answerForm(formData, {
    schema: recordSchema,
    work: (value) => recordAttendance({ ...actor, mayCorrect }, value),
    done: (_recorded, { occurrenceId }) =>
      toDay(`saved=${occurrenceId}${onDate ? `&${onDate}` : ""}#date-${occurrenceId}`),
    refusalFields: {
      "attendance-first-time-too-many": "firstTimeCount",
      "attendance-headcount-invalid": "headcount",
    },
    back: (result, init) => data({ occurrenceId: String(formData.get("occurrenceId")), result }, init),
  });
}
