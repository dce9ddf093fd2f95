import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useLocation } from "@remix-run/react";
import { z } from "zod";
import { requireCentrePermission } from "~/auth/guards.server";
import { can } from "~/auth/permissions";
import { SelectField, SubmissionKey, TextField } from "~/components/form-field";
import { SettingsNavigation } from "~/components/settings-navigation";
import { Done, FormProblems } from "~/components/workspace";
import { answerForm, formMessage, newSubmissionKey } from "~/lib/form-action.server";
import { submissionKeyField } from "~/domain/shared/submission-key";
import { changeRole, inviteMember, listTeam, removeMember } from "~/domain/centre/team.server";
import { TEAM_ROLES } from "~/domain/workspace/constants";
import { formatShortDate } from "~/i18n/format";
import { pageTitle } from "~/i18n/meta";
import { useLocale, useT } from "~/i18n/react";
import { clock } from "~/lib/clock";
import { shownText } from "~/domain/shared/visible-text";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "workspace.team.title");

const role = z.enum(["ADMIN", "MANAGER", "BOARD", "HOST"], { error: "workspace.team.roleRequired" });
const inviteSchema = z.object({
  intent: z.literal("invite"),
  email: z.email({ error: "booking.errors.email" }).max(254, { error: "booking.errors.email" }),
  name: shownText({ min: 2, max: 120, error: "booking.errors.name" }),
  role,
  submissionKey: submissionKeyField,
});
const memberSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("role"), membershipId: z.uuid(), role }),
  z.object({ intent: z.literal("remove"), membershipId: z.uuid() }),
]);

/** Who is in the team with which role; an admin invites people by email and changes roles. */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { centre, user, role: myRole } = await requireCentrePermission(request, params.slug, "centre.read");
  const url = new URL(request.url);
  return {
    centre: { slug: centre.slug, name: centre.name, timeZone: centre.timeZone },
    team: await listTeam(centre.id),
    me: user.id,
    canManage: can({ installationRole: user.installationRole, role: myRole }, "team.manage"),
    done: url.searchParams.get("done"),
    submissionKey: newSubmissionKey(context),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { centre, actor } = await requireCentrePermission(request, params.slug, "team.manage");
  const formData = await request.formData();
  const invited = () => redirect(`/manage/${centre.slug}/team?done=invited`);
  if (formData.get("intent") === "invite") {
    return answerForm(formData, {
      schema: inviteSchema,
      work: ({ submissionKey, ...invite }) =>
        inviteMember(actor, invite, clock.now(), { key: submissionKey, centreId: centre.id, kind: "team-invite" }),
      done: invited,
      // The same form sent twice: the first one invited the person.
      again: invited,
      refusalFields: { "team-already-member": "email" },
      back: (invite, init) => data({ invite, error: null }, init),
    });
  }
  return answerForm(formData, {
    schema: memberSchema,
    work: (value) => (value.intent === "role" ? changeRole(actor, value) : removeMember(actor, value.membershipId)),
    done: (_done, value) =>
      redirect(`/manage/${centre.slug}/team?done=${value.intent === "role" ? "changed" : "removed"}`),
    back: (reply, init) => data({ invite: null, error: formMessage(reply) ?? "workspace.refusal.generic" }, init),
  });
}

/** A fresh form after every navigation (another room, a saved or sent form), the typed values after a refusal. */
export default function Team() {
  return <TeamPage key={useLocation().key} />;
}

function TeamPage() {
  const { centre, team, me, canManage, done, submissionKey } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const locale = useLocale();
  const [form, fields] = useForm({
    id: "invite",
    lastResult: actionData?.invite,
    defaultValue: { role: "HOST", submissionKey },
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: inviteSchema }),
  });
  const roles = TEAM_ROLES.map((value) => ({ value, label: t(`role.${value}`) }));
  return (
    <>
      <h1>{t("workspace.team.title")}</h1>
      <SettingsNavigation slug={centre.slug} current="team" />
      {done ? (
        <Done>
          {t(`workspace.team.done-${done === "invited" ? "invited" : done === "changed" ? "changed" : "removed"}`)}
        </Done>
      ) : null}
      <FormProblems errors={actionData?.error ? [actionData.error] : undefined} />
      <p>{t("workspace.team.intro")}</p>
      {!canManage ? <p className="text-muted">{t("workspace.team.onlyAdmin")}</p> : null}
      <ul className="m-0 grid list-none gap-3 p-0">
        {team.map((member) => (
          <li key={member.id} className="card">
            <h2 className="m-0 text-lg">{member.user.name}</h2>
            <p className="m-0">
              {t(`role.${member.role}`)} · <span className="break-all">{member.user.email}</span>
              {member.user.phone ? ` · ${member.user.phone}` : null}
            </p>
            <p className="m-0 text-muted">
              {member.user.lastSignInAt
                ? t("workspace.team.lastSignIn", {
                    date: formatShortDate(new Date(member.user.lastSignInAt), centre.timeZone, locale),
                  })
                : t("workspace.team.neverSignedIn")}
            </p>
            {canManage && member.user.id !== me ? (
              <div className="mt-2 flex flex-wrap items-end gap-3">
                <Form method="post" className="flex flex-wrap items-end gap-2">
                  <input type="hidden" name="membershipId" value={member.id} />
                  <div>
                    <label htmlFor={`role-${member.id}`} className="field-label">
                      {t("workspace.team.roleOf", { name: member.user.name })}
                    </label>
                    <select id={`role-${member.id}`} name="role" defaultValue={member.role} className="field-input">
                      {roles.map((option) => (
                        <option key={option.value} value={option.value}>
                          {option.label}
                        </option>
                      ))}
                    </select>
                  </div>
                  <button type="submit" name="intent" value="role" className="button-secondary">
                    {t("workspace.team.changeRole")}
                  </button>
                </Form>
                <Form method="post">
                  <input type="hidden" name="membershipId" value={member.id} />
                  <button
                    type="submit"
                    name="intent"
                    value="remove"
                    className="button-secondary"
                    aria-label={t("workspace.team.removeLabel", { name: member.user.name })}
                  >
                    {t("workspace.team.remove")}
                  </button>
                </Form>
              </div>
            ) : null}
          </li>
        ))}
      </ul>
      {canManage ? (
        <section aria-labelledby="invite-title" className="mt-6">
          <h2 id="invite-title">{t("workspace.team.invite")}</h2>
          <p>{t("workspace.team.inviteIntro")}</p>
          <Form method="post" {...getFormProps(form)} className="grid max-w-xl gap-4">
            <input type="hidden" name="intent" value="invite" />
            <SubmissionKey meta={fields.submissionKey} />
            <FormProblems id={form.errorId} errors={form.errors} />
            <TextField meta={fields.name} label={t("workspace.team.name")} autoComplete="off" />
            <TextField meta={fields.email} label={t("workspace.team.email")} type="email" autoComplete="off" />
            <SelectField
              meta={fields.role}
              label={t("workspace.team.role")}
              hint={t("workspace.team.roleHint")}
              options={roles}
            />
            <div>
              <button type="submit" className="button">
                {t("workspace.team.send")}
              </button>
            </div>
          </Form>
        </section>
      ) : null}
    </>
  );
}
