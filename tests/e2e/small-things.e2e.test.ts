import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { formatBytes } from '../../web/src/lib/format';
import { startApp, type TestApp } from '../helpers/app';
import { addSession, recordPageErrors, launchBrowser, screenshotPath, skipIfNoBrowser } from '../helpers/browser';
import { addFactcheckers, signUp, type Client } from '../helpers/client';

// The smaller things of a user report (issue 15 item 9), each checked as a person meets it, through
// the production build against the real server: the saved state, the panel's tabs, one person in
// two tabs, posting comments from the keyboard, the sign-off and reveal questions, an unrated
// slider, agreement over too few votes, and the upload size limit. The tests run in order.

const CLAIM_COMMENTS = 'The council spent 12 million euros on the new library.';
const CLAIM_SIGN = 'Visitor numbers doubled in the first year.';
const CLAIM_SLIDER = 'The library opens seven days a week.';
const CLAIM_VOTES = 'Half of the books were bought second hand.';
const CLAIM_REVEAL = 'The architect also designed the town hall.';
const TEXT = [
  'The town opened its new library in May.',
  CLAIM_COMMENTS,
  CLAIM_SIGN,
  CLAIM_SLIDER,
  CLAIM_VOTES,
  CLAIM_REVEAL,
  'Readers have welcomed the longer opening hours.',
].join('\n\n');

/** A small limit, so that "too large" needs no large buffer. */
const MAX_UPLOAD_BYTES = 100_000;

interface Person {
  name: string;
  context: BrowserContext;
  page: Page;
}

describe.skipIf(skipIfNoBrowser())('the smaller things of the reader, dashboard and uploads', () => {
  let app: TestApp;
  let browser: Browser;
  let lead: Client;
  let annotator: Client;
  let workspaceId: string;
  let documentId: string;
  let ada: Person; // lead
  let ben: Person; // annotator, with a second tab in the same context
  let benSecond: Page;
  /** Claim ids by their quote. */
  const claimIds = new Map<string, string>();
  /** Uncaught errors and console errors of every page, with whose page. */
  const errors: string[] = [];


  async function openDocument(context: BrowserContext, name: string): Promise<Page> {
    const page = await context.newPage();
    recordPageErrors(page, name, errors);
    await page.goto(`${app.url}/d/${documentId}`);
    await page.getByTestId('reader-text').waitFor();
    await page.waitForFunction(() => document.querySelector('[data-testid="saved-state"]')?.getAttribute('data-status') === 'saved');
    return page;
  }

  async function openAs(name: string, client: Client): Promise<Person> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    context.setDefaultTimeout(15_000);
    await addSession(context, app.url, client);
    return { name, context, page: await openDocument(context, name) };
  }

  const detail = (page: Page) => page.getByTestId('claim-detail');
  const item = (page: Page, exact: string) => page.getByTestId('claim-item').filter({ hasText: exact.slice(0, 30) });

  async function openClaim(page: Page, exact: string) {
    if (await detail(page).isVisible()) await page.getByTestId('back-to-claims').click();
    await item(page, exact).click();
    await detail(page).filter({ hasText: exact }).waitFor();
  }

  async function backToList(page: Page) {
    if (await detail(page).isVisible()) await page.getByTestId('back-to-claims').click();
    await page.getByTestId('claim-item').first().waitFor();
  }

  beforeAll(async () => {
    app = await startApp({ maxUploadBytes: MAX_UPLOAD_BYTES });
    lead = await signUp(app.url, 'Ada Okafor');
    annotator = await signUp(app.url, 'Ben Marsh');
    workspaceId = (await lead.post('/api/workspaces', { name: 'Library desk' })).body.workspace.id;
    const added = await lead.post(`/api/workspaces/${workspaceId}/members`, { email: annotator.user!.email, role: 'annotator' });
    if (added.status !== 201) throw new Error(`add member failed: ${added.status}`);
    documentId = (await lead.post(`/api/workspaces/${workspaceId}/documents`, { title: 'The new library', text: TEXT })).body.document.id;
    for (const exact of [CLAIM_COMMENTS, CLAIM_SIGN, CLAIM_SLIDER, CLAIM_VOTES, CLAIM_REVEAL]) {
      const made = await lead.post(`/api/documents/${documentId}/claims`, { exact });
      if (made.status !== 201) throw new Error(`claim failed: ${made.status}`);
      claimIds.set(exact, made.body.claim.id);
    }
    browser = await launchBrowser();
    ada = await openAs('Ada', lead);
    ben = await openAs('Ben', annotator);
    benSecond = await openDocument(ben.context, 'Ben (second tab)');
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  /** What the saved indicator shows: its words, their colour, and its dot's fill and ring. */
  const indicator = (page: Page) =>
    page.getByTestId('saved-state').evaluate((el) => {
      const dot = el.querySelector('.dot')!;
      const style = getComputedStyle(dot);
      return { status: el.getAttribute('data-status'), text: el.textContent!.trim(), color: getComputedStyle(el).color, dot: `${style.backgroundColor} ${style.boxShadow}` };
    });

  /** A dot as `indicator` describes it, from its fill alone (no ring). */
  const savingDot = (fill: string) => `${fill} none`;

  test('the saved indicator has its own words and colour for saved, saving, offline and unsaved changes', async () => {
    const page = ada.page;
    await openClaim(page, CLAIM_COMMENTS);
    await openClaim(ben.page, CLAIM_COMMENTS);
    const saved = await indicator(page);
    expect(saved).toMatchObject({ status: 'saved', text: 'Saved' });

    // Every state the indicator passes through while a note is typed and saved.
    await page.getByTestId('saved-state').evaluate((el) => {
      const seen: { status: string | null; dot: string }[] = [];
      (window as unknown as { savedStates: typeof seen }).savedStates = seen;
      const record = () => seen.push({ status: el.getAttribute('data-status'), dot: getComputedStyle(el.querySelector('.dot')!).backgroundColor });
      new MutationObserver(record).observe(el, { attributes: true, attributeFilter: ['data-status'] });
    });
    await page.getByTestId('claim-note').fill('Check the council minutes.');
    await page.waitForFunction(() => (window as unknown as { savedStates: { status: string }[] }).savedStates.some((s) => s.status === 'saving'));
    await expect.poll(() => indicator(page)).toMatchObject({ status: 'saved', text: 'Saved' });
    const saving = (await page.evaluate(() => (window as unknown as { savedStates: { status: string; dot: string }[] }).savedStates)).find((s) => s.status === 'saving')!;
    const savedDot = await page.getByTestId('saved-state').evaluate((el) => getComputedStyle(el.querySelector('.dot')!).backgroundColor);
    expect(saving.dot).not.toBe(savedDot);

    await ada.context.setOffline(true);
    await expect.poll(() => indicator(page).then((s) => s.status)).toBe('offline');
    const offline = await indicator(page);
    expect(offline.text).toBe('Offline — changes kept on this device');
    expect(offline.dot).not.toBe(saved.dot);
    expect(offline.color).not.toBe(saved.color);

    // A change made offline: unsaved changes, kept on this device until the server has them.
    await page.getByTestId('claim-note').fill('Check the council minutes of May.');
    await expect.poll(() => indicator(page).then((s) => s.text)).toBe('Offline — unsaved changes kept on this device');
    const unsaved = await indicator(page);
    expect(new Set([saved.dot, savingDot(saving.dot), offline.dot, unsaved.dot]).size).toBe(4);
    expect(unsaved.color).not.toBe(offline.color);
    await page.getByTestId('saved-state').screenshot({ path: screenshotPath('saved-state-unsaved.png') });

    await ada.context.setOffline(false);
    await expect.poll(() => indicator(page)).toEqual(saved);
    await expect.poll(() => ben.page.getByTestId('claim-note').inputValue().catch(() => '')).toBe('Check the council minutes of May.');
  });

  /** The contrast ratio (WCAG) of an element's text against what is behind it. */
  const contrastOf = (page: Page, testid: string) =>
    page.getByTestId(testid).evaluate((el) => {
      const rgba = (c: string) => (c.match(/[\d.]+/g) ?? ['0', '0', '0', '0']).map(Number).concat(1).slice(0, 4);
      // The first opaque enough background behind the element, with the ones over it blended in.
      const layers: number[][] = [];
      for (let node: Element | null = el; node; node = node.parentElement) {
        const bg = rgba(getComputedStyle(node).backgroundColor);
        if (bg[3] > 0) layers.push(bg);
        if (bg[3] >= 1) break;
      }
      let behind = [255, 255, 255];
      for (const [r, g, b, a] of layers.reverse()) behind = [r * a + behind[0] * (1 - a), g * a + behind[1] * (1 - a), b * a + behind[2] * (1 - a)];
      const [r, g, b, a] = rgba(getComputedStyle(el).color);
      const text = [r * a + behind[0] * (1 - a), g * a + behind[1] * (1 - a), b * a + behind[2] * (1 - a)];
      const luminance = (rgb: number[]) => {
        const [lr, lg, lb] = rgb.map((v) => (v / 255 <= 0.03928 ? v / 255 / 12.92 : ((v / 255 + 0.055) / 1.055) ** 2.4));
        return 0.2126 * lr + 0.7152 * lg + 0.0722 * lb;
      };
      const [hi, lo] = [luminance(text), luminance(behind)].sort((x, y) => y - x);
      return (hi + 0.05) / (lo + 0.05);
    });

  test('hovering a tab, the selected one included, keeps its words readable', async () => {
    const page = ada.page;
    await backToList(page);
    expect(await page.getByTestId('tab-claims').getAttribute('aria-selected')).toBe('true');
    for (const tab of ['tab-claims', 'tab-suggestions']) {
      await page.getByTestId(tab).hover();
      await expect.poll(() => contrastOf(page, tab), { message: `contrast of ${tab} under the pointer` }).toBeGreaterThanOrEqual(4.5);
    }
    await page.mouse.move(0, 0);
  });

  test('one person with two tabs open is shown once, and no tab throws each_key_duplicate', async () => {
    await openClaim(ben.page, CLAIM_SLIDER);
    await openClaim(benSecond, CLAIM_SLIDER);
    const benId = annotator.user!.id;
    // Ada sees Ben once in the presence bar, and once among those looking at the claim.
    await expect.poll(() => ada.page.locator(`[data-testid="presence-person"][data-user-id="${benId}"]`).count()).toBe(1);
    await expect.poll(() => item(ada.page, CLAIM_SLIDER).locator('.watcher').count()).toBe(1);
    await openClaim(ada.page, CLAIM_SLIDER);
    await expect.poll(async () => (await detail(ada.page).getByTestId('claim-watching').textContent())?.replace(/\s+/g, ' ').trim()).toBe('Also here: Ben Marsh');
    // Each of Ben's tabs sees Ada and not his other tab.
    for (const page of [ben.page, benSecond]) {
      await expect.poll(() => page.getByTestId('presence-person').evaluateAll((els) => els.map((el) => el.getAttribute('data-user-id')))).toEqual([lead.user!.id]);
    }
    expect(errors.filter((e) => e.includes('each_key_duplicate'))).toEqual([]);
  });

  test('Ctrl+Enter and Cmd+Enter post a comment, and Reply puts the cursor in the reply box', async () => {
    const page = ada.page;
    await openClaim(page, CLAIM_COMMENTS);
    const input = page.getByTestId('comment-input');
    const bodies = () => page.getByTestId('comment-body').allTextContents();

    await input.fill('Which budget line is this?');
    await input.press('Control+Enter');
    await expect.poll(bodies).toEqual(['Which budget line is this?']);
    expect(await input.inputValue()).toBe('');

    await input.fill('The capital budget, I think.');
    await input.press('Meta+Enter');
    await expect.poll(bodies).toEqual(['Which budget line is this?', 'The capital budget, I think.']);

    // An empty box posts nothing.
    await input.press('Control+Enter');
    expect(await page.getByTestId('comment').count()).toBe(2);

    await page.getByTestId('comment').first().getByTestId('reply-comment').click();
    await page.getByTestId('replying-to').waitFor();
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('comment-input');
    await page.keyboard.type('Line 14 of the capital budget.');
    await page.keyboard.press('Control+Enter');
    const reply = page.getByTestId('comment').filter({ hasText: 'Line 14 of the capital budget.' });
    await reply.waitFor();
    expect(await reply.getAttribute('data-depth')).toBe('1');
    expect(await page.getByTestId('replying-to').count()).toBe(0);
  });

  test('verifying without evidence or votes, and revealing below the quorum, ask in words with a button', async () => {
    const page = ada.page;
    await openClaim(page, CLAIM_SIGN);
    await page.getByTestId('set-status-verified').click();
    await page.getByTestId('status-rationale').fill('The visitor count of the annual report.');
    await page.getByTestId('submit-status').click();
    const confirmation = page.getByTestId('status-confirmation');
    await confirmation.waitFor();
    const question = (await confirmation.locator('p').textContent())!;
    expect(question).toBe('This claim has no evidence and no revealed vote. Verify it anyway? The override is recorded and published with it.');
    expect(question).not.toMatch(/confirm|"|true/);
    await page.getByTestId('verify-anyway').click();
    await confirmation.waitFor({ state: 'detached' });
    await expect.poll(() => detail(page).getByTestId('claim-status').textContent()).toBe('Verified');

    // One vote of a quorum of three.
    const [checker] = await addFactcheckers(app.url, { wid: workspaceId, lead }, ['cy']);
    const revealClaim = claimIds.get(CLAIM_REVEAL)!;
    expect((await checker.request('PUT', `/api/claims/${revealClaim}/vote`, { json: { verdict: 'accurate' } })).status).toBe(200);
    await openClaim(page, CLAIM_REVEAL);
    const reveal = page.getByTestId('reveal-votes');
    await expect.poll(() => reveal.isEnabled()).toBe(true);
    await reveal.click();
    const asked = page.getByTestId('reveal-confirmation');
    await asked.waitFor();
    expect(await asked.locator('p').textContent()).toBe('Only 1 vote of the 3 the quorum needs is in. Reveal it to everyone now?');
    expect(await page.getByTestId('reveal-anyway').textContent()).toBe('Reveal 1 vote');
    await asked.getByRole('button', { name: 'Cancel' }).click();
    await asked.waitFor({ state: 'detached' });
  });

  test('an unrated claim’s slider draws no thumb, and rating it draws one where it was set', async () => {
    const page = ada.page;
    await openClaim(page, CLAIM_SLIDER);
    const slider = page.getByTestId('confidence-slider');
    expect(await page.getByTestId('confidence-value').textContent()).toBe('Not rated');
    // With no thumb (and no filled part) the unrated slider looks the same whatever its value.
    const unrated = await slider.screenshot();
    await slider.evaluate((el: HTMLInputElement) => (el.value = '10'));
    expect((await slider.screenshot()).equals(unrated)).toBe(true);
    await slider.evaluate((el: HTMLInputElement) => (el.value = '50'));

    const box = (await slider.boundingBox())!;
    await page.mouse.click(box.x + box.width * 0.8, box.y + box.height / 2);
    await expect.poll(() => page.getByTestId('confidence-value').textContent()).toMatch(/^(7[5-9]|8[0-5])%$/);
    await page.mouse.move(0, 0);
    expect((await slider.screenshot()).equals(unrated)).toBe(false);
    // Ben, on the same claim, sees the rating (the slider sent it).
    await expect.poll(() => detail(ben.page).getByTestId('confidence-value').textContent()).toMatch(/^(7[5-9]|8[0-5])%$/);
  });

  test('a claim shows the votes behind its agreement, and the dashboard shows no α over too few claims', async () => {
    const page = ada.page;
    const checkers = await addFactcheckers(app.url, { wid: workspaceId, lead }, ['di', 'ed', 'flo']);
    const votesClaim = claimIds.get(CLAIM_VOTES)!;
    for (const [checker, verdict] of [
      [checkers[0], 'mostly_inaccurate'],
      [checkers[1], 'mostly_inaccurate'],
      [checkers[2], 'inaccurate'],
    ] as const) {
      expect((await checker.request('PUT', `/api/claims/${votesClaim}/vote`, { json: { verdict } })).status).toBe(200);
    }
    // The quorum of three reveals them.
    await openClaim(page, CLAIM_VOTES);
    await expect.poll(() => page.getByTestId('consensus').textContent().catch(() => '')).toBe('Mostly inaccurate — 2 of 3 votes agree (67%)');

    const board = (await lead.get(`/api/workspaces/${workspaceId}/dashboard`)).body;
    expect(board.agreement).toMatchObject({ alpha: null, units: 1, pairable: 3, enough: false, minimum: { units: 3 } });
    await page.goto(`${app.url}/w/${workspaceId}/dashboard`);
    const card = page.getByTestId('agreement');
    await card.waitFor();
    expect(await card.getByTestId('alpha-value').textContent()).toBe('α = —');
    expect(await card.getByTestId('alpha-empty').textContent()).toBe('Not enough votes to measure agreement (1 of the 3 claims with two or more revealed votes it needs)');
    expect(await card.getByTestId('alpha-reading').count()).toBe(0);
    expect(await card.textContent()).not.toMatch(/low agreement/i);
    await card.screenshot({ path: screenshotPath('agreement-not-enough.png') });
  });

  test('the upload forms state the size limit and refuse a larger file before sending any of it', async () => {
    const page = ada.page;
    const limit = formatBytes(MAX_UPLOAD_BYTES);
    const posts: string[] = [];
    page.on('request', (request) => {
      const path = new URL(request.url()).pathname;
      if (request.method() === 'POST' && (path === `/api/workspaces/${workspaceId}/documents` || path.endsWith('/versions'))) posts.push(path);
    });
    const big = { name: 'annual-report.txt', mimeType: 'text/plain', buffer: Buffer.alloc(MAX_UPLOAD_BYTES * 3, 'a') };

    await page.goto(`${app.url}/w/${workspaceId}`);
    await page.getByTestId('import-tab-upload').click();
    await expect.poll(() => page.getByTestId('upload-limit').textContent()).toContain(`one document per file, up to ${limit} each`);
    await page.getByTestId('upload-input').setInputFiles(big);
    const refused = page.getByTestId('upload-error');
    await refused.waitFor();
    expect(await refused.textContent()).toBe(`Too large. annual-report.txt is ${formatBytes(big.buffer.length)}; this server takes files up to ${limit}. Split it into smaller files.`);
    expect(posts).toEqual([]);

    // A file within the limit is sent (so the watch above would have seen one).
    await page.getByTestId('upload-input').setInputFiles({ name: 'note.txt', mimeType: 'text/plain', buffer: Buffer.from('The library opened in May.') });
    await page.locator('[data-testid="upload-item"][data-status="done"]').filter({ hasText: 'note.txt' }).waitFor();
    expect(posts).toHaveLength(1);
    await page.getByTestId('upload-list').screenshot({ path: screenshotPath('upload-too-large.png') });

    // A new version of a document: the same check, before sending.
    await page.goto(`${app.url}/d/${documentId}`);
    await page.getByTestId('reader-text').waitFor();
    await page.getByTestId('open-version-upload').click();
    const form = page.getByTestId('header-version-upload');
    await form.getByTestId('version-file').setInputFiles(big);
    await form.getByTestId('upload-version').click();
    await expect.poll(() => form.getByRole('alert').textContent().catch(() => '')).toBe(
      `annual-report.txt is ${formatBytes(big.buffer.length)}; this server takes files up to ${limit}. Split it into smaller files.`,
    );
    expect(posts).toHaveLength(1);
  });

  // Allowed: the network going away while offline, and the 409 confirmation_required answers the questions were asked for.
  test('no page raised an uncaught error or logged one, beyond those the steps caused', () => {
    expect(errors.filter((e) => !/ERR_INTERNET_DISCONNECTED|WebSocket connection to .* failed|status of 409 \(Conflict\)/.test(e))).toEqual([]);
  });
});
