import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import type { TestProject } from "vitest/node";
import { fromRoot } from "~/lib/project-root.server";
import { TEST_NOW } from "./test-clock";
import {
  createTemplate,
  cloneTemplate,
  databaseName,
  dropRunDatabases,
  freePort,
  openTestServer,
  setUpOn,
} from "./test-server";

/** freePort lives in test-server.ts now; tests that took it from here still can. */
export { freePort } from "./test-server";

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
    appDatabaseUrl: string;
  }
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
  const { child, baseUrl, databaseUrl } = await setUpOn(server, () => startApp(server.serverUrl));
  project.provide("baseUrl", baseUrl);
  project.provide("appDatabaseUrl", databaseUrl);
  return async () => {
    child.kill("SIGTERM");
    await new Promise((resolve) => (child.exitCode === null ? child.once("exit", resolve) : resolve(undefined)));
    await dropRunDatabases(server.serverUrl);
    await server.stop();
  };
}

/** The built app on a database of its own with the demo, healthy; stopped again if it does not get there. */
async function startApp(serverUrl: string) {
  const template = await createTemplate(serverUrl);
  const databaseUrl = await cloneTemplate(serverUrl, template, databaseName("browser"));
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
  // however this process ends (a failed run, a signal handled by process.exit), the app goes with it
  const stopApp = () => child.kill("SIGTERM");
  process.once("exit", stopApp);
  child.once("exit", () => process.off("exit", stopApp));
  const baseUrl = `http://localhost:${port}`;
  await waitForHealthy(baseUrl, child, () => output).catch((error: unknown) => {
    child.kill("SIGKILL");
    throw error;
  });
  return { child, baseUrl, databaseUrl };
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
  throw new Error(`The app did not become healthy within two minutes:\n${output()}`);
}
