import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startApp, type TestApp } from '../helpers/app';
import { addSession, recordPageErrors, centreOfQuote, launchBrowser, quoteOnScreen, screenshotPath, scrollToQuote, selectQuote, skipIfNoBrowser } from '../helpers/browser';
import { signUp, type Client } from '../helpers/client';
import { SHORTCUTS } from '../../web/src/routes/documents/[id]/reader-keys';

// Finding one's way in a long document (the margin strip, one filter for the list and the text)
// and the reader on every screen (390 px: header, presence, the claim sheet, touch; the keyboard
// alone), through the production build against the real server. Ada (lead) and Ben (annotator)
// each in their own browser context; Ben also opens a second tab. The tests run in order.

const PARAGRAPHS = Array.from(
  { length: 40 },
  (_, i) => `Paragraph ${i + 1}: the harbour authority said that cargo volumes rose by ${i + 1} per cent last year. Critics disputed figure ${i + 1}.`,
);
const TEXT = PARAGRAPHS.join('\n\n');
/** The first sentence of paragraph n (1-based). */
const sentence = (n: number) => PARAGRAPHS[n - 1].slice(0, PARAGRAPHS[n - 1].indexOf('.') + 1);
const QUOTE_EARLY = `cargo volumes rose by 2 per cent`;
const QUOTE_MIDDLE = `cargo volumes rose by 20 per cent`;
const QUOTE_LATE = `cargo volumes rose by 37 per cent`;

interface Person {
  name: string;
  client: Client;
  context: BrowserContext;
  page: Page;
}

const PHONE = { width: 390, height: 844 };

describe.skipIf(skipIfNoBrowser())('finding the way in a long document, on every screen', () => {
  let app: TestApp;
  let browser: Browser;
  let lead: Client;
  let annotator: Client;
  let documentId: string;
  let ada: Person; // lead, 1280 px
  let ben: Person; // annotator, 1280 px
  let phone: Person; // Ada again, on a 390 px touch screen
  const claimIds: Record<string, string> = {};
  /** Uncaught errors and console errors from every page, by who saw them. */
  const errors: string[] = [];


  async function openPage(context: BrowserContext, who: string): Promise<Page> {
    const page = await context.newPage();
    recordPageErrors(page, who, errors);
    await page.goto(`${app.url}/d/${documentId}`);
    await page.getByTestId('reader-text').waitFor();
    await page.waitForFunction(() => document.querySelector('[data-testid="saved-state"]')?.getAttribute('data-status') !== 'connecting');
    return page;
  }

  async function openAs(name: string, client: Client, options: Parameters<Browser['newContext']>[0] = { viewport: { width: 1280, height: 800 } }): Promise<Person> {
    const context = await browser.newContext(options);
    context.setDefaultTimeout(15_000);
    await addSession(context, app.url, client);
    return { name, client, context, page: await openPage(context, name) };
  }

  async function claim(by: Client, quote: string, tags: string[] = []): Promise<string> {
    const start = TEXT.indexOf(quote);
    const res = await by.post(`/api/documents/${documentId}/claims`, { start, end: start + quote.length, tags });
    if (res.status !== 201) throw new Error(`claim failed: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.claim.id as string;
  }

  /** The claim highlights (any status) on the page, as the text each covers. */
  function claimHighlights(page: Page): Promise<string[]> {
    return page.evaluate(() =>
      [...CSS.highlights]
        .filter(([name]) => /^cb-claim-(open|in_review|verified|rejected)$/.test(name))
        .flatMap(([, highlight]) => [...highlight].map((range) => (range as Range).toString()))
        .sort(),
    );
  }

  function focusedText(page: Page): Promise<string[]> {
    return page.evaluate(() => [...(CSS.highlights.get('cb-claim-focus') ?? [])].map((range) => (range as Range).toString()));
  }

  /** The canvas pixel of the margin strip at the row where a document offset is drawn. */
  function stripPixelAt(page: Page, offset: number): Promise<number[]> {
    return page.evaluate(
      ([at, length]) => {
        const strip = document.querySelector<HTMLElement>('[data-testid="margin-strip"]')!;
        const canvas = strip.querySelector('canvas')!;
        const rows = Number(strip.dataset.rows);
        const rowHeight = Number(strip.dataset.rowHeight);
        const row = Math.min(rows - 1, Math.floor((at / length) * rows));
        const scale = canvas.width / canvas.getBoundingClientRect().width;
        return [...canvas.getContext('2d')!.getImageData(Math.floor(canvas.width / 2), Math.floor((row * rowHeight + 1) * scale), 1, 1).data];
      },
      [offset, TEXT.length] as const,
    );
  }

  beforeAll(async () => {
    app = await startApp();
    lead = await signUp(app.url, 'Ada Okafor');
    annotator = await signUp(app.url, 'Ben Marsh');
    const workspaceId = (await lead.post('/api/workspaces', { name: 'Harbour desk with a rather long name' })).body.workspace.id as string;
    const added = await lead.post(`/api/workspaces/${workspaceId}/members`, { email: annotator.user!.email, role: 'annotator' });
    if (added.status !== 201) throw new Error(`add member failed: ${added.status}`);
    documentId = (await lead.post(`/api/workspaces/${workspaceId}/documents`, { title: 'Cargo volumes at the eastern harbour, year by year', text: TEXT }))
      .body.document.id as string;
    claimIds.early = await claim(lead, QUOTE_EARLY, ['budget']);
    claimIds.middle = await claim(annotator, QUOTE_MIDDLE, ['jobs']);
    claimIds.late = await claim(annotator, QUOTE_LATE);
    const status = await lead.post(`/api/claims/${claimIds.middle}/status`, { status: 'in_review' });
    if (status.status !== 200) throw new Error(`status failed: ${status.status}`);
    browser = await launchBrowser();
    ada = await openAs('Ada', lead);
    ben = await openAs('Ben', annotator);
    await ada.page.waitForFunction(() => document.querySelectorAll('[data-testid="claim-item"]').length === 3);
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  test('the margin strip marks each claim in its status colour where it is in the document', async () => {
    const strip = ada.page.getByTestId('margin-strip');
    await expect.poll(() => strip.getAttribute('data-marks')).toBe('3');
    const [r, g, b, alpha] = await stripPixelAt(ada.page, TEXT.indexOf(QUOTE_EARLY));
    // Open: the yellow of StatusChip's square and the open highlight.
    expect(alpha).toBeGreaterThan(100);
    expect(r).toBeGreaterThan(200);
    expect(g).toBeGreaterThan(150);
    expect(b).toBeLessThan(100);
    const [r2, , b2, alpha2] = await stripPixelAt(ada.page, TEXT.indexOf(QUOTE_MIDDLE));
    // In review: blue.
    expect(alpha2).toBeGreaterThan(100);
    expect(b2).toBeGreaterThan(r2);
    // Between the claims, nothing is drawn.
    expect((await stripPixelAt(ada.page, TEXT.indexOf(PARAGRAPHS[10])))[3]).toBe(0);
  });

  test('a click on a mark of the strip jumps to that claim in the text and selects it', async () => {
    expect(await quoteOnScreen(ada.page, QUOTE_LATE)).toBe(false);
    const box = (await ada.page.getByTestId('margin-strip').boundingBox())!;
    const rows = Number(await ada.page.getByTestId('margin-strip').getAttribute('data-rows'));
    const row = Math.floor((TEXT.indexOf(QUOTE_LATE) / TEXT.length) * rows);
    await ada.page.mouse.click(box.x + box.width / 2, box.y + row * 3 + 1);
    await expect.poll(() => focusedText(ada.page)).toEqual([QUOTE_LATE]);
    await expect.poll(() => quoteOnScreen(ada.page, QUOTE_LATE)).toBe(true);
    expect(await ada.page.getByTestId('claim-item').filter({ hasText: QUOTE_LATE }).getAttribute('aria-current')).toBe('true');
  });

  test('with the keyboard alone the strip steps through the claims in text order, and Enter opens one', async () => {
    const strip = ada.page.getByTestId('margin-strip');
    await strip.focus();
    await ada.page.keyboard.press('Home');
    await expect.poll(() => focusedText(ada.page)).toEqual([QUOTE_EARLY]);
    expect(await quoteOnScreen(ada.page, QUOTE_EARLY)).toBe(true);
    await ada.page.keyboard.press('ArrowDown');
    await expect.poll(() => focusedText(ada.page)).toEqual([QUOTE_MIDDLE]);
    expect(await strip.getAttribute('aria-valuetext')).toContain('Claim 2 of 3, In review');
    // j on the strip steps once, not twice (the reader's own j must not act on it too).
    await ada.page.keyboard.press('j');
    await expect.poll(() => focusedText(ada.page)).toEqual([QUOTE_LATE]);
    await ada.page.keyboard.press('ArrowUp');
    await expect.poll(() => focusedText(ada.page)).toEqual([QUOTE_MIDDLE]);
    await ada.page.keyboard.press('Enter');
    await ada.page.getByTestId('claim-detail').filter({ hasText: QUOTE_MIDDLE }).waitFor();
    // At 1280 px the detail is in the side panel, not a sheet.
    expect(await ada.page.getByTestId('claims-sheet').count()).toBe(0);
    await ada.page.getByTestId('back-to-claims').click();
  });

  test('filtering by person, status or tag hides the other claims in the text, on the strip and in the list, says so, and clears in one click', async () => {
    const page = ada.page;
    const items = page.getByTestId('claim-item');
    const marks = () => page.getByTestId('margin-strip').getAttribute('data-marks');
    await page.getByTestId('filter-person').selectOption({ label: 'Ben Marsh' });
    await expect.poll(() => claimHighlights(page)).toEqual([QUOTE_MIDDLE, QUOTE_LATE].sort());
    await expect.poll(marks).toBe('2');
    expect(await items.count()).toBe(2);
    const summary = page.getByTestId('filter-summary');
    expect(await summary.textContent()).toContain('By: Ben Marsh');
    expect(await summary.textContent()).toContain('hides 1 claim');

    await page.getByTestId('filter-status').selectOption('open');
    await expect.poll(() => claimHighlights(page)).toEqual([QUOTE_LATE]);
    await expect.poll(marks).toBe('1');
    expect(await items.count()).toBe(1);
    expect(await summary.textContent()).toContain('Status: Open');
    expect(await summary.textContent()).toContain('hides 2 claims');

    // Clearing is one click, and brings everything back everywhere.
    await page.getByTestId('clear-filter').click();
    await expect.poll(() => claimHighlights(page)).toHaveLength(3);
    await expect.poll(marks).toBe('3');
    expect(await items.count()).toBe(3);
    expect(await summary.count()).toBe(0);

    await page.getByTestId('filter-tag').selectOption('budget');
    await expect.poll(() => claimHighlights(page)).toEqual([QUOTE_EARLY]);
    expect(await items.count()).toBe(1);
    expect(await summary.textContent()).toContain('Tag: budget');
    // A click where a hidden claim is drawn no longer opens it.
    await page.getByTestId('clear-filter').click();
    await page.getByTestId('filter-person').selectOption({ label: 'Ada Okafor' });
    await expect.poll(() => claimHighlights(page)).toEqual([QUOTE_EARLY]);
    await scrollToQuote(page, QUOTE_LATE);
    const hidden = await centreOfQuote(page, QUOTE_LATE);
    await page.mouse.click(hidden.x, hidden.y);
    expect(await page.getByTestId('claim-detail').count()).toBe(0);
    await page.getByTestId('clear-filter').click();
    await expect.poll(() => claimHighlights(page)).toHaveLength(3);
  });

  test('hovering the selected panel tab keeps its words readable (not dark on dark)', async () => {
    const tab = ada.page.getByTestId('tab-claims');
    expect(await tab.getAttribute('aria-selected')).toBe('true');
    await tab.hover();
    const colours = await tab.evaluate((el) => {
      const style = getComputedStyle(el);
      // The background a person sees: the tab's own, else the nearest ancestor's that is not transparent.
      let node: Element | null = el;
      let background = 'rgba(0, 0, 0, 0)';
      while (node && /rgba\(0, 0, 0, 0\)|transparent/.test(background)) {
        background = getComputedStyle(node).backgroundColor;
        node = node.parentElement;
      }
      return { color: style.color, background };
    });
    const channels = (css: string) => css.match(/[\d.]+/g)!.slice(0, 3).map(Number);
    const luminance = (css: string) => {
      const [r, g, b] = channels(css).map((v) => {
        const c = v / 255;
        return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
      });
      return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    };
    const [light, dark] = [luminance(colours.color), luminance(colours.background)].sort((a, b) => b - a);
    expect((light + 0.05) / (dark + 0.05)).toBeGreaterThan(4.5);
  });

  test('a claim is made from the text with the keyboard alone: S, arrows and Shift+arrows select by sentence and word, Enter makes the claim', async () => {
    const page = ada.page;
    await page.evaluate(() => {
      (document.activeElement as HTMLElement | null)?.blur();
      window.scrollTo(0, 0);
    });
    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');
    const selected = () => page.evaluate(() => document.getSelection()?.toString() ?? '');
    await page.keyboard.press('s');
    await page.getByTestId('select-mode').waitFor();
    await expect.poll(selected).toBe(sentence(1));
    await page.keyboard.press('ArrowDown');
    await expect.poll(selected).toBe('Critics disputed figure 1.');
    await page.keyboard.press('ArrowDown');
    await expect.poll(selected).toBe(sentence(2));
    await page.keyboard.press('ArrowUp');
    await expect.poll(selected).toBe('Critics disputed figure 1.');
    await page.keyboard.press('ArrowRight');
    await expect.poll(selected).toBe('Paragraph');
    await page.keyboard.press('Shift+ArrowRight');
    await page.keyboard.press('Shift+ArrowRight');
    await expect.poll(selected).toBe('Paragraph 2: the');
    await page.keyboard.press('Shift+ArrowLeft');
    await expect.poll(selected).toBe('Paragraph 2');
    await page.keyboard.press('ArrowUp');
    await expect.poll(selected).toBe('Critics disputed figure 1.');
    await page.keyboard.press('Shift+ArrowDown');
    // Across the paragraph break (the browser writes the break its own way).
    await expect.poll(selected).toMatch(new RegExp(`^Critics disputed figure 1\\.\\s+${sentence(2).replace('.', '\\.')}$`));
    await page.keyboard.press('Shift+ArrowUp');
    await expect.poll(selected).toBe('Critics disputed figure 1.');
    // The same "Add claim" the mouse gets, and the others see the selection as with a mouse.
    await page.getByTestId('add-claim').waitFor();
    await ben.page.waitForFunction(() => [...CSS.highlights].some(([name, h]) => name.startsWith('cb-peer-') && h.size > 0));
    await page.keyboard.press('Enter');
    await page.getByTestId('claim-detail').waitFor();
    expect(await page.getByTestId('claim-exact').textContent()).toBe('Critics disputed figure 1.');
    expect(await page.getByTestId('select-mode').count()).toBe(0);
    await expect.poll(() => claimHighlights(ben.page)).toContain('Critics disputed figure 1.');

    // Escape leaves select mode without making anything.
    await page.getByTestId('back-to-claims').click();
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press('Escape');
    await page.keyboard.press('s');
    await page.getByTestId('select-mode').waitFor();
    await page.keyboard.press('Escape');
    expect(await page.getByTestId('select-mode').count()).toBe(0);
    expect(await selected()).toBe('');
    expect(await page.getByTestId('claim-item').count()).toBe(4);
  });

  test('"?" lists every keyboard shortcut, from the one list the keys are read from', async () => {
    const page = ada.page;
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press('?');
    const dialog = page.getByTestId('shortcuts-dialog');
    await dialog.waitFor();
    const rows = await dialog.getByTestId('shortcut').allTextContents();
    const listed = Object.values(SHORTCUTS).flat();
    expect(rows).toHaveLength(listed.length);
    for (const shortcut of listed) expect(rows.some((row) => row.includes(shortcut.does))).toBe(true);
    expect(await dialog.textContent()).toContain('Ctrl');
    // Tab stays in the dialog (its one control), never reaching the page behind it.
    for (let i = 0; i < 3; i++) {
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('close-shortcuts');
    }
    // A modal dialog: j does nothing behind it, Escape closes it.
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.isVisible()).toBe(false);
    // The panel's button opens it too.
    await page.getByTestId('show-shortcuts').click();
    await dialog.waitFor();
    await page.getByTestId('close-shortcuts').click();
    await expect.poll(() => dialog.isVisible()).toBe(false);
  });

  test('one person with two tabs on the same claim raises no error in anyone’s tab, and is shown once', async () => {
    const second = await openPage(ben.context, 'Ben (second tab)');
    // Both of Ben's tabs look at the middle claim; Ada has it open.
    for (const page of [ben.page, second]) {
      if (await page.getByTestId('claim-detail').isVisible()) await page.getByTestId('back-to-claims').click();
      await page.getByTestId('claim-item').filter({ hasText: QUOTE_MIDDLE }).click();
      await page.getByTestId('claim-detail').waitFor();
    }
    if (await ada.page.getByTestId('claim-detail').isVisible()) await ada.page.getByTestId('back-to-claims').click();
    await ada.page.getByTestId('claim-item').filter({ hasText: QUOTE_MIDDLE }).click();
    const watching = ada.page.getByTestId('claim-watching');
    await watching.waitFor();
    expect((await watching.textContent())!.match(/Ben Marsh/g)).toHaveLength(1);
    await ada.page.getByTestId('back-to-claims').click();
    await expect.poll(() => ada.page.getByTestId('claim-watchers').locator('.watcher').count()).toBe(1);
    await expect.poll(() => ada.page.getByTestId('presence-person').count()).toBe(1);
    // Ben's tabs see each other too (the same person, another tab) without repeating a key.
    await second.getByTestId('back-to-claims').click();
    await second.waitForTimeout(300);
    expect(errors.filter((e) => /each_key_duplicate/.test(e))).toEqual([]);
    expect(errors).toEqual([]);
    await second.close();
  });

  test('at 390 px the header and the reader bar each fit on one line: nothing overlaps, the breadcrumb is cut short, the others fold into "+N"', async () => {
    phone = await openAs('Ada (phone)', lead, { viewport: PHONE, hasTouch: true, isMobile: true });
    const page = phone.page;
    await page.getByTestId('presence-more').waitFor();
    expect(await page.getByTestId('presence-more').textContent()).toContain('+1');
    expect(await page.getByTestId('presence-person').count()).toBe(0);
    const boxes = await page.evaluate(() => {
      const box = (selector: string) => {
        const r = document.querySelector(selector)!.getBoundingClientRect();
        return { left: r.left, right: r.right, top: r.top, bottom: r.bottom, height: r.height };
      };
      return {
        header: box('.app-header'),
        brand: box('.app-header .brand'),
        name: box('[data-testid="user-name"]'),
        signOut: box('[data-testid="sign-out"]'),
        bar: box('.reader-bar'),
        crumbs: box('.reader-bar .crumbs'),
        presence: box('[data-testid="presence"]'),
        saved: box('[data-testid="saved-state"]'),
        pageWidth: document.documentElement.scrollWidth,
        headerLines: document.querySelector('.app-header .inner')!.getBoundingClientRect().height,
      };
    });
    const apart = (a: { left: number; right: number; top: number; bottom: number }, b: typeof a) =>
      a.right <= b.left + 0.5 || b.right <= a.left + 0.5 || a.bottom <= b.top + 0.5 || b.bottom <= a.top + 0.5;
    expect(boxes.pageWidth).toBeLessThanOrEqual(PHONE.width);
    for (const [a, b] of [
      [boxes.brand, boxes.name],
      [boxes.name, boxes.signOut],
      [boxes.crumbs, boxes.presence],
      [boxes.presence, boxes.saved],
    ]) {
      expect(apart(a, b)).toBe(true);
    }
    for (const box of [boxes.brand, boxes.name, boxes.signOut, boxes.crumbs, boxes.presence, boxes.saved]) {
      expect(box.right).toBeLessThanOrEqual(PHONE.width);
      expect(box.left).toBeGreaterThanOrEqual(0);
    }
    // One line each: everything sits inside its bar, which keeps its height.
    for (const box of [boxes.brand, boxes.name, boxes.signOut]) expect(box.bottom).toBeLessThanOrEqual(boxes.header.bottom + 0.5);
    for (const box of [boxes.crumbs, boxes.presence, boxes.saved]) {
      expect(box.top).toBeGreaterThanOrEqual(boxes.bar.top - 0.5);
      expect(box.bottom).toBeLessThanOrEqual(boxes.bar.bottom + 0.5);
    }
    expect(boxes.headerLines).toBeLessThanOrEqual(boxes.header.height);
    const title = page.locator('.reader-bar .crumbs .current');
    expect(await title.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
    // The claims panel is not above the text any more: the text starts right under the title.
    const text = (await page.getByTestId('reader-text').boundingBox())!;
    expect(text.y).toBeLessThan(PHONE.height);
    expect(await page.getByTestId('claims-panel').isVisible()).toBe(false);
  });

  test('at 390 px a tapped highlight opens its claim as a sheet over the text; closing it returns to the same place', async () => {
    const page = phone.page;
    await scrollToQuote(page, QUOTE_MIDDLE);
    const before = await page.evaluate(() => window.scrollY);
    expect(before).toBeGreaterThan(500);
    const at = await centreOfQuote(page, QUOTE_MIDDLE);
    await page.touchscreen.tap(at.x, at.y);
    const sheet = page.getByTestId('claims-sheet');
    await sheet.getByTestId('claim-detail').filter({ hasText: QUOTE_MIDDLE }).waitFor();
    // Over the text, from the foot of the screen, with the text where it was behind it.
    const box = (await sheet.boundingBox())!;
    expect(box.y + box.height).toBeCloseTo(PHONE.height, 0);
    expect(box.width).toBeLessThanOrEqual(PHONE.width);
    expect(await page.evaluate(() => window.scrollY)).toBe(before);
    // The focus is inside the sheet and stays there.
    for (let i = 0; i < 25; i++) {
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => Boolean(document.activeElement?.closest('[data-testid="claims-sheet"]')))).toBe(true);
    }
    await page.keyboard.press('Escape');
    await expect.poll(() => sheet.isVisible()).toBe(false);
    expect(await page.evaluate(() => window.scrollY)).toBe(before);
    expect(await focusedText(page)).toEqual([QUOTE_MIDDLE]);

    // The close button, after scrolling inside the sheet, lands in the same place too.
    await page.touchscreen.tap(at.x, at.y);
    await sheet.getByTestId('claim-detail').waitFor();
    await sheet.evaluate((el) => (el.scrollTop = el.scrollHeight));
    await page.getByTestId('close-sheet').tap();
    await expect.poll(() => sheet.isVisible()).toBe(false);
    expect(await page.evaluate(() => window.scrollY)).toBe(before);

    // Opened from its button, the sheet lists the claims and gives the focus back to the button.
    const open = page.getByTestId('open-claims-sheet');
    await open.focus();
    await page.keyboard.press('Enter');
    await sheet.getByTestId('claim-list').waitFor();
    await page.keyboard.press('Escape');
    await expect.poll(() => sheet.isVisible()).toBe(false);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('open-claims-sheet');
    expect(await page.evaluate(() => window.scrollY)).toBe(before);
  });

  test('at 390 px a selection made by touch offers "Add claim", and a tap on it makes the claim', async () => {
    const page = phone.page;
    const quote = 'Critics disputed figure 22.';
    // A long press selects a word and the handles widen it: the selection ends as set here.
    await scrollToQuote(page, quote);
    await selectQuote(page, quote);
    const button = page.getByTestId('add-claim');
    await button.waitFor();
    const box = (await button.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(PHONE.width);
    await button.tap();
    const sheet = page.getByTestId('claims-sheet');
    await sheet.getByTestId('claim-detail').waitFor();
    expect(await sheet.getByTestId('claim-exact').textContent()).toBe(quote);
    await expect.poll(() => claimHighlights(ben.page)).toContain(quote);
    await page.getByTestId('close-sheet').tap();
  });

  test('the reader on a phone, with its margin strip and the claim sheet (README screenshot)', async () => {
    const page = phone.page;
    await page.evaluate(() => window.scrollTo(0, 0));
    await expect.poll(() => page.getByTestId('margin-strip').getAttribute('data-marks')).toBe('5');
    const at = await centreOfQuote(page, QUOTE_EARLY);
    await page.touchscreen.tap(at.x, at.y);
    await page.getByTestId('claims-sheet').getByTestId('claim-detail').filter({ hasText: QUOTE_EARLY }).waitFor();
    await page.screenshot({ path: screenshotPath('reader-phone.png') });
    await page.keyboard.press('Escape');
    expect(await page.getByTestId('claims-sheet').isVisible()).toBe(false);
  });

  test('no page raised an uncaught error or logged one', () => {
    expect(errors).toEqual([]);
  });
});
