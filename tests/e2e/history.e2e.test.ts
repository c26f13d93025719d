import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startApp, type TestApp } from '../helpers/app';
import { addSession, launchBrowser, skipIfNoBrowser } from '../helpers/browser';
import { workspaceWithRoles } from '../helpers/client';

// A claim's history a person can read: a typed note is one entry with its diff, and the filter
// shows the rows that matter (a vote, a status change) alone. Production build, real server.

const CLAIM = 'Officials confirmed that traffic fell by 30 per cent in 2023.';
const TEXT = ['The city opened its new bridge in March.', CLAIM, 'Reports suggest that the mayor will seek a second term in 2026.'].join('\n\n');
const TYPED = ' Council data shows 22 per cent.';

describe.skipIf(skipIfNoBrowser())('the history panel', () => {
  let app: TestApp;
  let browser: Browser;
  let roles: Awaited<ReturnType<typeof workspaceWithRoles>>;
  let claimId: string;
  let page: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    app = await startApp();
    roles = await workspaceWithRoles(app.url);
    const documentId = (await roles.lead.post(`/api/workspaces/${roles.wid}/documents`, { title: 'The bridge', text: TEXT })).body.document.id;
    claimId = (await roles.annotator.post(`/api/documents/${documentId}/claims`, { exact: CLAIM, note: 'Draft.' })).body.claim.id;
    browser = await launchBrowser();
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    context.setDefaultTimeout(15_000);
    await addSession(context, app.url, roles.annotator);
    page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(`${app.url}/d/${documentId}`);
    await page.getByTestId('reader-text').waitFor();
    await page.getByTestId('claim-item').filter({ hasText: CLAIM.slice(0, 30) }).click();
    await page.getByTestId('claim-detail').filter({ hasText: CLAIM }).waitFor();
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  test('a note typed key by key is one history entry showing what was added', async () => {
    const note = page.getByTestId('claim-note');
    await note.click();
    await note.press('End');
    // One keystroke at a time, slowly enough that they reach the server in many commits.
    await note.pressSequentially(TYPED, { delay: 15 });
    await page.waitForFunction(() => document.querySelector('[data-testid="saved-state"]')?.getAttribute('data-status') === 'saved');

    await page.getByTestId('toggle-history').click();
    const edits = page.locator('[data-testid="history-event"][data-action="note_edited"]');
    await expect.poll(() => edits.count()).toBe(1);
    await expect.poll(() => edits.locator('ins').allTextContents()).toEqual([TYPED]);
    expect(await edits.getByTestId('history-diff').textContent()).toBe(`Draft.${TYPED}`);
    expect(await edits.getAttribute('data-important')).toBe('false');
  });

  test('a vote and a status change stand out, and "Important only" shows just them', async () => {
    expect((await roles.factchecker.request('PUT', `/api/claims/${claimId}/vote`, { json: { verdict: 'mostly_accurate' } })).status).toBe(200);
    expect((await roles.lead.post(`/api/claims/${claimId}/status`, { status: 'in_review' })).status).toBe(200);
    // The open history refreshes itself when the claim changes; the status change reaches the page live.
    const rows = page.getByTestId('history-event');
    await page.locator('[data-testid="history-event"][data-action="status_changed"]').waitFor();
    await expect.poll(() => page.locator('[data-testid="history-event"][data-action="voted"]').count()).toBe(1);
    expect(await page.locator('[data-testid="history-event"][data-action="status_changed"]').getAttribute('data-important')).toBe('true');

    await page.getByTestId('history-filter').selectOption('important');
    await expect.poll(() => rows.evaluateAll((els) => els.map((el) => el.getAttribute('data-action')))).toEqual(['status_changed', 'voted']);
    expect(await rows.evaluateAll((els) => els.every((el) => el.getAttribute('data-important') === 'true'))).toBe(true);

    await page.getByTestId('history-filter').selectOption('note_edited');
    await expect.poll(() => rows.evaluateAll((els) => els.map((el) => el.getAttribute('data-action')))).toEqual(['note_edited']);
    await page.getByTestId('history-filter').selectOption('all');
    await expect.poll(() => rows.count()).toBe(4);
    expect(pageErrors).toEqual([]);
  });
});
