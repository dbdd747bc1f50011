import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { closeSync, openSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { NODE_FLAGS } from '../src/process-flags.js';

/**
 * A bot under load in its own process, watched from outside as an operator would:
 * resident memory and CPU time from `/proc`, nothing reported by the bot itself.
 */
export interface WatchedProcess {
  child: ChildProcess;
  /** Highest resident set size seen since the last {@link WatchedProcess.resetPeak}, in MB. */
  peakRssMb(): number;
  resetPeak(): void;
  /** CPU time (user + system) used so far, in milliseconds. */
  cpuMs(): number;
  /** Sends SIGTERM and resolves once the process has exited. */
  stop(): Promise<void>;
}

/**
 * The Node flags `npm start`, the image and `npm run bench` use (`src/process-flags.ts`),
 * so the benchmark measures what users run. `BENCH_NODE_FLAGS` overrides them, to compare
 * flags side by side.
 */
export function startFlags(override = process.env.BENCH_NODE_FLAGS): string[] {
  if (override !== undefined) return override.split(/\s+/).filter(Boolean);
  return [...NODE_FLAGS];
}

/**
 * Starts `node <flags> <script> <args>` (a built file, see `bench-build.ts`) with exactly `env`; its output goes
 * to `<logDir>/<name>.log` rather than through a pipe, so reading it costs the load
 * generator nothing. `BENCH_PROF=<dir>` adds `--cpu-prof`, writing to `<dir>/<name>/`.
 */
export function startWatched(name: string, script: string, args: string[], env: Record<string, string>, logDir: string): WatchedProcess {
  // One directory per process: Node writes a profile per thread.
  const prof = process.env.BENCH_PROF ? ['--cpu-prof', '--cpu-prof-dir', join(process.env.BENCH_PROF, name)] : [];
  const log = openSync(join(logDir, `${name}.log`), 'w');
  const child = spawn(process.execPath, [...startFlags(), ...prof, script, ...args], {
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', log, log],
  });
  closeSync(log);
  let peak = 0;
  const sample = () => {
    peak = Math.max(peak, rssMb(child.pid));
  };
  const sampler = setInterval(sample, 50);
  child.once('exit', () => clearInterval(sampler));
  return {
    child,
    peakRssMb: () => {
      sample();
      return peak;
    },
    resetPeak: () => {
      peak = 0;
    },
    cpuMs: () => cpuMs(child.pid),
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      await exited;
    },
  };
}

function rssMb(pid: number | undefined): number {
  try {
    const kb = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kb ? Number(kb) / 1024 : 0;
  } catch {
    return 0; // exited between samples
  }
}

/** utime + stime from /proc/<pid>/stat, in clock ticks of 10 ms (Linux's USER_HZ). */
function cpuMs(pid: number | undefined): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name in parentheses may contain spaces; the fields after it do not.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return Number.NaN;
  }
}
