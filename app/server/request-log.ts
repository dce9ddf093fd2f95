import type { RequestHandler } from "express";
import { logger } from "~/lib/log.server";

/**
 * One log line per request when its answer is sent: method, path (without the query, which may
 * hold tokens), status, milliseconds and the request id. A server error is logged at error
 * (its stack is logged where it happened), everything else at info.
 */
export function logRequests(): RequestHandler {
  return (req, res, next) => {
    const started = process.hrtime.bigint();
    res.on("finish", () => {
      const fields = {
        method: req.method,
        path: req.path,
        status: res.statusCode,
        ms: Number((process.hrtime.bigint() - started) / 1000n) / 1000,
        requestId: res.locals.requestId,
      };
      if (res.statusCode >= 500) logger.error(fields, "request");
      else logger.info(fields, "request");
    });
    next();
  };
}
