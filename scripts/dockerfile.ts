/**
 * A small reader for this project's Dockerfile: enough of the syntax to replay the
 * image's build and start steps without Docker (scripts/docker-steps.ts) and to check
 * its promises in a test (tests/docker.test.ts).
 */

export interface Instruction {
  /** Upper-case keyword: FROM, WORKDIR, COPY, RUN, ENV, USER, EXPOSE, HEALTHCHECK, ENTRYPOINT, CMD. */
  keyword: string;
  /** Everything after the keyword, with line continuations joined. */
  args: string;
  /** 1-based line where the instruction starts. */
  line: number;
  /** Name of the stage it belongs to (`AS name`, or the stage's index). */
  stage: string;
}

/** Parses a Dockerfile into instructions; comments, blank lines and parser directives are dropped. */
export function parseDockerfile(text: string): Instruction[] {
  const instructions: Instruction[] = [];
  const lines = text.split('\n');
  let stage = '';
  let stageCount = 0;
  for (let i = 0; i < lines.length; i++) {
    const startLine = i + 1;
    let current = lines[i] ?? '';
    if (/^\s*(#|$)/.test(current)) continue;
    while (/\\\s*$/.test(current) && i + 1 < lines.length) {
      i++;
      const next = lines[i] ?? '';
      if (/^\s*#/.test(next)) continue;
      current = `${current.replace(/\\\s*$/, '')} ${next.trim()}`;
    }
    const match = /^\s*([A-Za-z]+)\s+(.*)$/.exec(current);
    if (!match) throw new Error(`Dockerfile line ${startLine}: cannot read "${current.trim()}"`);
    const keyword = (match[1] as string).toUpperCase();
    const args = (match[2] as string).trim();
    if (keyword === 'FROM') {
      stage = /\sAS\s+(\S+)/i.exec(args)?.[1] ?? String(stageCount);
      stageCount++;
    }
    instructions.push({ keyword, args, line: startLine, stage });
  }
  return instructions;
}

/** The options (`--from=build`) and the remaining words of a COPY. */
export function parseCopy(args: string): { from: string | undefined; sources: string[]; destination: string } {
  const words = args.split(/\s+/);
  const options = words.filter((w) => w.startsWith('--'));
  const paths = words.filter((w) => !w.startsWith('--'));
  if (paths.length < 2) throw new Error(`COPY needs a source and a destination: ${args}`);
  const from = options.find((o) => o.startsWith('--from='))?.slice('--from='.length);
  return { from, sources: paths.slice(0, -1), destination: paths.at(-1) as string };
}

/** `CMD ["node", "x.js"]` → the words; the shell form is refused (signals would go to a shell). */
export function parseExecForm(args: string): string[] {
  const value: unknown = JSON.parse(args);
  if (!Array.isArray(value) || !value.every((v) => typeof v === 'string')) throw new Error(`expected a JSON array: ${args}`);
  return value as string[];
}

/** `HEALTHCHECK --interval=30s … CMD [...]` → its options and command. */
export function parseHealthcheck(args: string): { options: Record<string, string>; command: string[] } {
  const at = args.indexOf('CMD ');
  if (at === -1) throw new Error(`HEALTHCHECK without CMD: ${args}`);
  const options = Object.fromEntries([...args.slice(0, at).matchAll(/--([a-z-]+)=(\S+)/g)].map((m) => [m[1] as string, m[2] as string]));
  return { options, command: parseExecForm(args.slice(at + 4).trim()) };
}

/**
 * What replaying a RUN command without Docker does with it:
 * - `run`: the same command, in the stage's directory;
 * - `install`: `npm ci` (offline replays copy the checked-out node_modules and prune them
 *   exactly as `npm ci --omit=dev` would, because tests must not reach the registry);
 * - `skip`: needs root inside the image (system packages, file owners) or would touch the
 *   host (npm's own cache). Nothing else may be skipped; the test checks the list.
 */
export function classifyCommand(command: string): { action: 'run' | 'install' | 'skip'; reason?: string } {
  const trimmed = command.trim();
  if (/^npm ci\b/.test(trimmed)) return { action: 'install' };
  if (/^apt-get\b|^rm -rf \/var\/lib\/apt\/lists/.test(trimmed)) return { action: 'skip', reason: 'system package, installed by the image' };
  if (/^chown\b/.test(trimmed)) return { action: 'skip', reason: 'file owner, set inside the image' };
  if (/^npm cache clean\b/.test(trimmed)) return { action: 'skip', reason: 'would clean the host npm cache' };
  return { action: 'run' };
}

/** A RUN's shell command split at `&&` (enough for the commands this Dockerfile uses). */
export function splitCommands(args: string): string[] {
  return args
    .split('&&')
    .map((c) => c.trim())
    .filter((c) => c !== '');
}
