import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { getSignedInUser } from "~/auth/guards.server";
import { repeatLabel } from "~/components/booking";
import { PlainField } from "~/components/form-field";
import { searchAvailability } from "~/domain/bookings/availability.server";
import { DURATIONS, FACILITIES, REPEATS, patternFromForm, searchSchema } from "~/domain/bookings/form";
import { findCentreBySlug } from "~/domain/centre/centres.server";
import { fromWallClock, parseWallClock } from "~/domain/time/time-zone";
import { weekSchedule } from "~/domain/workspace/week-schedule.server";
import { pageTitle } from "~/i18n/meta";
import { useT } from "~/i18n/react";
import type { Key } from "~/i18n/translate";
import { SearchResults } from "./results";
import { WeekGrid } from "./week-grid";

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
        <PlainField id="date" label={t("booking.search.date")} errors={errors?.date}>
          {(aria) => (
            <input
              id="date"
              name="date"
              type="date"
              className="field-input"
              defaultValue={String(value("date") ?? "")}
              required
              {...aria}
            />
          )}
        </PlainField>
        <PlainField id="time" label={t("booking.search.time")} errors={errors?.time}>
          {(aria) => (
            <input
              id="time"
              name="time"
              type="time"
              className="field-input"
              defaultValue={String(value("time") ?? "19:30")}
              required
              {...aria}
            />
          )}
        </PlainField>
        <PlainField id="duration" label={t("booking.search.duration")} errors={errors?.duration}>
          {(aria) => (
            <select
              id="duration"
              name="duration"
              className="field-input"
              defaultValue={String(value("duration") ?? "120")}
              {...aria}
            >
              {DURATIONS.map((minutes) => (
                <option key={minutes} value={minutes}>
                  {t("booking.search.durationOption", { minutes })}
                </option>
              ))}
            </select>
          )}
        </PlainField>
        <PlainField id="people" label={t("booking.search.people")} errors={errors?.people}>
          {(aria) => (
            <input
              id="people"
              name="people"
              type="number"
              min={1}
              inputMode="numeric"
              className="field-input"
              defaultValue={String(value("people") ?? "10")}
              {...aria}
            />
          )}
        </PlainField>
        <PlainField id="repeat" label={t("booking.search.repeat")} errors={errors?.repeat}>
          {(aria) => (
            <select
              id="repeat"
              name="repeat"
              className="field-input"
              defaultValue={String(value("repeat") ?? "none")}
              {...aria}
            >
              {REPEATS.filter((repeat) => repeat !== "monthly-last").map((repeat) => (
                <option key={repeat} value={repeat}>
                  {t(repeatLabel(repeat))}
                </option>
              ))}
            </select>
          )}
        </PlainField>
        <input type="hidden" name="endBy" value="open" />
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

      {results ? <SearchResults results={results} signedIn={signedIn} centre={centre} bookHref={bookHref} /> : null}

      {week ? <WeekGrid week={week} timeZone={centre.timeZone} /> : null}
    </>
  );
}
