import { existsSync } from "node:fs";
import type { Server } from "node:http";
import { pathToFileURL } from "node:url";
import type { ServerBuild } from "@remix-run/node";
import { ConfigError, type Env } from "~/env.server";
import { fromRoot } from "~/lib/project-root.server";
import { createHttpApp } from "./http";

const buildPath = () => fromRoot("build", "index.js");

/** Start-up refuses early when there is no build, before a database is opened. */
export function requireBuild(): void {
  if (!existsSync(buildPath())) throw new ConfigError("The app has not been built; run npm run build first.");
}

/**
 * The built app behind the HTTP edge, listening on HOST:PORT. In a cluster worker Node shares the
 * one listening socket among the workers, so each worker calls this with the same port.
 */
export async function serveHttp(env: Env): Promise<Server> {
  const build = (await import(pathToFileURL(buildPath()).href)) as ServerBuild;
  const app = createHttpApp(build, env.production ? "production" : "development");
  return new Promise<Server>((resolve, reject) => {
    const listening = app.listen(env.PORT, env.HOST, () => resolve(listening));
    listening.once("error", reject);
  }).catch((error: NodeJS.ErrnoException) => {
    if (error.code === "EADDRINUSE") {
      throw new ConfigError(`Port ${env.PORT} is already in use; stop the other program or set PORT to a free port.`);
    }
    if (error.code === "EACCES") {
      throw new ConfigError(`Port ${env.PORT} may not be used by this user; set PORT to a number above 1024.`);
    }
    throw error;
  });
}

/** Stops taking connections and waits for the requests under way (idle keep-alive connections are closed). */
export function closeHttp(server: Server | undefined): Promise<void> {
  return new Promise((resolve) => (server ? server.close(() => resolve()) : resolve()));
}
