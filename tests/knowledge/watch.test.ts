import { cpSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAssistant } from '../../src/assistant.js';
import { loadKnowledge } from '../../src/knowledge/load.js';
import type { Knowledge } from '../../src/knowledge/schema.js';
import { isKnowledgeChange, type KnowledgeWatcher, watchKnowledge } from '../../src/knowledge/watch.js';
import { createLogger } from '../../src/logger.js';
import { captureLogs } from '../support/log-capture.js';

let dir: string;
let watcher: KnowledgeWatcher | undefined;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'knowledge-'));
  cpSync('knowledge', dir, { recursive: true });
});
afterEach(() => {
  watcher?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Starts watching; `next()` resolves with the outcome of the next reload attempt. */
function watchTempDir() {
  const logs = captureLogs();
  const reloaded: Knowledge[] = [];
  let settle: ((ok: boolean) => void) | undefined;
  watcher = watchKnowledge({
    dir,
    debounceMs: 50,
    logger: createLogger({ level: 'info', pretty: false, destination: logs }),
    onReload: (knowledge) => reloaded.push(knowledge),
    onAttempt: (result) => settle?.(result.ok),
  });
  const next = () => new Promise<boolean>((resolve) => (settle = resolve));
  return { logs, reloaded, next };
}

const edit = (file: string, from: string | RegExp, to: string) => {
  const path = join(dir, file);
  const text = readFileSync(path, 'utf8');
  const changed = text.replace(from, to);
  expect(changed).not.toBe(text);
  writeFileSync(path, changed);
};

describe('knowledge hot reload', () => {
  it('loads a good change and hands the new knowledge over', async () => {
    const before = loadKnowledge(dir).contact.phone;
    const { reloaded, logs, next } = watchTempDir();
    const attempt = next();
    edit('programme.yaml', before, '0451 000 0000');
    expect(await attempt).toBe(true);
    expect(reloaded.at(-1)?.contact.phone).toBe('0451 000 0000');
    expect(logs.text()).toContain('knowledge reloaded');
  });

  it('keeps the last good knowledge after a broken change and logs file and field', async () => {
    const { reloaded, logs, next } = watchTempDir();
    const attempt = next();
    edit('people.yaml', /organisation: stabsstelle-migration-ehrenamt/, 'organisation: gibt-es-nicht');
    expect(await attempt).toBe(false);
    expect(reloaded).toHaveLength(0);
    const error = logs.records().find((record) => record.level === 50);
    expect(error?.problems).toEqual([expect.objectContaining({ file: 'people.yaml', field: 'people.0.organisation' })]);
    expect(String(error?.msg)).toContain('people.yaml');

    // Fixing it again is picked up: the watcher survives a broken change.
    const fixed = next();
    edit('people.yaml', 'organisation: gibt-es-nicht', 'organisation: stabsstelle-migration-ehrenamt');
    expect(await fixed).toBe(true);
    expect(reloaded).toHaveLength(1);
  });

  it('keeps the last good knowledge after broken YAML', async () => {
    const { reloaded, logs, next } = watchTempDir();
    const attempt = next();
    writeFileSync(join(dir, 'events.yaml'), 'events:\n  - id: [unclosed\n');
    expect(await attempt).toBe(false);
    expect(reloaded).toHaveLength(0);
    expect(logs.text()).toContain('events.yaml');
  });

  it('lets the running bot answer with an edited fact, without a restart', async () => {
    const knowledge = loadKnowledge(dir);
    const oldPhone = knowledge.contact.phone;
    const assistant = createAssistant(knowledge);
    const ask = () => assistant.respond({ channel: 'terminal', conversationId: 'c', text: 'Wie ist die Telefonnummer?' }).text;
    expect(ask()).toContain(oldPhone);

    let settle: (ok: boolean) => void = () => {};
    const attempt = new Promise<boolean>((resolve) => (settle = resolve));
    watcher = watchKnowledge({
      dir,
      debounceMs: 50,
      logger: createLogger({ level: 'silent', pretty: false, destination: captureLogs() }),
      onReload: (fresh) => assistant.setKnowledge(fresh),
      onAttempt: (result) => settle(result.ok),
    });
    edit('programme.yaml', oldPhone, '0451 999 8877');
    expect(await attempt).toBe(true);
    expect(ask()).toContain('0451 999 8877');
    expect(ask()).not.toContain(oldPhone);
  });

  it('follows a Kubernetes ConfigMap update: the ..data symlink swapped to a new directory', async () => {
    // The volume as the kubelet lays it out: real files in a timestamped directory,
    // `..data` pointing at it, and each file name a symlink through `..data`.
    const mount = mkdtempSync(join(tmpdir(), 'configmap-'));
    try {
      const files = readdirSync(dir).filter((name) => name.endsWith('.yaml'));
      const first = join(mount, '..2026_05_01_12_00_00.000000001');
      cpSync(dir, first, { recursive: true });
      symlinkSync('..2026_05_01_12_00_00.000000001', join(mount, '..data'));
      for (const name of files) symlinkSync(join('..data', name), join(mount, name));
      const phone = loadKnowledge(mount).contact.phone;

      const reloaded: Knowledge[] = [];
      let settle: (ok: boolean) => void = () => {};
      const attempt = new Promise<boolean>((resolve) => (settle = resolve));
      watcher = watchKnowledge({
        dir: mount,
        debounceMs: 50,
        logger: createLogger({ level: 'silent', pretty: false, destination: captureLogs() }),
        onReload: (knowledge) => reloaded.push(knowledge),
        onAttempt: (result) => settle(result.ok),
      });

      // The update: a new directory, `..data_tmp` pointing at it, renamed over `..data`, the old directory removed.
      const second = join(mount, '..2026_05_02_08_30_00.000000002');
      cpSync(first, second, { recursive: true });
      const programme = join(second, 'programme.yaml');
      writeFileSync(programme, readFileSync(programme, 'utf8').replace(phone, '0451 123 4567'));
      symlinkSync('..2026_05_02_08_30_00.000000002', join(mount, '..data_tmp'));
      renameSync(join(mount, '..data_tmp'), join(mount, '..data'));
      rmSync(first, { recursive: true });

      expect(await attempt).toBe(true);
      expect(reloaded.at(-1)?.contact.phone).toBe('0451 123 4567');
    } finally {
      rmSync(mount, { recursive: true, force: true });
    }
  });

  it("counts YAML files and the ConfigMap entries as changes, editors' scratch files not", () => {
    expect(['people.yaml', 'x.yml', '..data', '..data_tmp', '..2026_05_02_08_30_00.1'].every(isKnowledgeChange)).toBe(true);
    expect(['people.yaml.swp', 'people.yaml~', '.people.yaml.tmp', '4913'].some(isKnowledgeChange)).toBe(false);
  });
});
