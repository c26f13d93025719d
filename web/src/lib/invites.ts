/**
 * Invite links (API.md "Invite links"), as the members page makes and lists them and the invite
 * page previews and accepts them. The shapes are read from the generated API types.
 */
import type { paths } from '$shared/api-types.generated';

type Json<R> = R extends { content: { 'application/json': infer J } } ? J : never;

/** `GET /api/workspaces/:wid/invites`. */
export type InvitesResponse = Json<paths['/api/workspaces/{wid}/invites']['get']['responses'][200]>;
/** One link as a lead sees it: role, uses, expiry and what became of it. */
export type Invite = InvitesResponse['invites'][number];
/** `POST /api/workspaces/:wid/invites`: the link with its secret, answered once. */
export type CreatedInvite = Json<paths['/api/workspaces/{wid}/invites']['post']['responses'][201]>;
/** `GET /api/invites/:token`: what anyone holding the link may see. */
export type InvitePreview = Json<paths['/api/invites/{token}']['get']['responses'][200]>['invite'];
/** `POST /api/invites/:token/accept`. */
export type AcceptedInvite = Json<paths['/api/invites/{token}/accept']['post']['responses'][200]>;
/** What became of a link: usable, or why not. */
export type InviteState = Invite['state'];

/** Why a link no longer admits anyone, in the words of the API's 410 answers. */
export const GONE_MESSAGES: Record<Exclude<InviteState, 'usable'>, { title: string; message: string }> = {
  expired: { title: 'This invite link has expired', message: 'Ask a lead of the workspace for a new one.' },
  revoked: { title: 'This invite link was revoked', message: 'A lead of the workspace withdrew it; ask them for a new one.' },
  used_up: { title: 'This invite link has been used up', message: 'It has admitted as many people as it allows; ask a lead of the workspace for a new one.' },
};

/** The state a 410 code of `POST /api/invites/:token/accept` stands for. */
export const GONE_CODES: Record<string, Exclude<InviteState, 'usable'>> = {
  invite_expired: 'expired',
  invite_revoked: 'revoked',
  invite_used_up: 'used_up',
};

/** The address to send people: this app's origin and the link's page. */
export const inviteUrl = (path: string) => new URL(path, location.origin).href;
