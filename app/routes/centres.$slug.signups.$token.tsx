import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { RESIDENT_REFUSALS, refusalText, translateMessage } from "~/lib/messages";
import { findPublicCentre } from "~/domain/residents/agenda.server";
import { isDomainError } from "~/domain/shared/errors";
import { appUrl } from "~/email/compose.server";
import { cancelSignup, findSignupByToken } from "~/domain/residents/signups.server";
import { formatDayTimeRange } from "~/i18n/format";
import { pageTitle } from "~/i18n/meta";
import { useLocale, useT } from "~/i18n/react";
import type { Key } from "~/i18n/translate";
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
    },
    isNew: url.searchParams.get("new") === "1",
    link: appUrl(url.pathname),
  };
}

export async function action({ params }: ActionFunctionArgs) {
  const centre = await findPublicCentre(params.slug ?? "");
  if (!centre) return data({ error: "agenda.confirmation.invalid" as Key }, { status: 404 });
  try {
    const result = await cancelSignup(centre.id, params.token ?? "");
    if (!result) return data({ error: "agenda.confirmation.invalid" as Key }, { status: 404 });
  } catch (error) {
    if (!isDomainError(error)) throw error;
    return data({ error: refusalText(error, RESIDENT_REFUSALS) }, { status: error.status });
  }
  return redirect(`/centres/${centre.slug}/signups/${params.token}`);
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

  const { centre, signup, isNew, link } = loaded;
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
        {isNew && signup.email && signup.status !== "CANCELLED" ? (
          <p className="m-0">{t("agenda.confirmation.emailSent", { email: signup.email })}</p>
        ) : null}
      </div>

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
          {result?.error ? (
            <p role="alert" className="field-error">
              {translateMessage(t, result.error)}
            </p>
          ) : null}
          <Form method="post">
            <button type="submit" className="button-secondary">
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
