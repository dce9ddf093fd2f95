/** Plain text plus simple, accessible HTML for every email, from the same words. */

export interface EmailContent {
  subject: string;
  /** paragraphs separated by blank lines; URLs become links in the HTML */
  body: string;
  action?: { label: string; url: string };
  footer: string;
  locale: "nl" | "en";
}

function escapeHtml(text: string): string {
  return text
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replaceAll("'", "&#39;");
}

function linkify(escaped: string): string {
  return escaped.replace(/https?:\/\/[^\s<]+/g, (url) => `<a href="${url}">${url}</a>`);
}

export function renderEmail(content: EmailContent): { subject: string; text: string; html: string } {
  // the button's link in the plain text too: a reader without HTML needs it as much
  const action = content.action ? `\n\n${content.action.label}: ${content.action.url}` : "";
  const text = `${content.body}${action}\n\n-- \n${content.footer}\n`;
  const paragraphs = content.body
    .split(/\n{2,}/)
    .map((paragraph) => `<p>${linkify(escapeHtml(paragraph)).replaceAll("\n", "<br>")}</p>`)
    .join("\n");
  const button = content.action
    ? `<p><a href="${escapeHtml(content.action.url)}" style="display:inline-block;padding:12px 20px;background:#0b5d3b;color:#ffffff;text-decoration:none;border-radius:6px;font-weight:bold">${escapeHtml(content.action.label)}</a></p>`
    : "";
  const html = `<!doctype html>
<html lang="${content.locale}"><head><meta charset="utf-8"><title>${escapeHtml(content.subject)}</title></head>
<body style="font-family:Arial,Helvetica,sans-serif;font-size:17px;line-height:1.5;color:#1a1a1a;max-width:36em;margin:0 auto;padding:16px">
${paragraphs}
${button}
<p style="color:#555;font-size:14px">${escapeHtml(content.footer)}</p>
</body></html>`;
  return { subject: content.subject, text, html };
}
