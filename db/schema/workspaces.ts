import { boolean, integer, pgEnum, pgTable, primaryKey, text, timestamp, uuid, index } from 'drizzle-orm/pg-core';
import { ROLES } from '../../server/shared/roles';
import { users } from './users';

/** Roles in rising order of rights; each has the rights of the ones before it. */
export const memberRole = pgEnum('member_role', ROLES);

/**
 * When a claim's votes are revealed: `quorum` (automatically once the workspace's quorum of
 * votes is in; the lead may reveal earlier) or `lead` (only when the lead reveals).
 */
export const REVEAL_RULES = ['quorum', 'lead'] as const;
export type RevealRule = (typeof REVEAL_RULES)[number];
export const revealRule = pgEnum('reveal_rule', REVEAL_RULES);

export const workspaces = pgTable('workspaces', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  /** Votes after which a claim is revealed automatically. */
  quorum: integer('quorum').notNull().default(3),
  /** Whether published fact-checks show each fact-checker's verdict (by default only the tally). */
  publicVotes: boolean('public_votes').notNull().default(false),
  revealRule: revealRule('reveal_rule').notNull().default('quorum'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const memberships = pgTable(
  'memberships',
  {
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: memberRole('role').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.userId] }), index('memberships_user_idx').on(t.userId)],
);

/**
 * An invite link: whoever opens it signed in joins the workspace with `role`, until it expires, is
 * revoked, or has been used `maxUses` times (null: no limit). Only the SHA-256 of the link's secret
 * is stored, as for API tokens.
 */
export const workspaceInvites = pgTable(
  'workspace_invites',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    tokenHash: text('token_hash').notNull().unique(),
    role: memberRole('role').notNull(),
    maxUses: integer('max_uses'),
    uses: integer('uses').notNull().default(0),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [index('workspace_invites_workspace_idx').on(t.workspaceId, t.createdAt)],
);

export type WorkspaceInvite = typeof workspaceInvites.$inferSelect;
export type Workspace = typeof workspaces.$inferSelect;
export type Membership = typeof memberships.$inferSelect;
