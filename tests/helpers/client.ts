import { randomBytes } from 'node:crypto';
import type { exportContext } from '../../server/annotations/vocabulary';
import type { annotation, commentAnnotations } from '../../server/export/formats/annotations';
import type { claimReview } from '../../server/export/formats/claimreview';
import type { paths } from '../../server/shared/api-types.generated';
import { contractCheckerFor } from './openapi';

/** What every failure answers (server/plugins/errors.ts): `{error: {code, message, details?}}`. */
export interface ErrorBody {
  error: { code: string; message: string; details?: unknown };
}

/** The `details` of a `validation_error` (400): one entry per refused field. */
export type ValidationDetails = Array<{ path: string; message: string }>;

export interface Answer<T = unknown> {
  status: number;
  body: T;
  headers: Headers;
}

/** Any answer of a declared route, for helpers that read only its status and error (`body?.error?.code`). */
export type AnyAnswer = Answer<Partial<ErrorBody> | null>;

export interface RequestOptions {
  json?: unknown;
  /** A raw body (string or FormData), sent as is. */
  body?: string | FormData;
  headers?: Record<string, string>;
  /** Leave out the Origin header a browser would send. */
  noOrigin?: boolean;
  /**
   * Why this answer is not checked against the served OpenAPI document: only for a request that is
   * deliberately off the contract (one that never reaches the app, Node's own 431, an HTML page).
   * Every other answer of an /api path is checked, and a mismatch throws (see `request`).
   */
  offContract?: string;
}

// ---- Response types, from the OpenAPI document the server serves (api-types.generated.ts) ----
//
// A call with a concrete path, such as `/api/workspaces/${wid}/members`, has a template-literal type
// (its parameter is a type parameter constrained to string). The path is split into segments and
// matched against the declared paths segment by segment (`{wid}` matches any one segment, a literal
// only itself), so `/api/workspaces/${string}` and `/api/workspaces/${string}/members` stay apart.
// The body is the union of the operation's declared responses, with the error body's fields
// optional on it; a path that matches no declared route answers `unknown`.

type Route = keyof paths & string;
type Method = 'get' | 'put' | 'post' | 'patch' | 'delete';

type WithoutQuery<P extends string> = P extends `${infer Path}?${string}` ? Path : P extends `${infer Path}#${string}` ? Path : P;
type Split<S extends string> = S extends `${infer Head}/${infer Tail}` ? [Head, ...Split<Tail>] : [S];
type SegmentMatches<Actual extends string, Declared extends string> = Declared extends `{${string}}`
  ? Actual extends '' ? false : true
  : [Actual] extends [Declared] ? true : false;
type SegmentsMatch<Actual extends string[], Declared extends string[]> = Actual extends [infer A extends string, ...infer ARest extends string[]]
  ? Declared extends [infer D extends string, ...infer DRest extends string[]]
    ? SegmentMatches<A, D> extends true ? SegmentsMatch<ARest, DRest> : false
    : false
  : Declared extends [] ? true : false;

/** The declared path (`/api/workspaces/{wid}/members`) a concrete path matches; never when none does. */
export type RouteOf<P extends string> = string extends P
  ? never
  : WithoutQuery<P> extends `/${infer Rest}`
    ? { [R in Route]: R extends `/${infer D}` ? (SegmentsMatch<Split<Rest>, Split<D>> extends true ? R : never) : never }[Route]
    : never;

type OperationOf<R extends Route, M extends Method> = M extends keyof paths[R] ? NonNullable<paths[R][M]> : never;
/** A declared response's body: its JSON content, or null for a response without content (the client reads an empty body as null). */
type ContentOf<Res> = Res extends { content: infer C } ? (C extends { 'application/json': infer J } ? J : C[keyof C]) : null;
/** The success statuses: the declared 4xx and 5xx all carry the error body, which BodyOf adds as optional fields. */
type SuccessStatus = 200 | 201 | 202 | 203 | 204 | 206;
type DeclaredBody<O> = O extends { responses: infer Rs } ? { [S in keyof Rs]: S extends SuccessStatus ? ContentOf<Rs[S]> : never }[keyof Rs] : never;

/** A claim's annotation in the Web Annotation export (server/export/formats/annotations.ts). */
export type ClaimAnnotation = ReturnType<typeof annotation>;
/** One annotation of the Web Annotation export: a claim's, or a comment's `replying` one. */
export type ExportedAnnotation = ClaimAnnotation | ReturnType<typeof commentAnnotations>[number];
/**
 * The Web Annotation export: an AnnotationCollection with its annotations in one embedded
 * AnnotationPage (`first`), as annotationsFormat's head, items and tail write it.
 */
export interface AnnotationCollection {
  '@context': ReturnType<typeof exportContext>;
  id: string;
  type: 'AnnotationCollection';
  label: string;
  first: { id: string; type: 'AnnotationPage'; startIndex: number; items: ExportedAnnotation[] };
  total: number;
}
/**
 * The export route declares no response body (it streams one of four formats); what each format
 * sends, by its `format` query parameter: CSV and Markdown are text, the other two JSON-LD.
 */
interface ExportBodies {
  csv: string;
  markdown: string;
  claimreview: Array<ReturnType<typeof claimReview>>;
  annotations: AnnotationCollection;
}
type QueryValue<Q extends string, Name extends string> = Q extends `${Name}=${infer V}&${string}`
  ? V
  : Q extends `${Name}=${infer V}`
    ? V
    : Q extends `${string}&${infer Rest}` ? QueryValue<Rest, Name> : never;
type ExportFormatOf<P extends string> = P extends `${string}?${infer Q}` ? QueryValue<Q, 'format'> : never;
/** The body of the export for its `format`; any of the four when the path does not name one of them. */
type ExportBody<P extends string, F = ExportFormatOf<P>> = [F] extends [never]
  ? ExportBodies[keyof ExportBodies]
  : F extends keyof ExportBodies ? ExportBodies[F] : ExportBodies[keyof ExportBodies];

/** The success body of `METHOD path`, as the route schemas declare it (`unknown` for an undeclared route). */
export type SuccessBody<P extends string, M extends string> = [RouteOf<P>] extends [never]
  ? unknown
  : RouteOf<P> extends '/api/workspaces/{wid}/export'
    ? Lowercase<M> extends 'get' ? ExportBody<P> : unknown
    : Lowercase<M> extends Method ? DeclaredOr<OperationOf<RouteOf<P>, Lowercase<M>>> : unknown;
/** The declared body of an operation, or unknown for a method the path does not declare. */
type DeclaredOr<O> = [O] extends [never] ? unknown : DeclaredBody<O>;

/**
 * The body a test reads: the declared success body (JSON, or text for CSV and Markdown), on which the
 * error body's `error` is optional, so a test that expects a refusal reads `body.error?.code`. An
 * answer declared without content (204) is null, or the error body.
 */
export type BodyOf<P extends string, M extends string> = WithError<SuccessBody<P, M>>;
type WithError<S> = unknown extends S ? unknown : S extends null ? null | ErrorBody : S & Partial<ErrorBody>;

/**
 * A browser-like API client for tests: it keeps the session cookie, sends the Origin a browser
 * would send, or authenticates with an API token instead. Every answer's body is typed from the
 * route schemas (see BodyOf); the request body is not, since tests send hostile bodies on purpose.
 */
export class Client {
  cookie?: string;
  token?: string;
  user?: { id: string; email: string; name: string };

  constructor(readonly base: string) {}

  async request<M extends string, P extends string>(method: M, path: P, options: RequestOptions = {}): Promise<Answer<BodyOf<P, M>>> {
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
    // The contract check: an answer of an /api path that the served OpenAPI document does not
    // declare (its status, content type or body) fails the test here, whatever the test expected.
    if (!options.offContract && /^\/api(\/|$|\?)/.test(path)) {
      const checker = await contractCheckerFor(this.base);
      checker.check({ method, path, status: res.status, contentType: res.headers.get('content-type'), text, body: parsed });
    }
    return { status: res.status, body: parsed as BodyOf<P, M>, headers: res.headers };
  }

  get = <P extends string>(path: P, o?: RequestOptions) => this.request('GET', path, o);
  post = <P extends string>(path: P, json?: unknown, o?: RequestOptions) => this.request('POST', path, { ...o, json });
  patch = <P extends string>(path: P, json?: unknown, o?: RequestOptions) => this.request('PATCH', path, { ...o, json });
  delete = <P extends string>(path: P, o?: RequestOptions) => this.request('DELETE', path, o);

  /** POSTs a multipart form with one file (the field `file`) and optional text fields. */
  upload<P extends string>(path: P, name: string, bytes: Uint8Array | string, type = 'application/octet-stream', fields: Record<string, string> = {}) {
    const form = new FormData();
    for (const [k, v] of Object.entries(fields)) form.append(k, v);
    form.append('file', new Blob([bytes as Uint8Array<ArrayBuffer>], { type }), name);
    return this.request('POST', path, { body: form });
  }
}

/** A fresh address; `label` may be a person's name ("Ada Okafor" → ada-okafor-1f2e3d4c@example.test). */
export const uniqueEmail = (label = 'user') =>
  `${label.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'user'}-${randomBytes(4).toString('hex')}@example.test`;

/** Signs up a new user named `label` and returns a client holding their session. */
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
