import { execFileSync } from 'node:child_process';
import { BUILD_DIR, buildApp } from './build.js';

/**
 * Builds what the benchmark runs: the bot as the image runs it (`npm run build`: the bundle
 * `dist/app/main.js` and the batch interface `dist/app/cli/ask.js`), and, compiled module by
 * module, the core for the latency run and the bare grammY and Bolt peers beside the bot
 * (`dist/scripts/bench-*-peer.js`), so that neither side pays for tsx's loader thread or its
 * name-keeping wrappers and the comparison is of code. Once per process.
 */
let built = false;

export async function buildForBench(): Promise<void> {
  if (built) return;
  // The compiler is no bot process: without the bot's memory cap (bench.ts sets it in NODE_OPTIONS), which it would run out of.
  const { NODE_OPTIONS: _botFlags, ...compilerEnv } = process.env;
  execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.bench.json'], { stdio: 'inherit', env: compilerEnv });
  await buildApp();
  built = true;
}

/** Where the module-by-module build has a source file (`scripts/bench-slack-peer.ts` → `dist/scripts/bench-slack-peer.js`). */
export const compiled = (source: string): string => `dist/${source.replace(/\.ts$/, '.js')}`;

/** The production build of the bot, as `npm run start:prod` and the image run it. */
export const APP_MAIN = `${BUILD_DIR}/main.js`;
/** The production build of the batch interface. */
export const APP_ASK = `${BUILD_DIR}/cli/ask.js`;
