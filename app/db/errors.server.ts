/**
 * Reading PostgreSQL's refusals out of the errors Prisma (through @prisma/adapter-pg) and
 * node-postgres throw, so the domain can turn them into its own typed errors.
 */

interface WithDriverCause {
  code?: unknown;
  meta?: { driverAdapterError?: { cause?: { originalCode?: unknown; constraint?: unknown; kind?: unknown } } };
  cause?: unknown;
  constraint?: unknown;
}

/** The SQLSTATE of a database error (e.g. "23P01"), or undefined. */
export function sqlState(error: unknown): string | undefined {
  const candidate = error as WithDriverCause | undefined;
  const fromAdapter = candidate?.meta?.driverAdapterError?.cause?.originalCode;
  if (typeof fromAdapter === "string") return fromAdapter;
  if (typeof candidate?.code === "string" && /^[0-9A-Z]{5}$/.test(candidate.code)) return candidate.code;
  if (candidate?.cause && candidate.cause !== error) return sqlState(candidate.cause);
  return undefined;
}

/** An exclusion constraint refused the row (two claims overlap). */
export function isExclusionViolation(error: unknown): boolean {
  return sqlState(error) === "23P01";
}

/** A unique constraint refused the row. */
export function isUniqueViolation(error: unknown): boolean {
  const candidate = error as { code?: unknown };
  return candidate?.code === "P2002" || sqlState(error) === "23505";
}

/** A serialisation failure or deadlock: the transaction may simply be tried again. */
export function isRetryableConflict(error: unknown): boolean {
  const state = sqlState(error);
  return state === "40001" || state === "40P01";
}

/**
 * The database could not do the work in time because too much is going on: a transaction ran
 * past its time limit (Prisma P2028) or no connection came free (P2024). Nothing was written.
 */
export function isOverloaded(error: unknown): boolean {
  const code = (error as { code?: unknown })?.code;
  return code === "P2028" || code === "P2024";
}
