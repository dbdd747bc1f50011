import { rmSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';

/**
 * `npm run build`: the production build in `dist/app/` – the bot (`main.js`) and the batch
 * interface (`cli/ask.js`), each one file with the project's code and its pure-JavaScript
 * dependencies, what the image and `npm run start:prod` run.
 *
 * Why a bundle and not the compiler's one file per module: Node resolves, reads and compiles
 * every module on its own, and zod alone is some eighty files; one file cuts the cold start by
 * about a fifth (docs/operations.md, "Build"). The platform adapters stay chunks of their own,
 * loaded only when their channel is configured (`main.ts` imports them dynamically).
 *
 * zod is imported as a namespace (`import * as z from 'zod'`) everywhere: the bundler can then keep
 * only the schema types the project uses (about 180 KB), where `import { z }` keeps the whole
 * library with its sixty-odd locales (about 730 KB, every byte of it compiled at start).
 *
 * Left as packages in `node_modules`: better-sqlite3 (a compiled driver) and pino with its pretty
 * printer (pino finds its transports and worker threads as files). Types are checked by
 * `npm run typecheck`, not here.
 */
export const BUILD_DIR = 'dist/app';

export async function buildApp(): Promise<void> {
  rmSync(BUILD_DIR, { recursive: true, force: true });
  await build({
    entryPoints: { main: 'src/main.ts', 'cli/ask': 'src/cli/ask.ts' },
    outdir: BUILD_DIR,
    bundle: true,
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
    format: 'esm',
    platform: 'node',
    target: 'node20',
    external: ['better-sqlite3', 'pino', 'pino-pretty'],
    // Some bundled dependencies are CommonJS and call `require` for Node's own modules.
    banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
    sourcemap: 'linked',
    logLevel: 'warning',
  });
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await buildApp();
