import net from "node:net";
import { describe, expect, it } from "vitest";
import { runTs } from "../support/processes";

/** `npm start` with bad configuration stops with one sentence, not a stack trace. */
async function start(env: Record<string, string | undefined>) {
  const result = await runTs("app/server/start.ts", [], { DEMO_DATA: "off", ...env }, { timeoutMs: 60_000 });
  return { code: result.code, errorLines: result.stderr.trim().split("\n").filter(Boolean) };
}

describe("start-up with bad configuration", () => {
  it("an unreachable DATABASE_URL", async () => {
    const result = await start({ DATABASE_URL: "postgresql://postgres@127.0.0.1:1/nope" });
    expect(result.code).toBe(1);
    expect(result.errorLines).toEqual([
      "Cannot reach the database at 127.0.0.1:1/nope (DATABASE_URL): nothing answers on that port.",
    ]);
  });

  it("a port that is not a number", async () => {
    const result = await start({ PORT: "abc" });
    expect(result.code).toBe(1);
    expect(result.errorLines).toEqual(["Configuration error: PORT must be a number between 1 and 65535 (PORT)."]);
  });

  it("production without a session secret", async () => {
    const result = await start({ NODE_ENV: "production", SESSION_SECRET: "" });
    expect(result.code).toBe(1);
    expect(result.errorLines).toEqual([
      "Configuration error: SESSION_SECRET must be set to a long random value in production (SESSION_SECRET).",
    ]);
  });

  it("an HTTP port that is taken", async () => {
    const blocker = net.createServer();
    const port = await new Promise<number>((resolve) => blocker.listen(0, "127.0.0.1", () => resolve((blocker.address() as net.AddressInfo).port)));
    try {
      const result = await start({ DATABASE_URL: process.env.TEST_DATABASE_URL, PORT: String(port), HOST: "127.0.0.1" });
      expect(result.code).toBe(1);
      expect(result.errorLines).toEqual([
        `Port ${port} is already in use; stop the other program or set PORT to a free port.`,
      ]);
    } finally {
      blocker.close();
    }
  });
});
