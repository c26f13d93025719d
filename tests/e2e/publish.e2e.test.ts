import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startApp, type TestApp } from '../helpers/app';
import { addSession, launchBrowser, skipIfNoBrowser } from '../helpers/browser';
import { workspaceWithRoles, type Client } from '../helpers/client';

// A lead publishes a signed-off claim from the reader, anyone signed out reads its public page, the
// lead takes it down; an annotator-or-lead edits the document's details. Production build, real
// server; the tests run in order, each building on the last.

const CLAIM = 'The new bridge cost 48 million euros to build.';
const TEXT = ['The city opened its new bridge in March.', CLAIM, 'Traffic on the old road fell in the first month.'].join('\n\n');

describe.skipIf(skipIfNoBrowser())('publishing a fact-check and editing a document in the browser', () => {
  let app: TestApp;
  let browser: Browser;
  let roles: Awaited<ReturnType<typeof workspaceWithRoles>>;
  let documentId: string;
  let claimId: string;
  let lead: { context: BrowserContext; page: Page };
  let publicUrl: string;
  const pageErrors: string[] = [];

  async function openAs(name: string, client: Client) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    context.setDefaultTimeout(15_000);
    await addSession(context, app.url, client);
    const page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(`${name}: ${error.message}`));
    await page.goto(`${app.url}/d/${documentId}`);
    await page.getByTestId('reader-text').waitFor();
    return { context, page };
  }

  async function openClaim(page: Page) {
    await page.getByTestId('claim-item').filter({ hasText: CLAIM.slice(0, 30) }).click();
    await page.getByTestId('claim-detail').filter({ hasText: CLAIM }).waitFor();
  }

  beforeAll(async () => {
    app = await startApp();
    roles = await workspaceWithRoles(app.url);
    documentId = (await roles.lead.post(`/api/workspaces/${roles.wid}/documents`, { title: 'The bridge', text: TEXT })).body.document.id;
    claimId = (await roles.lead.post(`/api/documents/${documentId}/claims`, { exact: CLAIM })).body.claim.id;
    const signedOff = await roles.lead.post(`/api/claims/${claimId}/status`, { status: 'rejected', rationale: 'The budget report says 52 million.', confirm: true });
    if (signedOff.status !== 200) throw new Error(`sign-off failed: ${signedOff.status} ${JSON.stringify(signedOff.body)}`);
    browser = await launchBrowser();
    lead = await openAs('lead', roles.lead);
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  test('a lead publishes a signed-off claim from its sign-off section, and the public page opens signed out', async () => {
    await openClaim(lead.page);
    await lead.page.getByTestId('publish').click();
    await expect.poll(() => lead.page.getByTestId('publication-state').textContent()).toContain('Published');
    publicUrl = new URL((await lead.page.getByTestId('public-page-link').getAttribute('href'))!, app.url).href;
    expect(publicUrl).toBe(`${app.url}/fact-checks/${claimId}`);
    expect((await roles.lead.get(`/api/claims/${claimId}`)).body.claim?.publication?.url).toBe(`/fact-checks/${claimId}`);

    const stranger = await browser.newContext();
    const page = await stranger.newPage();
    const answer = await page.goto(publicUrl);
    expect(answer?.status()).toBe(200);
    expect(await page.textContent('body')).toContain(CLAIM);
    await stranger.close();
  });

  test('a viewer sees the published state and its link, with no button to change it', async () => {
    const viewer = await openAs('viewer', roles.viewer);
    await openClaim(viewer.page);
    await expect.poll(() => viewer.page.getByTestId('public-page-link').getAttribute('href')).toBe(`/fact-checks/${claimId}`);
    expect(await viewer.page.getByTestId('unpublish').count()).toBe(0);
    expect(await viewer.page.getByTestId('publish').count()).toBe(0);
    await viewer.context.close();
  });

  test('the lead unpublishes after confirming, and the public page is gone', async () => {
    await lead.page.getByTestId('unpublish').click();
    await lead.page.getByTestId('confirm-unpublish-button').click();
    await lead.page.getByTestId('publish').waitFor();
    expect((await roles.lead.get(`/api/claims/${claimId}`)).body.claim?.publication).toBeNull();
    const gone = await fetch(publicUrl);
    expect(gone.status).toBe(404);
  });

  test('the lead edits the document details from its header with the keyboard: Escape cancels, Enter saves', async () => {
    const page = lead.page;
    await page.getByTestId('edit-document-details').click();
    await page.getByTestId('details-title').fill('Discarded');
    await page.keyboard.press('Escape');
    await page.getByTestId('document-details-dialog').waitFor({ state: 'hidden' });
    expect(await page.getByTestId('document-title').textContent()).toBe('The bridge');

    await page.getByTestId('edit-document-details').click();
    await page.getByTestId('details-authors').fill('Ana Lima, Bo Chen');
    await page.getByTestId('details-published').fill('2024-03-12');
    await page.getByTestId('details-title').fill('The new bridge');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('document-title').textContent()).toBe('The new bridge');
    expect(await page.getByTestId('document-authors').textContent()).toContain('Ana Lima, Bo Chen');
    const { document } = (await roles.lead.get(`/api/documents/${documentId}`)).body as { document: { title: string; authors: string[]; sourcePublishedOn: string } };
    expect(document).toMatchObject({ title: 'The new bridge', authors: ['Ana Lima', 'Bo Chen'], sourcePublishedOn: '2024-03-12' });
  });

  test("a lead turns on showing each fact-checker's verdict in the workspace settings", async () => {
    const settings = await lead.context.newPage();
    await settings.goto(`${app.url}/w/${roles.wid}/settings`);
    await settings.getByTestId('public-votes-toggle').check();
    await settings.getByTestId('public-votes-saved').waitFor();
    // Read back from the server: the page loads the workspace from GET /api/workspaces.
    await settings.reload();
    expect(await settings.getByTestId('public-votes-toggle').isChecked()).toBe(true);
    await settings.close();
  });

  test('no page error happened', () => {
    expect(pageErrors).toEqual([]);
  });
});
