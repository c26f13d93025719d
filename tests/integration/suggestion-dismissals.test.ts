import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startApp, type TestApp } from '../helpers/app';
import { workspaceWithRoles } from '../helpers/client';

// Dismissed suggestions: per document, for everyone, keyed by the SHA-256 of the sentence, undone
// by deleting the dismissal. Runs on PGlite and, with TEST_DATABASE_URL, on PostgreSQL.

let app: TestApp;
let team: Awaited<ReturnType<typeof workspaceWithRoles>>;
let documentId: string;
const report = readFileSync(new URL('../../server/demo/heat-report.md', import.meta.url));
const MORTALITY = 'Heat mortality rose sharply during the heatwave of July 2022, with excess deaths concentrated among residents over 75 living alone.';
const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

beforeAll(async () => {
  app = await startApp();
  team = await workspaceWithRoles(app.url);
  documentId = (await team.annotator.upload(`/api/workspaces/${team.wid}/documents`, 'heat-report.md', report, 'text/markdown')).body.document!.id;
});
afterAll(() => app?.close());

const suggested = async (who = team.viewer) => {
  const res = await who.get(`/api/documents/${documentId}/suggestions`);
  expect(res.status).toBe(200);
  return res.body;
};
/** The dismissals of the document, or one of them. */
// Template-literal types, so the typed client reads each route's reply shape from the OpenAPI types.
const path = () => `/api/documents/${documentId}/suggestions/dismissals` as const;
const pathOf = (key: string) => `/api/documents/${documentId}/suggestions/dismissals/${key}` as const;

describe('dismissing a suggested sentence', () => {
  test('an annotator dismisses a suggestion: nobody is suggested it any more, everyone sees it listed as dismissed, and undo brings it back', async () => {
    expect((await suggested()).claims.map((s) => s.exact)).toContain(MORTALITY);

    const res = await team.annotator.post(path(), { exact: MORTALITY });
    expect(res.status).toBe(201);
    expect(res.body.dismissal).toEqual({ key: sha256(MORTALITY), exact: MORTALITY, dismissedBy: { id: team.annotator.user!.id, name: 'annotator' }, dismissedAt: expect.any(String) });

    // Left out for another member, and listed with who dismissed it.
    for (const who of [team.viewer, team.lead]) {
      const after = await suggested(who);
      expect(after.claims.map((s) => s.exact)).not.toContain(MORTALITY);
      expect(after.dismissed.map((s) => [s.exact, s.dismissal.key])).toEqual([[MORTALITY, sha256(MORTALITY)]]);
      expect(after.dismissed[0].start).toBe(after.citations.find((c) => c.marker.label === '6')!.marker.start - MORTALITY.length);
    }
    const listed = await team.viewer.get(path());
    expect(listed.status).toBe(200);
    expect(listed.body.dismissals!.map((d) => d.exact)).toEqual([MORTALITY]);

    // Dismissing it again changes nothing: 200 with the first dismissal.
    const again = await team.lead.post(path(), { exact: MORTALITY });
    expect(again.status).toBe(200);
    expect(again.body.dismissal).toEqual(res.body.dismissal);

    // Undo.
    expect((await team.annotator.delete(pathOf(sha256(MORTALITY)))).status).toBe(204);
    expect((await suggested()).claims.map((s) => s.exact)).toContain(MORTALITY);
    expect((await suggested()).dismissed).toEqual([]);
    const twice = await team.annotator.delete(pathOf(sha256(MORTALITY)));
    expect([twice.status, twice.body?.error?.code]).toEqual([404, 'dismissal_not_found']);
  });

  test('a viewer may not dismiss nor restore, an outsider does not find the document, and a demoted annotator loses the right at once', async () => {
    const viewer = await team.viewer.post(path(), { exact: MORTALITY });
    expect([viewer.status, viewer.body.error?.code]).toEqual([403, 'insufficient_role']);
    expect((await team.annotator.post(path(), { exact: MORTALITY })).status).toBe(201);
    const restore = await team.viewer.delete(pathOf(sha256(MORTALITY)));
    expect([restore.status, restore.body?.error?.code]).toEqual([403, 'insufficient_role']);
    for (const res of [await team.outsider.post(path(), { exact: MORTALITY }), await team.outsider.get(path()), await team.outsider.delete(pathOf(sha256(MORTALITY)))]) {
      expect([res.status, res.body?.error?.code]).toEqual([404, 'document_not_found']);
    }
    // The factchecker is demoted to viewer: the next restore is refused, and the dismissal stays.
    expect((await team.lead.patch(`/api/workspaces/${team.wid}/members/${team.factchecker.user!.id}`, { role: 'viewer' })).status).toBe(200);
    const demoted = await team.factchecker.delete(pathOf(sha256(MORTALITY)));
    expect([demoted.status, demoted.body?.error?.code]).toEqual([403, 'insufficient_role']);
    expect((await suggested()).dismissed.map((s) => s.exact)).toEqual([MORTALITY]);
    expect((await team.annotator.delete(pathOf(sha256(MORTALITY)))).status).toBe(204);
  });

  test('hostile input is refused with a code and a sentence, and stores nothing', async () => {
    const cases: Array<[unknown, number, string]> = [
      [{ exact: `Heat mortality\u0000 rose` }, 400, 'validation_error'],
      [{ exact: 'Heat mortality \ud800 rose' }, 400, 'validation_error'],
      [{ exact: 'Heat mortality \udfff rose' }, 400, 'validation_error'],
      [{ exact: 'x'.repeat(10_001) }, 400, 'validation_error'],
      [{ exact: '' }, 400, 'validation_error'],
      [{ exact: 42 }, 400, 'validation_error'],
      [{ exact: ['a'] }, 400, 'validation_error'],
      [{}, 400, 'validation_error'],
      [{ exact: 'A sentence that is nowhere in this report.' }, 422, 'not_in_text'],
    ];
    for (const [body, status, code] of cases) {
      const res = await team.annotator.post(path(), body);
      expect([res.status, res.body.error?.code], JSON.stringify(body).slice(0, 80)).toEqual([status, code]);
      expect(res.body.error?.message).toMatch(/\w+ \w+/);
    }
    // Far past the body limit: refused before it is parsed.
    const huge = await team.annotator.post(path(), { exact: 'Heat '.repeat(2_000_000) });
    expect([huge.status, huge.body.error?.code]).toEqual([413, 'payload_too_large']);
    for (const key of ['not-a-key', sha256('x').toUpperCase(), `${sha256('x')}0`, '%00']) {
      const res = await team.annotator.delete(pathOf(key));
      expect([res.status, res.body?.error?.code], key).toEqual([400, 'validation_error']);
    }
    expect((await team.viewer.get(path())).body.dismissals).toEqual([]);
  });

  test('a dismissal outlives a new version that keeps the sentence, and the sentence comes back once restored', async () => {
    expect((await team.annotator.post(path(), { exact: MORTALITY })).status).toBe(201);
    const { document } = (await team.viewer.get(`/api/documents/${documentId}`)).body;
    const v2 = `A note added on top of version 2.\n\n${document!.text}`;
    const uploaded = await team.annotator.post(`/api/documents/${documentId}/versions`, { text: v2 });
    expect(uploaded.status).toBe(200);
    const after = await suggested();
    expect(after.claims.map((s) => s.exact)).not.toContain(MORTALITY);
    expect(after.dismissed.map((s) => [s.exact, s.start])).toEqual([[MORTALITY, v2.indexOf(MORTALITY)]]);
    expect((await team.annotator.delete(pathOf(sha256(MORTALITY)))).status).toBe(204);
    expect((await suggested()).claims.map((s) => s.exact)).toContain(MORTALITY);
  });

  test('two people dismissing the same sentence at once make one dismissal', async () => {
    const sentence = (await suggested()).claims[0].exact;
    const answers = await Promise.all([team.annotator.post(path(), { exact: sentence }), team.lead.post(path(), { exact: sentence })]);
    expect(answers.map((a) => a.status).sort()).toEqual([200, 201]);
    expect(answers[0].body.dismissal!.key).toBe(answers[1].body.dismissal!.key);
    expect((await team.viewer.get(path())).body.dismissals!.filter((d) => d.exact === sentence)).toHaveLength(1);
    expect((await team.lead.delete(pathOf(sha256(sentence)))).status).toBe(204);
  });
});
