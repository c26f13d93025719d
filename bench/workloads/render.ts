/**
 * Rendering: a 250k-character document with 2,000 claims (written into its Y.Doc by one client in
 * one transaction) opened in Chromium: time to the text painted, to the claim highlights painted
 * (the reader draws them with the CSS Custom Highlight API; also counted from the moment the
 * claims arrived), the cost of hit-testing bursts of pointer moves and of scrolling through it.
 * And live: a claim added in one browser, until it is highlighted in another.
 */
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { WebSocket } from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { claimsOf, newClaim } from '../../server/shared/claim-doc';
import { countingWebSocket, SavedState } from '../../server/shared/saved-state';
import { summarize } from '../profile-summary';
import { Api, type BenchAccount } from '../servers/corroborate-api';
import { priorityPrefix, startServer } from '../servers';
import { quantile, round, sleep, withTimeout } from '../stats';
import { proseText, spreadAnchors } from './corpus';
import { buildWeb } from './web-build';

export interface RenderContext {
  databaseUrl: string;
  account: BenchAccount;
  quick: boolean;
  cpuProfileDir?: string;
  log(line: string): void;
}

const CHARACTERS = 250_000;
const CLAIMS = 2_000;
const CHROMIUM = '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** A wrapper script that starts Chromium on every core (it would inherit this process's pinning to one), at the benchmark's priority. */
function unpinnedChromium(dir: string): string {
  const file = join(dir, 'chromium');
  writeFileSync(file, `#!/bin/sh\nexec ${[...priorityPrefix(), 'taskset', '-c', `0-${cpus().length - 1}`, CHROMIUM].join(' ')} "$@"\n`);
  chmodSync(file, 0o755);
  return file;
}

/** Writes the claims into the document's Y.Doc in one transaction and waits for the saved acknowledgement. */
async function writeClaims(port: number, documentId: string, token: string, text: string): Promise<number> {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(`ws://127.0.0.1:${port}/collab`, documentId, doc, {
    connect: false,
    params: { token },
    WebSocketPolyfill: countingWebSocket(WebSocket) as unknown as typeof globalThis.WebSocket,
    disableBc: true,
  });
  const saved = new SavedState(provider);
  provider.connect();
  try {
    await withTimeout(new Promise<void>((resolve) => (provider.synced ? resolve() : provider.once('sync', () => resolve()))), 20_000, 'sync');
    const started = performance.now();
    doc.transact(() => {
      for (const anchor of spreadAnchors(text, CLAIMS)) {
        const id = crypto.randomUUID();
        claimsOf(doc).set(id, newClaim({ id, anchor, confidence: 60 }));
      }
    });
    await withTimeout(saved.whenSaved(), 60_000, 'saved acknowledgement of 2,000 claims');
    return performance.now() - started;
  } finally {
    provider.destroy();
    doc.destroy();
  }
}

/*
 * In-page code is kept as plain JavaScript strings: functions compiled by tsx carry `__name(...)`
 * helpers that do not exist in the page.
 */

/** Installed before the page's own scripts: watches for the text and the highlights, long tasks and paint entries. */
const OBSERVE = `(expected) => {
  const b = { textAt: null, highlightsAt: null, claimsArrivedAt: null, rangesAtArrival: null, ranges: 0, longTasks: [], fcp: null, lcp: null };
  window.__bench = b;
  // The first large frame is the sync with the claims: from then on the time is the browser's own
  // work (unless the claims were already drawn, from GET /claim-anchors or this device's copy: rangesAtArrival > 0).
  const Native = window.WebSocket;
  window.WebSocket = class extends Native {
    constructor(url, protocols) {
      super(url, protocols);
      this.addEventListener('message', (event) => {
        if (b.claimsArrivedAt === null && event.data && event.data.byteLength > 100000) {
          b.claimsArrivedAt = performance.now();
          let n = 0;
          if (typeof CSS !== 'undefined' && 'highlights' in CSS) for (const h of CSS.highlights.values()) n += h.size;
          b.rangesAtArrival = n;
        }
      });
    }
  };
  const watch = (type, fn) => {
    try { new PerformanceObserver((list) => list.getEntries().forEach(fn)).observe({ type, buffered: true }); } catch {}
  };
  watch('longtask', (e) => b.longTasks.push([e.startTime, e.duration]));
  watch('paint', (e) => { if (e.name === 'first-contentful-paint') b.fcp = e.startTime; });
  watch('largest-contentful-paint', (e) => { b.lcp = e.startTime; });
  // Checked at each frame; once true, the frame being drawn shows it: stamp just after that frame.
  const afterFrame = (set) => setTimeout(() => set(performance.now()), 0);
  const check = () => {
    if (b.textAt === null) {
      const el = document.querySelector('[data-testid="reader-text"]');
      if (el && (el.textContent || '').length >= expected.textLength * 0.98) afterFrame((t) => { if (b.textAt === null) b.textAt = t; });
    }
    if (b.highlightsAt === null && typeof CSS !== 'undefined' && 'highlights' in CSS) {
      let n = 0;
      for (const h of CSS.highlights.values()) n += h.size;
      b.ranges = n;
      if (n >= expected.claims) afterFrame((t) => { if (b.highlightsAt === null) b.highlightsAt = t; });
    }
    if (b.textAt === null || b.highlightsAt === null) requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
}`;

/** Scrolls from top to bottom, 400 px a frame, recording frame intervals and the long tasks meanwhile. */
const SCROLL = `(async () => {
  const b = window.__bench;
  const max = document.documentElement.scrollHeight - innerHeight;
  const frames = [];
  const t0 = performance.now();
  await new Promise((resolve) => {
    let last = t0;
    let y = 0;
    const tick = (t) => {
      frames.push(t - last);
      last = t;
      y += 400;
      scrollTo(0, y);
      if (y >= max || frames.length >= 3000 || t - t0 > 60000) resolve();
      else requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  const t1 = performance.now();
  const during = b.longTasks.filter(([start]) => start >= t0 && start <= t1);
  return { scrollHeight: max + innerHeight, durationMs: t1 - t0, frames, longTasks: during.length, longTaskMs: during.reduce((a, [, d]) => a + d, 0) };
})()`;

/**
 * Bursts of 50 pointer moves over the text in view, each ending over a claim (the reader hit-tests
 * the pointer against the claims once per frame): for each burst, the time from its first move to
 * the next animation frame callback, which runs after the reader's own hit-test and hover update;
 * and whether the claim hovered then is the one under the last move.
 */
const HIT_TEST = `(async (bursts) => {
  const reader = document.querySelector('[data-testid="reader-text"]');
  const view = reader.getBoundingClientRect();
  const centre = (r) => ({ x: r.left + r.width / 2, y: r.top + r.height / 2 });
  const inView = [...(CSS.highlights.get('cb-claim-open') ?? [])]
    .map((range) => ({ range, box: range.getClientRects()[0] }))
    .filter(({ box }) => box && box.top > 0 && box.bottom < innerHeight);
  const times = [];
  let hovered = 0;
  for (let burst = 0; burst < bursts && inView.length; burst++) {
    const target = inView[burst % inView.length];
    const end = centre(target.box);
    await new Promise((resolve) => requestAnimationFrame(resolve));
    const t0 = performance.now();
    for (let i = 0; i < 49; i++) {
      reader.dispatchEvent(new MouseEvent('mousemove', { bubbles: true, clientX: view.left + ((burst * 37 + i * 53) % Math.max(1, view.width)), clientY: Math.max(view.top, 0) + ((burst * 11 + i * 29) % Math.max(1, Math.min(view.height, innerHeight))) }));
    }
    reader.dispatchEvent(new MouseEvent('mousemove', { bubbles: true, clientX: end.x, clientY: end.y }));
    await new Promise((resolve) => requestAnimationFrame(resolve));
    times.push(performance.now() - t0);
    const hover = [...(CSS.highlights.get('cb-claim-hover') ?? [])];
    if (hover.length === 1 && hover[0].toString() === target.range.toString()) hovered++;
  }
  return { times, hovered };
})`;

interface Seen {
  textAt: number | null;
  highlightsAt: number | null;
  claimsArrivedAt: number | null;
  rangesAtArrival: number | null;
  ranges: number;
  fcp: number | null;
  lcp: number | null;
  longTasks: Array<[number, number]>;
}

interface HitTest {
  times: number[];
  /** Bursts after which a claim was hovered (the pointer ended over a highlight). */
  hovered: number;
}

interface Scroll {
  scrollHeight: number;
  durationMs: number;
  frames: number[];
  longTasks: number;
  longTaskMs: number;
}

/** A browser context signed in as the benchmark's account. */
async function signedInContext(browser: Browser, base: string, ctx: RenderContext): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const login = await context.request.post(`${base}/api/auth/login`, {
    data: { email: ctx.account.email, password: ctx.account.password },
    headers: { origin: base },
  });
  if (login.status() !== 200) throw new Error(`login failed: ${login.status()}`);
  return context;
}

/** Opens the reader on a document and waits until it is connected. */
async function openReader(context: BrowserContext, base: string, documentId: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${base}/d/${documentId}`, { waitUntil: 'load', timeout: 60_000 });
  await page.getByTestId('reader-text').waitFor({ timeout: 30_000 });
  await page.waitForFunction(() => document.querySelector('[data-testid="saved-state"]')?.getAttribute('data-status') === 'saved', null, { timeout: 30_000 });
  return page;
}

/**
 * Live: one browser selects a passage and adds it as a claim; another, with the same document
 * open, has it highlighted. Each round's time runs from the click on "Add claim" (stamped in the
 * first page) until the second page's highlights hold the passage (stamped there, polled every few
 * milliseconds); both stamps are wall-clock times of the same machine.
 */
async function measureLive(browser: Browser, base: string, api: Api, ctx: RenderContext): Promise<{ roundsMs: number[]; characters: number }> {
  const text = proseText(6000, 5);
  const { document: created } = await api.expect(201, 'POST', `/api/workspaces/${ctx.account.workspaceId}/documents`, { title: 'Live claims', text });
  const [adding, watching] = await Promise.all([signedInContext(browser, base, ctx), signedInContext(browser, base, ctx)]);
  try {
    const [a, b] = await Promise.all([openReader(adding, base, created.id), openReader(watching, base, created.id)]);
    const shown: string = (await api.expect(200, 'GET', `/api/documents/${created.id}`)).document.text;
    const rounds = ctx.quick ? 5 : 20;
    // Passages within one paragraph (a selection never spans two), whitespace-trimmed as the reader trims a selection.
    const passages = spreadAnchors(shown, rounds * 2)
      .map((anchor) => anchor.exact.trim())
      .filter((quote) => quote.length > 0 && !quote.includes('\n'))
      .slice(0, rounds);
    const roundsMs: number[] = [];
    for (const quote of passages) {
      const seen = b.evaluate(
        `new Promise((resolve) => {
          const quote = ${JSON.stringify(quote)};
          // Claims' highlights only: the first page's selection also shows here, as a cb-peer-* highlight.
          const check = () => {
            for (const r of CSS.highlights.get('cb-claim-open') ?? []) if (r.toString() === quote) return resolve(performance.timeOrigin + performance.now());
            setTimeout(check, 1);
          };
          check();
        })`,
      ) as Promise<number>;
      await a.evaluate(`(() => {
        const quote = ${JSON.stringify(quote)};
        for (const p of document.querySelectorAll('[data-testid="reader-text"] p')) {
          const node = p.firstChild;
          const at = node ? node.data.indexOf(quote) : -1;
          if (at === -1) continue;
          const range = document.createRange();
          range.setStart(node, at);
          range.setEnd(node, at + quote.length);
          getSelection().removeAllRanges();
          getSelection().addRange(range);
          return;
        }
        throw new Error('passage not in the text');
      })()`);
      await a.getByTestId('add-claim').waitFor({ timeout: 10_000 });
      const clickedAt = (await a.evaluate(`(() => { const t = performance.timeOrigin + performance.now(); document.querySelector('[data-testid="add-claim"]').click(); return t; })()`)) as number;
      const highlightedAt = await withTimeout(seen, 15_000, 'the claim highlighted in the other browser');
      roundsMs.push(highlightedAt - clickedAt);
      await a.evaluate('getSelection().removeAllRanges()');
    }
    return { roundsMs, characters: shown.length };
  } finally {
    await adding.close();
    await watching.close();
  }
}

const distribution = (values: number[], digits = 1) =>
  values.length ? { median: round(quantile(values, 0.5), digits), p95: round(quantile(values, 0.95), digits), max: round(Math.max(...values), digits), n: values.length } : null;

export async function runRender(ctx: RenderContext): Promise<Record<string, unknown>> {
  const building = performance.now();
  const web = buildWeb();
  ctx.log(`  web app: ${web.source === 'private' ? `built in ${Math.round(performance.now() - building)} ms` : web.note}`);
  const server = await startServer('corroborate', { databaseUrl: ctx.databaseUrl, webDir: web.dir });
  const wrapperDir = mkdtempSync(join(tmpdir(), 'bench-chromium-'));
  let browser: Browser | null = null;
  try {
    const api = new Api(server.base);
    api.token = ctx.account.token;
    const text = proseText(CHARACTERS, 23);
    const { document: created } = await api.expect(201, 'POST', `/api/workspaces/${ctx.account.workspaceId}/documents`, { title: 'A long report', text });
    const writeMs = await writeClaims(server.port, created.id, ctx.account.token, text);
    const { claims } = await api.expect(200, 'GET', `/api/documents/${created.id}/claims`);
    ctx.log(`  ${text.length} characters, ${claims.length} claims written and saved in ${Math.round(writeMs)} ms`);

    // This process is pinned to the generator's core; the browser gets both cores, like a real one.
    browser = await chromium.launch({ executablePath: unpinnedChromium(wrapperDir), args: ARGS });
    const context = await signedInContext(browser, server.base, ctx);
    await context.addInitScript({ content: `(${OBSERVE})(${JSON.stringify({ textLength: text.length, claims: CLAIMS })})` });

    const loads: Array<{
      textMs: number | null;
      highlightsMs: number | null;
      /** From the sync frame carrying the claims to all highlighted: the browser's own work. */
      afterArrivalMs: number | null;
      ranges: number;
      fcpMs: number | null;
      lcpMs: number | null;
      longTasks: number;
      longTaskMs: number;
    }> = [];
    let scroll: Scroll | null = null;
    let hitTest: HitTest | null = null;
    for (let i = 0; i < (ctx.quick ? 2 : 4); i++) {
      const page = await context.newPage();
      const problems: string[] = [];
      page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
      page.on('console', (msg) => msg.type() === 'error' && problems.push(`console: ${msg.text()}`));
      // With --cpu-prof, the second load is profiled (V8's sampling profiler over CDP).
      const cdp = ctx.cpuProfileDir && i === 1 ? await context.newCDPSession(page) : null;
      if (cdp) {
        await cdp.send('Profiler.enable');
        await cdp.send('Profiler.setSamplingInterval', { interval: 250 });
        await cdp.send('Profiler.start');
      }
      await page.goto(`${server.base}/d/${created.id}`, { waitUntil: 'load', timeout: 60_000 });
      // Polled rather than waited for: the app may navigate (a redirect) while it starts.
      let seen: Seen | null = null;
      const deadline = Date.now() + 15_000;
      while (Date.now() < deadline) {
        seen = ((await page.evaluate('window.__bench ? { ...window.__bench } : null').catch(() => null)) as Seen | null) ?? seen;
        if (seen && seen.textAt !== null && seen.highlightsAt !== null) break;
        await sleep(100);
      }
      if (!seen) throw new Error('the page never ran the measuring script');
      if (cdp) {
        const { profile } = await cdp.send('Profiler.stop');
        mkdirSync(ctx.cpuProfileDir!, { recursive: true });
        const file = join(ctx.cpuProfileDir!, 'render-load.cpuprofile');
        writeFileSync(file, JSON.stringify(profile));
        ctx.log(summarize(file, 8).split('\n').map((l) => `    ${l}`).join('\n'));
      }
      loads.push({
        textMs: round(seen.textAt, 0),
        highlightsMs: round(seen.highlightsAt, 0),
        afterArrivalMs: seen.highlightsAt !== null && seen.claimsArrivedAt !== null && seen.rangesAtArrival === 0 ? round(seen.highlightsAt - seen.claimsArrivedAt, 0) : null,
        ranges: seen.ranges,
        fcpMs: round(seen.fcp, 0),
        lcpMs: round(seen.lcp, 0),
        longTasks: seen.longTasks.length,
        longTaskMs: round(seen.longTasks.reduce((a, [, d]) => a + d, 0), 0)!,
      });
      if (seen.textAt === null) {
        const shown = (await page.evaluate('({ url: location.href, body: document.body.innerText.slice(0, 200), html: document.documentElement.outerHTML.length })')) as { url: string; body: string; html: number };
        const shot = join(tmpdir(), `bench-render-${Date.now()}.png`);
        await page.screenshot({ path: shot }).catch(() => {});
        ctx.log(`  load ${i + 1}: no reader text at ${shown.url} (${shown.html} bytes of HTML, screenshot ${shot}): ${JSON.stringify(shown.body)} ${problems.slice(0, 3).join(' | ')}`);
      }
      ctx.log(`  load ${i + 1}: text painted at ${loads[i].textMs} ms, highlights ${loads[i].highlightsMs === null ? `not painted (${seen.ranges} ranges)` : `at ${loads[i].highlightsMs} ms`}`);
      const last = i === (ctx.quick ? 2 : 4) - 1;
      if (last && seen.textAt !== null && seen.highlightsAt !== null) hitTest = (await page.evaluate(`(${HIT_TEST})(${ctx.quick ? 10 : 40})`)) as HitTest;
      if (last && seen.textAt !== null) scroll = (await page.evaluate(SCROLL)) as Scroll;
      await page.close();
    }
    if (hitTest) ctx.log(`  hit-testing: ${hitTest.times.length} bursts of 50 pointer moves, median ${round(quantile(hitTest.times, 0.5), 1)} ms to the next frame`);

    let live: Awaited<ReturnType<typeof measureLive>> | null = null;
    let liveError: string | null = null;
    try {
      live = await measureLive(browser, server.base, api, ctx);
      ctx.log(`  live: a claim added in one browser, highlighted in another: median ${round(quantile(live.roundsMs, 0.5), 0)} ms of ${live.roundsMs.length}`);
    } catch (err) {
      liveError = (err as Error).message;
      ctx.log(`  live: failed: ${liveError}`);
    }

    const measured = loads.slice(1);
    const median = (f: (l: (typeof loads)[number]) => number | null) => {
      const values = measured.map(f).filter((v): v is number => v !== null);
      return values.length === measured.length ? round(quantile(values, 0.5), 0) : null;
    };
    const highlightsMs = median((l) => l.highlightsMs);
    const highlightsDrawn = loads.some((l) => l.ranges > 0);
    return {
      characters: text.length,
      claims: claims.length,
      webBuild: { source: web.source, buildMs: web.buildMs, ...(web.note ? { note: web.note } : {}) },
      firstLoad: loads[0],
      textPaintedMs: median((l) => l.textMs),
      highlightsPaintedMs: highlightsMs,
      // Only a load that received the claims over the network before drawing them has it: the
      // reader draws them from GET /claim-anchors first, later loads also read this device's copy
      // (IndexedDB), and the server's sync then carries little.
      highlightsAfterArrival: distribution(loads.map((l) => l.afterArrivalMs).filter((v): v is number => v !== null), 0),
      ...(highlightsMs === null
        ? { highlights: highlightsDrawn ? `fewer than ${CLAIMS} highlight ranges within 15 s (at most ${Math.max(...loads.map((l) => l.ranges))})` : 'not yet implemented (no CSS highlights drawn)' }
        : {}),
      fcpMs: median((l) => l.fcpMs),
      lcpMs: median((l) => l.lcpMs),
      loadLongTasks: median((l) => l.longTasks),
      loadLongTaskMs: median((l) => l.longTaskMs),
      loads: loads.length,
      scroll: scroll && {
        scrollHeightPx: scroll.scrollHeight,
        durationMs: round(scroll.durationMs, 0),
        frames: scroll.frames.length,
        meanFrameMs: round(scroll.frames.reduce((a, b) => a + b, 0) / scroll.frames.length, 1),
        p95FrameMs: round(quantile(scroll.frames, 0.95), 1),
        maxFrameMs: round(Math.max(...scroll.frames), 1),
        framesOver50Ms: scroll.frames.filter((f) => f > 50).length,
        longTasks: scroll.longTasks,
        longTaskMs: round(scroll.longTaskMs, 0),
      },
      hitTest: hitTest && { movesPerBurst: 50, toNextFrameMs: distribution(hitTest.times), bursts: hitTest.times.length, hoveredTheClaimUnderThePointer: hitTest.hovered },
      live: live ? { documentCharacters: live.characters, claimToHighlightMs: distribution(live.roundsMs, 0), targetMs: 1000, meetsTarget: quantile(live.roundsMs, 0.95)! < 1000 } : { error: liveError },
      targetMs: 1000,
      meetsTarget: highlightsMs !== null && highlightsMs < 1000,
    };
  } finally {
    await browser?.close();
    await server.stop();
    web.cleanup();
    rmSync(wrapperDir, { recursive: true, force: true });
  }
}
