/**
 * Structured logging: one JSON line per event on stdout/stderr, with the request id that the
 * error page shows to the person, so a report can be matched to its log line.
 */
type Fields = Record<string, unknown>;

export function logInfo(message: string, fields: Fields = {}): void {
  if (process.env.LOG_LEVEL === "error" || process.env.LOG_LEVEL === "warn") return;
  process.stdout.write(`${JSON.stringify({ level: "info", time: new Date().toISOString(), message, ...fields })}\n`);
}

export function logError(error: unknown, fields: Fields = {}): void {
  const detail =
    error instanceof Error ? { error: error.message, name: error.name, stack: error.stack } : { error: String(error) };
  process.stderr.write(`${JSON.stringify({ level: "error", time: new Date().toISOString(), ...fields, ...detail })}\n`);
}
