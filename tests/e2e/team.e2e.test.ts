import { eq, sql } from 'drizzle-orm';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { workspaceInvites } from '../../db/schema';
import { ROLE_DESCRIPTIONS, ROLES } from '../../server/shared/roles';
import { startApp, type TestApp } from '../helpers/app';
import { addSession, launchBrowser, screenshotPath, skipIfNoBrowser } from '../helpers/browser';
import { signUp, uniqueEmail, workspaceWithRoles, type Client } from '../helpers/client';

// The members page, invite links and what a change of membership does to pages already open,
// through the production build against the real server. The lead works in one browser context,
// the fact-checker and the newcomer each in their own. The tests share the workspace and run in order.

const NEWCOMER = { name: 'Nadia Newcomer', email: uniqueEmail('newcomer'), password: 'correct horse battery' };
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 800 };

describe.skipIf(skipIfNoBrowser())('the members page, invite links and membership changes on open pages', () => {
  let app: TestApp;
  let browser: Browser;
  let team: Awaited<ReturnType<typeof workspaceWithRoles>>;
  let documentId: string;
  let lead: Page;
  /** The link the lead made for the newcomer. */
  let inviteLink: string;
  const contexts: BrowserContext[] = [];
  const pageErrors: string[] = [];

  /** A page in a fresh context of this size, signed in as `client` (or signed out). */
  async function newPage(viewport: { width: number; height: number }, client?: Client): Promise<Page> {
    const context = await browser.newContext({ viewport });
    context.setDefaultTimeout(15_000);
    contexts.push(context);
    if (client) await addSession(context, app.url, client);
    const page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
    return page;
  }

  const membersUrl = () => `${app.url}/w/${team.wid}/members`;
  const rowOf = (page: Page, email: string): Locator => page.getByTestId('member-list').locator('li', { hasText: email });
  /** Whether the page is wider than its window (a horizontal scroll bar). */
  const scrollsSideways = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);
  /** The member's role as the server has it now (null: not a member). */
  const roleOf = async (email: string) => {
    const res = await team.lead.get(`/api/workspaces/${team.wid}/members`);
    if (res.status !== 200) throw new Error(`members: ${res.status}`);
    return res.body.members.find((m) => m.user.email === email)?.role ?? null;
  };

  beforeAll(async () => {
    app = await startApp();
    team = await workspaceWithRoles(app.url);
    const doc = await team.lead.post(`/api/workspaces/${team.wid}/documents`, {
      title: 'Harbour expansion',
      text: "The mayor said that dredging the eastern harbour will double the port's cargo capacity by 2027.",
    });
    documentId = doc.body.document.id;
    browser = await launchBrowser();
    lead = await newPage(DESKTOP, team.lead);
    // The copy button writes to the clipboard; the test reads it back.
    await lead.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: app.url });
  });

  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await app?.close();
  });

  test('the Members tab opens the members page: everyone with their role, and one line on what each role may do', async () => {
    await lead.goto(`${app.url}/w/${team.wid}`);
    const nav = lead.getByRole('navigation', { name: 'Workspace pages' });
    await nav.getByRole('link', { name: 'Members' }).click();
    await lead.waitForURL(membersUrl());
    await lead.getByTestId('member-list').waitFor();
    expect(await lead.getByRole('heading', { level: 1 }).textContent()).toBe('Members');
    expect(await lead.getByTestId('member-list').locator('li').count()).toBe(4);
    expect(await rowOf(lead, team.factchecker.user!.email).getByLabel('Role of factchecker').inputValue()).toBe('factchecker');

    const guide = lead.getByTestId('role-guide');
    expect(await guide.locator('dd').allTextContents()).toEqual(ROLES.map((r) => ROLE_DESCRIPTIONS[r]));

    // The only lead can neither step down nor leave, and the page says why.
    const own = rowOf(lead, team.lead.user!.email);
    expect(await own.getByLabel('Role of lead').isDisabled()).toBe(true);
    expect(await own.getByTestId('leave-workspace').isDisabled()).toBe(true);
    expect(await own.getByTestId('last-lead-note').textContent()).toContain('The only lead');
    expect(await scrollsSideways(lead)).toBe(false);
  });

  test('a lead makes an invite link with a role, an expiry and a number of uses; it is shown once with a copy button and listed as open', async () => {
    await lead.getByLabel('Role offered').selectOption('annotator');
    await lead.getByLabel('Expires after').selectOption({ label: '3 days' });
    await lead.getByRole('radio', { name: /By/ }).check();
    await lead.getByLabel('Number of people').fill('3');
    await lead.getByTestId('create-invite').click();

    const link = lead.getByTestId('invite-link');
    await link.waitFor();
    inviteLink = await link.inputValue();
    expect(inviteLink).toMatch(new RegExp(`^${app.url}/invite/[A-Za-z0-9_-]{20,}$`));
    await lead.getByTestId('copy-invite').click();
    expect(await lead.getByTestId('copy-status').textContent()).toBe('Copied to the clipboard.');
    expect(await lead.evaluate(() => navigator.clipboard.readText())).toBe(inviteLink);

    const item = lead.getByTestId('invite-item');
    await item.waitFor();
    const text = await item.textContent();
    expect(text).toContain('Annotator');
    expect(text).toContain('3 of 3 uses left');
    const expires = new Date(Date.now() + 72 * 3600_000).toLocaleDateString(undefined, { day: 'numeric' });
    expect(text).toContain(expires);

    // A second link (a viewer's, any number of times) for the picture of the page.
    await lead.getByLabel('Role offered').selectOption('viewer');
    await lead.getByRole('radio', { name: 'Any number of times' }).check();
    await lead.getByTestId('create-invite').click();
    await expect.poll(() => lead.getByTestId('invite-item').count()).toBe(2);
    expect(await lead.getByTestId('invite-list').textContent()).toContain('Unlimited uses');
    expect(await scrollsSideways(lead)).toBe(false);
    // The whole page in one window (a full-page capture would repeat the sticky app header).
    await lead.setViewportSize({ width: DESKTOP.width, height: 1500 });
    await lead.screenshot({ path: screenshotPath('members.png') });
    await lead.setViewportSize(DESKTOP);

    // Only the newcomer's link is needed from here on.
    await lead.getByTestId('invite-item').filter({ hasText: 'Viewer' }).getByTestId('revoke-invite').click();
    await expect.poll(() => lead.getByTestId('invite-item').count()).toBe(1);
  });

  test('someone without an account opens the link, signs up through it, comes back and joins with the offered role', async () => {
    const page = await newPage(DESKTOP);
    await page.goto(inviteLink);
    const offer = page.getByTestId('invite-offer');
    await offer.waitFor();
    expect(await offer.getByTestId('invite-workspace').textContent()).toBe('Newsroom');
    expect(await offer.getByTestId('invite-role').textContent()).toBe('Annotator');
    expect(await offer.textContent()).toContain('lead invites you');

    await page.getByTestId('invite-signup').click();
    await page.waitForURL(/\/signup\?next=/);
    await page.getByLabel('Name').fill(NEWCOMER.name);
    await page.getByLabel('Email').fill(NEWCOMER.email);
    await page.getByLabel('Password').fill(NEWCOMER.password);
    await page.getByRole('button', { name: 'Create account' }).click();

    await page.waitForURL(inviteLink);
    await page.getByTestId('join-workspace').click();
    await page.waitForURL(`${app.url}/w/${team.wid}`);
    expect(await page.getByTestId('workspace-name').textContent()).toBe('Newsroom');
    expect(await page.locator('.heading .badge').textContent()).toBe('Annotator');

    await lead.reload();
    const row = rowOf(lead, NEWCOMER.email);
    await row.waitFor();
    expect(await row.getByLabel(`Role of ${NEWCOMER.name}`).inputValue()).toBe('annotator');
    expect(await lead.getByTestId('invite-item').textContent()).toContain('2 of 3 uses left');

    // A non-lead sees the members read-only, and no invite section.
    await page.goto(membersUrl());
    await page.getByTestId('member-list').waitFor();
    expect(await page.getByTestId('member-role-select').count()).toBe(0);
    expect(await page.getByTestId('remove-member').count()).toBe(0);
    expect(await page.getByTestId('invite-panel').count()).toBe(0);
    expect(await rowOf(page, team.lead.user!.email).getByTestId('member-role').textContent()).toBe('Lead');
  });

  test('a lead changes a member’s role with the select', async () => {
    await rowOf(lead, NEWCOMER.email).getByLabel(`Role of ${NEWCOMER.name}`).selectOption('factchecker');
    const saved = rowOf(lead, NEWCOMER.email).getByTestId('member-saved');
    await saved.waitFor();
    expect(await saved.textContent()).toBe(`${NEWCOMER.name} is now a fact-checker.`);
    expect(await roleOf(NEWCOMER.email)).toBe('factchecker');
    await lead.reload();
    expect(await rowOf(lead, NEWCOMER.email).getByLabel(`Role of ${NEWCOMER.name}`).inputValue()).toBe('factchecker');
  });

  test('a lead removes a member after a dialog that names them; Cancel removes nobody', async () => {
    const row = rowOf(lead, NEWCOMER.email);
    await row.getByRole('button', { name: `Remove ${NEWCOMER.name}` }).click();
    const dialog = lead.getByRole('dialog', { name: `Remove ${NEWCOMER.name} from Newsroom?` });
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain(NEWCOMER.email);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'hidden' });
    expect(await row.count()).toBe(1);

    await row.getByRole('button', { name: `Remove ${NEWCOMER.name}` }).click();
    await dialog.getByRole('button', { name: `Remove ${NEWCOMER.name}` }).click();
    await row.waitFor({ state: 'detached' });
    expect(await lead.getByTestId('member-list').locator('li').count()).toBe(4);
  });

  test('the last lead cannot step down: a stale page shows the server’s 409 sentence, then disables the control', async () => {
    // A second lead: the page allows the first one to step down…
    await team.lead.patch(`/api/workspaces/${team.wid}/members/${team.annotator.user!.id}`, { role: 'lead' });
    await lead.reload();
    const own = rowOf(lead, team.lead.user!.email);
    await own.waitFor();
    expect(await own.getByLabel('Role of lead').isDisabled()).toBe(false);
    // …but the second lead leaves meanwhile, and the server refuses.
    const left = await team.annotator.delete(`/api/workspaces/${team.wid}/members/${team.annotator.user!.id}`);
    expect(left.status).toBe(204);
    await own.getByLabel('Role of lead').selectOption('viewer');
    const error = own.getByTestId('member-error');
    await error.waitFor();
    expect(await error.textContent()).toBe('A workspace needs at least one lead, and this is the last one: make someone else lead before they step down.');
    await expect.poll(() => own.getByLabel('Role of lead').isDisabled()).toBe(true);
    expect(await own.getByLabel('Role of lead').inputValue()).toBe('lead');
    expect(await roleOf(team.lead.user!.email)).toBe('lead');
  });

  test('a revoked link, a used-up link, an expired link and an unknown link each open a page saying so', async () => {
    await lead.getByTestId('revoke-invite').click();
    await lead.getByTestId('invites-empty').waitFor();

    const page = await newPage(DESKTOP, team.outsider);
    await page.goto(inviteLink);
    const gone = page.getByTestId('invite-gone');
    await gone.waitFor();
    expect(await gone.getAttribute('data-state')).toBe('revoked');
    expect(await gone.getByRole('heading').textContent()).toBe('This invite link was revoked');
    expect(await page.getByTestId('join-workspace').count()).toBe(0);

    const once = await team.lead.post(`/api/workspaces/${team.wid}/invites`, { role: 'viewer', expiresInHours: 1, maxUses: 1 });
    const someone = await signUp(app.url, 'someone');
    expect((await someone.post(`/api/invites/${once.body.token}/accept`)).status).toBe(200);
    await page.goto(`${app.url}${once.body.path}`);
    await page.locator('[data-testid="invite-gone"][data-state="used_up"]').waitFor();
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('This invite link has been used up');

    const stale = await team.lead.post(`/api/workspaces/${team.wid}/invites`, { role: 'viewer', expiresInHours: 1, maxUses: 1 });
    await app.database.db.update(workspaceInvites).set({ expiresAt: sql`now() - interval '1 minute'` }).where(eq(workspaceInvites.id, stale.body.invite.id));
    await page.goto(`${app.url}${stale.body.path}`);
    await page.locator('[data-testid="invite-gone"][data-state="expired"]').waitFor();
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('This invite link has expired');

    // Revoked while the page is open: Join answers 410 invite_revoked, and the page says so.
    const late = await team.lead.post(`/api/workspaces/${team.wid}/invites`, { role: 'annotator', expiresInHours: 1, maxUses: 1 });
    await page.goto(`${app.url}${late.body.path}`);
    await page.getByTestId('join-workspace').waitFor();
    expect((await team.lead.delete(`/api/workspaces/${team.wid}/invites/${late.body.invite.id}`)).status).toBe(204);
    await page.getByTestId('join-workspace').click();
    await page.locator('[data-testid="invite-gone"][data-state="revoked"]').waitFor();
    expect(await roleOf(team.outsider.user!.email)).toBe(null);

    await page.goto(`${app.url}/invite/not-a-real-link`);
    await page.getByTestId('invite-unknown').waitFor();
    expect(await page.getByTestId('invite-unknown').textContent()).toContain('This invite link is not valid');
  });

  test('demoting the fact-checker to viewer turns their open reader read-only without a reload', async () => {
    const reader = await newPage(DESKTOP, team.factchecker);
    await reader.goto(`${app.url}/d/${documentId}`);
    await reader.getByTestId('reader-text').waitFor();
    await reader.waitForFunction(() => document.querySelector('[data-testid="saved-state"]')?.getAttribute('data-status') === 'saved');
    expect(await reader.getByTestId('read-only').count()).toBe(0);
    expect(await reader.getByRole('button', { name: 'Rename / edit details' }).count()).toBe(1);
    // Survives only as long as the page is not reloaded.
    await reader.evaluate(() => ((window as unknown as { notReloaded: boolean }).notReloaded = true));

    await lead.reload();
    await rowOf(lead, team.factchecker.user!.email).getByLabel('Role of factchecker').selectOption('viewer');
    await reader.getByTestId('read-only').waitFor();
    expect(await reader.getByRole('button', { name: 'Rename / edit details' }).count()).toBe(0);
    expect(await reader.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);

    // Removed: the same open page says access is gone.
    await lead.reload();
    const row = rowOf(lead, team.factchecker.user!.email);
    await row.getByRole('button', { name: 'Remove factchecker' }).click();
    await lead.getByRole('dialog', { name: 'Remove factchecker from Newsroom?' }).getByRole('button', { name: 'Remove factchecker' }).click();
    await row.waitFor({ state: 'detached' });

    const problem = reader.locator('[data-testid="connection-problem"][data-code="4403"]');
    await problem.waitFor();
    expect(await problem.textContent()).toContain('You no longer have access to this workspace');
    expect(await reader.getByTestId('no-access-home').getAttribute('href')).toBe('/');
    expect(await reader.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);
  });

  test('on a phone (390 px) the members page fits the screen while a lead invites, changes a role and opens the remove dialog', async () => {
    const phone = await newPage(PHONE, team.lead);
    await phone.goto(membersUrl());
    await phone.getByTestId('member-list').waitFor();
    expect(await scrollsSideways(phone)).toBe(false);

    await phone.getByLabel('Role offered').selectOption('factchecker');
    await phone.getByTestId('create-invite').click();
    await phone.getByTestId('invite-link').waitFor();
    await phone.getByTestId('invite-item').waitFor();
    expect(await scrollsSideways(phone)).toBe(false);

    await rowOf(phone, team.viewer.user!.email).getByLabel('Role of viewer').selectOption('annotator');
    await expect.poll(() => roleOf(team.viewer.user!.email)).toBe('annotator');
    await rowOf(phone, team.viewer.user!.email).getByRole('button', { name: 'Remove viewer' }).click();
    const dialog = phone.getByRole('dialog', { name: 'Remove viewer from Newsroom?' });
    await dialog.waitFor();
    const box = await dialog.boundingBox();
    expect(box!.x).toBeGreaterThanOrEqual(0);
    expect(box!.x + box!.width).toBeLessThanOrEqual(PHONE.width);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    expect(await scrollsSideways(phone)).toBe(false);
  });

  test('a member leaves the workspace from the members page, after a dialog, and it is gone from their list', async () => {
    const page = await newPage(PHONE, team.viewer);
    await page.goto(membersUrl());
    await rowOf(page, team.viewer.user!.email).getByTestId('leave-workspace').click();
    const dialog = page.getByRole('dialog', { name: 'Leave Newsroom?' });
    await dialog.getByRole('button', { name: 'Leave workspace' }).click();
    await page.waitForURL(`${app.url}/`);
    await page.getByTestId('workspaces-empty').waitFor();
    expect(await roleOf(team.viewer.user!.email)).toBe(null);
    expect(pageErrors).toEqual([]);
  });
});
