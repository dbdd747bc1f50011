import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const made: string[] = [];

/** Removes every folder made by the functions below (call in `afterAll`). */
export function removeKnowledgeDirs(): void {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
}

function fresh(): string {
  const dir = mkdtempSync(join(tmpdir(), 'knowledge-'));
  made.push(dir);
  return dir;
}

/** A copy of the repository's knowledge. */
export function knowledgeCopy(): string {
  const dir = fresh();
  cpSync('knowledge', dir, { recursive: true });
  return dir;
}

/** The fictional city of the tests: the real national half plus tests/fixtures/brueckenfeld/city. */
export function brueckenfeld(): string {
  const dir = fresh();
  cpSync(join('knowledge', 'programme'), join(dir, 'programme'), { recursive: true });
  cpSync(join('tests', 'fixtures', 'brueckenfeld', 'city'), join(dir, 'city'), { recursive: true });
  return dir;
}

/** A copy of the knowledge with words of the city's half replaced, as a city that copies Lübeck's half would. */
export function renamedCopy(replacements: readonly [string, string][]): string {
  const dir = knowledgeCopy();
  for (const name of readdirSync(join(dir, 'city'))) {
    const path = join(dir, 'city', name);
    let text = readFileSync(path, 'utf8');
    for (const [from, to] of replacements) text = text.split(from).join(to);
    writeFileSync(path, text);
  }
  return dir;
}
