import type { FastifyRequest } from 'fastify';
import type { Db } from '../../db';
import { ROLE_NAMES, roleAtLeast, type Role } from '../shared/roles';
import { forbidden, notFound } from '../errors';
import { requireUser } from '../plugins/auth';
import { findRole } from './repository';

/**
 * The caller's role in a workspace, checked against the role a route needs. Not a member (or no
 * such workspace) is 404 with the given code, so another workspace's ids never leak; a member
 * without the role is 403.
 */
export async function requireRole(
  db: Db,
  request: FastifyRequest,
  workspaceId: string,
  min: Role,
  missing = { code: 'workspace_not_found', message: 'No such workspace, or you are not a member of it.' },
): Promise<Role> {
  const user = requireUser(request);
  const role = await findRole(db, workspaceId, user.id);
  if (!role) throw notFound(missing.code, missing.message);
  if (!roleAtLeast(role, min)) {
    throw forbidden('insufficient_role', `This needs the role of ${ROLE_NAMES[min]} or higher; you are ${ROLE_NAMES[role]}.`);
  }
  return role;
}
