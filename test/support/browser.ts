import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { resolveChromium } from '../../scripts/tools/chromium.tool';

/**
 * Launches headless Chromium: CHROMIUM_PATH, else one on PATH, else the copy
 * in tools/ (installed from npm on first use), else Debian's as root
 * (scripts/tools/chromium.tool.ts). When none can be had this fails with one
 * line saying what was tried, never a skip.
 */
export async function launchChromium(): Promise<Browser> {
  const executablePath = await resolveChromium();
  // --no-sandbox: CI runs as root, where Chromium's sandbox cannot start.
  return chromium.launch({ executablePath, headless: true, args: ['--no-sandbox', '--disable-dev-shm-usage'] });
}

/** A laptop-sized page that records what would show in the browser's console as errors (CSP violations included). */
export async function openPage(browser: Browser): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 860 }, reducedMotion: 'reduce' });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (m) => {
    // 4xx answers the console handles (400, 409, 412 and 422 shown to the user, 401 before sign-in) are logged by Chromium as failed loads.
    if (m.type() === 'error' && !/Failed to load resource: the server responded with a status of (400|401|404|409|412|422)/.test(m.text())) {
      errors.push(m.text());
    }
  });
  page.on('pageerror', (e) => { errors.push(`${e.name}: ${e.message}`); if (process.env.CARELOOP_BROWSER_STACKS) console.log(e.stack); });
  page.setDefaultTimeout(20_000);
  return { context, page, errors };
}

/** Where screenshots go: docs/screenshots with `npm run docs:screenshots`, else a scratch folder. */
export function screenshotDir(): string {
  const dir = process.env.CARELOOP_SCREENSHOT_DIR ?? join(tmpdir(), 'careloop-screenshots');
  mkdirSync(dir, { recursive: true });
  return dir;
}

export async function screenshot(page: Page, name: string): Promise<string> {
  const path = join(screenshotDir(), `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

/** Waits until the locator's text matches (the console refreshes on its own), then returns it. */
export async function textMatching(locator: Locator, pattern: RegExp, timeoutMs = 30_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  let last = '';
  while (Date.now() < deadline) {
    last = (await locator.first().textContent({ timeout: 2_000 }).catch(() => null)) ?? '';
    if (pattern.test(last)) {
      return last;
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`text ${JSON.stringify(last.slice(0, 300))} never matched ${pattern}`);
}

/** Signs in on the console's login page as a demo user (POST /auth/dev-login underneath). */
export async function signIn(page: Page, baseUrl: string, user: string): Promise<void> {
  await page.goto(`${baseUrl}/app/`);
  await page.getByLabel('Demo user').selectOption(user);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('navigation', { name: 'Main' }).waitFor();
}
