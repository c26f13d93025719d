import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import type { Db } from '../../db';
import { users } from '../../db/schema';
import { hashPassword } from '../auth/password';
import { createUser } from '../auth/repository';
import { insertDocument } from '../documents/repository';
import { fromRoot } from '../project-root';
import { createWorkspace } from '../workspaces/repository';

export const DEMO_EMAIL = 'demo@corroborate.local';

/** The demo documents, read from the Markdown files beside this module. */
const DEMO_DOCUMENTS = [
  { file: 'harbour-opinion.md', title: 'The harbour wall is a monument to wishful thinking', sourceUrl: 'https://example.org/opinion/harbour-wall' },
  { file: 'heat-report.md', title: 'Urban heat in mid-sized European cities: a short evidence review', sourceUrl: 'https://example.org/reports/urban-heat' },
];

/**
 * On an empty database (no users at all), creates a demo lead with a random password, a demo
 * workspace and the two demo documents. Returns the sign-in, or null when the database was not empty.
 */
export async function seedDemo(db: Db): Promise<{ email: string; password: string } | null> {
  const [{ count }] = await db.select({ count: sql<number>`count(*)::int` }).from(users);
  if (count > 0) return null;

  const password = randomBytes(9).toString('base64url');
  const user = await createUser(db, { email: DEMO_EMAIL, name: 'Demo Lead', passwordHash: await hashPassword(password) });
  if (!user) return null; // another process seeded first
  const workspace = await createWorkspace(db, 'Demo newsroom', user.id);
  // The importers (Markdown, HTML, Word, PDF) are loaded only on a first start, not on every start.
  const { toCanonicalText } = await import('../documents/import');
  for (const doc of DEMO_DOCUMENTS) {
    const raw = readFileSync(fromRoot('server', 'demo', doc.file), 'utf8');
    await insertDocument(db, {
      workspaceId: workspace.id,
      title: doc.title,
      sourceUrl: doc.sourceUrl,
      format: 'markdown',
      text: toCanonicalText('markdown', raw),
      createdBy: user.id,
    });
  }
  return { email: DEMO_EMAIL, password };
}
