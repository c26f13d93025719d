import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { claimsOf, newClaim } from '../../server/shared/claim-doc';
import { startApp, type TestApp } from '../helpers/app';
import { launchBrowser, skipIfNoBrowser } from '../helpers/browser';
import { signUp, type Client } from '../helpers/client';
import { connect, synced } from '../helpers/collab';

// First paint of a long document with 2,000 claims: the reader draws the claims near the screen
// first and the rest in slices at idle time (highlight-painter.ts), so every claim is highlighted
// in the end, the first screen's before the others, and no single task blocks the page for long.

const CLAIMS = 2_000;
/** Claims written per transaction while the document is prepared (each frame well under the limit). */
const PER_FRAME = 500;
const sentence = (i: number) => `Claim ${i} says that ${1000 + i} units were counted in the regional survey of households and their water supply last year.`;
/** About 250,000 characters: five sentences (five claims) a paragraph. */
const TEXT = Array.from({ length: CLAIMS / 5 }, (_, p) => Array.from({ length: 5 }, (_, s) => sentence(p * 5 + s)).join(' ')).join('\n\n');
/**
 * The longest task allowed while the highlights are painted after the first slice. The target is
 * 200 ms; this is a structural check on a shared, noisy machine (other test runs and builds at
 * once), so it is kept generous. Counted from the first slice to the last: the highlights are
 * painted from the claims' anchors (GET /claim-anchors) and the reader opens the shared document
 * only then, so the task that decodes it (the sync message, or this device's copy; still 0.5–1 s
 * on this machine for 2,000 claims) comes after the painting and is not the painter's.
 */
const LONG_TASK_MS = 400;

/** Installed before the page's scripts: every range added to a claim highlight, batched by task, and the long tasks. */
const OBSERVE = `(() => {
  const seen = { batches: [], batchTimes: [], longTasks: [], rangesAtSocket: null };
  window.__paint = seen;
  // What was highlighted when the reader opened its collaboration socket (it loads the shared document then).
  const Native = window.WebSocket;
  window.WebSocket = class extends Native {
    constructor(url, protocols) {
      super(url, protocols);
      if (seen.rangesAtSocket !== null) return;
      seen.rangesAtSocket = {};
      CSS.highlights.forEach((h, name) => (seen.rangesAtSocket[name] = h.size));
    }
  };
  let batch = null;
  const add = Highlight.prototype.add;
  Highlight.prototype.add = function (range) {
    if (!batch) {
      batch = [];
      seen.batches.push(batch);
      seen.batchTimes.push(performance.now());
      setTimeout(() => (batch = null), 0);
    }
    const claim = /^Claim (\\d+)/.exec(range.toString());
    if (claim) batch.push(Number(claim[1]));
    return add.call(this, range);
  };
  new PerformanceObserver((list) => list.getEntries().forEach((e) => seen.longTasks.push([e.startTime, e.duration]))).observe({ type: 'longtask', buffered: true });
})()`;

interface Seen {
  /** The claims (by number) added to the highlights, one list per task. */
  batches: number[][];
  batchTimes: number[];
  /** [startTime, duration] of each long task. */
  longTasks: Array<[number, number]>;
  /** Ranges of each highlight when the collaboration socket was opened. */
  rangesAtSocket: Record<string, number> | null;
}

describe.skipIf(skipIfNoBrowser())('first paint of a document with 2,000 claims', () => {
  let app: TestApp;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let lead: Client;
  let documentId: string;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    app = await startApp();
    lead = await signUp(app.url, 'first-paint');
    const { workspace } = (await lead.post('/api/workspaces', { name: 'Long reads' })).body;
    documentId = (await lead.post(`/api/workspaces/${workspace.id}/documents`, { title: 'Two thousand claims', text: TEXT })).body.document.id;
    const writer = await connect(app.url, documentId, lead);
    await synced(writer);
    let at = 0;
    for (let first = 0; first < CLAIMS; first += PER_FRAME) {
      writer.doc.transact(() => {
        for (let i = first; i < first + PER_FRAME; i++) {
          const start = TEXT.indexOf(sentence(i), at);
          at = start;
          const end = start + sentence(i).length - 1;
          const id = crypto.randomUUID();
          claimsOf(writer.doc).set(id, newClaim({ id, anchor: { start, end, exact: TEXT.slice(start, end), prefix: TEXT.slice(Math.max(0, start - 32), start), suffix: TEXT.slice(end, end + 32) } }));
        }
      });
    }
    await writer.saved.whenSaved();
    writer.destroy();

    browser = await launchBrowser();
    context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    context.setDefaultTimeout(60_000);
    await context.addCookies([{ name: 'corroborate_session', value: lead.cookie!.split('=')[1], url: app.url }]);
    await context.addInitScript({ content: OBSERVE });
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  /** Opens the document and waits until every claim is highlighted; returns what was painted when. */
  async function openAndPaintAll(): Promise<Seen> {
    page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(`${app.url}/d/${documentId}`);
    await page.getByTestId('reader-text').waitFor();
    await page.waitForFunction((claims) => {
      let n = 0;
      CSS.highlights.forEach((highlight, name) => {
        if (/^cb-claim-(open|in_review|verified|rejected)$/.test(name)) n += highlight.size;
      });
      return n === claims;
    }, CLAIMS);
    return (await page.evaluate('window.__paint')) as Seen;
  }

  /** The claims whose passage is on the first screen (the page is at its top). */
  function onFirstScreen(): Promise<number[]> {
    return page.evaluate(() => {
      const claims: number[] = [];
      for (const p of document.querySelectorAll('[data-testid="reader-text"] p')) {
        const box = p.getBoundingClientRect();
        if (box.top > innerHeight) break;
        if (box.bottom < 0) continue;
        for (const match of (p.textContent ?? '').matchAll(/Claim (\d+) says/g)) claims.push(Number(match[1]));
      }
      return claims;
    });
  }

  async function expectScreenFirst(seen: Seen): Promise<void> {
    const painted = seen.batches.flat();
    // Every claim highlighted, each once.
    expect(new Set(painted).size).toBe(CLAIMS);
    // In several slices, not one task.
    expect(seen.batches.length).toBeGreaterThan(1);
    // The first screen's claims are all in the first slice, before any claim far below it.
    const screen = await onFirstScreen();
    expect(screen.length).toBeGreaterThan(3);
    const firstSlice = new Set(seen.batches[0]);
    for (const claim of screen) expect(firstSlice.has(claim)).toBe(true);
    const farBelow = painted.findIndex((claim) => claim > Math.max(...screen) + 500);
    expect(farBelow).toBeGreaterThan(-1);
    expect(Math.max(...screen.map((claim) => painted.indexOf(claim)))).toBeLessThan(farBelow);
    const last = seen.batchTimes[seen.batchTimes.length - 1];
    const afterFirstSlice = seen.longTasks.filter(([start]) => start >= seen.batchTimes[0] && start <= last).map(([, duration]) => duration);
    expect(Math.max(0, ...afterFirstSlice)).toBeLessThan(LONG_TASK_MS);
  }

  test('the first open paints the first screen first, then every claim, without a long task', async () => {
    const seen = await openAndPaintAll();
    await expectScreenFirst(seen);
    await page.close();
    expect(pageErrors).toEqual([]);
  }, 120_000);

  test('the highlights are painted from the claims\' anchors before the shared document is opened, and replaced by its claims: one the anchors listed but the document no longer has goes', async () => {
    // The anchors answer with one claim more, as if deleted from the shared document since: rejected, so it shows in a highlight of its own.
    const ghost = { id: crypto.randomUUID(), start: TEXT.indexOf('households'), end: TEXT.indexOf('households') + 10, version: 1, status: 'rejected', review: false };
    page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.route(`**/api/documents/${documentId}/claim-anchors`, async (route) => {
      const response = await route.fetch();
      const body = (await response.json()) as { anchors: unknown[] };
      expect(body.anchors).toHaveLength(CLAIMS);
      await route.fulfill({ response, json: { anchors: [...body.anchors, ghost] } });
    });
    await page.goto(`${app.url}/d/${documentId}`);
    await page.waitForFunction(() => document.querySelector('[data-testid="saved-state"]')?.getAttribute('data-status') === 'saved');
    const seen = (await page.evaluate('window.__paint')) as Seen;
    // Every claim was painted, the ghost too, before the socket opened.
    expect(seen.rangesAtSocket).toMatchObject({ 'cb-claim-open': CLAIMS, 'cb-claim-rejected': 1 });
    // Once the shared document is in, its claims are what is painted: the ghost is gone, the others stay.
    await page.waitForFunction(() => (CSS.highlights.get('cb-claim-rejected')?.size ?? 0) === 0);
    expect(await page.evaluate(() => CSS.highlights.get('cb-claim-open')?.size)).toBe(CLAIMS);
    await page.close();
    expect(pageErrors).toEqual([]);
  }, 120_000);

  test('reopening with the copy on this device does the same', async () => {
    const seen = await openAndPaintAll();
    await expectScreenFirst(seen);
    await page.waitForFunction(() => document.querySelector('[data-testid="saved-state"]')?.getAttribute('data-status') === 'saved');
    await page.close();
    expect(pageErrors).toEqual([]);
  }, 120_000);
});
