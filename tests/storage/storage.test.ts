import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/logger.js';
import { openStorage } from '../../src/storage/storage.js';
import { captureLogs } from '../support/log-capture.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'storage-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('storage', () => {
  it('prunes finished intake keys when it opens, and closes twice without harm', () => {
    const logger = createLogger({ level: 'debug', pretty: false, destination: captureLogs() });
    let clock = 0;
    const first = openStorage({ dir, logger, intake: { now: () => clock, keepDoneMs: 10 } });
    expect(first.file).toBe(join(dir, 'bot.sqlite'));
    first.intake.record({ channel: 'slack', key: 'Ev1', queue: 'C1', payload: {} });
    first.intake.markDone('slack', 'Ev1');
    first.close();
    first.close();
    clock = 100;
    const second = openStorage({ dir, logger, intake: { now: () => clock, keepDoneMs: 10 } });
    expect(second.intake.record({ channel: 'slack', key: 'Ev1', queue: 'C1', payload: {} })).toEqual({ duplicate: false });
    second.close();
  });
});
