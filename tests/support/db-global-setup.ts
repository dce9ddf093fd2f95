import type { TestProject } from "vitest/node";
import { createTemplate, dropRunDatabases, openTestServer, setUpOn } from "./test-server";

declare module "vitest" {
  export interface ProvidedContext {
    serverUrl: string;
    templateDatabase: string;
    runId: number;
  }
}

export default async function setup(project: TestProject) {
  const server = await openTestServer();
  const template = await setUpOn(server, () => createTemplate(server.serverUrl));
  project.provide("serverUrl", server.serverUrl);
  project.provide("templateDatabase", template);
  project.provide("runId", process.pid);
  return async () => {
    await dropRunDatabases(server.serverUrl);
    await server.stop();
  };
}
