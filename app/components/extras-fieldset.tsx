import { getCollectionProps } from "@conform-to/react";
import type { Tier } from "~/generated/prisma/enums";
import { formatMoney } from "~/i18n/format";
import { useLocale, useT } from "~/i18n/react";
import { FieldError, type AnyField } from "./form-field";

/** An extra on offer at the centre, with its price per tier (cents excl. VAT; a tier left out is not offered it). */
export interface OfferedExtra {
  id: string;
  name: string;
  unit: "PER_BOOKING" | "PER_PERSON" | "PER_HOUR";
  vatBp: number;
  prices: Partial<Record<Tier, number>>;
}

/**
 * The extras a booking form offers (the organisation's and the team's): a checkbox for each
 * extra with a price for the chosen organisation's tier. Without JavaScript the list follows
 * the organisation the page opened with; the server refuses what the tier is not offered.
 */
export function ExtrasFieldset({
  meta,
  extras,
  tier,
}: {
  meta: AnyField;
  extras: OfferedExtra[];
  tier: Tier | undefined;
}) {
  const t = useT();
  const locale = useLocale();
  const offered = tier ? extras.filter((extra) => extra.prices[tier] !== undefined) : [];
  if (extras.length === 0) return null;
  const byId = new Map(offered.map((extra) => [extra.id, extra]));
  return (
    <fieldset aria-describedby={`${meta.id}-hint`}>
      <legend className="field-label">{t("extras.form.legend")}</legend>
      <p id={`${meta.id}-hint`} className="m-0 mb-1 text-muted">
        {offered.length > 0 ? t("extras.form.hint") : t("extras.form.none")}
      </p>
      <div className="grid gap-1">
        {getCollectionProps(meta, { type: "checkbox", options: offered.map((extra) => extra.id) }).map(
          ({ key, ...props }) => {
            const extra = byId.get(props.value)!;
            return (
              <label key={key} className="flex min-h-11 items-center gap-2">
                <input {...props} className="h-5 w-5 shrink-0" />
                {t("extras.form.option", {
                  name: extra.name,
                  price: formatMoney(extra.prices[tier!]!, locale),
                  per: t(`extras.per.${extra.unit}`),
                  percent: extra.vatBp / 100,
                })}
              </label>
            );
          },
        )}
      </div>
      <FieldError id={meta.errorId} errors={meta.errors} />
    </fieldset>
  );
}
