import { readFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page, WebSocket as PageSocket } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startApp, type TestApp } from '../helpers/app';
import { addSession, centreOfQuote, launchBrowser, screenshotPath, selectQuote, skipIfNoBrowser } from '../helpers/browser';
import { signUp, type Client } from '../helpers/client';

// Two people annotate one document together in two browsers (plus a viewer in a third), through
// the production build against the real server. The tests run in order, each building on the last.

const ARTICLE = readFileSync(new URL('./fixtures/harbour-article.txt', import.meta.url), 'utf8');
const STUDY = readFileSync(new URL('./fixtures/feasibility-study.txt', import.meta.url), 'utf8');

const CLAIM_1 = "dredging the eastern harbour will double the port's cargo capacity by 2027";
const CLAIM_2 = 'the work would cost 48 million euros and create 900 local jobs';
const CLAIM_3 = 'capacity would rise by about 40 per cent, not 100 per cent';
const STUDY_PASSAGE = 'deepening alone is expected to raise annual capacity by approximately 40 per cent';

interface Person {
  name: string;
  client: Client;
  context: BrowserContext;
  page: Page;
  /** Sync update frames (y-protocols type 0, sub-type 2) this page sent, with the time of each. */
  updatesSent: number[];
}

describe.skipIf(skipIfNoBrowser())('annotating a document together in the browser', () => {
  let app: TestApp;
  let browser: Browser;
  let lead: Client;
  let workspaceId: string;
  let articleId: string;
  let studyId: string;
  let ada: Person; // lead
  let ben: Person; // annotator
  let val: Person; // viewer
  const pageErrors: string[] = [];
  let claim1 = '';


  /** A browser context signed in as `client` (its session cookie), with the document open. */
  async function openAs(name: string, client: Client, documentId = articleId): Promise<Person> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    // Fail a step with its own message well before the test's timeout.
    context.setDefaultTimeout(15_000);
    await addSession(context, app.url, client);
    const person: Person = { name, client, context, page: null as unknown as Page, updatesSent: [] };
    person.page = await openPage(person, documentId);
    return person;
  }

  async function openPage(person: Person, documentId = articleId): Promise<Page> {
    const page = await person.context.newPage();
    page.on('pageerror', (error) => pageErrors.push(`${person.name}: ${error.message}`));
    page.on('websocket', (socket: PageSocket) =>
      socket.on('framesent', ({ payload }) => {
        if (typeof payload !== 'string' && payload[0] === 0 && payload[1] === 2) person.updatesSent.push(Date.now());
      }),
    );
    await page.goto(`${app.url}/d/${documentId}`);
    await page.getByTestId('reader-text').waitFor();
    await page.waitForFunction(() => document.querySelector('[data-testid="saved-state"]')?.getAttribute('data-status') !== 'connecting');
    return page;
  }

  /** The names of the CSS highlights holding a range over exactly `exact`. */
  function highlightsOver(page: Page, exact: string): Promise<string[]> {
    return page.evaluate((quote) => {
      const names: string[] = [];
      CSS.highlights.forEach((highlight, name) => {
        for (const range of highlight) if ((range as Range).toString() === quote) names.push(name);
      });
      return names;
    }, exact);
  }

  const detail = (page: Page) => page.getByTestId('claim-detail');
  const item = (page: Page, exact: string) => page.getByTestId('claim-item').filter({ hasText: exact.slice(0, 40) });

  async function openClaim(page: Page, exact: string) {
    if (await detail(page).isVisible()) await page.getByTestId('back-to-claims').click();
    await item(page, exact).click();
    await detail(page).filter({ hasText: exact }).waitFor();
  }

  beforeAll(async () => {
    app = await startApp();
    lead = await signUp(app.url, 'Ada Okafor');
    workspaceId = (await lead.post('/api/workspaces', { name: 'Harbour desk' })).body.workspace.id;
    const members = { annotator: await signUp(app.url, 'Ben Marsh'), viewer: await signUp(app.url, 'Val Ortiz') };
    for (const [role, client] of Object.entries(members)) {
      const added = await lead.post(`/api/workspaces/${workspaceId}/members`, { email: client.user!.email, role });
      if (added.status !== 201) throw new Error(`add member failed: ${added.status}`);
    }
    articleId = (await lead.post(`/api/workspaces/${workspaceId}/documents`, { title: 'Harbour dredging will double cargo capacity', text: ARTICLE }))
      .body.document.id;
    studyId = (await lead.post(`/api/workspaces/${workspaceId}/documents`, { title: 'Eastern Harbour Feasibility Study (2019)', text: STUDY })).body
      .document.id;
    browser = await launchBrowser();
    ada = await openAs('Ada', lead);
    ben = await openAs('Ben', members.annotator);
    val = await openAs('Val', members.viewer);
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  test('everyone in the document sees the others in the presence bar, each in their own colour', async () => {
    await ada.page.getByTestId('presence-person').filter({ hasText: 'Ben Marsh' }).waitFor();
    await ben.page.getByTestId('presence-person').filter({ hasText: 'Ada Okafor' }).waitFor();
    await ben.page.getByTestId('presence-person').filter({ hasText: 'Val Ortiz' }).waitFor();
    const colourOf = (page: Page, name: string) =>
      page.getByTestId('presence-person').filter({ hasText: name }).locator('.avatar').evaluate((el) => getComputedStyle(el).backgroundColor);
    expect(await colourOf(ada.page, 'Ben Marsh')).toBe(await colourOf(val.page, 'Ben Marsh'));
    expect(await colourOf(ben.page, 'Ada Okafor')).not.toBe(await colourOf(ben.page, 'Val Ortiz'));
    expect(await ada.page.getByTestId('claims-empty').textContent()).toContain('select a passage');
  });

  // How fast it arrives is measured by the render benchmark (npm run bench -- --only=render), not here.
  test('a passage one person selects and adds as a claim is highlighted live for the other, without a reload', async () => {
    await selectQuote(ada.page, CLAIM_1);
    const button = ada.page.getByTestId('add-claim');
    await button.waitFor();
    // A mark on Ben's page that a reload would wipe: the claim has to reach this same page live.
    await ben.page.evaluate(() => ((window as unknown as { samePage: boolean }).samePage = true));
    await button.click();
    // A claim's highlight, not Ada's selection (which Ben sees too, as a cb-peer-* highlight).
    await ben.page.waitForFunction(
      (quote) => [...(CSS.highlights.get('cb-claim-open') ?? [])].some((r) => (r as Range).toString() === quote),
      CLAIM_1,
      { polling: 16, timeout: 5000 },
    );
    expect(await ben.page.evaluate(() => (window as unknown as { samePage?: boolean }).samePage)).toBe(true);

    expect(await highlightsOver(ben.page, CLAIM_1)).toContain('cb-claim-open');
    await detail(ada.page).waitFor();
    expect(await ada.page.getByTestId('claim-exact').textContent()).toBe(CLAIM_1);
    claim1 = (await detail(ada.page).getAttribute('data-claim-id'))!;
    // The creator's own view: the claim is focused, and nothing is left selected.
    expect(await highlightsOver(ada.page, CLAIM_1)).toEqual(expect.arrayContaining(['cb-claim-open', 'cb-claim-focus']));
    expect(await ada.page.evaluate(() => document.getSelection()?.isCollapsed)).toBe(true);
    await expect.poll(() => ben.page.getByTestId('claim-item').count()).toBe(1);
    // The server filled in who made it.
    await expect.poll(async () => (await lead.get(`/api/claims/${claim1}`)).body.claim?.createdBy?.name).toBe('Ada Okafor');
  });

  test('clicking a highlighted passage opens its claim, and the others see who is looking at it', async () => {
    const { x, y } = await centreOfQuote(ben.page, CLAIM_1);
    await ben.page.mouse.move(x, y);
    await expect.poll(() => highlightsOver(ben.page, CLAIM_1)).toContain('cb-claim-hover');
    await ben.page.mouse.click(x, y);
    await detail(ben.page).filter({ hasText: CLAIM_1 }).waitFor();
    // Ada sees Ben's colour dot on the claim (in her open detail, and in the list).
    await detail(ada.page).getByText('Ben Marsh').waitFor();
    await ada.page.keyboard.press('Escape');
    await item(ada.page, CLAIM_1).getByTestId('claim-watchers').waitFor();
    expect(await item(ada.page, CLAIM_1).getByTestId('claim-watchers').textContent()).toContain('Ben Marsh');
  });

  test('a confidence drag by one person reaches the other live, sent at a bounded rate with its final value', async () => {
    await openClaim(ada.page, CLAIM_1);
    const slider = ben.page.getByTestId('confidence-slider');
    const box = (await slider.boundingBox())!;
    const y = box.y + box.height / 2;
    const sentBefore = ben.updatesSent.length;
    await slider.evaluate((input) => {
      const counter = { count: 0 };
      input.addEventListener('input', () => counter.count++);
      (window as unknown as { inputs: typeof counter }).inputs = counter;
    });
    await ben.page.mouse.move(box.x + box.width * 0.1, y);
    await ben.page.mouse.down();
    const started = Date.now();
    const moves = 60;
    await ben.page.mouse.move(box.x + box.width * 0.72, y, { steps: moves });
    await ben.page.mouse.up();
    const dragMs = Date.now() - started;
    const final = (await ben.page.getByTestId('confidence-value').textContent())!;
    expect(final).toMatch(/^\d+%$/);
    await expect.poll(() => ada.page.getByTestId('confidence-value').textContent()).toBe(final);
    const sent = ben.updatesSent.length - sentBefore;
    const changes = await ben.page.evaluate(() => (window as unknown as { inputs: { count: number } }).inputs.count);
    console.info(`confidence drag: ${changes} slider changes over ${dragMs} ms → ${sent} updates sent`);
    // ≤ 10 a second, plus the first and the final one; never one per change of a fast drag.
    expect(sent).toBeLessThanOrEqual(Math.ceil(dragMs / 100) + 2);
    if (changes > Math.ceil(dragMs / 100) + 2) expect(sent).toBeLessThan(changes);
    await expect.poll(async () => `${(await lead.get(`/api/claims/${claim1}`)).body.claim.confidence}%`).toBe(final);
    expect(await ada.page.getByTestId('saved-state').textContent()).toContain('Saved');
  });

  test('evidence added by one person (a link, a quotation, a passage of another document) appears under the claim for the other', async () => {
    const form = () => ada.page.getByTestId('evidence-form');
    await ada.page.getByTestId('add-evidence').click();
    await form().getByTestId('evidence-url').fill('https://example.org/council-minutes');
    await form().getByTestId('evidence-title').fill('Council minutes, 12 March');
    await form().getByTestId('evidence-excerpt').fill('The mayor said capacity would double.');
    await form().getByText('Supports').click();
    await form().getByTestId('submit-evidence').click();

    await ada.page.getByTestId('add-evidence').click();
    await form().getByText('Quotation').click();
    await form().getByTestId('evidence-excerpt').fill('The cranes, not the channel, are the bottleneck.');
    await form().getByTestId('evidence-title').fill('Port engineer, interview');
    await form().getByText('Refutes').click();
    await form().getByTestId('submit-evidence').click();

    await ada.page.getByTestId('add-evidence').click();
    await form().getByText('Passage').click();
    await form().getByTestId('choose-passage').click();
    const picker = ada.page.getByTestId('passage-picker');
    await picker.getByTestId('picker-document').filter({ hasText: 'Feasibility Study' }).click();
    await picker.getByTestId('passage-text').waitFor();
    await selectQuote(ada.page, STUDY_PASSAGE, 'passage-text');
    await expect.poll(() => picker.getByTestId('picker-selection').textContent()).toContain(STUDY_PASSAGE);
    await picker.getByTestId('use-passage').click();
    await form().getByTestId('picked-passage').waitFor();
    await form().getByText('Refutes').click();
    await form().getByTestId('submit-evidence').click();

    const evidence = ben.page.getByTestId('evidence-item');
    await expect.poll(() => evidence.count()).toBe(3);
    expect(await evidence.nth(0).getAttribute('data-stance')).toBe('supports');
    expect(await evidence.nth(0).textContent()).toContain('Council minutes, 12 March');
    expect(await evidence.nth(0).locator('a').getAttribute('href')).toBe('https://example.org/council-minutes');
    expect(await evidence.nth(1).textContent()).toContain('The cranes, not the channel, are the bottleneck.');
    expect(await evidence.nth(1).getAttribute('data-stance')).toBe('refutes');
    expect(await evidence.nth(2).getAttribute('data-kind')).toBe('document');
    expect(await evidence.nth(2).textContent()).toContain(STUDY_PASSAGE);
    // It opens the other document at the passage (links.e2e.test.ts follows it).
    const at = STUDY.indexOf(STUDY_PASSAGE);
    expect(await evidence.nth(2).locator('a').getAttribute('href')).toBe(`/d/${studyId}#passage-${at}-${at + STUDY_PASSAGE.length}`);
    // Who added it is filled in by the server.
    await expect.poll(() => evidence.nth(2).textContent()).toContain('Ada Okafor');

    // The passage is anchored in the other document's text.
    const { claim } = (await lead.get(`/api/claims/${claim1}`)).body;
    const passage = claim.evidence.find((e: { kind: string }) => e.kind === 'document')!;
    expect(passage.documentId).toBe(studyId);
    const studyText: string = (await lead.get(`/api/documents/${studyId}`)).body.document.text;
    expect(studyText.slice(passage.anchor!.start, passage.anchor!.end)).toBe(STUDY_PASSAGE);

    // Removing one is seen by the other.
    await ada.page.getByTestId('evidence-item').nth(1).getByTestId('remove-evidence').click();
    // Removing evidence asks first.
    await ada.page.getByTestId('confirm-remove').click();
    await expect.poll(() => evidence.count()).toBe(2);
  });

  test('two people typing in the note at the same time both keep what they typed', async () => {
    const adaNote = ada.page.getByTestId('claim-note');
    const benNote = ben.page.getByTestId('claim-note');
    await adaNote.click();
    await benNote.click();
    const adaText = 'Ada checked the port authority figures. ';
    const benText = 'Ben called the council press office. ';
    await Promise.all([ada.page.keyboard.type(adaText, { delay: 25 }), ben.page.keyboard.type(benText, { delay: 25 })]);
    await expect.poll(async () => (await adaNote.inputValue()) === (await benNote.inputValue()) && (await adaNote.inputValue()).length).toBe(
      adaText.length + benText.length,
    );
    const merged = await adaNote.inputValue();
    expect(merged).toContain(adaText);
    expect(merged).toContain(benText);
    await expect.poll(async () => (await lead.get(`/api/claims/${claim1}`)).body.claim.note).toBe(merged);

    // Typing in the middle while the other edits: the caret stays where the person is typing.
    await ada.page.keyboard.press('Control+End');
    await ben.page.keyboard.press('Control+Home');
    await ben.page.keyboard.type('NB: ', { delay: 20 });
    await expect.poll(() => adaNote.inputValue()).toMatch(/^NB: /);
    await ada.page.keyboard.type('Both confirm 71m.', { delay: 20 });
    await expect.poll(() => benNote.inputValue()).toBe(`NB: ${merged}Both confirm 71m.`);
  });

  test('a claim made with the keyboard shortcut, tagged by the other person, is found by the tag filter and sorted by confidence', async () => {
    await ben.page.getByTestId('back-to-claims').click();
    await selectQuote(ben.page, CLAIM_2);
    await ben.page.getByTestId('add-claim').waitFor();
    await ben.page.keyboard.press('a');
    await detail(ben.page).filter({ hasText: CLAIM_2 }).waitFor();
    await expect.poll(() => ada.page.getByTestId('claim-count').textContent()).toBe('2');

    await openClaim(ada.page, CLAIM_2);
    await ada.page.getByTestId('tag-input').fill('cost');
    await ada.page.getByTestId('tag-input').press('Enter');
    await ada.page.getByTestId('tag-input').fill('jobs');
    await ada.page.getByTestId('tag-input').press('Enter');
    await expect.poll(() => ben.page.getByTestId('tag').allTextContents()).toEqual([expect.stringContaining('cost'), expect.stringContaining('jobs')]);

    await ben.page.getByTestId('back-to-claims').click();
    await ben.page.getByTestId('filter-tag').selectOption('cost');
    await expect.poll(() => ben.page.getByTestId('claim-item').count()).toBe(1);
    expect(await ben.page.getByTestId('claim-item').textContent()).toContain(CLAIM_2);
    await ben.page.getByTestId('filter-tag').selectOption('');
    await ben.page.getByTestId('sort-claims').selectOption('confidence');
    // Claim 1 has a rating, claim 2 has none: rated first.
    expect(await ben.page.getByTestId('claim-item').first().textContent()).toContain(CLAIM_1.slice(0, 40));
    await ben.page.getByTestId('sort-claims').selectOption('position');
  });

  test('j and k move between claims, Enter opens the focused one, Escape closes it and then clears the focus', async () => {
    const page = ben.page;
    await page.locator('body').click({ position: { x: 5, y: 300 } });
    await page.keyboard.press('j');
    expect(await highlightsOver(page, CLAIM_1)).toContain('cb-claim-focus');
    await page.keyboard.press('j');
    expect(await highlightsOver(page, CLAIM_2)).toContain('cb-claim-focus');
    expect(await highlightsOver(page, CLAIM_1)).not.toContain('cb-claim-focus');
    await page.keyboard.press('k');
    expect(await highlightsOver(page, CLAIM_1)).toContain('cb-claim-focus');
    await page.keyboard.press('Enter');
    await detail(page).filter({ hasText: CLAIM_1 }).waitFor();
    await page.keyboard.press('Escape');
    await page.getByTestId('claim-list').waitFor();
    await page.keyboard.press('Escape');
    await expect.poll(() => highlightsOver(page, CLAIM_1)).not.toContain('cb-claim-focus');
    // Letters typed into a field are text, not shortcuts.
    await openClaim(page, CLAIM_2);
    await page.getByTestId('tag-input').fill('');
    await page.getByTestId('tag-input').press('j');
    expect(await page.getByTestId('tag-input').inputValue()).toBe('j');
    await page.getByTestId('tag-input').fill('');
    await page.getByTestId('back-to-claims').click();
  });

  test('a viewer sees everything live with every control disabled, and a forced edit reaches no one and is shown as not saved', async () => {
    const page = val.page;
    await page.getByTestId('read-only').waitFor();
    expect(await page.getByTestId('saved-state').textContent()).toContain('Live');
    await expect.poll(() => page.getByTestId('claim-item').count()).toBe(2);
    await expect.poll(() => highlightsOver(page, CLAIM_2)).toContain('cb-claim-open');
    await openClaim(page, CLAIM_1);
    expect(await page.getByTestId('confidence-slider').isDisabled()).toBe(true);
    expect(await page.getByTestId('claim-note').isDisabled()).toBe(true);
    expect(await page.getByTestId('add-evidence').count()).toBe(0);
    expect(await page.getByTestId('delete-claim').count()).toBe(0);
    expect(await page.getByTestId('tag-input').count()).toBe(0);
    expect(await page.getByTestId('remove-evidence').count()).toBe(0);
    await selectQuote(page, CLAIM_3);
    await page.waitForTimeout(200);
    expect(await page.getByTestId('add-claim').count()).toBe(0);
    await page.keyboard.press('a');

    // Live: Ada's change of confidence reaches the viewer.
    await openClaim(ada.page, CLAIM_1);
    const slider = ada.page.getByTestId('confidence-slider');
    await slider.focus();
    await slider.press('ArrowRight');
    const adaValue = (await ada.page.getByTestId('confidence-value').textContent())!;
    await expect.poll(() => page.getByTestId('confidence-value').textContent()).toBe(adaValue);

    // Forced: the disabled slider re-enabled by hand; the change stays in the viewer's own tab.
    await page.getByTestId('confidence-slider').evaluate((input: HTMLInputElement) => {
      input.disabled = false;
      input.value = '3';
      input.dispatchEvent(new Event('input', { bubbles: true }));
      input.dispatchEvent(new Event('change', { bubbles: true }));
    });
    expect(await page.getByTestId('confidence-value').textContent()).toBe('3%');
    await page.waitForTimeout(800);
    expect(await ada.page.getByTestId('confidence-value').textContent()).toBe(adaValue);
    expect(`${(await lead.get(`/api/claims/${claim1}`)).body.claim.confidence}%`).toBe(adaValue);
    expect(await ben.page.getByTestId('claim-count').textContent()).toBe('2');
    // The server answered the write with permission-denied: the viewer is told it was not saved.
    await expect.poll(() => page.getByTestId('saved-state').getAttribute('data-status')).toBe('denied');
    expect(await page.getByTestId('saved-state').textContent()).toContain('Read-only — changes not saved');
    expect(await page.getByTestId('saved-state').getAttribute('title')).toBeTruthy();
    await page.evaluate(() => document.getSelection()?.removeAllRanges());
  });

  test('the reader with claims, evidence and two people present (README screenshot)', async () => {
    // Statuses are the lead's decisions, made through the API; a third claim overlaps the first.
    const claims = (await lead.get(`/api/documents/${articleId}/claims`)).body.claims as Array<{ id: string; anchor: { exact: string } }>;
    const second = claims.find((c) => c.anchor.exact === CLAIM_2)!;
    expect((await lead.post(`/api/claims/${claim1}/status`, { status: 'in_review' })).status).toBe(200);
    expect((await lead.post(`/api/claims/${second.id}/status`, { status: 'verified', confirm: true, rationale: 'The council minutes give the same figure.' })).status).toBe(200);
    const overlapping = await lead.post(`/api/documents/${articleId}/claims`, { exact: 'double the port', confidence: 30 });
    expect(overlapping.status).toBe(201);
    const third = await lead.post(`/api/documents/${articleId}/claims`, { exact: CLAIM_3, confidence: 85 });
    expect(third.status).toBe(201);
    await lead.post(`/api/claims/${third.body.claim.id}/status`, { status: 'rejected', confirm: true, rationale: 'The port authority reports a different figure.' });
    await expect.poll(() => ada.page.getByTestId('claim-count').textContent()).toBe('4');
    await expect.poll(() => highlightsOver(ada.page, CLAIM_1)).toContain('cb-claim-in_review');
    expect(await highlightsOver(ada.page, 'double the port')).toContain('cb-claim-overlap');

    await openClaim(ada.page, CLAIM_1);
    await openClaim(ben.page, CLAIM_1);
    const benSelects = 'Critics point out that the 2019 feasibility study put the cost at 71 million euros';
    await selectQuote(ben.page, benSelects);
    await expect.poll(async () => (await highlightsOver(ada.page, benSelects)).some((name) => name.startsWith('cb-peer-'))).toBe(true);
    await ada.page.mouse.move(5, 700);
    await ada.page.evaluate(() => window.scrollTo(0, 0));
    await ada.page.screenshot({ path: screenshotPath('reader-claims.png') });
    await ben.page.evaluate(() => document.getSelection()?.removeAllRanges());
  });

  test('a deleted claim can be brought back by the person who deleted it, with its note and evidence', async () => {
    // A signed-off claim is locked (its note cannot change, and a delete is undone by the server): the lead reopens it first.
    const signedOff = ((await lead.get(`/api/documents/${articleId}/claims`)).body.claims as Array<{ id: string; anchor: { exact: string } }>).find((c) => c.anchor.exact === CLAIM_2)!;
    expect((await lead.post(`/api/claims/${signedOff.id}/status`, { status: 'in_review', reason: 'The note needs a source.' })).status).toBe(200);
    await expect.poll(() => highlightsOver(ben.page, CLAIM_2)).toContain('cb-claim-in_review');
    await openClaim(ada.page, CLAIM_2);
    await ada.page.getByTestId('claim-note').fill('Source: mayor’s press release.');
    await ada.page.getByTestId('delete-claim').click();
    await expect.poll(() => highlightsOver(ben.page, CLAIM_2)).toEqual([]);
    await expect.poll(() => ben.page.getByTestId('claim-count').textContent()).toBe('3');
    await ada.page.getByTestId('undo-toast').waitFor();
    expect(await ben.page.getByTestId('undo-toast').count()).toBe(0);
    await ada.page.getByTestId('undo-delete').click();
    await expect.poll(() => ben.page.getByTestId('claim-count').textContent()).toBe('4');
    await expect.poll(async () => (await highlightsOver(ben.page, CLAIM_2)).length).toBeGreaterThan(0);
    await detail(ada.page).filter({ hasText: CLAIM_2 }).waitFor();
    expect(await ada.page.getByTestId('claim-note').inputValue()).toBe('Source: mayor’s press release.');
    expect(await ada.page.getByTestId('tag').allTextContents()).toEqual([expect.stringContaining('cost'), expect.stringContaining('jobs')]);
    const claims = (await lead.get(`/api/documents/${articleId}/claims`)).body.claims as Array<{ anchor: { exact: string }; note: string }>;
    expect(claims.find((c) => c.anchor.exact === CLAIM_2)?.note).toBe('Source: mayor’s press release.');
  });

  test('edits made offline are kept, shown as such, and reach the others on reconnecting', async () => {
    await openClaim(ada.page, CLAIM_1);
    await openClaim(ben.page, CLAIM_1);
    await ada.context.setOffline(true);
    await expect.poll(() => ada.page.getByTestId('saved-state').textContent()).toContain('Offline — changes kept on this device');
    const note = ada.page.getByTestId('claim-note');
    await note.press('End');
    await ada.page.keyboard.type(' Offline edit.');
    await ada.page.getByTestId('tag-input').fill('offline');
    await ada.page.getByTestId('tag-input').press('Enter');
    await ada.page.waitForTimeout(700);
    expect(await ben.page.getByTestId('claim-note').inputValue()).not.toContain('Offline edit.');

    await ada.context.setOffline(false);
    await expect.poll(() => ben.page.getByTestId('claim-note').inputValue()).toContain('Offline edit.');
    await expect.poll(() => ben.page.getByTestId('tag').allTextContents()).toEqual([expect.stringContaining('offline')]);
    await expect.poll(() => ada.page.getByTestId('saved-state').textContent()).toContain('Saved');
  });

  test('edits made offline survive closing the page, and reach the others when it is opened again', async () => {
    await ada.context.setOffline(true);
    await expect.poll(() => ada.page.getByTestId('saved-state').getAttribute('data-status')).toBe('offline');
    await ada.page.getByTestId('claim-note').press('End');
    await ada.page.keyboard.type(' Kept on this device.');
    await ada.page.waitForTimeout(300);
    await ada.page.close();
    await ada.context.setOffline(false);
    expect(await ben.page.getByTestId('claim-note').inputValue()).not.toContain('Kept on this device.');

    ada.page = await openPage(ada);
    await expect.poll(() => ben.page.getByTestId('claim-note').inputValue(), { timeout: 10_000 }).toContain('Kept on this device.');
    await expect.poll(() => ada.page.getByTestId('saved-state').textContent()).toContain('Saved');
  });

  // The time this takes (page opened → all highlighted, and after the claims arrived) and the cost
  // of hit-testing are measured by the render benchmark (npm run bench -- --only=render); this test
  // checks that the work stays bounded: every claim painted without a DOM node of its own, the list
  // cut short, and a burst of pointer moves hit-tested once per frame with the right claim hovered.
  test('two thousand claims are all highlighted without adding DOM nodes, and a burst of pointer moves is hit-tested once per frame', async () => {
    const { connect, synced } = await import('../helpers/collab');
    const { claimsOf, newClaim } = await import('../../server/shared/claim-doc');
    const { anchorFromRange } = await import('../../server/anchoring');
    const sentence = 'The port handled 1.2 million containers last year, up 4 per cent. ';
    const text = sentence.repeat(500);
    const id = (await lead.post(`/api/workspaces/${workspaceId}/documents`, { title: 'Many claims', text })).body.document.id as string;
    const storedText: string = (await lead.get(`/api/documents/${id}`)).body.document.text;
    const writer = await connect(app.url, id, lead);
    await synced(writer);
    // Four claims in every sentence, sent in batches of 500.
    for (let batch = 0; batch < 4; batch++) {
      writer.doc.transact(() => {
        for (let i = 0; i < 500; i++) {
          const start = i * sentence.length + batch * 16;
          const claimId = crypto.randomUUID();
          claimsOf(writer.doc).set(claimId, newClaim({ id: claimId, anchor: anchorFromRange(storedText, start, start + 12) }));
        }
      });
    }
    await writer.saved.whenSaved();
    writer.destroy();

    const page = await ben.context.newPage();
    page.on('pageerror', (error) => pageErrors.push(`Ben (2,000 claims): ${error.message}`));
    await page.goto(`${app.url}/d/${id}`);
    const claimRanges = () =>
      page.evaluate(() => [...CSS.highlights].filter(([name]) => /^cb-claim-(open|in_review|verified|rejected)$/.test(name)).reduce((n, [, h]) => n + h.size, 0));
    await expect.poll(claimRanges, { timeout: 20_000 }).toBe(2000);
    // Highlights are ranges over the text: the reader holds one element per paragraph, whatever the number of claims.
    const dom = await page.evaluate(() => {
      const reader = document.querySelector('[data-testid="reader-text"]')!;
      return { elements: reader.querySelectorAll('*').length, paragraphs: reader.querySelectorAll('p').length };
    });
    expect(dom.paragraphs).toBeGreaterThan(0);
    expect(dom.elements).toBe(dom.paragraphs);
    expect(await page.getByTestId('claim-item').count()).toBeLessThan(200);
    expect(await page.getByTestId('more-claims').textContent()).toContain('not shown');

    // 50 pointer moves within one frame, the last over the first claim: hit-tested once (the caret
    // lookups counted), and that claim is the one hovered.
    const hover = await page.evaluate(async () => {
      let lookups = 0;
      const own = document as unknown as Record<string, unknown>;
      for (const name of ['caretPositionFromPoint', 'caretRangeFromPoint']) {
        const original = own[name];
        if (typeof original === 'function') own[name] = (x: number, y: number) => (lookups++, original.call(document, x, y));
      }
      const p = document.querySelector('[data-testid="reader-text"] p')!;
      const firstClaim = document.createRange();
      firstClaim.setStart(p.firstChild!, 0);
      firstClaim.setEnd(p.firstChild!, 12);
      const box = firstClaim.getClientRects()[0];
      const last = { x: box.left + box.width / 2, y: box.top + box.height / 2 };
      const move = (x: number, y: number) => p.dispatchEvent(new MouseEvent('mousemove', { bubbles: true, clientX: x, clientY: y }));
      for (let i = 0; i < 49; i++) move(box.left + 200 + i * 3, last.y + 40);
      move(last.x, last.y);
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      const ranges = [...(CSS.highlights.get('cb-claim-hover') ?? [])] as Range[];
      const under = ranges.some((range) => [...range.getClientRects()].some((r) => r.left <= last.x && last.x <= r.right && r.top <= last.y && last.y <= r.bottom));
      return { lookups, hovered: ranges.map((r) => r.toString()), under };
    });
    expect(hover.lookups).toBe(1);
    expect(hover.hovered).toHaveLength(1);
    expect(hover.hovered[0]).toBe(storedText.slice(0, 12));
    expect(hover.under).toBe(true);
    await page.close();
  });

  test('being signed out elsewhere is told in words, with a way to sign in again', async () => {
    const out = await ada.context.request.post(`${app.url}/api/auth/logout`, { headers: { origin: app.url } });
    expect(out.status()).toBe(204);
    // The open connection stays authenticated; the next one is refused.
    await ada.context.setOffline(true);
    await ada.context.setOffline(false);
    const problem = ada.page.getByTestId('connection-problem');
    await problem.waitFor();
    expect(await problem.textContent()).toContain('You were signed out');
    expect(await problem.getByRole('link', { name: 'Sign in' }).getAttribute('href')).toBe('/login');
    expect(await ada.page.getByTestId('saved-state').textContent()).toContain('Not connected');
  });

  test('no page raised an uncaught error in the browser', () => {
    expect(pageErrors).toEqual([]);
  });
});
