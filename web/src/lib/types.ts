/**
 * Shapes of the API's payloads, named for the web app. None is written here: each is read from
 * server/shared/api-types.generated.ts, which `npm run api:types` generates from the OpenAPI document the
 * server's route schemas produce (the same file the integration tests type their client with).
 */

import type { Role } from '$shared/roles';
import type { components, paths } from '$shared/api-types.generated';

/** Membership roles, weakest first (server/shared/roles.ts: ROLES, roleAtLeast, ROLE_LABELS). */
export type { Role };

type Method = 'get' | 'put' | 'post' | 'patch' | 'delete';
type Operation<P extends keyof paths, M extends Method> = NonNullable<paths[P][M]>;
type JsonOf<R> = R extends { content: { 'application/json': infer J } } ? J : never;
/** The JSON body of the `status` answer of `method path`, as its route schema declares it. */
type Reply<P extends keyof paths, M extends Method, S extends number = 200> =
  Operation<P, M> extends { responses: infer R } ? (S extends keyof R ? JsonOf<R[S]> : never) : never;
/** The JSON request body of `method path`, as its route schema declares it. */
type RequestJson<P extends keyof paths, M extends Method> =
  Operation<P, M> extends { requestBody?: infer B } ? JsonOf<NonNullable<B>> : never;

export type UserResponse = Reply<'/api/me', 'get'>;
export type User = UserResponse['user'];

export type WorkspaceResponse = Reply<'/api/workspaces', 'post', 201>;
export type WorkspacesResponse = Reply<'/api/workspaces', 'get'>;
/** A workspace, with the caller's own role in it. */
export type Workspace = WorkspacesResponse['workspaces'][number];

export type MembersResponse = Reply<'/api/workspaces/{wid}/members', 'get'>;
export type MemberResponse = Reply<'/api/workspaces/{wid}/members', 'post', 201>;
export type Member = MembersResponse['members'][number];

export type DocumentsResponse = Reply<'/api/workspaces/{wid}/documents', 'get'>;
/** One row of a workspace's document list. */
export type DocumentSummary = DocumentsResponse['documents'][number];

/** A link's archived copy, as `GET /api/claims/:id/evidence/:eid/archive` answers it. */
export type EvidenceArchive = Reply<'/api/claims/{id}/evidence/{eid}/archive', 'get'>['archive'];

/** Where each claim of a document sits and its status (`GET /api/documents/:id/claim-anchors`): what the reader paints first. */
export type ClaimAnchorsResponse = Reply<'/api/documents/{id}/claim-anchors', 'get'>;
export type ClaimAnchor = ClaimAnchorsResponse['anchors'][number];

export type DocumentResponse = Reply<'/api/documents/{id}', 'get'>;
/**
 * A document: its canonical plain `text` (every offset in the API counts UTF-16 code units of it),
 * its source's metadata (`authors` `[]` and `sourcePublishedOn` null when unknown) and its format.
 */
export type Document = DocumentResponse['document'];

/** Every format a document can have been imported from (PDF and DOCX only as files). */
export type DocumentFormat = Document['format'];

/** The body of every 4xx/5xx answer. */
export type ApiErrorBody = components['schemas']['Error'];

/** Body of `POST /api/workspaces/:wid/documents` as JSON (pasted text). */
export type NewDocument = RequestJson<'/api/workspaces/{wid}/documents', 'post'>;
/** The formats pasted text can be in (a file is uploaded instead for PDF and DOCX). */
export type PastedFormat = NonNullable<NewDocument['format']>;

/** Body of `PATCH /api/documents/:id`: the fields to change; `null` clears the URL or the date. */
export type DocumentDetails = RequestJson<'/api/documents/{id}', 'patch'>;

/** The upload limits the server applies (`GET /api/limits`): the web app refuses an oversized file before sending it. */
export type UploadLimits = Reply<'/api/limits', 'get'>['limits'];
/** What deleting a document removes, and the evidence elsewhere it keeps (`GET /api/documents/:id/deletion`, `DELETE`). */
export type DocumentDeletion = Reply<'/api/documents/{id}/deletion', 'get'>['deletion'];
