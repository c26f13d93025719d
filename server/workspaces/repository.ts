import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../../db';
import { memberships, users, workspaces, type RevealRule } from '../../db/schema';
import type { Role } from '../shared/roles';

/** Creates a workspace with its creator as lead, in one transaction. */
export async function createWorkspace(db: Db, name: string, leadId: string) {
  return db.transaction(async (tx) => {
    const [workspace] = await tx.insert(workspaces).values({ name }).returning();
    await tx.insert(memberships).values({ workspaceId: workspace.id, userId: leadId, role: 'lead' });
    return { ...workspace, role: 'lead' as Role };
  });
}

/** The workspaces a user is a member of, with their role in each. */
export function listWorkspacesOf(db: Db, userId: string) {
  return db
    .select({ id: workspaces.id, name: workspaces.name, quorum: workspaces.quorum, publicVotes: workspaces.publicVotes, revealRule: workspaces.revealRule, role: memberships.role })
    .from(memberships)
    .innerJoin(workspaces, eq(workspaces.id, memberships.workspaceId))
    .where(eq(memberships.userId, userId))
    .orderBy(asc(workspaces.createdAt));
}

/** Renames a workspace, changes its voting quorum, its reveal rule or whether published checks show votes; returns it. */
export async function updateWorkspace(db: Db, workspaceId: string, changes: { name?: string; quorum?: number; publicVotes?: boolean; revealRule?: RevealRule }) {
  const [row] = await db.update(workspaces).set(changes).where(eq(workspaces.id, workspaceId)).returning();
  return row;
}

/** A user's role in a workspace, or null when they are not a member (or there is no such workspace). */
export async function findRole(db: Db, workspaceId: string, userId: string): Promise<Role | null> {
  const [row] = await db
    .select({ role: memberships.role })
    .from(memberships)
    .where(and(eq(memberships.workspaceId, workspaceId), eq(memberships.userId, userId)));
  return row?.role ?? null;
}

export function listMembers(db: Db, workspaceId: string) {
  return db
    .select({ user: { id: users.id, email: users.email, name: users.name }, role: memberships.role })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.workspaceId, workspaceId))
    .orderBy(asc(memberships.createdAt));
}

export type AddMemberResult =
  | { ok: true; member: { user: { id: string; email: string; name: string }; role: Role } }
  | { ok: false; reason: 'user_not_found' | 'already_member' };

/** Adds an existing user, found by email, to a workspace with a role. */
export async function addMember(db: Db, workspaceId: string, email: string, role: Role): Promise<AddMemberResult> {
  const [user] = await db
    .select({ id: users.id, email: users.email, name: users.name })
    .from(users)
    .where(eq(users.email, email.toLowerCase()));
  if (!user) return { ok: false, reason: 'user_not_found' };
  const inserted = await db
    .insert(memberships)
    .values({ workspaceId, userId: user.id, role })
    .onConflictDoNothing()
    .returning({ role: memberships.role });
  if (inserted.length === 0) return { ok: false, reason: 'already_member' };
  return { ok: true, member: { user, role } };
}

export type MembershipChange = 'done' | 'not_member' | 'last_lead';

/**
 * Changes a member's role, or removes them (`role` null), unless that would leave the workspace
 * without a lead. Changes to one workspace's members are serialised (its row is locked), so two
 * leads stepping down at once cannot both succeed.
 */
export async function changeMembership(db: Db, workspaceId: string, userId: string, role: Role | null): Promise<MembershipChange> {
  return db.transaction(async (tx) => {
    await tx.select({ id: workspaces.id }).from(workspaces).where(eq(workspaces.id, workspaceId)).for('update');
    const members = await tx.select({ userId: memberships.userId, role: memberships.role }).from(memberships).where(eq(memberships.workspaceId, workspaceId));
    const target = members.find((m) => m.userId === userId);
    if (!target) return 'not_member';
    const leads = members.filter((m) => m.role === 'lead').length;
    if (target.role === 'lead' && role !== 'lead' && leads === 1) return 'last_lead';
    const member = and(eq(memberships.workspaceId, workspaceId), eq(memberships.userId, userId));
    if (role === null) await tx.delete(memberships).where(member);
    else await tx.update(memberships).set({ role }).where(member);
    return 'done';
  });
}
