import { sql } from 'drizzle-orm';
import type { FastifyBaseLogger, FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../../db';
import { isRole, roleAtLeast, type Role } from '../shared/roles';
import { hashSecret } from '../auth/tokens';
import { SESSION_COOKIE } from '../plugins/auth';
import { CloseCode } from '../shared/collab-protocol';
import type { Connection } from './connection';

/** How often every open connection's access is checked again, in one query per process. */
export const ACCESS_CHECK_INTERVAL_MS = 500;

/** Distinct credentials per statement: five bind parameters each, far below PostgreSQL's 65,535. */
const KEYS_PER_STATEMENT = 2000;

/**
 * REST routes that change someone's access. After one of them succeeds, this process checks its
 * connections before the answer leaves, so a change made here applies to its sockets at once. A
 * route missing from this list (or a change made by another process, or an expiry) costs latency
 * only: the periodic check catches it within ACCESS_CHECK_INTERVAL_MS.
 */
const ACCESS_CHANGING_ROUTES = new Set([
  'POST /api/auth/logout',
  'DELETE /api/tokens/:id',
  'PATCH /api/workspaces/:wid/members/:userId',
  'DELETE /api/workspaces/:wid/members/:userId',
]);

/** What a connection was authenticated with: only the SHA-256 of the secret is kept, as the database stores it. */
export interface Credential {
  kind: 'session' | 'token';
  hash: string;
}

/**
 * The credential a WebSocket upgrade was authenticated with, read the way the auth plugin reads
 * it (API token from `Authorization: Bearer` or `?token=`, else the session cookie), or null.
 */
export function credentialOf(request: FastifyRequest): Credential | null {
  if (request.authMethod === 'token') {
    const header = request.headers.authorization;
    const query = request.query as Record<string, unknown> | undefined;
    const token = header?.startsWith('Bearer ') ? header.slice(7).trim() : typeof query?.token === 'string' ? query.token : undefined;
    return token ? { kind: 'token', hash: hashSecret(token) } : null;
  }
  if (request.authMethod === 'cookie') {
    const secret = request.cookies[SESSION_COOKIE];
    return secret ? { kind: 'session', hash: hashSecret(secret) } : null;
  }
  return null;
}

interface Watched {
  conn: Connection;
  credential: Credential;
  userId: string;
  workspaceId: string;
  /** The role the connection was admitted with. */
  role: Role;
}

/** What the database says about one credential in one workspace now. */
export interface AccessNow {
  signedIn: boolean;
  role: Role | null;
}

/** The close a connection gets for its access as it stands now, or null when it may stay as it is. */
function accessVerdict(admitted: Role, now: AccessNow): { code: number; reason: string } | null {
  if (!now.signedIn) return { code: CloseCode.unauthorized, reason: 'signed out, or the session expired or the token was revoked' };
  if (!now.role) return { code: CloseCode.forbidden, reason: 'no longer a member of this workspace' };
  // Any change, not only one of write access: the page learns its new rights (a fact-checker made an
  // annotator loses the vote) from the reconnection, at the cost of one resync, which loses nothing.
  if (now.role !== admitted) return { code: CloseCode.roleChanged, reason: 'your role changed; reconnect to continue' };
  return null;
}

const keyOf = (w: Watched) => `${w.credential.kind}:${w.credential.hash}:${w.userId}:${w.workspaceId}`;

/**
 * Access for the life of a connection (DESIGN.md "Trust rules"). Every open collaboration
 * connection of this process is checked again every ACCESS_CHECK_INTERVAL_MS in one batched
 * query: its session still exists and is unexpired (or its API token is not revoked), its user is
 * still a member of the document's workspace, and its role is the one it was admitted with.
 * It polls the database because the change may be made by another process, or by the clock (an
 * expiry); a change made through this process's REST routes is also checked before its answer
 * (`afterAccessChange`). When the database does not answer, connections stay as they are.
 */
export class AccessWatch {
  private readonly watched = new Map<Connection, Watched>();
  private readonly timer: NodeJS.Timeout;
  private running: Promise<void> | null = null;
  private queued: Promise<void> | null = null;
  /** Checks in a row that the database did not answer (0 once one succeeds); for health and tests. */
  failedChecks = 0;

  constructor(
    private readonly db: Db,
    private readonly log: FastifyBaseLogger,
    intervalMs = ACCESS_CHECK_INTERVAL_MS,
  ) {
    this.timer = setInterval(() => {
      if (!this.running && this.watched.size > 0) void this.check();
    }, intervalMs);
    this.timer.unref();
  }

  /** Watches a connection admitted with `credential` to a document of `workspaceId`, until `unregister`. */
  register(conn: Connection, entry: { credential: Credential | null; userId: string; workspaceId: string; role: Role }): void {
    if (!entry.credential) {
      // Admitted without a credential we can re-check: refuse rather than let it stay for ever.
      conn.close(CloseCode.unauthorized, 'sign in or pass ?token=');
      return;
    }
    this.watched.set(conn, { conn, credential: entry.credential, userId: entry.userId, workspaceId: entry.workspaceId, role: entry.role });
  }

  unregister(conn: Connection): void {
    this.watched.delete(conn);
  }

  /** How many connections are watched (for tests). */
  get size(): number {
    return this.watched.size;
  }

  /**
   * Checks every watched connection now. A check already in flight may have read before the
   * caller's change, so the caller waits for one that starts after it.
   */
  check(): Promise<void> {
    if (!this.running) {
      this.running = this.run().finally(() => (this.running = null));
      return this.running;
    }
    this.queued ??= this.running.then(() => {
      this.queued = null;
      return this.check();
    });
    return this.queued;
  }

  /** A Fastify onSend hook: after a successful access-changing route, check before answering. */
  readonly afterAccessChange = async (request: FastifyRequest, reply: FastifyReply, payload: unknown): Promise<unknown> => {
    if (reply.statusCode < 400 && this.watched.size > 0 && ACCESS_CHANGING_ROUTES.has(`${request.method} ${request.routeOptions.url}`)) {
      await this.check();
    }
    return payload;
  };

  stop(): void {
    clearInterval(this.timer);
    this.watched.clear();
  }

  private async run(): Promise<void> {
    const groups = new Map<string, Watched[]>();
    for (const w of this.watched.values()) {
      if (w.conn.closed) {
        this.watched.delete(w.conn);
        continue;
      }
      const key = keyOf(w);
      groups.set(key, [...(groups.get(key) ?? []), w]);
    }
    if (groups.size === 0) return;
    const keys = [...groups.keys()];
    let answers: Map<number, AccessNow>;
    try {
      answers = new Map();
      for (let i = 0; i < keys.length; i += KEYS_PER_STATEMENT) {
        const chunk = keys.slice(i, i + KEYS_PER_STATEMENT).map((key, j) => ({ index: i + j, w: groups.get(key)![0] }));
        for (const [index, now] of await this.query(chunk)) answers.set(index, now);
      }
    } catch (err) {
      // Not answering is not a revocation: keep every connection as it is and try again next tick.
      this.failedChecks++;
      this.log.warn({ err: (err as Error).message, connections: this.watched.size }, 'collab access check failed; connections kept');
      return;
    }
    this.failedChecks = 0;
    keys.forEach((key, index) => {
      const now = answers.get(index);
      if (!now) return;
      for (const w of groups.get(key)!) {
        const verdict = accessVerdict(w.role, now);
        if (!verdict) continue;
        this.watched.delete(w.conn);
        this.log.info({ userId: w.userId, workspaceId: w.workspaceId, code: verdict.code }, 'collab: access changed; connection closed');
        w.conn.close(verdict.code, verdict.reason);
      }
    });
  }

  /** One statement for a chunk of distinct credentials: signed in still, and the role in the workspace. */
  private async query(chunk: Array<{ index: number; w: Watched }>): Promise<Map<number, AccessNow>> {
    const values = sql.join(
      chunk.map(({ index, w }) => sql`(${index}::int, ${w.credential.kind}::text, ${w.credential.hash}::text, ${w.userId}::uuid, ${w.workspaceId}::uuid)`),
      sql`, `,
    );
    const result = await this.db.execute(sql`
      select v.k,
        case when v.kind = 'session'
          then exists (select 1 from sessions s where s.token_hash = v.hash and s.user_id = v.user_id and s.expires_at > now())
          else exists (select 1 from api_tokens t where t.token_hash = v.hash and t.user_id = v.user_id and t.revoked_at is null)
        end as signed_in,
        (select m.role::text from memberships m where m.workspace_id = v.workspace_id and m.user_id = v.user_id) as role
      from (values ${values}) as v(k, kind, hash, user_id, workspace_id)`);
    const rows = (result as unknown as { rows: Array<{ k: number; signed_in: boolean; role: string | null }> }).rows;
    return new Map(
      rows.map((r) => [Number(r.k), { signedIn: r.signed_in === true, role: isRole(r.role) ? r.role : null }]),
    );
  }
}
