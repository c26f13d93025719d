import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startApp, type TestApp } from '../helpers/app';
import { claimReviewProblems } from '../helpers/claimreview-rules';
import { addFactcheckers, Client, workspaceWithRoles } from '../helpers/client';

// Publishing a signed-off claim as a public fact-check page (issue 14 item 2).

let app: TestApp;
let team: Awaited<ReturnType<typeof workspaceWithRoles>>;
let checkers: Client[];
let documentId: string;
const text = 'The council said <b>6,000 flats</b> were built in 2023. Officials confirmed that 1,200 guards were deployed. The border is 2,650 km long.';
const NOTE = 'private working note: call the ministry';
const COMMENT = 'internal comment: do not publish yet';
const RATIONALE = 'The 2023 housing register lists 5,980 completions.';

beforeAll(async () => {
  app = await startApp();
  team = await workspaceWithRoles(app.url);
  checkers = [team.factchecker, ...(await addFactcheckers(app.url, team, ['checker2', 'checker3']))];
  const res = await team.lead.post(`/api/workspaces/${team.wid}/documents`, { title: 'Housing', text, sourceUrl: 'https://news.example/housing' });
  documentId = res.body.document!.id;
});
afterAll(async () => {
  await app?.close();
});

/** A claim with a note, a comment, link evidence and three revealed votes, signed off as verified. */
async function signedOffClaim(exact: string): Promise<string> {
  const created = await team.annotator.post(`/api/documents/${documentId}/claims`, { exact, note: NOTE });
  const id: string = created.body.claim!.id;
  await team.annotator.post(`/api/claims/${id}/evidence`, { kind: 'url', stance: 'supports', url: 'https://register.example/2023?q="flats"', title: 'Housing register 2023', excerpt: '5,980 completions' });
  await team.annotator.post(`/api/claims/${id}/comments`, { body: COMMENT });
  for (const c of checkers) await c.request('PUT', `/api/claims/${id}/vote`, { json: { verdict: 'mostly_accurate' } });
  const signed = await team.lead.post(`/api/claims/${id}/status`, { status: 'verified', rationale: RATIONALE });
  expect(signed.status).toBe(200);
  return id;
}

const anonymous = () => new Client(app.url);
const publicPage = (path: string) => anonymous().get(path, { noOrigin: true });

describe('publishing', () => {
  test('only a lead publishes, and only a signed-off claim', async () => {
    const created = await team.annotator.post(`/api/documents/${documentId}/claims`, { exact: '1,200 guards' });
    const id: string = created.body.claim!.id;
    expect((await team.factchecker.post(`/api/claims/${id}/publish`)).status).toBe(403);
    const early = await team.lead.post(`/api/claims/${id}/publish`);
    expect(early.status).toBe(409);
    expect(early.body.error?.code).toBe('not_signed_off');
    expect((await publicPage(`/fact-checks/${id}`)).status).toBe(404);
  });

  test('a published check has a public page without JavaScript: claim in context, rating, rationale, evidence, reviewer, ClaimReview JSON-LD', async () => {
    const id = await signedOffClaim('6,000 flats');
    const published = await team.lead.post(`/api/claims/${id}/publish`);
    expect(published.status).toBe(200);
    expect(published.body.claim!.publication).toMatchObject({ url: `/fact-checks/${id}` });

    const res = await publicPage(`/fact-checks/${id}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    const page = String(res.body);
    expect(page).toContain('<mark>6,000 flats</mark>');
    // The document's own markup is text on the page, never markup.
    expect(page).toContain('&lt;b&gt;');
    expect(page).toContain('Rating: Mostly accurate');
    expect(page).toContain(RATIONALE);
    expect(page).toContain('Housing register 2023');
    expect(page).toContain('5,980 completions');
    expect(page).toContain('Signed off by lead');
    expect(page).toContain('3 fact-checkers voted blind');
    // Nothing private: no note, no comment, no individual votes by default; no script but the JSON-LD.
    expect(page).not.toContain(NOTE);
    expect(page).not.toContain(COMMENT);
    expect(page).not.toContain('checker2');
    expect([...page.matchAll(/<script([^>]*)>/g)].map((m) => m[1])).toEqual([' type="application/ld+json"']);

    const json = page.match(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/)![1];
    const review = JSON.parse(json);
    expect(review['@type']).toBe('ClaimReview');
    expect(review.url).toBe(`${app.url}/fact-checks/${id}`);
    expect(review.reviewBody).toBe(RATIONALE);
    expect(claimReviewProblems(review)).toEqual([]);

    // The export's review of this claim points at the same public page.
    const exported = await team.viewer.get(`/api/workspaces/${team.wid}/export?format=claimreview&status=any`);
    const fromExport = (exported.body as Array<{ url: string }>).find((r) => r.url.endsWith(id))!;
    expect(fromExport.url).toBe(`${app.url}/fact-checks/${id}`);

    const list = await publicPage(`/fact-checks/documents/${documentId}`);
    expect(list.status).toBe(200);
    expect(String(list.body)).toContain(`href="/fact-checks/${id}"`);
  });

  test('unpublishing, or reopening the claim, takes the page down; the history records both', async () => {
    const id = await signedOffClaim('2,650 km long');
    expect((await team.lead.post(`/api/claims/${id}/publish`)).status).toBe(200);
    expect((await publicPage(`/fact-checks/${id}`)).status).toBe(200);

    const down = await team.lead.delete(`/api/claims/${id}/publish`);
    expect(down.status).toBe(200);
    expect(down.body.claim!.publication).toBeNull();
    const gone = await publicPage(`/fact-checks/${id}`);
    expect(gone.status).toBe(404);
    expect(String(gone.body)).not.toContain('2,650');

    expect((await team.lead.post(`/api/claims/${id}/publish`)).status).toBe(200);
    const reopened = await team.lead.post(`/api/claims/${id}/status`, { status: 'in_review', reason: 'a reader sent a correction' });
    expect(reopened.status).toBe(200);
    expect(reopened.body.claim!.publication).toBeNull();
    expect((await publicPage(`/fact-checks/${id}`)).status).toBe(404);
    // Signing it off again does not republish it by itself.
    await team.lead.post(`/api/claims/${id}/status`, { status: 'verified', rationale: RATIONALE });
    expect((await publicPage(`/fact-checks/${id}`)).status).toBe(404);

    const history = await team.viewer.get(`/api/claims/${id}/history?important=true`);
    const actions = (history.body.events as Array<{ action: string }>).map((e) => e.action);
    expect(actions.filter((a) => a === 'published')).toHaveLength(2);
    expect(actions).toContain('unpublished');
  });

  test("a workspace that chooses to show votes shows each fact-checker's verdict on its pages", async () => {
    const id = await signedOffClaim('1,200 guards were deployed');
    await team.lead.post(`/api/claims/${id}/publish`);
    expect(String((await publicPage(`/fact-checks/${id}`)).body)).not.toContain('checker2');
    expect((await team.factchecker.patch(`/api/workspaces/${team.wid}`, { publicVotes: true })).status).toBe(403);
    const shown = await team.lead.patch(`/api/workspaces/${team.wid}`, { publicVotes: true });
    expect(shown.body.workspace).toMatchObject({ publicVotes: true });
    const page = String((await publicPage(`/fact-checks/${id}`)).body);
    expect(page).toContain('checker2: Mostly accurate');
    expect(page).not.toContain(NOTE);
    await team.lead.patch(`/api/workspaces/${team.wid}`, { publicVotes: false });
  });

  test('a published claim without a rating shows its status and carries no ClaimReview markup', async () => {
    const created = await team.annotator.post(`/api/documents/${documentId}/claims`, { exact: 'The council said' });
    const id: string = created.body.claim!.id;
    // No votes, so no consensus to default to: signed off (confirming the overrides) without a rating.
    expect((await team.lead.post(`/api/claims/${id}/status`, { status: 'rejected', rationale: 'Nobody said it.', confirm: true })).status).toBe(200);
    expect((await team.lead.post(`/api/claims/${id}/publish`)).status).toBe(200);
    const page = String((await publicPage(`/fact-checks/${id}`)).body);
    expect(page).toContain('Rating: Rejected');
    expect(page).not.toContain('application/ld+json');
  });

  test('addresses that are not published answer the same 404 page', async () => {
    for (const path of ['/fact-checks/not-an-id', '/fact-checks/00000000-0000-4000-8000-000000000000', `/fact-checks/documents/${team.wid}`]) {
      const res = await publicPage(path);
      expect(res.status, path).toBe(404);
      expect(String(res.body)).toContain('Not published');
    }
  });
});
