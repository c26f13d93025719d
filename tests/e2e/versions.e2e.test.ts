import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startApp, type TestApp } from '../helpers/app';
import { addSession, launchBrowser, skipIfNoBrowser } from '../helpers/browser';
import { workspaceWithRoles } from '../helpers/client';

// A new version of a document arrives in the browser: claims that moved follow, the ones that did
// not anchor confidently wait under "Needs review", beside their old passage, for a person.

const V1 = 'The barrier will protect 38,000 homes from storm surges.\n\nIt will cost 1.2 billion euros.\n\nIt will be finished by 2031, officials said.';
const V2 = 'Updated on Tuesday.\n\nThe barrier will protect 38,000 homes from storm surges.\n\nIt will be finished by 2033, officials said.';

describe.skipIf(skipIfNoBrowser())('a new version of a document in the reader', () => {
  let app: TestApp;
  let browser: Browser;
  let page: Page;
  let team: Awaited<ReturnType<typeof workspaceWithRoles>>;
  let documentId: string;
  const claims: Record<string, string> = {};

  beforeAll(async () => {
    app = await startApp();
    team = await workspaceWithRoles(app.url);
    documentId = (await team.lead.post(`/api/workspaces/${team.wid}/documents`, { title: 'Wall', text: V1 })).body.document.id;
    for (const exact of ['38,000 homes', 'It will cost 1.2 billion euros.', 'finished by 2031']) {
      claims[exact] = (await team.annotator.post(`/api/documents/${documentId}/claims`, { exact })).body.claim.id;
    }
    browser = await launchBrowser();
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    context.setDefaultTimeout(15_000);
    await addSession(context, app.url, team.annotator);
    page = await context.newPage();
    await page.goto(`${app.url}/d/${documentId}`);
    await page.getByTestId('reader-text').waitFor();
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  test('uploading new text re-anchors what moved and lists the rest with old and candidate passages', async () => {
    await page.getByTestId('tab-review').click();
    await page.getByTestId('version-text').fill(V2);
    await page.getByTestId('upload-version').click();
    await expect.poll(() => page.getByTestId('version-result').textContent()).toMatch(/1 claim re-anchored, 2 need review/);
    await expect.poll(() => page.getByTestId('review-item').count()).toBe(2);
    const dated = page.getByTestId('review-item').filter({ has: page.getByTestId('review-old').filter({ hasText: 'finished by 2031' }) });
    expect(await dated.getByTestId('review-candidate').textContent()).toBe('finished by 2033');
  });

  test('accepting the candidate moves the claim there; deleting a flagged claim removes it', async () => {
    const dated = page.getByTestId('review-item').filter({ has: page.getByTestId('review-old').filter({ hasText: 'finished by 2031' }) });
    await dated.getByTestId('accept-candidate').click();
    await expect.poll(() => page.getByTestId('review-item').count()).toBe(1);
    await expect
      .poll(async () => (await team.viewer.get(`/api/claims/${claims['finished by 2031']}`)).body.claim)
      .toMatchObject({ anchor: { exact: 'finished by 2033' }, review: null });

    await page.getByTestId('review-item').getByTestId('delete-flagged').click();
    await expect.poll(() => page.getByTestId('review-item').count()).toBe(0);
    await expect.poll(async () => (await team.viewer.get(`/api/claims/${claims['It will cost 1.2 billion euros.']}`)).status).toBe(404);
    expect((await team.viewer.get(`/api/claims/${claims['38,000 homes']}`)).body.claim.anchor.start).toBe(V2.indexOf('38,000 homes'));
  });
});
