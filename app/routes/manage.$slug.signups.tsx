import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { requireSignupListAccess } from "~/auth/signup-list-access.server";
import { CancelledBadge } from "~/components/agenda";
import { localDayRange } from "~/domain/residents/agenda";
import { signupLists } from "~/domain/residents/signups.server";
import { formatDayTimeRange, formatMoney, formatShortDate, formatTime } from "~/i18n/format";
import { pageTitle } from "~/i18n/meta";
import { useLocale, useT } from "~/i18n/react";
import { clock } from "~/lib/clock";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "agenda.manage.signupsTitle");

/** Days ahead the sign-up lists cover. */
const DAYS = 56;

/** Who signed up for the coming dates: for the centre's managers and each activity's organiser. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { centre, activityIds } = await requireSignupListAccess(request, params.slug);
  const dates = await signupLists(centre.id, localDayRange(centre.timeZone, clock.now(), 0, DAYS), { activityIds });
  return {
    centre: { slug: centre.slug, name: centre.name, timeZone: centre.timeZone },
    organiserView: activityIds !== undefined,
    dates,
  };
}

export default function SignupLists() {
  const { centre, organiserView, dates } = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  const tz = centre.timeZone;
  const signedUpAt = (at: Date | string) =>
    `${formatShortDate(new Date(at), tz, locale)} ${formatTime(new Date(at), tz, locale)}`;
  return (
    <>
      <h1>{t("agenda.manage.signupsTitle")}</h1>
      <p>{t("agenda.manage.signupsIntro")}</p>
      {organiserView ? <p className="font-bold">{t("agenda.manage.organiserView")}</p> : null}
      {dates.length === 0 ? <p>{t("agenda.manage.noSignupDates")}</p> : null}
      {dates.map((date) => (
        <section key={date.occurrenceId} aria-labelledby={`date-${date.occurrenceId}`} className="card my-4">
          <h2 id={`date-${date.occurrenceId}`} className="mt-0">
            {date.title}
            <span className="block text-base font-normal first-letter:uppercase">
              {formatDayTimeRange(new Date(date.startsAt), new Date(date.endsAt), tz, locale)} · {date.room}
            </span>
          </h2>
          <p className="flex flex-wrap gap-3">
            {t("agenda.manage.places", { taken: date.confirmed.length, capacity: date.capacity })}
            {date.cancelled ? <CancelledBadge /> : null}
          </p>
          <h3 className="mb-1 text-base">{t("agenda.manage.confirmed")}</h3>
          <PeopleTable people={date.confirmed} signedUpAt={signedUpAt} ordered={false} />
          {date.waitlisted.length > 0 ? (
            <>
              <h3 className="mb-1 text-base">{t("agenda.manage.waitlist")}</h3>
              <PeopleTable people={date.waitlisted} signedUpAt={signedUpAt} ordered />
            </>
          ) : null}
        </section>
      ))}
    </>
  );
}

function PeopleTable({
  people,
  signedUpAt,
  ordered,
}: {
  people: {
    id: string;
    name: string;
    email: string | null;
    phone: string | null;
    createdAt: Date | string;
    promotedAt: Date | string | null;
    paidCents: number;
    paymentDueAt: Date | string | null;
  }[];
  signedUpAt: (at: Date | string) => string;
  ordered: boolean;
}) {
  const t = useT();
  const locale = useLocale();
  if (people.length === 0) return <p className="mt-0">{t("agenda.manage.nobody")}</p>;
  return (
    <div className="overflow-x-auto">
      <table className="w-full border-collapse text-left">
        <thead>
          <tr className="border-b-2 border-gray-400">
            {ordered ? (
              <th scope="col" className="py-1 pr-3">
                #
              </th>
            ) : null}
            <th scope="col" className="py-1 pr-3">
              {t("agenda.manage.name")}
            </th>
            <th scope="col" className="py-1 pr-3">
              {t("agenda.manage.email")}
            </th>
            <th scope="col" className="py-1 pr-3">
              {t("agenda.manage.phone")}
            </th>
            <th scope="col" className="py-1">
              {t("agenda.manage.signedUpAt")}
            </th>
          </tr>
        </thead>
        <tbody>
          {people.map((person, index) => (
            <tr key={person.id} className="border-b border-gray-200 align-top">
              {ordered ? <td className="py-1 pr-3">{index + 1}</td> : null}
              <td className="py-1 pr-3">{person.name}</td>
              <td className="py-1 pr-3 break-all">
                {person.email ? <a href={`mailto:${person.email}`}>{person.email}</a> : null}
              </td>
              <td className="py-1 pr-3">
                {person.phone ? <a href={`tel:${person.phone.replace(/[^+\d]/g, "")}`}>{person.phone}</a> : null}
              </td>
              <td className="py-1">
                {signedUpAt(person.createdAt)}
                {person.promotedAt ? <> ({t("agenda.manage.movedUp")})</> : null}
                {person.paidCents > 0 ? (
                  <> · {t("agenda.manage.paidOnline", { amount: formatMoney(person.paidCents, locale) })}</>
                ) : person.paymentDueAt ? (
                  <> · {t("agenda.manage.awaitingPayment")}</>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
