/**
 * Hostile input cannot freeze the server: CPU-heavy work runs in the job pool (server/jobs) within
 * a time limit, and input limits are checked before the heavy work. Each hostile request answers
 * its code and leaves the stored rows as they were. The pool here has one thread, a queue of one
 * and a 3 s time limit; every hostile job below needs ten times that or more.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { claimEvents, claims, documents, documentVersions, evidence } from '../../db/schema';
import { loadConfig } from '../../server/config';
import { storableText } from '../../server/documents/import/limits';
import type { JobPool } from '../../server/jobs';
import { isStorableText } from '../../server/shared/storable-text';
import { startApp, type TestApp } from '../helpers/app';
import { workspaceWithRoles, type Answer, type AnyAnswer, type Client } from '../helpers/client';
import { eventually } from '../helpers/collab';
import { makeDocxBomb, makeDocxFromXml, makeDocxWithParts, makePdf, prose, understateInflatedSize } from '../helpers/make-files';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
let app: TestApp;
let team: Awaited<ReturnType<typeof workspaceWithRoles>>;
let pool: JobPool;

beforeAll(async () => {
  app = await startApp({
    jobs: { ...loadConfig({}).jobs, threads: 1, maxQueue: 1, timeoutMs: 3000, maxDocumentChars: 1_200_000 },
  });
  team = await workspaceWithRoles(app.url);
  pool = app.app.jobs;
});
afterAll(() => app?.close());

const upload = <P extends string>(client: Client, path: P, name: string, bytes: Uint8Array | string, type: string) => client.upload(path, name, bytes, type);
const importFile = (name: string, bytes: Uint8Array | string, type: string) => upload(team.annotator, `/api/workspaces/${team.wid}/documents`, name, bytes, type);

async function newDocument(text: string, format = 'text'): Promise<string> {
  const res = await team.annotator.post(`/api/workspaces/${team.wid}/documents`, { title: 'Harbour', text, format });
  expect(res.status).toBe(201);
  return res.body.document.id;
}

/** Every row an import, an annotation import or a new version writes, to compare before and after. */
async function storedRows() {
  const db = app.database.db;
  const byId = <T extends { id: unknown }>(rows: T[]) => JSON.stringify([...rows].sort((a, b) => String(a.id).localeCompare(String(b.id))));
  return {
    documents: byId(await db.select().from(documents)),
    versions: JSON.stringify(await db.select().from(documentVersions)),
    claims: byId(await db.select().from(claims)),
    evidence: byId(await db.select().from(evidence)),
    claimEvents: byId(await db.select().from(claimEvents)),
  };
}

/** Sends a request that runs a heavy job, and, once the job runs, checks that the server answers a ping meanwhile. */
async function whileItRuns<T>(send: () => Promise<Answer<T>>): Promise<Answer<T>> {
  let settled = false;
  const answer = send().finally(() => (settled = true));
  await eventually(() => pool.stats.running === 1 || settled, 20_000, 'the job to start');
  expect(settled).toBe(false);
  const ping = await fetch(`${app.url}/api/health`);
  expect(ping.status).toBe(200);
  expect(settled).toBe(false);
  return answer;
}

const codeOf = (res: AnyAnswer) => ({ status: res.status, code: res.body?.error?.code });

test('suggestions that take too long are stopped at the time limit with 422 too_complex while other requests are answered, and the thread is replaced', async () => {
  const big = await newDocument(prose(1_100_000));
  const res = await whileItRuns(() => team.viewer.get(`/api/documents/${big}/suggestions`));
  expect(codeOf(res)).toEqual({ status: 422, code: 'too_complex' });
  expect(res.body.error?.message).toMatch(/suggestions.*limit/);
  const small = await newDocument(prose(2000));
  const again = await team.viewer.get(`/api/documents/${small}/suggestions`);
  expect(again.status).toBe(200);
  expect(again.body.claims.length).toBeGreaterThan(0);
});

test('an annotation import whose quotes cannot be placed in time answers 422 too_complex and creates no claim', async () => {
  const big = await newDocument(prose(1_000_000));
  const before = await storedRows();
  // Near copies of the prose: each sends the fuzzy search through hundreds of look-alike paragraphs.
  const quotes = Array.from({ length: 300 }, (_, i) => ({
    type: 'Annotation',
    body: [{ type: 'TextualBody', purpose: 'commenting', value: `note ${i}` }],
    target: { selector: [{ type: 'TextQuoteSelector', exact: `Officials confirmed on ${i % 28} March that the harbour wall in district X${i} will protect`, prefix: 'The ', suffix: ' again.' }] },
  }));
  const res = await whileItRuns(() => team.annotator.post(`/api/documents/${big}/annotations`, { type: 'AnnotationCollection', items: quotes }));
  expect(codeOf(res)).toEqual({ status: 422, code: 'too_complex' });
  expect(await storedRows()).toEqual(before);
});

test('a new version whose claims cannot be re-anchored in time answers 422 too_complex and leaves the document, its versions and claims unchanged', async () => {
  const text = prose(3000);
  const doc = await newDocument(text);
  const sentences = text.split(/(?<=\.) /).filter((s) => s.length > 40);
  const items = Array.from({ length: 300 }, (_, i) => {
    const exact = sentences[i % sentences.length];
    return { type: 'Annotation', target: { selector: [{ type: 'TextQuoteSelector', exact }, { type: 'TextPositionSelector', start: text.indexOf(exact), end: text.indexOf(exact) + exact.length }] } };
  });
  const imported = await team.annotator.post(`/api/documents/${doc}/annotations`, items);
  expect(imported.status).toBe(201);
  expect(imported.body.created).toHaveLength(300);
  await eventually(async () => (await team.viewer.get(`/api/documents/${doc}/claims`)).body.claims?.length === 300, 20_000, 'the claims to be stored');
  const before = await storedRows();
  const unrelated = Array.from({ length: 13_000 }, (_, i) => `Paragraph ${i} is about something else entirely, with no harbour in it at all.`).join('\n\n');
  const res = await whileItRuns(() => team.annotator.post(`/api/documents/${doc}/versions`, { text: unrelated }));
  expect(codeOf(res)).toEqual({ status: 422, code: 'too_complex' });
  expect(res.body.error?.message).toMatch(/Re-anchoring/);
  expect(await storedRows()).toEqual(before);
});

test('a full pool answers 503 busy with Retry-After while the running and the waiting job finish with their own answers', async () => {
  const big = await newDocument(prose(1_100_000));
  const small = await newDocument(prose(2000));
  // Built before the pool fills: making 50 MB takes seconds on a loaded machine, longer than the jobs' time limit.
  const bombBytes = await makeDocxBomb(50 * 1024 * 1024);
  const first = team.viewer.get(`/api/documents/${big}/suggestions`);
  await eventually(() => pool.stats.running === 1, 20_000, 'the first job to start');
  const second = team.viewer.get(`/api/documents/${big}/suggestions`);
  await eventually(() => pool.stats.waiting === 1, 20_000, 'the second job to wait');
  const third = await team.viewer.get(`/api/documents/${small}/suggestions`);
  expect(codeOf(third)).toEqual({ status: 503, code: 'busy' });
  expect(Number(third.headers.get('retry-after'))).toBeGreaterThan(0);
  expect(third.body.error?.message).toMatch(/try again in \d+ seconds/);
  // The cheap checks run before a job is queued: a refused file is answered at once, not told the server is busy.
  const bomb = await importFile('bomb.docx', bombBytes, DOCX);
  expect(codeOf(bomb)).toEqual({ status: 413, code: 'archive_too_large' });
  const nested = await team.annotator.post(`/api/workspaces/${team.wid}/documents`, { title: 'Brackets', format: 'markdown', text: '['.repeat(240_000) });
  expect(codeOf(nested)).toEqual({ status: 422, code: 'too_deeply_nested' });
  expect(pool.stats).toEqual({ running: 1, waiting: 1 });
  expect(codeOf(await first)).toEqual({ status: 422, code: 'too_complex' });
  expect(codeOf(await second)).toEqual({ status: 422, code: 'too_complex' });
});

test('a document longer than the character limit answers 413 document_too_large, before anything is stored', async () => {
  const before = await storedRows();
  const res = await team.annotator.post(`/api/workspaces/${team.wid}/documents`, { title: 'Long', text: 'x'.repeat(1_300_000) });
  expect(codeOf(res)).toEqual({ status: 413, code: 'document_too_large' });
  expect(res.body.error?.message).toMatch(/1,300,000 characters.*1,200,000/);
  expect(await storedRows()).toEqual(before);
});

test('a PDF of 5,000 pages answers 413 too_many_pages', async () => {
  // A one-page PDF first, so the page count below runs on a thread that has loaded the PDF reader:
  // an earlier test's aborted job leaves a fresh thread, and loading it on a busy machine can take
  // most of this pool's 3 s limit (the refusal would then be 422 too_complex, not the page limit).
  const warm = await importFile('one.pdf', makePdf([[{ text: 'Page 1.', x: 72, y: 700, size: 11 }]]), 'application/pdf');
  expect(warm.status).toBe(201);
  const before = await storedRows();
  const pdf = makePdf(Array.from({ length: 5000 }, (_, i) => [{ text: `Page ${i + 1}.`, x: 72, y: 700, size: 11 }]));
  const res = await importFile('long.pdf', pdf, 'application/pdf');
  expect(codeOf(res)).toEqual({ status: 413, code: 'too_many_pages' });
  expect(res.body.error?.message).toMatch(/5,000 pages/);
  expect(await storedRows()).toEqual(before);
});

test('deeply nested HTML and Markdown, and a long run of open brackets, answer 422 too_deeply_nested from the pre-scan', async () => {
  const before = await storedRows();
  const hostile: Array<[string, string, string]> = [
    ['nested.html', `<html><body>${'<div>'.repeat(50_000)}deep${'</div>'.repeat(50_000)}</body></html>`, 'text/html'],
    ['quotes.md', `${'> '.repeat(20_000)}deep`, 'text/markdown'],
    ['lists.md', Array.from({ length: 2000 }, (_, i) => `${' '.repeat(2 * i)}- level ${i}`).join('\n'), 'text/markdown'],
    ['brackets.md', '['.repeat(240_000), 'text/markdown'],
    ['inline.md', `A paragraph ${'<span>'.repeat(10_000)}deep`, 'text/markdown'],
  ];
  for (const [name, body, type] of hostile) {
    const res = await importFile(name, body, type);
    expect({ name, ...codeOf(res) }).toEqual({ name, status: 422, code: 'too_deeply_nested' });
  }
  const pasted = await team.annotator.post(`/api/workspaces/${team.wid}/documents`, { title: 'Pasted', text: '['.repeat(240_000), format: 'markdown' });
  expect(codeOf(pasted)).toEqual({ status: 422, code: 'too_deeply_nested' });
  // A real document's nesting (a list in a quote, a link in a footnote) is imported.
  const fine = await importFile('fine.md', '# Title\n\n> A quote\n> - with a [link](https://example.org)\n>   - nested\n\nText.[^1]\n\n[^1]: A [note](https://example.org).', 'text/markdown');
  expect(fine.status).toBe(201);
  const after = await storedRows();
  expect(JSON.parse(after.documents)).toHaveLength(JSON.parse(before.documents).length + 1);
});

test('a Word file that inflates past the limits answers 413 archive_too_large from its ZIP directory, before anything is inflated, lies about sizes included', async () => {
  const before = await storedRows();
  const bomb = await makeDocxBomb(50 * 1024 * 1024);
  expect(bomb.length).toBeLessThan(200 * 1024);
  const res = await importFile('bomb.docx', bomb, DOCX);
  expect(codeOf(res)).toEqual({ status: 413, code: 'archive_too_large' });
  expect(res.body.error?.message).toMatch(/word\/document\.xml.*MiB/);

  const liar = understateInflatedSize(bomb, 'word/document.xml', 1000);
  const lied = await importFile('liar.docx', liar, DOCX);
  expect(codeOf(lied)).toEqual({ status: 413, code: 'archive_too_large' });
  expect(lied.body.error?.message).toMatch(/more than it declares/);

  const parts = await importFile('parts.docx', await makeDocxWithParts(3000), DOCX);
  expect(codeOf(parts)).toEqual({ status: 413, code: 'archive_too_large' });
  expect(parts.body.error?.message).toMatch(/3,00\d parts/);
  expect(await storedRows()).toEqual(before);
});

test('a new version refused by the input limits leaves the document unchanged', async () => {
  const doc = await newDocument(prose(2000));
  const before = await storedRows();
  const nested = await team.annotator.post(`/api/documents/${doc}/versions`, { text: '['.repeat(240_000), format: 'markdown' });
  expect(codeOf(nested)).toEqual({ status: 422, code: 'too_deeply_nested' });
  const bomb = await upload(team.annotator, `/api/documents/${doc}/versions`, 'bomb.docx', await makeDocxBomb(50 * 1024 * 1024), DOCX);
  expect(codeOf(bomb)).toEqual({ status: 413, code: 'archive_too_large' });
  expect(await storedRows()).toEqual(before);
});

test('text extracted from files is stored with NUL characters removed and unpaired surrogates replaced by U+FFFD', async () => {
  const docx = await importFile('controls.docx', await makeDocxFromXml(['Before&#0;after, a lone &#xD800; surrogate.']), DOCX);
  expect(docx.status).toBe(201);
  expect(docx.body.document.text).toBe('Beforeafter, a lone \uFFFD surrogate.');
  const html = await importFile('nul.html', '<html><body><p>One\u0000two</p></body></html>', 'text/html');
  expect(html.status).toBe(201);
  expect(html.body.document.text).toBe('Onetwo');
  const text = await importFile('nul.txt', 'Tab\u0000separated\u0000values', 'text/plain');
  expect(text.status).toBe(201);
  expect(isStorableText(text.body.document.text)).toBe(true);
  expect(storableText('a\u0000b\ud800c\udc00d\ud83d\ude00')).toBe('ab\uFFFDc\uFFFDd\ud83d\ude00');
});
