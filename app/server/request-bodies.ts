import type { IncomingMessage } from "node:http";
import type { RequestHandler } from "express";
import { refuse } from "./refusals";
import { SAFE_METHODS } from "./same-origin";

/**
 * What a request may send, checked before Remix reads it, so that no route can be made to
 * parse a huge body or to fail on a malformed one (`request.formData()` throws a TypeError,
 * which became a 500). A body that passes here is buffered (at most the limit) and handed to
 * Remix, where `request.formData()` then always succeeds.
 */

const KILOBYTE = 1024;
const MEGABYTE = 1024 * KILOBYTE;

const FORM_TYPES = ["application/x-www-form-urlencoded", "multipart/form-data"] as const;

interface BodyRule {
  /** paths starting with this */
  pathPrefix: string;
  /** media types accepted (parameters such as charset and boundary aside) */
  types: readonly string[];
  maxBytes: number;
}

/**
 * Which bodies a path accepts, first match wins. Every route takes forms, except Stripe's JSON
 * webhook. A route that needs something else (an upload above 1 MB) gets its own line above
 * the catch-all; the route then reads its body itself.
 */
const BODY_RULES: readonly BodyRule[] = [
  // Stripe's events are JSON, a few kilobytes each (decision 092)
  { pathPrefix: "/webhooks/stripe/", types: ["application/json"], maxBytes: 256 * KILOBYTE },
  { pathPrefix: "/", types: FORM_TYPES, maxBytes: MEGABYTE },
];

function ruleFor(path: string): BodyRule {
  return BODY_RULES.find((rule) => path.startsWith(rule.pathPrefix)) ?? BODY_RULES[BODY_RULES.length - 1]!;
}

/** The media type of a Content-Type header, lower case, without parameters. */
function mediaType(header: string | undefined): string | undefined {
  const type = header?.split(";")[0]?.trim().toLowerCase();
  return type || undefined;
}

const megabytes = (bytes: number) => `${Math.round((bytes / MEGABYTE) * 10) / 10} MB`;

/**
 * Refuses a body over its path's limit (413; by its Content-Length up front, else by counting
 * as it streams in), of a type the path does not take, without a type, or with a content
 * encoding (415), or that cannot be read as the form it says it is (400). Otherwise the body
 * is kept in `res.locals.body` for the Remix handler.
 */
export function readRequestBodies(): RequestHandler {
  return async (req, res, next) => {
    if (SAFE_METHODS.has(req.method)) return next();
    const rule = ruleFor(req.path);
    const limit = { limit: megabytes(rule.maxBytes) };
    const declared = Number(req.headers["content-length"] ?? 0);
    if (declared > rule.maxBytes) {
      return refuse(req, res, "tooLarge", {
        values: limit,
        detail: `content-length ${declared}`,
        closeConnection: true,
      });
    }
    const encoding = req.headers["content-encoding"]?.trim().toLowerCase();
    if (encoding && encoding !== "identity")
      return refuse(req, res, "unsupportedType", { detail: `encoding ${encoding}` });
    const type = mediaType(req.headers["content-type"]);
    if (type ? !rule.types.includes(type) : declared > 0) {
      return refuse(req, res, "unsupportedType", { detail: `type ${type ?? "none"}` });
    }

    let body: Buffer | undefined;
    try {
      body = await readAtMost(req, rule.maxBytes);
    } catch {
      return; // the client went away
    }
    if (!body) return refuse(req, res, "tooLarge", { values: limit, detail: "streamed body", closeConnection: true });
    if (!type) {
      if (body.length > 0) return refuse(req, res, "unsupportedType", { detail: "a body without a type" });
      // No body and no type (curl -X POST, a fetcher's submit(null)): there is nothing to
      // misread, so the route gets it as the empty form it is.
      req.headers["content-type"] = FORM_TYPES[0];
    }

    if (FORM_TYPES.includes(type as (typeof FORM_TYPES)[number])) {
      const problem = await formProblem(body, req.headers["content-type"]!);
      if (problem) return refuse(req, res, "badRequest", { detail: problem });
    }
    res.locals.body = body;
    next();
  };
}

/** The whole body, or undefined as soon as it grows past `maxBytes` (the rest is left unread). */
function readAtMost(req: IncomingMessage, maxBytes: number): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const done = () => {
      req.off("data", onData);
      req.off("end", onEnd);
      req.off("error", onError);
      req.off("close", onClose);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= maxBytes) return void chunks.push(chunk);
      done();
      req.pause();
      resolve(undefined);
    };
    const onEnd = () => {
      done();
      resolve(Buffer.concat(chunks));
    };
    const onError = (error: Error) => {
      done();
      reject(error);
    };
    const onClose = () => {
      done();
      reject(new Error("the request was closed before its body ended"));
    };
    req.on("data", onData);
    req.on("end", onEnd);
    req.on("error", onError);
    req.on("close", onClose);
  });
}

/**
 * Why a form body cannot be used, or undefined. Parsed here the way Remix will parse it (a
 * multipart body without a boundary or with a broken one fails); a NUL character in a text
 * field is refused too, because PostgreSQL cannot store it in text.
 */
async function formProblem(body: Buffer, contentType: string): Promise<string | undefined> {
  let form: FormData;
  try {
    form = await new Response(new Uint8Array(body), { headers: { "Content-Type": contentType } }).formData();
  } catch (error) {
    return `unreadable form: ${(error as Error).message}`;
  }
  for (const [name, value] of form) {
    if (name.includes("\0") || (typeof value === "string" && value.includes("\0")))
      return "NUL character in a form field";
  }
  return undefined;
}
