/**
 * What the benchmark needs from Corroborate's REST API: a user with a session and an API token, a
 * workspace, documents. Bench data is created the way a client would create it.
 */
import { randomBytes } from 'node:crypto';
import { BENCH_TEXT } from '../generator/protocol';

export class Api {
  cookie?: string;
  token?: string;

  constructor(readonly base: string) {}

  async request<T = any>(method: string, path: string, json?: unknown): Promise<{ status: number; body: T }> {
    const headers: Record<string, string> = { origin: this.base };
    if (this.cookie) headers.cookie = this.cookie;
    if (this.token) headers.authorization = `Bearer ${this.token}`;
    if (json !== undefined) headers['content-type'] = 'application/json';
    const res = await fetch(this.base + path, { method, headers, body: json === undefined ? undefined : JSON.stringify(json), signal: AbortSignal.timeout(60_000) });
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith('corroborate_session='));
    if (cookie) this.cookie = cookie.split(';')[0];
    const text = await res.text();
    let body: unknown = text;
    try {
      body = text ? JSON.parse(text) : null;
    } catch {
      // not JSON
    }
    return { status: res.status, body: body as T };
  }

  async expect<T = any>(status: number, method: string, path: string, json?: unknown): Promise<T> {
    const res = await this.request<T>(method, path, json);
    if (res.status !== status) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(res.body).slice(0, 300)}`);
    return res.body;
  }
}

export interface BenchAccount {
  email: string;
  password: string;
  token: string;
  workspaceId: string;
}

/** Signs up a bench user, creates a workspace and an API token. */
export async function createAccount(base: string): Promise<BenchAccount> {
  const api = new Api(base);
  const email = `bench-${randomBytes(4).toString('hex')}@example.test`;
  const password = 'bench password 1';
  await api.expect(201, 'POST', '/api/auth/signup', { email, password, name: 'Bench' });
  const { workspace } = await api.expect(201, 'POST', '/api/workspaces', { name: 'Benchmarks' });
  const { token } = await api.expect(201, 'POST', '/api/tokens', { name: 'bench' });
  return { email, password, token, workspaceId: workspace.id };
}

/**
 * Creates `count` small text documents; returns their ids. By default their text is BENCH_TEXT, on
 * which the fan-out clients anchor their claims (the server's guard checks every anchor against it).
 */
export async function createDocuments(base: string, account: BenchAccount, count: number, text = BENCH_TEXT): Promise<string[]> {
  const api = new Api(base);
  api.token = account.token;
  const ids: string[] = [];
  // Imports run in the server's bounded job pool, whose queue answers 503 `busy` when full: a few at a time.
  const parallel = 4;
  for (let i = 0; i < count; i += parallel) {
    const batch = Array.from({ length: Math.min(parallel, count - i) }, (_, j) =>
      api.expect(201, 'POST', `/api/workspaces/${account.workspaceId}/documents`, { title: `Bench ${i + j + 1}`, text }),
    );
    for (const res of await Promise.all(batch)) {
      if (text === BENCH_TEXT && res.document.text !== BENCH_TEXT) throw new Error(`document text stored as ${JSON.stringify(res.document.text)}: the bench's claim anchors would not match it`);
      ids.push(res.document.id);
    }
  }
  return ids;
}
