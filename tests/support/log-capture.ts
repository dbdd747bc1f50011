import type { DestinationStream } from 'pino';

/** A pino destination that keeps every line, so tests can assert on exactly what would be logged. */
export function captureLogs(): DestinationStream & { lines: string[]; text(): string; records(): Record<string, unknown>[] } {
  const lines: string[] = [];
  return {
    lines,
    write(line: string) {
      lines.push(line);
    },
    text: () => lines.join(''),
    records: () => lines.map((line) => JSON.parse(line) as Record<string, unknown>),
  };
}
