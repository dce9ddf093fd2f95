import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { RESIDENT_REFUSALS, translateMessage, type RefusalWords } from "~/lib/messages";
import { answerForm, formMessage } from "~/lib/form-action.server";
import { clientAddress } from "~/lib/rate-limits.server";
import { NotFoundError } from "~/domain/shared/errors";
import { findPublicCentre } from "~/domain/residents/agenda.server";
import { appUrl } from "~/email/compose.server";
import { cancelSignup, findSignupByToken } from "~/domain/residents/signups.server";
import { openSignupCheckout, sendDueSignupRefunds } from "~/domain/money/signup-payments.server";
import { formatDayTimeRange, formatMoney, formatTime } from "~/i18n/format";
import { pageTitle } from "~/i18n/meta";
import { useLocale, useT } from "~/i18n/react";
import { clock } from "~/lib/clock";

export const meta: MetaFunction<typeof loader> = ({ data: loaded, matches }) => [
  ...pageTitle(
    matches,
    loaded && "signup" in loaded ? "agenda.confirmation.statusTitle" : "agenda.confirmation.invalidTitle",
  ),
  { name: "robots", content: "noindex" },
];

/**
 * The page behind a sign-up's cancel link: the confirmation right after signing up, and the
 * place to cancel later, without an account. Opening it changes nothing (mail scanners open
 * links); cancelling takes a press of the button.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const centre = await findPublicCentre(params.slug ?? "");
  const signup = centre ? await findSignupByToken(centre.id, params.token ?? "") : null;
  if (!centre || !signup) return data({ invalid: true as const, centreSlug: centre?.slug ?? null }, { status: 404 });
  const url = new URL(request.url);
  return {
    centre: { slug: centre.slug, name: centre.name, timeZone: centre.timeZone },
    signup: {
      status: signup.status,
      position: signup.position,
      email: signup.email,
      activity: signup.activity,
      startsAt: signup.startsAt,
      endsAt: signup.endsAt,
      room: signup.room,
      dateCancelled: signup.dateCancelled,
      past: signup.startsAt <= clock.now(),
      payment: signup.payment,
      paymentDueAt: signup.paymentDueAt,
    },
    isNew: url.searchParams.get("new") === "1",
    // back from Stripe's page: the bank's answer may still be on its way
    backFromPaying: url.searchParams.get("paid") === "1",
    link: appUrl(url.pathname),
  };
}

const SIGNUP_PAGE_REFUSALS: RefusalWords = {
  ...RESIDENT_REFUSALS,
  "not-found": { key: "agenda.confirmation.invalid" },
};

const signupActionSchema = z.object({ intent: z.enum(["pay", "cancel"]).default("cancel") });

/** Two buttons: pay the place online (to Stripe's page), or cancel it. */
export async function action({ request, params, context }: ActionFunctionArgs) {
  const centre = await findPublicCentre(params.slug ?? "");
  if (!centre) return data({ error: "agenda.confirmation.invalid", intent: "cancel" }, { status: 404 });
  const token = params.token ?? "";
  const formData = await request.formData();
  // only to show a refusal next to the button that was pressed
  const intent = formData.get("intent") === "pay" ? "pay" : "cancel";
  return answerForm(formData, {
    schema: signupActionSchema,
    limits: (value) => (value.intent === "pay" ? [{ limit: "paySignupPerClient", key: clientAddress(context) }] : []),
    work: async (value) => {
      if (value.intent === "pay") return (await openSignupCheckout(centre.id, token)).url;
      const result = await cancelSignup(centre.id, token);
      if (!result) throw new NotFoundError("signup");
      // A paid place is owed back: send it now rather than at the job's next round.
      if (result.refundDue) await sendDueSignupRefunds(clock.now(), { signupId: result.signupId });
      return `/centres/${centre.slug}/signups/${token}`;
    },
    done: (to) => redirect(to),
    words: SIGNUP_PAGE_REFUSALS,
    back: (reply, init) => data({ error: formMessage(reply) ?? "agenda.error.invalid", intent }, init),
  });
}

export default function SignupPage() {
  const loaded = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const t = useT();
  const locale = useLocale();

  if (!("signup" in loaded)) {
    return (
      <>
        <h1>{t("agenda.confirmation.invalidTitle")}</h1>
        <p role="alert">{t("agenda.confirmation.invalid")}</p>
        <p>
          <Link to={loaded.centreSlug ? `/centres/${loaded.centreSlug}` : "/"}>{t("errors.backHome")}</Link>
        </p>
      </>
    );
  }

  const { centre, signup, isNew, backFromPaying, link } = loaded;
  const payment = signup.payment;
  const amount = formatMoney(payment.amountCents, locale);
  const date = formatDayTimeRange(new Date(signup.startsAt), new Date(signup.endsAt), centre.timeZone, locale);
  const values = { title: signup.activity.title, date, position: signup.position ?? 0 };
  const title = t(
    signup.status === "CANCELLED"
      ? "agenda.confirmation.cancelledTitle"
      : signup.status === "CONFIRMED"
        ? "agenda.confirmation.confirmedTitle"
        : "agenda.confirmation.waitlistedTitle",
  );

  return (
    <>
      <h1>{title}</h1>
      <div role="status" className="card grid gap-2 bg-brand-50">
        {signup.status === "CANCELLED" ? (
          <p className="m-0">{t("agenda.confirmation.cancelled", values)}</p>
        ) : signup.status === "CONFIRMED" ? (
          <p className="m-0">{t("agenda.confirmation.confirmed", values)}</p>
        ) : (
          <p className="m-0">
            {t("agenda.confirmation.waitlisted", values)}{" "}
            {signup.email ? t("agenda.confirmation.waitlistedByEmail") : t("agenda.confirmation.waitlistedNoEmail")}
          </p>
        )}
        <p className="m-0">{t("agenda.confirmation.where", { room: signup.room, centre: centre.name })}</p>
        {signup.dateCancelled ? (
          <p className="m-0 font-bold text-red-900">{t("agenda.confirmation.dateCancelled")}</p>
        ) : null}
        {payment.state === "paid" ? <p className="m-0">{t("agenda.confirmation.paid", { amount })}</p> : null}
        {payment.state === "refundDue" ? <p className="m-0">{t("agenda.confirmation.refundDue", { amount })}</p> : null}
        {payment.state === "refunded" ? <p className="m-0">{t("agenda.confirmation.refunded", { amount })}</p> : null}
        {payment.state === "processing" || (payment.state === "due" && backFromPaying) ? (
          <p className="m-0">{t("agenda.confirmation.payProcessing", { amount })}</p>
        ) : null}
        {isNew && signup.email && signup.status !== "CANCELLED" ? (
          <p className="m-0">{t("agenda.confirmation.emailSent", { email: signup.email })}</p>
        ) : null}
      </div>

      {payment.state === "due" && !signup.past ? (
        <section aria-labelledby="pay-title" className="card mt-4 grid gap-2">
          <h2 id="pay-title" className="m-0">
            {t("agenda.confirmation.payDueTitle")}
          </h2>
          <p className="m-0">
            {signup.paymentDueAt
              ? t("agenda.confirmation.payDue", {
                  amount,
                  time: formatTime(new Date(signup.paymentDueAt), centre.timeZone, locale),
                })
              : t("agenda.confirmation.payDueNoDeadline", { amount })}
          </p>
          <p className="m-0">{t("agenda.confirmation.payHint")}</p>
          {result?.error && result.intent === "pay" ? (
            <p role="alert" className="field-error">
              {translateMessage(t, result.error)}
            </p>
          ) : null}
          <Form method="post">
            <button type="submit" name="intent" value="pay">
              {t("agenda.confirmation.payButton", { amount })}
            </button>
          </Form>
        </section>
      ) : null}

      {signup.status !== "CANCELLED" && !signup.past ? (
        <>
          <p>
            {t("agenda.confirmation.keepLink")}
            <br />
            <a href={link} className="break-all">
              {link}
            </a>
          </p>
          <h2>{t("agenda.confirmation.cancelTitle")}</h2>
          <p>
            {signup.status === "WAITLISTED"
              ? t("agenda.confirmation.cancelWaitlistIntro")
              : t("agenda.confirmation.cancelIntro")}
          </p>
          {result?.error && result.intent !== "pay" ? (
            <p role="alert" className="field-error">
              {translateMessage(t, result.error)}
            </p>
          ) : null}
          <Form method="post">
            <button type="submit" name="intent" value="cancel" className="button-secondary">
              {t("agenda.confirmation.cancelButton")}
            </button>
          </Form>
        </>
      ) : signup.past && signup.status !== "CANCELLED" ? (
        <p>{t("agenda.confirmation.past")}</p>
      ) : null}

      <p className="mt-6">
        <Link to={`/centres/${centre.slug}/activities/${signup.activity.id}`}>
          {t("agenda.confirmation.backToActivity", { title: signup.activity.title })}
        </Link>
      </p>
    </>
  );
}
