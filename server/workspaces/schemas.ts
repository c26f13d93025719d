import { createSelectSchema } from 'drizzle-zod';
import { z } from 'zod';
import { storable, storableString } from '../validation';
import { memberRole, revealRule, workspaces } from '../../db/schema';
import { userSchema } from '../auth/schemas';

export const roleSchema = createSelectSchema(memberRole);
export const revealRuleSchema = createSelectSchema(revealRule);

export const workspaceSchema = createSelectSchema(workspaces).pick({ id: true, name: true, quorum: true, publicVotes: true, revealRule: true }).extend({ role: roleSchema });
export const memberSchema = z.object({ user: userSchema, role: roleSchema });

export const workspaceParams = z.object({ wid: z.uuid({ error: 'must be a workspace id (UUID)' }) });
export const memberParams = workspaceParams.extend({ userId: z.uuid({ error: 'must be a user id (UUID)' }) });

export const createWorkspaceBody = z.strictObject({ name: storableString().trim().min(1).max(200) });
export const addMemberBody = z.strictObject({ email: storable(z.email({ error: 'must be an email address' }).max(254)), role: roleSchema });
export const updateWorkspaceBody = z
  .strictObject({
    name: storableString().trim().min(1).max(200).optional(),
    quorum: z.number().int().min(1).max(50).optional(),
    /** Whether published fact-checks show each fact-checker's verdict (by default only the tally). */
    publicVotes: z.boolean().optional(),
    /** `quorum`: revealed automatically once the quorum of votes is in (a lead may reveal earlier); `lead`: only a lead reveals. */
    revealRule: revealRuleSchema.optional(),
  })
  .refine((b) => Object.keys(b).length > 0, { error: 'give name, quorum, publicVotes or revealRule' });
export const setRoleBody = z.strictObject({ role: roleSchema });

export const workspaceReply = z.object({ workspace: workspaceSchema });
export const workspacesReply = z.object({ workspaces: z.array(workspaceSchema) });
export const membersReply = z.object({ members: z.array(memberSchema) });
export const memberReply = z.object({ member: memberSchema });
