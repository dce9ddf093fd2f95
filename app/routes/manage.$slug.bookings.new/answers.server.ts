import { data, redirect } from "@remix-run/node";
import { bookingFormSchema, bookingRequestFromForm } from "~/domain/bookings/form";
import { requestBooking, reviewBookingRequest } from "~/domain/bookings/requests.server";
import type { Actor } from "~/domain/shared/actor";
import { addOrganisation } from "~/domain/workspace/organisation-admin.server";
import { choicesOf, reviewView } from "~/lib/booking-review.server";
import { answerForm } from "~/lib/form-action.server";
import { newOrganisationSchema } from "./schema";

/** The new organisation is added and chosen; the room, date and time of the page stay. */
export function answerNewOrganisation(actor: Actor, centreSlug: string, formData: FormData) {
  return answerForm(formData, {
    schema: newOrganisationSchema,
    work: (value) =>
      addOrganisation(actor, {
        name: value.name,
        tier: value.tier,
        contactName: value.contactName,
        contactPhone: value.contactPhone || null,
        contactEmail: value.contactEmail || null,
        locale: value.locale,
        billingName: null,
        billingAddress: value.billingAddress || null,
        billingPostalCode: null,
        billingCity: null,
        billingEmail: null,
        kvkNumber: null,
        vatNumber: null,
      }),
    done: (organisation) => {
      const keep = new URLSearchParams();
      for (const name of ["roomId", "date", "time"]) {
        const value = formData.get(`keep-${name}`);
        if (typeof value === "string" && value) keep.set(name, value);
      }
      keep.set("organisationId", organisation.id);
      keep.set("added", "1");
      return redirect(`/manage/${centreSlug}/bookings/new?${keep}`);
    },
    refusalFields: { "organisation-name-taken": "name", "organisation-contact-missing": "contactPhone" },
  });
}

/**
 * The booking form in two steps: "review" shows what the request would do (nothing is
 * written), "confirm" books it and opens its confirmation. The same form sent twice opens the
 * first one's booking.
 */
export function answerBooking(
  centre: { id: string; slug: string },
  userId: string,
  confirm: boolean,
  formData: FormData,
) {
  const bookings = `/manage/${centre.slug}/bookings`;
  return answerForm(formData, {
    schema: bookingFormSchema,
    work: async (value) => {
      const input = bookingRequestFromForm(value, formData.entries(), {
        centreId: centre.id,
        actor: { userId, isManager: true },
        bookedOnBehalf: true,
      });
      if (confirm) return { booked: (await requestBooking(input)).booking.id };
      return { review: reviewView(await reviewBookingRequest(input)) };
    },
    done: (answer, _value, reply) =>
      "booked" in answer
        ? redirect(`${bookings}/${answer.booked}/confirmation?new=1`)
        : data({
            form: "booking" as const,
            result: reply(),
            review: answer.review,
            choices: choicesOf(formData),
          }),
    // every first sending makes a booking, so the second one always has one to open
    again: (bookingId) => redirect(bookingId ? `${bookings}/${bookingId}/confirmation` : bookings),
    refusalFields: { "invalid-duration": "duration", "invalid-attendees": "people", "invalid-start": "date" },
    words: { "extra-not-offered": { key: "extras.refusal.notOffered", field: "extraIds" } },
  });
}
