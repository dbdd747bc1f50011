import { EventEmitter } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import type { Update, UserFromGetMe } from 'grammy/types';
import { checkTelegramHtml } from './telegram-html.js';

/** A token that is obviously not real; the fake only accepts this one unless told otherwise. */
export const FAKE_TOKEN = '123456:TEST-fake-token-for-tests-only-aaaaaaaaa';

export const FAKE_BOT: UserFromGetMe = {
  id: 123456,
  is_bot: true,
  first_name: 'Engagierte Stadt Lübeck',
  username: 'LuebeckInfoTestBot',
  can_join_groups: true,
  can_read_all_group_messages: false,
  supports_inline_queries: false,
  can_connect_to_business: false,
  has_main_web_app: false,
  has_topics_enabled: false,
  allows_users_to_create_topics: false,
  can_manage_bots: false,
  supports_join_request_queries: false,
};

/** One request the bot made, whether it succeeded or was failed on purpose. */
export interface RecordedCall {
  method: string;
  payload: Record<string, unknown>;
  /** HTTP status the fake answered with; 0 when it cut the connection. */
  status: number;
  /** `performance.now()` when the request body had arrived. */
  at: number;
  /** For successful `sendMessage`: the text as the user sees it (HTML decoded). */
  visibleText?: string;
  /** For successful `sendMessage` and `sendContact`: the `message_id` Telegram gave the message. */
  messageId?: number;
}

/** An inline button as the bot sent it. */
export interface InlineButton {
  text: string;
  callback_data?: string;
  url?: string;
}

/**
 * A failure to inject: an API error; `drop` cuts the connection without any answer (a
 * network error); `hang` never answers at all, until the client gives up or the fake closes.
 */
export type Fault =
  | { status: 429; retryAfter: number }
  | { status: 500 }
  | { status: 400 | 403; description: string }
  | { status: 'drop' }
  | { status: 'hang' };

type ChatType = 'private' | 'group' | 'supergroup';
interface From {
  id?: number;
  languageCode?: string;
  isBot?: boolean;
  firstName?: string;
  lastName?: string;
  username?: string;
}
interface MessageOptions {
  chatType?: ChatType;
  from?: From;
  /** Make the message a reply to one of the bot's messages. */
  replyToBot?: boolean;
}

/**
 * A Bot API server on 127.0.0.1 for end-to-end tests: real grammY talks to it through
 * `apiRoot`. It serves `getUpdates` (long polling, offsets confirmed as Telegram does),
 * checks what Telegram checks (HTML that parses, ≤ 4096 visible characters,
 * `callback_data` ≤ 64 bytes, description lengths), records every call, and fails calls
 * on request (`failNext`) with 429 + `retry_after`, 500, 400/403, a cut or a hang.
 *
 * ```ts
 * const fake = await FakeTelegram.start();
 * fake.deliver(fake.updates.text(1, 'Hallo'));
 * await fake.waitFor(() => fake.sentMessages(1)[0]);
 * ```
 */
export class FakeTelegram {
  readonly calls: RecordedCall[] = [];
  /** `performance.now()` when each update was first handed out by `getUpdates`. */
  readonly servedAt = new Map<number, number>();
  /** How often each update was handed out; above 1 means it was not confirmed in time. */
  readonly serveCount = new Map<number, number>();
  readonly updates: UpdateBuilder;

  private readonly events = new EventEmitter();
  private queue: Update[] = [];
  private waiting: { res: ServerResponse; limit: number; timer: NodeJS.Timeout }[] = [];
  private readonly faults = new Map<string, Fault[]>();
  private nextMessageId = 1;
  private readonly hanging = new Set<ServerResponse>();
  private perChatIntervalMs: number | undefined;
  private readonly lastSentAt = new Map<number, number>();
  private readonly delays = new Map<string, number>();

  private constructor(
    private readonly server: Server,
    readonly apiRoot: string,
    readonly token: string,
    readonly botInfo: UserFromGetMe,
  ) {
    this.events.setMaxListeners(0);
    this.updates = new UpdateBuilder(botInfo, () => this.nextMessageId++);
  }

  /**
   * `perChatIntervalMs`: like Telegram, refuse a second message to the same chat within
   * this interval with 429 and `retry_after` (whole seconds, at least 1).
   */
  static async start(options: { token?: string; perChatIntervalMs?: number } = {}): Promise<FakeTelegram> {
    let fake: FakeTelegram | undefined;
    const server = createServer((req, res) => {
      // A fault in the fake itself must be loud, not look like a bot that never called.
      fake!.route(req, res).catch((error: unknown) => {
        console.error('fake Telegram failed to serve a request:', error);
        reply(res, 500, { ok: false, error_code: 500, description: 'fake Telegram failed' });
      });
    });
    server.keepAliveTimeout = 60_000;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    fake = new FakeTelegram(server, `http://127.0.0.1:${port}`, options.token ?? FAKE_TOKEN, FAKE_BOT);
    fake.perChatIntervalMs = options.perChatIntervalMs;
    return fake;
  }

  /** Queues an update for `getUpdates`, waking a waiting long poll. */
  deliver(update: Update): void {
    this.queue.push(update);
    this.wakeWaiting();
  }

  /**
   * Serves every call of `method` as usual but answers it only after `ms`: the message
   * counts as sent when the request arrives, as on Telegram, so a bot that dies while it
   * waits has sent it without knowing (a lost reply).
   */
  slowDown(method: string, ms: number): void {
    this.delays.set(method, ms);
  }

  /** The next `times` calls of `method` fail with `fault` instead of being served. */
  failNext(method: string, fault: Fault, times = 1): void {
    const list = this.faults.get(method) ?? [];
    for (let i = 0; i < times; i++) list.push(fault);
    this.faults.set(method, list);
  }

  callsOf(method: string): RecordedCall[] {
    return this.calls.filter((call) => call.method === method);
  }

  /** Messages Telegram accepted (status 200), optionally for one chat. */
  sentMessages(chatId?: number): RecordedCall[] {
    return this.calls.filter(
      (call) => call.method === 'sendMessage' && call.status === 200 && (chatId === undefined || call.payload.chat_id === chatId),
    );
  }

  /** The inline buttons of a sent message, row by row flattened. */
  static buttonsOf(call: RecordedCall): InlineButton[] {
    const markup = call.payload.reply_markup as { inline_keyboard?: InlineButton[][] } | undefined;
    return markup?.inline_keyboard?.flat() ?? [];
  }

  /** The last message sent to the chat with a button labelled `label`, and that button; waits for it. */
  async waitForButton(
    chatId: number,
    label: string | RegExp,
    description = `a button "${String(label)}"`,
  ): Promise<{ call: RecordedCall; button: InlineButton }> {
    const matches = (button: InlineButton) => (typeof label === 'string' ? button.text === label : label.test(button.text));
    return this.waitFor(() => {
      const call = this.sentMessages(chatId).findLast((sent) => FakeTelegram.buttonsOf(sent).some(matches));
      const button = call && FakeTelegram.buttonsOf(call).find(matches);
      return call && button ? { call, button } : undefined;
    }, description);
  }

  /** Presses `button` under the sent message `call`, as the chat's user would (queued for `getUpdates`); returns the update. */
  press(chatId: number, call: RecordedCall, button: InlineButton, options: MessageOptions = {}): Update {
    const update = this.updates.buttonPress(chatId, button.callback_data ?? '', { ...options, messageId: call.messageId });
    this.deliver(update);
    return update;
  }

  /** Calls Telegram would have refused with 400 (bad HTML, too long, bad button data). */
  rejectedCalls(): RecordedCall[] {
    return this.calls.filter((call) => call.status === 400);
  }

  /** Registers a listener for every recorded call (the benchmark measures with it). */
  onCall(listener: (call: RecordedCall) => void): void {
    this.events.on('call', listener);
  }

  offCall(listener: (call: RecordedCall) => void): void {
    this.events.off('call', listener);
  }

  /**
   * Resolves with the first truthy value of `check`, re-checked after every call.
   * The time limit is a safety net so a broken test fails with a description instead
   * of hanging; it is not an assertion about speed.
   */
  waitFor<T>(check: () => T | undefined | null | false, description = 'condition', limitMs = 15_000): Promise<T> {
    const first = check();
    if (first) return Promise.resolve(first);
    return new Promise<T>((resolve, reject) => {
      const onCall = () => {
        const value = check();
        if (!value) return;
        clearTimeout(timer);
        this.events.off('call', onCall);
        resolve(value);
      };
      const timer = setTimeout(() => {
        this.events.off('call', onCall);
        const seen = this.calls.map((call) => `${call.method}:${call.status}`).join(', ');
        reject(new Error(`fake Telegram: gave up waiting for ${description}; calls so far: ${seen || 'none'}`));
      }, limitMs);
      this.events.on('call', onCall);
    });
  }

  async close(): Promise<void> {
    for (const res of this.hanging) res.destroy();
    for (const waiter of this.waiting.splice(0)) {
      clearTimeout(waiter.timer);
      reply(waiter.res, 200, { ok: true, result: [] });
    }
    await new Promise<void>((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
  }

  private async route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const match = /^\/bot([^/]+)\/(\w+)$/.exec(new URL(req.url ?? '/', 'http://fake').pathname);
    const body = await readJson(req);
    if (!match) return reply(res, 404, { ok: false, error_code: 404, description: 'Not Found' });
    const [, token, method] = match as unknown as [string, string, string];
    const call: RecordedCall = { method, payload: body ?? {}, status: 200, at: performance.now() };
    if (token !== this.token) return this.finish(res, call, 401, { ok: false, error_code: 401, description: 'Unauthorized' });
    if (body === undefined) return this.finish(res, call, 400, { ok: false, error_code: 400, description: 'Bad Request: body is not JSON' });

    const fault = this.faults.get(method)?.shift();
    if (fault?.status === 'drop') {
      call.status = 0;
      this.record(call);
      req.socket.destroy();
      return;
    }
    if (fault?.status === 'hang') {
      call.status = 0;
      this.record(call);
      this.hanging.add(res);
      res.once('close', () => this.hanging.delete(res));
      return;
    }
    if (fault) return this.finish(res, call, fault.status, faultBody(fault));
    if (method === 'getUpdates') return this.getUpdates(res, call);
    const wait = this.perChatWait(method, call);
    if (wait !== undefined) return this.finish(res, call, 429, faultBody({ status: 429, retryAfter: wait }));
    const outcome = this.serve(method, call);
    const delay = this.delays.get(method);
    if (delay === undefined) return this.finish(res, call, outcome.status, outcome.body);
    call.status = outcome.status;
    this.record(call);
    res.once('close', () => clearTimeout(timer));
    const timer = setTimeout(() => reply(res, outcome.status, outcome.body), delay);
  }

  /** Seconds to wait before this chat may get another message, if it must. */
  private perChatWait(method: string, call: RecordedCall): number | undefined {
    if (this.perChatIntervalMs === undefined || (method !== 'sendMessage' && method !== 'sendContact')) return undefined;
    const chatId = Number(call.payload.chat_id);
    const last = this.lastSentAt.get(chatId);
    if (last !== undefined && call.at - last < this.perChatIntervalMs)
      return Math.max(1, Math.ceil((this.perChatIntervalMs - (call.at - last)) / 1000));
    this.lastSentAt.set(chatId, call.at);
    return undefined;
  }

  private serve(method: string, call: RecordedCall): { status: number; body: unknown } {
    const p = call.payload;
    const ok = (result: unknown) => ({ status: 200, body: { ok: true, result } });
    const bad = (description: string) => ({ status: 400, body: { ok: false, error_code: 400, description: `Bad Request: ${description}` } });
    switch (method) {
      case 'getMe':
        return ok(this.botInfo);
      case 'setMyCommands': {
        const commands = p.commands as { command: string; description: string }[];
        const valid = commands.every((c) => /^[a-z0-9_]{1,32}$/.test(c.command) && c.description.length >= 1 && c.description.length <= 256);
        return valid ? ok(true) : bad('invalid bot commands');
      }
      case 'setMyDescription':
        return String(p.description ?? '').length <= 512 ? ok(true) : bad('description is too long');
      case 'setMyShortDescription':
        return String(p.short_description ?? '').length <= 120 ? ok(true) : bad('short description is too long');
      case 'setWebhook':
      case 'deleteWebhook':
      case 'sendChatAction':
        return ok(true);
      case 'answerCallbackQuery':
        return String(p.text ?? '').length <= 200 ? ok(true) : bad('MESSAGE_TOO_LONG');
      case 'editMessageReplyMarkup': {
        const buttonProblem = checkKeyboard(p.reply_markup);
        if (buttonProblem) return bad(buttonProblem);
        return Number.isSafeInteger(p.message_id) ? ok(this.sentMessage(p, {})) : bad('message to edit not found');
      }
      case 'sendContact': {
        const message = this.sentMessage(p, { contact: { phone_number: p.phone_number, first_name: p.first_name } }) as { message_id: number };
        call.messageId = message.message_id;
        return ok(message);
      }
      case 'sendMessage': {
        const text = String(p.text ?? '');
        const check = p.parse_mode === 'HTML' ? checkTelegramHtml(text) : { ok: true as const, visibleText: text };
        if (!check.ok) return bad(check.error);
        if (check.visibleText.trim().length === 0) return bad('message text is empty');
        if (check.visibleText.length > 4096) return bad('message is too long');
        const buttonProblem = checkKeyboard(p.reply_markup);
        if (buttonProblem) return bad(buttonProblem);
        call.visibleText = check.visibleText;
        const message = this.sentMessage(p, { text: check.visibleText }) as { message_id: number };
        call.messageId = message.message_id;
        return ok(message);
      }
      default:
        return { status: 404, body: { ok: false, error_code: 404, description: 'Not Found: method not found' } };
    }
  }

  private sentMessage(payload: Record<string, unknown>, content: Record<string, unknown>): unknown {
    const chatId = Number(payload.chat_id);
    return {
      message_id: Number.isSafeInteger(payload.message_id) ? payload.message_id : this.nextMessageId++,
      date: Math.floor(Date.now() / 1000),
      chat: chatId > 0 ? { id: chatId, type: 'private', first_name: 'Test' } : { id: chatId, type: 'group', title: 'Test' },
      from: { id: this.botInfo.id, is_bot: true, first_name: this.botInfo.first_name, username: this.botInfo.username },
      ...content,
    };
  }

  private getUpdates(res: ServerResponse, call: RecordedCall): void {
    const offset = Number(call.payload.offset ?? 0);
    const limit = Math.min(100, Math.max(1, Number(call.payload.limit ?? 100)));
    const timeout = Number(call.payload.timeout ?? 0);
    // As on Telegram, asking with an offset confirms every update before it.
    if (offset > 0) this.queue = this.queue.filter((update) => update.update_id >= offset);
    this.record(call);
    if (this.queue.length > 0 || timeout <= 0) {
      this.serveUpdates(res, limit);
      return;
    }
    const waiter = { res, limit, timer: setTimeout(() => this.release(waiter, 200), timeout * 1000) };
    this.waiting.push(waiter);
    // The client gave up (runner stopped): never hand updates to a closed connection.
    res.once('close', () => this.release(waiter, undefined));
  }

  private release(waiter: FakeTelegram['waiting'][number], status: number | undefined): void {
    const index = this.waiting.indexOf(waiter);
    if (index === -1) return;
    this.waiting.splice(index, 1);
    clearTimeout(waiter.timer);
    if (status !== undefined) reply(waiter.res, status, { ok: true, result: [] });
  }

  private wakeWaiting(): void {
    const waiter = this.waiting.shift();
    if (!waiter) return;
    clearTimeout(waiter.timer);
    this.serveUpdates(waiter.res, waiter.limit);
  }

  private serveUpdates(res: ServerResponse, limit: number): void {
    const batch = this.queue.slice(0, limit);
    reply(res, 200, { ok: true, result: batch });
    const now = performance.now();
    for (const update of batch) {
      if (!this.servedAt.has(update.update_id)) this.servedAt.set(update.update_id, now);
      this.serveCount.set(update.update_id, (this.serveCount.get(update.update_id) ?? 0) + 1);
    }
  }

  private finish(res: ServerResponse, call: RecordedCall, status: number, body: unknown): void {
    call.status = status;
    reply(res, status, body);
    this.record(call);
  }

  private record(call: RecordedCall): void {
    this.calls.push(call);
    this.events.emit('call', call);
  }
}

/**
 * Builds updates the way Telegram would send them, including the `bot_command` and
 * `mention` entities Telegram computes, with fresh `update_id`s.
 */
export class UpdateBuilder {
  private nextUpdateId = 1000;

  constructor(
    private readonly bot: UserFromGetMe,
    private readonly nextMessageId: () => number,
  ) {}

  /** A text message in a chat; negative chat ids are groups unless `chatType` says otherwise. */
  text(chatId: number, text: string, options: MessageOptions = {}): Update {
    return this.message(chatId, { text, entities: detectEntities(text) }, options);
  }

  /** Not text: `sticker`, `photo`, `voice`, `location` or `document`. */
  nonText(chatId: number, kind: 'sticker' | 'photo' | 'voice' | 'location' | 'document', options: MessageOptions = {}): Update {
    const content: Record<string, unknown> = {
      sticker: { sticker: { file_id: 'f', file_unique_id: 'u', type: 'regular', width: 512, height: 512, is_animated: false, is_video: false } },
      photo: { photo: [{ file_id: 'f', file_unique_id: 'u', width: 90, height: 90 }] },
      voice: { voice: { file_id: 'f', file_unique_id: 'u', duration: 3 } },
      location: { location: { latitude: 53.8655, longitude: 10.6866 } },
      document: { document: { file_id: 'f', file_unique_id: 'u', file_name: 'flyer.pdf' } },
    }[kind] as Record<string, unknown>;
    return this.message(chatId, content, options);
  }

  /** Any content under a fresh `update_id`, however broken: what a fuzzer or a future Bot API might send. */
  raw(content: Record<string, unknown>): Update {
    return { update_id: this.nextUpdateId++, ...content } as unknown as Update;
  }

  /** The user changed the text of an earlier message (same chat, same `message_id`). */
  edited(original: Update, text: string): Update {
    const message = original.message ?? original.edited_message;
    if (!message) throw new Error('only messages can be edited');
    return {
      update_id: this.nextUpdateId++,
      edited_message: { ...message, text, entities: detectEntities(text), edit_date: Math.floor(Date.now() / 1000) },
    } as unknown as Update;
  }

  /** The user pressed an inline button carrying `data` under one of the bot's messages (`messageId`, or a fresh one). */
  buttonPress(chatId: number, data: string, options: MessageOptions & { messageId?: number | undefined } = {}): Update {
    return {
      update_id: this.nextUpdateId++,
      callback_query: {
        id: `cb-${this.nextUpdateId}`,
        from: this.user(chatId, options.from),
        chat_instance: `ci-${chatId}`,
        data,
        message: {
          message_id: options.messageId ?? this.nextMessageId(),
          date: Math.floor(Date.now() / 1000),
          chat: this.chat(chatId, options.chatType, options.from),
          from: this.botAsUser(),
          text: 'Menü',
        },
      },
    } as unknown as Update;
  }

  private message(chatId: number, content: Record<string, unknown>, options: MessageOptions): Update {
    const chat = this.chat(chatId, options.chatType, options.from);
    const replyTo = options.replyToBot
      ? { reply_to_message: { message_id: this.nextMessageId(), date: 0, chat, from: this.botAsUser(), text: 'Antwort' } }
      : {};
    return {
      update_id: this.nextUpdateId++,
      message: {
        message_id: this.nextMessageId(),
        date: Math.floor(Date.now() / 1000),
        chat,
        from: this.user(chatId, options.from),
        ...replyTo,
        ...content,
      },
    } as unknown as Update;
  }

  private chat(chatId: number, type?: ChatType, from: From = {}): Record<string, unknown> {
    const chatType = type ?? (chatId > 0 ? 'private' : 'group');
    if (chatType !== 'private') return { id: chatId, type: chatType, title: 'Nachbarschaft' };
    // A private chat carries the user's names, as on Telegram.
    return {
      id: chatId,
      type: 'private',
      first_name: from.firstName ?? 'Test',
      ...(from.lastName ? { last_name: from.lastName } : {}),
      ...(from.username ? { username: from.username } : {}),
    };
  }

  private user(chatId: number, from: From = {}): Record<string, unknown> {
    return {
      id: from.id ?? Math.abs(chatId),
      is_bot: from.isBot ?? false,
      first_name: from.firstName ?? 'Test',
      ...(from.lastName ? { last_name: from.lastName } : {}),
      ...(from.username ? { username: from.username } : {}),
      language_code: from.languageCode ?? 'de',
    };
  }

  private botAsUser(): Record<string, unknown> {
    return { id: this.bot.id, is_bot: true, first_name: this.bot.first_name, username: this.bot.username };
  }
}

/** The entities Telegram adds on its side: a leading `/command[@bot]` and `@mentions`. */
function detectEntities(text: string): { type: string; offset: number; length: number }[] {
  const entities: { type: string; offset: number; length: number }[] = [];
  const command = /^\/[A-Za-z0-9_]{1,32}(?:@[A-Za-z0-9_]{3,32})?/.exec(text);
  if (command) entities.push({ type: 'bot_command', offset: 0, length: command[0].length });
  for (const mention of text.matchAll(/(?<![\w/])@[A-Za-z0-9_]{5,32}/g)) {
    entities.push({ type: 'mention', offset: mention.index, length: mention[0].length });
  }
  return entities;
}

function checkKeyboard(markup: unknown): string | undefined {
  const rows = (markup as { inline_keyboard?: { text?: string; callback_data?: string }[][] } | undefined)?.inline_keyboard;
  if (!rows) return undefined;
  for (const button of rows.flat()) {
    if (!button.text) return 'text buttons are unallowed in the inline keyboard';
    const bytes = Buffer.byteLength(button.callback_data ?? '', 'utf8');
    if (button.callback_data !== undefined && (bytes < 1 || bytes > 64)) return 'BUTTON_DATA_INVALID';
  }
  return undefined;
}

function faultBody(fault: Exclude<Fault, { status: 'drop' } | { status: 'hang' }>): unknown {
  if (fault.status === 429) {
    return {
      ok: false,
      error_code: 429,
      description: `Too Many Requests: retry after ${fault.retryAfter}`,
      parameters: { retry_after: fault.retryAfter },
    };
  }
  if (fault.status === 500) return { ok: false, error_code: 500, description: 'Internal Server Error' };
  if (fault.status === 403) return { ok: false, error_code: 403, description: `Forbidden: ${fault.description}` };
  return { ok: false, error_code: 400, description: `Bad Request: ${fault.description}` };
}

/** The JSON body, `{}` if empty, undefined if not JSON. Plain events: cheaper than async iteration under load. */
function readJson(req: IncomingMessage): Promise<Record<string, unknown> | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('error', reject);
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      if (text === '') return resolve({});
      try {
        resolve(JSON.parse(text) as Record<string, unknown>);
      } catch {
        resolve(undefined);
      }
    });
  });
}

function reply(res: ServerResponse, status: number, body: unknown): void {
  if (res.writableEnded || res.destroyed) return;
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}
