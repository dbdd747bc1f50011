import type { Channel, HttpHandler } from '../../src/channel.js';

/**
 * A channel whose start and stop the test controls: `release*()` lets the pending
 * call resolve, and an "answer in flight" can be simulated with `answering`.
 */
export function controllableChannel(name: 'telegram' | 'slack', routes: Map<string, HttpHandler> = new Map()) {
  const events: string[] = [];
  let releaseStart: () => void = () => {};
  let failStart: (error: Error) => void = () => {};
  let finishAnswer: () => void = () => {};
  const started = new Promise<void>((resolve, reject) => {
    releaseStart = resolve;
    failStart = reject;
  });
  let answering: Promise<void> = Promise.resolve();
  const channel: Channel = {
    name,
    routes,
    async start() {
      events.push('start called');
      await started;
      events.push('started');
    },
    async stop() {
      events.push('stop called');
      await answering;
      events.push('stopped');
    },
  };
  return {
    channel,
    events,
    releaseStart: () => releaseStart(),
    failStart: (error: Error) => failStart(error),
    /** From now on, `stop()` waits until `finishAnswer()` is called. */
    beginAnswer() {
      answering = new Promise<void>((resolve) => (finishAnswer = resolve));
      events.push('answer begun');
    },
    finishAnswer() {
      events.push('answer delivered');
      finishAnswer();
    },
  };
}
