import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startApp, type TestApp } from '../helpers/app';
import { addSession, launchBrowser, skipIfNoBrowser } from '../helpers/browser';
import { Client, signUp, workspaceWithRoles } from '../helpers/client';

// Fact-checkers vote blind, the lead signs off, everyone discusses, in three browsers through the
// production build against the real server. The tests run in order, each building on the last.

const CLAIM_A = 'The new bridge cost 48 million euros to build.';
const CLAIM_B = 'Officials confirmed that traffic fell by 30 per cent in 2023.';
const TEXT = [
  'The city opened its new bridge in March.',
  `${CLAIM_A} [1]`,
  `${CLAIM_B}`,
  // A figure, a date and an attribution: the trained scorer suggests it (a prediction would not be).
  'The mayor won a second term in 2022 with 61 per cent of the vote, according to the electoral commission.',
  'Notes',
  '[1] City budget report 2022, page 14: the bridge cost 52 million euros.',
].join('\n\n');

interface Person {
  context: BrowserContext;
  page: Page;
}

describe.skipIf(skipIfNoBrowser())('verifying claims in the browser', () => {
  let app: TestApp;
  let browser: Browser;
  let roles: Awaited<ReturnType<typeof workspaceWithRoles>>;
  let checker2: Client;
  let documentId: string;
  let claimA: string;
  let claimB: string;
  let fc1: Person; // fact-checker
  let fc2: Person; // a second fact-checker
  let lead: Person;
  const pageErrors: string[] = [];

  async function openAs(name: string, client: Client): Promise<Person> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    context.setDefaultTimeout(15_000);
    await addSession(context, app.url, client);
    const page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(`${name}: ${error.message}`));
    await page.goto(`${app.url}/d/${documentId}`);
    await page.getByTestId('reader-text').waitFor();
    await page.waitForFunction(() => document.querySelector('[data-testid="saved-state"]')?.getAttribute('data-status') !== 'connecting');
    return { context, page };
  }

  const detail = (page: Page) => page.getByTestId('claim-detail');
  const item = (page: Page, exact: string) => page.getByTestId('claim-item').filter({ hasText: exact.slice(0, 30) });

  async function openClaim(page: Page, exact: string) {
    if (await detail(page).isVisible()) await page.getByTestId('back-to-claims').click();
    await item(page, exact).click();
    await detail(page).filter({ hasText: exact }).waitFor();
  }

  beforeAll(async () => {
    app = await startApp();
    roles = await workspaceWithRoles(app.url);
    checker2 = await signUp(app.url, 'checker2');
    const added = await roles.lead.post(`/api/workspaces/${roles.wid}/members`, { email: checker2.user!.email, role: 'factchecker' });
    if (added.status !== 201) throw new Error(`add member failed: ${added.status}`);
    documentId = (await roles.lead.post(`/api/workspaces/${roles.wid}/documents`, { title: 'The bridge', text: TEXT })).body.document.id;
    claimA = (await roles.lead.post(`/api/documents/${documentId}/claims`, { exact: CLAIM_A })).body.claim.id;
    claimB = (await roles.lead.post(`/api/documents/${documentId}/claims`, { exact: CLAIM_B })).body.claim.id;
    browser = await launchBrowser();
    fc1 = await openAs('fc1', roles.factchecker);
    fc2 = await openAs('fc2', checker2);
    lead = await openAs('lead', roles.lead);
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  test('a fact-checker votes; another fact-checker sees only the count, never the verdict', async () => {
    await openClaim(fc1.page, CLAIM_A);
    await openClaim(fc2.page, CLAIM_A);
    await expect.poll(() => fc2.page.getByTestId('vote-count').textContent()).toContain('0 votes');

    await fc1.page.getByTestId('vote-verdict').selectOption('mostly_inaccurate');
    await fc1.page.getByTestId('vote-confidence').fill('70');
    await fc1.page.getByTestId('vote-note').fill('The budget report says 52 million.');
    await fc1.page.getByTestId('submit-vote').click();
    await expect.poll(() => fc1.page.getByTestId('my-vote').textContent()).toContain('Your vote: Mostly inaccurate');

    await expect.poll(() => fc2.page.getByTestId('vote-count').textContent()).toContain('1 vote');
    expect(await fc2.page.getByTestId('vote-count').textContent()).not.toContain('1 votes');
    // Nothing but the verdict picker's own choices names a verdict on the other page.
    const shownText = await detail(fc2.page).evaluate((el) => {
      const copy = el.cloneNode(true) as HTMLElement;
      copy.querySelectorAll('select').forEach((s) => s.remove());
      // The sentence's own footnote is the document's text, shown to everyone; it is not a vote.
      copy.querySelectorAll('[data-testid="cited-footnotes"]').forEach((s) => s.remove());
      return copy.textContent ?? '';
    });
    expect(shownText).not.toMatch(/Mostly inaccurate|52 million/);
    expect(await fc2.page.getByTestId('my-vote').count()).toBe(0);

    // After a reload, the own vote comes back from GET /api/claims/:id.
    await fc1.page.reload();
    await fc1.page.getByTestId('reader-text').waitFor();
    await openClaim(fc1.page, CLAIM_A);
    await expect.poll(() => fc1.page.getByTestId('my-vote').textContent()).toContain('Mostly inaccurate');
  });

  test('the history lists the vote without its verdict before reveal', async () => {
    await fc2.page.getByTestId('toggle-history').click();
    const voted = fc2.page.getByTestId('history-event').filter({ hasText: 'voted' });
    await voted.first().waitFor();
    expect(await voted.first().textContent()).not.toMatch(/accurate/i);
    expect(await fc2.page.getByTestId('history-list').textContent()).toContain('created the claim');
  });

  test('a lead sets the workspace quorum on the settings page, with the keyboard', async () => {
    const settings = await lead.context.newPage();
    await settings.goto(`${app.url}/w/${roles.wid}/settings`);
    const input = settings.getByTestId('quorum-input');
    await input.waitFor();
    expect(await input.inputValue()).toBe('3');
    await input.fill('0');
    await input.press('Enter');
    await expect.poll(() => settings.getByTestId('quorum-error').textContent()).toContain('from 1 to 50');
    await input.fill('2');
    await input.press('Enter');
    await expect.poll(() => settings.getByTestId('quorum-saved').textContent()).toContain('after 2 votes');
    expect((await roles.lead.get('/api/workspaces')).body.workspaces.find((w: { id: string }) => w.id === roles.wid)?.quorum).toBe(2);
    await settings.close();
  });

  test('with a quorum of 2, a second vote reveals: both pages show the verdicts and the consensus live', async () => {
    await fc2.page.getByTestId('vote-verdict').selectOption('mostly_inaccurate');
    await fc2.page.getByTestId('submit-vote').click();
    for (const person of [fc1, fc2]) {
      await expect.poll(() => person.page.getByTestId('consensus').textContent().catch(() => '')).toContain('Mostly inaccurate — 2 of 2 votes agree (100%)');
      await expect.poll(() => person.page.getByTestId('vote-item').count()).toBe(2);
    }
    const list = (await fc2.page.getByTestId('vote-list').textContent())!;
    expect(list).toContain('The budget report says 52 million.');
    expect(list).toContain('70%');
    // The history now says the claim was revealed (and fc2's open history refreshed itself).
    await fc2.page.getByTestId('history-event').filter({ hasText: 'revealed the votes' }).waitFor();
  });

  test('after reveal a blind vote is revised with a reason, never changed: it shows as revised and the consensus does not move', async () => {
    expect(await fc1.page.getByTestId('change-vote').count()).toBe(0);
    await fc1.page.getByTestId('revise-vote').click();
    await fc1.page.getByTestId('revise-verdict').selectOption('accurate');
    await fc1.page.getByTestId('submit-revision').click();
    await expect.poll(() => fc1.page.getByTestId('vote-error').textContent()).toContain('Say why');
    await fc1.page.getByTestId('revise-reason').fill('The footnote is about another bridge.');
    await fc1.page.getByTestId('submit-revision').click();
    for (const person of [fc1, fc2]) {
      const revised = person.page.getByTestId('vote-revised');
      await expect.poll(() => revised.textContent().catch(() => '')).toContain('revised to Accurate');
      expect(await revised.textContent()).toContain('The footnote is about another bridge.');
      expect(await person.page.getByTestId('consensus').textContent()).toContain('Mostly inaccurate — 2 of 2 votes agree (100%)');
    }
    expect((await roles.lead.get(`/api/claims/${claimA}`)).body.claim.tally.consensus).toBe('mostly_inaccurate');
  });

  test('a lead revealing below the quorum is asked to confirm, with the number of votes it reveals', async () => {
    await openClaim(fc1.page, CLAIM_B);
    await openClaim(lead.page, CLAIM_B);
    await fc1.page.getByTestId('vote-verdict').selectOption('accurate');
    await fc1.page.getByTestId('submit-vote').click();
    await expect.poll(() => lead.page.getByTestId('vote-count').textContent()).toContain('1 vote');
    await lead.page.getByTestId('reveal-votes').click();
    const question = lead.page.getByTestId('reveal-confirmation');
    await question.waitFor();
    expect(await question.textContent()).toContain('Only 1 vote of the 2 the quorum needs is in');
    expect((await roles.lead.get(`/api/claims/${claimB}`)).body.claim.revealed).toBe(false);
    await lead.page.getByTestId('reveal-anyway').click();
    await expect.poll(() => fc1.page.getByTestId('consensus').textContent().catch(() => '')).toContain('Accurate — 1 vote only');
  });

  test('the lead verifies a claim without evidence after writing the rationale and confirming; the other page shows Verified', async () => {
    expect(await fc1.page.getByTestId('sign-off').count()).toBe(0);
    await lead.page.getByTestId('set-status-verified').click();
    await lead.page.getByTestId('submit-status').click();
    await expect.poll(() => lead.page.getByTestId('status-error').textContent()).toContain('rationale');
    await lead.page.getByTestId('status-rationale').fill('The 2023 traffic count shows a 30 per cent fall.');
    await lead.page.getByTestId('submit-status').click();
    const confirmation = lead.page.getByTestId('status-confirmation');
    await confirmation.waitFor();
    expect(await confirmation.textContent()).toContain('has no evidence');
    await lead.page.getByTestId('verify-anyway').click();
    await confirmation.waitFor({ state: 'detached' });
    await expect.poll(() => detail(fc1.page).getByTestId('claim-status').textContent()).toBe('Verified');
    await expect.poll(async () => (await roles.lead.get(`/api/claims/${claimB}`)).body.claim.status).toBe('verified');
    const why = lead.page.getByTestId('sign-off-rationale');
    await expect.poll(() => why.textContent().catch(() => '')).toContain('The 2023 traffic count shows a 30 per cent fall.');
    expect(await lead.page.getByTestId('sign-off-override').textContent()).toContain('no evidence');
    await lead.page.getByTestId('toggle-history').click();
    await lead.page.getByTestId('history-event').filter({ hasText: '(override)' }).waitFor();
    // Signed off, the claim is read-only on the other page too: no note, confidence or evidence edits, no delete.
    await detail(fc1.page).getByTestId('claim-locked').waitFor();
    expect(await detail(fc1.page).getByTestId('claim-note').isDisabled()).toBe(true);
    expect(await detail(fc1.page).getByTestId('delete-claim').count()).toBe(0);
  });

  test('a comment and a reply appear, threaded, on the other page', async () => {
    await fc1.page.getByTestId('comment-input').fill('Which budget line is this?');
    await fc1.page.getByTestId('submit-comment').click();
    const first = lead.page.getByTestId('comment').filter({ hasText: 'Which budget line is this?' });
    await first.waitFor();
    await first.getByTestId('reply-comment').click();
    await lead.page.getByTestId('comment-input').fill('Capital works, line 14.');
    await lead.page.getByTestId('submit-comment').click();
    const reply = fc1.page.getByTestId('comment').filter({ hasText: 'Capital works, line 14.' });
    await reply.waitFor();
    expect(await reply.getAttribute('data-depth')).toBe('1');
    const comments = await roles.lead.get(`/api/claims/${claimB}`);
    expect(comments.body.claim.comments).toHaveLength(2);
    expect(comments.body.claim.comments[1].replyTo).toBe(comments.body.claim.comments[0].id);
  });

  test('a suggested sentence is added as a claim, and a cited footnote is attached as evidence', async () => {
    const page = lead.page;
    await page.getByTestId('back-to-claims').click();
    await page.getByTestId('tab-suggestions').click();
    const suggestion = page.getByTestId('suggested-claim').filter({ hasText: 'second term' });
    await suggestion.waitFor();
    await suggestion.getByTestId('add-suggested-claim').click();
    await detail(page).filter({ hasText: 'second term' }).waitFor();
    await expect.poll(() => detail(fc1.page).getByTestId('claim-count').textContent()).toBe('3');
    await expect.poll(async () => (await roles.lead.get(`/api/documents/${documentId}/claims`)).body.claims.some((c: { anchor: { exact: string } }) => c.anchor.exact.includes('second term'))).toBe(true);

    await page.getByTestId('back-to-claims').click();
    await page.getByTestId('tab-suggestions').click();
    const footnote = page.getByTestId('suggested-evidence').filter({ hasText: 'Footnote 1' });
    await footnote.waitFor();
    await footnote.getByTestId('evidence-stance').selectOption('refutes');
    await footnote.getByTestId('attach-footnote').click();
    await expect.poll(() => footnote.getByTestId('attach-result').textContent()).toBe('Attached');
    await expect
      .poll(async () => (await roles.lead.get(`/api/claims/${claimA}`)).body.claim.evidence.map((e: { title: string | null; stance: string }) => `${e.title}:${e.stance}`))
      .toEqual(['Footnote 1:refutes']);
    // The other page shows it under the claim live.
    await fc2.page.getByTestId('back-to-claims').click();
    await openClaim(fc2.page, CLAIM_A);
    await detail(fc2.page).getByText('Footnote 1').first().waitFor();
  });

  test('no errors on any page', () => {
    expect(pageErrors).toEqual([]);
  });
});
