/**
 * The server `npm start` runs is the compiled bundle (dist/server/main.js, `npm run build:server`),
 * not the TypeScript source through tsx. This starts that bundle and goes through what depends on the
 * files it finds at run time and on the libraries it loads on first use: migrations, the demo seed,
 * the password dictionaries, the job worker (its own bundle) with the Word and HTML importers, and the
 * claim scorer's weights.
 */
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { Client, signUp } from '../helpers/client';
import { freshPostgresDatabase } from '../helpers/database';
import { makeDocx } from '../helpers/make-files';
import { startServerProcess, type ServerProcess } from '../helpers/server-process';

// Each database project builds its own bundle (the projects run at once), inside the repository as dist/ is.
const onPostgres = process.env.TEST_DB === 'postgres';
const outDir = `.test-data/dist-${onPostgres ? 'postgres' : 'pglite'}`;
let server: ServerProcess;
let database: Awaited<ReturnType<typeof freshPostgresDatabase>> | undefined;

beforeAll(async () => {
  execFileSync('npm', ['run', '--silent', 'build:server', '--', `--outdir=${outDir}`], { stdio: 'inherit' });
  database = onPostgres ? await freshPostgresDatabase() : undefined;
  server = await startServerProcess({ compiledDir: outDir, env: { JOBS_THREADS: '1', ...(database ? { DATABASE_URL: database.url } : {}) } });
}, 60_000);

afterAll(async () => {
  await server?.stop();
  await database?.drop();
  rmSync(outDir, { recursive: true, force: true });
});

test('the compiled server migrates and seeds a fresh database, and prints the demo sign-in', async () => {
  expect(server.output()).toMatch(onPostgres ? /database: postgres/ : /database: pglite/);
  const demo = server.output().match(/Demo sign-in: (\S+) \/ (\S+)/);
  expect(demo).not.toBeNull();
  const client = new Client(server.url);
  const login = await client.post('/api/auth/login', { email: demo![1], password: demo![2] });
  expect(login.status).toBe(200);
  const workspaces = await client.get('/api/workspaces');
  expect(workspaces.body.workspaces.map((w) => w.name)).toContain('Demo newsroom');
});

test('the password rule loads its dictionaries on first use and refuses a common password', async () => {
  const res = await new Client(server.url).post('/api/auth/signup', { email: 'weak@example.test', password: 'password123', name: 'Weak' });
  expect(res.status).toBe(400);
  expect(res.body.error?.message).toMatch(/common|guess/);
});

test('the compiled job worker imports Word and HTML files and the scorer suggests claims', async () => {
  const lead = await signUp(server.url, 'compiled');
  const wid = (await lead.post('/api/workspaces', { name: 'Compiled desk' })).body.workspace.id;

  const docx = await makeDocx(['The harbour wall cost 1.2 billion euros, officials confirmed on Monday.[1]'], ['Port authority annual report, 2024.']);
  const word = await lead.upload(`/api/workspaces/${wid}/documents`, 'harbour.docx', docx, 'application/vnd.openxmlformats-officedocument.wordprocessingml.document');
  expect(word.status).toBe(201);
  expect(word.body.document.format).toBe('docx');

  const html = '<html><head><title>Port report</title></head><body><article><h1>Port report</h1><p>Unemployment in the port fell to 4.1 per cent in 2023, the statistics office said.</p><p>What a time to be alive!</p></article></body></html>';
  const page = await lead.upload(`/api/workspaces/${wid}/documents`, 'port.html', html, 'text/html');
  expect(page.status).toBe(201);

  const suggested = await lead.get(`/api/documents/${page.body.document.id}/suggestions`);
  expect(suggested.status).toBe(200);
  const quotes = suggested.body.claims.map((c) => c.exact);
  expect(quotes.some((q) => q.includes('4.1 per cent'))).toBe(true);
  expect(quotes.some((q) => q.includes('What a time'))).toBe(false);
});
