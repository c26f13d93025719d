import { afterAll, beforeAll, expect, test } from 'vitest';
import { startApp, type TestApp } from '../helpers/app';
import { signUp, workspaceWithRoles } from '../helpers/client';

let app: TestApp;
let team: Awaited<ReturnType<typeof workspaceWithRoles>>;
const text = 'Surface temperatures in dense city centres exceed those of farmland by 4 to 7 °C. Street trees reduce the temperature beneath them by as much as 12 °C. Green roofs cool the buildings that carry them.';

beforeAll(async () => {
  app = await startApp();
  team = await workspaceWithRoles(app.url);
});
afterAll(() => app?.close());

test('annotations exported from one workspace and imported into another give the same anchors, notes, tags and evidence', async () => {
  const source = (await team.lead.post(`/api/workspaces/${team.wid}/documents`, { title: 'Heat', text })).body.document;
  for (const exact of ['4 to 7 °C', 'as much as 12 °C', 'Green roofs cool the buildings']) {
    const claim = (await team.annotator.post(`/api/documents/${source.id}/claims`, { exact, note: `Check ${exact}`, tags: ['figure'], confidence: 55 })).body.claim;
    await team.annotator.post(`/api/claims/${claim.id}/evidence`, { kind: 'url', stance: 'supports', url: 'https://example.org/heat', title: 'Heat study' });
  }
  const exported = (await team.viewer.request('GET', `/api/workspaces/${team.wid}/export?format=annotations&status=any`)).body;

  const other = await signUp(app.url, 'elsewhere');
  const wid = (await other.post('/api/workspaces', { name: 'Other desk' })).body.workspace.id;
  const target = (await other.post(`/api/workspaces/${wid}/documents`, { title: 'Heat copy', text })).body.document;
  const imported = await other.post(`/api/documents/${target.id}/annotations`, exported);
  expect(imported.status).toBe(201);
  expect(imported.body.skipped).toEqual([]);
  expect(imported.body.created.map((c: { method: string }) => c.method)).toEqual(['position', 'position', 'position']);

  const before = (await team.viewer.get(`/api/documents/${source.id}/claims`)).body.claims;
  const after = (await other.get(`/api/documents/${target.id}/claims`)).body.claims;
  const shape = (cs: any[]) => cs.map((c) => ({ anchor: c.anchor, note: c.note, tags: c.tags, confidence: c.confidence, evidence: c.evidence.map((e: any) => [e.kind, e.stance, e.url, e.title]) }));
  expect(shape(after)).toEqual(shape(before));
});

test('a Hypothesis export imports, anchoring by quote into an edited text; what no longer matches is skipped, not moved', async () => {
  const edited = `A new opening sentence was added. ${text}`;
  const doc = (await team.lead.post(`/api/workspaces/${team.wid}/documents`, { title: 'Edited heat', text: edited })).body.document;
  const hypothesis = [
    {
      id: 'h1',
      text: 'Which farmland?',
      tags: ['heat'],
      target: [{ source: 'https://example.org/heat', selector: [
        { type: 'RangeSelector', startContainer: '/p[1]', startOffset: 0, endContainer: '/p[1]', endOffset: 9 },
        { type: 'TextPositionSelector', start: 70, end: 79 },
        { type: 'TextQuoteSelector', exact: '4 to 7 °C', prefix: 'exceed those of farmland by ', suffix: '. Street trees' },
      ] }],
    },
    { id: 'h2', text: 'Gone', target: [{ source: 'x', selector: [{ type: 'TextQuoteSelector', exact: 'a sentence that was never in this text at all', prefix: '', suffix: '' }] }] },
    { id: 'h3', text: 'Page note', target: [{ source: 'x' }] },
  ];
  const res = await team.annotator.post(`/api/documents/${doc.id}/annotations`, hypothesis);
  expect(res.status).toBe(201);
  expect(res.body.created).toHaveLength(1);
  expect(res.body.created[0].anchor.start).toBe(edited.indexOf('4 to 7 °C'));
  expect(res.body.created[0].method).toBe('quote');
  expect(res.body.skipped).toEqual([{ index: 1, reason: 'not_found' }, { index: 2, reason: 'no_text_selector' }]);
  const claim = (await team.viewer.get(`/api/claims/${res.body.created[0].id}`)).body.claim;
  expect(claim).toMatchObject({ note: 'Which farmland?', tags: ['heat'] });
  const nothing = await team.annotator.post(`/api/documents/${doc.id}/annotations`, { hello: 'world' });
  expect(nothing.status).toBe(400);
  expect((await team.viewer.post(`/api/documents/${doc.id}/annotations`, hypothesis)).status).toBe(403);
});

test('selectors whose values have the wrong types are read as absent, never a 500', async () => {
  const doc = (await team.lead.post(`/api/workspaces/${team.wid}/documents`, { title: 'Typed heat', text })).body.document;
  const start = text.indexOf('4 to 7 °C');
  const res = await team.annotator.post(`/api/documents/${doc.id}/annotations`, [
    { target: { selector: [{ type: 'TextQuoteSelector', exact: '4 to 7 °C', prefix: 5, suffix: ['x'] }] } },
    { target: { selector: [{ type: 'TextQuoteSelector', exact: 7 }, { type: 'TextPositionSelector', start: '1', end: 4 }] } },
    { target: { selector: [{ type: 'TextPositionSelector', start, end: start + 9 }, { type: 'TextQuoteSelector', exact: null }] } },
  ]);
  expect(res.status).toBe(201);
  expect(res.body.created.map((c: { anchor: { exact: string } }) => c.anchor.exact)).toEqual(['4 to 7 °C', '4 to 7 °C']);
  expect(res.body.skipped).toEqual([{ index: 1, reason: 'no_text_selector' }]);
});
