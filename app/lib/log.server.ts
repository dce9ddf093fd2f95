import cluster from "node:cluster";
import pino from "pino";

/**
 * Logging: one JSON line per event (pino), errors on stderr and the rest on stdout, at the level
 * LOG_LEVEL sets (debug, info, warn, error; info unless set). Every request is one line
 * (method, path, status, milliseconds, request id: app/server/request-log.ts); the request id is
 * also on the error page, so a report can be matched to its line. Under `npm start` with several
 * HTTP workers (app/server/workers.ts) each line of a worker carries its process id.
 */
type Fields = Record<string, unknown>;

const LEVELS = ["debug", "info", "warn", "error"] as const;
const initialLevel = (LEVELS as readonly string[]).includes(process.env.LOG_LEVEL ?? "")
  ? process.env.LOG_LEVEL!
  : "info";

export const logger = pino(
  {
    level: initialLevel,
    base: cluster.isWorker ? { pid: process.pid } : undefined,
    messageKey: "message",
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
  },
  // through process.stdout/stderr (not straight to the file descriptors), so a test can read them
  pino.multistream(
    [
      { level: "debug", stream: process.stdout },
      { level: "error", stream: process.stderr },
    ],
    { dedupe: true },
  ),
);

export function logInfo(message: string, fields: Fields = {}): void {
  logger.info(fields, message);
}

export function logWarn(message: string, fields: Fields = {}): void {
  logger.warn(fields, message);
}

export function logError(error: unknown, fields: Fields = {}): void {
  const detail =
    error instanceof Error ? { error: error.message, name: error.name, stack: error.stack } : { error: String(error) };
  logger.error({ ...fields, ...detail }, error instanceof Error ? error.message : String(error));
}
