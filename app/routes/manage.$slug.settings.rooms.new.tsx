import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { requireCentrePermission } from "~/auth/guards.server";
import { ROOM_REFUSAL_FIELDS, RoomForm, roomSchema } from "~/components/room-form";
import { refusalReply } from "~/lib/messages";
import { isDomainError } from "~/domain/shared/errors";
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
  const submission = parseWithZod(await request.formData(), { schema: roomSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  try {
    await createRoom(actor, kindOf(request), { ...submission.value, areaM2: submission.value.areaM2 ?? null });
  } catch (error) {
    if (!isDomainError(error)) throw error;
    return data(submission.reply(refusalReply(error, ROOM_REFUSAL_FIELDS)), { status: error.status });
  }
  return redirect(`/manage/${centre.slug}/settings/rooms`);
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
