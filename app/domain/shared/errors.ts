/**
 * Errors the domain raises on purpose. Each has a stable `code` that the interface turns
 * into a plain sentence (catalogue key `domainError.<code>`) with `params`; `message` is
 * English for logs.
 */
export class DomainError extends Error {
  override name = "DomainError";
  constructor(
    readonly code: string,
    message: string,
    readonly params: Record<string, string | number> = {},
    /** the HTTP status a route should answer with */
    readonly status = 422,
  ) {
    super(message);
  }
}

/** The database refused an overlapping claim: someone else has the room at that time. */
export class RoomAlreadyBookedError extends DomainError {
  constructor(params: { room: string; date: string; time: string }) {
    super("room-already-booked", `${params.room} is already booked on ${params.date} at ${params.time}.`, params, 409);
  }
}

/** A record that does not exist in this centre (another centre's ids included). */
export class NotFoundError extends DomainError {
  constructor(what: string) {
    super("not-found", `${what} was not found.`, { what }, 404);
  }
}

export function isDomainError(error: unknown): error is DomainError {
  return error instanceof DomainError;
}
