import type { Browser, BrowserContext, Page, WebSocket as PageSocket } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import * as Y from 'yjs';
import { claimsOf, newClaim } from '../../server/shared/claim-doc';
import { startApp, type TestApp } from '../helpers/app';
import { launchBrowser, skipIfNoBrowser } from '../helpers/browser';
import { signUp, type Client } from '../helpers/client';
import { connect, synced } from '../helpers/collab';

// Reopening a large document (10,000 claims: its shared document is megabytes, above the 2 MiB
// frame limit) with this device's copy in IndexedDB: the reader loads the copy before it connects
// and then syncs only the difference, so it never sends the copy back up (which the server closed
// with 4413, leaving the tab "Not connected" on every reload).

const CLAIMS = 10_000;
/** The server's frame limit (COLLAB_MAX_FRAME_BYTES' default). */
const FRAME_LIMIT = 2 * 1024 * 1024;
/** Claims written per transaction while the document is prepared: each frame stays well under the limit. */
const PER_FRAME = 500;

const sentence = (i: number) => `Claim ${i} says that ${1000 + i} units were counted in the survey.`;
const TEXT = Array.from({ length: CLAIMS }, (_, i) => sentence(i)).join(' ');

describe.skipIf(skipIfNoBrowser())('reopening a large document with its copy on this device', () => {
  let app: TestApp;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let lead: Client;
  let documentId: string;
  /** Sizes of the WebSocket frames the page sent since the last reset. */
  let sent: number[] = [];
  const pageErrors: string[] = [];

  beforeAll(async () => {
    app = await startApp();
    lead = await signUp(app.url, 'reopen');
    const { workspace } = (await lead.post('/api/workspaces', { name: 'Large' })).body;
    documentId = (await lead.post(`/api/workspaces/${workspace.id}/documents`, { title: 'Ten thousand claims', text: TEXT })).body.document.id;

    // The claims are written through the collaboration socket in a few dozen frames (not through the UI).
    const writer = await connect(app.url, documentId, lead);
    await synced(writer);
    let at = 0;
    for (let first = 0; first < CLAIMS; first += PER_FRAME) {
      writer.doc.transact(() => {
        for (let i = first; i < Math.min(CLAIMS, first + PER_FRAME); i++) {
          const start = TEXT.indexOf(sentence(i), at);
          at = start;
          const end = start + `Claim ${i}`.length;
          const id = crypto.randomUUID();
          claimsOf(writer.doc).set(id, newClaim({ id, anchor: { start, end, exact: TEXT.slice(start, end), prefix: TEXT.slice(Math.max(0, start - 32), start), suffix: TEXT.slice(end, end + 32) } }));
        }
      });
    }
    await writer.saved.whenSaved();
    expect(writer.closes).toEqual([]);
    expect(Y.encodeStateAsUpdate(writer.doc).byteLength).toBeGreaterThan(FRAME_LIMIT);
    writer.destroy();

    browser = await launchBrowser();
    context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    context.setDefaultTimeout(60_000);
    await context.addCookies([{ name: 'corroborate_session', value: lead.cookie!.split('=')[1], url: app.url }]);
    page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.on('websocket', (socket: PageSocket) => socket.on('framesent', ({ payload }) => sent.push(typeof payload === 'string' ? payload.length : payload.byteLength)));
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  /** Waits until the reader is connected and everything it sent is saved, and the claims are all there. */
  async function settled(): Promise<void> {
    await page.getByTestId('reader-text').waitFor();
    await page.waitForFunction(() => document.querySelector('[data-testid="saved-state"]')?.getAttribute('data-status') === 'saved', undefined, { timeout: 60_000 });
  }

  const label = async () => (await page.getByTestId('saved-state').textContent())?.trim();

  test('the first open receives the whole document and keeps it on this device', async () => {
    await page.goto(`${app.url}/d/${documentId}`);
    await settled();
    expect(await label()).toBe('Saved');
    // y-indexeddb writes what arrived; give it a moment to land before reloading.
    await page.waitForFunction(
      (name) =>
        new Promise<boolean>((resolve) => {
          const open = indexedDB.open(name);
          open.onsuccess = () => {
            const tx = open.result.transaction('updates', 'readonly');
            const count = tx.objectStore('updates').count();
            count.onsuccess = () => resolve(count.result > 0);
          };
          open.onerror = () => resolve(false);
        }),
      `corroborate:${lead.user!.id}:${documentId}`,
    );
    expect(pageErrors).toEqual([]);
  }, 120_000);

  test('reloading twice stays connected and never sends a frame near the limit: only the difference goes up', async () => {
    for (let reload = 0; reload < 2; reload++) {
      sent = [];
      await page.reload();
      await settled();
      expect(await label()).toBe('Saved');
      // The sync after a reload is a state vector and an empty (or tiny) difference, not the 10,000 claims.
      expect(Math.max(...sent)).toBeLessThan(64 * 1024);
      expect(sent.every((size) => size < FRAME_LIMIT)).toBe(true);
    }
    const claims = (await lead.get(`/api/documents/${documentId}/claims`)).body.claims;
    expect(claims).toHaveLength(CLAIMS);
    expect(pageErrors).toEqual([]);
  }, 240_000);
});
