import { formatTime } from "~/i18n/format";
import { useLocale, useT } from "~/i18n/react";
import type { ReviewView } from "~/lib/booking-review.server";

/** The words of the choices, in the reader's part of the product. */
const WORDS = {
  team: {
    legend: "workspace.onBehalf.options",
    skip: "workspace.onBehalf.optionSkip",
    room: "workspace.onBehalf.optionRoom",
    time: "workspace.onBehalf.optionTime",
  },
  organisation: {
    legend: "booking.review.options",
    skip: "booking.review.optionSkip",
    room: "booking.review.optionRoom",
    time: "booking.review.optionTime",
  },
} as const;

/**
 * For a date that cannot be booked: skip it, another room that is free then, or the nearest
 * free time. For any other date, the choice made for it earlier, kept as a hidden field.
 */
export function DateChoice({
  date,
  review,
  choices,
  timeZone,
  reader,
  className = "mt-1",
}: {
  date: ReviewView["dates"][number];
  review: ReviewView;
  choices: Record<string, string>;
  timeZone: string;
  reader: "team" | "organisation";
  className?: string;
}) {
  const t = useT();
  const locale = useLocale();
  const words = WORDS[reader];
  const name = `choice:${date.localStart}`;
  const chosen = choices[name];
  if (date.state !== "blocked") return chosen ? <input type="hidden" name={name} value={chosen} /> : null;
  const options = [
    { value: "skip", label: t(words.skip) },
    ...review.alternatives.rooms
      .filter((room) => room.freeOn.includes(date.localStart))
      .map((room) => ({ value: `room:${room.roomId}`, label: t(words.room, { room: room.name }) })),
    ...review.alternatives.times
      .filter((time) => time.localStart === date.localStart)
      .map((time) => ({
        value: `time:${new Date(time.startsAt).toISOString()}`,
        label: t(words.time, { time: formatTime(new Date(time.startsAt), timeZone, locale) }),
      })),
  ];
  return (
    <fieldset className={className}>
      <legend className="font-bold">{t(words.legend)}</legend>
      {options.map((option) => (
        <label key={option.value} className="flex min-h-11 items-center gap-2">
          <input
            type="radio"
            name={name}
            value={option.value}
            defaultChecked={chosen === option.value}
            className="h-5 w-5"
          />
          {option.label}
        </label>
      ))}
    </fieldset>
  );
}
