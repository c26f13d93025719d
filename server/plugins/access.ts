import type { FastifyInstance, FastifyRequest, preHandlerHookHandler } from 'fastify';
import fp from 'fastify-plugin';
import type { Db } from '../../db';
import type { Document, User } from '../../db/schema';
import type { Finder, RouteAccess } from '../authorization';
import { findClaimOwner, type ClaimOwner } from '../claims/repository';
import { findDocument } from '../documents/repository';
import { forbidden, notFound } from '../errors';
import { isUuid } from '../shared/ids';
import { ROLE_NAMES, roleAtLeast, type Role } from '../shared/roles';
import { findRole } from '../workspaces/repository';
import { requireUser } from './auth';

/** The routes that must declare their access: the API and the collaboration server. */
const GUARDED = /^\/(api|collab)\//;

interface Found {
  user: User;
  workspaceId: string;
  role: Role;
  document: Document;
  claim: ClaimOwner;
}

/**
 * What a route's access declaration found, for its handler (`request.access`), so the handler does
 * not look it up again. Reading a part the declaration does not find (the document of a route that
 * finds a workspace) throws: that is a mistake in the route, not in the request.
 */
export class GrantedAccess {
  constructor(private readonly found: Partial<Found>) {}

  /** The signed-in caller (every route but the public ones). */
  get user(): User {
    return this.take('user');
  }

  /** The workspace the route acts in. */
  get workspaceId(): string {
    return this.take('workspaceId');
  }

  /** The caller's role in that workspace. */
  get role(): Role {
    return this.take('role');
  }

  /** The document of `find: 'document'`. */
  get document(): Document {
    return this.take('document');
  }

  /** The claim of `find: 'claim'`. */
  get claim(): ClaimOwner {
    return this.take('claim');
  }

  private take<K extends keyof Found>(key: K): Found[K] {
    const value = this.found[key];
    if (value === undefined) throw new Error(`The route's access declaration does not find its ${key}.`);
    return value as Found[K];
  }
}

declare module 'fastify' {
  interface FastifyRequest {
    /** What the route's access declaration found; set before its handler runs (not on WebSocket routes). */
    access: GrantedAccess;
  }
  interface FastifyInstance {
    /** Every /api and /collab route, as `METHOD /path`, with the access it declares (the authorization matrix reads it). */
    routeAccess: ReadonlyMap<string, RouteAccess>;
  }
}

type Scoped = Extract<RouteAccess, { find: Finder }>;

interface FinderSpec {
  /** The path param it reads unless the declaration names another. */
  param: string;
  /** Its 404, for a thing that is not there and for a caller who is not a member alike. */
  missing: { code: string; message: string };
  /** The workspace of the thing with this id, and the thing for the handler; null when there is none. */
  find(db: Db, id: string, rule: Scoped): Promise<(Partial<Found> & { workspaceId: string }) | null>;
}

/** How each finder reaches a workspace from an id (the same 404 when absent or not visible, so ids never leak). */
const FINDERS: Record<Finder, FinderSpec> = {
  // The membership lookup tells whether the workspace exists.
  workspace: {
    param: 'wid',
    missing: { code: 'workspace_not_found', message: 'No such workspace, or you are not a member of it.' },
    find: async (_db, id) => ({ workspaceId: id }),
  },
  document: {
    param: 'id',
    missing: { code: 'document_not_found', message: 'No such document, or it is not in one of your workspaces.' },
    find: async (db, id) => {
      const document = await findDocument(db, id);
      return document && { workspaceId: document.workspaceId, document };
    },
  },
  claim: {
    param: 'id',
    missing: { code: 'claim_not_found', message: 'No such claim, or it is not in one of your workspaces.' },
    find: async (db, id, rule) => {
      const claim = await findClaimOwner(db, id, { deleted: rule.find === 'claim' && rule.includeDeleted });
      return claim && { workspaceId: claim.workspaceId, claim };
    },
  },
};

/**
 * The 404 of a finder (`workspace_not_found`, `document_not_found`, `claim_not_found`), also for a
 * handler that finds the thing gone after the check (a claim deleted meanwhile).
 */
export const notFoundError = (finder: Finder) => notFound(FINDERS[finder].missing.code, FINDERS[finder].missing.message);

/** Checks a request against a declaration: 401 signed out, 404 not there or not a member, 403 below the role. */
async function grant(db: Db, request: FastifyRequest, rule: RouteAccess): Promise<GrantedAccess> {
  if (rule.role === 'public') return new GrantedAccess({});
  const user = requireUser(request);
  if (rule.role === 'user') return new GrantedAccess({ user });
  const finder = FINDERS[rule.find];
  const id = (request.params as Record<string, unknown>)[rule.param ?? finder.param];
  // A malformed id (from a route without a params schema) is simply not found, without a query.
  const found = isUuid(id) ? await finder.find(db, id, rule) : null;
  const role = found && (await findRole(db, found.workspaceId, user.id));
  if (!found || !role) throw notFoundError(rule.find);
  if (!roleAtLeast(role, rule.role)) {
    throw forbidden('insufficient_role', `This needs the role of ${ROLE_NAMES[rule.role]} or higher; you are ${ROLE_NAMES[role]}.`);
  }
  return new GrantedAccess({ ...found, user, role });
}

/**
 * Enforces every route's access declaration (server/authorization.ts) in one preHandler, after
 * validation and the rate limits, and lists the declarations as `app.routeAccess`. An /api or
 * /collab route without a declaration, or whose finder's param is not in its path, stops the app
 * from starting, so nothing is added unguarded.
 */
export default fp(
  async function access(app: FastifyInstance) {
    const declared = new Map<string, RouteAccess>();
    app.decorate('routeAccess', declared);
    app.decorateRequest('access');

    const guard: preHandlerHookHandler = async (request) => {
      request.access = await grant(app.db, request, request.routeOptions.config.access!);
    };

    app.addHook('onRoute', (route) => {
      if (!GUARDED.test(route.url)) return;
      const methods = [route.method].flat();
      const rule = route.config?.access;
      if (!rule) throw new Error(`${methods.join(',')} ${route.url} declares no access: add config: { access } (server/authorization.ts).`);
      if ('find' in rule) {
        const param = rule.param ?? FINDERS[rule.find].param;
        if (!route.url.split('/').includes(`:${param}`)) throw new Error(`${route.url} finds its ${rule.find} by :${param}, which is not in its path.`);
      }
      for (const method of methods) if (method !== 'HEAD') declared.set(`${method} ${route.url}`, rule);
      // A WebSocket route refuses with close codes, which only an open socket can carry: it checks
      // its declaration itself (collab/routes.ts).
      if (route.websocket) return;
      route.preHandler = [guard, ...[route.preHandler ?? []].flat()];
    });
  },
  { name: 'access', dependencies: ['db', 'auth'] },
);
