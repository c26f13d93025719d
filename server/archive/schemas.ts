import { createSelectSchema } from 'drizzle-zod';
import { z } from 'zod';
import { evidenceArchives } from '../../db/schema';

const iso = z.string().describe('ISO 8601 time');

export const archiveParams = z.object({
  id: z.uuid({ error: 'must be a claim id (UUID)' }),
  eid: z.uuid({ error: 'must be an evidence id (UUID)' }),
});

/** An evidence entry's archived copy (db/schema/verification.ts `evidence_archives`), times as ISO strings. */
export const archiveSchema = createSelectSchema(evidenceArchives, {
  fetchedAt: iso.nullable(),
  checkedAt: iso.nullable(),
  createdAt: iso,
})
  .omit({ claimId: true })
  .extend({
    recheck: z.enum(['unchanged', 'changed', 'gone', 'failed', 'archived']).nullable().describe('what the last re-check found'),
  });
export type ArchiveJson = z.infer<typeof archiveSchema>;

export const archiveReply = z.object({ archive: archiveSchema });
