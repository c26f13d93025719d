import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startApp, type TestApp } from '../helpers/app';
import { addSession, launchBrowser, screenshotPath, skipIfNoBrowser } from '../helpers/browser';
import { workspaceWithRoles } from '../helpers/client';

// Links into the reader land: `/d/<document>#claim-<claim>` (the exports, the dashboard, search,
// "Copy link") opens the document scrolled to the claim, with the claim focused and its detail
// open, on a fresh load and on navigation within the app; passage evidence opens the other
// document at the passage, highlighted. At a desk's width and a phone's.

const filler = (n: number, topic: string) =>
  Array.from({ length: n }, (_, i) => `Paragraph ${i + 1} about ${topic}: the council met, heard residents, read the reports and adjourned without a vote on the matter.`);
const TUNNEL = 'The tunnel carries 12,000 cars a day.';
const TOLL = 'The toll will rise to four euros in 2027.';
const TEXT_A = [...filler(30, 'the tunnel'), TUNNEL, ...filler(12, 'the budget'), TOLL, ...filler(20, 'the roads')].join('\n\n');
const COUNT = 'Traffic counters recorded 11,800 cars on an average weekday.';
const TEXT_B = [...filler(40, 'the survey'), COUNT, ...filler(20, 'the method')].join('\n\n');

const VIEWPORTS = [
  { name: 'desk', width: 1280, height: 900 },
  { name: 'phone', width: 390, height: 844 },
] as const;

describe.skipIf(skipIfNoBrowser())('links that land in the reader', () => {
  let app: TestApp;
  let browser: Browser;
  let team: Awaited<ReturnType<typeof workspaceWithRoles>>;
  let docA: string;
  let docB: string;
  let tunnelId: string;
  let tollId: string;
  let evidenceId: string;

  beforeAll(async () => {
    app = await startApp();
    team = await workspaceWithRoles(app.url);
    docA = (await team.lead.post(`/api/workspaces/${team.wid}/documents`, { title: 'Tunnel report', text: TEXT_A })).body.document.id;
    docB = (await team.lead.post(`/api/workspaces/${team.wid}/documents`, { title: 'Traffic survey', text: TEXT_B })).body.document.id;
    tunnelId = (await team.annotator.post(`/api/documents/${docA}/claims`, { exact: TUNNEL })).body.claim.id;
    tollId = (await team.annotator.post(`/api/documents/${docA}/claims`, { exact: TOLL })).body.claim.id;
    const start = TEXT_B.indexOf(COUNT);
    const added = await team.annotator.post(`/api/claims/${tunnelId}/evidence`, {
      kind: 'document',
      stance: 'supports',
      documentId: docB,
      title: 'Traffic survey',
      start,
      end: start + COUNT.length,
    });
    if (added.status !== 201) throw new Error(`evidence: ${added.status} ${JSON.stringify(added.body)}`);
    evidenceId = added.body.evidence.id;
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  describe.each(VIEWPORTS)('at $width px', (viewport) => {
    let context: BrowserContext;
    let page: Page;
    const pageErrors: string[] = [];

    beforeAll(async () => {
      context = await browser.newContext({ viewport: { width: viewport.width, height: viewport.height } });
      context.setDefaultTimeout(15_000);
      await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: app.url });
      await addSession(context, app.url, team.annotator);
      page = await context.newPage();
      page.on('pageerror', (error) => pageErrors.push(error.message));
    });

    afterAll(async () => {
      await context?.close();
    });

    /** Where a CSS highlight's first range is on screen, and its text (null: nothing highlighted). */
    const highlighted = (name: string) =>
      page.evaluate((highlight) => {
        const range = [...(CSS.highlights.get(highlight)?.values() ?? [])][0] as Range | undefined;
        if (!range) return null;
        const box = range.getBoundingClientRect();
        return { text: range.toString(), top: box.top, bottom: box.bottom, viewport: innerHeight };
      }, name);

    /** The claim detail is open on `claimId` and its passage is highlighted as focused, on screen. */
    async function landedOn(claimId: string, exact: string) {
      await expect.poll(() => page.getByTestId('claim-detail').getAttribute('data-claim-id')).toBe(claimId);
      expect(await page.getByTestId('claim-detail').isVisible()).toBe(true);
      expect(await page.getByTestId('claim-detail').getByTestId('claim-exact').textContent()).toBe(exact);
      if (viewport.width < 600) expect(await page.getByTestId('claims-sheet').isVisible()).toBe(true);
      await expect.poll(async () => (await highlighted('cb-claim-focus'))?.text).toBe(exact);
      await expect
        .poll(async () => {
          const box = await highlighted('cb-claim-focus');
          return box !== null && box.top >= 0 && box.bottom <= box.viewport;
        })
        .toBe(true);
    }

    test('a fresh load of a claim link scrolls to the claim, focuses it and opens its detail', async () => {
      await page.goto(`${app.url}/d/${docA}#claim-${tunnelId}`);
      await landedOn(tunnelId, TUNNEL);
      expect(await page.evaluate(() => scrollY)).toBeGreaterThan(500);
      await page.screenshot({ path: screenshotPath(`link-claim-${viewport.name}.png`) });
      if (viewport.width < 600) {
        // The sheet over the text shows the claim's quote; closed, it leaves the text at the claim.
        const quote = await page.getByTestId('claims-sheet').getByTestId('claim-exact').boundingBox();
        expect(quote!.y).toBeGreaterThanOrEqual(0);
        expect(quote!.y + quote!.height).toBeLessThanOrEqual(viewport.height);
        await page.getByTestId('close-sheet').click();
        await page.getByTestId('claims-sheet').waitFor({ state: 'hidden' });
        const box = await highlighted('cb-claim-focus');
        expect(box?.text).toBe(TUNNEL);
        expect(box!.top).toBeGreaterThanOrEqual(0);
        expect(box!.bottom).toBeLessThanOrEqual(box!.viewport);
      }
    });

    test('a link to another claim of the same document, followed in the app, lands on that claim; Back returns to the first', async () => {
      await page.goto(`${app.url}/d/${docA}#claim-${tunnelId}`);
      await landedOn(tunnelId, TUNNEL);
      // An in-app link to the same page with a new hash: Kit's router changes only the hash.
      await page.evaluate((href) => {
        const link = document.createElement('a');
        link.href = href;
        link.textContent = 'toll claim';
        link.dataset.testid = 'injected-link';
        document.querySelector('main')!.prepend(link);
      }, `/d/${docA}#claim-${tollId}`);
      await page.evaluate(() => (document.querySelector('[data-testid="injected-link"]') as HTMLAnchorElement).click());
      await page.waitForURL(`${app.url}/d/${docA}#claim-${tollId}`);
      await landedOn(tollId, TOLL);
      await page.goBack();
      await page.waitForURL(`${app.url}/d/${docA}#claim-${tunnelId}`);
      await landedOn(tunnelId, TUNNEL);
    });

    test('a claim link that names no claim of the document says so', async () => {
      await page.goto(`${app.url}/d/${docA}#claim-00000000-0000-4000-8000-000000000000`);
      await expect.poll(() => page.getByTestId('claim-not-found').textContent()).toMatch(/not in this document/);
      expect(await page.getByTestId('claim-detail').count()).toBe(0);
    });

    test('the dashboard’s to-do list links land on the claim', async () => {
      await page.goto(`${app.url}/w/${team.wid}/dashboard`);
      const item = page.getByTestId('waiting-for-votes-item').filter({ hasText: TOLL });
      await item.click();
      await page.waitForURL(`${app.url}/d/${docA}#claim-${tollId}`);
      await landedOn(tollId, TOLL);
    });

    test('a search result lands on its claim', async () => {
      await page.goto(`${app.url}/w/${team.wid}/search?q=tunnel`);
      await page.locator(`[data-testid="search-result"][data-claim-id="${tunnelId}"]`).click();
      await page.waitForURL(`${app.url}/d/${docA}#claim-${tunnelId}`);
      await landedOn(tunnelId, TUNNEL);
    });

    test('the claim_url of a CSV export and the ids of a JSON (Web Annotation) export land on the claim', async () => {
      const csv = await team.lead.get(`/api/workspaces/${team.wid}/export?format=csv&status=any`);
      expect(csv.status).toBe(200);
      const lines = String(csv.body).split(/\r?\n/);
      const column = lines[0].split(',').indexOf('claim_url');
      expect(column).toBeGreaterThan(-1);
      const urls = String(csv.body).match(/https?:\/\/[^\s",]+#claim-[0-9a-f-]{36}/g) ?? [];
      const tollUrl = urls.find((url) => url.endsWith(tollId));
      expect(tollUrl).toBe(`${app.url}/d/${docA}#claim-${tollId}`);
      await page.goto(tollUrl!);
      await landedOn(tollId, TOLL);

      const json = await team.lead.get(`/api/workspaces/${team.wid}/export?format=annotations&status=any`);
      expect(json.status).toBe(200);
      const ids = JSON.stringify(json.body).match(/https?:\/\/[^\s"]+#claim-[0-9a-f-]{36}[^\s"]*/g) ?? [];
      const claimUrl = ids.find((id) => id.endsWith(`#claim-${tunnelId}`));
      const evidenceUrl = ids.find((id) => id.endsWith(`/evidence/${evidenceId}`));
      expect(claimUrl).toBe(`${app.url}/d/${docA}#claim-${tunnelId}`);
      await page.goto(claimUrl!);
      await landedOn(tunnelId, TUNNEL);
      // An evidence entry's id (`…#claim-<id>/evidence/<id>`) opens its claim too.
      expect(evidenceUrl).toBe(`${app.url}/d/${docA}#claim-${tunnelId}/evidence/${evidenceId}`);
      await page.goto(`${app.url}/d/${docB}`);
      await page.getByTestId('reader-text').waitFor();
      await page.goto(evidenceUrl!);
      await landedOn(tunnelId, TUNNEL);
    });

    test('passage evidence opens the other document at the passage, highlighted and in view', async () => {
      await page.goto(`${app.url}/d/${docA}#claim-${tunnelId}`);
      await landedOn(tunnelId, TUNNEL);
      const link = page.getByTestId('claim-detail').getByTestId('evidence-link');
      expect(await link.textContent()).toBe('Traffic survey');
      await link.click();
      const start = TEXT_B.indexOf(COUNT);
      await page.waitForURL(`${app.url}/d/${docB}#passage-${start}-${start + COUNT.length}`);
      await expect.poll(() => page.getByTestId('document-title').textContent()).toBe('Traffic survey');
      await expect.poll(async () => (await highlighted('cb-passage'))?.text).toBe(COUNT);
      await expect
        .poll(async () => {
          const box = await highlighted('cb-passage');
          return box !== null && box.top >= 0 && box.bottom <= box.viewport;
        })
        .toBe(true);
      expect(await page.getByTestId('passage-note').textContent()).toContain('Traffic counters recorded');
      await page.screenshot({ path: screenshotPath(`link-passage-${viewport.name}.png`) });

      // A fresh load of the same address highlights it too; "Clear" takes the highlight away.
      await page.reload();
      await expect.poll(async () => (await highlighted('cb-passage'))?.text).toBe(COUNT);
      await page.getByTestId('clear-passage').click();
      await expect.poll(() => highlighted('cb-passage')).toBeNull();
      expect(await page.getByTestId('passage-note').count()).toBe(0);
    });

    test('“Copy link” puts the claim’s absolute address on the clipboard and says so; the address lands', async () => {
      await page.goto(`${app.url}/d/${docA}#claim-${tollId}`);
      await landedOn(tollId, TOLL);
      await page.getByTestId('claim-detail').getByTestId('copy-claim-link').click();
      await expect.poll(() => page.getByTestId('link-copied').textContent()).toBe('Link copied');
      expect(await page.getByTestId('link-copied').isVisible()).toBe(true);
      const copied = await page.evaluate(() => navigator.clipboard.readText());
      expect(copied).toBe(`${app.url}/d/${docA}#claim-${tollId}`);

      await page.goto(`${app.url}/w/${team.wid}`);
      await page.getByTestId('document-list').waitFor();
      await page.goto(copied);
      await landedOn(tollId, TOLL);
      expect(pageErrors).toEqual([]);
    });
  });
});
