import type { App, Receiver, ReceiverEvent } from '@slack/bolt';
import type { EventDedupe } from './event-dedupe.js';

/**
 * Sits between one of Bolt's receivers (HTTP or Socket Mode) and the app: acks a
 * retried Events API delivery without handing it to the app again, and keeps every
 * event in flight in view so that `drain()` can wait for the answers at shutdown.
 * Bolt's receivers only ever call `app.processEvent`, so that is all they are given.
 */
export class GuardedReceiver implements Receiver {
  private readonly inFlight = new Set<Promise<void>>();

  constructor(
    private readonly inner: Receiver,
    private readonly dedupe: EventDedupe,
    private readonly onRetrySkipped: (eventId: string) => void,
  ) {}

  init(app: App): void {
    const facade = { processEvent: (event: ReceiverEvent) => this.process(app, event) };
    this.inner.init(facade as unknown as App);
  }

  start(...args: unknown[]): Promise<unknown> {
    return this.inner.start(...args);
  }

  stop(...args: unknown[]): Promise<unknown> {
    return this.inner.stop(...args);
  }

  /** Resolves once every event handed to the app so far has been answered (or failed). */
  async drain(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
  }

  private async process(app: App, event: ReceiverEvent): Promise<void> {
    const eventId = event.body.event_id;
    if (typeof eventId === 'string' && !this.dedupe.firstTime(eventId)) {
      this.onRetrySkipped(eventId);
      await event.ack();
      return;
    }
    const work = app.processEvent(event);
    this.inFlight.add(work);
    try {
      await work;
    } finally {
      this.inFlight.delete(work);
    }
  }
}
