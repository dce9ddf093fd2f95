import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { requireCentrePermission } from "~/auth/guards.server";
import { FieldError, TextField } from "~/components/form-field";
import {
  listEnergyReadings,
  listYearCosts,
  saveEnergyReading,
  saveYearCosts,
} from "~/domain/reports/board-input.server";
import { formatCents, formatCount, formatMonth } from "~/domain/reports/format";
import { monthBefore } from "~/domain/reports/period";
import { boardInputSchema } from "~/domain/reports/schemas";
import { localDateAt } from "~/domain/time/time-zone";
import { pageTitle } from "~/i18n/meta";
import { useLocale, useT } from "~/i18n/react";
import { clock } from "~/lib/clock";
import { answerForm } from "~/lib/form-action.server";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  pageTitle(matches, "reports.input.title", { name: data?.centre.name ?? "" });

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { centre } = await requireCentrePermission(request, params.slug, "reports.input");
  const [costs, readings] = await Promise.all([listYearCosts(centre.id), listEnergyReadings(centre.id)]);
  const today = localDateAt(clock.now(), centre.timeZone);
  return {
    centre: { slug: centre.slug, name: centre.name },
    costs,
    readings,
    thisYear: Number(today.slice(0, 4)),
    lastMonth: monthBefore(today),
    saved: new URL(request.url).searchParams.get("saved"),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { centre, user } = await requireCentrePermission(request, params.slug, "reports.input");
  const formData = await request.formData();
  return answerForm(formData, {
    schema: boardInputSchema,
    work: (input) =>
      input.intent === "costs"
        ? saveYearCosts(centre.id, user.id, { year: input.year, costsCents: input.costs })
        : saveEnergyReading(centre.id, user.id, {
            month: `${input.month}-01`,
            electricityKwh: input.electricityKwh ?? null,
            gasM3: input.gasM3 ?? null,
          }),
    done: (_saved, input) => redirect(`/manage/${centre.slug}/reports/input?saved=${input.intent}`),
    // back to the form of the intent sent (with the status this page has always answered: 200)
    back: (result) => ({ intent: String(formData.get("intent")), result }),
  });
}

export default function BoardInputPage() {
  const { centre, costs, readings, thisYear, lastMonth, saved } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const locale = useLocale();
  const [costsForm, costsFields] = useForm({
    id: "year-costs",
    lastResult: actionData?.intent === "costs" ? actionData.result : undefined,
    defaultValue: { year: String(thisYear) },
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: boardInputSchema }),
  });
  const [energyForm, energyFields] = useForm({
    id: "energy",
    lastResult: actionData?.intent === "energy" ? actionData.result : undefined,
    defaultValue: { month: lastMonth },
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: boardInputSchema }),
  });
  const describedBy = (...ids: (string | false | undefined)[]) => ids.filter(Boolean).join(" ") || undefined;

  return (
    <>
      <h1>{t("reports.input.title", { name: centre.name })}</h1>
      <p>{t("reports.input.intro")}</p>
      <p>
        <Link to={`/manage/${centre.slug}/reports`}>← {t("reports.input.back")}</Link>
      </p>
      {saved === "costs" || saved === "energy" ? (
        <p role="status" className="card border-brand-700 bg-brand-50 font-bold">
          {t(saved === "costs" ? "reports.input.savedCosts" : "reports.input.savedEnergy")}
        </p>
      ) : null}

      <section aria-labelledby="costs-heading" className="mb-8">
        <h2 id="costs-heading">{t("reports.input.costsTitle")}</h2>
        <p>{t("reports.input.costsIntro")}</p>
        <Form method="post" {...getFormProps(costsForm)} className="grid max-w-md gap-4">
          <input type="hidden" name="intent" value="costs" />
          <TextField meta={costsFields.year} label={t("reports.input.year")} type="number" min={2000} max={2100} />
          <div>
            <label htmlFor={costsFields.costs.id} className="field-label">
              {t("reports.input.costs")}
            </label>
            <input
              {...getInputProps(costsFields.costs, { type: "text" })}
              inputMode="decimal"
              autoComplete="off"
              className="field-input"
              aria-describedby={describedBy("costs-hint", costsFields.costs.errors && costsFields.costs.errorId)}
            />
            <p id="costs-hint" className="m-0 mt-1 text-muted">
              {t("reports.input.costsHint")}
            </p>
            <FieldError id={costsFields.costs.errorId} errors={costsFields.costs.errors} />
          </div>
          <div>
            <button type="submit" className="button">
              {t("reports.input.saveCosts")}
            </button>
          </div>
        </Form>
        {costs.length === 0 ? (
          <p>{t("reports.input.noCosts")}</p>
        ) : (
          <table className="mt-4 border-collapse text-left">
            <caption className="text-left font-bold">{t("reports.input.costsTitle")}</caption>
            <thead>
              <tr className="border-b-2 border-gray-500">
                <th scope="col" className="px-2 py-1">
                  {t("reports.input.year")}
                </th>
                <th scope="col" className="px-2 py-1 text-right">
                  {t("reports.input.costs")}
                </th>
              </tr>
            </thead>
            <tbody>
              {costs.map((row) => (
                <tr key={row.year} className="border-b border-gray-200">
                  <th scope="row" className="px-2 py-1 font-normal">
                    {row.year}
                  </th>
                  <td className="px-2 py-1 text-right tabular-nums">{formatCents(row.costsCents, locale)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <section aria-labelledby="energy-heading" className="mb-8">
        <h2 id="energy-heading">{t("reports.input.energyTitle")}</h2>
        <p>{t("reports.input.energyIntro")}</p>
        <Form method="post" {...getFormProps(energyForm)} className="grid max-w-md gap-4">
          <input type="hidden" name="intent" value="energy" />
          <div>
            <label htmlFor={energyFields.month.id} className="field-label">
              {t("reports.input.month")}
            </label>
            <input
              {...getInputProps(energyFields.month, { type: "month" })}
              className="field-input"
              aria-describedby={describedBy("month-hint", energyFields.month.errors && energyFields.month.errorId)}
            />
            <p id="month-hint" className="m-0 mt-1 text-muted">
              {t("reports.input.monthHint")}
            </p>
            <FieldError id={energyFields.month.errorId} errors={energyFields.month.errors} />
          </div>
          <TextField
            meta={energyFields.electricityKwh}
            label={t("reports.input.electricity")}
            inputMode="numeric"
            autoComplete="off"
          />
          <TextField meta={energyFields.gasM3} label={t("reports.input.gas")} inputMode="numeric" autoComplete="off" />
          <div>
            <button type="submit" className="button">
              {t("reports.input.saveEnergy")}
            </button>
          </div>
        </Form>
        {readings.length === 0 ? (
          <p>{t("reports.input.noReadings")}</p>
        ) : (
          <div className="overflow-x-auto" role="region" aria-label={t("reports.input.energyTitle")} tabIndex={0}>
            <table className="mt-4 border-collapse text-left">
              <caption className="text-left font-bold">{t("reports.input.energyTitle")}</caption>
              <thead>
                <tr className="border-b-2 border-gray-500">
                  <th scope="col" className="px-2 py-1">
                    {t("reports.input.month")}
                  </th>
                  <th scope="col" className="px-2 py-1 text-right">
                    {t("reports.input.electricity")}
                  </th>
                  <th scope="col" className="px-2 py-1 text-right">
                    {t("reports.input.gas")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {readings.map((row) => (
                  <tr key={row.month} className="border-b border-gray-200">
                    <th scope="row" className="px-2 py-1 font-normal">
                      {formatMonth(row.month, locale)}
                    </th>
                    <td className="px-2 py-1 text-right tabular-nums">
                      {row.electricityKwh === null ? "–" : formatCount(row.electricityKwh, locale)}
                    </td>
                    <td className="px-2 py-1 text-right tabular-nums">
                      {row.gasM3 === null ? "–" : formatCount(row.gasM3, locale)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  );
}
