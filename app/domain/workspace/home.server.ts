import { db } from "~/db/client.server";
import { attendanceDay } from "./attendance.server";
import { datesInClosures } from "../centre/closures.server";
import { listCompanionRequests } from "../residents/companions.server";
import { unpaidBookings } from "../money/payments.server";
import { pendingRequests } from "../bookings/request-queue.server";
import { localDateAt } from "../time/time-zone";
import { clock } from "~/lib/clock";

/**
 * What needs a volunteer's attention first, in this order: requests waiting for a decision
 * (oldest first), residents who asked for company the first time, dates still planned inside a
 * closure, bookings that owe money, and today's dates with who opens up. Each list says what
 * it is about; the page shows only what the person may act on or read.
 */
export async function workspaceHome(centreId: string, sees: { money: boolean; requests: boolean }, now = clock.now()) {
  const centre = await db().centre.findUniqueOrThrow({ where: { id: centreId }, select: { timeZone: true } });
  const today = localDateAt(now, centre.timeZone);
  const [requests, companions, closureConflicts, unpaid, todayDates, failedEmails] = await Promise.all([
    sees.requests ? pendingRequests(centreId, now) : Promise.resolve([]),
    listCompanionRequests(centreId, now),
    datesInClosures(centreId, now),
    sees.money ? unpaidBookings(centreId, now) : Promise.resolve([]),
    attendanceDay(centreId, today),
    sees.requests ? db().emailMessage.count({ where: { centreId, status: "FAILED" } }) : Promise.resolve(0),
  ]);
  return {
    today,
    requests: requests.map((request) => ({
      id: request.id,
      title: request.title,
      organisation: request.organisation.name,
      tier: request.tier,
      createdAt: request.createdAt,
      overdue: request.overdue,
      firstDate: request.firstDates[0] ?? null,
      dateCount: request.dateCount,
    })),
    companions: companions
      .filter((request) => request.status === "OPEN")
      .map((request) => ({ id: request.id, name: request.name, activity: request.activity.title, date: request.date })),
    closureConflicts,
    unpaid: unpaid.slice(0, 10),
    unpaidCount: unpaid.length,
    todayDates,
    failedEmails,
  };
}
