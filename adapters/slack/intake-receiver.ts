import type { App, Receiver, ReceiverEvent } from '@slack/bolt';
import type { Logger } from '../../src/logger.js';
import { createDoneBatch, type DoneBatch } from '../../src/storage/done-batch.js';
import type { IntakeStore } from '../../src/storage/intake.js';
import { SlackBusyError } from './http-receiver.js';
import { intakeEntryOf, intakeKeyOf } from './intake-record.js';

/**
 * What a listener finds at `context.intake`: whether this request was stored before
 * (it is answered again after a restart), and `hold()` for work that outlives the
 * listener. Without `hold()`, the request counts as finished when the listeners return.
 *
 * ```ts
 * app.event('app_mention', async ({ context }) => {
 *   const done = (context.intake as IntakeTicket).hold();
 *   queue.push(conversation, () => answer().finally(done));
 * });
 * ```
 */
export interface IntakeTicket {
  /** The request's key in the intake (`event:Ev…`, `command:…`), if it has one. */
  readonly key: string | undefined;
  /** True when the request comes from the database after a restart, not from Slack. */
  readonly recovered: boolean;
  /**
   * Takes over finishing the request; call the returned function once it is answered (or
   * given up). Its promise resolves once the request is marked done in the database (if
   * this was the last hold), never rejects: the conversation's next answer waits for it.
   */
  hold(): () => Promise<void>;
}

export interface IntakeReceiverOptions {
  intake: IntakeStore;
  logger: Logger;
  /**
   * Whether a request is worth a durable record. False for messages nobody answers
   * (every message in a channel the bot is in arrives): they are handed to the app but
   * not written down.
   */
  keep(body: Record<string, unknown>): boolean;
  /** True while there is no room for more work of this kind; see {@link SlackBusyError}. */
  isFull(body: Record<string, unknown>): boolean;
  /** The ack for a command or button when full (Slack cannot re-send those): a short ephemeral notice. */
  busyResponse(body: Record<string, unknown>): unknown;
}

const noAck = async () => {};

/**
 * Sits between one of Bolt's receivers (HTTP or Socket Mode) and the app, and makes
 * the intake durable: a request is written to the database *before* the app acks it,
 * and marked done once answered. A re-delivery (Slack's retry of an event, a replayed
 * command, a button press delivered twice) finds its key and is acked without being
 * handed to the app again, also after a restart. On start, `recover()` hands the app
 * what the last process received but did not finish, through the same listeners.
 */
export class IntakeReceiver implements Receiver {
  private readonly inFlight = new Set<Promise<void>>();
  private app: App | undefined;
  /** Answered requests are marked done together, once per turn of the event loop (see done-batch.ts). */
  private readonly done: DoneBatch;

  constructor(
    private readonly inner: Receiver,
    private readonly options: IntakeReceiverOptions,
  ) {
    // The database went away (a stop past its timeout): those requests are answered once more after the restart.
    this.done = createDoneBatch(options.intake, 'slack', (error) =>
      options.logger.warn({ err: error }, 'slack requests answered but not marked done'),
    );
  }

  init(app: App): void {
    this.app = app;
    // Bolt's receivers only ever call `app.processEvent`, so that is all they are given.
    const facade = { processEvent: (event: ReceiverEvent) => this.receive(app, event) };
    this.inner.init(facade as unknown as App);
  }

  start(...args: unknown[]): Promise<unknown> {
    return this.inner.start(...args);
  }

  stop(...args: unknown[]): Promise<unknown> {
    return this.inner.stop(...args);
  }

  /** Hands the app every request a previous process stored but did not finish, oldest first; resolves with how many. */
  async recover(): Promise<number> {
    if (!this.app) throw new Error('recover() before init()');
    const items = this.options.intake.recover('slack');
    for (const item of items) {
      const body = item.payload as Record<string, unknown> | null;
      if (typeof body !== 'object' || body === null) {
        void this.markDone(item.key);
        continue;
      }
      await this.dispatch(this.app, { body, ack: noAck }, item.key, true);
    }
    return items.length;
  }

  /** Resolves once the app has finished with every request handed to it so far (held work excepted). */
  async drain(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
    this.done.flush();
  }

  /** Writes the requests finished since the last turn of the event loop; on stop, after the held work is done. */
  flush(): void {
    this.done.flush();
  }

  private async receive(app: App, event: ReceiverEvent): Promise<void> {
    const body = event.body as Record<string, unknown>;
    const key = intakeKeyOf(body);
    if (key === undefined || !this.options.keep(body)) {
      await this.dispatch(app, event, undefined, false);
      return;
    }
    if (this.options.isFull(body)) {
      if (body.type === 'event_callback') throw new SlackBusyError();
      this.options.logger.warn({ key: key.split(':')[0] }, 'slack request declined: too much work queued');
      await event.ack(this.options.busyResponse(body));
      return;
    }
    // Written before the ack: if this throws (the disk is full), Slack gets no 2xx and sends it again.
    const seen = this.options.intake.record(intakeEntryOf(body, key));
    if (seen.duplicate) {
      this.options.logger.debug({ done: seen.done, retry: event.retryNum }, 'slack re-delivery skipped');
      await event.ack();
      return;
    }
    await this.dispatch(app, event, key, false);
  }

  private async dispatch(app: App, event: ReceiverEvent, key: string | undefined, recovered: boolean): Promise<void> {
    const { ticket, listenersReturned } = this.ticketFor(key, recovered);
    const work = app.processEvent({ ...event, customProperties: { ...event.customProperties, intake: ticket } }).catch(async (error: unknown) => {
      // Bolt itself failed on the body (listeners' faults go to app.error). The request is
      // marked done below, so a re-delivery would be skipped anyway: acknowledge it.
      this.options.logger.error({ err: error }, 'slack request could not be routed');
      await event.ack();
    });
    this.inFlight.add(work);
    try {
      await work;
    } finally {
      this.inFlight.delete(work);
      // Finished unless a listener still holds it; a listener that failed was answered by the error handler.
      listenersReturned();
    }
  }

  /**
   * The ticket for one request, in a scope of its own: queued answers hold their ticket,
   * and it must not keep the request (body, HTTP response, socket) alive with it.
   */
  private ticketFor(key: string | undefined, recovered: boolean): { ticket: IntakeTicket; listenersReturned(): void } {
    let holds = 0;
    let returned = false;
    let finished = false;
    const finishWhenFree = (): Promise<void> => {
      if (finished || !returned || holds > 0 || key === undefined) return Promise.resolve();
      finished = true;
      return this.markDone(key);
    };
    const ticket: IntakeTicket = {
      key,
      recovered,
      hold() {
        holds++;
        let released = false;
        return () => {
          if (released) return Promise.resolve();
          released = true;
          holds--;
          return finishWhenFree();
        };
      },
    };
    return {
      ticket,
      listenersReturned() {
        returned = true;
        void finishWhenFree();
      },
    };
  }

  private markDone(key: string): Promise<void> {
    return this.done.add(key);
  }
}
