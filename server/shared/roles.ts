/**
 * Membership roles, weakest first (API.md "Roles"): each has the rights of the ones before it.
 * The one list of them, read by the schema's enum, the server's access checks and the web app.
 */
export const ROLES = ['viewer', 'annotator', 'factchecker', 'lead'] as const;
export type Role = (typeof ROLES)[number];

export const isRole = (value: unknown): value is Role => typeof value === 'string' && (ROLES as readonly string[]).includes(value);

/** Whether `role` has at least the rights of `min`; an unknown or missing role has none. */
export const roleAtLeast = (role: Role | null | undefined, min: Role): boolean => role != null && ROLES.indexOf(role) >= ROLES.indexOf(min);

/** A role's name for people: "Fact-checker" rather than "factchecker". */
export const ROLE_LABELS: Record<Role, string> = { viewer: 'Viewer', annotator: 'Annotator', factchecker: 'Fact-checker', lead: 'Lead' };

/** The role in a sentence: "This needs the role of a fact-checker". */
export const ROLE_NAMES: Record<Role, string> = { viewer: 'a viewer', annotator: 'an annotator', factchecker: 'a fact-checker', lead: 'a lead' };

/** What each role may do, in one line each (the members page and the invite page show them). */
export const ROLE_DESCRIPTIONS: Record<Role, string> = {
  viewer: 'Reads every document, claim, vote tally and comment, live; changes nothing.',
  annotator: 'Also adds claims, evidence, notes, tags, comments and the shared confidence, and imports documents.',
  factchecker: 'Also votes blind on each claim’s verdict, with a confidence and a reason.',
  lead: 'Also signs claims off, reveals votes, publishes, exports, manages members and invites, and changes the settings.',
};
