/**
 * The Node flags the bot runs with – the same in `npm start`, `npm run start:prod`,
 * `npm run bench` (the bot processes it starts get them through NODE_OPTIONS) and the
 * Docker image's CMD; tests/process-flags.test.ts keeps those in step with this list.
 *
 * Chosen from measurements (docs/operations.md, "Node flags"): the Telegram benchmark's
 * 2,000-update load, CPU seconds and peak RSS of the bot process, interleaved runs.
 * - `--optimize-for-size` kept RSS lowest (≈ 112 MB) but cost ≈ 50 % more CPU per update
 *   (V8 then spends a large share of the time in garbage collection).
 * - No flags: lowest CPU, but RSS ≈ 190 MB under load (the young generation grows to
 *   16 MB semi-spaces and the old generation is allowed to grow freely).
 * - A small young generation and a cap on the old one: RSS ≈ 117 MB for ≈ 20 % more CPU
 *   than no flags. The live heap under load stayed below 40 MB, so a 96 MB old
 *   generation leaves more than twice that as headroom.
 * - One V8 worker thread instead of four (`--v8-pool-size=1`): each thread that compiles
 *   or collects garbage in the background keeps memory of its own (compiler zones, a malloc
 *   arena); one thread saved 10–14 MB of RSS in the batch interface, Telegram and Slack at
 *   no measurable CPU cost – the bot does one thing at a time.
 *
 * All three flags are allowed in NODE_OPTIONS (`process.allowedNodeEnvironmentFlags`).
 */
export const NODE_FLAGS: readonly string[] = ['--max-semi-space-size=2', '--max-old-space-size=96', '--v8-pool-size=1'];
