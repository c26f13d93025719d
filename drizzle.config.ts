import { defineConfig } from 'drizzle-kit';

/** drizzle-kit generates the committed SQL migrations from the schema; the app applies them at start. */
export default defineConfig({
  dialect: 'postgresql',
  schema: './db/schema/index.ts',
  out: './db/migrations',
});
