import { readFileSync } from 'node:fs';
import { diffLines } from 'diff';
import { expect, test } from 'vitest';
import { API_TYPES_FILE, apiTypesSource } from '../helpers/openapi';

test('the committed API types (server/shared/api-types.generated.ts) are what the served OpenAPI document generates: run `npm run api:types` after changing a route schema', async () => {
  const committed = readFileSync(API_TYPES_FILE, 'utf8');
  const fresh = await apiTypesSource();
  // The changed lines, not two 3,500-line files side by side.
  const changed = diffLines(committed, fresh)
    .filter((part) => part.added || part.removed)
    .flatMap((part) => part.value.split('\n').filter(Boolean).map((line) => `${part.added ? '+' : '-'} ${line}`));
  expect(changed.slice(0, 40)).toEqual([]);
}, 60_000);
