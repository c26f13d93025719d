import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startApp, type TestApp } from '../helpers/app';
import { addSession, recordPageErrors, launchBrowser, screenshotPath, skipIfNoBrowser } from '../helpers/browser';
import { type Client, workspaceWithRoles } from '../helpers/client';

// Claim matching in the reader, through the production build against the real server at 1280 px:
// document A ("Jobs report") holds a claim a lead verified and signed off; document B ("Union
// leaflet"), imported later, says it again in other words. B's suggested sentence says where it was
// checked and links to A's claim; made a claim, its detail proposes A's claim; a fact-checker
// confirms it and both claims show "same claim"; another pair is rejected (hidden, undoable); a
// viewer reads matches without the buttons. The tests run in order, each building on the last.

const A_TEXT = [
  'Unemployment rose to 5.2% in 2021, the statistics office said.',
  'The border between the two countries is 2,650 km long.',
  'The mayor opened a new library on the harbour front.',
].join('\n\n');
const B_TEXT = [
  'According to the statistics office, unemployment rose to 5.2% in 2021.',
  'The border between the two countries is 2,650 km long, officials say.',
  'Unemployment rose to 7.4% in 2021, a union claimed.',
].join('\n\n');
const A_CLAIM = 'Unemployment rose to 5.2% in 2021, the statistics office said.';
const A_BORDER = 'The border between the two countries is 2,650 km long.';
const B_PARAPHRASE = 'According to the statistics office, unemployment rose to 5.2% in 2021.';
const B_BORDER = 'The border between the two countries is 2,650 km long, officials say.';

const WIDE = { width: 1280, height: 900 };

interface Person {
  context: BrowserContext;
  page: Page;
}

describe.skipIf(skipIfNoBrowser())('claim matching in the reader', () => {
  let app: TestApp;
  let browser: Browser;
  let team: Awaited<ReturnType<typeof workspaceWithRoles>>;
  const docs = { a: '', b: '' };
  const ids = { a: '', aBorder: '', b: '', bBorder: '' };
  let fay: Person; // fact-checker
  let vic: Person; // viewer
  /** Uncaught errors and console errors from every page, by who saw them. */
  const errors: string[] = [];

  async function openAs(name: string, client: Client): Promise<Person> {
    const context = await browser.newContext({ viewport: WIDE });
    context.setDefaultTimeout(15_000);
    await addSession(context, app.url, client);
    const page = await context.newPage();
    // A claim made a moment ago is briefly unknown to the REST API (404) until its commit lands.
    recordPageErrors(page, name, errors, (message) => message.text().includes('404'));
    return { context, page };
  }

  async function open(page: Page, documentId: string, hash = '') {
    await page.goto(`${app.url}/d/${documentId}${hash}`);
    await page.getByTestId('reader-text').waitFor();
    await page.waitForFunction(() => document.querySelector('[data-testid="saved-state"]')?.getAttribute('data-status') !== 'connecting');
  }

  const detail = (page: Page) => page.getByTestId('claim-detail');
  const suggestion = (page: Page, exact: string) => page.getByTestId('suggested-claim').filter({ hasText: exact });
  const likely = (page: Page) => detail(page).getByTestId('likely-match');
  const same = (page: Page) => detail(page).getByTestId('same-claim');
  /** The match marker of a claim in the claims list. */
  const marker = (page: Page, exact: string) => page.getByTestId('claim-item').filter({ hasText: exact }).getByTestId('claim-match-marker');

  async function openSuggestions(page: Page) {
    if (await page.getByTestId('back-to-claims').isVisible()) await page.getByTestId('back-to-claims').click();
    await page.getByTestId('tab-suggestions').click();
    await page.getByTestId('suggestion-list').waitFor();
  }

  /** Opens a claim of the open document from the claims list. */
  async function openClaim(page: Page, exact: string) {
    if (await page.getByTestId('back-to-claims').isVisible()) await page.getByTestId('back-to-claims').click();
    await page.getByTestId('tab-claims').click();
    await page.getByTestId('claim-item').filter({ hasText: exact }).click();
    await detail(page).filter({ hasText: exact }).waitFor();
  }

  beforeAll(async () => {
    app = await startApp();
    team = await workspaceWithRoles(app.url);
    const made = async (title: string, text: string) => {
      const res = await team.lead.post(`/api/workspaces/${team.wid}/documents`, { title, text });
      if (res.status !== 201) throw new Error(`import failed: ${res.status} ${JSON.stringify(res.body)}`);
      return res.body.document.id as string;
    };
    const claim = async (doc: string, exact: string) => {
      const res = await team.annotator.post(`/api/documents/${doc}/claims`, { exact });
      if (res.status !== 201) throw new Error(`claim failed: ${res.status} ${JSON.stringify(res.body)}`);
      return res.body.claim.id as string;
    };
    docs.a = await made('Jobs report', A_TEXT);
    ids.a = await claim(docs.a, A_CLAIM);
    ids.aBorder = await claim(docs.a, A_BORDER);
    const signed = await team.lead.post(`/api/claims/${ids.a}/status`, { status: 'verified', rationale: 'The office’s bulletin gives 5.2%.', confirm: true, rating: 'mostly_accurate' });
    if (signed.status !== 200) throw new Error(`sign-off failed: ${signed.status} ${JSON.stringify(signed.body)}`);
    // B is imported after A was checked; its border sentence is a claim already (the pair to reject).
    docs.b = await made('Union leaflet', B_TEXT);
    ids.bBorder = await claim(docs.b, B_BORDER);
    browser = await launchBrowser();
    fay = await openAs('fay', team.factchecker);
    vic = await openAs('vic', team.viewer);
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  test('a suggested sentence of the new document says where it was checked and how, and its link lands on that claim', async () => {
    const page = fay.page;
    await open(page, docs.b);
    await openSuggestions(page);
    const line = suggestion(page, B_PARAPHRASE).getByTestId('suggestion-match');
    await line.waitFor();
    // The date as the browser writes it (its locale), signed off today.
    const today = await page.evaluate(() => new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' }).format(new Date()));
    expect((await line.textContent())!.replace(/\s+/g, ' ').trim()).toBe(`Checked in Jobs report: Verified, Mostly accurate, by lead on ${today}`);
    // A sentence with another figure is not said to be checked.
    expect(await suggestion(page, 'Unemployment rose to 7.4%').getByTestId('suggestion-match').count()).toBe(0);
    await page.screenshot({ path: screenshotPath('claim-matching-suggestion.png') });

    await line.getByRole('link', { name: 'Jobs report' }).click();
    await page.waitForURL(`**/d/${docs.a}#claim-${ids.a}`);
    await detail(page).and(page.locator(`[data-claim-id="${ids.a}"]`)).waitFor();
    expect(await detail(page).getByTestId('claim-exact').textContent()).toBe(A_CLAIM);
    // The verdict stays where it was given: A's claim is verified, nothing was copied to B.
    expect(errors).toEqual([]);
  });

  test('the sentence made a claim proposes the checked claim; confirmed, both claims show "same claim"', async () => {
    const page = fay.page;
    await open(page, docs.b);
    await openSuggestions(page);
    await suggestion(page, B_PARAPHRASE).getByTestId('add-suggested-claim').click();
    await detail(page).filter({ hasText: B_PARAPHRASE }).waitFor();
    ids.b = (await detail(page).getAttribute('data-claim-id'))!;
    const proposal = likely(page).filter({ hasText: A_CLAIM });
    await proposal.waitFor();
    expect((await proposal.getByTestId('match-checked').textContent())!.replace(/\s+/g, ' ')).toContain('Checked in Jobs report: Verified, Mostly accurate, by lead on ');
    expect(await proposal.getByTestId('match-link').getAttribute('href')).toBe(`/d/${docs.a}#claim-${ids.a}`);
    await proposal.scrollIntoViewIfNeeded();
    await page.screenshot({ path: screenshotPath('claim-matching-detail.png') });

    await proposal.getByRole('button', { name: /^Confirm/ }).click();
    await same(page).filter({ hasText: A_CLAIM }).waitFor();
    expect(await likely(page).filter({ hasText: A_CLAIM }).count()).toBe(0);
    expect(await same(page).textContent()).toContain('Confirmed by factchecker');
    // B's claim is still open: the match links, it never copies A's verdict.
    expect(await detail(page).getByTestId('claim-status').first().textContent()).toBe('Open');
    const b = (await team.viewer.get(`/api/claims/${ids.b}`)).body.claim;
    expect(b.status).toBe('open');
    expect(b.signOff).toBeNull();

    // The other way round: A's claim shows B's.
    await same(page).getByTestId('match-link').click();
    await page.waitForURL(`**/d/${docs.a}#claim-${ids.a}`);
    await detail(page).and(page.locator(`[data-claim-id="${ids.a}"]`)).waitFor();
    const back = same(page).filter({ hasText: B_PARAPHRASE });
    await back.waitFor();
    expect((await back.getByTestId('match-checked').textContent())!.replace(/\s+/g, ' ')).toContain('Also claimed in Union leaflet: Open');
    expect(errors).toEqual([]);
  });

  test('a viewer sees the likely match and where it stands, without Confirm or Reject', async () => {
    const page = vic.page;
    await open(page, docs.b);
    await page.getByTestId('tab-claims').click();
    await marker(page, B_BORDER).filter({ hasText: 'possible match' }).waitFor();
    await openClaim(page, B_BORDER);
    const proposal = likely(page).filter({ hasText: A_BORDER });
    await proposal.waitFor();
    expect((await proposal.getByTestId('match-checked').textContent())!.replace(/\s+/g, ' ').trim()).toBe('Also claimed in Jobs report: Open');
    expect(await detail(page).getByTestId('confirm-match').count()).toBe(0);
    expect(await detail(page).getByTestId('reject-match').count()).toBe(0);
    expect(await detail(page).getByTestId('claim-matches').textContent()).toContain('A fact-checker or lead confirms whether these are the same claim.');
    expect(errors).toEqual([]);
  });

  test('rejecting another pair hides it from the proposals; undo brings it back', async () => {
    const page = fay.page;
    await open(page, docs.b);
    // The claim list marks both: one likely the same as a claim of A, one confirmed.
    await page.getByTestId('tab-claims').click();
    await marker(page, B_BORDER).filter({ hasText: 'possible match' }).waitFor();
    await marker(page, B_PARAPHRASE).filter({ hasText: 'same claim' }).waitFor();
    await openClaim(page, B_BORDER);
    const proposal = likely(page).filter({ hasText: A_BORDER });
    await proposal.waitFor();
    await proposal.getByRole('button', { name: /^Reject/ }).click();
    await proposal.waitFor({ state: 'detached' });
    const rejected = detail(page).getByTestId('rejected-matches');
    await rejected.waitFor();
    expect(await rejected.locator('summary').textContent()).toBe('Not the same claim (1)');
    // The undo offered at once puts it back among the proposals.
    await page.getByTestId('match-undo-toast').getByTestId('undo-match-toast').click();
    await likely(page).filter({ hasText: A_BORDER }).waitFor();
    expect(await rejected.count()).toBe(0);
    // Rejected again, it stays rejected for everyone (the server keeps the decision).
    await likely(page).filter({ hasText: A_BORDER }).getByRole('button', { name: /^Reject/ }).click();
    await rejected.waitFor();
    const matches = (await team.viewer.get(`/api/claims/${ids.bBorder}/matches`)).body.matches;
    expect(matches).toEqual([expect.objectContaining({ state: 'rejected', claim: expect.objectContaining({ id: ids.aBorder }) })]);
    // Rejected, the claim is no longer marked in the list.
    await page.getByTestId('back-to-claims').click();
    await marker(page, B_BORDER).waitFor({ state: 'detached' });
    expect(await marker(page, B_PARAPHRASE).textContent()).toBe('same claim');
    expect(errors).toEqual([]);
  });
});
