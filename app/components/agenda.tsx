import { Form, Link } from "@remix-run/react";
import type { ReactNode } from "react";
import { describeSchedule, type Schedule } from "~/domain/residents/activity-schedule";
import {
  AUDIENCES,
  AUDIENCE_PARAM,
  PERIODS,
  agendaSearch,
  dayLabels,
  groupByActivity,
  groupByDay,
  hasFilters,
  type AgendaQuery,
  type Period,
} from "~/domain/residents/agenda";
import type { ActivityKind, Audience } from "~/generated/prisma/enums";
import type { Locale } from "~/i18n/catalogue";
import { formatDay, formatMoney, formatShortDate, formatTimeRange } from "~/i18n/format";
import { useLocale, useT } from "~/i18n/react";
import type { Translate } from "~/i18n/translate";
import { TextField, type AnyField } from "./form-field";
import { translateMessage } from "~/lib/messages";

/**
 * The pieces of the public agenda pages (a centre's agenda and the combined one): period
 * links, the filter form (a plain GET form: works without JavaScript), and the lists; and
 * the parts of an activity's resident forms.
 */

export interface AgendaItemView {
  occurrenceId: string;
  activityId: string;
  centre: { slug: string; name: string; timeZone: string };
  title: string;
  kind: ActivityKind;
  audiences: Audience[];
  priceCents: number;
  organiser: string;
  accessibilityNotes: string;
  room: { name: string; location: string; stepFree: boolean };
  startsAt: Date | string;
  endsAt: Date | string;
  cancelled: boolean;
  placesLeft: number | null;
  schedule: Schedule;
}

function activityPath(item: { centre: { slug: string }; activityId: string }): string {
  return `/centres/${item.centre.slug}/activities/${item.activityId}`;
}

export function scheduleWords(schedule: Schedule, t: Translate, locale: Locale): string | undefined {
  return describeSchedule(schedule, t as Parameters<typeof describeSchedule>[1], locale);
}

function KindBadge({ kind }: { kind: ActivityKind }) {
  const t = useT();
  return (
    <span className={`badge ${kind === "WALK_IN" ? "bg-brand-100 text-brand-900" : "bg-amber-100 text-amber-950"}`}>
      {t(`activityKind.${kind}`)}
    </span>
  );
}

export function CancelledBadge() {
  const t = useT();
  return <span className="badge bg-red-100 text-red-900">{t("centre.cancelled")}</span>;
}

export function PlacesLeft({ placesLeft }: { placesLeft: number | null }) {
  const t = useT();
  if (placesLeft === null) return null;
  return (
    <span className={placesLeft === 0 ? "font-bold text-red-900" : ""}>
      {t("agenda.list.placesLeft", { count: placesLeft })}
    </span>
  );
}

export function priceText(cents: number, t: Translate, locale: Locale): string {
  return cents === 0 ? t("centre.free") : formatMoney(cents, locale);
}

/** What is wrong with a resident's form as a whole (sign-up, companion), above it. */
export function ResidentFormErrors({ id, errors }: { id: string; errors: string[] | undefined }) {
  const t = useT();
  if (!errors?.length) return null;
  return (
    <p id={id} role="alert" className="card m-0 border-red-700 font-bold text-red-800">
      {errors.map((error) => translateMessage(t, error)).join(" ")}
    </p>
  );
}

/** A name and one way to reach the person: what the sign-up and companion forms both ask (contactFieldsSchema). */
export function ContactFields({ fields }: { fields: Record<"name" | "email" | "phone", AnyField> }) {
  const t = useT();
  return (
    <>
      <TextField meta={fields.name} label={t("agenda.signup.name")} autoComplete="name" />
      <fieldset className="m-0 grid gap-4 border-0 p-0">
        <legend className="field-label">{t("agenda.signup.contactLegend")}</legend>
        <TextField
          meta={fields.email}
          label={t("agenda.signup.email")}
          type="email"
          autoComplete="email"
          labelClassName="field-label font-normal"
        />
        <TextField
          meta={fields.phone}
          label={t("agenda.signup.phone")}
          type="tel"
          autoComplete="tel"
          labelClassName="field-label font-normal"
        />
      </fieldset>
    </>
  );
}

/** Today / This week / Later, keeping the filters. */
export function PeriodNav({ query, basePath }: { query: AgendaQuery; basePath: string }) {
  const t = useT();
  return (
    <nav aria-label={t("agenda.period.label")} className="my-4">
      <ul className="m-0 flex list-none flex-wrap gap-2 p-0">
        {PERIODS.map((period: Period) => {
          const current = period === query.period;
          return (
            <li key={period}>
              <Link
                to={`${basePath}${agendaSearch({ ...query, period })}`}
                aria-current={current ? "page" : undefined}
                className={current ? "button" : "button-secondary"}
                preventScrollReset
              >
                {t(`agenda.period.${period}`)}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}

function Checkbox({
  name,
  value,
  checked,
  children,
}: {
  name: string;
  value: string;
  checked: boolean;
  children: ReactNode;
}) {
  return (
    <label className="flex min-h-11 items-center gap-3">
      <input
        type="checkbox"
        name={name}
        value={value}
        defaultChecked={checked}
        className="h-6 w-6 shrink-0 accent-brand-700"
      />
      <span>{children}</span>
    </label>
  );
}

/** The filters as a GET form: the result is an address that can be shared and bookmarked. */
export function AgendaFilterForm({
  query,
  basePath,
  centres,
}: {
  query: AgendaQuery;
  basePath: string;
  centres?: { slug: string; name: string }[];
}) {
  const t = useT();
  const { filters } = query;
  return (
    <Form method="get" action={basePath} className="card my-4 grid gap-4 bg-gray-50" preventScrollReset>
      <h2 className="m-0 text-lg">{t("agenda.filters.legend")}</h2>
      {query.period !== "week" ? <input type="hidden" name="when" value={query.period} /> : null}
      {centres ? (
        <fieldset className="m-0 border-0 p-0">
          <legend className="field-label">{t("agenda.filters.centres")}</legend>
          <div className="grid gap-x-6 sm:grid-cols-2">
            {centres.map((centre) => (
              <Checkbox
                key={centre.slug}
                name="centre"
                value={centre.slug}
                checked={filters.centres.includes(centre.slug)}
              >
                {centre.name}
              </Checkbox>
            ))}
          </div>
        </fieldset>
      ) : null}
      <fieldset className="m-0 border-0 p-0">
        <legend className="field-label">{t("agenda.filters.for")}</legend>
        <div className="grid gap-x-6 sm:grid-cols-2">
          {AUDIENCES.map((audience) => (
            <Checkbox
              key={audience}
              name="for"
              value={AUDIENCE_PARAM[audience]}
              checked={filters.audiences.includes(audience)}
            >
              {t(`audience.${audience}`)}
            </Checkbox>
          ))}
        </div>
      </fieldset>
      <fieldset className="m-0 border-0 p-0">
        <legend className="field-label">{t("agenda.filters.other")}</legend>
        <Checkbox name="free" value="1" checked={filters.free}>
          {t("agenda.filters.free")}
        </Checkbox>
        <Checkbox name="walk-in" value="1" checked={filters.walkIn}>
          {t("agenda.filters.walkIn")}
        </Checkbox>
        <Checkbox name="step-free" value="1" checked={filters.stepFree}>
          {t("agenda.filters.stepFree")}
        </Checkbox>
      </fieldset>
      <div className="flex flex-wrap items-center gap-4">
        <button type="submit" className="button">
          {t("agenda.filters.submit")}
        </button>
        {hasFilters(filters) ? (
          <Link
            to={`${basePath}${agendaSearch({ period: query.period, filters: { ...filters, audiences: [], free: false, walkIn: false, stepFree: false, centres: [] } })}`}
          >
            {t("agenda.filters.clear")}
          </Link>
        ) : null}
      </div>
    </Form>
  );
}

/** What, when, where, price, organiser, access: the facts of one date, as a description list. */
function Facts({ item, showCentre, withTime }: { item: AgendaItemView; showCentre: boolean; withTime: boolean }) {
  const t = useT();
  const locale = useLocale();
  const tz = item.centre.timeZone;
  const where = [item.room.name, item.room.location].filter(Boolean).join(" – ");
  return (
    <dl className="m-0 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1">
      {withTime ? (
        <>
          <dt className="font-bold">{t("centre.when")}</dt>
          <dd className="m-0">{formatTimeRange(new Date(item.startsAt), new Date(item.endsAt), tz, locale)}</dd>
        </>
      ) : null}
      <dt className="font-bold">{t("centre.where")}</dt>
      <dd className="m-0">
        {showCentre ? (
          <>
            <Link to={`/centres/${item.centre.slug}`}>{item.centre.name}</Link>,{" "}
          </>
        ) : null}
        {where}
      </dd>
      <dt className="font-bold">{t("centre.price")}</dt>
      <dd className="m-0">{priceText(item.priceCents, t, locale)}</dd>
      <dt className="font-bold">{t("centre.organiser")}</dt>
      <dd className="m-0">{item.organiser}</dd>
      <dt className="font-bold">{t("agenda.activity.accessibility")}</dt>
      <dd className="m-0">
        {item.room.stepFree ? t("agenda.list.stepFree") : t("agenda.list.notStepFree")}
        {item.accessibilityNotes ? <>. {item.accessibilityNotes}</> : null}
      </dd>
    </dl>
  );
}

/** Today and this week: the dates day by day. */
function AgendaDays({ items, showCentre, now }: { items: AgendaItemView[]; showCentre: boolean; now: Date | string }) {
  const t = useT();
  const locale = useLocale();
  return (
    <>
      {groupByDay(items).map((group) => {
        const first = group.items[0]!;
        const labels = dayLabels(first.centre.timeZone, new Date(now));
        const relative =
          group.day === labels.today
            ? t("agenda.list.today")
            : group.day === labels.tomorrow
              ? t("agenda.list.tomorrow")
              : null;
        const dayName = formatDay(new Date(first.startsAt), first.centre.timeZone, locale);
        return (
          <section key={group.day} aria-labelledby={`day-${group.day}`}>
            <h2 id={`day-${group.day}`} className="first-letter:uppercase">
              {relative ? `${relative}, ${dayName}` : dayName}
            </h2>
            <ul className="m-0 grid list-none gap-3 p-0">
              {group.items.map((item) => (
                <li key={item.occurrenceId} className={`card ${item.cancelled ? "border-red-300 bg-red-50" : ""}`}>
                  <h3 className="mt-0 mb-2 text-lg">
                    <Link to={activityPath(item)}>{item.title}</Link>
                    {item.cancelled ? (
                      <>
                        {" "}
                        <CancelledBadge />
                      </>
                    ) : null}
                  </h3>
                  <p className="mt-0 mb-2 flex flex-wrap items-center gap-x-3 gap-y-1">
                    <KindBadge kind={item.kind} /> {item.cancelled ? null : <PlacesLeft placesLeft={item.placesLeft} />}
                  </p>
                  <Facts item={item} showCentre={showCentre} withTime />
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </>
  );
}

/** Further ahead: each activity once, said in words, with its dates in the period. */
function AgendaActivities({ items, showCentre }: { items: AgendaItemView[]; showCentre: boolean }) {
  const t = useT();
  const locale = useLocale();
  return (
    <ul className="m-0 grid list-none gap-3 p-0">
      {groupByActivity(items).map((group) => {
        const first = group.items[0]!;
        const words = scheduleWords(first.schedule, t, locale);
        return (
          <li key={group.activityId} className="card">
            <h2 className="mt-0 mb-2 text-lg">
              <Link to={activityPath(first)}>{first.title}</Link>
            </h2>
            <p className="mt-0 mb-2 flex flex-wrap items-center gap-x-3 gap-y-1">
              <KindBadge kind={first.kind} />{" "}
              {words ? <span className="font-bold first-letter:uppercase">{words}</span> : null}
            </p>
            <Facts item={first} showCentre={showCentre} withTime={false} />
            <h3 className="mt-3 mb-1 text-base">{t("agenda.list.nextDates")}</h3>
            <ul className="m-0 grid list-none gap-1 p-0">
              {group.items.map((item) => (
                <li key={item.occurrenceId} className="flex flex-wrap items-center gap-x-2">
                  <span className={item.cancelled ? "line-through" : ""}>
                    {formatShortDate(new Date(item.startsAt), item.centre.timeZone, locale)},{" "}
                    {formatTimeRange(new Date(item.startsAt), new Date(item.endsAt), item.centre.timeZone, locale)}
                  </span>{" "}
                  {item.cancelled ? <CancelledBadge /> : <PlacesLeft placesLeft={item.placesLeft} />}
                </li>
              ))}
            </ul>
          </li>
        );
      })}
    </ul>
  );
}

/** The list for a period: days for today and this week, activities for further ahead. */
export function AgendaResults({
  query,
  items,
  showCentre,
  now,
}: {
  query: AgendaQuery;
  items: AgendaItemView[];
  showCentre: boolean;
  now: Date | string;
}) {
  const t = useT();
  if (items.length === 0) {
    return (
      <p className="card">{hasFilters(query.filters) ? t("agenda.list.emptyFiltered") : t("agenda.list.empty")}</p>
    );
  }
  return (
    <>
      <p className="text-muted">
        {t("agenda.list.count", { count: new Set(items.map((item) => item.activityId)).size })}
      </p>
      {query.period === "later" ? (
        <AgendaActivities items={items} showCentre={showCentre} />
      ) : (
        <AgendaDays items={items} showCentre={showCentre} now={now} />
      )}
    </>
  );
}
