import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { API_TYPES_FILE, apiTypesSource, WEB_API_TYPES_FILE } from './openapi';

// `npm run api:types`: rewrites tests/helpers/api-types.generated.ts and web/src/lib/api-types.generated.ts
// from the OpenAPI document the server serves, so the test client's and the web app's types follow
// the route schemas.
const source = await apiTypesSource();
for (const file of [API_TYPES_FILE, WEB_API_TYPES_FILE]) {
  writeFileSync(file, source);
  console.log(`wrote ${fileURLToPath(file)}`);
}
