import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { testConfig } from '../../server/config';
import { startApp, type TestApp } from '../helpers/app';
import { addSession, launchBrowser, skipIfNoBrowser } from '../helpers/browser';
import { Client, uniqueEmail } from '../helpers/client';

// A link added in the reader is archived by the server (from a local site the test's configuration
// allows), its saved text opens from the evidence card; removing evidence asks first and can be undone.

const TEXT = 'The barrier will protect 38,000 homes. It will cost 1.2 billion euros. Work began in January 2015.';
const PAGE = `<!doctype html><html><head><title>Flood barrier plans</title></head><body><article><h1>Flood barrier plans</h1>
<p>The harbour office says the new flood barrier will protect 38,000 homes along the river once both phases are complete.</p>
<p>Its budget of 1.2 billion euros was approved by the city council after three rounds of public consultation.</p>
</article></body></html>`;

describe.skipIf(skipIfNoBrowser())('an archived link in the browser', () => {
  let app: TestApp;
  let site: Server;
  let siteUrl: string;
  let browser: Browser;
  let page: Page;
  let annotator: Client;
  let claimId: string;
  /** The page is held until the test has seen "archiving…". */
  let release: () => void = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  const pageErrors: string[] = [];

  beforeAll(async () => {
    site = createServer((req, res: ServerResponse) => {
      if (req.url === '/flood-barrier') void held.then(() => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(PAGE));
      else res.writeHead(404).end();
    });
    await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
    siteUrl = `http://127.0.0.1:${(site.address() as AddressInfo).port}`;
    app = await startApp({ archive: { ...testConfig().archive, allowedAddresses: ['127.0.0.1'], timeoutMs: 30_000, sweepMs: 100 } });
    annotator = new Client(app.url);
    const signed = await annotator.post('/api/auth/signup', { email: uniqueEmail('ann'), password: 'correct horse battery', name: 'Ann Reyes' });
    annotator.user = signed.body.user;
    const wid = (await annotator.post('/api/workspaces', { name: 'Flood desk' })).body.workspace.id;
    const documentId = (await annotator.post(`/api/workspaces/${wid}/documents`, { title: 'Barrier', text: TEXT })).body.document.id;
    claimId = (await annotator.post(`/api/documents/${documentId}/claims`, { exact: '38,000 homes' })).body.claim.id;

    browser = await launchBrowser();
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    context.setDefaultTimeout(15_000);
    await addSession(context, app.url, annotator);
    page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(`${app.url}/d/${documentId}`);
    await page.getByTestId('reader-text').waitFor();
    await page.getByTestId('claim-item').filter({ hasText: '38,000 homes' }).click();
    await page.getByTestId('claim-detail').waitFor();
  });

  afterAll(async () => {
    release();
    await browser?.close();
    await app?.close();
    await new Promise((resolve) => site?.close(resolve));
  });

  test('a link added in the reader shows "archiving…", then "archived <date>", and its saved text opens', async () => {
    await page.getByTestId('add-evidence').click();
    const form = page.getByTestId('evidence-form');
    await form.getByTestId('evidence-url').fill(`${siteUrl}/flood-barrier`);
    await form.getByTestId('evidence-title').fill('Harbour office: flood barrier');
    await form.getByTestId('submit-evidence').click();

    const status = page.getByTestId('evidence-item').getByTestId('archive-status');
    await expect.poll(() => status.textContent()).toContain('archiving…');
    expect(await status.getAttribute('data-state')).toBe('pending');
    release();
    await expect.poll(() => status.getAttribute('data-state'), { timeout: 20_000 }).toBe('archived');
    expect((await status.textContent())!.trim()).toMatch(/^archived \S+/);

    await status.getByTestId('archive-open').click();
    const dialog = page.getByTestId('archive-dialog');
    await dialog.waitFor();
    expect(await dialog.getByRole('heading').textContent()).toContain('Flood barrier plans');
    expect(await dialog.getByTestId('archive-text').textContent()).toContain('will protect 38,000 homes along the river');
    expect(await dialog.textContent()).toContain(`${siteUrl}/flood-barrier`);
    await dialog.getByRole('button', { name: 'Close' }).click();
    await dialog.waitFor({ state: 'hidden' });
    expect(pageErrors).toEqual([]);
  });

  test('removing evidence asks first, and undo puts the same entry back with its archive', async () => {
    const evidence = page.getByTestId('evidence-item');
    const before = (await annotator.get(`/api/claims/${claimId}`)).body.claim.evidence;
    expect(before).toHaveLength(1);

    await evidence.getByTestId('remove-evidence').click();
    await page.getByTestId('confirm-remove-evidence').waitFor();
    // Keeping it changes nothing.
    await page.getByTestId('cancel-remove').click();
    expect(await evidence.count()).toBe(1);

    await evidence.getByTestId('remove-evidence').click();
    await page.getByTestId('confirm-remove').click();
    await expect.poll(() => evidence.count()).toBe(0);
    await expect.poll(async () => (await annotator.get(`/api/claims/${claimId}`)).body.claim.evidence.length).toBe(0);
    const toast = page.getByTestId('evidence-undo-toast');
    expect(await toast.textContent()).toContain('Harbour office: flood barrier');

    await toast.getByTestId('undo-remove-evidence').click();
    await expect.poll(() => evidence.count()).toBe(1);
    await expect.poll(async () => (await annotator.get(`/api/claims/${claimId}`)).body.claim.evidence.map((e: { id: string }) => e.id)).toEqual([before[0].id]);
    await expect.poll(() => evidence.getByTestId('archive-status').getAttribute('data-state')).toBe('archived');
    const history = (await annotator.get(`/api/claims/${claimId}/history`)).body.events.map((e: { action: string }) => e.action);
    expect(history).toContain('evidence_removed');
    expect(pageErrors).toEqual([]);
  });
});
