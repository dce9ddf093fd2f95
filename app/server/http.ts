import { randomBytes, randomUUID } from "node:crypto";
import type { ServerBuild } from "@remix-run/node";
import compression from "compression";
import express from "express";
import { env } from "~/env.server";
import { fromRoot } from "~/lib/project-root.server";
import { answerServerError } from "./refusals";
import { logRequests } from "./request-log";
import { checkAddresses } from "./request-addresses";
import { readRequestBodies } from "./request-bodies";
import { remixHandler } from "./remix-handler";
import { requireSameOrigin } from "./same-origin";

/**
 * The HTTP server: every response says nosniff; static files; then the edge checks for what
 * changes something (our own origin only, bounded form bodies, readable addresses; decision
 * 072), and every request that passes goes to Remix.
 */
export function createHttpApp(build: ServerBuild, mode: string): express.Express {
  const app = express();
  app.disable("x-powered-by");
  app.set("trust proxy", 1);
  app.use((req, res, next) => {
    // a proxy's request id is kept when it is a plain token; anything else gets one of ours
    const given = req.headers["x-request-id"];
    res.locals.requestId = typeof given === "string" && /^[\w.-]{1,64}$/.test(given) ? given : randomUUID();
    // Here once for every response (pages, files, feeds, errors), so no browser guesses a type.
    res.setHeader("X-Content-Type-Options", "nosniff");
    res.setHeader("X-Request-Id", res.locals.requestId);
    next();
  });
  app.use(logRequests());
  app.use(compression());
  // Fingerprinted assets from the Remix build can be cached for ever.
  app.use("/build", express.static(fromRoot("public", "build"), { immutable: true, maxAge: "1y" }));
  app.use(express.static(fromRoot("public"), { maxAge: "1h" }));
  app.use(requireSameOrigin(env().APP_URL));
  app.use(checkAddresses());
  app.use(readRequestBodies());
  app.all(
    "*",
    remixHandler({
      build,
      mode,
      getLoadContext: (res) => ({
        requestId: res.locals.requestId,
        cspNonce: randomBytes(16).toString("base64"),
        clientIp: res.req.ip,
        perResponseValues: [],
      }),
    }),
  );
  app.use((error: unknown, req: express.Request, res: express.Response, _next: express.NextFunction) =>
    answerServerError(error, req, res),
  );
  return app;
}
