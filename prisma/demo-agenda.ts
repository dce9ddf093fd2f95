import { createHash, randomBytes } from "node:crypto";
import type { Tx } from "~/db/client.server";

/**
 * The residents' side of the demo: a cancelled coffee morning this week (it shows as
 * cancelled), an after-school club date with one place left, a craft afternoon that is full
 * with a waiting list, and an open request for company at the coffee morning. Fictional
 * names; no emails are sent for them. Called at the end of loadDemo, in its transaction.
 */
export async function loadAgendaDemo(tx: Tx, now: Date): Promise<void> {
  const DAY = 24 * 60 * 60 * 1000;
  const soon = new Date(now.getTime() + DAY);
  const nextDate = (title: string, skip = 0) =>
    tx.occurrence.findFirst({
      where: { startsAt: { gt: soon }, status: "ACTIVE", booking: { title } },
      orderBy: { startsAt: "asc" },
      skip,
      include: { booking: { include: { activity: true } } },
    });

  // A coffee morning that does not go ahead: it stays in the agenda, marked as cancelled.
  const cancelled = await nextDate("Koffieochtend");
  if (cancelled) {
    await tx.occurrence.update({
      where: { id: cancelled.id },
      data: { status: "CANCELLED", cancelledAt: now, cancelReason: "Vrijwilligersuitje" },
    });
    await tx.roomClaim.updateMany({ where: { occurrenceId: cancelled.id }, data: { active: false } });
  }

  const people = [
    "Fatima El Idrissi",
    "Daan de Vries",
    "Sanne Jacobs",
    "Mohamed Yilmaz",
    "Lotte Bakker",
    "Ahmed Benali",
    "Emma Willems",
    "Noah Peters",
    "Julia Hendriks",
    "Levi Maas",
    "Zoë Kramer",
    "Finn de Groot",
    "Sara Mulder",
    "Milan Bos",
    "Nora Kuiper",
    "Ruben Smit",
  ];
  const signups = async (
    occurrence: NonNullable<Awaited<ReturnType<typeof nextDate>>>,
    confirmed: number,
    waiting: number,
    from: number,
  ) => {
    const activity = occurrence.booking.activity!;
    await tx.signup.createMany({
      data: Array.from({ length: confirmed + waiting }, (_, index) => {
        const number = from + index;
        const email = `bewoner${number}@voorbeeld.example`;
        return {
          centreId: occurrence.centreId,
          activityId: activity.id,
          occurrenceId: occurrence.id,
          name: people[index % people.length]!,
          email,
          contactKey: `e:${email}`,
          status: index < confirmed ? ("CONFIRMED" as const) : ("WAITLISTED" as const),
          cancelTokenHash: createHash("sha256").update(randomBytes(32)).digest("hex"),
          createdAt: new Date(now.getTime() - (confirmed + waiting - index) * 60 * 60 * 1000),
        };
      }),
    });
  };
  // The after-school club's next date has one place left; the craft afternoon is full.
  const huiswerk = await nextDate("Huiswerkclub");
  if (huiswerk?.booking.activity?.capacity) await signups(huiswerk, huiswerk.booking.activity.capacity - 1, 0, 1);
  const knutsel = await nextDate("Knutselmiddag");
  if (knutsel?.booking.activity?.capacity) await signups(knutsel, knutsel.booking.activity.capacity, 2, 100);

  // Someone new in the neighbourhood would like company at the coffee morning.
  const coffee = await nextDate("Koffieochtend");
  if (coffee?.booking.activity) {
    await tx.companionRequest.create({
      data: {
        centreId: coffee.centreId,
        activityId: coffee.booking.activity.id,
        occurrenceId: coffee.id,
        name: "Annie Verbeek",
        phone: "06 12345678",
        message: "Ik woon hier pas. Ik ken nog niemand.",
        createdAt: new Date(now.getTime() - 2 * 60 * 60 * 1000),
      },
    });
  }
}
