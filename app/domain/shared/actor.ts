/**
 * Who does a piece of work in a centre: every query of it is scoped to `centreId`, and the
 * audit trail names `actorId`. Routes get one from `requireCentrePermission`.
 */
export interface Actor {
  centreId: string;
  actorId: string;
}

/** Work that a background job may also do: then no person is behind it. */
export type ActorOrJob = Omit<Actor, "actorId"> & { actorId: string | null };
