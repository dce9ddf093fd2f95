import { existsSync } from "node:fs";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { pathToFileURL } from "node:url";
import type { ServerBuild } from "@remix-run/node";
import { createHttpApp } from "~/server/http";
import { fromRoot } from "~/lib/project-root.server";

/**
 * The built app behind the real HTTP layer (createHttpApp, as `npm start` mounts it), on a free
 * port of this test process. It shares this worker's database and clock (both live on
 * globalThis, see app/db/client.server.ts), so a test builds its data with the factories and
 * then talks HTTP. Needs `npx remix build` first, like the browser tests.
 */
export interface HttpApp {
  baseUrl: string;
  close(): Promise<void>;
}

export async function startHttpApp(): Promise<HttpApp> {
  const buildPath = fromRoot("build", "index.js");
  if (!existsSync(buildPath))
    throw new Error("Build the app first (npx remix build); the HTTP tests serve build/index.js.");
  const build = (await import(pathToFileURL(buildPath).href)) as ServerBuild;
  const app = createHttpApp(build, "production");
  const server = await new Promise<Server>((resolve, reject) => {
    const listening = app.listen(0, "127.0.0.1", () => resolve(listening));
    listening.once("error", reject);
  });
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
