import { EventEmitter } from 'node:events';
import { afterEach, describe, expect, it } from 'vitest';
import type { HttpHandler } from '../src/channel.js';
import { createLogger } from '../src/logger.js';
import { type RunningService, runService } from '../src/service.js';
import { controllableChannel } from './support/fake-channel.js';
import { captureLogs } from './support/log-capture.js';

const running: RunningService[] = [];
afterEach(async () => {
  // Close servers that a test left open (tests that shut down have closed theirs).
  for (const service of running.splice(0)) {
    service.control.uninstall();
    await service.control.shutdown('test cleanup');
  }
});

async function start(channels: ReturnType<typeof controllableChannel>[], timeoutMs = 5_000) {
  const signals = new EventEmitter();
  const exits: number[] = [];
  let exited: (code: number) => void = () => {};
  const exitPromise = new Promise<number>((resolve) => (exited = resolve));
  const service = await runService({
    channels: channels.map((c) => c.channel),
    http: { host: '127.0.0.1', port: 0 },
    logger: createLogger({ level: 'silent', pretty: false, destination: captureLogs() }),
    shutdownTimeoutMs: timeoutMs,
    exit: (code) => {
      exits.push(code);
      exited(code);
    },
    signalSource: signals as unknown as NodeJS.Process,
  });
  running.push(service);
  const get = async (path: string) => {
    const response = await fetch(`http://127.0.0.1:${service.port}${path}`);
    return { status: response.status, body: (await response.text()).trim() };
  };
  return { service, signals, exits, exitPromise, get };
}

describe('health endpoints', () => {
  it('answers /healthz at once and /readyz only once every channel has started', async () => {
    const telegram = controllableChannel('telegram');
    const slack = controllableChannel('slack');
    const { service, get } = await start([telegram, slack]);

    expect(await get('/healthz')).toEqual({ status: 200, body: '{"status":"ok"}' });
    const before = await get('/readyz');
    expect(before.status).toBe(503);
    expect(JSON.parse(before.body)).toEqual({ status: 'starting', waitingFor: ['telegram', 'slack'] });

    telegram.releaseStart();
    await new Promise((resolve) => setImmediate(resolve));
    expect(JSON.parse((await get('/readyz')).body).waitingFor).toEqual(['slack']);

    slack.releaseStart();
    await service.started;
    expect(await get('/readyz')).toEqual({ status: 200, body: '{"status":"ready"}' });
    expect((await get('/nope')).status).toBe(404);
  });

  it("mounts the channels' routes on the same server", async () => {
    const events: HttpHandler = (_req, res) => void res.writeHead(200).end('slack here');
    const slack = controllableChannel('slack', new Map([['/slack/events', events]]));
    slack.releaseStart();
    const { get } = await start([slack]);
    expect(await get('/slack/events')).toEqual({ status: 200, body: 'slack here' });
  });
});

describe('graceful shutdown', () => {
  it('on SIGTERM: not ready any more, waits for the answer in flight, closes the server, exits 0', async () => {
    const telegram = controllableChannel('telegram');
    telegram.releaseStart();
    const { service, signals, exitPromise, get } = await start([telegram]);
    await service.started;

    telegram.beginAnswer();
    signals.emit('SIGTERM', 'SIGTERM');
    await new Promise((resolve) => setImmediate(resolve));
    expect(telegram.events).toContain('stop called');
    expect(telegram.events).not.toContain('stopped');

    telegram.finishAnswer();
    expect(await exitPromise).toBe(0);
    expect(telegram.events.slice(-3)).toEqual(['stop called', 'answer delivered', 'stopped']);
    await expect(get('/healthz')).rejects.toThrow(); // the server is closed
  });

  it('exits 1 when stopping takes longer than the timeout', async () => {
    const telegram = controllableChannel('telegram');
    telegram.releaseStart();
    const { service, signals, exitPromise } = await start([telegram], 200);
    await service.started;
    telegram.beginAnswer(); // never finished
    signals.emit('SIGINT', 'SIGINT');
    expect(await exitPromise).toBe(1);
    telegram.finishAnswer();
  });

  it('exits 1 at once on a second signal', async () => {
    const telegram = controllableChannel('telegram');
    telegram.releaseStart();
    const { service, signals, exitPromise } = await start([telegram]);
    await service.started;
    telegram.beginAnswer();
    signals.emit('SIGINT', 'SIGINT');
    signals.emit('SIGINT', 'SIGINT');
    expect(await exitPromise).toBe(1);
    telegram.finishAnswer();
  });

  it('shuts down with exit code 1 when a channel fails to start', async () => {
    const telegram = controllableChannel('telegram');
    const { signals: _signals, exitPromise, get } = await start([telegram]);
    telegram.failStart(new Error('401 Unauthorized'));
    expect(await exitPromise).toBe(1);
    expect(telegram.events).toContain('stop called');
    await expect(get('/healthz')).rejects.toThrow();
  });
});
