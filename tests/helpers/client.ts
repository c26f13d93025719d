import { randomBytes } from 'node:crypto';

export interface Answer<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

export interface RequestOptions {
  json?: unknown;
  /** A raw body (string or FormData), sent as is. */
  body?: string | FormData;
  headers?: Record<string, string>;
  /** Leave out the Origin header a browser would send. */
  noOrigin?: boolean;
}

/**
 * A browser-like API client for tests: it keeps the session cookie, sends the Origin a browser
 * would send, or authenticates with an API token instead.
 */
export class Client {
  cookie?: string;
  token?: string;
  user?: { id: string; email: string; name: string };

  constructor(readonly base: string) {}

  async request<T = any>(method: string, path: string, options: RequestOptions = {}): Promise<Answer<T>> {
    const headers: Record<string, string> = { ...options.headers };
    if (!options.noOrigin && !('origin' in headers)) headers.origin = this.base;
    if (this.cookie) headers.cookie = this.cookie;
    if (this.token) headers.authorization = `Bearer ${this.token}`;
    let body: string | FormData | undefined = options.body;
    if (options.json !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(options.json);
    }
    const res = await fetch(this.base + path, { method, headers, body });
    const setCookie = res.headers.getSetCookie().find((c) => c.startsWith('corroborate_session='));
    if (setCookie) {
      const value = setCookie.split(';')[0];
      this.cookie = value === 'corroborate_session=' ? undefined : value;
    }
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      // Not JSON (an HTML page): keep the text.
    }
    return { status: res.status, body: parsed as T, headers: res.headers };
  }

  get = <T = any>(path: string, o?: RequestOptions) => this.request<T>('GET', path, o);
  post = <T = any>(path: string, json?: unknown, o?: RequestOptions) => this.request<T>('POST', path, { ...o, json });
  patch = <T = any>(path: string, json?: unknown, o?: RequestOptions) => this.request<T>('PATCH', path, { ...o, json });
  delete = <T = any>(path: string, o?: RequestOptions) => this.request<T>('DELETE', path, o);

  /** POSTs a multipart form with one file (the field `file`) and optional text fields. */
  upload<T = any>(path: string, name: string, bytes: Uint8Array | string, type = 'application/octet-stream', fields: Record<string, string> = {}) {
    const form = new FormData();
    for (const [k, v] of Object.entries(fields)) form.append(k, v);
    form.append('file', new Blob([bytes as Uint8Array<ArrayBuffer>], { type }), name);
    return this.request<T>('POST', path, { body: form });
  }
}

export const uniqueEmail = (label = 'user') => `${label}-${randomBytes(4).toString('hex')}@example.test`;

/** Signs up a new user and returns a client holding their session. */
export async function signUp(base: string, label = 'user', password = 'correct horse battery'): Promise<Client> {
  const client = new Client(base);
  const res = await client.post('/api/auth/signup', { email: uniqueEmail(label), password, name: label });
  if (res.status !== 201) throw new Error(`signup failed: ${res.status} ${JSON.stringify(res.body)}`);
  client.user = res.body.user;
  return client;
}

/** Creates a workspace led by `lead` and adds one member per role; returns the clients by role. */
export async function workspaceWithRoles(base: string) {
  const lead = await signUp(base, 'lead');
  const ws = await lead.post('/api/workspaces', { name: 'Newsroom' });
  const wid: string = ws.body.workspace.id;
  const members: Record<'viewer' | 'annotator' | 'factchecker', Client> = {} as never;
  for (const role of ['viewer', 'annotator', 'factchecker'] as const) {
    const c = await signUp(base, role);
    const added = await lead.post(`/api/workspaces/${wid}/members`, { email: c.user!.email, role });
    if (added.status !== 201) throw new Error(`add member failed: ${JSON.stringify(added.body)}`);
    members[role] = c;
  }
  const outsider = await signUp(base, 'outsider');
  await outsider.post('/api/workspaces', { name: 'Elsewhere' });
  return { wid, lead, ...members, outsider };
}

/** Signs up `names` and adds them to the workspace as fact-checkers (for a quorum of votes). */
export async function addFactcheckers(base: string, team: { wid: string; lead: Client }, names: string[]): Promise<Client[]> {
  const added: Client[] = [];
  for (const name of names) {
    const c = await signUp(base, name);
    const res = await team.lead.post(`/api/workspaces/${team.wid}/members`, { email: c.user!.email, role: 'factchecker' });
    if (res.status !== 201) throw new Error(`add member failed: ${JSON.stringify(res.body)}`);
    added.push(c);
  }
  return added;
}
