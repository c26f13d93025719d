import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import * as Y from 'yjs';
import { claimsOf } from '../../server/shared/claim-doc';
import { startApp, type TestApp } from '../helpers/app';
import { workspaceWithRoles } from '../helpers/client';
import { connect, eventually, synced, type CollabClient } from '../helpers/collab';

// docs/api.md "History": a person's edits to one field within HISTORY_WINDOW_MS are one entry with
// before → after; important entries stand out and can be asked for alone; offline edits say so.

type Team = Awaited<ReturnType<typeof workspaceWithRoles>>;
type Entry = { id: number; action: string; user: { id: string } | null; from: unknown; to: unknown; important: boolean; offline: boolean; reason: string | null };

const text =
  'UN reports suggest that between 5,500 and 6,000 militants are active. Officials confirmed that 1,200 guards were deployed. ' +
  'The border is 2,650 km long. The wall cost 1.2 billion euros.';

/** A server with its workspace, one document, and live clients of the annotator and the fact-checker. */
async function setUp(overrides: Parameters<typeof startApp>[0] = {}) {
  const app = await startApp(overrides);
  const team = await workspaceWithRoles(app.url);
  const documentId: string = (await team.lead.post(`/api/workspaces/${team.wid}/documents`, { title: 'Border', text })).body.document.id;
  const annotator = await connect(app.url, documentId, team.annotator);
  const checker = await connect(app.url, documentId, team.factchecker);
  await Promise.all([synced(annotator), synced(checker)]);
  return { app, team, documentId, annotator, checker };
}

let main: Awaited<ReturnType<typeof setUp>>;
/** A second server whose window is 50 ms, to see a new entry start past it. */
let brief: Awaited<ReturnType<typeof setUp>>;

beforeAll(async () => {
  main = await setUp();
  brief = await setUp({ historyWindowMs: 50 });
});
afterAll(async () => {
  for (const s of [main, brief]) {
    s?.annotator.destroy();
    s?.checker.destroy();
    await s?.app.close();
  }
});

/** A claim made over REST, once it is in the given live clients' documents. */
async function newClaim(s: typeof main, exact: string, extra: Record<string, unknown> = {}, clients: CollabClient[] = [s.annotator, s.checker]) {
  const res = await s.team.annotator.post(`/api/documents/${s.documentId}/claims`, { exact, ...extra });
  expect(res.status).toBe(201);
  const id: string = res.body.claim.id;
  for (const c of clients) await eventually(() => claimsOf(c.doc).has(id), 5000, 'claim in the live client');
  return id;
}

const noteOf = (c: CollabClient, id: string) => claimsOf(c.doc).get(id)!.get('note') as Y.Text;

async function historyOf(team: Team, id: string, query: '' | `?${string}` = ''): Promise<Entry[]> {
  const res = await team.viewer.get(`/api/claims/${id}/history${query}`);
  expect(res.status).toBe(200);
  return res.body.events;
}

describe('edits within the window are one entry', () => {
  test('typing 90 keystrokes into a note over several commits makes one entry with the text before and after', async () => {
    const id = await newClaim(main, 'Officials confirmed', { note: 'Check: ' });
    const typed = 'the ministry figure of 1,200 guards matches the deployment order published in March 2024 and the budget'.slice(0, 90);
    expect(typed).toHaveLength(90);
    const note = noteOf(main.annotator, id);
    for (let i = 0; i < typed.length; i++) {
      note.insert(note.length, typed[i]);
      // Every ten keystrokes wait for the commit: the keystrokes span several group-commit batches.
      if (i % 10 === 9) await main.annotator.saved.whenSaved();
    }
    await main.annotator.saved.whenSaved();
    const edits = (await historyOf(main.team, id)).filter((e) => e.action === 'note_edited');
    expect(edits).toHaveLength(1);
    expect(edits[0]).toMatchObject({ from: 'Check: ', to: `Check: ${typed}`, user: { id: main.team.annotator.user!.id }, important: false, offline: false });
  });

  test('a confidence slider dragged through 20 values is one entry "confidence 40 → 75"', async () => {
    const id = await newClaim(main, '2,650 km long', { confidence: 40 });
    const map = claimsOf(main.annotator.doc).get(id)!;
    const steps = Array.from({ length: 20 }, (_, i) => (i === 19 ? 75 : 41 + i * 2));
    for (const [i, value] of steps.entries()) {
      map.set('confidence', value);
      if (i % 5 === 4) await main.annotator.saved.whenSaved();
    }
    await main.annotator.saved.whenSaved();
    const changes = (await historyOf(main.team, id)).filter((e) => e.action === 'confidence_changed');
    expect(changes).toEqual([expect.objectContaining({ from: 40, to: 75, user: expect.objectContaining({ id: main.team.annotator.user!.id }) })]);
  });

  test("tags changed in several steps are one entry with the tags before and after", async () => {
    const id = await newClaim(main, '1.2 billion euros', { tags: ['cost'] });
    const tags = claimsOf(main.annotator.doc).get(id)!.get('tags') as Y.Array<string>;
    tags.push(['figure']);
    await main.annotator.saved.whenSaved();
    tags.push(['budget']);
    await main.annotator.saved.whenSaved();
    tags.delete(0, 1);
    await main.annotator.saved.whenSaved();
    const changes = (await historyOf(main.team, id)).filter((e) => e.action === 'tags_changed');
    expect(changes).toEqual([expect.objectContaining({ from: ['cost'], to: ['figure', 'budget'] })]);
  });

  test("a second person's edit starts its own entry, whose before is the first person's after", async () => {
    const id = await newClaim(main, 'militants are active', { note: 'Draft.' });
    const mine = noteOf(main.annotator, id);
    mine.insert(mine.length, ' Source?');
    await main.annotator.saved.whenSaved();
    await eventually(() => noteOf(main.checker, id).toString() === 'Draft. Source?', 5000, 'the edit at the fact-checker');
    const theirs = noteOf(main.checker, id);
    theirs.insert(theirs.length, ' UN 2023.');
    await main.checker.saved.whenSaved();
    const edits = (await historyOf(main.team, id)).filter((e) => e.action === 'note_edited');
    expect(edits).toEqual([
      expect.objectContaining({ from: 'Draft.', to: 'Draft. Source?', user: expect.objectContaining({ id: main.team.annotator.user!.id }) }),
      expect.objectContaining({ from: 'Draft. Source?', to: 'Draft. Source? UN 2023.', user: expect.objectContaining({ id: main.team.factchecker.user!.id }) }),
    ]);
  });

  test('past the window a new entry starts', async () => {
    const id = await newClaim(brief, 'Officials confirmed', { confidence: 10 });
    const map = claimsOf(brief.annotator.doc).get(id)!;
    map.set('confidence', 20);
    await brief.annotator.saved.whenSaved();
    // The window of this server is 50 ms; the next edit comes well after it.
    await new Promise((r) => setTimeout(r, 200));
    map.set('confidence', 30);
    await brief.annotator.saved.whenSaved();
    const changes = (await historyOf(brief.team, id)).filter((e) => e.action === 'confidence_changed');
    expect(changes.map((e) => [e.from, e.to])).toEqual([
      [10, 20],
      [20, 30],
    ]);
  });
});

describe('important entries', () => {
  test('a vote, a status change and its reopening are important, keep an edit before them apart from one after, and are what ?important=true returns', async () => {
    const id = await newClaim(main, '1,200 guards were deployed', { confidence: 50 });
    const map = claimsOf(main.annotator.doc).get(id)!;
    map.set('confidence', 60);
    await main.annotator.saved.whenSaved();
    expect((await main.team.factchecker.request('PUT', `/api/claims/${id}/vote`, { json: { verdict: 'accurate' } })).status).toBe(200);
    expect((await main.team.lead.post(`/api/claims/${id}/status`, { status: 'in_review' })).status).toBe(200);
    map.set('confidence', 70);
    await main.annotator.saved.whenSaved();

    const all = await historyOf(main.team, id);
    expect(all.filter((e) => e.action === 'confidence_changed').map((e) => [e.from, e.to])).toEqual([
      [50, 60],
      [60, 70],
    ]);
    const important = await historyOf(main.team, id, '?important=true');
    expect(important.map((e) => e.action)).toEqual(['voted', 'status_changed']);
    expect(important.every((e) => e.important && 'reason' in e)).toBe(true);
    expect(important[1]).toMatchObject({ from: 'open', to: 'in_review' });
    expect(all.filter((e) => e.important).map((e) => e.id)).toEqual(important.map((e) => e.id));

    const byKind = await historyOf(main.team, id, '?kinds=confidence_changed,status_changed');
    expect(byKind.map((e) => e.action)).toEqual(['confidence_changed', 'status_changed', 'confidence_changed']);
    expect((await main.team.viewer.get(`/api/claims/${id}/history?important=yes`)).status).toBe(400);
  });

  test('a write the server undid (a forged status) is important', async () => {
    const id = await newClaim(main, 'The border is');
    claimsOf(main.annotator.doc).get(id)!.set('status', 'verified');
    await main.annotator.saved.whenSaved();
    await eventually(async () => (await historyOf(main.team, id, '?important=true')).some((e) => e.action === 'forged_write_undone'), 5000, 'the undone write in the history');
    const important = await historyOf(main.team, id, '?important=true');
    expect(important.map((e) => e.action)).toEqual(['forged_write_undone']);
  });
});

describe('offline edits', () => {
  test('an edit made while disconnected and synced on reconnecting is marked offline; a live edit after it is not', async () => {
    const id = await newClaim(main, '6,000 militants', { note: 'Seen.' }, [main.annotator]);
    const { provider, doc } = main.annotator;
    provider.disconnect();
    const note = noteOf(main.annotator, id);
    note.insert(note.length, ' Typed on the train.');
    claimsOf(doc).get(id)!.set('confidence', 35);
    provider.connect();
    await synced(main.annotator);
    await eventually(async () => (await historyOf(main.team, id)).some((e) => e.action === 'note_edited'), 5000, 'the offline edit stored');
    note.insert(note.length, ' Back online.');
    await main.annotator.saved.whenSaved();

    const history = await historyOf(main.team, id);
    const edits = history.filter((e) => e.action === 'note_edited');
    expect(edits).toEqual([
      expect.objectContaining({ from: 'Seen.', to: 'Seen. Typed on the train.', offline: true }),
      expect.objectContaining({ from: 'Seen. Typed on the train.', to: 'Seen. Typed on the train. Back online.', offline: false }),
    ]);
    expect(history.find((e) => e.action === 'confidence_changed')).toMatchObject({ from: null, to: 35, offline: true });
    expect(history.find((e) => e.action === 'created')).toMatchObject({ offline: false });
  });
});
