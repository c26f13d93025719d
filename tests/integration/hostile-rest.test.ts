import { connect as netConnect } from 'node:net';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { databaseFailure } from '../../server/errors';
import { startApp, type TestApp } from '../helpers/app';
import { Client, uniqueEmail, workspaceWithRoles, type Answer, type ErrorBody, type ValidationDetails } from '../helpers/client';
import { fingerprintRows, testDbKind } from '../helpers/database';

/**
 * What an attacker or a careless user sends: text PostgreSQL cannot store (a NUL, an unpaired
 * surrogate) in every string a route takes, deep and huge JSON, a forged cookie. Each is refused
 * with 400 `validation_error` naming the field, and nothing stored changes.
 */
let app: TestApp;
let team: Awaited<ReturnType<typeof workspaceWithRoles>>;
let ids: { wid: string; doc: string; claim: string };

beforeAll(async () => {
  const { testConfig } = await import('../../server/config');
  app = await startApp({ collab: { ...testConfig().collab, idleUnloadMs: 3_600_000 } });
  team = await workspaceWithRoles(app.url);
  const doc = (await team.lead.post(`/api/workspaces/${team.wid}/documents`, { title: 'Hostile', text: 'The barrier will protect 38,000 homes.' })).body.document;
  const claim = (await team.lead.post(`/api/documents/${doc.id}/claims`, { exact: '38,000 homes' })).body.claim;
  ids = { wid: team.wid, doc: doc.id, claim: claim.id };
});
afterAll(() => app?.close());

/** A fingerprint of every stored row. */
const fingerprint = () => fingerprintRows(app.database.db);

const BAD = [
  { what: 'a NUL', value: 'before\u0000after', reason: 'contains a NUL character (\\u0000)' },
  { what: 'a lone high surrogate', value: 'before\ud800after', reason: 'contains an unpaired UTF-16 surrogate' },
  { what: 'a lone low surrogate', value: '\udc00', reason: 'contains an unpaired UTF-16 surrogate' },
];

type Who = 'anonymous' | 'lead';
/** Every REST string field: who sends it, where, and the body with the hostile text `v` in that field. */
const FIELDS: Array<{ route: string; field: string; who?: Who; body: (v: string) => unknown }> = [
  { route: 'POST /api/auth/signup', field: 'name', who: 'anonymous', body: (v) => ({ email: uniqueEmail(), password: 'correct horse battery', name: v }) },
  { route: 'POST /api/auth/signup', field: 'password', who: 'anonymous', body: (v) => ({ email: uniqueEmail(), password: `correct horse ${v}`, name: 'N' }) },
  { route: 'POST /api/auth/signup', field: 'email', who: 'anonymous', body: (v) => ({ email: `a${v}@example.test`, password: 'correct horse battery', name: 'N' }) },
  { route: 'POST /api/auth/login', field: 'password', who: 'anonymous', body: (v) => ({ email: uniqueEmail(), password: v }) },
  { route: 'POST /api/auth/login', field: 'email', who: 'anonymous', body: (v) => ({ email: `a${v}@example.test`, password: 'x' }) },
  { route: 'POST /api/tokens', field: 'name', body: (v) => ({ name: v }) },
  { route: 'POST /api/workspaces', field: 'name', body: (v) => ({ name: v }) },
  { route: 'PATCH /api/workspaces/:wid', field: 'name', body: (v) => ({ name: v }) },
  { route: 'POST /api/workspaces/:wid/members', field: 'email', body: (v) => ({ email: `a${v}@example.test`, role: 'viewer' }) },
  { route: 'POST /api/workspaces/:wid/documents', field: 'title', body: (v) => ({ title: v, text: 'Some text.' }) },
  { route: 'POST /api/workspaces/:wid/documents', field: 'text', body: (v) => ({ title: 'T', text: v }) },
  { route: 'POST /api/workspaces/:wid/documents', field: 'text', body: (v) => ({ title: 'T', text: `# Heading\n\n${v}`, format: 'markdown' }) },
  { route: 'POST /api/workspaces/:wid/documents', field: 'text', body: (v) => ({ title: 'T', text: `<p>${v}</p>`, format: 'html' }) },
  { route: 'POST /api/workspaces/:wid/documents', field: 'sourceUrl', body: (v) => ({ title: 'T', text: 'x', sourceUrl: `https://example.org/${v}` }) },
  { route: 'POST /api/documents/:doc/versions', field: 'text', body: (v) => ({ text: `The barrier will protect 38,000 homes. ${v}` }) },
  { route: 'POST /api/documents/:doc/claims', field: 'exact', body: (v) => ({ exact: v }) },
  { route: 'POST /api/documents/:doc/claims', field: 'prefix', body: (v) => ({ exact: '38,000 homes', prefix: v }) },
  { route: 'POST /api/documents/:doc/claims', field: 'suffix', body: (v) => ({ exact: '38,000 homes', suffix: v }) },
  { route: 'POST /api/documents/:doc/claims', field: 'note', body: (v) => ({ exact: '38,000 homes', note: v }) },
  { route: 'POST /api/documents/:doc/claims', field: 'tags.0', body: (v) => ({ exact: '38,000 homes', tags: [v] }) },
  { route: 'PATCH /api/claims/:claim', field: 'note', body: (v) => ({ note: v }) },
  { route: 'PATCH /api/claims/:claim', field: 'tags.1', body: (v) => ({ tags: ['fine', v] }) },
  { route: 'POST /api/claims/:claim/evidence', field: 'title', body: (v) => ({ kind: 'url', stance: 'supports', url: 'https://example.org/', title: v }) },
  { route: 'POST /api/claims/:claim/evidence', field: 'url', body: (v) => ({ kind: 'url', stance: 'supports', url: `https://example.org/${v}` }) },
  { route: 'POST /api/claims/:claim/evidence', field: 'excerpt', body: (v) => ({ kind: 'quote', stance: 'refutes', excerpt: v }) },
  { route: 'PUT /api/claims/:claim/vote', field: 'note', body: (v) => ({ verdict: 'accurate', note: v }) },
  { route: 'POST /api/claims/:claim/comments', field: 'body', body: (v) => ({ body: v }) },
  {
    route: 'POST /api/documents/:doc/annotations',
    field: 'items.0.body.0.value',
    body: (v) => ({ type: 'AnnotationCollection', items: [{ type: 'Annotation', body: [{ purpose: 'commenting', value: v }], target: { selector: { type: 'TextQuoteSelector', exact: '38,000 homes' } } }] }),
  },
  {
    route: 'POST /api/documents/:doc/annotations',
    field: '0.target.selector.exact',
    body: (v) => [{ type: 'Annotation', target: { selector: { type: 'TextQuoteSelector', exact: v } } }],
  },
];

const pathOf = (route: string) => {
  const [method, template] = route.split(' ');
  return { method, path: template.replace(':wid', ids.wid).replace(':doc', ids.doc).replace(':claim', ids.claim) };
};

describe('text PostgreSQL cannot store', () => {
  for (const bad of BAD) {
    test(`${bad.what} in any REST string field answers 400 validation_error naming the field and the reason, and changes nothing stored`, async () => {
      let checked = 0;
      for (const { route, field, who, body } of FIELDS) {
        const { method, path } = pathOf(route);
        const client = who === 'anonymous' ? new Client(app.url) : team.lead;
        const before = await fingerprint();
        // Any route of the table: it must refuse with the error body, so it is read as one.
        const res = (await client.request(method, path, { json: body(bad.value) })) as Answer<ErrorBody>;
        const where = `${route} ${field}: ${JSON.stringify(res.body)}`;
        expect(res.status, where).toBe(400);
        expect(res.body.error.code, where).toBe('validation_error');
        expect(res.body.error.message, where).toMatch(/^Invalid request: body\./);
        // The reason is given for the field, in the message or (after a format rule such as email's) in the details.
        const reasons = [res.body.error.message, ...((res.body.error.details as ValidationDetails | undefined) ?? []).map((d) => `${d.path} ${d.message}`)];
        expect(reasons.some((r) => r.includes(`body.${field} ${bad.reason}`)), `${where} ${JSON.stringify(reasons)}`).toBe(true);
        expect(await fingerprint(), where).toBe(before);
        checked++;
      }
      expect(checked).toBe(FIELDS.length);
    });
  }

  test('a NUL in the search query answers 400 naming querystring.q; an undecodable %-sequence is no 5xx', async () => {
    const res = await team.viewer.get(`/api/workspaces/${ids.wid}/search?q=${encodeURIComponent('homes\u0000')}`);
    expect(res.status).toBe(400);
    expect(res.body.error?.message).toBe('Invalid request: querystring.q contains a NUL character (\\u0000).');
    // A lone surrogate cannot be percent-encoded as UTF-8; its raw bytes in a URL are no valid UTF-8 either.
    const raw = await team.viewer.get(`/api/workspaces/${ids.wid}/search?q=%ED%A0%80`);
    expect(raw.status).toBeLessThan(500);
  });

  test('a NUL in a multipart import’s title answers 400 naming the field', async () => {
    const form = new FormData();
    form.set('title', 'Bad\u0000title');
    form.set('file', new Blob(['Plain text.'], { type: 'text/plain' }), 'a.txt');
    const before = await fingerprint();
    const res = await team.lead.request('POST', `/api/workspaces/${ids.wid}/documents`, { body: form });
    expect(res.status).toBe(400);
    expect(res.body.error?.message).toMatch(/title contains a NUL character/);
    expect(await fingerprint()).toBe(before);
  });

  test('a session cookie holding a NUL is no session (401), not a failed query', async () => {
    const forged = new Client(app.url);
    forged.cookie = 'corroborate_session=%00abc';
    const res = await forged.get('/api/me');
    expect(res.status).toBe(401);
    expect(res.body.error?.code).toBe('unauthorized');
  });

  test('a NUL inside an object key of an import body is refused too', async () => {
    const res = await team.lead.post(`/api/documents/${ids.doc}/annotations`, [{ type: 'Annotation', 'x\u0000y': 1, target: { selector: { type: 'TextQuoteSelector', exact: '38,000 homes' } } }]);
    expect(res.status).toBe(400);
    expect(res.body.error?.message).toMatch(/^Invalid request: body\.0\.x.y has a key that contains a NUL character/);
  });
});

describe('deep and huge JSON', () => {
  test('JSON nested deeper than 32 levels answers 400, however deep (100,000 levels), without a stack overflow', async () => {
    for (const depth of [33, 1000, 100_000]) {
      const body = `${'['.repeat(depth)}${']'.repeat(depth)}`;
      const res = await team.lead.request('POST', `/api/documents/${ids.doc}/annotations`, { body, headers: { 'content-type': 'application/json' } });
      expect(res.status, `depth ${depth}`).toBe(400);
      expect(res.body.error?.message).toMatch(/nests deeper than 32 levels/);
    }
    const nested = await team.lead.post(`/api/documents/${ids.doc}/claims`, { exact: '38,000 homes', note: JSON.parse(`${'{"a":'.repeat(40)}1${'}'.repeat(40)}`) });
    expect(nested.status).toBe(400);
  });

  test('huge strings and numbers answer 400 or 413, never 5xx', async () => {
    const cases: Array<[string, string, unknown]> = [
      ['POST', '/api/workspaces', { name: 'n'.repeat(1_000_000) }],
      ['POST', `/api/documents/${ids.doc}/claims`, { exact: '38,000 homes', note: 'x'.repeat(1_500_000) }],
      ['POST', `/api/documents/${ids.doc}/claims`, { start: 1e300, end: 1e301 }],
      ['POST', `/api/documents/${ids.doc}/claims`, { start: 0, end: Number.MAX_SAFE_INTEGER + 2 }],
      ['POST', `/api/workspaces/${ids.wid}/documents`, { title: 'T', text: 'x'.repeat(3 * 1024 * 1024) }],
      ['PATCH', `/api/workspaces/${ids.wid}`, { quorum: 1e309 }],
    ];
    for (const [method, path, body] of cases) {
      const res = await team.lead.request(method, path, { json: body });
      expect([400, 413], `${method} ${path} ${JSON.stringify(res.body).slice(0, 200)}`).toContain(res.status);
    }
  });
});

describe('timeouts', () => {
  let slow: TestApp;
  beforeAll(async () => {
    slow = await startApp({ headersTimeoutMs: 1000, requestTimeoutMs: 2000, ...(testDbKind() === 'postgres' ? { statementTimeoutMs: 300 } : {}) });
  });
  afterAll(() => slow?.close());

  /** Opens a raw connection, runs `drip` on it, and resolves with how long it stayed open and what it was answered. */
  function slowClient(drip: (write: (s: string) => void) => void): Promise<{ ms: number; answer: string }> {
    const { port } = new URL(slow.url);
    return new Promise((resolve) => {
      const started = Date.now();
      let answer = '';
      let timer: NodeJS.Timeout | undefined;
      const socket = netConnect(Number(port), '127.0.0.1', () => {
        drip((s) => socket.writable && socket.write(s));
        // Keep trickling one harmless byte at a time, as a slowloris client does.
        timer = setInterval(() => socket.writable && socket.write('a'), 200);
      });
      socket.on('data', (d) => (answer += d));
      socket.on('error', () => {});
      socket.on('close', () => {
        clearInterval(timer);
        resolve({ ms: Date.now() - started, answer });
      });
      setTimeout(() => socket.destroy(), 15_000);
    });
  }

  test('a client sending its headers a byte at a time (slowloris) is cut off after the headers timeout with 408', async () => {
    const { ms, answer } = await slowClient((write) => write('GET /api/health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: '));
    expect(ms).toBeGreaterThanOrEqual(900);
    expect(ms).toBeLessThan(5000);
    expect(answer).toMatch(/^HTTP\/1\.1 408/);
  });

  test('a client sending its body a byte at a time is cut off after the request timeout with 408', async () => {
    const { ms, answer } = await slowClient((write) =>
      write('POST /api/auth/login HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n{"email":"'),
    );
    expect(ms).toBeGreaterThanOrEqual(1900);
    expect(ms).toBeLessThan(7000);
    expect(answer).toMatch(/^HTTP\/1\.1 408/);
    // The server still answers everybody else.
    expect((await fetch(`${slow.url}/api/health`)).status).toBe(200);
  });

  test.runIf(testDbKind() === 'postgres')('every pooled PostgreSQL connection has the configured statement_timeout; a statement past it is a database timeout', async () => {
    const shown = await slow.database.db.execute(sql`show statement_timeout`);
    expect((shown as unknown as { rows: Array<{ statement_timeout: string }> }).rows[0].statement_timeout).toBe('300ms');
    const err = await slow.database.db.execute(sql`select pg_sleep(2)`).then(() => null, (e: unknown) => e);
    expect(databaseFailure(err)).toBe('timeout');
  });
});

describe('a database that went away', () => {
  test('REST answers 503 database_unavailable with Retry-After once the database is closed (PGlite closed)', async () => {
    // dataDir makes this one PGlite whichever backend the suite runs on.
    const gone = await startApp({ dataDir: 'memory://' });
    const user = new Client(gone.url);
    const signup = await user.post('/api/auth/signup', { email: uniqueEmail('gone'), password: 'correct horse battery', name: 'Gone' });
    expect(signup.status).toBe(201);
    await gone.database.close();
    try {
      const res = await user.get('/api/workspaces');
      expect(res.status).toBe(503);
      expect(res.body.error).toEqual({ code: 'database_unavailable', message: expect.stringMatching(/try again/) });
      expect(res.headers.get('retry-after')).toBe('5');
      const anonymous = await new Client(gone.url).post('/api/auth/login', { email: uniqueEmail(), password: 'whatever' });
      expect(anonymous.status).toBe(503);
    } finally {
      await gone.app.close();
    }
  });
});
