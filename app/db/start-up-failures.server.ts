import { sqlState } from "./errors.server";

/**
 * What `npm start` and the database commands print when they cannot go on: one sentence, never
 * a stack trace. Problems we foresee (configuration, migrations, the demo, the data folder) are
 * thrown as errors whose message already is that sentence; anything else is named by its class
 * and message, and its stack is shown only with LOG_LEVEL=debug.
 */

/** Errors whose message is written for the operator already. */
const PLAIN_ERRORS = new Set(["ConfigError", "MigrationError", "DemoError"]);

export interface StartUpFailure {
  /** one line for stderr */
  sentence: string;
  /** the stack, for LOG_LEVEL=debug only */
  detail?: string;
}

export function describeStartUpFailure(error: unknown, what = "Buurtrooster could not start"): StartUpFailure {
  if (error instanceof Error && PLAIN_ERRORS.has(error.name)) return { sentence: error.message };
  const detail = error instanceof Error ? error.stack : undefined;
  const message = lastLine(error instanceof Error ? error.message : String(error));
  const state = sqlState(error);
  const prismaCode =
    typeof (error as { code?: unknown })?.code === "string" && /^P\d{4}$/.test((error as { code: string }).code)
      ? (error as { code: string }).code
      : undefined;
  if (state || prismaCode) {
    return {
      sentence: `${what}: the database refused a step (${state ? `SQLSTATE ${state}` : `Prisma ${prismaCode}`}: ${message}); for a development database, npm run db:reset starts afresh.`,
      detail,
    };
  }
  const { code, path } = (error ?? {}) as NodeJS.ErrnoException;
  if (code && path) return { sentence: `${what}: ${code} on ${path} (${message}).`, detail };
  const name = error instanceof Error && error.name !== "Error" ? `${error.name}: ` : "";
  return { sentence: `${what}: ${name}${message} (LOG_LEVEL=debug shows where it happened).`, detail };
}

/** Writes the failure to stderr: the sentence, and the stack when LOG_LEVEL=debug. */
export function reportStartUpFailure(error: unknown, what?: string): void {
  const failure = describeStartUpFailure(error, what);
  process.stderr.write(`${failure.sentence}\n`);
  if (process.env.LOG_LEVEL === "debug" && failure.detail) process.stderr.write(`${failure.detail}\n`);
}

/** The last non-empty line of a message (Prisma puts the reason under the call it failed in), without its full stop. */
function lastLine(message: string): string {
  const lines = message
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean);
  const line = lines.at(-1) ?? "no message";
  return (line.length > 300 ? `${line.slice(0, 297)}...` : line).replace(/\.$/, "");
}
