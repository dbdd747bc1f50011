import { spawn, spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

/** Runs the batch interface exactly as the evaluation does, through its own process. */
function ask(args: string[], input = '') {
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/ask.ts', ...args], { input, encoding: 'utf8', timeout: 20_000 });
  return { stdout: run.stdout, status: run.status };
}

describe('npm run ask', () => {
  it('prints one answer for a question given as arguments', () => {
    const { stdout, status } = ask(['Wer', 'ist', 'Ansprechpartner?']);
    expect(status).toBe(0);
    expect(stdout).toContain('0451 122 2029');
  });

  it('--jsonl writes exactly one JSON line per input line, blank and broken lines included', () => {
    const lines = [
      JSON.stringify({ conversation: 'c1', text: 'Was ist die Steuerungsgruppe?' }),
      JSON.stringify({ conversation: 'c1', text: 'Wie oft trifft die sich?' }),
      '',
      'not json at all',
      JSON.stringify({ conversation: 'c2', text: 'Wie oft trifft die sich?' }),
      JSON.stringify({ conversation: 'c3', text: 'Wie wird das Wetter?' }),
    ];
    const { stdout, status } = ask(['--jsonl'], `${lines.join('\n')}\n`);
    expect(status).toBe(0);
    const answers = stdout
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(answers).toHaveLength(lines.length);
    for (const answer of answers) {
      expect(Object.keys(answer).sort()).toEqual(['confidence', 'fallback', 'intent', 'locale', 'suggestions', 'text']);
    }
    // Same conversation shares context; another conversation does not.
    expect(answers[1].text).toContain('zwei- bis dreimal');
    expect(answers[4].text).not.toContain('zwei- bis dreimal');
    expect(answers[5]).toMatchObject({ fallback: true, intent: null, locale: 'de' });
  });
});

describe('npm run ask -- --jsonl as a conversation', () => {
  it('answers each line as soon as it arrives: send one, read its answer, then send the next', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/ask.ts', '--jsonl'], { stdio: ['pipe', 'pipe', 'pipe'] });
    const received: string[] = [];
    let buffer = '';
    let waiter: (() => void) | undefined;
    child.stdout.on('data', (chunk: Buffer) => {
      buffer += chunk.toString('utf8');
      const parts = buffer.split('\n');
      buffer = parts.pop() ?? '';
      received.push(...parts);
      waiter?.();
    });
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    const answerNumber = (n: number) =>
      new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no answer ${n} within 15 s; got ${received.length}`)), 15_000);
        waiter = () => {
          if (received.length >= n) {
            clearTimeout(timer);
            resolve();
          }
        };
        waiter();
      });
    try {
      child.stdin.write(`${JSON.stringify({ conversation: 'c1', text: 'Was ist die Steuerungsgruppe?' })}\n`);
      await answerNumber(1);
      expect(received).toHaveLength(1);
      child.stdin.write(`${JSON.stringify({ conversation: 'c1', text: 'Wie oft trifft die sich?' })}\n`);
      await answerNumber(2);
      child.stdin.end();
      expect(await exited).toBe(0);
      expect(received).toHaveLength(2);
      expect(JSON.parse(received[1] as string).text).toContain('zwei- bis dreimal');
    } finally {
      child.kill();
    }
  });
});
