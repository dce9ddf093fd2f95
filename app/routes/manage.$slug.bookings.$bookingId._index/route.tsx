import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { requireCentrePermission } from "~/auth/guards.server";
import { can } from "~/auth/permissions";
import { BookingHistory } from "~/components/booking-history";
import { Done, Money, TierBadge } from "~/components/workspace";
import { db } from "~/db/client.server";
import { bookingHistory } from "~/domain/bookings/history.server";
import { bookingForManager } from "~/domain/bookings/manager-changes.server";
import { listSpaces } from "~/domain/centre/rooms.server";
import { bookingPayments } from "~/domain/money/payments.server";
import { describeSchedule, scheduleOf } from "~/domain/residents/activity-schedule";
import { assertOfCentre } from "~/domain/shared/ownership.server";
import { localDateTimeAt, parseWallClock } from "~/domain/time/time-zone";
import { pageTitle } from "~/i18n/meta";
import { useLocale, useT } from "~/i18n/react";
import { idParam, orNotFound } from "~/lib/workspace-route.server";
import { answerCancel, answerMove } from "./answers.server";
import { DateChange } from "./date-change";
import { DatesTable } from "./dates-table";
import { BookingPayments } from "./payments";

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  pageTitle(matches, "workspace.booking.title", { title: data?.booking.title ?? "" });

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
  return formData.get("intent") === "move"
    ? answerMove(actor, here, formData)
    : answerCancel(actor, bookingId, here, formData);
}

export default function BookingPage() {
  const { centre, booking, selected, doing, done, history, money, spaces, canManage, canPay } =
    useLoaderData<typeof loader>();
  // a refused form comes back as it was sent; its intent says whether it is the one open now
  const refused = useActionData<typeof action>();
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
      {selected && doing && canManage ? (
        <DateChange
          booking={booking}
          selected={selected}
          doing={doing}
          spaces={spaces}
          timeZone={tz}
          lastResult={refused?.initialValue?.intent === doing ? refused : undefined}
        />
      ) : null}
      <DatesTable
        booking={booking}
        selectedId={selected?.id}
        isActive={isActive}
        canManage={canManage}
        base={base}
        timeZone={tz}
      />

      <BookingPayments money={money} timeZone={tz} />

      <h2>{t("workspace.booking.history")}</h2>
      <BookingHistory events={history as never} timeZone={tz} currentBookingId={booking.id} />
    </>
  );
}
