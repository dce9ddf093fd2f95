import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { requireCentrePermission } from "~/auth/guards.server";
import { ROOM_REFUSAL_FIELDS, RoomForm, roomSchema } from "~/components/room-form";
import { RoomDepositsForm, roomDepositsSchema } from "~/components/room-deposits";
import { eurosToCents, TIERS } from "~/domain/bookings/form";
import { roomDeposits, setRoomDeposits } from "~/domain/money/extras.server";
import type { Tier } from "~/generated/prisma/enums";
import { answerForm } from "~/lib/form-action.server";
import { settingsRoom, listRooms, updateRoom } from "~/domain/centre/rooms.server";
import { pageTitle } from "~/i18n/meta";
import { useT } from "~/i18n/react";
import { idParam, orNotFound } from "~/lib/workspace-route.server";

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  pageTitle(matches, "workspace.rooms.editTitle", { name: data?.room.name ?? "" });

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { centre } = await requireCentrePermission(request, params.slug, "settings.edit");
  const room = await orNotFound(settingsRoom(centre.id, idParam(params.roomId)));
  const rooms = await listRooms(centre.id);
  const deposits = await roomDeposits(centre.id, room.id);
  return {
    deposits: Object.fromEntries(
      TIERS.map((tier) => [tier, deposits[tier] ? (deposits[tier] / 100).toFixed(2).replace(".", ",") : ""]),
    ),
    depositsSaved: new URL(request.url).searchParams.get("deposits") === "saved",
    centre: { slug: centre.slug, name: centre.name },
    room: {
      id: room.id,
      kind: room.kind,
      name: room.name,
      values: {
        name: room.name,
        description: room.description,
        location: room.location,
        capacity: String(room.capacity),
        areaM2: room.areaM2 === null ? "" : String(room.areaM2),
        stepFree: room.stepFree ? "on" : "",
        facilities: room.facilities,
        setupBufferMinutes: String(room.setupBufferMinutes),
        cleanupBufferMinutes: String(room.cleanupBufferMinutes),
        active: room.active ? "on" : "",
        sortOrder: String(room.sortOrder),
        memberIds: room.members.map((member) => member.roomId),
      },
    },
    rooms: rooms
      .filter((candidate) => candidate.kind === "ROOM")
      .map((candidate) => ({ id: candidate.id, name: candidate.name })),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { centre, actor } = await requireCentrePermission(request, params.slug, "settings.edit");
  const roomId = idParam(params.roomId);
  const existing = await orNotFound(settingsRoom(centre.id, roomId));
  const formData = await request.formData();
  if (formData.get("intent") === "deposits")
    return answerForm(formData, {
      schema: roomDepositsSchema,
      work: (value) =>
        setRoomDeposits(
          actor,
          roomId,
          Object.fromEntries(
            TIERS.filter((tier) => value[tier]).map((tier) => [tier, eurosToCents(value[tier])]),
          ) as Partial<Record<Tier, number>>,
        ),
      done: () => redirect(`/manage/${centre.slug}/settings/rooms/${roomId}?deposits=saved`),
      back: (result, init) => data({ deposits: result }, init),
    });
  return answerForm(formData, {
    schema: roomSchema,
    work: (value) =>
      updateRoom(actor, roomId, {
        ...value,
        areaM2: value.areaM2 ?? null,
        memberIds: existing.kind === "COMBINATION" ? value.memberIds : undefined,
      }),
    done: () => redirect(`/manage/${centre.slug}/settings/rooms`),
    refusalFields: ROOM_REFUSAL_FIELDS,
  });
}

export default function EditRoom() {
  const { centre, room, rooms, deposits, depositsSaved } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const lastResult = answer && !("deposits" in answer) ? answer : undefined;
  const t = useT();
  return (
    <>
      <p className="m-0">
        <Link to={`/manage/${centre.slug}/settings/rooms`}>{t("workspace.rooms.back")}</Link>
      </p>
      <h1>{t("workspace.rooms.editTitle", { name: room.name })}</h1>
      <p>{t("workspace.rooms.changeNote")}</p>
      <RoomForm
        kind={room.kind}
        rooms={rooms.filter((candidate) => candidate.id !== room.id)}
        lastResult={lastResult}
        defaultValue={room.values}
        submitLabel={t("workspace.form.save")}
      />
      <RoomDepositsForm
        defaultValue={deposits}
        lastResult={answer && "deposits" in answer ? answer.deposits : undefined}
        saved={depositsSaved}
      />
    </>
  );
}
