import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startApp, type TestApp } from '../helpers/app';
import { addSession, launchBrowser, skipIfNoBrowser } from '../helpers/browser';
import { workspaceWithRoles, type Client } from '../helpers/client';

// A new version reaches everyone live: one person uploads it from the document header, and the
// other's open reader swaps the text in place (no reload), says who uploaded it, draws only the
// claims resolved on the new text, and lists the orphan, which is re-attached by selecting text.

const V1 =
  'UN reports suggest that between 5,500 and 6,000 militants crossed last year.\n\nThe 2,650 km-long border is porous.\n\nOfficials said the wall cost 1.2 billion euros.';
const V2 = 'Updated on Tuesday.\n\nUN reports suggest that between 5,500 and 6,500 militants crossed last year.\n\nThe 2,650 km-long border is porous.';

describe.skipIf(skipIfNoBrowser())('a new version reaches every open reader live', () => {
  let app: TestApp;
  let browser: Browser;
  let team: Awaited<ReturnType<typeof workspaceWithRoles>>;
  let documentId: string;
  let ada: Page; // uploads the new version
  let ben: Page; // has the document open
  const ids: Record<string, string> = {};
  const pageErrors: string[] = [];

  async function open(who: Client): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    context.setDefaultTimeout(15_000);
    await addSession(context, app.url, who);
    const page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(`${app.url}/d/${documentId}`);
    await page.getByTestId('reader-text').waitFor();
    await page.waitForFunction(() => document.querySelector('[data-testid="saved-state"]')?.getAttribute('data-status') !== 'connecting');
    return page;
  }

  /** The text of every range drawn in a claim status highlight, sorted. */
  function paintedClaims(page: Page): Promise<string[]> {
    return page.evaluate(() => {
      const quotes: string[] = [];
      CSS.highlights.forEach((highlight, name) => {
        if (/^cb-claim-(open|in_review|verified|rejected)$/.test(name)) for (const range of highlight) quotes.push((range as Range).toString());
      });
      return quotes.sort();
    });
  }

  async function selectText(page: Page, exact: string) {
    await page.evaluate((quote) => {
      for (const p of document.querySelectorAll('[data-testid="reader-text"] p')) {
        const node = p.firstChild as Text;
        const at = node.data.indexOf(quote);
        if (at === -1) continue;
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + quote.length);
        document.getSelection()!.removeAllRanges();
        document.getSelection()!.addRange(range);
        return;
      }
      throw new Error(`not in the text: ${quote}`);
    }, exact);
  }

  beforeAll(async () => {
    app = await startApp();
    team = await workspaceWithRoles(app.url);
    documentId = (await team.lead.post(`/api/workspaces/${team.wid}/documents`, { title: 'Border', text: V1 })).body.document.id;
    for (const exact of ['between 5,500 and 6,000 militants', '2,650 km-long border', 'the wall cost 1.2 billion euros']) {
      ids[exact] = (await team.annotator.post(`/api/documents/${documentId}/claims`, { exact })).body.claim.id;
    }
    browser = await launchBrowser();
    ada = await open(team.annotator);
    ben = await open(team.lead);
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  test('the header shows the version; every claim of version 1 is drawn on its text', async () => {
    expect(await ben.getByTestId('document-version').textContent()).toBe('v1 of 1');
    await expect
      .poll(() => paintedClaims(ben))
      .toEqual(['2,650 km-long border', 'between 5,500 and 6,000 militants', 'the wall cost 1.2 billion euros']);
  });

  test('a version uploaded from the header is swapped into the other reader without a reload, with who uploaded it', async () => {
    await ben.evaluate(() => ((window as unknown as { beforeUpload: boolean }).beforeUpload = true));
    await ada.getByTestId('open-version-upload').click();
    await ada.getByTestId('header-version-upload').getByTestId('version-text').fill(V2);
    await ada.getByTestId('header-version-upload').getByTestId('upload-version').click();
    await expect.poll(() => ada.getByTestId('version-result').textContent()).toMatch(/Version 2 is up: 1 claim re-anchored, 2 need review/);

    await expect.poll(() => ben.getByTestId('reader-text').textContent()).toContain('Updated on Tuesday.');
    expect(await ben.evaluate(() => (window as unknown as { beforeUpload?: boolean }).beforeUpload)).toBe(true);
    const notice = await ben.getByTestId('version-notice').textContent();
    expect(notice).toContain(`Version 2 was uploaded by ${team.annotator.user!.name}`);
    expect(notice).toMatch(/2 claims could not be placed/);
    expect(await ben.getByTestId('document-version').textContent()).toBe('v2 of 2');
  });

  test('only the claim re-anchored onto version 2 is drawn; the flagged and the orphaned ones are listed, never painted', async () => {
    await expect.poll(() => paintedClaims(ben)).toEqual(['2,650 km-long border']);
    await expect.poll(() => paintedClaims(ada)).toEqual(['2,650 km-long border']);
    await ben.getByTestId('tab-review').click();
    await expect.poll(() => ben.getByTestId('review-item').count()).toBe(2);
    const orphan = ben.getByTestId('review-item').filter({ has: ben.getByTestId('review-old').filter({ hasText: 'the wall cost 1.2 billion euros' }) });
    expect(await orphan.textContent()).toContain('Not found in the current text.');
    const figure = ben.getByTestId('review-item').filter({ has: ben.getByTestId('review-old').filter({ hasText: 'between 5,500 and 6,000 militants' }) });
    expect(await figure.getByTestId('review-candidate').textContent()).toContain('6,500');
  });

  test('the orphan is re-attached by selecting a new passage; every reader then draws it there', async () => {
    const orphan = ben.getByTestId('review-item').filter({ has: ben.getByTestId('review-old').filter({ hasText: 'the wall cost 1.2 billion euros' }) });
    await orphan.getByTestId('reattach').click();
    await ben.getByTestId('reattach-hint').waitFor();
    await selectText(ben, 'Updated on Tuesday.');
    await ben.getByTestId('reattach-here').click();

    await expect
      .poll(async () => (await team.viewer.get(`/api/claims/${ids['the wall cost 1.2 billion euros']}`)).body.claim)
      .toMatchObject({ anchor: { exact: 'Updated on Tuesday.', version: 2 }, review: null });
    await expect.poll(() => ben.getByTestId('review-item').count()).toBe(1);
    await expect.poll(() => paintedClaims(ben)).toEqual(['2,650 km-long border', 'Updated on Tuesday.']);
    await expect.poll(() => paintedClaims(ada)).toEqual(['2,650 km-long border', 'Updated on Tuesday.']);
  });

  test('an earlier version can be read from the header, without claims drawn on it', async () => {
    await ben.getByTestId('version-select').selectOption('1');
    await expect.poll(() => ben.getByTestId('earlier-text').textContent()).toContain('Officials said the wall cost 1.2 billion euros.');
    expect(await ben.getByTestId('document-version').textContent()).toBe('v1 of 2');
    expect(await ben.getByTestId('reader-text').isVisible()).toBe(false);
    await ben.getByTestId('back-to-current').click();
    await expect.poll(() => ben.getByTestId('reader-text').isVisible()).toBe(true);
    expect(await ben.getByTestId('document-version').textContent()).toBe('v2 of 2');
    expect(pageErrors).toEqual([]);
  });
});
