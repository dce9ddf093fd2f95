import { Link } from "@remix-run/react";
import type { ReactNode } from "react";
import type { Tier } from "~/generated/prisma/enums";
import { formatMoney } from "~/i18n/format";
import { useLocale, useT } from "~/i18n/react";
import { translateMessage } from "~/lib/messages";

/** Shared pieces of the manager's workspace pages (their form fields are in form-field.tsx). */

/** Errors about the whole form, above it. */
export function FormProblems({ id, errors }: { id?: string; errors: string[] | undefined }) {
  const t = useT();
  if (!errors?.length) return null;
  return (
    <div id={id} role="alert" className="card my-3 border-2 border-red-700 font-bold text-red-800">
      {errors.map((error) => (
        <p key={error} className="m-0">
          {translateMessage(t, error)}
        </p>
      ))}
    </div>
  );
}

/** A message that something worked. */
export function Done({ children }: { children: ReactNode }) {
  return (
    <p role="status" className="card my-3 border-2 border-brand-700 bg-brand-50 font-bold">
      {children}
    </p>
  );
}

/** A form's fields and its button; for who may only read them, the fields are disabled and the button left out. */
export function EditableFields({
  canEdit,
  submitLabel,
  children,
}: {
  canEdit: boolean;
  submitLabel: string;
  children: ReactNode;
}) {
  return (
    <fieldset disabled={!canEdit} className="contents">
      {children}
      {canEdit ? (
        <div>
          <button type="submit" className="button">
            {submitLabel}
          </button>
        </div>
      ) : null}
    </fieldset>
  );
}

/** Colours per tier: light backgrounds with dark text (contrast AA), a coloured edge. */
export const TIER_STYLE: Record<Tier, string> = {
  RESIDENT_INITIATIVE: "bg-green-100 border-green-800",
  ASSOCIATION: "bg-sky-100 border-sky-800",
  PRIVATE: "bg-violet-100 border-violet-800",
  COMMERCIAL: "bg-amber-100 border-amber-800",
};

export function TierBadge({ tier }: { tier: Tier }) {
  const t = useT();
  return <span className={`badge border-2 ${TIER_STYLE[tier]}`}>{t(`tier.${tier}`)}</span>;
}

export function Money({ cents }: { cents: number }) {
  const locale = useLocale();
  return <>{formatMoney(cents, locale)}</>;
}

/** Links of a sub-area (settings, money), the current one marked. */
export function SubNavigation({
  label,
  links,
  current,
}: {
  label: string;
  links: { href: string; label: string }[];
  current: string;
}) {
  return (
    <nav aria-label={label} className="mb-4">
      <ul className="m-0 flex list-none flex-wrap gap-x-4 gap-y-2 p-0">
        {links.map((link) => (
          <li key={link.href}>
            <Link
              to={link.href}
              aria-current={link.href === current ? "page" : undefined}
              className={link.href === current ? "font-bold no-underline" : undefined}
            >
              {link.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** Payments and invoices, side by side. */
export function MoneyNavigation({ slug, current }: { slug: string; current: "payments" | "invoices" | "refunds" }) {
  const t = useT();
  return (
    <SubNavigation
      label={t("workspace.payments.navigation")}
      current={`/manage/${slug}/${current}`}
      links={[
        { href: `/manage/${slug}/payments`, label: t("workspace.payments.title") },
        { href: `/manage/${slug}/invoices`, label: t("workspace.invoices.title") },
        { href: `/manage/${slug}/refunds`, label: t("refunds.manage.title") },
      ]}
    />
  );
}

/** A wide table that scrolls sideways on a phone; the region can be reached and scrolled by keyboard. */
export function ScrollArea({
  label,
  children,
  className = "",
}: {
  label: string;
  children: ReactNode;
  className?: string;
}) {
  return (
    // biome-ignore lint: a scrollable region must be focusable for keyboard users (WCAG 2.1.1)
    <div role="region" aria-label={label} tabIndex={0} className={`overflow-x-auto ${className}`}>
      {children}
    </div>
  );
}
