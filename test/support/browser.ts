// Browser tests: the real server (own database) listening on a port, the built client, and headless Chromium (the
// system's, else the one shipped in the npm package @sparticuz/chromium, so `npm test` needs Node alone).
// Code passed to page.evaluate / addInitScript runs in the browser: its globals (window, document, localStorage).
/// <reference lib="dom" />
import { execFileSync } from 'node:child_process';
import { accessSync, constants, mkdirSync, statSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { existsSync } from 'node:fs';
import { startTestApp, type TestApp } from './app';
import type { Clock } from '../../src/common/clock';

const SCREENS_DIR = resolve(__dirname, '../../test-artifacts/screens');
// CLIENT_DIR lets a developer test a client built elsewhere (vite build client --outDir …) while client/dist is rebuilt.
const CLIENT_DIR = process.env.CLIENT_DIR || resolve(__dirname, '../../client/dist');

const SYSTEM_CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];

const isExecutableFile = (file: string) => {
  try {
    accessSync(file, constants.X_OK);
    return statSync(file).isFile();
  } catch {
    return false;
  }
};

let npmChromium: string | undefined;

/** CHROMIUM_PATH, else the system's Chromium, else @sparticuz/chromium's (unpacked once into the temp directory). */
export function chromiumPath(): string {
  const found = process.env.CHROMIUM_PATH ?? SYSTEM_CHROMIUM.find(isExecutableFile);
  return found ?? npmChromiumPath();
}

/** The Chromium shipped in @sparticuz/chromium, unpacked once into the temp directory. */
export function npmChromiumPath(): string {
  // The package is ESM-only: a plain node child process loads it (jest's CommonJS runtime cannot).
  npmChromium ??= execFileSync(process.execPath, ['--input-type=module', '-e', "import c from '@sparticuz/chromium'; process.stdout.write(await c.executablePath())"], { cwd: resolve(__dirname, '../..') }).toString();
  return npmChromium;
}

export interface BrowserApp extends TestApp {
  baseUrl: string;
  browser: Browser;
  /** A fresh browser context (own localStorage) with the UI language, signed in as `name` holding `role` (the user is
   * created first) unless `signedIn` is false. */
  newPage(options?: { locale?: 'en' | 'zh-CN'; name?: string; role?: string; signedIn?: boolean; viewport?: { width: number; height: number } }): Promise<Page>;
}

export async function startBrowserApp(options: { clock?: Clock; env?: Record<string, string>; executablePath?: string } = {}): Promise<BrowserApp> {
  if (!existsSync(join(CLIENT_DIR, 'index.html'))) throw new Error(`${CLIENT_DIR} has no built client: run \`npm run build:client\` (npm test does it via pretest)`);
  const testApp = await startTestApp({ clock: options.clock, env: { CLIENT_DIR, ...options.env } });
  await testApp.app.listen(0, '127.0.0.1');
  const { port } = testApp.app.getHttpServer().address() as AddressInfo;
  const baseUrl = `http://127.0.0.1:${port}`;
  const browser = await chromium.launch({
    executablePath: options.executablePath ?? chromiumPath(),
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-dev-shm-usage'],
  });
  const contexts: BrowserContext[] = [];
  return {
    ...testApp,
    baseUrl,
    browser,
    async newPage({ locale = 'en', name = 'tester', role = 'agent', signedIn = true, viewport = { width: 1400, height: 900 } } = {}) {
      const context = await browser.newContext({ baseURL: baseUrl, viewport, locale });
      contexts.push(context);
      let auth = '';
      if (signedIn) {
        const user = await testApp.as(name, [role]);
        const me = await user.get('/api/auth/me').expect(200);
        auth = JSON.stringify({ accessToken: user.token, expiresAt: Date.now() + 15 * 60_000, user: { id: me.body.id, username: name, displayName: null, roles: [role] } });
      }
      await context.addInitScript(
        ([l, r, a]) => {
          if (!localStorage.getItem('serviceflow.locale')) localStorage.setItem('serviceflow.locale', l);
          if (!localStorage.getItem('serviceflow.session')) localStorage.setItem('serviceflow.session', JSON.stringify({ role: r }));
          // Only on the context's first page load: a test that signs out stays signed out.
          if (a && !sessionStorage.getItem('serviceflow.test-auth')) {
            sessionStorage.setItem('serviceflow.test-auth', '1');
            localStorage.setItem('serviceflow.auth', a);
          }
        },
        [locale, role, auth],
      );
      const page = await context.newPage();
      trackPageErrors(page);
      return page;
    },
    async close() {
      await browser.close().catch(() => undefined);
      await testApp.close();
    },
  };
}

const pageErrors = new WeakMap<Page, string[]>();

/** Uncaught exceptions and console errors of a page, so that a test can assert the client ran cleanly. */
function trackPageErrors(page: Page): void {
  const errors: string[] = [];
  pageErrors.set(page, errors);
  page.on('pageerror', (err) => errors.push(`pageerror: ${err.message}`));
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(`console: ${msg.text()}`);
  });
}

/** Errors the page reported so far; `ignore` drops expected ones (e.g. the 400 of a deliberately rejected submission). */
export function errorsOf(page: Page, ignore: RegExp[] = []): string[] {
  return (pageErrors.get(page) ?? []).filter((e) => !ignore.some((r) => r.test(e)));
}

/** Saves a full-page screenshot as a test artifact: test-artifacts/screens/<name>.png. */
export async function saveScreenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENS_DIR, { recursive: true });
  const path = join(SCREENS_DIR, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}
