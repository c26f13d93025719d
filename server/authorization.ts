import type { Role } from './shared/roles';

/**
 * How a route finds the workspace it acts in, from one of its path params: the workspace itself
 * (`:wid`), a document (`:id`) or a claim (`:id`), unless `param` names another.
 */
export type Finder = 'workspace' | 'document' | 'claim';

/**
 * Who may call a route, declared on the route itself as `config: { access }`; plugins/access.ts
 * enforces it and lists it, and the authorization matrix test holds every route to it.
 * - `public`: anyone; `user`: anyone signed in (401 otherwise).
 * - a workspace role: the lowest role that may (API.md "Roles"), in the workspace the finder
 *   reaches from the request. No such thing, or not a member, is the same 404 (another
 *   workspace's ids never leak); a member below the role gets 403 `insufficient_role`.
 */
export type RouteAccess =
  | { role: 'public' }
  | { role: 'user' }
  | {
      role: Role;
      find: Exclude<Finder, 'claim'>;
      /** The path param holding the id, when not the finder's usual one (`wid`, or `id`). */
      param?: string;
    }
  | {
      role: Role;
      find: 'claim';
      param?: string;
      /** A deleted claim is found too (its history stays readable); otherwise it is 404. */
      includeDeleted?: boolean;
    };

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Who may call this route (server/authorization.ts); every /api and /collab route declares it. */
    access?: RouteAccess;
  }
}
