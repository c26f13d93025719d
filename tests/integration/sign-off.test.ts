import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { claims } from '../../db/schema';
import { startApp, type TestApp } from '../helpers/app';
import { claimReviewProblems } from '../helpers/claimreview-rules';
import { addFactcheckers, workspaceWithRoles, type Client } from '../helpers/client';

// The lead's sign-off: a rationale that is published as the "why", overrides recorded and shown, a reason to reopen.

let app: TestApp;
let team: Awaited<ReturnType<typeof workspaceWithRoles>>;
let checkers: Client[];
let documentId: string;
const text = 'UN reports suggest that between 5,500 and 6,000 militants are active. Officials confirmed that 1,200 guards were deployed. The border is 2,650 km long.';

beforeAll(async () => {
  app = await startApp();
  team = await workspaceWithRoles(app.url);
  checkers = [team.factchecker, ...(await addFactcheckers(app.url, team, ['checker2', 'checker3']))];
  documentId = (await team.lead.post(`/api/workspaces/${team.wid}/documents`, { title: 'Border', text })).body.document.id;
});
afterAll(async () => {
  await app?.close();
});

const newClaim = async (exact: string) => (await team.annotator.post(`/api/documents/${documentId}/claims`, { exact })).body.claim;
const status = (id: string, body: Record<string, unknown>) => team.lead.post(`/api/claims/${id}/status`, body);
const exportOf = async <F extends string>(format: F) => (await team.viewer.get(`/api/workspaces/${team.wid}/export?format=${format}&status=any`)).body;
/** Only a published claim is a ClaimReview: publish, then find its review. */
async function publishedReview(id: string) {
  expect((await team.lead.post(`/api/claims/${id}/publish`)).status).toBe(200);
  return (await exportOf('claimreview')).find((r) => r.url.endsWith(id));
}

describe('sign-off', () => {
  test('verifying or rejecting needs a rationale; it is stored with who and when, and published in every export', async () => {
    const claim = await newClaim('between 5,500 and 6,000 militants');
    await team.annotator.post(`/api/claims/${claim.id}/evidence`, { kind: 'url', stance: 'supports', url: 'https://example.org/un', title: 'UN monitoring report' });
    for (const c of checkers) await c.request('PUT', `/api/claims/${claim.id}/vote`, { json: { verdict: 'mostly_accurate' } });
    for (const to of ['verified', 'rejected']) {
      const refused = await status(claim.id, { status: to, rationale: '  ' });
      expect(refused.status).toBe(422);
      expect(refused.body.error?.code).toBe('rationale_required');
    }
    const signed = await status(claim.id, { status: 'verified', rationale: 'The 2021 UN monitoring report gives 5,500–6,000.' });
    expect(signed.status).toBe(200);
    // No rating chosen: the revealed consensus is the one published.
    expect(signed.body.claim.signOff).toMatchObject({ rationale: 'The 2021 UN monitoring report gives 5,500–6,000.', rating: 'mostly_accurate', by: { id: team.lead.user!.id, name: 'lead' }, override: [] });
    expect(Date.parse(signed.body.claim.signOff!.at!)).not.toBeNaN();

    const review = (await publishedReview(claim.id))!;
    expect(claimReviewProblems(review)).toEqual([]);
    expect(review.reviewRating).toMatchObject({ ratingValue: 4, alternateName: 'Mostly accurate' });
    expect(review.reviewBody).toBe('The 2021 UN monitoring report gives 5,500–6,000.');
    const csv: string = await exportOf('csv');
    const [header, ...rows] = csv.trim().split('\r\n');
    const columns = header.split(',');
    const row = rows.find((l) => l.includes(claim.id))!;
    expect(columns).toEqual(expect.arrayContaining(['sign_off_rationale', 'sign_off_override', 'signed_off_by', 'revised_votes']));
    expect(row).toContain('The 2021 UN monitoring report gives 5,500–6,000.');
    expect(await exportOf('markdown')).toContain('**Why:** The 2021 UN monitoring report gives 5,500–6,000.');
    const annotation = (await exportOf('annotations')).first.items.find((a) => a.id.endsWith(claim.id))!;
    expect(annotation.body).toEqual(expect.arrayContaining([expect.objectContaining({ value: 'The 2021 UN monitoring report gives 5,500–6,000.', 'corroborate:role': 'rationale' })]));
    const history = (await team.viewer.get(`/api/claims/${claim.id}/history`)).body.events;
    expect(history.filter((e: { action: string }) => e.action === 'status_changed').at(-1)).toMatchObject({ to: { status: 'verified', rating: 'mostly_accurate' }, reason: 'The 2021 UN monitoring report gives 5,500–6,000.' });
  });

  test('an override (no evidence, no consensus) is confirmed, stored, and shown in every export; a revised verdict appears as a revision', async () => {
    const claim = await newClaim('1,200 guards were deployed');
    await checkers[0].request('PUT', `/api/claims/${claim.id}/vote`, { json: { verdict: 'accurate' } });
    await checkers[1].request('PUT', `/api/claims/${claim.id}/vote`, { json: { verdict: 'inaccurate' } });
    await team.lead.post(`/api/claims/${claim.id}/reveal`, { confirm: true });
    await checkers[1].post(`/api/claims/${claim.id}/vote/revision`, { verdict: 'accurate', reason: 'The deployment order was published.' });
    const ask = await status(claim.id, { status: 'verified', rationale: 'The deployment order confirms it.' });
    expect(ask.status).toBe(409);
    expect(ask.body.error).toMatchObject({ code: 'confirmation_required', details: { missing: ['no_evidence', 'no_consensus'] } });
    // Tied blind votes: no consensus to default to, so the lead names the rating (not an override of a consensus: there is none).
    const forced = await status(claim.id, { status: 'verified', rationale: 'The deployment order confirms it.', confirm: true, rating: 'accurate' });
    expect(forced.body.claim.signOff).toMatchObject({ override: ['no_evidence', 'no_consensus'], rating: 'accurate' });

    const review = (await publishedReview(claim.id))!;
    expect(claimReviewProblems(review)).toEqual([]);
    expect(review.reviewRating).toMatchObject({ ratingValue: 5, alternateName: 'Accurate' });
    expect(review.reviewBody).toContain('The deployment order confirms it.');
    expect(review.reviewBody).toContain('Signed off as verified without evidence and without a consensus');
    expect(review.reviewBody).toContain('revised Inaccurate → Accurate after reveal: The deployment order was published.');
    const row = (await exportOf('csv') as string).split('\r\n').find((l) => l.includes(claim.id))!;
    expect(row).toContain('without evidence and without a consensus');
    expect(row).toContain('revised Inaccurate → Accurate');
    const md: string = await exportOf('markdown');
    expect(md).toContain('**Override:** Signed off as verified without evidence');
    expect(md).toContain('**Not counted:**');
  });

  test('a signed-off claim is reopened only with a reason, kept as its status reason and in the history; signing it off again needs a reopening first', async () => {
    const claim = await newClaim('2,650 km long');
    await status(claim.id, { status: 'rejected', rationale: 'The border is 2,670 km by the survey.' });
    const direct = await status(claim.id, { status: 'verified', rationale: 'x', confirm: true });
    expect(direct.status).toBe(409);
    expect(direct.body.error?.code).toBe('claim_locked');
    const noReason = await status(claim.id, { status: 'in_review' });
    expect(noReason.status).toBe(422);
    expect(noReason.body.error?.code).toBe('reason_required');
    expect((await team.viewer.get(`/api/claims/${claim.id}`)).body.claim.status).toBe('rejected');
    const reopened = await status(claim.id, { status: 'in_review', reason: 'The survey was revised in 2024.' });
    expect(reopened.body.claim).toMatchObject({ status: 'in_review', statusReason: 'The survey was revised in 2024.', signOff: null });
    const history = (await team.viewer.get(`/api/claims/${claim.id}/history`)).body.events;
    expect(history.filter((e: { action: string }) => e.action === 'status_changed').map((e) => [e.to, e.reason])).toEqual([
      ['rejected', 'The border is 2,670 km by the survey.'],
      ['in_review', 'The survey was revised in 2024.'],
    ]);
    // Reopened, the claim is editable again.
    expect((await team.annotator.patch(`/api/claims/${claim.id}`, { note: 'Check the 2024 survey.' })).status).toBe(200);
  });
  test('a rating other than the consensus is published, recorded as an override in words and in the history; an unknown rating is 400', async () => {
    const claim = await newClaim('UN reports suggest');
    await team.annotator.post(`/api/claims/${claim.id}/evidence`, { kind: 'quote', stance: 'refutes', excerpt: 'No UN report says so.' });
    for (const c of checkers) await c.request('PUT', `/api/claims/${claim.id}/vote`, { json: { verdict: 'mixed' } });
    const unknown = await status(claim.id, { status: 'verified', rationale: 'x', rating: 'true' });
    expect(unknown.status).toBe(400);
    const signed = await status(claim.id, { status: 'rejected', rationale: 'No UN report says so.', rating: 'inaccurate' });
    expect(signed.status).toBe(200);
    expect(signed.body.claim.signOff).toMatchObject({ rating: 'inaccurate', override: ['rating_not_consensus'] });
    const history = (await team.viewer.get(`/api/claims/${claim.id}/history`)).body.events;
    expect(history.filter((e: { action: string }) => e.action === 'status_changed').at(-1)).toMatchObject({
      to: { status: 'rejected', rating: 'inaccurate', override: ['rating_not_consensus'] },
      reason: 'No UN report says so.',
    });
    const review = (await publishedReview(claim.id))!;
    expect(claimReviewProblems(review)).toEqual([]);
    expect(review.reviewRating).toMatchObject({ ratingValue: 1, alternateName: 'Inaccurate' });
    expect(review.reviewBody).toBe("No UN report says so. Signed off as rejected rated Inaccurate over the blind votes' consensus, Mixed.");
    expect(await exportOf('markdown')).toContain("**Override:** Signed off as rejected rated Inaccurate over the blind votes' consensus, Mixed.");

    // Reopening clears the rating with the sign-off; signing off again defaults to the consensus, no override.
    const reopened = await status(claim.id, { status: 'in_review', reason: 'A reader sent the report.' });
    expect(reopened.body.claim.signOff).toBeNull();
    const [row] = await app.database.db.select({ rating: claims.signOffRating }).from(claims).where(eq(claims.id, claim.id));
    expect(row.rating).toBeNull();
    const again = await status(claim.id, { status: 'rejected', rationale: 'Still no UN report says so.' });
    expect(again.body.claim.signOff).toMatchObject({ rating: 'mixed', override: [] });
    // Reopened, it left its public page; unpublished, it is no review.
    expect((await exportOf('claimreview')).find((r) => r.url.endsWith(claim.id))).toBeUndefined();
  });

  test('a sign-off without a rating (no revealed consensus, none chosen) is no review, even published', async () => {
    const claim = await newClaim('The border is');
    const signed = await status(claim.id, { status: 'rejected', rationale: 'Not a claim.' });
    expect(signed.body.claim.signOff).toMatchObject({ rating: null, override: [] });
    expect(await publishedReview(claim.id)).toBeUndefined();
    expect(await exportOf('markdown')).toContain('**Rating:** Not rated (signed off as rejected)');
  });
});
