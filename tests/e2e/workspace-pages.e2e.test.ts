import { readFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startApp, type TestApp } from '../helpers/app';
import { addSession, launchBrowser, screenshotPath, skipIfNoBrowser } from '../helpers/browser';
import { signUp, workspaceWithRoles, type Client } from '../helpers/client';

// A workspace's search, dashboard and export pages, through the production build against the real
// server. The claims, votes and sign-offs are made through the API; a lead then reads them in the
// browser. The tests share one page and run in order.


const HARBOUR_TEXT = [
  "The mayor said that dredging the eastern harbour will double the port's cargo capacity by 2027.",
  'According to the council, the work will cost 48 million euros in total.',
  'The project is expected to create 900 local jobs within three years.',
].join('\n\n');
const BUDGET_TEXT = [
  'The finance office promised that local taxes will not rise next year.',
  'Spending on schools grew by 12 per cent since 2020, the memo says.',
].join('\n\n');

const DOUBLE = "dredging the eastern harbour will double the port's cargo capacity by 2027";
const COST = 'the work will cost 48 million euros';
const JOBS = 'create 900 local jobs';
const TAXES = 'local taxes will not rise next year';
const SCHOOLS = 'Spending on schools grew by 12 per cent since 2020';

describe.skipIf(skipIfNoBrowser())('the workspace’s search, dashboard and export pages', () => {
  let app: TestApp;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let team: Awaited<ReturnType<typeof workspaceWithRoles>>;
  let secondChecker: Client;
  let harbourId: string;
  let budgetId: string;
  const claimIds: Record<string, string> = {};
  /** A second workspace of the lead's, with one claim and no votes. */
  let quietId: string;
  const pageErrors: string[] = [];

  const newDocument = async (title: string, text: string): Promise<string> => {
    const res = await team.lead.post(`/api/workspaces/${team.wid}/documents`, { title, text });
    if (res.status !== 201) throw new Error(`document: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.document.id;
  };

  const newClaim = async (documentId: string, exact: string, extra: Record<string, unknown> = {}): Promise<string> => {
    const res = await team.annotator.post(`/api/documents/${documentId}/claims`, { exact, ...extra });
    if (res.status !== 201) throw new Error(`claim: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.claim.id;
  };

  const vote = async (voter: Client, claimId: string, verdict: string) => {
    const res = await voter.request('PUT', `/api/claims/${claimId}/vote`, { json: { verdict } });
    if (res.status !== 200) throw new Error(`vote: ${res.status} ${JSON.stringify(res.body)}`);
  };

  const setStatus = async (claimId: string, status: string) => {
    const res = await team.lead.post(`/api/claims/${claimId}/status`, { status, confirm: true, rationale: 'Checked against the source.' });
    if (res.status !== 200) throw new Error(`status: ${res.status} ${JSON.stringify(res.body)}`);
  };

  /** The trimmed text of the element with this test id. */
  const textOf = async (testId: string) => ((await page.getByTestId(testId).first().textContent()) ?? '').replace(/\s+/g, ' ').trim();

  /** The claim ids of the search results on the page, in order. */
  const resultIds = () =>
    page.evaluate(() =>
      [...document.querySelectorAll('[data-testid="search-result"]')].map((a) => a.getAttribute('data-claim-id')),
    );

  beforeAll(async () => {
    app = await startApp();
    team = await workspaceWithRoles(app.url);
    secondChecker = await signUp(app.url, 'checker2');
    await team.lead.post(`/api/workspaces/${team.wid}/members`, { email: secondChecker.user!.email, role: 'factchecker' });
    // Two votes reveal a claim, so one vote leaves it waiting ("1 of 2 votes").
    await team.lead.patch(`/api/workspaces/${team.wid}`, { quorum: 2 });

    harbourId = await newDocument('Harbour expansion', HARBOUR_TEXT);
    budgetId = await newDocument('Budget memo', BUDGET_TEXT);

    claimIds.double = await newClaim(harbourId, DOUBLE, {
      confidence: 80,
      note: 'The feasibility study puts the gain near 40 per cent.',
      tags: ['capacity'],
    });
    await team.annotator.post(`/api/claims/${claimIds.double}/evidence`, {
      kind: 'url',
      stance: 'refutes',
      url: 'https://example.org/study',
      title: 'Port study, chapter 4',
    });
    await vote(team.factchecker, claimIds.double, 'mostly_inaccurate');
    await vote(secondChecker, claimIds.double, 'mostly_inaccurate');
    await setStatus(claimIds.double, 'verified');

    claimIds.cost = await newClaim(harbourId, COST, { confidence: 60, note: 'Council budget line 14.' });
    await vote(team.factchecker, claimIds.cost, 'accurate');
    await vote(secondChecker, claimIds.cost, 'accurate');

    claimIds.jobs = await newClaim(harbourId, JOBS);
    await vote(team.factchecker, claimIds.jobs, 'mixed');

    claimIds.taxes = await newClaim(budgetId, TAXES, { confidence: 30 });

    claimIds.schools = await newClaim(budgetId, SCHOOLS, { confidence: 90 });
    await vote(team.factchecker, claimIds.schools, 'accurate');
    await vote(secondChecker, claimIds.schools, 'inaccurate');
    await setStatus(claimIds.schools, 'rejected');

    browser = await launchBrowser();
    context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    context.setDefaultTimeout(15_000);
    await addSession(context, app.url, team.lead);
    page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  test('the workspace page links to its search, dashboard, export and settings pages', async () => {
    await page.goto(`${app.url}/w/${team.wid}`);
    const nav = page.getByRole('navigation', { name: 'Workspace pages' });
    await nav.waitFor();
    expect(await nav.getByRole('link').allTextContents()).toEqual(['Documents', 'Search', 'Dashboard', 'Export', 'Members', 'Settings']);
    await nav.getByRole('link', { name: 'Search' }).click();
    await page.waitForURL(`${app.url}/w/${team.wid}/search`);
    await page.getByTestId('search-results').waitFor();
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Search claims');
  });

  test('without words, search lists every claim of the workspace', async () => {
    expect((await resultIds()).sort()).toEqual(Object.values(claimIds).sort());
    expect(await textOf('result-count')).toBe('5 claims');
  });

  test('search finds a claim by a word of its note, marks the word, and links to the claim in its document', async () => {
    await page.getByTestId('search-input').fill('feasibility');
    await page.waitForURL(/\?q=feasibility$/);
    await expect.poll(resultIds).toEqual([claimIds.double]);
    const result = page.getByTestId('search-result');
    expect(await result.getAttribute('href')).toBe(`/d/${harbourId}#claim-${claimIds.double}`);
    expect(await result.getByTestId('search-result-document').textContent()).toBe('Harbour expansion');
    expect(await result.locator('mark').allTextContents()).toEqual(['feasibility']);
    // The snippet is text: the « » delimiters become <mark>, never HTML from the server.
    expect(await result.getByTestId('search-result-snippet').textContent()).not.toMatch(/[«»]/);
    expect(await result.getByTestId('search-result-verdict').textContent()).toBe('Mostly inaccurate');
    expect(await result.getByTestId('search-result-status').textContent()).toBe('Verified');

    await result.click();
    await page.waitForURL(`${app.url}/d/${harbourId}#claim-${claimIds.double}`);
    await page.goBack();
    await page.waitForURL(/\/search\?q=feasibility$/);
    await expect.poll(resultIds).toEqual([claimIds.double]);
    expect(await page.getByTestId('search-input').inputValue()).toBe('feasibility');
  });

  test('the keyboard moves from the search box through the results', async () => {
    await page.getByTestId('search-input').focus();
    await page.keyboard.press('ArrowDown');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-claim-id'))).toBe(claimIds.double);
    await page.keyboard.press('ArrowUp');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('search-q');
  });

  test('status, verdict and confidence filters narrow the results as the API does', async () => {
    await page.getByTestId('search-input').fill('');
    await page.waitForURL(/\/search$/);
    await expect.poll(async () => (await resultIds()).length).toBe(5);

    const apiIds = async (query: string) =>
      (await team.lead.get(`/api/workspaces/${team.wid}/search?${query}`)).body.results.map((r: { claim: { id: string } }) => r.claim.id);

    await page.getByTestId('filter-status').selectOption('verified');
    await page.waitForURL(/\?status=verified$/);
    await expect.poll(resultIds).toEqual([claimIds.double]);
    expect(await apiIds('status=verified')).toEqual([claimIds.double]);

    await page.getByTestId('filter-status').selectOption('');
    await page.getByTestId('filter-verdict').selectOption('accurate');
    await page.waitForURL(/\?verdict=accurate$/);
    await expect.poll(resultIds).toEqual([claimIds.cost]);
    expect(await apiIds('verdict=accurate')).toEqual([claimIds.cost]);

    await page.getByTestId('filter-verdict').selectOption('');
    await page.getByTestId('filter-confidence').selectOption('75');
    await page.waitForURL(/\?minConfidence=75$/);
    await expect.poll(async () => (await resultIds()).sort()).toEqual([claimIds.double, claimIds.schools].sort());
    expect((await apiIds('minConfidence=75')).sort()).toEqual([claimIds.double, claimIds.schools].sort());

    await page.getByTestId('search-input').fill('taxes');
    await page.waitForURL(/\?q=taxes&minConfidence=75$/);
    await page.getByTestId('search-empty').waitFor();
    expect(await textOf('search-empty')).toContain('No claims match');
    await page.getByTestId('clear-filters').click();
    await page.waitForURL(/\/search$/);
    await expect.poll(async () => (await resultIds()).length).toBe(5);
  });

  test('the dashboard shows the counts, verdicts, agreement and to-do lists the API reports', async () => {
    const api = (await team.lead.get(`/api/workspaces/${team.wid}/dashboard`)).body;
    expect(api.claims).toBe(5);
    await page.goto(`${app.url}/w/${team.wid}/dashboard`);
    await page.getByTestId('dashboard').waitFor();

    expect(await textOf('claims-total')).toBe('5');
    for (const [status, count] of Object.entries(api.byStatus)) {
      expect(await page.getByTestId(`status-count-${status}`).getAttribute('data-count')).toBe(String(count));
    }
    expect(api.byStatus).toEqual({ open: 3, in_review: 0, verified: 1, rejected: 1 });
    for (const [verdict, count] of Object.entries(api.verdicts)) {
      expect(await page.getByTestId(`verdict-count-${verdict}`).getAttribute('data-count')).toBe(String(count));
    }
    expect(api.verdicts).toMatchObject({ accurate: 1, mostly_inaccurate: 1, inaccurate: 0, none: 1 });

    // Three revealed claims with two votes each: six pairable judgements.
    expect(api.agreement).toMatchObject({ pairable: 6, units: 3 });
    expect(typeof api.agreement.alpha).toBe('number');
    expect(await page.getByTestId('alpha-value').getAttribute('data-alpha')).toBe(String(api.agreement.alpha));
    expect(await textOf('alpha-value')).toBe(`α = ${(api.agreement.alpha as number).toFixed(2).replace('-', '−')}`);
    expect(await textOf('alpha-pairable')).toBe('6 pairable judgements across 3 claims');

    const waiting = page.getByTestId('waiting-for-votes-item');
    expect(await waiting.count()).toBe(api.waitingForVotes.length);
    expect(await page.getByTestId('waiting-for-votes').textContent()).toContain('1 of 2 votes');
    const jobs = waiting.filter({ hasText: JOBS });
    expect(await jobs.getAttribute('href')).toBe(`/d/${harbourId}#claim-${claimIds.jobs}`);
    expect(await jobs.getByTestId('vote-progress').textContent()).toBe('1 of 2 votes');
    const signOff = page.getByTestId('waiting-for-sign-off-item');
    expect(await signOff.count()).toBe(1);
    expect(await signOff.getAttribute('href')).toBe(`/d/${harbourId}#claim-${claimIds.cost}`);
  });

  test('choosing a document switches the dashboard to that document’s figures', async () => {
    const api = (await team.lead.get(`/api/documents/${budgetId}/dashboard`)).body;
    await page.getByTestId('dashboard-document').selectOption(budgetId);
    await page.waitForURL(`${app.url}/w/${team.wid}/dashboard?document=${budgetId}`);
    await expect.poll(() => textOf('claims-total')).toBe(String(api.claims));
    expect(api.claims).toBe(2);
    for (const [status, count] of Object.entries(api.byStatus)) {
      expect(await page.getByTestId(`status-count-${status}`).getAttribute('data-count')).toBe(String(count));
    }
    expect(await textOf('alpha-pairable')).toBe(
      `${api.agreement.pairable} pairable judgements across ${api.agreement.units} ${api.agreement.units === 1 ? 'claim' : 'claims'}`,
    );
    expect(await page.getByTestId('waiting-for-votes-item').count()).toBe(1);
    expect(await textOf('waiting-for-sign-off-empty')).toBe('Nothing is waiting for a lead.');
  });

  test('a dashboard without revealed votes says there is not enough to measure agreement', async () => {
    const other = await team.lead.post('/api/workspaces', { name: 'Quiet desk' });
    quietId = other.body.workspace.id;
    const docId = (await team.lead.post(`/api/workspaces/${quietId}/documents`, { title: 'Memo', text: 'Rents fell by half.' })).body.document.id;
    await team.lead.post(`/api/documents/${docId}/claims`, { exact: 'Rents fell by half' });
    await page.goto(`${app.url}/w/${quietId}/dashboard`);
    await page.getByTestId('dashboard').waitFor();
    expect(await textOf('alpha-empty')).toBe('Not enough votes to measure agreement (0 of the 3 claims with two or more revealed votes it needs)');
    expect(await textOf('alpha-pairable')).toBe('0 pairable judgements across 0 claims');
    expect(await textOf('alpha-value')).toBe('α = —');
    expect(await page.getByTestId('verdicts-empty').isVisible()).toBe(true);
  });

  test('the export page of a workspace with nothing verified says who verifies claims, and offers no download', async () => {
    await page.goto(`${app.url}/w/${quietId}/export`);
    await page.getByTestId('export-empty').waitFor();
    expect(await textOf('export-empty')).toContain('No verified claims yet — a lead verifies claims in the reader');
    expect(await textOf('export-count')).toBe('0 claims from 0 documents');
    expect(await page.getByTestId('export-download').isDisabled()).toBe(true);
  });

  test('the export page counts the matching claims and previews the first ones', async () => {
    await page.goto(`${app.url}/w/${team.wid}/export`);
    await expect.poll(() => textOf('export-count')).toBe('1 claim from 1 document');
    const summary = (await team.lead.get(`/api/workspaces/${team.wid}/export/summary?status=verified`)).body;
    expect(summary).toEqual({ claims: 1, documents: 1 });

    await page.getByTestId('export-preview').waitFor();
    await expect.poll(() => textOf('export-preview')).toContain(DOUBLE);
    expect(await textOf('curl-command')).toBe(
      `curl -H "Authorization: Bearer $TOKEN" "${app.url}/api/workspaces/${team.wid}/export?format=csv&status=verified" -o claims.csv`,
    );

    await page.getByTestId('export-status').selectOption('any');
    await expect.poll(() => textOf('export-count')).toBe('5 claims from 2 documents');
    await page.getByTestId('format-claimreview').check();
    // Only published claims with a sign-off rating are reviews: none of these is, and the count says so.
    await page.getByTestId('reviews-only').waitFor();
    await page.getByTestId('export-empty').waitFor();
    expect(await textOf('curl-command')).toContain('format=claimreview&status=any');
    expect(page.url()).toContain('format=claimreview&status=any');
    await page.getByTestId('format-annotations').check();
    // JSON is pretty-printed, and the preview holds only the first three claims.
    await expect.poll(() => page.getByTestId('export-preview').textContent()).toContain('{\n  "@context"');
    const preview = JSON.parse((await page.getByTestId('export-preview').textContent()) ?? '');
    expect(preview.first.items.filter((a: { motivation?: string }) => a.motivation !== 'replying')).toHaveLength(3);
    expect(preview.type).toBe('AnnotationCollection');

    await page.getByTestId('export-document').selectOption(budgetId);
    await page.getByTestId('export-confidence').selectOption('90');
    await expect.poll(() => textOf('export-count')).toBe('1 claim from 1 document');
    await page.getByTestId('export-status').selectOption('open');
    await page.getByTestId('export-empty').waitFor();
    expect(await textOf('export-empty')).toContain('No claims match these filters');
  });

  test('the Download button saves the CSV export with the verified claim in it', async () => {
    await page.goto(`${app.url}/w/${team.wid}/export`);
    await page.getByTestId('format-csv').check();
    await page.getByTestId('export-status').selectOption('any');
    await expect.poll(() => textOf('export-count')).toBe('5 claims from 2 documents');
    await expect.poll(() => textOf('export-preview')).toContain(JOBS);
    await page.screenshot({ path: screenshotPath('export.png') });

    await page.getByTestId('export-status').selectOption('verified');
    await expect.poll(() => textOf('export-count')).toBe('1 claim from 1 document');
    expect(await page.getByTestId('export-download').getAttribute('href')).toBe(
      `/api/workspaces/${team.wid}/export?format=csv&status=verified`,
    );
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-download').click()]);
    expect(download.suggestedFilename()).toMatch(/\.csv$/);
    const csv = readFileSync((await download.path())!, 'utf8');
    expect(csv).toContain(DOUBLE);
    expect(csv).toContain('Harbour expansion');
    expect(csv).not.toContain(COST);
  });

  test('no page threw an error in the browser', () => {
    expect(pageErrors).toEqual([]);
  });
});
