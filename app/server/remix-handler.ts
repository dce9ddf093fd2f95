import {
  createRequestHandler,
  writeReadableStreamToWritable,
  type AppLoadContext,
  type ServerBuild,
} from "@remix-run/node";
import type { Request as ExpressRequest, RequestHandler, Response as ExpressResponse } from "express";
import { cachePublicResponses } from "./public-responses";
import { refuse } from "./refusals";

/**
 * What @remix-run/express's request handler does, except that the body Remix gets is the one
 * the HTTP layer has already read and checked (`res.locals.body`, see request-bodies.ts); the
 * request stream is used up by then. (The adapter cannot be given a body of our choosing.)
 * Every 4xx answer is logged here, once, at info with its path: a missing page or a refused
 * permission is the client's doing, not an error of ours (entry.server.tsx leaves them out).
 * The public agenda's answers come from its cache when nothing changed (public-responses.ts).
 */
export function remixHandler(options: {
  build: ServerBuild;
  mode: string;
  getLoadContext: (res: ExpressResponse) => AppLoadContext;
}): RequestHandler {
  const handle = cachePublicResponses(createRequestHandler(options.build, options.mode));
  return async (req, res, next) => {
    const url = requestUrl(req);
    // a Host or X-Forwarded-Host that makes no address
    if (!url) return refuse(req, res, "badRequest", { detail: "no valid address from the host headers" });
    try {
      const response = await handle(toFetchRequest(req, res, url), options.getLoadContext(res));
      res.statusMessage = response.statusText;
      res.status(response.status);
      for (const [name, value] of response.headers) res.append(name, value);
      if (response.body) await writeReadableStreamToWritable(response.body, res);
      else res.end();
    } catch (error) {
      next(error);
    }
  };
}

/** As the adapter: the host as Express sees it (X-Forwarded-Host behind the trusted proxy), with the port. */
function requestUrl(req: ExpressRequest): URL | undefined {
  const port = [req.get("x-forwarded-host"), req.get("host")]
    .map((host) => Number.parseInt(host?.split(":")[1] ?? "", 10))
    .find((number) => Number.isSafeInteger(number));
  try {
    return new URL(`${req.protocol}://${req.hostname}${port ? `:${port}` : ""}${req.originalUrl}`);
  } catch {
    return undefined;
  }
}

function toFetchRequest(req: ExpressRequest, res: ExpressResponse, url: URL): Request {
  // from req.headers, as the adapter does (request-bodies.ts may have named an empty form's type)
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    for (const one of Array.isArray(value) ? value : value === undefined ? [] : [value]) headers.append(name, one);
  }
  // Loaders and actions stop when nobody can receive the answer any more.
  const controller = new AbortController();
  res.on("close", () => {
    if (!res.writableFinished) controller.abort();
  });
  const body: Buffer | undefined = res.locals.body;
  return new Request(url.href, {
    method: req.method,
    headers,
    signal: controller.signal,
    ...(body && req.method !== "GET" && req.method !== "HEAD" ? { body: new Uint8Array(body) } : {}),
  });
}
