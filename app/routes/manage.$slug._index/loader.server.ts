import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireCentrePermission } from "~/auth/guards.server";
import { can } from "~/auth/permissions";
import { listRooms } from "~/domain/centre/rooms.server";
import { occurrencesBetween } from "~/domain/bookings/schedule.server";
import { workspaceHome } from "~/domain/workspace/home.server";
import { clock } from "~/lib/clock";

const WEEK_MS = 7 * 24 * 60 * 60 * 1000;

/** What needs attention first, then today's dates with who opens up, the rooms and the coming week. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { centre, user, role } = await requireCentrePermission(request, params.slug, "centre.view");
  const now = clock.now();
  const allowed = (permission: Parameters<typeof can>[1]) =>
    can({ installationRole: user.installationRole, role }, permission);
  const sees = {
    reads: allowed("centre.read"),
    companions: allowed("attendance.record"),
    manages: allowed("bookings.manage"),
  };
  const [home, rooms, occurrences] = await Promise.all([
    workspaceHome(centre.id, { money: sees.reads, requests: sees.reads }, now),
    listRooms(centre.id),
    occurrencesBetween(centre.id, now, new Date(now.getTime() + WEEK_MS)),
  ]);
  return {
    centre: { slug: centre.slug, name: centre.name, timeZone: centre.timeZone },
    sees,
    home: { ...home, companions: sees.companions ? home.companions : [] },
    rooms: rooms.map((room) => ({
      id: room.id,
      name: room.name,
      kind: room.kind,
      capacity: room.capacity,
      stepFree: room.stepFree,
      facilities: room.facilities,
      setup: room.setupBufferMinutes,
      cleanup: room.cleanupBufferMinutes,
      active: room.active,
      members: room.members.map((member) => member.room.name),
    })),
    bookings: occurrences.map((occurrence) => ({
      id: occurrence.id,
      bookingId: occurrence.booking.id,
      title: occurrence.booking.title,
      organisation: occurrence.booking.organisation.name,
      room: occurrence.room.name,
      status: occurrence.booking.status,
      provisional: occurrence.firmAt !== null && occurrence.firmAt > now,
      startsAt: occurrence.startsAt,
      endsAt: occurrence.endsAt,
    })),
  };
}
