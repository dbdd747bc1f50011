import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

describe('process error policy (a real child process)', () => {
  it('logs an unhandled rejection without payload and goes on; on an uncaught exception shuts down gracefully and exits 1', () => {
    const child = spawnSync(process.execPath, ['--import', 'tsx', 'tests/support/process-errors-child.ts'], { encoding: 'utf8', timeout: 20_000 });
    expect(child.status).toBe(1);
    expect(child.stdout).toBe('alive after the rejection\nshutdown step ran\n');
    const lines = child.stderr
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    const rejection = lines.find((line) => line.msg === 'unhandled promise rejection; going on');
    expect(rejection).toMatchObject({ level: 50, err: { type: 'GrammyError', method: 'sendMessage', error_code: 403 } });
    const exception = lines.find((line) => String(line.msg).startsWith('uncaught exception; shutting down'));
    expect(exception).toMatchObject({ level: 60, err: { message: 'a bug in a timer' } });
    expect(lines.at(-1)).toMatchObject({ msg: 'shutdown complete' });
    expect(child.stderr).not.toContain('4815162342');
    expect(child.stderr).not.toContain('Geheimweg');
  });
});
