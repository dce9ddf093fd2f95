import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { requireCentrePermission } from "~/auth/guards.server";
import { can } from "~/auth/permissions";
import { TextField } from "~/components/form-field";
import { SettingsNavigation } from "~/components/settings-navigation";
import { Done, EditableFields, FormProblems, Money } from "~/components/workspace";
import { answerForm } from "~/lib/form-action.server";
import { eurosToCents } from "~/domain/bookings/form";
import { ratesInForce, setRate } from "~/domain/money/rates.server";
import { listRooms } from "~/domain/centre/rooms.server";
import type { DayPart, Tier } from "~/generated/prisma/enums";
import { pageTitle } from "~/i18n/meta";
import { useT } from "~/i18n/react";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "workspace.rates.title");

const TIERS: Tier[] = ["RESIDENT_INITIATIVE", "ASSOCIATION", "PRIVATE", "COMMERCIAL"];
const DAY_PARTS: DayPart[] = ["MORNING", "AFTERNOON", "EVENING"];
const euros = z
  .string()
  .trim()
  .regex(/^\d{1,5}([.,]\d{1,2})?$/, { error: "workspace.rates.amountInvalid" });
const whole = (error: string, min: number, max: number) =>
  z.coerce.number({ error }).int({ error }).min(min, { error }).max(max, { error });

const rateSchema = z.object({
  roomId: z.uuid(),
  tier: z.enum(["RESIDENT_INITIATIVE", "ASSOCIATION", "PRIVATE", "COMMERCIAL"]),
  hourly: euros,
  minimumMinutes: whole("workspace.rates.minutesInvalid", 0, 1440),
  freeHoursPerMonth: whole("workspace.rates.hoursInvalid", 0, 744),
  MORNING: euros.optional().or(z.literal("")),
  AFTERNOON: euros.optional().or(z.literal("")),
  EVENING: euros.optional().or(z.literal("")),
});

const asEuros = (cents: number) => (cents / 100).toFixed(2).replace(".", ",");

/** Rates per room (or combination) and tier. A change applies to bookings made after it. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { centre, user, role } = await requireCentrePermission(request, params.slug, "centre.read");
  const [rooms, rates] = await Promise.all([listRooms(centre.id), ratesInForce(centre.id)]);
  const roomId = new URL(request.url).searchParams.get("roomId");
  const room = rooms.find((candidate) => candidate.id === roomId) ?? rooms[0] ?? null;
  const rateOf = (tier: Tier) => rates.find((rate) => rate.roomId === room?.id && rate.tier === tier) ?? null;
  return {
    centre: { slug: centre.slug, name: centre.name },
    rooms: rooms.map((candidate) => ({ id: candidate.id, name: candidate.name })),
    room: room ? { id: room.id, name: room.name } : null,
    tiers: TIERS.map((tier) => {
      const rate = rateOf(tier);
      return {
        tier,
        current: rate ? { hourlyCents: rate.hourlyCents, validFrom: rate.validFrom } : null,
        values: {
          hourly: rate ? asEuros(rate.hourlyCents) : "",
          minimumMinutes: String(rate?.minimumMinutes ?? 60),
          freeHoursPerMonth: String(rate?.freeHoursPerMonth ?? 0),
          ...Object.fromEntries(
            DAY_PARTS.map((part) => [
              part,
              rate?.dayParts.find((price) => price.dayPart === part)
                ? asEuros(rate.dayParts.find((price) => price.dayPart === part)!.priceCents)
                : "",
            ]),
          ),
        },
      };
    }),
    saved: new URL(request.url).searchParams.get("saved"),
    canEdit: can({ installationRole: user.installationRole, role }, "settings.edit"),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { centre, actor } = await requireCentrePermission(request, params.slug, "settings.edit");
  const formData = await request.formData();
  return answerForm(formData, {
    schema: rateSchema,
    work: (value) =>
      setRate(actor, {
        roomId: value.roomId,
        tier: value.tier,
        hourlyCents: eurosToCents(value.hourly),
        minimumMinutes: value.minimumMinutes,
        freeHoursPerMonth: value.freeHoursPerMonth,
        dayParts: DAY_PARTS.filter((part) => value[part]).map((part) => ({
          dayPart: part,
          priceCents: eurosToCents(value[part]!),
        })),
      }),
    done: (_rate, value) =>
      redirect(`/manage/${centre.slug}/settings/rates?roomId=${value.roomId}&saved=${value.tier}`),
    back: (result, init) => data({ tier: String(formData.get("tier")), result }, init),
  });
}

export default function Rates() {
  const { centre, rooms, room, tiers, saved } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <>
      <h1>{t("workspace.rates.title")}</h1>
      <SettingsNavigation slug={centre.slug} current="rates" />
      <p>{t("workspace.rates.intro")}</p>
      <nav aria-label={t("workspace.rates.whichRoom")} className="mb-4">
        <ul className="m-0 flex list-none flex-wrap gap-x-4 gap-y-2 p-0">
          {rooms.map((candidate) => (
            <li key={candidate.id}>
              <a
                href={`?roomId=${candidate.id}`}
                aria-current={candidate.id === room?.id ? "page" : undefined}
                className={candidate.id === room?.id ? "font-bold no-underline" : undefined}
              >
                {candidate.name}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      {room ? (
        <>
          <h2>{room.name}</h2>
          {saved ? <Done>{t("workspace.rates.saved", { tier: t(`tier.${saved as Tier}`) })}</Done> : null}
          <div className="grid gap-4 md:grid-cols-2">
            {tiers.map((tier) => (
              <RateForm key={`${room.id}-${tier.tier}`} roomId={room.id} tier={tier} />
            ))}
          </div>
        </>
      ) : (
        <p>{t("workspace.rates.noRooms")}</p>
      )}
    </>
  );
}

function RateForm({ roomId, tier }: { roomId: string; tier: Awaited<ReturnType<typeof loader>>["tiers"][number] }) {
  const { canEdit } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const [form, fields] = useForm<z.input<typeof rateSchema>>({
    id: `rate-${roomId}-${tier.tier}`,
    lastResult: actionData?.tier === tier.tier ? actionData.result : undefined,
    defaultValue: tier.values,
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: rateSchema }),
  });
  return (
    <Form method="post" {...getFormProps(form)} className="card grid gap-3">
      <EditableFields canEdit={canEdit} submitLabel={t("workspace.rates.save")}>
        <h3 className="m-0">{t(`tier.${tier.tier}`)}</h3>
        <p className="m-0 text-muted">
          {tier.current ? (
            <>
              {t("workspace.rates.now")}: <Money cents={tier.current.hourlyCents} /> {t("workspace.rates.perHour")}
            </>
          ) : (
            t("workspace.rates.noRate")
          )}
        </p>
        <input type="hidden" name="roomId" value={roomId} />
        <input type="hidden" name="tier" value={tier.tier} />
        <FormProblems id={form.errorId} errors={form.errors} />
        <TextField meta={fields.hourly} label={t("workspace.rates.hourly")} inputMode="decimal" />
        <div className="flex flex-wrap gap-3">
          <TextField
            meta={fields.minimumMinutes}
            label={t("workspace.rates.minimum")}
            type="number"
            min={0}
            inputMode="numeric"
            className="w-40"
          />
          <TextField
            meta={fields.freeHoursPerMonth}
            label={t("workspace.rates.freeHours")}
            type="number"
            min={0}
            inputMode="numeric"
            className="w-40"
          />
        </div>
        <fieldset>
          <legend className="field-label">{t("workspace.rates.dayParts")}</legend>
          <div className="flex flex-wrap gap-3">
            {DAY_PARTS.map((part) => (
              <TextField
                key={part}
                meta={fields[part]}
                label={t(`workspace.rates.part-${part}`)}
                inputMode="decimal"
                className="w-36"
              />
            ))}
          </div>
        </fieldset>
      </EditableFields>
    </Form>
  );
}
