import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { classifyCommand, parseCopy, parseDockerfile, parseExecForm, parseHealthcheck, splitCommands } from '../scripts/dockerfile.js';

const instructions = parseDockerfile(readFileSync('Dockerfile', 'utf8'));
const stages = [...new Set(instructions.map((i) => i.stage))];
const finalStage = stages.at(-1) as string;
const inFinal = instructions.filter((i) => i.stage === finalStage);
const find = (keyword: string, list = inFinal) => list.filter((i) => i.keyword === keyword);

describe('Dockerfile', () => {
  it('is multi-stage: compiles in one stage, runs on a current Node LTS slim image in the last', () => {
    const froms = find('FROM', instructions);
    expect(froms.length).toBeGreaterThanOrEqual(2);
    expect(froms.at(-1)?.args).toMatch(/^node:(22|24)-slim\b/);
    const build = instructions.filter((i) => i.stage !== finalStage);
    expect(find('RUN', build).flatMap((i) => splitCommands(i.args))).toContain('npm run build');
    expect(find('COPY', inFinal).some((i) => parseCopy(i.args).from !== undefined && i.args.includes('dist'))).toBe(true);
  });

  it('gives the runtime production dependencies only, built in the build stage (no toolchain in the runtime), and NODE_ENV=production', () => {
    const build = instructions.filter((i) => i.stage !== finalStage);
    const buildRuns = find('RUN', build).flatMap((i) => splitCommands(i.args));
    expect(buildRuns.some((c) => /^npm prune --omit=dev\b/.test(c))).toBe(true);
    expect(find('RUN', build).some((i) => /apt-get install[^&]*\bg\+\+/.test(i.args))).toBe(true);
    const copiedModules = find('COPY').some((i) => parseCopy(i.args).from === 'build' && parseCopy(i.args).sources.includes('/app/node_modules'));
    expect(copiedModules).toBe(true);
    expect(find('RUN').some((i) => /\b(g\+\+|make|python3)\b/.test(i.args))).toBe(false);
    expect(find('ENV').map((i) => i.args)).toContain('NODE_ENV=production');
  });

  it('runs as a non-root user, with an init as PID 1, a health check and node (not npm) as the command', () => {
    const user = find('USER').at(-1);
    const cmd = find('CMD').at(-1);
    expect(user?.args).toBe('node');
    expect((user?.line ?? 0) < (cmd?.line ?? 0)).toBe(true);
    expect(parseExecForm(find('ENTRYPOINT').at(-1)?.args ?? '[]')).toEqual(['/usr/bin/tini', '--']);
    expect(find('RUN').some((i) => /apt-get install[^&]*\btini\b/.test(i.args))).toBe(true);
    const command = parseExecForm(cmd?.args ?? '[]');
    expect(command[0]).toBe('node');
    expect(command.at(-1)).toBe('dist/app/main.js');
    const health = parseHealthcheck(find('HEALTHCHECK').at(-1)?.args ?? '');
    expect(health.command[0]).toBe('node');
    expect(health.command.join(' ')).toContain('/healthz');
  });

  it('copies the knowledge into the image, and only files that exist and .dockerignore lets through', () => {
    const lines = readFileSync('.dockerignore', 'utf8')
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l !== '' && !l.startsWith('#'));
    const ignored = lines.filter((l) => !l.startsWith('!'));
    // A "!path" line lets that one path back in (the build script from the otherwise ignored scripts/).
    const letBackIn = lines.filter((l) => l.startsWith('!')).map((l) => l.slice(1));
    const copied = instructions.filter((i) => i.keyword === 'COPY' && parseCopy(i.args).from === undefined).flatMap((i) => parseCopy(i.args).sources);
    expect(copied).toContain('knowledge');
    for (const source of copied) {
      expect(existsSync(source), source).toBe(true);
      if (!letBackIn.includes(source)) expect(ignored, `${source} is excluded by .dockerignore`).not.toContain(source.split('/')[0]);
    }
    expect(ignored).toEqual(expect.arrayContaining(['node_modules', '.env', 'data', '.git']));
  });

  it('has only steps that scripts/docker-steps.ts replays, skipping nothing but root-only system steps', () => {
    const skipped = instructions
      .filter((i) => i.keyword === 'RUN')
      .flatMap((i) => splitCommands(i.args))
      .filter((c) => classifyCommand(c).action === 'skip');
    for (const command of skipped) expect(command).toMatch(/^(apt-get |rm -rf \/var\/lib\/apt\/lists|chown |npm cache clean)/);
    const supported = ['FROM', 'WORKDIR', 'COPY', 'RUN', 'ENV', 'USER', 'EXPOSE', 'HEALTHCHECK', 'ENTRYPOINT', 'CMD'];
    for (const instruction of instructions) expect(supported, `line ${instruction.line}`).toContain(instruction.keyword);
  });
});

describe('scripts/docker-steps.ts (the image built and started without Docker)', () => {
  it('builds in a clean directory, starts `node dist/app/main.js` with production dependencies only, passes the HEALTHCHECK and exits 0 on SIGTERM', () => {
    const result = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/docker-steps.ts'], {
      encoding: 'utf8',
      timeout: 280_000,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '' },
    });
    const output = `${result.stdout}\n${result.stderr}`;
    expect(result.status, output).toBe(0);
    expect(output).toContain('healthcheck: node -e … succeeded');
    expect(output).toContain('readyz: 200');
    expect(output).toContain('SIGTERM: exited 0');
    expect(output).toContain('docker-steps: OK');
  }, 300_000);
});
