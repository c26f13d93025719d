import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startApp, type TestApp } from '../helpers/app';
import { addSession, launchBrowser, screenshotPath, skipIfNoBrowser } from '../helpers/browser';
import { workspaceWithRoles, type Client } from '../helpers/client';

// A document managed from its own page: the header renames it and edits its details, uploads a new
// version (and lists the versions), and, for a lead, deletes it after saying what goes with it.

const V1 = 'The dam holds 40 million cubic metres.\n\nIt was finished in 1962.';
const V2 = 'Revised.\n\nThe dam holds 41 million cubic metres.\n\nIt was finished in 1962.';

describe.skipIf(skipIfNoBrowser())('managing a document from its page', () => {
  let app: TestApp;
  let browser: Browser;
  let team: Awaited<ReturnType<typeof workspaceWithRoles>>;
  let documentId: string;

  async function pageAs(client: Client): Promise<{ context: BrowserContext; page: Page }> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    context.setDefaultTimeout(15_000);
    await addSession(context, app.url, client);
    return { context, page: await context.newPage() };
  }

  async function openDocument(page: Page, id: string) {
    await page.goto(`${app.url}/d/${id}`);
    await page.getByTestId('reader-text').waitFor();
  }

  beforeAll(async () => {
    app = await startApp();
    team = await workspaceWithRoles(app.url);
    documentId = (await team.lead.post(`/api/workspaces/${team.wid}/documents`, { title: 'dam.txt', text: V1 })).body.document.id;
    await team.annotator.post(`/api/documents/${documentId}/claims`, { exact: 'It was finished in 1962.' });
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  test('the header renames the document and edits its source, authors and date, which stay after a reload', async () => {
    const { context, page } = await pageAs(team.annotator);
    await openDocument(page, documentId);
    await page.getByTestId('edit-document-details').click();
    const dialog = page.getByTestId('document-details-dialog');
    await dialog.waitFor();
    expect(await page.getByTestId('details-title').inputValue()).toBe('dam.txt');

    // An empty title is refused with a sentence, and nothing is saved.
    await page.getByTestId('details-title').fill('  ');
    await page.getByTestId('save-details').click();
    expect(await page.getByTestId('details-error').textContent()).toBe('Give the document a title.');

    // A source that is no web address is refused with a sentence; the dialog keeps what was typed.
    await page.getByTestId('details-title').fill('The Mattmark dam');
    await page.getByTestId('details-source').fill('javascript:alert(1)');
    await page.getByTestId('save-details').click();
    await expect
      .poll(() => page.getByTestId('details-error').textContent())
      .toBe('Enter the source as a web address starting with http:// or https://, or leave it empty.');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('details-source');
    expect(await dialog.isVisible()).toBe(true);
    expect(await page.getByTestId('details-title').inputValue()).toBe('The Mattmark dam');

    await page.getByTestId('details-source').fill('https://news.example.org/mattmark');
    await page.getByTestId('details-authors').fill('Ana Ruiz, Ben Ode');
    await page.getByTestId('details-published').fill('2024-03-05');
    await page.getByTestId('details-title').press('Enter');
    await dialog.waitFor({ state: 'hidden' });

    await expect.poll(() => page.getByTestId('document-title').textContent()).toBe('The Mattmark dam');
    expect(await page.getByTestId('document-authors').textContent()).toBe('By Ana Ruiz, Ben Ode');
    expect(await page.getByTestId('document-published').textContent()).toMatch(/2024/);
    expect(await page.getByTestId('source-link').textContent()).toMatch(/^news\.example\.org/);
    expect(await page.title()).toBe('The Mattmark dam · Corroborate');

    await page.reload();
    await page.getByTestId('reader-text').waitFor();
    expect(await page.getByTestId('document-title').textContent()).toBe('The Mattmark dam');
    expect(await page.getByTestId('document-authors').textContent()).toBe('By Ana Ruiz, Ben Ode');
    const stored = (await team.viewer.get(`/api/documents/${documentId}`)).body.document;
    expect(stored).toMatchObject({ title: 'The Mattmark dam', sourceUrl: 'https://news.example.org/mattmark', authors: ['Ana Ruiz', 'Ben Ode'], sourcePublishedOn: '2024-03-05' });
    await context.close();
  });

  test('a new version uploaded from the header replaces the text, and the version list offers both to read', async () => {
    const { context, page } = await pageAs(team.annotator);
    await openDocument(page, documentId);
    expect(await page.getByTestId('document-version').textContent()).toBe('v1 of 1');
    await page.getByTestId('open-version-upload').click();
    const upload = page.getByTestId('header-version-upload');
    await upload.getByTestId('version-text').fill(V2);
    await upload.getByTestId('upload-version').click();
    await expect.poll(() => upload.getByTestId('version-result').textContent()).toMatch(/^Version 2 is up: 1 claim re-anchored, 0 need review\.$/);
    await expect.poll(() => page.getByTestId('reader-text').textContent()).toContain('41 million cubic metres');
    expect(await page.getByTestId('document-version').textContent()).toBe('v2 of 2');

    const select = page.getByTestId('version-select');
    // Each version says who uploaded it and when (version 1: who imported the document).
    await expect.poll(() => select.locator('option').allTextContents()).toEqual([expect.stringMatching(/^Version 2 \(current\) · annotator, /), expect.stringMatching(/^Version 1 · lead, /)]);
    await select.selectOption('1');
    await page.getByTestId('earlier-text').waitFor();
    expect(await page.getByTestId('earlier-text').textContent()).toContain('40 million cubic metres');
    expect(await page.getByTestId('earlier-version').textContent()).toMatch(/You are reading version 1/);
    await page.screenshot({ path: screenshotPath('document-versions.png') });
    await page.getByTestId('back-to-current').click();
    await page.getByTestId('earlier-text').waitFor({ state: 'hidden' });
    expect(await page.getByTestId('document-version').textContent()).toBe('v2 of 2');
    await context.close();
  });

  test('only a lead is offered deletion', async () => {
    const { context, page } = await pageAs(team.annotator);
    await openDocument(page, documentId);
    await page.getByTestId('edit-document-details').waitFor();
    expect(await page.getByTestId('delete-document').count()).toBe(0);
    await context.close();
  });

  test('a lead deletes the document after a confirmation that says what goes, and it is gone from the list', async () => {
    const { context, page } = await pageAs(team.lead);
    await openDocument(page, documentId);
    await page.getByTestId('delete-document').click();
    const dialog = page.getByTestId('delete-document-dialog');
    await expect.poll(() => dialog.getByTestId('delete-document-removes').textContent()).toMatch(/1 claim, with their 0 evidence entries, 0 votes, 0 comments and history/);
    expect(await dialog.getByTestId('delete-document-removes').textContent()).toMatch(/2 versions of the text/);
    expect(await dialog.getByTestId('delete-document-keeps').textContent()).toMatch(/No evidence in other documents quotes this one/);
    expect(await dialog.getByRole('heading').textContent()).toBe('Delete “The Mattmark dam”?');
    // Cancel has the focus: Enter alone never deletes.
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('delete-document-cancel');
    await page.screenshot({ path: screenshotPath('document-delete.png') });

    await dialog.getByTestId('delete-document-action').click();
    await page.waitForURL(`${app.url}/w/${team.wid}`);
    expect(await page.getByTestId('document-deleted-notice').textContent()).toBe('“The Mattmark dam” was deleted.');
    expect(await page.getByTestId('document-link').filter({ hasText: 'The Mattmark dam' }).count()).toBe(0);
    expect((await team.lead.get(`/api/documents/${documentId}`)).status).toBe(404);

    // A fresh load of the workspace does not list it either.
    await page.reload();
    await page.getByTestId('documents-empty').waitFor();
    await context.close();
  });
});
