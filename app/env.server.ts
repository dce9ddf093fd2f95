import { availableParallelism } from "node:os";
import { z } from "zod";

/** A configuration problem, reported to the operator as one plain sentence. */
export class ConfigError extends Error {
  override name = "ConfigError";
}

/**
 * The development secret earlier versions shipped in the code. It is public, so production
 * refuses it; outside production an unset SESSION_SECRET now means a random secret kept in the
 * database (app/auth/secrets.server.ts).
 */
export const PUBLISHED_SECRETS: readonly string[] = ["development-only-secret-change-me"];

const port = (what: string) =>
  z.coerce
    .number({ error: `${what} must be a number between 1 and 65535` })
    .int(`${what} must be a whole number between 1 and 65535`)
    .min(1, `${what} must be between 1 and 65535`)
    .max(65535, `${what} must be between 1 and 65535`);

/** The 32 bytes of an encryption key written as hex or base64; undefined when it is not that. */
export function encryptionKeyBytes(value: string): Buffer | undefined {
  const bytes = /^[0-9a-f]{64}$/i.test(value) ? Buffer.from(value, "hex") : Buffer.from(value, "base64");
  return bytes.length === 32 ? bytes : undefined;
}

const envSchema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    PORT: port("PORT").default(3000),
    HOST: z.string().min(1).optional(),
    /** Public address of the app, used in links inside emails. */
    APP_URL: z.url("APP_URL must be a full address such as https://rooster.example.nl").optional(),
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, "DATABASE_URL must start with postgres:// or postgresql://")
      .optional(),
    EMBEDDED_DB_PORT: port("EMBEDDED_DB_PORT").default(54329),
    EMBEDDED_DB_DIR: z.string().min(1).optional(),
    SESSION_SECRET: z.string().optional(),
    SMTP_URL: z
      .string()
      .regex(/^smtps?:\/\//, "SMTP_URL must start with smtp:// or smtps://")
      .optional(),
    MAIL_FROM: z.string().min(3).default("Buurtrooster <noreply@buurtrooster.local>"),
    /** Load the demo centres into an empty database on start (default: on outside production). */
    DEMO_DATA: z.enum(["on", "off"]).optional(),
    /**
     * 32 random bytes (base64 or hex) that encrypt each centre's Stripe keys at rest. Required
     * in production before a centre can save keys; elsewhere a key kept in the database is used.
     */
    PAYMENTS_ENCRYPTION_KEY: z
      .string()
      .refine((value) => encryptionKeyBytes(value) !== undefined, {
        error: "PAYMENTS_ENCRYPTION_KEY must be 32 random bytes, as 64 hex characters or 44 base64 characters",
      })
      .optional(),
    /** Folder of database backups (db:backup, db:restore, the nightly job); default backups/ in the project. */
    BACKUP_DIR: z.string().min(1).optional(),
    /** A backup every night, by the app's background jobs. */
    BACKUP_NIGHTLY: z.enum(["on", "off"]).default("off"),
    /** How many nightly backups are kept; older ones are removed after each new one. */
    BACKUP_KEEP: z.coerce
      .number({ error: "BACKUP_KEEP must be a whole number of at least 1" })
      .int("BACKUP_KEEP must be a whole number of at least 1")
      .min(1, "BACKUP_KEEP must be a whole number of at least 1")
      .default(14),
    /** HTTP worker processes of `npm start` (default: one per core in production, else 1). */
    WEB_CONCURRENCY: z.coerce
      .number({ error: "WEB_CONCURRENCY must be a whole number between 1 and 64" })
      .int("WEB_CONCURRENCY must be a whole number between 1 and 64")
      .min(1, "WEB_CONCURRENCY must be a whole number between 1 and 64")
      .max(64, "WEB_CONCURRENCY must be a whole number between 1 and 64")
      .optional(),
    LOG_LEVEL: z.enum(["debug", "info", "warn", "error"]).default("info"),
    /** Start the app's clock at this instant (development and tests only); it runs on from there. */
    CLOCK_START: z.iso
      .datetime({ offset: true, error: "CLOCK_START must be an instant such as 2027-12-24T18:00:00+01:00" })
      .transform((value) => new Date(value))
      .optional(),
  })
  .transform((env, ctx) => {
    const production = env.NODE_ENV === "production";
    if (production && (!env.SESSION_SECRET || PUBLISHED_SECRETS.includes(env.SESSION_SECRET))) {
      ctx.addIssue({
        code: "custom",
        path: ["SESSION_SECRET"],
        message: "SESSION_SECRET must be set to a long random value in production",
      });
      return z.NEVER;
    }
    if (production && env.CLOCK_START) {
      ctx.addIssue({ code: "custom", path: ["CLOCK_START"], message: "CLOCK_START may not be used in production" });
      return z.NEVER;
    }
    if (env.SESSION_SECRET !== undefined && env.SESSION_SECRET.length < 16) {
      ctx.addIssue({
        code: "custom",
        path: ["SESSION_SECRET"],
        message: "SESSION_SECRET must be at least 16 characters long",
      });
      return z.NEVER;
    }
    return {
      ...env,
      production,
      HOST: env.HOST ?? (production ? "0.0.0.0" : "127.0.0.1"),
      APP_URL: (env.APP_URL ?? `http://localhost:${env.PORT}`).replace(/\/$/, ""),
      /** set in production; elsewhere it may be left out (see app/auth/secrets.server.ts) */
      SESSION_SECRET: env.SESSION_SECRET,
      /** Development conveniences (mailbox page, demo sign-in hints) never run in production. */
      devTools: !production,
      demoData: env.DEMO_DATA ? env.DEMO_DATA === "on" : !production,
      // Development and tests keep one process: simpler to debug, and their tests start many apps.
      WEB_CONCURRENCY: env.WEB_CONCURRENCY ?? (production ? availableParallelism() : 1),
    };
  });

export type Env = z.output<typeof envSchema>;

/** Validates the environment; throws a ConfigError with one sentence on the first problem. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const cleaned = Object.fromEntries(
    Object.entries(source).map(([key, value]) => [key, value === "" ? undefined : value]),
  );
  const result = envSchema.safeParse(cleaned);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    throw new ConfigError(`Configuration error: ${issue.message} (${issue.path.join(".")}).`);
  }
  return result.data;
}

let cached: Env | undefined;

/** The validated environment of this process, read once. */
export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}
