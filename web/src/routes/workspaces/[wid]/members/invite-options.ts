import type { Invite } from '$lib/invites';
import { plural } from '$lib/format';

/** How long a new link may stay usable: the API takes 1 to 720 hours. */
export const EXPIRY_OPTIONS = [
  { hours: 1, label: '1 hour' },
  { hours: 6, label: '6 hours' },
  { hours: 24, label: '1 day' },
  { hours: 3 * 24, label: '3 days' },
  { hours: 7 * 24, label: '7 days' },
  { hours: 14 * 24, label: '14 days' },
  { hours: 30 * 24, label: '30 days' },
] as const;

/** The default expiry: a week, as the API's own default. */
export const DEFAULT_EXPIRY_HOURS = 7 * 24;

/** The most people one link may admit (server/invites/schemas.ts MAX_INVITE_USES). */
export const MAX_USES = 500;

/** How many people a link may still admit: "1 use left", "3 of 5 uses left", "Unlimited uses". */
export function usesLeft(invite: Pick<Invite, 'maxUses' | 'uses'>): string {
  if (invite.maxUses === null) return invite.uses ? `Unlimited uses (${invite.uses} so far)` : 'Unlimited uses';
  const left = Math.max(0, invite.maxUses - invite.uses);
  return invite.maxUses === 1 ? plural(left, 'use') + ' left' : `${left} of ${plural(invite.maxUses, 'use')} left`;
}
