import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { requireCentrePermission } from "~/auth/guards.server";
import { can } from "~/auth/permissions";
import { BookingHistory } from "~/components/booking-history";
import { CheckboxField, SelectField, TextArea, TextField } from "~/components/form-field";
import { Done, FormProblems, Money, ScrollArea, TierBadge } from "~/components/workspace";
import { refusalReply } from "~/lib/messages";
import { describeSchedule, scheduleOf } from "~/domain/residents/activity-schedule";
import { bookingForManager, cancelDate, cancelFrom, moveDate } from "~/domain/bookings/manager-changes.server";
import { bookingHistory } from "~/domain/bookings/history.server";
import { isDomainError } from "~/domain/shared/errors";
import { assertOfCentre } from "~/domain/shared/ownership.server";
import { bookingPayments } from "~/domain/money/payments.server";
import { listSpaces } from "~/domain/centre/rooms.server";
import { localDateTimeAt, parseWallClock } from "~/domain/time/time-zone";
import { db } from "~/db/client.server";
import { formatShortDate, formatTimeRange } from "~/i18n/format";
import { pageTitle } from "~/i18n/meta";
import { useLocale, useT } from "~/i18n/react";
import { idParam, orNotFound } from "~/lib/workspace-route.server";

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  pageTitle(matches, "workspace.booking.title", { title: data?.booking.title ?? "" });

const moveSchema = z.object({
  intent: z.literal("move"),
  occurrenceId: z.uuid(),
  date: z
    .string({ error: "workspace.form.dateRequired" })
    .regex(/^\d{4}-\d{2}-\d{2}$/, { error: "workspace.form.dateRequired" }),
  time: z
    .string({ error: "workspace.form.timeRequired" })
    .regex(/^\d{2}:\d{2}$/, { error: "workspace.form.timeRequired" }),
  roomId: z.uuid({ error: "workspace.form.roomRequired" }),
  allowOutsideOpeningHours: z.boolean().default(false),
});

const cancelSchema = z.object({
  intent: z.enum(["cancel", "cancel-from"]),
  occurrenceId: z.uuid(),
  reason: z
    .string({ error: "workspace.form.reasonRequired" })
    .trim()
    .min(3, { error: "workspace.form.reasonRequired" })
    .max(500),
  fee: z.enum(["charge", "free"], { error: "workspace.booking.feeChoice" }),
});

/** One booking for the centre's team: every date, changes per date or from a date on, payments and its history. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { centre, user, role } = await requireCentrePermission(request, params.slug, "centre.read");
  const bookingId = idParam(params.bookingId);
  const booking = await orNotFound(bookingForManager(centre.id, bookingId));
  const url = new URL(request.url);
  const selected = booking.dates.find((date) => date.id === url.searchParams.get("date")) ?? null;
  const [history, money, spaces] = await Promise.all([
    bookingHistory(centre.id, bookingId),
    bookingPayments(centre.id, bookingId),
    listSpaces(db(), centre.id),
  ]);
  return {
    centre: { slug: centre.slug, name: centre.name, timeZone: centre.timeZone },
    booking,
    selected: selected ? { ...selected, local: localDateTimeAt(selected.startsAt, centre.timeZone) } : null,
    doing: (["move", "cancel", "cancel-from"] as const).find((value) => value === url.searchParams.get("do")) ?? null,
    done: url.searchParams.get("done"),
    history,
    money,
    spaces: spaces.map((space) => ({ id: space.id, name: space.name })),
    canManage: can({ installationRole: user.installationRole, role }, "bookings.manage"),
    canPay: can({ installationRole: user.installationRole, role }, "payments.manage"),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { centre, actor } = await requireCentrePermission(request, params.slug, "bookings.manage");
  const bookingId = idParam(params.bookingId);
  await orNotFound(assertOfCentre(centre.id, "booking", bookingId));
  const formData = await request.formData();
  const here = `/manage/${centre.slug}/bookings/${bookingId}`;
  const intent = formData.get("intent");
  try {
    if (intent === "move") {
      const submission = parseWithZod(formData, { schema: moveSchema });
      if (submission.status !== "success") return data({ intent: "move", result: submission.reply() }, { status: 400 });
      try {
        await moveDate(actor, submission.value);
      } catch (error) {
        if (!isDomainError(error) || error.status === 404) throw error;
        return data(
          {
            intent: "move",
            result: submission.reply(
              refusalReply(error, {
                "room-already-booked": "time",
                "date-closed": "date",
                "outside-opening-hours": "time",
                "invalid-start": "date",
                "not-active": "date",
              }),
            ),
          },
          { status: error.status },
        );
      }
      return redirect(`${here}?done=moved#dates`);
    }
    const submission = parseWithZod(formData, { schema: cancelSchema });
    if (submission.status !== "success")
      return data({ intent: String(intent), result: submission.reply() }, { status: 400 });
    const { occurrenceId, reason, fee } = submission.value;
    try {
      if (submission.value.intent === "cancel")
        await cancelDate(actor, { occurrenceId, reason, chargeFee: fee === "charge" });
      else await cancelFrom(actor, { bookingId, fromOccurrenceId: occurrenceId, reason, chargeFee: fee === "charge" });
    } catch (error) {
      if (!isDomainError(error) || error.status === 404) throw error;
      return data(
        { intent: String(intent), result: submission.reply(refusalReply(error, { "reason-required": "reason" })) },
        { status: error.status },
      );
    }
    return redirect(`${here}?done=cancelled#dates`);
  } catch (error) {
    if (isDomainError(error) && error.status === 404) throw new Response("Not found", { status: 404 });
    throw error;
  }
}

export default function BookingPage() {
  const { centre, booking, selected, doing, done, history, money, canManage, canPay } = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  const tz = centre.timeZone;
  const base = `/manage/${centre.slug}/bookings/${booking.id}`;
  const start = parseWallClock(booking.localStart)!;
  const pattern = booking.rrule
    ? describeSchedule(scheduleOf(booking.rrule, start, booking.durationMinutes), t as never, locale)
    : undefined;
  const upcoming = booking.dates.filter((date) => date.status === "ACTIVE" && !date.past);
  const isActive = booking.status === "CONFIRMED" || booking.status === "PENDING";
  return (
    <>
      <p className="m-0">
        <Link to={`/manage/${centre.slug}/bookings`}>{t("workspace.booking.backToList")}</Link>
      </p>
      <h1>{booking.title}</h1>
      {done === "moved" || done === "cancelled" || done === "changed" ? (
        <Done>{t(`workspace.booking.done-${done}`)}</Done>
      ) : null}
      <dl className="grid gap-x-6 gap-y-1 sm:grid-cols-[max-content_1fr]">
        <dt className="font-bold">{t("workspace.booking.status")}</dt>
        <dd className="m-0">
          {t(`bookingStatus.${booking.status}`)}
          {booking.decisionReason ? ` · ${booking.decisionReason}` : null}
          {booking.cancelReason ? ` · ${booking.cancelReason}` : null}
        </dd>
        <dt className="font-bold">{t("workspace.booking.organisation")}</dt>
        <dd className="m-0">
          <Link to={`/manage/${centre.slug}/organisations/${booking.organisation.id}`}>
            {booking.organisation.name}
          </Link>{" "}
          <TierBadge tier={booking.tier} />
        </dd>
        <dt className="font-bold">{t("workspace.booking.contact")}</dt>
        <dd className="m-0">
          {booking.organisation.contactName}
          {booking.organisation.contactPhone ? (
            <>
              {" · "}
              <a href={`tel:${booking.organisation.contactPhone.replace(/[^+\d]/g, "")}`}>
                {booking.organisation.contactPhone}
              </a>
            </>
          ) : null}
          {booking.organisation.contactEmail ? (
            <>
              {" · "}
              <a href={`mailto:${booking.organisation.contactEmail}`} className="break-all">
                {booking.organisation.contactEmail}
              </a>
            </>
          ) : (
            ` · ${t("workspace.booking.noEmail")}`
          )}
        </dd>
        <dt className="font-bold">{t("workspace.booking.when")}</dt>
        <dd className="m-0">{pattern ?? t("workspace.booking.datesBelow")}</dd>
        <dt className="font-bold">{t("workspace.booking.room")}</dt>
        <dd className="m-0">{booking.room.name}</dd>
        <dt className="font-bold">{t("workspace.booking.people")}</dt>
        <dd className="m-0">{booking.attendees}</dd>
        <dt className="font-bold">{t("workspace.booking.price")}</dt>
        <dd className="m-0">
          <Money cents={booking.totalInclCents} />
        </dd>
        {booking.notes ? (
          <>
            <dt className="font-bold">{t("workspace.booking.notes")}</dt>
            <dd className="m-0 whitespace-pre-line">{booking.notes}</dd>
          </>
        ) : null}
        {booking.splitFrom ? (
          <>
            <dt className="font-bold">{t("workspace.booking.splitFrom")}</dt>
            <dd className="m-0">
              <Link to={`/manage/${centre.slug}/bookings/${booking.splitFrom.id}`}>{booking.splitFrom.title}</Link>
            </dd>
          </>
        ) : null}
        {booking.splits.length > 0 ? (
          <>
            <dt className="font-bold">{t("workspace.booking.continuedIn")}</dt>
            <dd className="m-0">
              {booking.splits.map((split) => (
                <Link key={split.id} to={`/manage/${centre.slug}/bookings/${split.id}`} className="mr-3">
                  {split.title} ({split.localStart.slice(0, 10)})
                </Link>
              ))}
            </dd>
          </>
        ) : null}
      </dl>

      <div className="my-4 flex flex-wrap gap-3">
        {canManage && isActive && booking.rrule && upcoming.length > 0 ? (
          <Link className="button" to={`${base}/change?scope=all`}>
            {t("workspace.booking.changeSeries")}
          </Link>
        ) : null}
        <Link className="button-secondary" to={`${base}/confirmation`}>
          {t("workspace.booking.confirmation")}
        </Link>
        {canPay ? (
          <Link
            className="button-secondary"
            to={`/manage/${centre.slug}/payments?organisationId=${booking.organisation.id}&bookingId=${booking.id}#register`}
          >
            {t("workspace.booking.registerPayment")}
          </Link>
        ) : null}
      </div>

      <h2 id="dates">{t("workspace.booking.dates", { count: booking.dates.length })}</h2>
      {selected && doing && canManage ? <DateChange /> : null}
      <ScrollArea label={t("workspace.booking.datesCaption")}>
        <table className="w-full border-collapse text-left">
          <caption className="sr-only">{t("workspace.booking.datesCaption")}</caption>
          <thead>
            <tr className="border-b-2 border-gray-400">
              <th scope="col" className="py-2 pr-3">
                {t("workspace.booking.date")}
              </th>
              <th scope="col" className="py-2 pr-3">
                {t("workspace.booking.room")}
              </th>
              <th scope="col" className="py-2 pr-3">
                {t("workspace.booking.status")}
              </th>
              {canManage ? (
                <th scope="col" className="py-2">
                  {t("workspace.booking.change")}
                </th>
              ) : null}
            </tr>
          </thead>
          <tbody>
            {booking.dates.map((date) => (
              <tr
                key={date.id}
                className={`border-b border-gray-200 align-top ${selected?.id === date.id ? "bg-brand-50" : ""}`}
              >
                <td className="py-2 pr-3">
                  {formatShortDate(new Date(date.startsAt), tz, locale)}
                  <br />
                  {formatTimeRange(new Date(date.startsAt), new Date(date.endsAt), tz, locale)}
                </td>
                <td className="py-2 pr-3">{date.room.name}</td>
                <td className="py-2 pr-3">
                  {date.status === "ACTIVE"
                    ? date.past
                      ? t("workspace.booking.past")
                      : t("workspace.booking.planned")
                    : t(`workspace.occurrenceStatus.${date.status}`)}
                  {date.moved ? ` · ${t("workspace.booking.movedMark")}` : null}
                  {date.cancelReason ? <span className="block text-sm text-muted">{date.cancelReason}</span> : null}
                  {date.cancellationFeeCents > 0 ? (
                    <span className="block text-sm">
                      {t("workspace.booking.feeCharged")}: <Money cents={date.cancellationFeeCents} />
                    </span>
                  ) : null}
                  {date.attendance ? (
                    <span className="block text-sm">
                      {t("workspace.booking.headcount", { count: date.attendance.headcount })}
                    </span>
                  ) : null}
                </td>
                {canManage ? (
                  <td className="py-2">
                    {date.status === "ACTIVE" && !date.past && isActive ? (
                      <span className="flex flex-wrap gap-x-3">
                        <Link to={`?date=${date.id}&do=move#change`}>
                          {t("workspace.booking.moveThis", {
                            date: formatShortDate(new Date(date.startsAt), tz, locale),
                          })}
                        </Link>
                        <Link to={`?date=${date.id}&do=cancel#change`}>
                          {t("workspace.booking.cancelThis", {
                            date: formatShortDate(new Date(date.startsAt), tz, locale),
                          })}
                        </Link>
                        {booking.rrule ? (
                          <>
                            <Link to={`${base}/change?scope=following&from=${date.id}`}>
                              {t("workspace.booking.changeFollowing")}
                            </Link>
                            <Link to={`?date=${date.id}&do=cancel-from#change`}>
                              {t("workspace.booking.cancelFollowing")}
                            </Link>
                          </>
                        ) : null}
                      </span>
                    ) : null}
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollArea>

      <h2>{t("workspace.booking.payments")}</h2>
      {money.account ? (
        <p>
          {t("workspace.booking.owed")}: <Money cents={money.account.dueCents} /> · {t("workspace.booking.paid")}:{" "}
          <Money cents={money.account.paidCents} /> · {t("workspace.booking.outstanding")}:{" "}
          <strong>
            <Money cents={money.account.outstandingCents} />
          </strong>
          {money.account.upcomingCents > 0 ? (
            <>
              {" "}
              · {t("workspace.booking.upcoming")}: <Money cents={money.account.upcomingCents} />
            </>
          ) : null}
        </p>
      ) : (
        <p>{t("workspace.booking.nothingOwed")}</p>
      )}
      {money.payments.length > 0 ? (
        <ul>
          {money.payments.map((payment) => (
            <li key={payment.id}>
              {formatShortDate(new Date(payment.receivedAt), tz, locale)} · <Money cents={payment.amountCents} /> ·{" "}
              {t(`workspace.paymentMethod.${payment.method}`)}
              {payment.status !== "SUCCEEDED" ? ` · ${t(`workspace.paymentStatus.${payment.status}`)}` : null}
              {payment.reference ? ` · ${payment.reference}` : null}
            </li>
          ))}
        </ul>
      ) : null}

      <h2>{t("workspace.booking.history")}</h2>
      <BookingHistory events={history as never} timeZone={tz} currentBookingId={booking.id} />
    </>
  );
}

function DateChange() {
  const { booking, selected, doing, spaces, centre } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const locale = useLocale();
  const tz = centre.timeZone;
  const lastResult = actionData && actionData.intent === doing ? actionData.result : undefined;
  const [moveForm, moveFields] = useForm({
    id: "move-date",
    lastResult: doing === "move" ? lastResult : undefined,
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: moveSchema }),
    defaultValue: {
      date: selected?.local.slice(0, 10),
      time: selected?.local.slice(11, 16),
      roomId: selected?.room.id,
    },
  });
  const [cancelForm, cancelFields] = useForm({
    id: "cancel-date",
    lastResult: doing !== "move" ? lastResult : undefined,
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: cancelSchema }),
    defaultValue: { fee: "free" },
  });
  if (!selected || !doing) return null;
  const when = `${formatShortDate(new Date(selected.startsAt), tz, locale)} ${formatTimeRange(new Date(selected.startsAt), new Date(selected.endsAt), tz, locale)}`;
  const following = booking.dates.filter(
    (date) => date.status === "ACTIVE" && date.originalLocalStart >= selected.originalLocalStart,
  );
  const feeFollowing = following.reduce((sum, date) => sum + (date.feeNow?.feeCents ?? 0), 0);
  const fee = doing === "cancel" ? (selected.feeNow?.feeCents ?? 0) : feeFollowing;
  return (
    <section id="change" aria-labelledby="change-title" className="card my-4 border-2 border-brand-700">
      <h3 id="change-title" className="mt-0">
        {doing === "move"
          ? t("workspace.booking.moveTitle", { date: when })
          : doing === "cancel"
            ? t("workspace.booking.cancelTitle", { date: when })
            : t("workspace.booking.cancelFromTitle", { date: when, count: following.length })}
      </h3>
      {doing === "move" ? (
        <Form method="post" {...getFormProps(moveForm)} className="grid max-w-xl gap-4">
          <input type="hidden" name="intent" value="move" />
          <input type="hidden" name="occurrenceId" value={selected.id} />
          <p className="m-0">{t("workspace.booking.moveIntro")}</p>
          <FormProblems id={moveForm.errorId} errors={moveForm.errors} />
          <div className="flex flex-wrap gap-4">
            <TextField meta={moveFields.date} label={t("workspace.form.date")} type="date" />
            <TextField meta={moveFields.time} label={t("workspace.form.startTime")} type="time" />
          </div>
          <SelectField
            meta={moveFields.roomId}
            label={t("workspace.form.room")}
            options={spaces.map((space) => ({ value: space.id, label: space.name }))}
          />
          <CheckboxField meta={moveFields.allowOutsideOpeningHours} label={t("workspace.form.allowOutsideHours")} />
          <div>
            <button type="submit" className="button">
              {t("workspace.booking.moveSubmit")}
            </button>{" "}
            <Link to="?" className="ml-3">
              {t("workspace.form.cancel")}
            </Link>
          </div>
        </Form>
      ) : (
        <Form method="post" {...getFormProps(cancelForm)} className="grid max-w-xl gap-4">
          <input type="hidden" name="intent" value={doing} />
          <input type="hidden" name="occurrenceId" value={selected.id} />
          <FormProblems id={cancelForm.errorId} errors={cancelForm.errors} />
          <TextArea
            meta={cancelFields.reason}
            label={t("workspace.booking.reason")}
            hint={t("workspace.booking.reasonHint")}
            rows={2}
          />
          <fieldset>
            <legend className="field-label">{t("workspace.booking.feeLegend")}</legend>
            <div className="flex items-center gap-3">
              <input
                type="radio"
                id="fee-free"
                name={cancelFields.fee.name}
                value="free"
                defaultChecked={cancelFields.fee.initialValue !== "charge"}
                className="h-6 w-6"
              />
              <label htmlFor="fee-free">{t("workspace.booking.feeFree")}</label>
            </div>
            <div className="flex items-center gap-3">
              <input
                type="radio"
                id="fee-charge"
                name={cancelFields.fee.name}
                value="charge"
                defaultChecked={cancelFields.fee.initialValue === "charge"}
                className="h-6 w-6"
              />
              <label htmlFor="fee-charge">
                {t("workspace.booking.feeCharge")} <Money cents={fee} />
              </label>
            </div>
          </fieldset>
          <p className="m-0 text-muted">
            {booking.organisation.contactEmail
              ? t("workspace.booking.contactEmailed")
              : t("workspace.booking.contactCall")}
          </p>
          <div>
            <button type="submit" className="button">
              {doing === "cancel"
                ? t("workspace.booking.cancelSubmit")
                : t("workspace.booking.cancelFromSubmit", { count: following.length })}
            </button>
            <Link to="?" className="ml-3">
              {t("workspace.form.cancel")}
            </Link>
          </div>
        </Form>
      )}
    </section>
  );
}
