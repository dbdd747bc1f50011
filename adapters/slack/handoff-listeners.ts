import type { App, BlockAction, ButtonAction, Context, webApi } from '@slack/bolt';
import type { Handoff } from '../../src/handoff/handoff.js';
import type { TicketView } from '../../src/handoff/port.js';
import type { AdoptResult, AnswerAdopter } from '../../src/knowledge/adopt.js';
import type { Logger } from '../../src/logger.js';
import { createBoundedMemory } from './bounded-memory.js';
import { ANSWER_INPUT, ANSWER_MODAL, answerModal, BOARD_LOCALE, HANDOFF_ACTIONS } from './handoff-render.js';
import { handoffReplyOf, labelMentions, plainAnswer, wireFromTyped } from './handoff-reply.js';
import type { IntakeTicket } from './intake-receiver.js';
import type { Say } from './render.js';
import { operatorHint } from './slack-errors.js';
import { escapeMrkdwn } from './slack-text.js';
import type { SlackEventFields } from './to-message.js';

export interface HandoffListenerDeps {
  handoff: Handoff;
  /** Writes answers into the knowledge; without it there is no "Als Antwort übernehmen". */
  adopter: AnswerAdopter | undefined;
  /** SLACK_HANDOFF_CHANNEL. */
  channel: string;
  say: Say;
  logger: Logger;
}

const HOUR_MS = 60 * 60 * 1000;

/** The ticket number a button or the modal carries; anything else is no ticket. */
function ticketNumber(value: unknown): number | undefined {
  const parsed = typeof value === 'string' && /^\d{1,12}$/.test(value) ? Number(value) : Number.NaN;
  return Number.isSafeInteger(parsed) && parsed > 0 ? parsed : undefined;
}

/** `ticket-12-20261201`: stable for the ticket (adopting again updates it), and distinct from a #12 of a later database. */
function adoptedEntryId(ticket: TicketView): string {
  return `ticket-${ticket.number}-${new Date(ticket.openedAt).toISOString().slice(0, 10).replace(/-/g, '')}`;
}

const recovered = (context: Context) => (context.intake as IntakeTicket | undefined)?.recovered === true;

/**
 * The members' side of the hand-off: a reply in a ticket's thread, the "Antworten"
 * modal, "Schließen" and "Als Antwort übernehmen". Every request has been written to
 * the durable intake before it reaches these listeners, and the hand-off's own
 * de-duplication (channel and ts of a reply, the modal's view id) holds across
 * restarts: a re-delivery or a replay after a crash answers nothing twice. The modal's
 * answer is recorded before its ack, because the ack says whether it went through.
 */
export function registerHandoffListeners(app: App, deps: HandoffListenerDeps): void {
  const { handoff, adopter, say, logger } = deps;
  const names = createBoundedMemory<string>({ maxEntries: 1_000, ttlMs: HOUR_MS });
  const sayBoard = (id: string, args?: Record<string, string | number>) => say(BOARD_LOCALE, id, args);

  const nameOf = async (client: webApi.WebClient, userId: string): Promise<string | undefined> => {
    const known = names.get(userId);
    if (known) return known;
    const result = await client.users.info({ user: userId });
    const name = result.user?.profile?.display_name || result.user?.real_name || result.user?.name;
    if (name) names.set(userId, name);
    return name;
  };

  /** A note only the member sees, in the channel (and thread) where they acted. */
  const note = async (client: webApi.WebClient, where: { channel: string; user: string; threadTs?: string }, text: string) => {
    try {
      await client.chat.postEphemeral({
        channel: where.channel,
        user: where.user,
        text: escapeMrkdwn(text),
        ...(where.threadTs ? { thread_ts: where.threadTs } : {}),
      });
    } catch (error) {
      logger.warn({ err: error, hint: operatorHint(error) }, 'slack hand-off note failed');
    }
  };

  app.event('message', async ({ event, context, client }) => {
    const reply = handoffReplyOf(event as SlackEventFields, { handoffChannel: deps.channel, botUserId: context.botUserId });
    if (!reply) return;
    const board = { channel: reply.channel, ts: reply.threadTs };
    const ticket = handoff.ticket({ board });
    // A thread that is not a ticket (a conversation among members) is none of the hand-off's business.
    if (!ticket) return;
    const where = { channel: reply.channel, user: reply.user, threadTs: reply.threadTs };
    if (ticket.state === 'closed') {
      if (!recovered(context)) await note(client, where, sayBoard('handoff-slack-closed-reply', { number: String(ticket.number) }));
      return;
    }
    // Handed on in Slack's wire form, as the relay expects it; only the names are filled in.
    const text = await labelMentions(reply.wire, { nameOf: (userId) => nameOf(client, userId), botUserId: context.botUserId });
    if (text === '') {
      if (reply.withFiles && !recovered(context)) await note(client, where, sayBoard('handoff-slack-text-only'));
      return;
    }
    const result = handoff.answer({ ticket: { board }, key: `${reply.channel}:${reply.ts}`, text, answeredBy: reply.user });
    if (result.status === 'recorded') {
      logger.info({ kind: 'handoff-reply', ticket: ticket.number }, 'slack hand-off answer taken from the thread');
      if (reply.withFiles) await note(client, where, sayBoard('handoff-slack-text-only'));
    } else if (result.status === 'closed' && !recovered(context)) {
      await note(client, where, sayBoard('handoff-slack-closed-reply', { number: String(ticket.number) }));
    } else {
      logger.debug({ kind: 'handoff-reply', ticket: ticket.number, status: result.status }, 'slack hand-off reply not taken');
    }
  });

  app.action<BlockAction<ButtonAction>>(
    { type: 'block_actions', action_id: HANDOFF_ACTIONS.answer },
    async ({ ack, body, action, client, context }) => {
      await ack();
      const where = { channel: body.channel?.id ?? deps.channel, user: body.user.id };
      const number = ticketNumber(action.value);
      const ticket = number === undefined ? undefined : handoff.ticket({ number });
      if (!ticket) return note(client, where, sayBoard('handoff-slack-unknown-ticket', { number: String(number ?? '?') }));
      if (ticket.state === 'closed') return note(client, where, sayBoard('handoff-slack-already-closed', { number: String(ticket.number) }));
      // A trigger is good for three seconds: a press replayed after a restart cannot open a modal any more.
      if (recovered(context)) return;
      try {
        await client.views.open({ trigger_id: body.trigger_id, view: answerModal(ticket, say) });
      } catch (error) {
        logger.warn({ err: error, ticket: ticket.number, hint: operatorHint(error) }, 'slack hand-off modal could not be opened');
      }
    },
  );

  app.view(ANSWER_MODAL, async ({ ack, body, view }) => {
    const number = ticketNumber(view.private_metadata);
    const text = view.state.values[ANSWER_INPUT.block]?.[ANSWER_INPUT.action]?.value?.trim() ?? '';
    const refuse = (message: string) => ack({ response_action: 'errors', errors: { [ANSWER_INPUT.block]: message } });
    if (number === undefined) return refuse(sayBoard('handoff-slack-unknown-ticket', { number: '?' }));
    if (text === '') return refuse(sayBoard('handoff-slack-empty-answer'));
    // Recorded before the ack: the ack closes the modal, which tells the member it went through.
    const result = handoff.answer({ ticket: { number }, key: `modal:${view.id}`, text: wireFromTyped(text), answeredBy: body.user.id });
    if (result.status === 'closed') return refuse(sayBoard('handoff-slack-closed-modal', { number: String(number) }));
    if (result.status === 'unknown-ticket') return refuse(sayBoard('handoff-slack-unknown-ticket', { number: String(number) }));
    await ack();
    if (result.status === 'recorded') logger.info({ kind: 'handoff-modal', ticket: number }, 'slack hand-off answer taken from the modal');
  });

  app.action<BlockAction<ButtonAction>>(
    { type: 'block_actions', action_id: HANDOFF_ACTIONS.close },
    async ({ ack, body, action, client, context }) => {
      const number = ticketNumber(action.value);
      const result = number === undefined ? ({ status: 'unknown-ticket' } as const) : handoff.close({ ticket: { number }, closedBy: body.user.id });
      await ack();
      if (result.status === 'closed') {
        logger.info({ kind: 'handoff-close', ticket: number }, 'slack hand-off ticket closed');
        return;
      }
      if (recovered(context)) return;
      const where = { channel: body.channel?.id ?? deps.channel, user: body.user.id };
      const args = { number: String(number ?? '?') };
      await note(client, where, sayBoard(result.status === 'already-closed' ? 'handoff-slack-already-closed' : 'handoff-slack-unknown-ticket', args));
    },
  );

  if (!adopter) return;
  app.action<BlockAction<ButtonAction>>({ type: 'block_actions', action_id: HANDOFF_ACTIONS.adopt }, async ({ ack, body, action, client }) => {
    await ack();
    const where = { channel: body.channel?.id ?? deps.channel, user: body.user.id };
    const number = ticketNumber(action.value);
    const ticket = number === undefined ? undefined : handoff.ticket({ number });
    if (!ticket) return note(client, where, sayBoard('handoff-slack-unknown-ticket', { number: String(number ?? '?') }));
    const args = { number: String(ticket.number) };
    if (!ticket.lastAnswer) return note(client, where, sayBoard('handoff-slack-adopt-no-answer', args));
    const id = adoptedEntryId(ticket);
    const result = adopter.adopt({
      id,
      question: ticket.question,
      answer: plainAnswer(ticket.lastAnswer, say(ticket.locale, 'handoff-slack-someone')),
      locale: ticket.locale,
      source: `Hand-off #${ticket.number}, ${new Date(ticket.openedAt).toISOString().slice(0, 10)}`,
    });
    logAdoption(logger, ticket.number, result);
    await note(client, where, adoptionNote(result, { ...args, id, file: adopter.file }, sayBoard));
  });
}

function adoptionNote(
  result: AdoptResult,
  args: { number: string; id: string; file: string },
  say: (id: string, args?: Record<string, string>) => string,
): string {
  switch (result.status) {
    case 'adopted':
      return say(result.updated ? 'handoff-slack-adopt-updated' : 'handoff-slack-adopted', { ...args, file: result.file });
    case 'empty':
      return say('handoff-slack-adopt-empty', args);
    case 'invalid':
      return say('handoff-slack-adopt-invalid', { ...args, reason: result.problems.slice(0, 3).join('; ') });
    case 'failed':
      return say('handoff-slack-adopt-failed', args);
  }
}

function logAdoption(logger: Logger, ticket: number, result: AdoptResult): void {
  if (result.status === 'adopted')
    logger.info({ kind: 'handoff-adopt', ticket, updated: result.updated }, 'slack hand-off answer adopted into the knowledge');
  else if (result.status === 'failed')
    logger.error({ err: result.error, kind: 'handoff-adopt', ticket }, 'slack hand-off answer could not be written');
  else logger.warn({ kind: 'handoff-adopt', ticket, status: result.status }, 'slack hand-off answer not adopted');
}
