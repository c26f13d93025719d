import { and, desc, eq, gt, isNull, or, lt, sql } from 'drizzle-orm';
import type { Db } from '../../db';
import { memberships, users, workspaceInvites, workspaces, type WorkspaceInvite } from '../../db/schema';
import { hashSecret, newSecret } from '../auth/tokens';
import type { Role } from '../shared/roles';
import type { InviteState } from './schemas';

/** Prefix of invite secrets, so a leaked link is recognisable (and redacted from logs, auth/tokens.ts). */
export const INVITE_TOKEN_PREFIX = 'cbi_';

/** Whether a string has the shape of an invite secret (checked before any query). */
export const isInviteToken = (token: string) => /^cbi_[A-Za-z0-9_-]{43}$/.test(token);

/** What became of a link now: revoked first, then used up, then expired. */
export function stateOf(invite: Pick<WorkspaceInvite, 'revokedAt' | 'maxUses' | 'uses' | 'expiresAt'>, now = new Date()): InviteState {
  if (invite.revokedAt) return 'revoked';
  if (invite.maxUses !== null && invite.uses >= invite.maxUses) return 'used_up';
  if (invite.expiresAt <= now) return 'expired';
  return 'usable';
}

/** Links of a workspace that can still admit someone. */
const usable = and(isNull(workspaceInvites.revokedAt), gt(workspaceInvites.expiresAt, sql`now()`), or(isNull(workspaceInvites.maxUses), lt(workspaceInvites.uses, workspaceInvites.maxUses)));

/** How many of a workspace's links can still admit someone. */
export async function countUsableInvites(db: Db, workspaceId: string): Promise<number> {
  const rows = await db.select({ id: workspaceInvites.id }).from(workspaceInvites).where(and(eq(workspaceInvites.workspaceId, workspaceId), usable));
  return rows.length;
}

/** Makes an invite link; returns it with its secret, which is never stored (only its SHA-256). */
export async function createInvite(db: Db, input: { workspaceId: string; role: Role; maxUses: number | null; expiresInHours: number; createdBy: string }) {
  const token = newSecret(INVITE_TOKEN_PREFIX);
  const [row] = await db
    .insert(workspaceInvites)
    .values({
      workspaceId: input.workspaceId,
      tokenHash: hashSecret(token),
      role: input.role,
      maxUses: input.maxUses,
      expiresAt: sql`now() + make_interval(hours => ${input.expiresInHours}::int)`,
      createdBy: input.createdBy,
    })
    .returning({ id: workspaceInvites.id });
  return { id: row.id, token };
}

/** A workspace's invite links, newest first (the latest 100), with who made each. */
export function listInvites(db: Db, workspaceId: string) {
  return db
    .select({ invite: workspaceInvites, createdBy: { id: users.id, name: users.name } })
    .from(workspaceInvites)
    .leftJoin(users, eq(users.id, workspaceInvites.createdBy))
    .where(eq(workspaceInvites.workspaceId, workspaceId))
    .orderBy(desc(workspaceInvites.createdAt))
    .limit(100);
}

/** Revokes a link of the workspace (keeping the first revocation's time); false when it has no such link. */
export async function revokeInvite(db: Db, workspaceId: string, inviteId: string): Promise<boolean> {
  const rows = await db
    .update(workspaceInvites)
    .set({ revokedAt: sql`coalesce(${workspaceInvites.revokedAt}, now())` })
    .where(and(eq(workspaceInvites.id, inviteId), eq(workspaceInvites.workspaceId, workspaceId)))
    .returning({ id: workspaceInvites.id });
  return rows.length > 0;
}

/** A link found by its secret, with its workspace's name and its maker's; null when there is none. */
export async function findInvite(db: Db, token: string) {
  const [row] = await db
    .select({ invite: workspaceInvites, workspaceName: workspaces.name, invitedBy: users.name })
    .from(workspaceInvites)
    .innerJoin(workspaces, eq(workspaces.id, workspaceInvites.workspaceId))
    .leftJoin(users, eq(users.id, workspaceInvites.createdBy))
    .where(eq(workspaceInvites.tokenHash, hashSecret(token)));
  return row ?? null;
}

export type AcceptOutcome =
  | { kind: 'missing' }
  | { kind: 'refused'; state: Exclude<InviteState, 'usable'> }
  | { kind: 'joined' | 'already_member'; workspace: { id: string; name: string }; role: Role };

/**
 * Joins the link's workspace with its role, in one transaction: the membership is inserted, then
 * one use is counted by a conditional update that only succeeds while the link is usable, so N
 * uses admit N people however many accept at once (a failed count rolls the membership back).
 * A member already keeps their role and uses nothing.
 */
export async function acceptInvite(db: Db, token: string, userId: string): Promise<AcceptOutcome> {
  const found = await findInvite(db, token);
  if (!found) return { kind: 'missing' };
  const { invite } = found;
  const workspace = { id: invite.workspaceId, name: found.workspaceName };
  const [existing] = await db
    .select({ role: memberships.role })
    .from(memberships)
    .where(and(eq(memberships.workspaceId, invite.workspaceId), eq(memberships.userId, userId)));
  if (existing) return { kind: 'already_member', workspace, role: existing.role };
  return db
    .transaction(async (tx) => {
      const inserted = await tx
        .insert(memberships)
        .values({ workspaceId: invite.workspaceId, userId, role: invite.role })
        .onConflictDoNothing()
        .returning({ role: memberships.role });
      if (inserted.length === 0) {
        // Joined meanwhile (another tab accepting at the same moment): no use counted.
        const [now] = await tx.select({ role: memberships.role }).from(memberships).where(and(eq(memberships.workspaceId, invite.workspaceId), eq(memberships.userId, userId)));
        return { kind: 'already_member' as const, workspace, role: now?.role ?? invite.role };
      }
      const counted = await tx
        .update(workspaceInvites)
        .set({ uses: sql`${workspaceInvites.uses} + 1` })
        .where(and(eq(workspaceInvites.id, invite.id), usable))
        .returning({ id: workspaceInvites.id });
      if (counted.length === 0) throw new InviteRefused();
      return { kind: 'joined' as const, workspace, role: invite.role };
    })
    .catch(async (err: unknown) => {
      if (!(err instanceof InviteRefused)) throw err;
      const again = await findInvite(db, token);
      const state = again ? stateOf(again.invite) : 'revoked';
      return { kind: 'refused' as const, state: state === 'usable' ? 'used_up' : state };
    });
}

/** Thrown inside the accept transaction to roll the membership back when no use could be counted. */
class InviteRefused extends Error {}
