import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { startApp, type TestApp } from '../helpers/app';
import { Client } from '../helpers/client';

let app: TestApp;
const webDir = mkdtempSync(join(tmpdir(), 'corroborate-web-'));
const bootstrap = 'window.started = true;';

beforeAll(async () => {
  mkdirSync(join(webDir, '_app'), { recursive: true });
  writeFileSync(join(webDir, '200.html'), `<!doctype html><html><body><script>${bootstrap}</script></body></html>`);
  app = await startApp({ webDir });
});
afterAll(async () => {
  await app?.close();
  rmSync(webDir, { recursive: true, force: true });
});

test('every answer carries a content security policy that allows no inline script but the hashed bootstrap', async () => {
  const { createHash } = await import('node:crypto');
  const page = await fetch(`${app.url}/w/some-workspace`);
  expect(page.status).toBe(200);
  expect(await page.text()).toContain(bootstrap);
  const csp = page.headers.get('content-security-policy')!;
  const scriptSrc = csp.split(';').find((d) => d.trim().startsWith('script-src'))!;
  expect(scriptSrc).not.toContain("'unsafe-inline'");
  expect(scriptSrc).not.toContain("'unsafe-eval'");
  expect(scriptSrc).toContain(`'sha256-${createHash('sha256').update(bootstrap).digest('base64')}'`);
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).toContain("object-src 'none'");
  expect(page.headers.get('x-content-type-options')).toBe('nosniff');
  const api = await new Client(app.url).get('/api/health');
  expect(api.headers.get('content-security-policy')).toBe(csp);
});

test('no answer carries a stack trace, and the session cookie is HttpOnly and SameSite', async () => {
  const bad = await new Client(app.url).request('POST', '/api/auth/login', { body: '{"email":', headers: { 'content-type': 'application/json' } });
  expect(JSON.stringify(bad.body)).not.toMatch(/at .*\.(ts|js):\d+/);
  const signup = await new Client(app.url).post('/api/auth/signup', { email: 'sec@example.test', password: 'long enough', name: 'Sec' });
  const cookie = signup.headers.getSetCookie()[0];
  expect(cookie).toMatch(/HttpOnly/);
  expect(cookie).toMatch(/SameSite=Lax/);
  expect(cookie).not.toMatch(/Secure/); // plain http here; https origins get Secure
});
