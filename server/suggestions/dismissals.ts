import { createHash } from 'node:crypto';
import { and, count, desc, eq } from 'drizzle-orm';
import type { Db } from '../../db';
import { suggestionDismissals, users } from '../../db/schema';

/** How many dismissed suggestions one document keeps; past it a dismissal is refused (409 `too_many_dismissals`). */
export const MAX_DISMISSALS_PER_DOCUMENT = 5_000;

/** A dismissed suggestion as the API shows it. */
export interface DismissalJson {
  key: string;
  exact: string;
  dismissedBy: { id: string; name: string } | null;
  dismissedAt: string;
}

/**
 * The key a suggested sentence is dismissed under: the SHA-256 of its text (UTF-8, hex). The text,
 * not its offsets, so a dismissal holds on a new version that keeps the sentence.
 */
export const dismissalKey = (exact: string): string => createHash('sha256').update(exact, 'utf8').digest('hex');

const columns = {
  key: suggestionDismissals.key,
  exact: suggestionDismissals.exact,
  dismissedAt: suggestionDismissals.dismissedAt,
  byId: users.id,
  byName: users.name,
};

function toJson(row: { key: string; exact: string; dismissedAt: Date; byId: string | null; byName: string | null }): DismissalJson {
  return {
    key: row.key,
    exact: row.exact,
    dismissedBy: row.byId ? { id: row.byId, name: row.byName ?? '' } : null,
    dismissedAt: row.dismissedAt.toISOString(),
  };
}

/** The document's dismissed suggestions, the latest first. */
export async function listDismissals(db: Db, documentId: string): Promise<DismissalJson[]> {
  const rows = await db
    .select(columns)
    .from(suggestionDismissals)
    .leftJoin(users, eq(users.id, suggestionDismissals.dismissedBy))
    .where(eq(suggestionDismissals.documentId, documentId))
    .orderBy(desc(suggestionDismissals.dismissedAt), desc(suggestionDismissals.key));
  return rows.map(toJson);
}

/**
 * Dismisses a suggested sentence in a document for everyone. Dismissing it again keeps the first
 * dismissal (`created: false`). Null when the document already holds MAX_DISMISSALS_PER_DOCUMENT.
 */
export async function dismiss(db: Db, documentId: string, exact: string, userId: string): Promise<{ dismissal: DismissalJson; created: boolean } | null> {
  const key = dismissalKey(exact);
  const find = async () => {
    const [row] = await db
      .select(columns)
      .from(suggestionDismissals)
      .leftJoin(users, eq(users.id, suggestionDismissals.dismissedBy))
      .where(and(eq(suggestionDismissals.documentId, documentId), eq(suggestionDismissals.key, key)));
    return row ? toJson(row) : null;
  };
  const existing = await find();
  if (existing) return { dismissal: existing, created: false };
  const [{ n }] = await db.select({ n: count() }).from(suggestionDismissals).where(eq(suggestionDismissals.documentId, documentId));
  if (n >= MAX_DISMISSALS_PER_DOCUMENT) return null;
  // Two people dismissing the same sentence at once: the second insert does nothing, both see the first.
  const inserted = await db.insert(suggestionDismissals).values({ documentId, key, exact, dismissedBy: userId }).onConflictDoNothing().returning({ key: suggestionDismissals.key });
  return { dismissal: (await find())!, created: inserted.length > 0 };
}

/** Restores a dismissed suggestion; false when there was no such dismissal. */
export async function undismiss(db: Db, documentId: string, key: string): Promise<boolean> {
  const deleted = await db
    .delete(suggestionDismissals)
    .where(and(eq(suggestionDismissals.documentId, documentId), eq(suggestionDismissals.key, key)))
    .returning({ key: suggestionDismissals.key });
  return deleted.length > 0;
}
