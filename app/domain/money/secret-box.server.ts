import { createCipheriv, createDecipheriv, createHmac, randomBytes } from "node:crypto";
import { db } from "~/db/client.server";
import { encryptionKeyBytes, env } from "~/env.server";
import { clock } from "~/lib/clock";

/**
 * Secrets a centre gives us (its Stripe keys) are stored encrypted: AES-256-GCM with a key from
 * the environment (PAYMENTS_ENCRYPTION_KEY). Outside production, without that variable, a random
 * key kept in the database is used, so the demo and development work without setup; production
 * refuses to encrypt without the variable (see docs/decisions/090-payments-per-centre-keys.md).
 */

class MissingEncryptionKeyError extends Error {
  override name = "MissingEncryptionKeyError";
}

const DEVELOPMENT_KEY = "payments-encryption-key";
const VERSION = "v1";

async function key(): Promise<Buffer> {
  const { PAYMENTS_ENCRYPTION_KEY: configured, production } = env();
  if (configured) return encryptionKeyBytes(configured)!;
  if (production) throw new MissingEncryptionKeyError("PAYMENTS_ENCRYPTION_KEY is not set.");
  await db().appSecret.createMany({
    data: [{ name: DEVELOPMENT_KEY, value: randomBytes(32).toString("base64"), createdAt: clock.now() }],
    skipDuplicates: true,
  });
  const stored = await db().appSecret.findUniqueOrThrow({ where: { name: DEVELOPMENT_KEY } });
  return Buffer.from(stored.value, "base64");
}

/** Whether secrets can be stored here (production needs PAYMENTS_ENCRYPTION_KEY). */
export function canEncrypt(): boolean {
  return Boolean(env().PAYMENTS_ENCRYPTION_KEY) || !env().production;
}

/** "v1.<iv>.<tag>.<ciphertext>", each part base64url. */
export async function encryptSecret(plain: string): Promise<string> {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", await key(), iv);
  const data = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return [VERSION, iv, cipher.getAuthTag(), data]
    .map((part) => (typeof part === "string" ? part : part.toString("base64url")))
    .join(".");
}

/** The plain secret; throws when the box was made with another key or was altered. */
export async function decryptSecret(box: string): Promise<string> {
  const [version, iv, tag, data] = box.split(".");
  if (version !== VERSION || !iv || !tag || data === undefined) throw new Error("Not an encrypted secret.");
  const decipher = createDecipheriv("aes-256-gcm", await key(), Buffer.from(iv, "base64url"));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  return Buffer.concat([decipher.update(Buffer.from(data, "base64url")), decipher.final()]).toString("utf8");
}

/**
 * An id only this installation can compute from `text` (HMAC-SHA256 with the same key, shaped
 * as a UUID): the same input always gives the same id, and nobody without the key can guess it.
 */
export async function privateId(text: string): Promise<string> {
  const hex = createHmac("sha256", await key())
    .update(text)
    .digest("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
