import { existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from 'playwright-core';

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
