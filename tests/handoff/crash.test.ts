import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHandoff } from '../../src/handoff/handoff.js';
import { createLogger } from '../../src/logger.js';
import { closeDatabase, openDatabase } from '../../src/storage/database.js';
import { eventually, FakeBoard, FakeChat } from '../support/fake-handoff-ports.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'handoff-crash-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** Runs the child until its platform call is in flight, then kills it with SIGKILL. */
async function killInFlight(mode: 'post' | 'relay'): Promise<void> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'tests/support/handoff-then-kill.ts', dir, mode], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => chunk.toString().includes('in flight') && resolve());
    child.once('exit', (code) => reject(new Error(`the child exited (${code}) before its call was in flight`)));
  });
  const exited = new Promise((resolve) => child.once('exit', (_code, signal) => resolve(signal)));
  child.kill('SIGKILL');
  expect(await exited).toBe('SIGKILL');
}

async function restartAndDeliver(board: FakeBoard, chat: FakeChat, until: () => boolean, what: string): Promise<number> {
  const db = openDatabase({ dir });
  const handoff = createHandoff({
    db,
    config: { channel: 'C0HANDOFF1', retentionDays: 30, maxOpenPerChat: 3, maxPerDay: 5, maxQuestionLength: 1500, postIntervalMs: 0 },
    logger: createLogger({ level: 'silent', pretty: false }),
  });
  const started = Date.now();
  try {
    handoff.start({ board, chat });
    await eventually(until, what);
    const tookMs = Date.now() - started;
    // Give a second delivery every chance to happen.
    await new Promise((resolve) => setTimeout(resolve, 1_200));
    return tookMs;
  } finally {
    await handoff.stop();
    closeDatabase(db);
  }
}

describe('hand-off after SIGKILL (a real process)', () => {
  it('killed while posting the ticket: the restart posts it within 15 s, once', async () => {
    await killInFlight('post');
    const board = new FakeBoard();
    const tookMs = await restartAndDeliver(board, new FakeChat(), () => board.posts.length > 0, 'the post');
    expect(tookMs).toBeLessThan(15_000);
    expect(board.posts).toHaveLength(1);
    expect(board.posts[0]?.ticket).toMatchObject({ number: 1, question: 'Gibt es Termine am Wochenende?', state: 'open' });
  }, 30_000);

  it('killed while relaying the answer: the restart relays it within 15 s, once', async () => {
    await killInFlight('relay');
    const chat = new FakeChat();
    const tookMs = await restartAndDeliver(new FakeBoard(), chat, () => chat.relays.length > 0, 'the relay');
    expect(tookMs).toBeLessThan(15_000);
    expect(chat.relays).toEqual([{ chatId: '5550001234', ticketNumber: 1, text: 'Ja, samstags.', locale: 'de' }]);
  }, 30_000);
});
