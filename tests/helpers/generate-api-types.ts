import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { API_TYPES_FILE, apiTypesSource } from './openapi';

// `npm run api:types`: rewrites server/shared/api-types.generated.ts from the OpenAPI document the
// server serves, so the test client's and the web app's types follow the route schemas.
writeFileSync(API_TYPES_FILE, await apiTypesSource());
console.log(`wrote ${fileURLToPath(API_TYPES_FILE)}`);
