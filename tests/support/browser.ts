import { execFile } from "node:child_process";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import AxeBuilder from "@axe-core/playwright";
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from "playwright-core";
import { inject } from "vitest";
import { fromRoot } from "~/lib/project-root.server";

/**
 * Chromium from Debian (`apt-get install chromium`), driven by playwright-core. Playwright's
 * own browser download cannot work on these machines.
 */
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export interface BrowserSession {
  browser: Browser;
  context: BrowserContext;
  page: Page;
  baseUrl: string;
  close(): Promise<void>;
}

export async function openBrowser(options: { width?: number; height?: number } = {}): Promise<BrowserSession> {
  // Playwright gives every launch a fresh, temporary profile (--user-data-dir) of its own.
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
  const baseUrl = inject("baseUrl");
  const context = await browser.newContext({
    baseURL: baseUrl,
    viewport: { width: options.width ?? 1280, height: options.height ?? 900 },
    locale: "nl-NL",
  });
  const page = await context.newPage();
  return {
    browser,
    context,
    page,
    baseUrl,
    close: () => browser.close(),
  };
}

/** Runs axe-core (WCAG 2.1 A and AA rules) on the page; returns the violations. */
export async function accessibilityViolations(page: Page) {
  const result = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  return result.violations.map((violation) => ({
    id: violation.id,
    impact: violation.impact,
    help: violation.help,
    nodes: violation.nodes.map((node) => node.target.join(" ")).slice(0, 5),
  }));
}

/** Saves a screenshot under test-results/ (a test artefact, not committed). */
export async function screenshot(page: Page, name: string): Promise<string> {
  const dir = fromRoot("test-results", "screenshots");
  await mkdir(dir, { recursive: true });
  const file = path.join(dir, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/**
 * Signs in through the development mailbox, as a person would: ask a link, open it, confirm.
 * It takes the link from an email that arrived after asking, so tests running at the same time
 * for the same account never take each other's link.
 */
/** Returns the link it used. */
export async function signInViaMailbox(page: Page, email: string): Promise<string> {
  const mailsFor = async () => {
    await page.goto("/dev/mailbox");
    return page
      .getByRole("article")
      .filter({ hasText: email })
      .evaluateAll((articles) => articles.map((article) => article.getAttribute("data-email-id")));
  };
  const before = new Set(await mailsFor());
  await page.goto("/login");
  await page.getByLabel(/E-mailadres|Email address/).fill(email);
  await page.getByRole("button", { name: /inloglink|sign-in link/i }).click();
  await shows(page.getByRole("heading", { name: /Kijk in uw mail|Check your email/ }));
  let link: string | null = null;
  for (let attempt = 0; attempt < 20 && !link; attempt++) {
    const fresh = (await mailsFor()).find((id) => id && !before.has(id));
    if (fresh)
      link = await page
        .locator(`article[data-email-id="${fresh}"]`)
        .getByRole("link", { name: /login\/verify/ })
        .first()
        .getAttribute("href");
    else await page.waitForTimeout(200);
  }
  if (!link) throw new Error(`No new sign-in link for ${email} in the mailbox`);
  await page.goto(link);
  await page.getByRole("button", { name: /^(Inloggen|Sign in)$/ }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/login"));
  return link;
}

/** Waits until the locator shows (the test fails with a timeout if it never does). */
export async function shows(locator: Locator, timeout = 10_000): Promise<void> {
  await locator.first().waitFor({ state: "visible", timeout });
}

/** Waits until the page's main heading is exactly `text`. */
export async function headingIs(page: Page, text: string): Promise<void> {
  await shows(page.getByRole("heading", { level: 1, name: text, exact: true }));
}

/** Clicks a link that downloads a file and gives back its suggested name and its bytes. */
export async function download(page: Page, link: Locator): Promise<{ name: string; content: Buffer }> {
  const [file] = await Promise.all([page.waitForEvent("download"), link.click()]);
  return { name: file.suggestedFilename(), content: await readFile(await file.path()) };
}

/** A PDF's text as pdftotext (poppler-utils) reads it, so a test can check what a person would read. */
export async function pdfText(pdf: Buffer): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), "buurtrooster-pdf-"));
  try {
    await writeFile(path.join(dir, "document.pdf"), pdf);
    const { stdout } = await promisify(execFile)(
      "pdftotext",
      ["-layout", "-enc", "UTF-8", path.join(dir, "document.pdf"), "-"],
      {
        encoding: "utf8",
      },
    );
    return stdout;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
