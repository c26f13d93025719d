/**
 * CPU-heavy requests (suggestions on a long document, an annotation import that must fuzzy-search
 * hundreds of quotes, hostile files) run in the job pool, off the event loop: while they run,
 * another user's collaboration edits keep being acknowledged as saved. Prints the acknowledgement
 * latency (p50/p99) before and during the jobs as one JSON line, for RELIABILITY.md.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { connect, synced, type CollabClient } from '../helpers/collab';
import type { AnyAnswer, Client } from '../helpers/client';
import { freshPostgresDatabase } from '../helpers/database';
import { makeDocxBomb, makePdf, prose } from '../helpers/make-files';
import { startServerProcess, type ServerProcess } from '../helpers/server-process';
import { Editor, setUpTeam, type Team } from './support';

// How long the long document is (the default keeps each heavy job busy until the time limit), and
// which cases to send (all by default): smaller settings measure a build without the job pool, for
// RELIABILITY.md's before-and-after figures. 1.9 million characters, just under the 2 MB body
// limit: on a quiet machine the suggestions of 1 million took 5.96 s, inside the 6 s limit, and
// answered 200; twice that is well past it on any machine.
const DOC_CHARS = Number(process.env.CPU_JOBS_DOC_CHARS ?? 1_900_000);
const CASES = process.env.CPU_JOBS_CASES?.split(',');
const HEAVY = ['suggestions', 'annotations'];
const TIMEOUT_MS = 6000;

let db: Awaited<ReturnType<typeof freshPostgresDatabase>>;
let server: ServerProcess;
let team: Team;
let editor: CollabClient;

beforeAll(async () => {
  db = await freshPostgresDatabase();
  server = await startServerProcess({
    env: { DATABASE_URL: db.url, JOBS_THREADS: '1', JOBS_MAX_QUEUE: '8', JOBS_TIMEOUT_MS: String(TIMEOUT_MS), COLLAB_IDLE_UNLOAD_MS: '600000' },
  });
  team = await setUpTeam(server.url, 1);
  editor = await connect(server.url, team.documentId, { token: team.annotators[0].token });
  await synced(editor);
});

afterAll(async () => {
  editor?.destroy();
  await server?.stop();
  await db?.drop();
});

const upload = <P extends string>(client: Client, path: P, name: string, bytes: Uint8Array | string, type: string) => client.upload(path, name, bytes, type);

interface Ack {
  sentAt: number;
  savedAt: number;
}

/** Edits one claim after another until `until` is true, each time waiting for the saved acknowledgement. */
async function editUntil(author: Editor, until: (acks: Ack[]) => boolean): Promise<Ack[]> {
  const acks: Ack[] = [];
  while (!until(acks)) {
    const sentAt = performance.now();
    author.step();
    await author.client.saved.whenSaved();
    acks.push({ sentAt, savedAt: performance.now() });
    await new Promise((r) => setTimeout(r, 20));
  }
  return acks;
}

function percentiles(acks: Ack[]): { n: number; p50: number; p99: number; max: number } {
  const ms = acks.map((a) => a.savedAt - a.sentAt).sort((a, b) => a - b);
  const at = (q: number) => Math.round(ms[Math.min(ms.length - 1, Math.floor(q * ms.length))] * 10) / 10;
  return { n: ms.length, p50: at(0.5), p99: at(0.99), max: Math.round(ms[ms.length - 1] * 10) / 10 };
}

test('while heavy jobs run, another user’s edits keep being acknowledged as saved, and the jobs answer their codes', async () => {
  const lead = team.lead;
  const long = await lead.post(`/api/workspaces/${team.wid}/documents`, { title: 'Long report', text: prose(DOC_CHARS) });
  expect(long.status).toBe(201);
  const longId: string = long.body.document.id;
  const author = new Editor(editor, 1);

  const baseline = await editUntil(author, (acks) => acks.length >= 60);

  // The heavy jobs, all at once from the lead: each answers with its code; the time each took is kept.
  // Near copies of the prose: each sends the fuzzy search through hundreds of look-alike paragraphs.
  const quotes = Array.from({ length: 300 }, (_, i) => ({
    type: 'Annotation',
    target: { selector: [{ type: 'TextQuoteSelector', exact: `Officials confirmed on ${i % 28} March that the harbour wall in district X${i} will protect`, prefix: 'The ', suffix: ' again.' }] },
  }));
  const bomb = await makeDocxBomb(50 * 1024 * 1024);
  const pdf = makePdf(Array.from({ length: 5000 }, (_, i) => [{ text: `Page ${i + 1}.`, x: 72, y: 700, size: 11 }]));
  const cases: Record<string, () => Promise<AnyAnswer>> = {
    suggestions: () => lead.get(`/api/documents/${longId}/suggestions`),
    annotations: () => lead.post(`/api/documents/${longId}/annotations`, { type: 'AnnotationCollection', items: quotes }),
    brackets: () => upload(lead, `/api/workspaces/${team.wid}/documents`, 'brackets.md', '['.repeat(240_000), 'text/markdown'),
    nested: () => upload(lead, `/api/workspaces/${team.wid}/documents`, 'nested.html', `${'<div>'.repeat(50_000)}x`, 'text/html'),
    pdf: () => upload(lead, `/api/workspaces/${team.wid}/documents`, 'long.pdf', pdf, 'application/pdf'),
    docx: () => upload(lead, `/api/workspaces/${team.wid}/documents`, 'bomb.docx', bomb, 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'),
  };
  const answers: Record<string, { status: number; code?: string; ms: number }> = {};
  const chosen = Object.entries(cases).filter(([name]) => !CASES || CASES.includes(name));
  let heavyPending = chosen.filter(([name]) => HEAVY.includes(name)).length;
  const started = performance.now();
  const jobs = chosen.map(async ([name, send]) => {
    const t = performance.now();
    const res = await send();
    answers[name] = { status: res.status, code: res.body?.error?.code, ms: Math.round(performance.now() - t) };
    if (HEAVY.includes(name)) heavyPending--;
  });
  const during = await editUntil(author, () => heavyPending === 0);
  await Promise.all(jobs);
  const ended = performance.now();
  // Acknowledgements sent and received while both heavy jobs were still running.
  const firstHeavyAnswer = started + Math.min(...HEAVY.filter((name) => answers[name]).map((name) => answers[name].ms));
  const inside = during.filter((a) => a.sentAt >= started && a.savedAt <= firstHeavyAnswer);

  console.log(
    JSON.stringify({
      cpuJobs: {
        docChars: DOC_CHARS,
        jobTimeoutMs: TIMEOUT_MS,
        ackBefore: percentiles(baseline),
        ackDuring: percentiles(during),
        acksWhileHeavyJobsRan: inside.length,
        jobsWindowMs: Math.round(ended - started),
        answers,
      },
    }),
  );

  expect(answers.suggestions).toMatchObject({ status: 422, code: 'too_complex' });
  expect(answers.annotations).toMatchObject({ status: 422, code: 'too_complex' });
  expect(answers.brackets).toMatchObject({ status: 422, code: 'too_deeply_nested' });
  expect(answers.nested).toMatchObject({ status: 422, code: 'too_deeply_nested' });
  expect(answers.pdf).toMatchObject({ status: 413, code: 'too_many_pages' });
  expect(answers.docx).toMatchObject({ status: 413, code: 'archive_too_large' });
  expect(inside.length).toBeGreaterThan(10);
  expect(server.alive()).toBe(true);
});
