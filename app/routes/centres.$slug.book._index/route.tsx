import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { getSignedInUser } from "~/auth/guards.server";
import { repeatLabel } from "~/components/booking";
import { FieldError } from "~/components/form-field";
import { searchAvailability } from "~/domain/bookings/availability.server";
import { DURATIONS, FACILITIES, REPEATS, patternFromForm, searchSchema } from "~/domain/bookings/form";
import { findCentreBySlug } from "~/domain/centre/centres.server";
import { fromWallClock, localDateAt, parseWallClock } from "~/domain/time/time-zone";
import { weekSchedule } from "~/domain/workspace/week-schedule.server";
import { formatDay, formatTime, formatTimeRange } from "~/i18n/format";
import { pageTitle } from "~/i18n/meta";
import { useLocale, useT } from "~/i18n/react";
import type { Key } from "~/i18n/translate";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "booking.search.title");

const SEARCH_WEEKS = 26;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const centre = await findCentreBySlug(params.slug ?? "");
  if (!centre) throw new Response("Not found", { status: 404 });
  const url = new URL(request.url);
  const user = await getSignedInUser(request);
  const raw = Object.fromEntries(url.searchParams);
  const values = { ...raw, facilities: url.searchParams.getAll("facilities") };
  const base = {
    centre: { slug: centre.slug, name: centre.name, timeZone: centre.timeZone },
    signedIn: Boolean(user),
    values,
  };
  if (!url.searchParams.has("date")) return { ...base, errors: null, results: null, week: null };

  const parsed = searchSchema.safeParse(values);
  if (!parsed.success) {
    const errors: Record<string, string[]> = {};
    for (const issue of parsed.error.issues) (errors[String(issue.path[0])] ??= []).push(issue.message);
    return { ...base, errors, results: null, week: null };
  }
  const query = parsed.data;
  const pattern = patternFromForm(query);
  const first = fromWallClock(parseWallClock(pattern.localStart)!, centre.timeZone);
  const results = await searchAvailability(centre.id, {
    ...pattern,
    durationMinutes: query.duration,
    attendees: query.people,
    facilities: query.facilities,
    stepFree: query.stepFree,
    until: new Date(first.getTime() + SEARCH_WEEKS * 7 * 86_400_000),
  });
  const week = await weekSchedule(centre.id, query.date, { seesDetails: false });
  return { ...base, errors: null, results: { ...results, first, query, localStart: pattern.localStart }, week };
}

export default function SearchRooms() {
  const { centre, values, errors, results, week, signedIn } = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  const value = (name: string) => (values as Record<string, string | string[] | undefined>)[name];
  const bookHref = (roomId: string, time?: string) => {
    const params = new URLSearchParams();
    for (const [name, entry] of Object.entries(values)) {
      if (Array.isArray(entry)) entry.forEach((item) => params.append(name, item));
      else if (entry) params.set(name, entry);
    }
    params.set("roomId", roomId);
    if (time) params.set("time", time);
    return `/centres/${centre.slug}/book/new?${params}`;
  };
  return (
    <>
      <h1>{t("booking.search.title")}</h1>
      <p>{t("booking.search.intro")}</p>
      <Form method="get" className="grid gap-4 md:grid-cols-2">
        <div>
          <label htmlFor="date" className="field-label">
            {t("booking.search.date")}
          </label>
          <input
            id="date"
            name="date"
            type="date"
            className="field-input"
            defaultValue={String(value("date") ?? "")}
            required
            aria-describedby={errors?.date ? "date-error" : undefined}
          />
          <FieldError id="date-error" errors={errors?.date} />
        </div>
        <div>
          <label htmlFor="time" className="field-label">
            {t("booking.search.time")}
          </label>
          <input
            id="time"
            name="time"
            type="time"
            className="field-input"
            defaultValue={String(value("time") ?? "19:30")}
            required
            aria-describedby={errors?.time ? "time-error" : undefined}
          />
          <FieldError id="time-error" errors={errors?.time} />
        </div>
        <div>
          <label htmlFor="duration" className="field-label">
            {t("booking.search.duration")}
          </label>
          <select
            id="duration"
            name="duration"
            className="field-input"
            defaultValue={String(value("duration") ?? "120")}
          >
            {DURATIONS.map((minutes) => (
              <option key={minutes} value={minutes}>
                {t("booking.search.durationOption", { minutes })}
              </option>
            ))}
          </select>
          <FieldError id="duration-error" errors={errors?.duration} />
        </div>
        <div>
          <label htmlFor="people" className="field-label">
            {t("booking.search.people")}
          </label>
          <input
            id="people"
            name="people"
            type="number"
            min={1}
            inputMode="numeric"
            className="field-input"
            defaultValue={String(value("people") ?? "10")}
            aria-describedby={errors?.people ? "people-error" : undefined}
          />
          <FieldError id="people-error" errors={errors?.people} />
        </div>
        <div>
          <label htmlFor="repeat" className="field-label">
            {t("booking.search.repeat")}
          </label>
          <select id="repeat" name="repeat" className="field-input" defaultValue={String(value("repeat") ?? "none")}>
            {REPEATS.filter((repeat) => repeat !== "monthly-last").map((repeat) => (
              <option key={repeat} value={repeat}>
                {t(repeatLabel(repeat))}
              </option>
            ))}
          </select>
          <input type="hidden" name="endBy" value="open" />
        </div>
        <fieldset className="md:col-span-2">
          <legend className="field-label">{t("booking.search.facilities")}</legend>
          <div className="grid grid-cols-1 gap-1 sm:grid-cols-2 md:grid-cols-3">
            {FACILITIES.map((facility) => (
              <label key={facility} className="flex min-h-11 items-center gap-2">
                <input
                  type="checkbox"
                  name="facilities"
                  value={facility}
                  defaultChecked={(value("facilities") as string[] | undefined)?.includes(facility)}
                  className="h-5 w-5"
                />
                {t(`facility.${facility}` as Key)}
              </label>
            ))}
            <label className="flex min-h-11 items-center gap-2">
              <input type="checkbox" name="stepFree" defaultChecked={value("stepFree") === "on"} className="h-5 w-5" />
              {t("booking.search.stepFree")}
            </label>
          </div>
        </fieldset>
        <div className="md:col-span-2">
          <button type="submit" className="button">
            {t("booking.search.submit")}
          </button>
        </div>
      </Form>

      {results ? (
        <section aria-labelledby="results-heading">
          <h2 id="results-heading">{t("booking.search.results")}</h2>
          <p>
            {t("booking.search.resultsFor", {
              day: formatDay(new Date(results.first), centre.timeZone, locale),
              time: formatTime(new Date(results.first), centre.timeZone, locale),
              people: results.query.people,
            })}
          </p>
          {!signedIn ? (
            <p className="card bg-brand-50">
              {t("booking.search.signInToBook")}{" "}
              <Link to={`/centres/${centre.slug}/register`}>{t("booking.search.registerLink")}</Link>
            </p>
          ) : null}
          {results.free.length === 0 ? <p>{t("booking.search.noResults")}</p> : null}
          <ul className="m-0 grid list-none gap-3 p-0 md:grid-cols-2">
            {results.free.map((room) => (
              <li key={room.roomId} className="card">
                <h3 className="m-0">{room.name}</h3>
                <p className="m-0">
                  {t("booking.search.capacity", { count: room.capacity })} ·{" "}
                  {room.stepFree ? t("manage.stepFree") : t("manage.notStepFree")}
                </p>
                {room.location ? <p className="m-0 text-muted">{room.location}</p> : null}
                {room.facilities.length > 0 ? (
                  <p className="m-0">{room.facilities.map((f) => t(`facility.${f}` as Key)).join(", ")}</p>
                ) : null}
                <p className="mb-0 mt-2">
                  <span className="badge bg-brand-100 text-brand-900">{t("booking.search.free")}</span>
                </p>
                <p className="mb-0 mt-2">
                  <Link className="button" to={bookHref(room.roomId)}>
                    {t("booking.search.book", { room: room.name })}
                  </Link>
                </p>
              </li>
            ))}
          </ul>
          {results.nearMisses.length > 0 ? (
            <>
              <h3>{t("booking.search.nearMisses")}</h3>
              <ul className="m-0 grid list-none gap-3 p-0 md:grid-cols-2">
                {results.nearMisses.map((room) => (
                  <li key={room.roomId} className="card">
                    <h4 className="m-0 text-lg">{room.name}</h4>
                    <p className="m-0">{t("booking.search.capacity", { count: room.capacity })}</p>
                    {room.dates > 1 ? (
                      <p className="m-0">
                        {t("booking.search.freeOn", { count: room.dates - room.unavailable.length })}
                      </p>
                    ) : null}
                    <ul className="m-0 mt-2 flex list-none flex-wrap gap-2 p-0">
                      {room.nearest.slice(0, 3).map((time) => (
                        <li key={time.localStart + time.startsAt.toString()}>
                          <Link
                            className="button-secondary"
                            to={bookHref(room.roomId, formatTime(new Date(time.startsAt), centre.timeZone, "nl"))}
                          >
                            {t("booking.search.freeAt", {
                              time: formatTime(new Date(time.startsAt), centre.timeZone, locale),
                            })}
                          </Link>
                        </li>
                      ))}
                    </ul>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </section>
      ) : null}

      {week ? <WeekGrid week={week} timeZone={centre.timeZone} /> : null}
    </>
  );
}

/** Busy times per room and day: a table on wider screens, a list per room on a phone. */
function WeekGrid({
  week,
  timeZone,
}: {
  week: NonNullable<ReturnType<typeof useLoaderData<typeof loader>>["week"]>;
  timeZone: string;
}) {
  const t = useT();
  const locale = useLocale();
  const busy = (roomId: string, day: string) =>
    week.blocks
      .filter((block) => block.roomId === roomId && localDateAt(new Date(block.startsAt), timeZone) === day)
      .map((block) => formatTimeRange(new Date(block.startsAt), new Date(block.endsAt), timeZone, locale));
  const dayLabel = (day: string) =>
    formatDay(fromWallClock(parseWallClock(`${day}T12:00`)!, timeZone), timeZone, locale);
  return (
    <section aria-labelledby="week-heading">
      <h2 id="week-heading">{t("booking.search.weekTitle")}</h2>
      <div className="hidden overflow-x-auto md:block">
        <table className="w-full border-collapse text-left text-base">
          <caption className="mb-2 text-left">
            {t("booking.search.weekCaption", { day: dayLabel(week.weekStart) })}
          </caption>
          <thead>
            <tr>
              <th scope="col" className="border-b-2 border-gray-400 p-2">
                {t("manage.room")}
              </th>
              {week.days.map((day) => (
                <th key={day} scope="col" className="border-b-2 border-gray-400 p-2">
                  {dayLabel(day)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {week.rooms.map((room) => (
              <tr key={room.id} className="align-top">
                <th scope="row" className="border-b border-gray-200 p-2">
                  {room.name}
                </th>
                {week.days.map((day) => (
                  <td key={day} className="border-b border-gray-200 p-2">
                    {busy(room.id, day).map((range) => (
                      <span key={range} className="mb-1 block rounded bg-gray-200 px-1 text-sm">
                        {range}
                      </span>
                    ))}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <ul className="m-0 list-none p-0 md:hidden">
        {week.rooms.map((room) => (
          <li key={room.id} className="card mb-2">
            <h3 className="m-0">{room.name}</h3>
            <ul className="m-0 list-none p-0">
              {week.days.map((day) => {
                const times = busy(room.id, day);
                return times.length === 0 ? null : (
                  <li key={day}>
                    {dayLabel(day)}: {t("booking.search.busy")} {times.join(", ")}
                  </li>
                );
              })}
            </ul>
          </li>
        ))}
      </ul>
    </section>
  );
}
