import type { types } from '@slack/bolt';
import type { TicketView } from '../../src/handoff/port.js';
import type { Locale } from '../../src/message.js';
import { escapedPieces, LIMITS, type Say, type SlackMessage } from './render.js';
import { escapeMrkdwn } from './slack-text.js';

/**
 * The hand-off ticket as the network team sees it in Slack: pure rendering of a
 * {@link TicketView} (which never carries the citizen's chat id, name or username) into
 * a message, and the modal for "Antworten". The buttons carry the ticket number only.
 */

/** The message metadata on every ticket: how a restart finds a post that was in flight. */
export const TICKET_METADATA_TYPE = 'engagiert_handoff_ticket';

/** action_ids of the ticket's buttons; their value is the ticket number. */
export const HANDOFF_ACTIONS = { answer: 'handoff:answer', close: 'handoff:close', adopt: 'handoff:adopt' } as const;

/** callback_id of the answer modal; its private_metadata is the ticket number. */
export const ANSWER_MODAL = 'handoff:answer-modal';
/** block_id and action_id of the modal's text input. */
export const ANSWER_INPUT = { block: 'answer', action: 'text' } as const;

/** The team works in German; the board speaks it (the catalogue has English too). */
export const BOARD_LOCALE: Locale = 'de';

/** Slack limits for modals (docs.slack.dev/reference/views). */
const MODAL_TITLE_MAX = 24;
const INPUT_MAX = 3000;

export interface TicketRenderOptions {
  say: Say;
  /** Whether "Als Antwort übernehmen" is offered (an adopter is configured). */
  adoptable: boolean;
}

const mrkdwn = (text: string): types.MrkdwnElement => ({ type: 'mrkdwn', text, verbatim: true });
const plain = (text: string): types.PlainTextElement => ({ type: 'plain_text', text, emoji: true });
/** Fluent would format a number with a group separator (1.234); a ticket number is a name, not a quantity. */
const number = (ticket: TicketView) => String(ticket.number);

/** `<!date^…>`: each reader sees the time in their own time zone; the fallback is UTC. */
function slackDate(ms: number): string {
  const iso = new Date(ms).toISOString();
  return `<!date^${Math.floor(ms / 1000)}^{date_short_pretty} {time}|${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC>`;
}

const mentions = (userIds: readonly string[]) => userIds.map((id) => `<@${id}>`).join(', ');

/**
 * A catalogue sentence as mrkdwn: its text escaped, the `mrkdwn` arguments (mentions,
 * dates) put in afterwards as they are. Each stands in as a control character that no
 * sentence contains and escaping leaves alone.
 */
function sayMrkdwn(say: Say, id: string, args: Record<string, string> = {}, mrkdwnArgs: Record<string, string> = {}): string {
  const names = Object.keys(mrkdwnArgs);
  const stand = Object.fromEntries(names.map((name, index) => [name, String.fromCharCode(1 + index)]));
  let text = escapeMrkdwn(say(BOARD_LOCALE, id, { ...args, ...stand }));
  // A function, so that `$&` in a question is not read as a replacement pattern.
  for (const name of names) text = text.replace(stand[name] as string, () => mrkdwnArgs[name] as string);
  return text;
}

/** One line on the state: open, answered by whom, closed by whom (or by the retention time). */
function stateLine(ticket: TicketView, say: Say): string {
  const members = mentions(ticket.answeredBy);
  if (ticket.state === 'open') return `:large_blue_circle: ${sayMrkdwn(say, 'handoff-slack-state-open')}`;
  if (ticket.state === 'answered') return `:large_green_circle: ${sayMrkdwn(say, 'handoff-slack-state-answered', {}, { members })}`;
  const closed =
    ticket.closeReason === 'expired' || !ticket.closedBy
      ? sayMrkdwn(say, 'handoff-slack-state-expired')
      : sayMrkdwn(say, 'handoff-slack-state-closed', {}, { member: `<@${ticket.closedBy}>` });
  const answered = ticket.answeredBy.length > 0 ? ` ${sayMrkdwn(say, 'handoff-slack-state-was-answered', {}, { members })}` : '';
  return `:white_circle: ${closed}${answered}`;
}

function buttons(ticket: TicketView, options: TicketRenderOptions): types.Button[] {
  const { say } = options;
  const value = number(ticket);
  const out: types.Button[] = [];
  if (ticket.state !== 'closed') {
    out.push(
      { type: 'button', action_id: HANDOFF_ACTIONS.answer, value, style: 'primary', text: plain(say(BOARD_LOCALE, 'handoff-slack-button-answer')) },
      {
        type: 'button',
        action_id: HANDOFF_ACTIONS.close,
        value,
        text: plain(say(BOARD_LOCALE, 'handoff-slack-button-close')),
        confirm: {
          title: plain(say(BOARD_LOCALE, 'handoff-slack-confirm-close-title')),
          text: plain(say(BOARD_LOCALE, 'handoff-slack-confirm-close-text')),
          confirm: plain(say(BOARD_LOCALE, 'handoff-slack-button-close')),
          deny: plain(say(BOARD_LOCALE, 'handoff-slack-cancel')),
        },
      },
    );
  }
  // An answer given stays worth keeping after the ticket is closed.
  if (options.adoptable && ticket.answeredBy.length > 0) {
    out.push({ type: 'button', action_id: HANDOFF_ACTIONS.adopt, value, text: plain(say(BOARD_LOCALE, 'handoff-slack-button-adopt')) });
  }
  return out;
}

/**
 * The ticket message: the number as `#<n>`, language, time and state on top, the
 * question verbatim (escaped, in as many sections as it needs), a note if it was cut,
 * and the buttons. `text` is the notification; `metadata` carries the number alone.
 *
 * ```ts
 * await client.chat.postMessage({ channel, ...renderTicket(ticket, { say, adoptable: true }) });
 * ```
 */
export function renderTicket(ticket: TicketView, options: TicketRenderOptions): SlackMessage & { metadata: types.MessageMetadata } {
  const { say } = options;
  const title = sayMrkdwn(say, 'handoff-slack-ticket-title', { number: number(ticket) });
  const language = sayMrkdwn(say, `handoff-slack-locale-${ticket.locale}`);
  const blocks: types.KnownBlock[] = [
    { type: 'section', text: mrkdwn(`*${title}*`) },
    { type: 'context', elements: [mrkdwn(`${language} · ${slackDate(ticket.openedAt)}`)] },
    ...escapedPieces(ticket.question).map((piece): types.SectionBlock => ({ type: 'section', text: mrkdwn(piece) })),
  ];
  if (ticket.truncated) blocks.push({ type: 'context', elements: [mrkdwn(sayMrkdwn(say, 'handoff-slack-truncated'))] });
  blocks.push({ type: 'context', elements: [mrkdwn(stateLine(ticket, say))] });
  const actions = buttons(ticket, options);
  if (actions.length > 0) blocks.push({ type: 'actions', block_id: `handoff:${number(ticket)}`, elements: actions });
  const question = escapedPieces(ticket.question, LIMITS.fallbackText)[0] ?? '';
  return {
    text: sayMrkdwn(say, 'handoff-slack-ticket-notification', { number: number(ticket) }, { question }),
    blocks,
    metadata: { event_type: TICKET_METADATA_TYPE, event_payload: { ticket: ticket.number } },
  };
}

/** The modal behind "Antworten": one multiline input; what is typed goes to the citizen as it is. */
export function answerModal(ticket: TicketView, say: Say): types.ModalView {
  const cut = (text: string) =>
    Array.from(text).length <= MODAL_TITLE_MAX
      ? text
      : `${Array.from(text)
          .slice(0, MODAL_TITLE_MAX - 1)
          .join('')}…`;
  const question = escapedPieces(ticket.question, LIMITS.sectionText)[0] ?? '';
  return {
    type: 'modal',
    callback_id: ANSWER_MODAL,
    private_metadata: number(ticket),
    title: plain(cut(say(BOARD_LOCALE, 'handoff-slack-modal-title', { number: number(ticket) }))),
    submit: plain(cut(say(BOARD_LOCALE, 'handoff-slack-modal-submit'))),
    close: plain(cut(say(BOARD_LOCALE, 'handoff-slack-cancel'))),
    blocks: [
      { type: 'section', text: mrkdwn(question) },
      {
        type: 'input',
        block_id: ANSWER_INPUT.block,
        label: plain(say(BOARD_LOCALE, 'handoff-slack-modal-label')),
        hint: plain(say(BOARD_LOCALE, 'handoff-slack-modal-hint')),
        element: { type: 'plain_text_input', action_id: ANSWER_INPUT.action, multiline: true, max_length: INPUT_MAX },
      },
    ],
  };
}
