import { createHash } from 'node:crypto';
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import * as Y from 'yjs';
import { systemResolve } from '../../server/archive/addresses';
import { testConfig } from '../../server/config';
import { claimsOf, newEvidence } from '../../server/shared/claim-doc';
import { startApp, type TestApp } from '../helpers/app';
import { workspaceWithRoles, type Client } from '../helpers/client';
import { connect, eventually, synced } from '../helpers/collab';
import { makePdf } from '../helpers/make-files';
import { claimReviewProblems } from '../helpers/claimreview-rules';
import Papa from 'papaparse';

/**
 * The evidence archiver against a local web site: app `open` may reach 127.0.0.1 (the site) by
 * configuration and nothing else private; app `strict` has the production default (no private
 * address at all). A test-only resolver maps `*.test` names to chosen addresses.
 */
const ARTICLE = `<!doctype html><html><head><title>Dredging the Elbe | Harbour News</title></head><body>
<nav><a href="/">Home</a> <a href="/about">About</a></nav>
<article><h1>Dredging the Elbe</h1>
<p>The contractor reported 19 months of dredging work on the lower Elbe, at a cost of 1.2 billion euros to the port authority.</p>
<p>Officials confirmed that the barrier will protect 38,000 homes once the second phase is complete, according to the harbour office.</p>
<p>The project was approved in January 2015 after a decade of planning and three rounds of public consultation in Hamburg.</p>
</article><footer>© Harbour News</footer></body></html>`;

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

let site: Server;
let siteUrl: string;
let sitePort: number;
/** Requests the site has answered, by path (to show a refused fetch never reached it). */
const hits: string[] = [];
/** The page at /mutable, changed by the re-check test. */
let mutable: { status: number; type: string; body: string } = { status: 200, type: 'text/plain; charset=utf-8', body: 'Version one of the statement.' };
const stalled = new Set<ServerResponse>();

function handle(path: string, res: ServerResponse, url: URL): void {
  const hop = /^\/hop\/(\d+)$/.exec(path);
  if (hop) {
    const n = Number(hop[1]);
    res.writeHead(302, { location: n === 0 ? '/article' : `/hop/${n - 1}` }).end();
    return;
  }
  switch (path) {
    case '/article':
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(ARTICLE);
      return;
    case '/plain':
      res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' }).end('Tide gauge readings, St. Pauli, 2023: the mean high water rose by 4 cm.');
      return;
    case '/report.pdf':
      res.writeHead(200, { 'content-type': 'application/pdf' }).end(Buffer.from(makePdf([[{ text: 'Annual report of the harbour office 2023', x: 72, y: 700, size: 14 }]])));
      return;
    case '/image.png':
      res.writeHead(200, { 'content-type': 'image/png' }).end(Buffer.from([0x89, 0x50, 0x4e, 0x47]));
      return;
    case '/slow':
      // Headers at once, then nothing: only the archiver's time limit ends it.
      res.writeHead(200, { 'content-type': 'text/html' });
      res.write('<html><body><p>Loading');
      stalled.add(res);
      return;
    case '/big': {
      // 200 KiB in chunks, with no length declared: the archiver counts what arrives.
      res.writeHead(200, { 'content-type': 'text/plain' });
      const chunk = 'x'.repeat(8192);
      for (let i = 0; i < 25; i++) res.write(chunk);
      res.end();
      return;
    }
    case '/big-declared':
      res.writeHead(200, { 'content-type': 'text/plain', 'content-length': String(5 * 1024 * 1024) });
      res.write('the start of a large file');
      stalled.add(res);
      return;
    case '/mutable':
      res.writeHead(mutable.status, { 'content-type': mutable.type }).end(mutable.body);
      return;
    case '/to':
      res.writeHead(302, { location: url.searchParams.get('u')! }).end();
      return;
    default:
      res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
  }
}

/** The test-only resolver: `*.test` names to chosen addresses, everything else through DNS. */
const TEST_NAMES: Record<string, Array<{ address: string; family: number }>> = {
  'site.test': [{ address: '127.0.0.1', family: 4 }],
  'intranet.test': [{ address: '10.0.0.5', family: 4 }],
  'metadata.test': [{ address: '169.254.169.254', family: 4 }],
  'loop6.test': [{ address: '::1', family: 6 }],
  'mapped.test': [{ address: '::ffff:127.0.0.2', family: 6 }],
};
const resolveHost = async (hostname: string) => TEST_NAMES[hostname] ?? systemResolve(hostname);

let open: TestApp;
let strict: TestApp;
let team: Awaited<ReturnType<typeof workspaceWithRoles>>;
let strictTeam: Awaited<ReturnType<typeof workspaceWithRoles>>;
let claimId: string;
let documentId: string;
let strictClaimId: string;

const TEXT = 'The barrier will protect 38,000 homes. It will cost 1.2 billion euros. Work began in January 2015.';

async function claimIn(app: TestApp, t: typeof team): Promise<{ claimId: string; documentId: string }> {
  const doc = (await t.lead.post(`/api/workspaces/${t.wid}/documents`, { title: 'Harbour', text: TEXT })).body.document;
  const claim = (await t.annotator.post(`/api/documents/${doc.id}/claims`, { exact: '38,000 homes' })).body.claim;
  return { claimId: claim.id, documentId: doc.id };
}

beforeAll(async () => {
  site = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://site');
    hits.push(url.pathname);
    handle(url.pathname, res, url);
  });
  await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
  sitePort = (site.address() as AddressInfo).port;
  siteUrl = `http://127.0.0.1:${sitePort}`;
  const base = testConfig().archive;
  open = await startApp({ archive: { ...base, allowPrivate: false, allowedAddresses: ['127.0.0.1'], timeoutMs: 1500, maxBytes: 64 * 1024, sweepMs: 50, resolveHost } });
  strict = await startApp({ archive: { ...base, sweepMs: 50 } });
  team = await workspaceWithRoles(open.url);
  strictTeam = await workspaceWithRoles(strict.url);
  ({ claimId, documentId } = await claimIn(open, team));
  strictClaimId = (await claimIn(strict, strictTeam)).claimId;
});

afterAll(async () => {
  stalled.forEach((res) => res.destroy());
  await open?.close();
  await strict?.close();
  await new Promise((resolve) => site?.close(resolve));
});

/** Adds link evidence over REST and waits until its archive is no longer pending. */
async function archived(url: string, who: Client = team.annotator, claim = claimId, app = open) {
  const added = await who.post(`/api/claims/${claim}/evidence`, { kind: 'url', stance: 'supports', url, title: `Link ${url.slice(-30)}` });
  expect(added.status).toBe(201);
  const eid: string = added.body.evidence.id;
  let archive: any;
  await eventually(async () => {
    const res = await who.get(`/api/claims/${claim}/evidence/${eid}/archive`);
    archive = res.body.archive;
    return res.status === 200 && archive.state !== 'pending';
  }, 15_000, `archive of ${url}`);
  void app;
  return { eid, archive };
}

describe('archiving a link', () => {
  test('a link added over REST is archived in the background with its title, text, final URL, status and SHA-256', async () => {
    const { archive } = await archived(`${siteUrl}/article`);
    expect(archive).toMatchObject({ state: 'archived', url: `${siteUrl}/article`, finalUrl: `${siteUrl}/article`, httpStatus: 200, contentType: 'text/html', error: null });
    expect(archive.title).toMatch(/^Dredging the Elbe/);
    // Readability keeps the article, not the navigation or the footer.
    expect(archive.text).toContain('38,000 homes once the second phase is complete');
    expect(archive.text).not.toContain('About');
    expect(archive.sha256).toBe(sha256(archive.text));
    expect(Number.isNaN(Date.parse(archive.fetchedAt))).toBe(false);
  });

  test('a link added through the shared document is archived too, and a viewer can read the copy', async () => {
    const live = await connect(open.url, documentId, team.annotator);
    await synced(live);
    const eid = crypto.randomUUID();
    const list = claimsOf(live.doc).get(claimId)!.get('evidence') as Y.Array<Y.Map<unknown>>;
    list.push([newEvidence({ id: eid, kind: 'url', stance: 'context', url: `${siteUrl}/plain`, title: null, excerpt: null, documentId: null, anchor: null })]);
    let archive: any;
    await eventually(async () => {
      const res = await team.viewer.get(`/api/claims/${claimId}/evidence/${eid}/archive`);
      archive = res.body.archive;
      return res.status === 200 && archive.state !== 'pending';
    }, 15_000, 'archive of the shared-document link');
    live.destroy();
    expect(archive).toMatchObject({ state: 'archived', contentType: 'text/plain', httpStatus: 200, title: null });
    expect(archive.text).toContain('the mean high water rose by 4 cm');
    expect(archive.sha256).toBe(sha256(archive.text));
  });

  test('a PDF is archived through pdf.js', async () => {
    const { archive } = await archived(`${siteUrl}/report.pdf`);
    expect(archive).toMatchObject({ state: 'archived', contentType: 'application/pdf' });
    expect(archive.text).toContain('Annual report of the harbour office 2023');
  });

  test('a page of another type is refused, with the reason', async () => {
    const { archive } = await archived(`${siteUrl}/image.png`);
    expect(archive).toMatchObject({ state: 'failed', contentType: 'image/png', httpStatus: 200, text: null, sha256: null });
    expect(archive.error).toMatch(/image\/png is not archived/);
  });

  test('a missing page fails with its HTTP status', async () => {
    const { archive } = await archived(`${siteUrl}/no-such-page`);
    expect(archive).toMatchObject({ state: 'failed', httpStatus: 404, error: 'The page answered HTTP 404.' });
  });

  test('five redirects are followed to the final URL; a sixth is refused', async () => {
    const five = await archived(`${siteUrl}/hop/4`);
    expect(five.archive).toMatchObject({ state: 'archived', finalUrl: `${siteUrl}/article`, httpStatus: 200 });
    const six = await archived(`${siteUrl}/hop/5`);
    expect(six.archive.state).toBe('failed');
    expect(six.archive.error).toMatch(/More than 5 redirects/);
  });

  test('a server that stops sending is given up on at the time limit', async () => {
    const { archive } = await archived(`${siteUrl}/slow`);
    expect(archive.state).toBe('failed');
    expect(archive.error).toMatch(/did not arrive within 1\.5 s/);
  });

  test('a body larger than the limit is refused, whether its length is declared or not', async () => {
    const counted = await archived(`${siteUrl}/big`);
    expect(counted.archive.state).toBe('failed');
    expect(counted.archive.error).toMatch(/larger than 65536 bytes/);
    const declared = await archived(`${siteUrl}/big-declared`);
    expect(declared.archive.state).toBe('failed');
    expect(declared.archive.error).toMatch(/larger than 65536 bytes/);
  });
});

describe('re-checking a link', () => {
  test('a re-check records an unchanged, a changed and a gone page, each in the claim\'s history', async () => {
    mutable = { status: 200, type: 'text/plain; charset=utf-8', body: 'Version one of the statement.' };
    const { eid, archive } = await archived(`${siteUrl}/mutable`);
    expect(archive.state).toBe('archived');
    const path = `/api/claims/${claimId}/evidence/${eid}/archive/recheck` as const;

    // Readers cannot make the server fetch pages; annotators can.
    expect((await team.viewer.post(path)).status).toBe(403);
    const same = await team.annotator.post(path);
    expect(same.status).toBe(200);
    expect(same.body.archive).toMatchObject({ recheck: 'unchanged', sha256: archive.sha256 });
    expect(same.body.archive.checkedAt).not.toBeNull();

    mutable = { ...mutable, body: 'Version two: the statement was edited after publication.' };
    const changed = await team.annotator.post(path);
    // The archived copy stays as it was first fetched; the re-check says the page changed.
    expect(changed.body.archive).toMatchObject({ recheck: 'changed', sha256: archive.sha256, text: 'Version one of the statement.' });

    mutable = { status: 404, type: 'text/plain', body: 'Not found' };
    const gone = await team.annotator.post(path);
    expect(gone.body.archive).toMatchObject({ recheck: 'gone', state: 'archived', sha256: archive.sha256 });
    expect((await team.viewer.get(`/api/claims/${claimId}/evidence/${eid}/archive`)).body.archive.recheck).toBe('gone');

    const history = (await team.viewer.get(`/api/claims/${claimId}/history`)).body.events.filter((e) => e.action === 'evidence_rechecked' && (e.to as { id?: string } | null)?.id === eid);
    expect(history.map((e) => (e.to as { result: string }).result)).toEqual(['unchanged', 'changed', 'gone']);
    expect(history[0]).toMatchObject({ field: 'evidence', user: { id: team.annotator.user!.id }, from: { id: eid, sha256: archive.sha256 }, to: { sha256: archive.sha256, httpStatus: 200 } });
    expect((history[1].to as { sha256: string }).sha256).toBe(sha256('Version two: the statement was edited after publication.'));
    expect(history[2]).toMatchObject({ user: { id: team.annotator.user!.id }, to: { result: 'gone', httpStatus: 404, sha256: null, reason: 'The page answered HTTP 404.' } });
  });

  test('a re-check of a link whose first fetch failed archives it once the page is there', async () => {
    mutable = { status: 503, type: 'text/plain', body: 'Down for maintenance' };
    const { eid, archive } = await archived(`${siteUrl}/mutable`);
    expect(archive).toMatchObject({ state: 'failed', httpStatus: 503 });
    mutable = { status: 200, type: 'text/plain', body: 'Back again.' };
    const again = await team.annotator.post(`/api/claims/${claimId}/evidence/${eid}/archive/recheck`);
    expect(again.body.archive).toMatchObject({ state: 'archived', recheck: 'archived', text: 'Back again.', error: null });
  });

  test('only link evidence on the claim can be re-checked, by members of its workspace', async () => {
    const quote = await team.annotator.post(`/api/claims/${claimId}/evidence`, { kind: 'quote', stance: 'supports', excerpt: 'A quotation.' });
    expect((await team.annotator.post(`/api/claims/${claimId}/evidence/${quote.body.evidence.id}/archive/recheck`)).status).toBe(422);
    expect((await team.annotator.get(`/api/claims/${claimId}/evidence/${quote.body.evidence.id}/archive`)).body.error?.code).toBe('archive_not_found');
    expect((await team.annotator.post(`/api/claims/${claimId}/evidence/${crypto.randomUUID()}/archive/recheck`)).body.error?.code).toBe('evidence_not_found');
    const { eid } = await archived(`${siteUrl}/plain`);
    expect((await team.outsider.get(`/api/claims/${claimId}/evidence/${eid}/archive`)).status).toBe(404);
    expect((await team.outsider.post(`/api/claims/${claimId}/evidence/${eid}/archive/recheck`)).status).toBe(404);
  });
});

describe('private addresses', () => {
  test('a redirect to a private, link-local, loopback or IPv4-mapped address is refused', async () => {
    for (const target of ['http://10.0.0.5/admin', 'http://169.254.169.254/latest/meta-data/', `http://[::1]:${sitePort}/article`, `http://[::ffff:127.0.0.2]:${sitePort}/article`, `http://127.0.0.3:${sitePort}/article`]) {
      const before = hits.length;
      const { archive } = await archived(`${siteUrl}/to?u=${encodeURIComponent(target)}`);
      expect(archive.state, target).toBe('failed');
      expect(archive.error, target).toMatch(/address; the archiver fetches only public addresses/);
      // Only the first hop reached the site.
      expect(hits.slice(before)).toEqual(['/to']);
    }
  });

  test('a host name that resolves to a refused address is refused, directly and through a redirect', async () => {
    const cases: Array<[string, RegExp]> = [
      [`http://intranet.test:${sitePort}/article`, /intranet\.test resolves to 10\.0\.0\.5, a private address/],
      ['http://metadata.test/latest/meta-data/', /metadata\.test resolves to 169\.254\.169\.254, a link-local address/],
      [`http://loop6.test:${sitePort}/article`, /loop6\.test resolves to ::1, a loopback address/],
      [`http://mapped.test:${sitePort}/article`, /mapped\.test resolves to ::ffff:127\.0\.0\.2, a loopback address/],
      [`${siteUrl}/to?u=${encodeURIComponent(`http://intranet.test:${sitePort}/article`)}`, /intranet\.test resolves to 10\.0\.0\.5/],
    ];
    for (const [url, reason] of cases) {
      const { archive } = await archived(url);
      expect(archive.state, url).toBe('failed');
      expect(archive.error, url).toMatch(reason);
    }
    // A name resolving to the allowed address is fetched.
    expect((await archived(`http://site.test:${sitePort}/plain`)).archive.state).toBe('archived');
  });

  test('without an allowance in the configuration, 127.0.0.1, localhost, 10.x, 169.254.x and ::1 are all refused and never reached', async () => {
    const before = hits.length;
    const cases: Array<[string, RegExp]> = [
      [`${siteUrl}/article`, /127\.0\.0\.1 is a loopback address/],
      [`http://localhost:${sitePort}/article`, /localhost resolves to (127\.0\.0\.1|::1), a loopback address/],
      ['http://10.1.2.3/', /10\.1\.2\.3 is a private address/],
      ['http://169.254.169.254/latest/meta-data/', /169\.254\.169\.254 is a link-local address/],
      [`http://[::1]:${sitePort}/article`, /::1 is a loopback address/],
      [`http://[::ffff:7f00:1]:${sitePort}/article`, /is a loopback address/],
    ];
    for (const [url, reason] of cases) {
      const { archive } = await archived(url, strictTeam.annotator, strictClaimId, strict);
      expect(archive.state, url).toBe('failed');
      expect(archive.error, url).toMatch(reason);
    }
    expect(hits.slice(before)).toEqual([]);
  });
});

describe('exports and history', () => {
  test('exports carry the archive\'s time and hash: a Web Annotation body property, CSV columns, ClaimReview archivedAt', async () => {
    const { claimId: own } = await claimIn(open, team);
    const { eid, archive } = await archived(`${siteUrl}/plain`, team.annotator, own);
    await team.annotator.post(`/api/claims/${own}/evidence`, { kind: 'url', stance: 'refutes', url: `${siteUrl}/image.png` });
    const exportOf = async (format: string) => {
      const res = await fetch(`${open.url}/api/workspaces/${team.wid}/export?format=${format}&status=any`, { headers: { cookie: team.viewer.cookie! } });
      return res.text();
    };
    const annotations = JSON.parse(await exportOf('annotations'));
    const item = annotations.first.items.find((a: any) => a.id.endsWith(`#claim-${own}`));
    const link = item.body.find((b: any) => b.id?.endsWith(`/evidence/${eid}`));
    expect(link).toMatchObject({ source: `${siteUrl}/plain`, 'corroborate:archivedAt': archive.fetchedAt, 'corroborate:archiveSha256': archive.sha256 });

    const [header, ...rows] = Papa.parse<string[]>(await exportOf('csv'), { skipEmptyLines: true }).data;
    const row = rows.find((r) => r[header.indexOf('claim_url')].endsWith(`#claim-${own}`))!;
    expect(row[header.indexOf('evidence_urls')]).toBe(`${siteUrl}/plain ${siteUrl}/image.png`);
    expect(row[header.indexOf('evidence_archived_at')]).toBe(`${archive.fetchedAt} none`);
    expect(row[header.indexOf('evidence_archive_sha256')]).toBe(`${archive.sha256} none`);

    // Only a published claim with a sign-off rating is a review.
    expect((await team.lead.post(`/api/claims/${own}/status`, { status: 'verified', rationale: 'The archived page says so.', rating: 'accurate', confirm: true })).status).toBe(200);
    expect((await team.lead.post(`/api/claims/${own}/publish`)).status).toBe(200);
    const reviews = JSON.parse(await exportOf('claimreview'));
    const review = reviews.find((r: any) => r.url.endsWith(`/fact-checks/${own}`));
    expect(claimReviewProblems(review)).toEqual([]);
    expect(review.citation[0].archivedAt).toMatchObject({ '@type': 'WebPage', dateCreated: archive.fetchedAt, identifier: { propertyID: 'sha256', value: archive.sha256 } });
    expect(review.citation[1].archivedAt).toBeUndefined();
  });

  test('evidence removed in the shared document is in the history with its title and who removed it; put back, its archive is still there', async () => {
    const { eid, archive } = await archived(`${siteUrl}/article`);
    const live = await connect(open.url, documentId, team.factchecker);
    await synced(live);
    const undo = new Y.UndoManager(claimsOf(live.doc), { trackedOrigins: new Set(['remove']) });
    const list = () => claimsOf(live.doc).get(claimId)!.get('evidence') as Y.Array<Y.Map<unknown>>;
    live.doc.transact(() => list().delete(list().toArray().findIndex((e) => e.get('id') === eid), 1), 'remove');
    await eventually(async () => !(await team.viewer.get(`/api/claims/${claimId}`)).body.claim.evidence.some((e: { id: string }) => e.id === eid), 10_000, 'evidence gone');
    const removed = (await team.viewer.get(`/api/claims/${claimId}/history`)).body.events.find((e) => e.action === 'evidence_removed' && (e.from as { id?: string } | null)?.id === eid);
    expect(removed).toMatchObject({ user: { id: team.factchecker.user!.id, name: 'factchecker' }, field: 'evidence', from: { id: eid, kind: 'url', title: `Link ${`${siteUrl}/article`.slice(-30)}` } });

    undo.undo();
    await eventually(async () => (await team.viewer.get(`/api/claims/${claimId}`)).body.claim.evidence.some((e: { id: string }) => e.id === eid), 10_000, 'evidence back');
    live.destroy();
    const back = (await team.viewer.get(`/api/claims/${claimId}/evidence/${eid}/archive`)).body.archive;
    expect(back).toMatchObject({ state: 'archived', sha256: archive.sha256, fetchedAt: archive.fetchedAt });
  });
});
