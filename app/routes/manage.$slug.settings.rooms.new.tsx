import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { requireCentrePermission } from "~/auth/guards.server";
import { ROOM_REFUSAL_FIELDS, RoomForm, roomSchema } from "~/components/room-form";
import { answerForm } from "~/lib/form-action.server";
import { createRoom, listRooms } from "~/domain/centre/rooms.server";
import { pageTitle } from "~/i18n/meta";
import { useT } from "~/i18n/react";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "workspace.rooms.newTitle");

function kindOf(request: Request): "ROOM" | "COMBINATION" {
  return new URL(request.url).searchParams.get("kind") === "COMBINATION" ? "COMBINATION" : "ROOM";
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { centre } = await requireCentrePermission(request, params.slug, "settings.edit");
  const rooms = await listRooms(centre.id);
  return {
    centre: { slug: centre.slug, name: centre.name },
    kind: kindOf(request),
    rooms: rooms.filter((room) => room.kind === "ROOM").map((room) => ({ id: room.id, name: room.name })),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { centre, actor } = await requireCentrePermission(request, params.slug, "settings.edit");
  return answerForm(await request.formData(), {
    schema: roomSchema,
    work: (value) => createRoom(actor, kindOf(request), { ...value, areaM2: value.areaM2 ?? null }),
    done: () => redirect(`/manage/${centre.slug}/settings/rooms`),
    refusalFields: ROOM_REFUSAL_FIELDS,
  });
}

export default function NewRoom() {
  const { centre, kind, rooms } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const t = useT();
  return (
    <>
      <p className="m-0">
        <Link to={`/manage/${centre.slug}/settings/rooms`}>{t("workspace.rooms.back")}</Link>
      </p>
      <h1>{t(kind === "ROOM" ? "workspace.rooms.newRoom" : "workspace.rooms.newCombination")}</h1>
      <RoomForm
        kind={kind}
        rooms={rooms}
        lastResult={lastResult}
        defaultValue={{
          capacity: "20",
          active: "on",
          stepFree: "on",
          setupBufferMinutes: "0",
          cleanupBufferMinutes: "0",
          sortOrder: "10",
        }}
        submitLabel={t("workspace.rooms.add")}
      />
    </>
  );
}
