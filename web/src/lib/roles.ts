import type { Role } from './types';

/** Roles weakest first, as API.md orders them. */
export const ROLES: readonly Role[] = ['viewer', 'annotator', 'factchecker', 'lead'];

/** Whether `role` has at least the rights of `minimum`. */
export function hasRole(role: Role | null | undefined, minimum: Role): boolean {
  return role != null && ROLES.indexOf(role) >= ROLES.indexOf(minimum);
}

/** A role's name for people ("Fact-checker" rather than "factchecker"). */
export function roleLabel(role: Role): string {
  return { viewer: 'Viewer', annotator: 'Annotator', factchecker: 'Fact-checker', lead: 'Lead' }[role];
}
