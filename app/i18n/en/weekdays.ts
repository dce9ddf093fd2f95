import type { MessagesOf } from "../catalogue";
import type { weekday as weekdayNl } from "../nl/weekdays";

/** Weekday names, 1 = Monday (ISO), shared by the agenda and the reports. */
export const weekday: MessagesOf<typeof weekdayNl> = {
  "1": "Monday",
  "2": "Tuesday",
  "3": "Wednesday",
  "4": "Thursday",
  "5": "Friday",
  "6": "Saturday",
  "7": "Sunday",
};
