import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../../db';
import { memberships, users, workspaces } from '../../db/schema';
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
    .select({ id: workspaces.id, name: workspaces.name, quorum: workspaces.quorum, publicVotes: workspaces.publicVotes, role: memberships.role })
    .from(memberships)
    .innerJoin(workspaces, eq(workspaces.id, memberships.workspaceId))
    .where(eq(memberships.userId, userId))
    .orderBy(asc(workspaces.createdAt));
}

/** Renames a workspace, changes its voting quorum or whether published checks show votes; returns it. */
export async function updateWorkspace(db: Db, workspaceId: string, changes: { name?: string; quorum?: number; publicVotes?: boolean }) {
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

/** Changes a member's role; false when the user is not a member. */
export async function setMemberRole(db: Db, workspaceId: string, userId: string, role: Role): Promise<boolean> {
  const rows = await db
    .update(memberships)
    .set({ role })
    .where(and(eq(memberships.workspaceId, workspaceId), eq(memberships.userId, userId)))
    .returning({ role: memberships.role });
  return rows.length > 0;
}

/** How many leads a workspace has (the last one cannot be demoted). */
export async function countLeads(db: Db, workspaceId: string): Promise<number> {
  const rows = await db
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(and(eq(memberships.workspaceId, workspaceId), eq(memberships.role, 'lead')));
  return rows.length;
}
