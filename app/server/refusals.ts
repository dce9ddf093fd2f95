import type { Request, Response } from "express";
import { logError, logInfo } from "~/lib/log.server";
import { translator, type Key, type MessageValues } from "~/i18n/translate";

/**
 * The HTTP layer's own refusals, answered before Remix sees the request: a short page in Dutch
 * and English (we cannot know the language yet, and the page must not depend on the app),
 * without scripts. Refusals are logged at info: the client, not the server, is at fault.
 */

const REFUSALS = {
  crossOrigin: { status: 403, title: "requests.crossOriginTitle", message: "requests.crossOrigin" },
  badRequest: { status: 400, title: "requests.badRequestTitle", message: "requests.badRequest" },
  tooLarge: { status: 413, title: "requests.tooLargeTitle", message: "requests.tooLarge" },
  unsupportedType: { status: 415, title: "requests.unsupportedTitle", message: "requests.unsupported" },
  serverError: { status: 500, title: "errors.serverTitle", message: "errors.server" },
} as const satisfies Record<string, { status: number; title: Key; message: Key }>;

export type Refusal = Exclude<keyof typeof REFUSALS, "serverError">;

const nl = translator("nl");
const en = translator("en");

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);

export function refuse(
  req: Request,
  res: Response,
  refusal: Refusal,
  options: { values?: MessageValues; detail?: string; closeConnection?: boolean } = {},
): void {
  logInfo("request refused", {
    status: REFUSALS[refusal].status,
    refusal,
    detail: options.detail,
    method: req.method,
    path: req.path,
    requestId: res.locals.requestId,
  });
  sendPlainPage(req, res, refusal, options);
}

/**
 * The last resort for an error nothing else answered (Remix renders its own 500 page; this is
 * for a failure around it): logged with its stack, a plain page with the request id.
 */
export function answerServerError(error: unknown, req: Request, res: Response): void {
  logError(error, { requestId: res.locals.requestId, method: req.method, path: req.path });
  if (res.headersSent) return void res.destroy();
  sendPlainPage(req, res, "serverError", { values: { id: String(res.locals.requestId) } });
}

function sendPlainPage(
  req: Request,
  res: Response,
  kind: keyof typeof REFUSALS,
  options: { values?: MessageValues; closeConnection?: boolean },
): void {
  const { status, title, message } = REFUSALS[kind];
  // The rest of an over-long body is not read; closing the connection is cheaper than draining it.
  if (options.closeConnection) res.setHeader("Connection", "close");
  const texts = [nl, en].map((t) => ({ title: t(title), message: t(message, options.values) }));
  res.status(status);
  res.setHeader("Cache-Control", "no-store");
  if (req.accepts(["text/html", "text/plain"]) === "text/html") {
    res.setHeader(
      "Content-Security-Policy",
      "default-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
    );
    res
      .type("html")
      .send(
        `<!DOCTYPE html><html lang="nl"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(`${texts[0]!.title} / ${texts[1]!.title}`)}</title></head><body>` +
          `<h1>${escapeHtml(texts[0]!.title)}</h1><p>${escapeHtml(texts[0]!.message)}</p>` +
          `<div lang="en"><h2>${escapeHtml(texts[1]!.title)}</h2><p>${escapeHtml(texts[1]!.message)}</p></div>` +
          `<p><a href="/">Buurtrooster</a></p></body></html>`,
      );
  } else {
    res.type("text").send(texts.map((text) => `${text.title}. ${text.message}`).join("\n\n") + "\n");
  }
}
