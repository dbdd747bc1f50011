import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDockerfile, parseExecForm } from '../scripts/dockerfile.js';
import { NODE_FLAGS } from '../src/process-flags.js';

const scripts = (JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> }).scripts;

describe('Node flags: the same wherever the bot runs', () => {
  it('npm start, start:prod and ask pass exactly NODE_FLAGS', () => {
    for (const name of ['start', 'start:prod', 'ask']) {
      const words = (scripts[name] ?? '').split(/\s+/);
      expect(words[0], name).toBe('node');
      expect(
        words.filter((word) => word.startsWith('--') && word !== '--import'),
        name,
      ).toEqual([...NODE_FLAGS]);
    }
  });

  it("the Docker image's CMD passes exactly NODE_FLAGS", () => {
    const cmd = parseDockerfile(readFileSync('Dockerfile', 'utf8'))
      .filter((i) => i.keyword === 'CMD')
      .at(-1);
    expect(parseExecForm(cmd?.args ?? '[]')).toEqual(['node', ...NODE_FLAGS, 'dist/app/main.js']);
  });

  it('npm run bench hands them to the bot processes it starts, which NODE_OPTIONS allows', () => {
    expect(readFileSync('scripts/bench.ts', 'utf8')).toMatch(/process\.env\.NODE_OPTIONS = \[process\.env\.NODE_OPTIONS, \.\.\.NODE_FLAGS\]/);
    for (const flag of NODE_FLAGS) expect(process.allowedNodeEnvironmentFlags.has(flag.split('=')[0] as string), flag).toBe(true);
  });
});
