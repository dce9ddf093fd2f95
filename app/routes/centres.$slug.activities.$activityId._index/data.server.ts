import { RESIDENT_REFUSALS } from "~/lib/messages";
import { type ActionFunctionArgs, type LoaderFunctionArgs, redirect } from "@remix-run/node";
import { publicCentreDetails } from "~/domain/residents/agenda";
import { findPublicActivity, findPublicCentre, upcomingDates } from "~/domain/residents/agenda.server";
import { emailKey, phoneKey, signupSchema } from "~/domain/residents/forms";
import { signUp, signupPath } from "~/domain/residents/signups.server";
import { openSignupCheckout } from "~/domain/money/signup-payments.server";
import { isDomainError } from "~/domain/shared/errors";
import { getLocale } from "~/i18n/locale.server";
import { clock } from "~/lib/clock";
import { clientAddress } from "~/lib/rate-limits.server";
import { answerForm, newSubmissionKey } from "~/lib/form-action.server";

async function load(params: LoaderFunctionArgs["params"]) {
  const centre = await findPublicCentre(params.slug ?? "");
  const activity = centre ? await findPublicActivity(centre.id, params.activityId ?? "") : null;
  if (!centre || !activity) throw new Response("Not found", { status: 404 });
  return { centre, activity };
}

/** One activity: what, when, where, price, organiser, access; its next dates; sign up or just walk in. */
export async function loader({ params, context }: LoaderFunctionArgs) {
  const { centre, activity } = await load(params);
  const now = clock.now();
  const dates = await upcomingDates(centre.id, activity.id, now);
  return {
    centre: { ...publicCentreDetails(centre), timeZone: centre.timeZone },
    activity,
    dates: dates.map((date) => ({
      occurrenceId: date.occurrenceId,
      startsAt: date.startsAt,
      endsAt: date.endsAt,
      cancelled: date.cancelled,
      placesLeft: date.placesLeft,
      open: !date.cancelled && date.startsAt > now,
    })),
    submissionKey: newSubmissionKey(context),
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { centre, activity } = await load(params);
  const signedUp = async (signupId: string) => redirect(`${await signupPath(centre.slug, signupId)}?new=1`);
  return answerForm(await request.formData(), {
    schema: signupSchema,
    limits: ({ email, phone }) => [
      { limit: "signupPerClient", key: clientAddress(context) },
      { limit: "signupPerContact", key: email ? emailKey(email) : phoneKey(phone ?? "") },
    ],
    work: async ({ submissionKey, ...answers }) =>
      signUp(
        { centreId: centre.id, activityId: activity.id, ...answers, locale: await getLocale(request) },
        clock.now(),
        { key: submissionKey, centreId: centre.id, kind: "signup" },
      ),
    // A place that is paid online goes straight on to Stripe's page; if that page cannot be
    // opened now, the sign-up's own page offers the button again.
    done: async (result) => {
      if (!result.paymentDue) return signedUp(result.id);
      try {
        return redirect((await openSignupCheckout(centre.id, result.token)).url);
      } catch (error) {
        if (!isDomainError(error)) throw error;
        return signedUp(result.id);
      }
    },
    // The same form sent twice: the first one signed the person up; show that.
    again: (signupId) => (signupId ? signedUp(signupId) : undefined),
    words: RESIDENT_REFUSALS,
  });
}
