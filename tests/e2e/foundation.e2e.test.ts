import { readFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startApp } from '../helpers/app';
import { launchBrowser, screenshotPath, skipIfNoBrowser } from '../helpers/browser';

// One story through the production build: sign up, create a workspace, import by pasting and by
// uploading, read. The tests share one browser page and run in order, each building on the last.

const MARKDOWN_FIXTURE = readFileSync(new URL('./fixtures/border-report.md', import.meta.url));

const PASTED_TITLE = 'Minister’s speech, annotated';
const PASTED_PARAGRAPHS = [
  'The minister said crossings fell by 40 per cent in a single year.',
  'Officials confirmed that 1,200 additional guards were deployed last spring.\nThe budget funds only 700 posts.',
  'Nobody has published the monitoring logs.',
];
const USER = { name: 'Ada Checker', email: 'ada@example.test', password: 'correct horse battery' };
const VIEWER = { name: 'Val Viewer', email: 'val@example.test', password: 'viewer password 1' };

describe.skipIf(skipIfNoBrowser())('the web app, from sign-up to the reader', () => {
  let app: Awaited<ReturnType<typeof startApp>>;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const pageErrors: Error[] = [];
  let workspaceUrl = '';

  beforeAll(async () => {
    app = await startApp();
    browser = await launchBrowser();
    context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(error));
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  /** The ids and texts of the reader's paragraphs, and the document text they came from. */
  async function readerParagraphs() {
    return page.evaluate(async () => {
      const id = location.pathname.split('/').pop();
      const response = await fetch(`/api/documents/${id}`, { credentials: 'same-origin' });
      const { document } = (await response.json()) as { document: { text: string } };
      const article = window.document.querySelector('[data-testid="reader-text"]');
      const paragraphs = [...(article?.querySelectorAll('p') ?? [])].map((p) => ({
        start: Number(p.dataset.start),
        text: p.textContent ?? '',
        onlyOneTextNode: p.childNodes.length === 1 && p.firstChild?.nodeType === Node.TEXT_NODE,
      }));
      return { text: document.text, paragraphs };
    });
  }

  test('a visitor who is not signed in is sent to the sign-in page', async () => {
    await page.goto(`${app.url}/`);
    await page.waitForURL(`${app.url}/login`);
    expect(await page.getByRole('heading', { name: 'Sign in' }).isVisible()).toBe(true);
  });

  test('a wrong password is refused with the API’s message shown beside the form', async () => {
    await page.getByLabel('Email').fill('nobody@example.test');
    await page.getByLabel('Password').fill('not the password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    const banner = page.getByTestId('error-banner');
    await banner.waitFor();
    expect((await banner.textContent())?.trim().length).toBeGreaterThan(10);
    expect(page.url()).toBe(`${app.url}/login`);
  });

  test('signing up from the sign-in page lands on an empty list of workspaces', async () => {
    await page.getByRole('link', { name: 'Create an account' }).click();
    await page.waitForURL(`${app.url}/signup`);
    await page.getByLabel('Name').fill(USER.name);
    await page.getByLabel('Email').fill(USER.email);
    await page.getByLabel('Password').fill(USER.password);
    await page.getByLabel('Password').press('Enter');
    await page.waitForURL(`${app.url}/`);
    await page.getByTestId('workspaces-empty').waitFor();
    expect(await page.getByTestId('workspaces-empty').textContent()).toContain('No workspaces yet');
    expect(await page.getByTestId('user-name').textContent()).toBe(USER.name);
  });

  test('creating a workspace opens it, with its creator as lead', async () => {
    await page.getByLabel('Name', { exact: true }).fill('Border desk');
    await page.getByRole('button', { name: 'Create workspace' }).click();
    await page.waitForURL(/\/w\/[0-9a-f-]{36}$/);
    workspaceUrl = page.url();
    await page.getByTestId('workspace-name').waitFor();
    expect(await page.getByTestId('workspace-name').textContent()).toBe('Border desk');
    expect(await page.getByTestId('documents-empty').isVisible()).toBe(true);
    expect(await page.getByTestId('member-list').textContent()).toContain(USER.email);
  });

  test('pasted text becomes a document in the workspace’s list', async () => {
    await page.getByLabel('Title', { exact: true }).fill(PASTED_TITLE);
    await page.getByLabel('Source URL (optional)').fill('https://example.org/speech');
    await page.getByLabel('Text', { exact: true }).fill(PASTED_PARAGRAPHS.join('\n\n'));
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    const link = page.getByTestId('document-link').filter({ hasText: PASTED_TITLE });
    await link.waitFor();
    expect(await page.getByTestId('document-list').textContent()).toContain('0 claims');
  });

  test('an uploaded Markdown file becomes a document, its upload shown as done', async () => {
    await page.getByRole('tab', { name: 'Upload files' }).click();
    await page.getByTestId('dropzone').waitFor();
    await page.getByTestId('upload-input').setInputFiles({
      name: 'border-report.md',
      mimeType: 'text/markdown',
      buffer: MARKDOWN_FIXTURE,
    });
    await page.locator('[data-testid="upload-item"][data-status="done"]').waitFor();
    await page.getByTestId('document-link').nth(1).waitFor();
    expect(await page.getByTestId('document-link').count()).toBe(2);
  });

  test('a file the server cannot read shows the server’s reason beside that file', async () => {
    await page.getByTestId('upload-input').setInputFiles({
      name: 'latin1.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from([0x63, 0x61, 0x66, 0xe9, 0xff, 0xfe]),
    });
    const failed = page.locator('[data-testid="upload-item"][data-status="failed"]');
    await failed.waitFor();
    expect(await failed.textContent()).toContain('latin1.txt');
    expect((await failed.getByTestId('upload-error').textContent())?.length).toBeGreaterThan(10);
    expect(await page.getByTestId('document-link').count()).toBe(2);
  });

  test('the reader shows pasted text as paragraphs whose offsets map back to the document text', async () => {
    await page.getByTestId('document-link').filter({ hasText: PASTED_TITLE }).click();
    await page.getByTestId('reader-text').waitFor();
    expect(await page.getByTestId('document-title').textContent()).toBe(PASTED_TITLE);
    expect(await page.getByTestId('source-link').getAttribute('href')).toBe('https://example.org/speech');
    const { text, paragraphs } = await readerParagraphs();
    expect(paragraphs.map((p) => p.text)).toEqual(PASTED_PARAGRAPHS);
    for (const p of paragraphs) {
      expect(p.onlyOneTextNode).toBe(true);
      expect(text.slice(p.start, p.start + p.text.length)).toBe(p.text);
    }
  });

  test('the reader shows an uploaded Markdown document as its paragraphs, beside the claims panel', async () => {
    await page.getByTestId('breadcrumb-workspace').click();
    await page.waitForURL(workspaceUrl);
    await page.getByTestId('document-link').filter({ hasText: /border/i }).click();
    await page.getByTestId('reader-text').waitFor();
    const { text, paragraphs } = await readerParagraphs();
    expect(paragraphs.length).toBeGreaterThanOrEqual(5);
    for (const p of paragraphs) {
      expect(p.onlyOneTextNode).toBe(true);
      expect(text.slice(p.start, p.start + p.text.length)).toBe(p.text);
    }
    // Together the paragraphs hold every non-blank character of the text, in order.
    expect(paragraphs.map((p) => p.text).join('').replace(/\s+/g, '')).toBe(text.replace(/\s+/g, ''));
    expect(paragraphs.some((p) => p.text.includes('2,650 km-long border'))).toBe(true);
    expect(await page.getByTestId('claims-panel').textContent()).toContain('Claims will appear here');

    await page.screenshot({ path: screenshotPath('screenshot.png') });
  });

  test('a lead adds a member by email, and an unknown email is answered with the API’s message', async () => {
    const viewerContext = await browser.newContext();
    const signup = await viewerContext.request.post(`${app.url}/api/auth/signup`, { data: VIEWER });
    expect(signup.status()).toBe(201);
    await viewerContext.close();

    await page.goto(workspaceUrl);
    await page.getByLabel('Email').fill('stranger@example.test');
    await page.getByLabel('Role').selectOption('viewer');
    await page.getByRole('button', { name: 'Add', exact: true }).click();
    await page.getByTestId('add-member-form').getByTestId('error-banner').waitFor();

    await page.getByLabel('Email').fill(VIEWER.email);
    await page.getByRole('button', { name: 'Add', exact: true }).click();
    await page.getByTestId('member-list').getByText(VIEWER.email).waitFor();
    expect(await page.getByTestId('member-list').textContent()).toContain('Viewer');
  });

  test('a viewer sees the workspace’s documents but no import panel or member form', async () => {
    const viewerContext = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    try {
      const viewerPage = await viewerContext.newPage();
      await viewerPage.goto(`${app.url}/login`);
      await viewerPage.getByLabel('Email').fill(VIEWER.email);
      await viewerPage.getByLabel('Password').fill(VIEWER.password);
      await viewerPage.getByRole('button', { name: 'Sign in' }).click();
      await viewerPage.waitForURL(`${app.url}/`);
      await viewerPage.getByTestId('workspace-link').filter({ hasText: 'Border desk' }).click();
      await viewerPage.getByTestId('document-list').waitFor();
      expect(await viewerPage.getByTestId('document-link').count()).toBe(2);
      expect(await viewerPage.getByTestId('import-panel').count()).toBe(0);
      expect(await viewerPage.getByTestId('add-member-form').count()).toBe(0);
    } finally {
      await viewerContext.close();
    }
  });

  test('a document that does not exist shows a not-found message', async () => {
    await page.goto(`${app.url}/d/00000000-0000-4000-8000-000000000000`);
    await page.getByTestId('error-page').waitFor();
    expect(await page.getByTestId('error-message').textContent()).toContain('does not exist or you don');
  });

  test('signing out returns to the sign-in page, and the workspaces are no longer reachable', async () => {
    await page.goto(`${app.url}/`);
    await page.getByTestId('sign-out').click();
    await page.waitForURL(`${app.url}/login`);
    await page.goto(workspaceUrl);
    // The sign-in page comes back to the page asked for once signed in (sign-in-return.e2e.test.ts).
    await page.waitForURL((url) => url.pathname === '/login' && url.searchParams.get('next') === new URL(workspaceUrl).pathname);
    expect(await page.getByRole('heading', { name: 'Sign in' }).isVisible()).toBe(true);
  });

  test('no page raised an uncaught error in the browser', () => {
    expect(pageErrors.map((e) => e.message)).toEqual([]);
  });
});
