import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startApp, type TestApp } from '../helpers/app';
import { launchBrowser, skipIfNoBrowser } from '../helpers/browser';
import { signUp, workspaceWithRoles } from '../helpers/client';

// A link sent to someone signed out (a claim's "Copy link", an export's claim_url, a workspace page)
// goes through the sign-in page and lands where it pointed, hash included.

const CLAIM = 'The tunnel carries 12,000 cars a day.';
const TEXT = [...Array.from({ length: 40 }, (_, i) => `Paragraph ${i + 1}: the council met and adjourned without a vote.`), CLAIM].join('\n\n');

describe.skipIf(skipIfNoBrowser())('signing in from a link', () => {
  let app: TestApp;
  let browser: Browser;
  let team: Awaited<ReturnType<typeof workspaceWithRoles>>;
  let documentId: string;
  let claimId: string;

  beforeAll(async () => {
    app = await startApp();
    team = await workspaceWithRoles(app.url);
    documentId = (await team.lead.post(`/api/workspaces/${team.wid}/documents`, { title: 'Tunnel report', text: TEXT })).body.document.id;
    claimId = (await team.annotator.post(`/api/documents/${documentId}/claims`, { exact: CLAIM })).body.claim.id;
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  test('a claim link opened signed out asks to sign in, then lands on the claim with its detail open', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    context.setDefaultTimeout(15_000);
    const page = await context.newPage();
    await page.goto(`${app.url}/d/${documentId}#claim-${claimId}`);
    await page.waitForURL((url) => url.pathname === '/login');
    expect(new URL(page.url()).searchParams.get('next')).toBe(`/d/${documentId}#claim-${claimId}`);
    await page.getByLabel('Email').fill(team.annotator.user!.email);
    await page.getByLabel('Password').fill('correct horse battery');
    await page.getByRole('button', { name: /sign in/i }).click();
    await page.waitForURL(`${app.url}/d/${documentId}#claim-${claimId}`);
    await expect.poll(() => page.getByTestId('claim-detail').getAttribute('data-claim-id')).toBe(claimId);
    expect(await page.getByTestId('claim-detail').getByTestId('claim-exact').textContent()).toBe(CLAIM);
    await context.close();
  });

  test('a workspace page opened signed out comes back to that page; a plain visit to the sign-in page goes to the workspaces', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    context.setDefaultTimeout(15_000);
    const page = await context.newPage();
    await page.goto(`${app.url}/w/${team.wid}/dashboard`);
    await page.waitForURL((url) => url.pathname === '/login');
    await page.getByLabel('Email').fill(team.viewer.user!.email);
    await page.getByLabel('Password').fill('correct horse battery');
    await page.getByRole('button', { name: /sign in/i }).click();
    await page.waitForURL(`${app.url}/w/${team.wid}/dashboard`);

    const other = await signUp(app.url, 'plain');
    await context.clearCookies();
    await page.goto(`${app.url}/login`);
    expect(new URL(page.url()).searchParams.get('next')).toBeNull();
    await page.getByLabel('Email').fill(other.user!.email);
    await page.getByLabel('Password').fill('correct horse battery');
    await page.getByRole('button', { name: /sign in/i }).click();
    await page.waitForURL(`${app.url}/`);
    await context.close();
  });
});
