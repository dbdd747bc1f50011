import { execFileSync } from 'node:child_process';

/**
 * Compiles what the benchmark runs: the bot as the image runs it (`dist/src/main.js`, the
 * batch interface `dist/src/cli/ask.js`) and the bare grammY and Bolt peers beside it
 * (`dist/scripts/bench-*-peer.js`), so that neither side pays for tsx's loader thread or its
 * name-keeping wrappers and the comparison is of code. Once per process.
 */
let built = false;

export function buildForBench(): void {
  if (built) return;
  // The compiler is no bot process: without the bot's memory cap (bench.ts sets it in NODE_OPTIONS), which it would run out of.
  const { NODE_OPTIONS: _botFlags, ...compilerEnv } = process.env;
  execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.bench.json'], { stdio: 'inherit', env: compilerEnv });
  built = true;
}

/** Where the compiled build has a source file (`src/main.ts` → `dist/src/main.js`). */
export const compiled = (source: string): string => `dist/${source.replace(/\.ts$/, '.js')}`;
