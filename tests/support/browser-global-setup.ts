import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import net from "node:net";
import type { TestProject } from "vitest/node";
import { fromRoot } from "~/lib/project-root.server";
import { TEST_NOW } from "./test-clock";
import { createTemplate, cloneTemplate, databaseName, dropRunDatabases, openTestServer } from "./test-server";

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
    appDatabaseUrl: string;
  }
}

/** A free TCP port on loopback. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.on("error", reject);
  });
}

/**
 * Starts the built app the way `npm start` does (same entry, real HTTP), on its own
 * database with the demo loaded, for the browser journeys.
 */
export default async function setup(project: TestProject) {
  if (!existsSync(fromRoot("build", "index.js"))) {
    throw new Error("Build the app first (npm run test:browser does this).");
  }
  const server = await openTestServer();
  const template = await createTemplate(server.serverUrl);
  const databaseUrl = await cloneTemplate(server.serverUrl, template, databaseName("browser"));
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, ["--import", "tsx", fromRoot("app", "server", "start.ts")], {
    cwd: fromRoot(),
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      HOST: "127.0.0.1",
      NODE_ENV: "test",
      DEMO_DATA: "on",
      APP_URL: `http://localhost:${port}`,
      SMTP_URL: "",
      // the app's clock starts where the tests' does (TEST_NOW), whatever the real date
      CLOCK_START: TEST_NOW.toISOString(),
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (chunk) => (output += chunk));
  child.stderr?.on("data", (chunk) => (output += chunk));
  const baseUrl = `http://localhost:${port}`;
  await waitForHealthy(baseUrl, child, () => output);
  project.provide("baseUrl", baseUrl);
  project.provide("appDatabaseUrl", databaseUrl);
  return async () => {
    child.kill("SIGTERM");
    await new Promise((resolve) => child.once("exit", resolve));
    await dropRunDatabases(server.serverUrl);
    await server.embedded?.stop();
  };
}

async function waitForHealthy(baseUrl: string, child: ChildProcess, output: () => string) {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`The app stopped during start-up:\n${output()}`);
    try {
      const response = await fetch(`${baseUrl}/healthz`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  child.kill("SIGKILL");
  throw new Error(`The app did not become healthy within two minutes:\n${output()}`);
}
