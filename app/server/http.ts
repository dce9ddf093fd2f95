import { randomBytes, randomUUID } from "node:crypto";
import { createRequestHandler } from "@remix-run/express";
import type { ServerBuild } from "@remix-run/node";
import compression from "compression";
import express from "express";
import { fromRoot } from "~/lib/project-root.server";

/** The HTTP server: static files, then every other request to Remix. */
export function createHttpApp(build: ServerBuild, mode: string): express.Express {
  const app = express();
  app.disable("x-powered-by");
  app.set("trust proxy", 1);
  app.use(compression());
  // Fingerprinted assets from the Remix build can be cached for ever.
  app.use("/build", express.static(fromRoot("public", "build"), { immutable: true, maxAge: "1y" }));
  app.use(express.static(fromRoot("public"), { maxAge: "1h" }));
  app.all(
    "*",
    createRequestHandler({
      build,
      mode,
      getLoadContext: (request) => ({
        requestId: (request.headers["x-request-id"] as string | undefined)?.slice(0, 64) ?? randomUUID(),
        cspNonce: randomBytes(16).toString("base64"),
      }),
    }),
  );
  return app;
}
