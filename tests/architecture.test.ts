import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith('.ts') ? [path] : [];
  });
}

const importsOf = (file: string) => [...readFileSync(file, 'utf8').matchAll(/from\s+'([^']+)'/g)].map((m) => m[1]!);

describe('dependency rule', () => {
  // main.ts is the composition root: the one core file that wires the adapters in.
  const core = sourceFiles('src').filter((file) => !file.endsWith(join('src', 'main.ts')));

  it('keeps platform SDKs out of the core', () => {
    for (const file of core) {
      for (const spec of importsOf(file)) {
        expect(spec, `${file} imports ${spec}`).not.toMatch(/^(grammy|@grammyjs\/|@slack\/)/);
      }
    }
  });

  it('keeps the core from importing adapters', () => {
    for (const file of core) {
      for (const spec of importsOf(file)) expect(spec, `${file} imports ${spec}`).not.toMatch(/adapters\//);
    }
  });

  it('reads process.env only in the config and the entry points', () => {
    const allowed = ['config.ts', 'main.ts', 'ask.ts'];
    for (const file of core.filter((f) => !allowed.some((name) => f.endsWith(name)))) {
      expect(readFileSync(file, 'utf8'), file).not.toMatch(/process\.env/);
    }
  });
});
