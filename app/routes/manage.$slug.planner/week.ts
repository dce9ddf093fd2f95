import { useLoaderData } from "@remix-run/react";
import { TIER_STYLE } from "~/components/workspace";
import { clock, gridRange, type PlannerBlock } from "~/domain/workspace/planner";
import { startOfLocalDay } from "~/domain/time/time-zone";
import { useLocale, useT } from "~/i18n/react";
import type { loader } from "./loader.server";

type Block = Omit<PlannerBlock, "startsAt" | "endsAt" | "blockStartsAt" | "blockEndsAt"> & {
  startsAt: string | Date;
  endsAt: string | Date;
};

export function blockStyle(block: Block): string {
  const edge =
    block.bookingStatus === "PENDING" ? "border-dotted" : block.provisional ? "border-dashed" : "border-solid";
  const stripes =
    block.provisional || block.bookingStatus === "PENDING"
      ? " bg-[repeating-linear-gradient(135deg,transparent_0_6px,rgba(0,0,0,0.08)_6px_12px)]"
      : "";
  return `${TIER_STYLE[block.tier]} ${edge} border-2${stripes}`;
}

/** The planner's week with what its picture and its list share: the grid's hours, places on it, links. */
export function usePlannerWeek() {
  const { centre, week, canBook, canOpen } = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  const tz = centre.timeZone;
  const dayInstant = (date: string) => startOfLocalDay(date, tz);
  const range = gridRange(week.days as never, week.openingHours);
  const span = range.to - range.from;
  const percent = (minute: number) =>
    `${((Math.min(Math.max(minute, range.from), range.to) - range.from) / span) * 100}%`;
  const width = (from: number, to: number) =>
    `${((Math.min(to, range.to) - Math.max(from, range.from)) / span) * 100}%`;
  const hours = Array.from({ length: Math.floor(span / 120) + 1 }, (_, index) => range.from + index * 120).filter(
    (minute) => minute < range.to,
  );
  const roomName = new Map(week.rooms.map((room) => [room.id, room.name]));
  const newBooking = (roomId: string, date: string, minute: number) =>
    `/manage/${centre.slug}/bookings/new?roomId=${roomId}&date=${date}&time=${clock(minute)}`;
  const bookingLink = (bookingId: string) => `/manage/${centre.slug}/bookings/${bookingId}`;
  const statusWords = (block: Block) =>
    [
      block.bookingStatus === "PENDING" ? t("workspace.planner.pending") : null,
      block.provisional ? t("workspace.planner.provisional") : null,
    ]
      .filter(Boolean)
      .join(" · ");
  return {
    week,
    canBook,
    canOpen,
    t,
    locale,
    tz,
    dayInstant,
    percent,
    width,
    hours,
    roomName,
    newBooking,
    bookingLink,
    statusWords,
  };
}
