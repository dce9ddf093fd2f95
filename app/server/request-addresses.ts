import type { RequestHandler } from "express";
import { refuse } from "./refusals";

/**
 * Addresses a route could not use, refused with 400 before Remix matches a route: a NUL
 * character anywhere (PostgreSQL cannot store or compare it in text, so a slug or a search
 * with one failed with a 500), a path that does not percent-decode, and `?_data`, Remix's
 * protocol from before single fetch, which our pages never use (Remix answered it with a 403
 * and an error in the log, and for a while ran actions through it).
 */
export function checkAddresses(): RequestHandler {
  return (req, res, next) => {
    if (/%00/.test(req.originalUrl)) return refuse(req, res, "badRequest", { detail: "NUL in the address" });
    const query = req.originalUrl.indexOf("?");
    if (query !== -1 && new URLSearchParams(req.originalUrl.slice(query + 1)).has("_data")) {
      return refuse(req, res, "badRequest", { detail: "?_data request" });
    }
    try {
      decodeURIComponent(req.path);
    } catch {
      return refuse(req, res, "badRequest", { detail: "the path does not percent-decode" });
    }
    next();
  };
}
