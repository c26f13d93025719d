// A relative import rather than `$shared`, so the unit tests (which know no Kit aliases) can load it.
import { CloseCode } from '../../../../server/shared/collab-protocol';

/** Why the collaboration connection stopped or stalled, in words a person can act on. */
export interface ConnectionProblem {
  code: number;
  message: string;
  /** True when reconnecting cannot help (the 44xx codes but 4409): the page stops trying. */
  permanent: boolean;
  /** True for 4401: the way forward is to sign in again. */
  signedOut: boolean;
}

const MESSAGES: Record<number, string> = {
  [CloseCode.malformed]: 'The server could not read a change sent from this page. Reload the page to continue.',
  [CloseCode.unauthorized]: 'You were signed out. Sign in again to keep working; changes made here are kept on this device.',
  [CloseCode.forbidden]: 'You no longer have access to this workspace, so changes can no longer be shared.',
  [CloseCode.notFound]: 'This document no longer exists or you lost access to it.',
  [CloseCode.documentDeleted]: 'This document was deleted by a lead of the workspace. Nothing changed here can be saved any more.',
  [CloseCode.roleChanged]: 'Your role in this workspace changed; reconnecting…',
  [CloseCode.tooLarge]: 'A change was too large for the server to accept. Reload the page to continue.',
  [CloseCode.invalidContent]:
    'A change made on this page could not be saved because it contains text or data the server cannot store. Reload the page to continue.',
  [CloseCode.unavailable]: 'The document is temporarily unavailable. Trying again…',
  [CloseCode.saveRefused]: 'The server could not save the latest changes to this document and set them aside. Reconnecting…',
  [CloseCode.slowConsumer]: 'The connection was too slow to keep up. Reconnecting…',
  [CloseCode.outOfSync]: 'This page fell out of step with the server. Reconnecting to catch up…',
  [CloseCode.rateLimited]: 'Too many changes were sent too quickly. Reconnecting after a pause…',
  [CloseCode.goingAway]: 'The server is restarting. Reconnecting…',
};

const TRANSIENT_44XX = new Set<number>([CloseCode.roleChanged]);

/**
 * Whether reconnecting after `code` is pointless: 4400–4499 mirror HTTP 4xx, as y-websocket treats
 * them; except 4409 (the role changed), after which a reconnect continues with the new role. The
 * web room passes `shouldReconnect` built on this to WebsocketProvider, whose default gives up on
 * every 44xx.
 */
export const isPermanentClose = (code: number) => code >= 4400 && code < 4500 && !TRANSIENT_44XX.has(code);

/**
 * The problem a WebSocket close code stands for, or null for an ordinary close (a network drop
 * is shown by the saved-state indicator, not as an error).
 */
export function describeClose(code: number): ConnectionProblem | null {
  const permanent = isPermanentClose(code);
  const message = MESSAGES[code] ?? (permanent ? 'The server closed this document for you. Reload the page to try again.' : null);
  if (!message) return null;
  return { code, message, permanent, signedOut: code === CloseCode.unauthorized };
}
