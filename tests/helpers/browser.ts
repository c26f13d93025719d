import { existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type ConsoleMessage, type Page } from 'playwright-core';
import type { Client } from './client';

/** The Debian Chromium the e2e tests drive (`apt-get install -y chromium`). */
export const CHROMIUM_PATH = '/usr/bin/chromium';

/**
 * Flags for a quiet, headless, container-friendly Chromium. playwright-core makes a fresh
 * temporary profile itself and refuses `--user-data-dir` here.
 */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const browserRequired = process.env.REQUIRE_BROWSER === '1';

/**
 * True when the browser tests must be skipped: Chromium is missing and REQUIRE_BROWSER is not
 * set. Says so loudly, so a green run without a browser is never mistaken for a tested one.
 * With REQUIRE_BROWSER=1 it returns false, and `launchBrowser` then fails the tests.
 * Use as `describe.skipIf(skipIfNoBrowser())(…)`.
 */
export function skipIfNoBrowser(): boolean {
  if (existsSync(CHROMIUM_PATH)) return false;
  if (browserRequired) return false;
  console.warn(`\n*** BROWSER TESTS SKIPPED: ${CHROMIUM_PATH} not found (apt-get install -y chromium; REQUIRE_BROWSER=1 makes this an error) ***\n`);
  return true;
}

/** Launches headless Chromium; throws a sentence saying what to install when it is missing. */
export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`REQUIRE_BROWSER=1 but ${CHROMIUM_PATH} not found: run "apt-get install -y chromium".`);
  }
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}

/** Signs `context` in as `client`: its session cookie, for the app at `url`. */
export function addSession(context: BrowserContext, url: string, client: Client): Promise<void> {
  const cookie = client.cookie!;
  return context.addCookies([{ name: 'corroborate_session', value: cookie.slice(cookie.indexOf('=') + 1), url }]);
}

/**
 * Collects what goes wrong in `page` into `errors`, each line prefixed with `who`: uncaught errors,
 * and console errors unless `ignore` says the message is expected (a test asserts `errors` is empty).
 */
export function recordPageErrors(page: Page, who: string, errors: string[], ignore: (message: ConsoleMessage) => boolean = () => false): void {
  page.on('pageerror', (error) => errors.push(`${who}: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error' && !ignore(message)) errors.push(`${who} (console): ${message.text()} ${message.location().url}`);
  });
}

/**
 * Where a browser test saves the screenshot `name` (its folder is made): `test-results/screenshots/`
 * (ignored by git) on an ordinary run, so a test run never rewrites tracked files; the README's
 * pictures in `docs/` only when asked for with SCREENSHOTS=docs (`npm run screenshots`).
 */
export function screenshotPath(name: string): string {
  const folder = process.env.SCREENSHOTS === 'docs' ? 'docs' : 'test-results/screenshots';
  const path = fileURLToPath(new URL(`../../${folder}/${name}`, import.meta.url));
  mkdirSync(dirname(path), { recursive: true });
  return path;
}

/** What `atQuote` does with the first occurrence of a quote in a text. */
type QuoteAction = 'select' | 'scroll' | 'centre' | 'visible';

/**
 * Finds the first occurrence of `quote` in the paragraphs of `[data-testid=testid]` (the reader
 * renders each paragraph as one text node) and acts on it in the page. One page function for
 * every quote helper below, since a function handed to `page.evaluate` cannot call another.
 */
function atQuote(page: Page, quote: string, action: QuoteAction, testid: string): Promise<unknown> {
  return page.evaluate(
    ([q, act, id]) => {
      for (const p of document.querySelectorAll(`[data-testid="${id}"] p`)) {
        const node = p.firstChild;
        if (!(node instanceof Text)) continue;
        const at = node.data.indexOf(q);
        if (at === -1) continue;
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + q.length);
        if (act === 'select') {
          document.getSelection()!.setBaseAndExtent(node, at, node, at + q.length);
          return null;
        }
        if (act === 'scroll') {
          p.scrollIntoView({ block: 'center' });
          return null;
        }
        if (act === 'visible') {
          const rect = range.getBoundingClientRect();
          return rect.top >= 0 && rect.bottom <= window.innerHeight;
        }
        // The centre of the quote's first few characters: on its first line, whatever its length.
        range.setEnd(node, at + Math.min(q.length, 12));
        const rect = range.getClientRects()[0];
        return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
      }
      throw new Error(`not in the text: ${q}`);
    },
    [quote, action, testid] as const,
  );
}

/** Selects the first occurrence of `quote` in a text (the reader's by default), as a person dragging over it would. */
export async function selectQuote(page: Page, quote: string, testid = 'reader-text'): Promise<void> {
  await atQuote(page, quote, 'select', testid);
}

/** Scrolls the paragraph holding the first occurrence of `quote` to the middle of the screen. */
export async function scrollToQuote(page: Page, quote: string, testid = 'reader-text'): Promise<void> {
  await atQuote(page, quote, 'scroll', testid);
}

/** The viewport point at the centre of the start of the first occurrence of `quote`: where a click or tap on it lands. */
export function centreOfQuote(page: Page, quote: string, testid = 'reader-text'): Promise<{ x: number; y: number }> {
  return atQuote(page, quote, 'centre', testid) as Promise<{ x: number; y: number }>;
}

/** Whether the first occurrence of `quote` is wholly on screen. */
export function quoteOnScreen(page: Page, quote: string, testid = 'reader-text'): Promise<boolean> {
  return atQuote(page, quote, 'visible', testid) as Promise<boolean>;
}
