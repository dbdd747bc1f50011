import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface MainProcess {
  child: ChildProcess;
  stdout(): string;
  stderr(): string;
  /** Resolves with the port of the shared HTTP server, read from the startup log line. */
  port: Promise<number>;
  exit: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/**
 * Runs the real entry point (`src/main.ts` through tsx, or another script such as
 * `dist/app/main.js`) with exactly the given environment and no terminal on stdin.
 * Without DATA_DIR (or UNANSWERED_DIR) the data goes to a fresh temporary directory,
 * never into the working tree; without ENV_FILE no `.env` file is read.
 */
export function startMain(env: Record<string, string>, options: { script?: string[]; cwd?: string } = {}): MainProcess {
  const ownDataDir = (env.DATA_DIR ?? env.UNANSWERED_DIR) === undefined ? mkdtempSync(join(tmpdir(), 'main-data-')) : undefined;
  const dataDir = ownDataDir ? { DATA_DIR: join(ownDataDir, 'data') } : {};
  // A developer's own .env in the working tree must not reach the tests.
  const envFile = env.ENV_FILE === undefined ? { ENV_FILE: join(tmpdir(), 'no-such-dir-for-tests', '.env') } : {};
  const child = spawn(process.execPath, options.script ?? ['--import', 'tsx', 'src/main.ts'], {
    cwd: options.cwd,
    env: { PATH: process.env.PATH ?? '', ...dataDir, ...envFile, ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout?.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
  const port = new Promise<number>((resolve, reject) => {
    child.stderr?.on('data', (chunk: Buffer) => {
      err += chunk.toString('utf8');
      const match = /"port":(\d+)[^\n]*http server listening|http server listening[^\n]*"port":(\d+)/.exec(err);
      if (match) resolve(Number(match[1] ?? match[2]));
    });
    child.once('exit', () => reject(new Error(`main exited before listening:\n${err}`)));
  });
  port.catch(() => {});
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => {
      if (ownDataDir) rmSync(ownDataDir, { recursive: true, force: true });
      resolve({ code, signal });
    }),
  );
  return { child, stdout: () => out, stderr: () => err, port, exit };
}

/** Polls `url` until it answers `status` (the process is starting in the background). */
export async function waitForStatus(url: string, status: number, limitMs = 20_000): Promise<void> {
  const deadline = Date.now() + limitMs;
  let last = 'no answer';
  while (Date.now() < deadline) {
    try {
      const response = await fetch(url);
      last = `${response.status} ${await response.text()}`;
      if (response.status === status) return;
    } catch (error) {
      last = String(error);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${url} did not answer ${status}; last: ${last}`);
}
