import { randomUUID } from 'node:crypto';
import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { claims, documents } from '../../db/schema';
import { startApp, type TestApp } from '../helpers/app';
import { workspaceWithRoles, type Client } from '../helpers/client';

let app: TestApp;
let team: Awaited<ReturnType<typeof workspaceWithRoles>>;
beforeAll(async () => {
  app = await startApp({ maxUploadBytes: 64 * 1024, bodyLimit: 128 * 1024 });
  team = await workspaceWithRoles(app.url);
});
afterAll(() => app?.close());

const documentCount = async () => (await app.database.db.select({ n: count() }).from(documents))[0].n;

const upload = (client: Client, wid: string, name: string, content: string | Uint8Array, type?: string, fields?: Record<string, string>) =>
  client.upload(`/api/workspaces/${wid}/documents`, name, content, type, fields);

describe('importing documents', () => {
  test('pasted plain text is stored as canonical text with its paragraphs and a content hash', async () => {
    const res = await team.annotator.post(`/api/workspaces/${team.wid}/documents`, {
      title: 'Memo',
      text: '\uFEFFFirst line\r\nstill first.  \r\n\r\n\r\n\r\nSecond paragraph.\n',
      sourceUrl: 'https://example.org/memo',
    });
    expect(res.status).toBe(201);
    expect(res.body.document).toMatchObject({
      title: 'Memo',
      format: 'text',
      text: 'First line\nstill first.\n\nSecond paragraph.',
      sourceUrl: 'https://example.org/memo',
      workspaceId: team.wid,
    });
    expect(res.body.document.contentHash).toMatch(/^[0-9a-f]{64}$/);
    const read = await team.viewer.get(`/api/documents/${res.body.document.id}`);
    expect(read.body.document).toEqual(res.body.document);
  });

  test('HTML becomes plain text with paragraphs; scripts, styles and markup are gone', async () => {
    const html = `<html><head><title>Ignored</title><style>p{color:red}</style><script>alert(1)</script></head>
      <body><h1>Heading</h1><p>One <b>bold</b> <a href="javascript:alert(2)">link</a>.</p>
      <p onclick="steal()">Two<img src=x onerror="alert(3)"></p><script>document.cookie</script></body></html>`;
    const res = await team.annotator.post(`/api/workspaces/${team.wid}/documents`, { title: 'Page', text: html, format: 'html' });
    expect(res.status).toBe(201);
    expect(res.body.document.text).toBe('Heading\n\nOne bold link.\n\nTwo');
    expect(res.body.document.text).not.toMatch(/alert|<|steal|cookie|color/);
  });

  test('Markdown becomes plain text: markup removed, one paragraph per block, list items kept', async () => {
    const md = '# Title\n\nSome *emphasis* and a [link](http://x.test).\nSame paragraph.\n\n- one\n- two\n\n> quoted[1]\n';
    const res = await team.annotator.post(`/api/workspaces/${team.wid}/documents`, { title: 'Notes', text: md, format: 'markdown' });
    expect(res.body.document.text).toBe('Title\n\nSome emphasis and a link.\nSame paragraph.\n\n• one\n\n• two\n\nquoted[1]');
  });

  test('.txt, .md and .html files upload as multipart, titled after the file unless a title is given', async () => {
    const txt = await upload(team.annotator, team.wid, 'field_notes.txt', 'Plain.\n\nText.', 'text/plain');
    expect(txt.status).toBe(201);
    expect(txt.body.document).toMatchObject({ title: 'field notes', format: 'text', text: 'Plain.\n\nText.' });
    const md = await upload(team.annotator, team.wid, 'report.md', '## Hi\n\n**there**', 'text/markdown', { title: 'Chosen title' });
    expect(md.body.document).toMatchObject({ title: 'Chosen title', format: 'markdown', text: 'Hi\n\nthere' });
    const html = await upload(team.annotator, team.wid, 'page.html', '<title>From title tag</title><p>Body</p>');
    expect(html.body.document).toMatchObject({ title: 'From title tag', format: 'html', text: 'Body' });
  });

  test('an unsupported file answers 415, a file that is not UTF-8 answers 422, and neither is stored', async () => {
    const before = await documentCount();
    const pdf = await upload(team.annotator, team.wid, 'sheet.xlsx', 'PK', 'application/vnd.ms-excel');
    expect(pdf.status).toBe(415);
    expect(pdf.body.error?.code).toBe('unsupported_format');
    const latin1 = await upload(team.annotator, team.wid, 'old.txt', new Uint8Array([0x63, 0x61, 0x66, 0xe9]), 'text/plain');
    expect(latin1.status).toBe(422);
    expect(latin1.body.error?.code).toBe('invalid_encoding');
    expect(await documentCount()).toBe(before);
  });

  test('a file over the upload limit and a JSON body over the body limit answer 413, storing nothing', async () => {
    const before = await documentCount();
    const big = await upload(team.annotator, team.wid, 'big.txt', 'x'.repeat(65 * 1024), 'text/plain');
    expect(big.status).toBe(413);
    expect(big.body.error?.code).toBe('payload_too_large');
    const bigJson = await team.annotator.post(`/api/workspaces/${team.wid}/documents`, { title: 'Big', text: 'y'.repeat(130 * 1024) });
    expect(bigJson.status).toBe(413);
    expect(bigJson.body.error?.code).toBe('payload_too_large');
    expect(await documentCount()).toBe(before);
  });

  test('malformed JSON, unknown fields and empty text answer 400 or 422 with the error body', async () => {
    const before = await documentCount();
    const malformed = await team.annotator.request('POST', `/api/workspaces/${team.wid}/documents`, {
      body: '{"title": "x", "text": ',
      headers: { 'content-type': 'application/json' },
    });
    expect(malformed.status).toBe(400);
    expect(malformed.body.error?.code).toBe('invalid_json');
    const unknownField = await team.annotator.post(`/api/workspaces/${team.wid}/documents`, { title: 'x', text: 'y', owner: 'me' });
    expect(unknownField.status).toBe(400);
    expect(unknownField.body.error?.code).toBe('validation_error');
    const onlyMarkup = await team.annotator.post(`/api/workspaces/${team.wid}/documents`, { title: 'x', text: '<script>x</script>', format: 'html' });
    expect(onlyMarkup.status).toBe(422);
    expect(onlyMarkup.body.error?.code).toBe('empty_document');
    expect(await documentCount()).toBe(before);
  });
});

describe('who may see and import documents', () => {
  test('a viewer cannot import (403); an outsider gets 404 for the list, the import and the document', async () => {
    const doc = (await team.lead.post(`/api/workspaces/${team.wid}/documents`, { title: 'Secret', text: 'Top secret.' })).body.document;
    const viewerImport = await team.viewer.post(`/api/workspaces/${team.wid}/documents`, { title: 'x', text: 'y' });
    expect(viewerImport.status).toBe(403);
    expect(viewerImport.body.error?.code).toBe('insufficient_role');
    for (const res of [
      await team.outsider.get(`/api/workspaces/${team.wid}/documents`),
      await team.outsider.post(`/api/workspaces/${team.wid}/documents`, { title: 'x', text: 'y' }),
      await team.outsider.get(`/api/documents/${doc.id}`),
    ]) {
      expect(res.status).toBe(404);
      expect(JSON.stringify(res.body)).not.toContain('Top secret');
    }
    const missing = await team.lead.get(`/api/documents/${randomUUID()}`);
    expect(missing.status).toBe(404);
    expect(missing.body.error?.code).toBe('document_not_found');
  });

  test('signed out, every document route answers 401', async () => {
    const anonymous = await fetch(`${app.url}/api/workspaces/${team.wid}/documents`);
    expect(anonymous.status).toBe(401);
  });
});

describe('listing documents', () => {
  test('the list shows each document newest first with its claim and verified counts', async () => {
    const ws = (await team.lead.post('/api/workspaces', { name: 'Counts' })).body.workspace;
    const a = (await team.lead.post(`/api/workspaces/${ws.id}/documents`, { title: 'A', text: 'Alpha beta gamma.' })).body.document;
    const b = (await team.lead.post(`/api/workspaces/${ws.id}/documents`, { title: 'B', text: 'Delta.' })).body.document;
    const claim = (status: 'open' | 'verified') => ({ id: randomUUID(), documentId: a.id, start: 0, end: 5, exact: 'Alpha', status });
    await app.database.db.insert(claims).values([claim('open'), claim('verified'), claim('verified')]);

    const res = await team.lead.get(`/api/workspaces/${ws.id}/documents`);
    expect(res.status).toBe(200);
    expect(res.body.documents.map((d: { title: string }) => d.title)).toEqual(['B', 'A']);
    expect(res.body.documents[1]).toMatchObject({ id: a.id, counts: { claims: 3, verified: 2 }, length: 17 });
    expect(res.body.documents[0]).toMatchObject({ id: b.id, counts: { claims: 0, verified: 0 } });
    expect(await app.database.db.select().from(claims).where(eq(claims.documentId, b.id))).toEqual([]);
  });

  test('a workspace with no documents lists an empty array', async () => {
    const ws = (await team.lead.post('/api/workspaces', { name: 'Empty' })).body.workspace;
    expect((await team.lead.get(`/api/workspaces/${ws.id}/documents`)).body).toEqual({ documents: [] });
  });
});
