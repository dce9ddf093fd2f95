import type { LoaderFunctionArgs } from "@remix-run/node";
import { getSignedInUser } from "~/auth/guards.server";
import { env } from "~/env.server";
import { getLocale } from "~/i18n/locale.server";

/**
 * The root route's data, here rather than in root.tsx so that the page shell and the language
 * hooks can know its type without importing the root route (which imports them).
 */
export async function rootLoader({ request, context }: LoaderFunctionArgs) {
  const [locale, user] = await Promise.all([getLocale(request), getSignedInUser(request)]);
  return {
    locale,
    requestId: context.requestId,
    cspNonce: context.cspNonce,
    devTools: env().devTools,
    user: user
      ? {
          name: user.name,
          installationRole: user.installationRole,
          memberships: user.memberships.map(({ centreSlug, centreName, role }) => ({ centreSlug, centreName, role })),
          organisationCentres: user.organisationCentres,
        }
      : null,
  };
}
