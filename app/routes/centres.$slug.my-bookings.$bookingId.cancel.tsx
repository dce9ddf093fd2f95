import { randomUUID } from "node:crypto";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { requireUser } from "~/auth/guards.server";
import { cancelByOrganisation, previewCancellation, type CancelScope } from "~/domain/bookings/cancel.server";
import { findCentreBySlug } from "~/domain/centre/centres.server";
import { organisationsOfUser } from "~/domain/workspace/organisations.server";
import { orRefusalPage } from "~/lib/workspace-route.server";
import { formatMoney, formatShortDate, formatTimeRange } from "~/i18n/format";
import { pageTitle } from "~/i18n/meta";
import { useLocale, useT } from "~/i18n/react";
import { answerForm } from "~/lib/form-action.server";
import { submissionKeyField } from "~/domain/shared/submission-key";
import { SubmissionKey } from "~/components/form-field";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "booking.mine.cancelTitle");

const cancelSchema = z.object({
  submissionKey: submissionKeyField,
  scope: z.enum(["date", "rest", "all"]),
  occurrenceId: z.uuid().optional(),
  reason: z.string().trim().max(500).optional().default(""),
});

async function context(request: Request, slug: string | undefined, bookingId: string | undefined) {
  const centre = await findCentreBySlug(slug ?? "");
  if (!centre || !bookingId || !z.uuid().safeParse(bookingId).success) throw new Response("Not found", { status: 404 });
  const user = await requireUser(request);
  const organisations = await organisationsOfUser(centre.id, user.id);
  return { centre, user, organisationIds: organisations.map((organisation) => organisation.id) };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { centre, organisationIds } = await context(request, params.slug, params.bookingId);
  const url = new URL(request.url);
  const parsed = cancelSchema.omit({ submissionKey: true }).safeParse(Object.fromEntries(url.searchParams));
  if (!parsed.success) throw new Response("Bad request", { status: 400 });
  // another organisation's booking is not found; one that no longer takes place is said so
  const preview = await orRefusalPage(
    previewCancellation({
      centreId: centre.id,
      organisationIds,
      bookingId: params.bookingId!,
      scope: parsed.data.scope as CancelScope,
      occurrenceId: parsed.data.occurrenceId,
    }),
  );
  return {
    centre: { slug: centre.slug, name: centre.name, timeZone: centre.timeZone },
    preview,
    scope: parsed.data.scope,
    occurrenceId: parsed.data.occurrenceId ?? "",
    submissionKey: randomUUID(),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { centre, user, organisationIds } = await context(request, params.slug, params.bookingId);
  return answerForm(await request.formData(), {
    schema: cancelSchema,
    work: (value) =>
      orRefusalPage(
        cancelByOrganisation(
          {
            centreId: centre.id,
            organisationIds,
            bookingId: params.bookingId!,
            scope: value.scope,
            occurrenceId: value.occurrenceId,
            actorId: user.id,
            reason: value.reason,
          },
          undefined,
          { key: value.submissionKey, centreId: centre.id, kind: "cancellation" },
        ),
      ),
    done: () => redirect(`/centres/${centre.slug}/my-bookings?cancelled=1`),
    // the same form sent twice (a double click): the first sending cancelled; show that
    again: () => redirect(`/centres/${centre.slug}/my-bookings?cancelled=1`),
    // a button, not a form to go back to: a form that does not read is a bad request
    back: () => {
      throw new Response("Bad request", { status: 400 });
    },
  });
}

export default function CancelBooking() {
  const { centre, preview, scope, occurrenceId, submissionKey } = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  return (
    <>
      <h1>
        {t("booking.mine.cancelTitle")}: {preview.title}
      </h1>
      <p>{t("booking.mine.cancelIntro", { count: preview.dates.length })}</p>
      <ul className="m-0 grid list-none gap-1 p-0">
        {preview.dates.map((date) => (
          <li key={date.id} className="border-b border-gray-200 py-1">
            <strong>
              {formatShortDate(new Date(date.startsAt), centre.timeZone, locale)},{" "}
              {formatTimeRange(new Date(date.startsAt), new Date(date.endsAt), centre.timeZone, locale)}
            </strong>
            <br />
            {date.feeCents === 0
              ? t("booking.mine.feeNone")
              : t("booking.mine.fee", {
                  amount: formatMoney(date.feeCents, locale),
                  percent: date.feeBp / 100,
                  days: Math.max(0, date.daysBefore),
                })}
          </li>
        ))}
      </ul>
      {preview.dates.length > 1 ? (
        <p className="font-bold">
          {t("booking.mine.feeTotal", { amount: formatMoney(preview.totalFeeCents, locale) })}
        </p>
      ) : null}
      <p>{t("refunds.hirer.cancelNote")}</p>
      <Form method="post" className="mt-4 grid max-w-xl gap-3">
        <SubmissionKey value={submissionKey} />
        <input type="hidden" name="scope" value={scope} />
        {occurrenceId ? <input type="hidden" name="occurrenceId" value={occurrenceId} /> : null}
        <div>
          <label htmlFor="reason" className="field-label">
            {t("booking.mine.reason")}
          </label>
          <textarea id="reason" name="reason" rows={2} maxLength={500} className="field-input" />
        </div>
        <div className="flex flex-wrap gap-3">
          <button type="submit" className="button">
            {t("booking.mine.confirmCancel")}
          </button>
          <Link to={`/centres/${centre.slug}/my-bookings`} className="button-secondary">
            {t("booking.mine.keep")}
          </Link>
        </div>
      </Form>
    </>
  );
}
