import { type FSWatcher, watch } from 'node:fs';
import type { Logger } from '../logger.js';
import { KnowledgeError, loadKnowledge } from './load.js';
import type { Knowledge } from './schema.js';

export interface KnowledgeWatchOptions {
  dir: string;
  /** Called with the new knowledge after a change that loads cleanly. */
  onReload(knowledge: Knowledge): void;
  logger: Logger;
  /** Editors save in bursts (temp file, rename, chmod): wait this long after the last event. */
  debounceMs?: number;
  /** Called after every attempt, good or bad; lets tests wait without sleeping. */
  onAttempt?(result: { ok: true } | { ok: false; error: unknown }): void;
}

export interface KnowledgeWatcher {
  close(): void;
}

/**
 * Whether a change of this directory entry can change the knowledge: a YAML file, or the
 * machinery of a Kubernetes ConfigMap volume. There every `x.yaml` is a symlink into
 * `..data/`, and an update writes a new `..2024_…` directory, points `..data_tmp` at it
 * and renames that over `..data`: the YAML names themselves never see an event.
 */
export function isKnowledgeChange(fileName: string): boolean {
  return /\.ya?ml$/.test(fileName) || fileName.startsWith('..');
}

/**
 * Reloads the knowledge when a file in `dir` changes, so editors see a fixed fact
 * answered without a restart. A change that does not load (broken YAML, a missing
 * field) keeps the last good knowledge in service and logs each problem with its
 * file and field. Works with files edited in place, saved by rename, and with a
 * Kubernetes ConfigMap mounted as the directory (see {@link isKnowledgeChange}).
 *
 * ```ts
 * const watcher = watchKnowledge({ dir: 'knowledge', logger, onReload: (k) => assistant.setKnowledge(k) });
 * ```
 */
export function watchKnowledge(options: KnowledgeWatchOptions): KnowledgeWatcher {
  const { dir, logger } = options;
  const debounceMs = options.debounceMs ?? 300;
  let timer: NodeJS.Timeout | undefined;

  const reload = () => {
    timer = undefined;
    try {
      const knowledge = loadKnowledge(dir);
      options.onReload(knowledge);
      logger.info(
        { organisations: knowledge.organisations.length, people: knowledge.people.length, events: knowledge.events.length },
        'knowledge reloaded',
      );
      options.onAttempt?.({ ok: true });
    } catch (error) {
      if (error instanceof KnowledgeError) {
        logger.error({ problems: error.problems }, `knowledge change not loaded, the last good knowledge stays in service:\n${error.message}`);
      } else {
        logger.error({ err: error }, 'knowledge change not loaded, the last good knowledge stays in service');
      }
      options.onAttempt?.({ ok: false, error });
    }
  };

  const watcher: FSWatcher = watch(dir, { persistent: false }, (_event, fileName) => {
    // Editors' swap and backup files (.swp, ~, .tmp) are not knowledge; a ConfigMap's swap is.
    if (fileName && !isKnowledgeChange(fileName)) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(reload, debounceMs);
  });
  watcher.on('error', (error) => logger.warn({ err: error }, 'knowledge watcher failed; reload is off until restart'));

  return {
    close() {
      if (timer) clearTimeout(timer);
      watcher.close();
    },
  };
}
