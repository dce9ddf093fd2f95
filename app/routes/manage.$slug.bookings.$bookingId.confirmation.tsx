import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { requireCentrePermission } from "~/auth/guards.server";
import { can } from "~/auth/permissions";
import { TextField } from "~/components/form-field";
import { Done, FormProblems, Money } from "~/components/workspace";
import { bookingForManager } from "~/domain/bookings/manager-changes.server";
import { assertOfCentre } from "~/domain/shared/ownership.server";
import { sendBookingConfirmation } from "~/domain/bookings/notifications.server";
import { formatShortDate, formatTimeRange } from "~/i18n/format";
import { pageTitle } from "~/i18n/meta";
import { useLocale, useT } from "~/i18n/react";
import { idParam, orNotFound } from "~/lib/workspace-route.server";
import { answerForm } from "~/lib/form-action.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "workspace.confirmation.title");

const sendSchema = z.object({
  to: z
    .email({ error: "workspace.confirmation.emailInvalid" })
    .max(254, { error: "workspace.confirmation.emailInvalid" })
    .optional()
    .or(z.literal("")),
});

/** The confirmation of a booking, to print (for someone without email) or to send. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { centre, user, role } = await requireCentrePermission(request, params.slug, "centre.read");
  const booking = await orNotFound(bookingForManager(centre.id, idParam(params.bookingId)));
  const url = new URL(request.url);
  return {
    centre: {
      slug: centre.slug,
      name: centre.name,
      timeZone: centre.timeZone,
      street: centre.street,
      postalCode: centre.postalCode,
      city: centre.city,
      phone: centre.phone,
      email: centre.email,
    },
    booking: {
      id: booking.id,
      title: booking.title,
      status: booking.status,
      room: booking.room.name,
      attendees: booking.attendees,
      totalInclCents: booking.totalInclCents,
      organisation: booking.organisation,
      dates: booking.dates
        .filter((date) => date.status === "ACTIVE")
        .map((date) => ({ id: date.id, startsAt: date.startsAt, endsAt: date.endsAt, room: date.room.name })),
    },
    isNew: url.searchParams.get("new") === "1",
    sent: url.searchParams.get("sent"),
    canSend: can({ installationRole: user.installationRole, role }, "bookings.manage"),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { centre, actor } = await requireCentrePermission(request, params.slug, "bookings.manage");
  const bookingId = idParam(params.bookingId);
  await orNotFound(assertOfCentre(centre.id, "booking", bookingId));
  return answerForm(await request.formData(), {
    schema: sendSchema,
    work: (value) => sendBookingConfirmation(actor, { bookingId, to: value.to || null }),
    done: ({ to }) =>
      redirect(`/manage/${centre.slug}/bookings/${bookingId}/confirmation?sent=${encodeURIComponent(to)}`),
    refusalFields: { "no-email-address": "to" },
  });
}

export default function Confirmation() {
  const { centre, booking, isNew, sent, canSend } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const t = useT();
  const locale = useLocale();
  const [form, fields] = useForm({
    id: "send-confirmation",
    lastResult,
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: sendSchema }),
    defaultValue: { to: booking.organisation.contactEmail ?? "" },
  });
  const tz = centre.timeZone;
  return (
    <>
      <div className="print:hidden">
        <p className="m-0">
          <Link to={`/manage/${centre.slug}/bookings/${booking.id}`}>{t("workspace.confirmation.back")}</Link>
        </p>
        {isNew ? (
          <Done>
            {t(
              booking.status === "PENDING"
                ? "workspace.confirmation.newPending"
                : "workspace.confirmation.newConfirmed",
            )}
          </Done>
        ) : null}
        {sent ? <Done>{t("workspace.confirmation.sent", { to: sent })}</Done> : null}
      </div>

      <article aria-labelledby="confirmation-title" className="card my-4 print:border-0 print:p-0">
        <h1 id="confirmation-title">
          {t(booking.status === "PENDING" ? "workspace.confirmation.requestHeading" : "workspace.confirmation.heading")}
        </h1>
        <p className="m-0 font-bold">{centre.name}</p>
        <p className="m-0">
          {centre.street}, {centre.postalCode} {centre.city}
        </p>
        {centre.phone || centre.email ? (
          <p className="m-0">{[centre.phone, centre.email].filter(Boolean).join(" · ")}</p>
        ) : null}
        <dl className="mt-4 grid gap-x-6 gap-y-1 sm:grid-cols-[max-content_1fr]">
          <dt className="font-bold">{t("workspace.confirmation.for")}</dt>
          <dd className="m-0">
            {booking.organisation.name} ({booking.organisation.contactName}
            {booking.organisation.contactPhone ? `, ${booking.organisation.contactPhone}` : ""})
          </dd>
          <dt className="font-bold">{t("workspace.confirmation.what")}</dt>
          <dd className="m-0">{booking.title}</dd>
          <dt className="font-bold">{t("workspace.booking.room")}</dt>
          <dd className="m-0">{booking.room}</dd>
          <dt className="font-bold">{t("workspace.booking.people")}</dt>
          <dd className="m-0">{booking.attendees}</dd>
          <dt className="font-bold">{t("workspace.booking.status")}</dt>
          <dd className="m-0">{t(`bookingStatus.${booking.status}`)}</dd>
          <dt className="font-bold">{t("workspace.booking.price")}</dt>
          <dd className="m-0">
            <Money cents={booking.totalInclCents} /> ({t("workspace.onBehalf.vatIncluded")})
          </dd>
        </dl>
        <h2>{t("workspace.confirmation.dates", { count: booking.dates.length })}</h2>
        <ul>
          {booking.dates.map((date) => (
            <li key={date.id}>
              {formatShortDate(new Date(date.startsAt), tz, locale)},{" "}
              {formatTimeRange(new Date(date.startsAt), new Date(date.endsAt), tz, locale)}
              {date.room !== booking.room ? ` (${date.room})` : null}
            </li>
          ))}
        </ul>
        <p>{t("workspace.confirmation.footer")}</p>
      </article>

      <div className="grid gap-6 print:hidden md:grid-cols-2">
        <section aria-labelledby="print-title">
          <h2 id="print-title">{t("workspace.confirmation.printTitle")}</h2>
          <p>{t("workspace.confirmation.printHelp")}</p>
          <button type="button" className="button" onClick={() => window.print()}>
            {t("workspace.confirmation.print")}
          </button>
        </section>
        {canSend ? (
          <section aria-labelledby="send-title">
            <h2 id="send-title">{t("workspace.confirmation.sendTitle")}</h2>
            <Form method="post" {...getFormProps(form)} className="grid gap-3">
              <FormProblems id={form.errorId} errors={form.errors} />
              <TextField
                meta={fields.to}
                label={t("workspace.confirmation.to")}
                type="email"
                hint={t("workspace.confirmation.toHint")}
              />
              <div>
                <button type="submit" className="button">
                  {t("workspace.confirmation.send")}
                </button>
              </div>
            </Form>
          </section>
        ) : null}
      </div>
    </>
  );
}
