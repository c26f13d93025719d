import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEMO_EMAIL, seedDemo } from './demo/seed';
import { buildApp } from './app';
import { loadConfig } from './config';

// Startup only: read the environment, build the app, seed a fresh database, listen, stop cleanly.
const config = loadConfig();
const { app, database, close } = await buildApp(config);

const demo = await seedDemo(database.db);
// With embedded PGlite the demo sign-in is kept beside the data, so later starts can print it again.
const demoFile = join(config.dataDir, 'demo-sign-in.txt');
if (demo && database.kind === 'pglite') {
  writeFileSync(demoFile, `${demo.email}\n${demo.password}\n`);
  chmodSync(demoFile, 0o600);
}
const savedPassword = database.kind === 'pglite' && existsSync(demoFile) ? readFileSync(demoFile, 'utf8').split('\n')[1] : undefined;

await app.listen({ port: config.port, host: config.host });
const url = config.publicOrigin ?? `http://localhost:${config.port}`;
const signIn = demo ?? (savedPassword ? { email: DEMO_EMAIL, password: savedPassword } : null);
console.log(`\n  Corroborate is running at ${url}  (database: ${database.kind}${database.kind === 'pglite' ? ` in ${config.dataDir}` : ''})`);
console.log(signIn ? `  Demo sign-in: ${signIn.email} / ${signIn.password}\n` : '  Sign in with your account, or sign up.\n');

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    app.log.info(`${signal}: shutting down`);
    close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  });
}
