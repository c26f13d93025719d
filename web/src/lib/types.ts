/**
 * Shapes of the API's payloads, as API.md states them. Written once here for the web app;
 * they may later become `import type` from the server's schemas.
 */

import type { Role } from '$shared/roles';

/** Membership roles, weakest first (server/shared/roles.ts: ROLES, roleAtLeast, ROLE_LABELS). */
export type { Role };

export interface User {
  id: string;
  email: string;
  name: string;
}

export interface Workspace {
  id: string;
  name: string;
  /** The caller's own role in this workspace. */
  role: Role;
}

export interface Member {
  user: User;
  role: Role;
}

export type DocumentFormat = 'text' | 'markdown' | 'html';

/** One row of a workspace's document list. */
export interface DocumentSummary {
  id: string;
  title: string;
  sourceUrl: string | null;
  createdAt: string;
  counts: { claims: number; verified: number };
}

export interface Document {
  id: string;
  workspaceId: string;
  title: string;
  sourceUrl: string | null;
  /** The source's authors, `[]` when unknown. */
  authors: string[];
  /** The source's publication date (`YYYY-MM-DD`), or null when unknown. */
  sourcePublishedOn: string | null;
  format: DocumentFormat;
  /** The canonical plain text; every offset in the API counts UTF-16 code units of this string. */
  text: string;
  createdAt: string;
}

/** The body of every 4xx/5xx answer. */
export interface ApiErrorBody {
  error: { code: string; message: string; details?: unknown };
}

export interface UserResponse {
  user: User;
}
export interface WorkspaceResponse {
  workspace: Workspace;
}
export interface WorkspacesResponse {
  workspaces: Workspace[];
}
export interface MembersResponse {
  members: Member[];
}
export interface MemberResponse {
  member: Member;
}
export interface DocumentsResponse {
  documents: DocumentSummary[];
}
export interface DocumentResponse {
  document: Document;
}

/** Body of `POST /api/workspaces/:wid/documents` as JSON (pasted text). */
export interface NewDocument {
  title: string;
  text: string;
  format?: DocumentFormat;
  sourceUrl?: string;
  authors?: string[];
  /** `YYYY-MM-DD`. */
  sourcePublishedOn?: string;
}

/** Body of `PATCH /api/documents/:id`: the fields to change; `null` clears the URL or the date. */
export interface DocumentDetails {
  title?: string;
  sourceUrl?: string | null;
  authors?: string[];
  sourcePublishedOn?: string | null;
}
