/**
 * `npx tsx scripts/docker-steps.ts [--online] [--keep]`: performs the Dockerfile's build and
 * start steps without Docker, in a clean temporary directory, and checks that the result
 * answers its health check. Every stage gets its own directory standing in for the image's
 * file system; the steps are read from the Dockerfile itself, so the two cannot drift.
 *
 * - COPY copies from this checkout (or from an earlier stage with --from);
 * - RUN runs the same commands; `npm ci` takes this checkout's node_modules (as hard
 *   links, checked to stay untouched) and prunes them for `--omit=dev` unless --online
 *   asks the registry (tests must stay offline);
 *   steps that need root inside the image (apt-get, chown) are skipped and listed;
 * - finally the CMD starts with the ENV of the image and a fake Telegram Bot API on
 *   127.0.0.1; the HEALTHCHECK command must succeed, and SIGTERM must end it with 0.
 *
 * Exit code 0 when all of that holds, 1 otherwise.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { classifyCommand, type Instruction, parseCopy, parseDockerfile, parseExecForm, parseHealthcheck, splitCommands } from './dockerfile.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const online = process.argv.includes('--online');
const keep = process.argv.includes('--keep');
const FAKE_TOKEN = '123456:docker-steps-fake-token-not-real-0000';

interface Stage {
  name: string;
  root: string;
  workdir: string;
  env: Record<string, string>;
  cmd?: string[];
  healthcheck?: string[];
}

function log(message: string): void {
  console.log(message);
}

function fail(message: string): never {
  throw new Error(message);
}

function inStage(stage: Stage, target: string): string {
  return path.isAbsolute(target) ? path.join(stage.root, target) : path.join(stage.workdir, target);
}

function copy(stage: Stage, args: string, stages: Map<string, Stage>): void {
  const { from, sources, destination } = parseCopy(args);
  const source = from ? (stages.get(from) ?? fail(`COPY --from=${from}: no such stage`)) : undefined;
  const target = inStage(stage, destination);
  const intoDirectory = destination.endsWith('/') || sources.length > 1;
  for (const src of sources) {
    const origin = source ? inStage(source, src) : path.join(repoRoot, src);
    if (!existsSync(origin)) fail(`COPY ${src}: not found (${origin})`);
    // Docker copies a directory's contents, and a file into a directory destination.
    const to = intoDirectory ? path.join(target, path.basename(src)) : target;
    mkdirSync(path.dirname(to), { recursive: true });
    if (path.basename(src) === 'node_modules' && source) linkTree(origin, to);
    else cpSync(origin, to, { recursive: true });
  }
}

/**
 * Copies a large tree (node_modules, a quarter of a gigabyte) as hard links: the same
 * files for what the replay proves, without the seconds of copying. Only for trees that
 * nothing writes into afterwards, or whose written files are replaced by real copies.
 */
function linkTree(from: string, to: string): void {
  const linked = spawnSync('cp', ['-al', from, to], { stdio: 'ignore' });
  if (linked.status !== 0) cpSync(from, to, { recursive: true });
}

function install(stage: Stage, command: string): void {
  if (online) {
    run(stage, command);
    return;
  }
  // Offline stand-in: the installed tree of this checkout (made by `npm ci` from the same
  // lock file), pruned to production dependencies exactly as `--omit=dev` would leave it.
  const lock = readFileSync(path.join(stage.workdir, 'package-lock.json'), 'utf8');
  if (lock !== readFileSync(path.join(repoRoot, 'package-lock.json'), 'utf8')) fail('package-lock.json differs from the checkout');
  const modules = path.join(stage.workdir, 'node_modules');
  linkTree(path.join(repoRoot, 'node_modules'), modules);
  // npm rewrites this file in place when it prunes: a real copy, so the checkout's own stays untouched.
  const hiddenLock = path.join(modules, '.package-lock.json');
  if (existsSync(hiddenLock)) {
    rmSync(hiddenLock);
    cpSync(path.join(repoRoot, 'node_modules', '.package-lock.json'), hiddenLock);
  }
  if (/--omit=dev\b/.test(command)) run(stage, 'npm prune --omit=dev --offline --no-audit --no-fund');
}

function run(stage: Stage, command: string): void {
  const result = spawnSync('bash', ['-c', command], {
    cwd: stage.workdir,
    // Offline, npm must not ask the registry for anything (e.g. `npm prune`): the lock file and node_modules are all it has.
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...(online ? {} : { npm_config_offline: 'true' }), ...stage.env },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  if (result.status !== 0) fail(`RUN ${command}: exit code ${result.status}`);
}

function buildStages(instructions: Instruction[], root: string): Stage {
  const stages = new Map<string, Stage>();
  let stage: Stage | undefined;
  for (const instruction of instructions) {
    const { keyword, args } = instruction;
    const where = `[${instruction.stage}] line ${instruction.line}`;
    if (keyword === 'FROM') {
      const stageRoot = path.join(root, instruction.stage);
      stage = { name: instruction.stage, root: stageRoot, workdir: stageRoot, env: {} };
      stages.set(stage.name, stage);
      mkdirSync(stageRoot, { recursive: true });
      log(`${where}: FROM ${args} → ${stageRoot}`);
      continue;
    }
    if (!stage) fail(`line ${instruction.line}: ${keyword} before FROM`);
    log(`${where}: ${keyword} ${args.length > 100 ? `${args.slice(0, 97)}…` : args}`);
    switch (keyword) {
      case 'WORKDIR':
        stage.workdir = inStage(stage, args);
        mkdirSync(stage.workdir, { recursive: true });
        break;
      case 'COPY':
        copy(stage, args, stages);
        break;
      case 'ENV':
        for (const [, key, value] of args.matchAll(/(\w+)=(\S+)/g)) stage.env[key as string] = value as string;
        break;
      case 'RUN':
        for (const command of splitCommands(args)) {
          const { action, reason } = classifyCommand(command);
          if (action === 'skip') log(`    skipped: ${command} (${reason})`);
          else if (action === 'install') install(stage, command);
          else run(stage, command);
        }
        break;
      case 'CMD':
        stage.cmd = parseExecForm(args);
        break;
      case 'HEALTHCHECK':
        stage.healthcheck = parseHealthcheck(args).command;
        break;
      case 'USER':
      case 'EXPOSE':
      case 'ENTRYPOINT':
        log('    (image metadata; nothing to do outside Docker)');
        break;
      default:
        fail(`${where}: ${keyword} is not supported by this script; teach it, or the test cannot vouch for the image`);
    }
  }
  return stage ?? fail('no FROM in the Dockerfile');
}

/** Just enough Bot API for the bot to start and poll. */
async function startFakeBotApi(): Promise<{ server: Server; url: string }> {
  const server = createServer((req, res) => {
    const method = /\/bot[^/]+\/(\w+)$/.exec(req.url ?? '')?.[1];
    const send = (result: unknown) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ ok: true, result }));
    req.resume();
    if (method === 'getMe') return send({ id: 123456, is_bot: true, first_name: 'Fake', username: 'FakeDockerBot' });
    if (method === 'getUpdates') return void setTimeout(() => !res.writableEnded && send([]), 500);
    return send(true);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

async function startAndCheck(stage: Stage): Promise<void> {
  const cmd = stage.cmd ?? fail('the final stage has no CMD');
  const healthcheck = stage.healthcheck ?? fail('the final stage has no HEALTHCHECK');
  if (existsSync(path.join(stage.workdir, 'node_modules', 'typescript'))) fail('the runtime still has dev dependencies');
  const api = await startFakeBotApi();
  const port = String(await freePort());
  const env = {
    PATH: process.env.PATH ?? '',
    ...stage.env,
    HOST: '127.0.0.1',
    PORT: port,
    TELEGRAM_BOT_TOKEN: FAKE_TOKEN,
    TELEGRAM_API_ROOT: api.url,
  };
  log(`start: ${cmd.join(' ')} (in ${stage.workdir}, NODE_ENV=${stage.env.NODE_ENV}, fake Bot API ${api.url})`);
  const child: ChildProcess = spawn(cmd[0] as string, cmd.slice(1), { cwd: stage.workdir, env, stdio: ['ignore', 'inherit', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  try {
    let healthy = false;
    for (let attempt = 0; attempt < 100 && child.exitCode === null; attempt++) {
      const check = spawnSync(healthcheck[0] as string, healthcheck.slice(1), { env, timeout: 5_000 });
      if (check.status === 0) {
        healthy = true;
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    if (!healthy) fail(`the HEALTHCHECK never succeeded; the bot said:\n${stderr}`);
    log(`healthcheck: ${healthcheck.slice(0, 2).join(' ')} … succeeded (/healthz answered 200)`);
    let readyStatus = 0;
    for (let attempt = 0; attempt < 100 && readyStatus !== 200; attempt++) {
      readyStatus = (await fetch(`http://127.0.0.1:${port}/readyz`)).status;
      if (readyStatus !== 200) await new Promise((resolve) => setTimeout(resolve, 200));
    }
    if (readyStatus !== 200) fail(`/readyz never answered 200 (last ${readyStatus}); the bot said:\n${stderr}`);
    log('readyz: 200 (knowledge loaded, Telegram channel started)');
    child.kill('SIGTERM');
    const code = await exited;
    if (code !== 0) fail(`after SIGTERM the bot exited with ${code}; it said:\n${stderr}`);
    log('SIGTERM: exited 0');
  } finally {
    if (child.exitCode === null) child.kill('SIGKILL');
    api.server.close();
    api.server.closeAllConnections();
  }
}

async function main(): Promise<void> {
  const instructions = parseDockerfile(readFileSync(path.join(repoRoot, 'Dockerfile'), 'utf8'));
  const root = mkdtempSync(path.join(tmpdir(), 'docker-steps-'));
  log(`docker-steps: replaying the Dockerfile in ${root}${online ? ' (online: real npm ci)' : ''}`);
  try {
    const runtime = buildStages(instructions, root);
    await startAndCheck(runtime);
    log('docker-steps: OK');
  } finally {
    if (keep) log(`kept ${root}`);
    else rmSync(root, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(`docker-steps: FAILED: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
