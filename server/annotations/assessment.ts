/**
 * Keeping an imported claim's assessment (its status and the verdict of its votes) when
 * annotations are imported into another document or workspace. Status and votes are server-owned
 * (CLAIM_FIELDS): they are written the way the verification routes write them — a vote, a reveal, a
 * sign-off through server/votes/repository.ts, then mirrored into the live document — by the person
 * importing, in their own name and with their role's rights, and recorded in the history like any
 * other. The source's voters are not members here: its revealed consensus becomes the importer's
 * vote, whose note says whose consensus it was.
 */
import type { FastifyInstance } from 'fastify';
import { isSignedOff, type ClaimStatus } from '../shared/claim-doc';
import { roleAtLeast, type Role } from '../shared/roles';
import { mirrorClaim } from '../votes/mirror';
import { castVote, claimState, evidenceCount, listVotes, reveal, setStatus } from '../votes/repository';
import { visibleVotes } from '../votes/visibility';
import type { ImportedAssessment } from './parse';

/** A part of an imported assessment that was not kept, and the role that could have kept it. */
export interface NotKept {
  field: 'status' | 'verdict';
  reason: 'insufficient_role';
  role: Role;
}

const sentence = (a: ImportedAssessment) => {
  const v = a.verdict!;
  const votes = v.votes === null ? 'blind votes' : v.votes === 1 ? '1 blind vote' : `${v.votes} blind votes`;
  const agreement = v.agreement === null ? '' : `, agreement ${Math.round(v.agreement * 100)}%`;
  return `Imported: the revealed consensus of ${votes}${agreement} where these annotations were exported.`;
};

/**
 * Applies an imported assessment to a claim just created from it, as `user` with `role` in its
 * workspace: the verdict as the importer's vote (a fact-checker's right), revealed (a lead's); the
 * status by the sign-off path (a lead's), with the source's rationale, and the overrides the
 * sign-off route would record here. Returns what it could not keep for want of a role.
 */
export async function keepAssessment(
  app: FastifyInstance,
  target: { claimId: string; documentId: string },
  user: { id: string },
  role: Role,
  assessment: ImportedAssessment,
): Promise<NotKept[]> {
  const notKept: NotKept[] = [];
  const { claimId, documentId } = target;
  let changed = false;
  if (assessment.verdict) {
    if (!roleAtLeast(role, 'factchecker')) notKept.push({ field: 'verdict', reason: 'insufficient_role', role: 'factchecker' });
    else {
      await castVote(app.db, { claimId, documentId, userId: user.id, verdict: assessment.verdict.value, confidence: null, note: sentence(assessment) });
      // The source's consensus was revealed; here it is revealed by the lead who brings it in.
      if (roleAtLeast(role, 'lead')) {
        const state = await claimState(app.db, claimId);
        if (state && state.revealedAt === null) await reveal(app.db, claimId, documentId, user.id, 1);
      }
      changed = true;
    }
  }
  const status: ClaimStatus | null = assessment.status && assessment.status !== 'open' ? assessment.status : null;
  if (status) {
    if (!roleAtLeast(role, 'lead')) notKept.push({ field: 'status', reason: 'insufficient_role', role: 'lead' });
    else {
      const state = await claimState(app.db, claimId);
      if (state) {
        // What the sign-off route records as overridden, checked the same way.
        const override: string[] = [];
        if (status === 'verified') {
          if ((await evidenceCount(app.db, claimId)) === 0) override.push('no_evidence');
          if (state.revealedAt === null) override.push('no_revealed_vote');
          else if (visibleVotes(await listVotes(app.db, [claimId]), { revealed: true, round: state.round }, null).tally.consensus === null) override.push('no_consensus');
        }
        const rationale = isSignedOff(status) ? (assessment.rationale ?? `Imported as ${status}; the export gave no rationale.`) : null;
        await setStatus(app.db, { claimId, documentId, userId: user.id, from: state.status, to: status, override, rationale, reason: null });
        changed = true;
      }
    }
  }
  if (changed) await mirrorClaim(app, documentId, claimId);
  return notKept;
}
