import { z } from 'zod';
import { userRefSchema } from '../auth/schemas';
import { roleSchema, workspaceParams } from '../workspaces/schemas';

/** How long an invite link may stay usable: at most 30 days. */
export const MAX_INVITE_HOURS = 30 * 24;
/** The most people one link may admit. */
export const MAX_INVITE_USES = 500;
/** Links of one workspace that may be usable at once (hostile or careless: one per click, for ever). */
export const MAX_ACTIVE_INVITES = 50;

/** What became of a link: usable, or why not. */
export const INVITE_STATES = ['usable', 'expired', 'revoked', 'used_up'] as const;
export type InviteState = (typeof INVITE_STATES)[number];
export const inviteStateSchema = z.enum(INVITE_STATES);

export const createInviteBody = z.strictObject({
  role: roleSchema,
  /** Hours until the link stops working (1 to 720, default a week). */
  expiresInHours: z.number().int().min(1).max(MAX_INVITE_HOURS).default(7 * 24),
  /** How many people may join with it (1: usable once; null: anyone until it expires). */
  maxUses: z.number().int().min(1).max(MAX_INVITE_USES).nullable().default(1),
});

export const inviteSchema = z.object({
  id: z.uuid(),
  role: roleSchema,
  maxUses: z.number().int().nullable(),
  uses: z.number().int(),
  expiresAt: z.string(),
  createdAt: z.string(),
  createdBy: userRefSchema.nullable(),
  revokedAt: z.string().nullable(),
  state: inviteStateSchema,
});

export const inviteParams = workspaceParams.extend({ id: z.uuid({ error: 'must be an invite id (UUID)' }) });
/** The secret of a link; its shape is checked by the handler (an unknown one is simply not found). */
export const inviteTokenParams = z.object({ token: z.string().max(100) });

export const createInviteReply = z.object({
  invite: inviteSchema,
  /** The link's secret, shown once: only its SHA-256 is stored. */
  token: z.string(),
  /** The page to send people to: `/invite/<token>`. */
  path: z.string(),
});
export const invitesReply = z.object({ invites: z.array(inviteSchema) });

/** What anyone holding the link may see: the workspace's name and the role, never its members or documents. */
export const invitePreviewReply = z.object({
  invite: z.object({
    workspace: z.object({ name: z.string() }),
    role: roleSchema,
    state: inviteStateSchema,
    expiresAt: z.string(),
    /** Who made the link, while it is usable. */
    invitedBy: z.object({ name: z.string() }).nullable(),
    /** Signed in and already a member: the workspace and the caller's role there; otherwise null. */
    membership: z.object({ workspaceId: z.uuid(), role: roleSchema }).nullable(),
  }),
});

export const acceptInviteReply = z.object({
  workspace: z.object({ id: z.uuid(), name: z.string() }),
  role: roleSchema,
  /** True when the caller was a member already: their role stays as it was and no use is counted. */
  alreadyMember: z.boolean(),
});
