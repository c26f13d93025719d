import type { Role } from './shared/roles';

/**
 * Who may call each route: `public` (anyone), `user` (anyone signed in), or the lowest workspace
 * role that may. Routes check this themselves (requireUser / requireRole); this table is what
 * the authorization matrix test holds them to, and a route without an entry fails that test.
 * Members below the role get 403; non-members get 404 (another workspace's ids never leak).
 */
export const ROUTE_ACCESS: Record<string, 'public' | 'user' | Role> = {
  'GET /api/health': 'public',
  'POST /api/auth/signup': 'public',
  'POST /api/auth/login': 'public',
  'POST /api/auth/logout': 'public',
  'GET /api/me': 'user',
  'POST /api/tokens': 'user',
  'GET /api/tokens': 'user',
  'DELETE /api/tokens/:id': 'user',
  'POST /api/workspaces': 'user',
  'GET /api/workspaces': 'user',
  'PATCH /api/workspaces/:wid': 'lead',
  'GET /api/workspaces/:wid/members': 'viewer',
  'POST /api/workspaces/:wid/members': 'lead',
  'PATCH /api/workspaces/:wid/members/:userId': 'lead',
  'POST /api/workspaces/:wid/documents': 'annotator',
  'GET /api/workspaces/:wid/documents': 'viewer',
  'GET /api/documents/:id': 'viewer',
  'POST /api/documents/:id/versions': 'annotator',
  'GET /api/documents/:id/versions': 'viewer',
  'GET /api/documents/:id/versions/:version': 'viewer',
  'GET /api/documents/:id/claims': 'viewer',
  'POST /api/documents/:id/claims': 'annotator',
  'POST /api/documents/:id/annotations': 'annotator',
  'GET /api/documents/:id/suggestions': 'viewer',
  'GET /api/documents/:id/dashboard': 'viewer',
  'GET /api/claims/:id': 'viewer',
  'PATCH /api/claims/:id': 'annotator',
  'DELETE /api/claims/:id': 'annotator',
  'POST /api/claims/:id/evidence': 'annotator',
  'POST /api/claims/:id/anchor': 'annotator',
  'GET /api/claims/:id/history': 'viewer',
  'PUT /api/claims/:id/vote': 'factchecker',
  'POST /api/claims/:id/vote/revision': 'factchecker',
  'GET /api/claims/:id/evidence/:eid/archive': 'viewer',
  'POST /api/claims/:id/evidence/:eid/archive/recheck': 'annotator',
  'POST /api/claims/:id/reveal': 'lead',
  'POST /api/claims/:id/status': 'lead',
  'POST /api/claims/:id/comments': 'annotator',
  'GET /api/workspaces/:wid/search': 'viewer',
  'GET /api/workspaces/:wid/dashboard': 'viewer',
  'GET /api/workspaces/:wid/export': 'viewer',
  'GET /api/workspaces/:wid/export/summary': 'viewer',
  'GET /collab/:documentId': 'viewer',
};
