/**
 * What PostgreSQL can store as `text` or inside `jsonb`: no NUL character (`\u0000`) and no
 * unpaired UTF-16 surrogate (a string that is not well formed). Every entry point (REST schemas,
 * Yjs updates, imports) refuses or normalises strings that fail this test before they reach a
 * transaction. Imported by the server and the web app.
 */

/** True when PostgreSQL can store `s` in a `text` or `jsonb` column. */
export const isStorableText = (s: string): boolean => !s.includes('\u0000') && s.isWellFormed();

/** Why `s` cannot be stored, as a phrase for an error message, or null when it can. */
export function unstorableReason(s: string): string | null {
  if (s.includes('\u0000')) return 'contains a NUL character (\\u0000)';
  if (!s.isWellFormed()) return 'contains an unpaired UTF-16 surrogate';
  return null;
}

/** `s` made storable: NUL characters removed, unpaired surrogates replaced by U+FFFD. */
export const toStorable = (s: string): string => s.replaceAll('\u0000', '').toWellFormed();

/**
 * A JSON value with every string and key made storable, nesting cut at `maxDepth` (deeper parts
 * become null) and non-JSON values (BigInt, functions) dropped: safe for a `jsonb` column.
 * Iterative, so no input can overflow the stack.
 */
export function storableJson<T>(value: T, maxDepth = 32): T {
  const convert = (v: unknown): unknown => {
    if (typeof v === 'string') return toStorable(v);
    if (v === null || typeof v === 'number' || typeof v === 'boolean') return typeof v === 'number' && !Number.isFinite(v) ? null : v;
    if (Array.isArray(v)) return [] as unknown[];
    if (typeof v === 'object') return {} as Record<string, unknown>;
    return null;
  };
  const root = convert(value);
  const stack: Array<{ from: unknown; to: unknown; depth: number }> = [{ from: value, to: root, depth: 0 }];
  while (stack.length) {
    const { from, to, depth } = stack.pop()!;
    if (!to || typeof to !== 'object') continue;
    const entries: Array<[string, unknown]> = Array.isArray(from) ? from.map((v, i) => [String(i), v]) : Object.entries(from as object);
    for (const [key, child] of entries) {
      const converted = depth + 1 > maxDepth ? null : convert(child);
      if (Array.isArray(to)) to.push(converted);
      else (to as Record<string, unknown>)[toStorable(key)] = converted;
      if (converted && typeof converted === 'object') stack.push({ from: child, to: converted, depth: depth + 1 });
    }
  }
  return root as T;
}
