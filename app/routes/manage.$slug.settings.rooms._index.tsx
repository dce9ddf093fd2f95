import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireCentrePermission } from "~/auth/guards.server";
import { can } from "~/auth/permissions";
import { SettingsNavigation } from "~/components/settings-navigation";
import { listRooms } from "~/domain/centre/rooms.server";
import { pageTitle } from "~/i18n/meta";
import { useT } from "~/i18n/react";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "workspace.rooms.title");

/** The rooms and combinations of the centre. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { centre, user, role } = await requireCentrePermission(request, params.slug, "centre.read");
  const rooms = await listRooms(centre.id);
  return {
    centre: { slug: centre.slug, name: centre.name },
    rooms: rooms.map((room) => ({
      id: room.id,
      name: room.name,
      kind: room.kind,
      capacity: room.capacity,
      stepFree: room.stepFree,
      active: room.active,
      setup: room.setupBufferMinutes,
      cleanup: room.cleanupBufferMinutes,
      facilities: room.facilities,
      members: room.members.map((member) => member.room.name),
    })),
    canEdit: can({ installationRole: user.installationRole, role }, "settings.edit"),
  };
}

export default function Rooms() {
  const { centre, rooms, canEdit } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <>
      <h1>{t("workspace.rooms.title")}</h1>
      <SettingsNavigation slug={centre.slug} current="rooms" />
      {canEdit ? (
        <p className="flex flex-wrap gap-3">
          <Link className="button" to={`/manage/${centre.slug}/settings/rooms/new?kind=ROOM`}>
            {t("workspace.rooms.newRoom")}
          </Link>
          <Link className="button-secondary" to={`/manage/${centre.slug}/settings/rooms/new?kind=COMBINATION`}>
            {t("workspace.rooms.newCombination")}
          </Link>
        </p>
      ) : null}
      <ul className="m-0 grid list-none gap-3 p-0 sm:grid-cols-2">
        {rooms.map((room) => (
          <li key={room.id} className="card">
            <h2 className="m-0 text-lg">
              {canEdit ? <Link to={`/manage/${centre.slug}/settings/rooms/${room.id}`}>{room.name}</Link> : room.name}
            </h2>
            <p className="m-0">
              {t("manage.capacity", { count: room.capacity })} ·{" "}
              {room.stepFree ? t("manage.stepFree") : t("manage.notStepFree")}
              {room.active ? null : ` · ${t("manage.inactive")}`}
            </p>
            {room.kind === "COMBINATION" ? (
              <p className="m-0">{t("manage.combination", { rooms: room.members.join(", ") })}</p>
            ) : null}
            {room.facilities.length > 0 ? (
              <p className="m-0">{room.facilities.map((facility) => t(`facility.${facility}`)).join(", ")}</p>
            ) : null}
            <p className="m-0 text-muted">{t("manage.buffers", { setup: room.setup, cleanup: room.cleanup })}</p>
          </li>
        ))}
      </ul>
    </>
  );
}
