import { describe, expect, it } from 'vitest';
import { answerModal, HANDOFF_ACTIONS, renderTicket } from '../../../adapters/slack/handoff-render.js';
import { handoffReplyOf, labelMentions, plainAnswer, wireFromTyped } from '../../../adapters/slack/handoff-reply.js';
import { escapedPieces } from '../../../adapters/slack/render.js';
import type { TicketView } from '../../../src/handoff/port.js';
import { say } from '../../support/say.js';

const ticket = (fields: Partial<TicketView> = {}): TicketView => ({
  number: 7,
  state: 'open',
  question: 'Gibt es Parkplätze?',
  truncated: false,
  locale: 'de',
  openedAt: Date.UTC(2026, 11, 1, 13, 5),
  answeredBy: [],
  closedBy: undefined,
  closeReason: undefined,
  ...fields,
});

type Block = { type: string; text?: { text: string }; elements?: { action_id?: string; text?: string | { text: string } }[] };
const blocksOf = (t: TicketView, adoptable = false) => renderTicket(t, { say, adoptable }).blocks as Block[];
const actionIds = (blocks: Block[]) => blocks.filter((b) => b.type === 'actions').flatMap((b) => (b.elements ?? []).map((e) => e.action_id));
const all = (blocks: Block[]) => JSON.stringify(blocks);
const decode = (mrkdwn: string) => mrkdwn.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

describe('renderTicket', () => {
  it('shows the number as #<n> without a group separator, the language and the time', () => {
    const blocks = blocksOf(ticket({ number: 1234, locale: 'en' }));
    expect(all(blocks)).toContain('#1234');
    expect(all(blocks)).not.toContain('1.234');
    expect(all(blocks)).toContain('Englisch');
    expect(all(blocks)).toContain(`<!date^${Date.UTC(2026, 11, 1, 13, 5) / 1000}^{date_short_pretty} {time}|2026-12-01 13:05 UTC>`);
  });

  it('keeps a long question whole, escaped, in sections within Slack’s limits', () => {
    const question = `${'<&>'.repeat(900)} $& $' Ende`;
    const blocks = blocksOf(ticket({ question, truncated: true }));
    const sections = blocks.filter((b) => b.type === 'section').slice(1);
    expect(blocks.length).toBeLessThanOrEqual(50);
    for (const section of sections) expect(section.text?.text.length).toBeLessThanOrEqual(3000);
    expect(decode(sections.map((section) => section.text?.text).join(''))).toBe(question);
    expect(all(blocks)).toContain(say('de', 'handoff-slack-truncated'));
    // `$&` in the question is text, not a replacement pattern.
    expect(renderTicket(ticket({ question: 'a $& b' }), { say, adoptable: false }).text).toContain('a $&amp; b');
  });

  it('answered: who answered, still "Antworten" and "Schließen", and "Als Antwort übernehmen" only with an adopter', () => {
    const answered = ticket({ state: 'answered', answeredBy: ['U1', 'U2'] });
    expect(all(blocksOf(answered))).toContain('<@U1>, <@U2>');
    expect(actionIds(blocksOf(answered))).toEqual([HANDOFF_ACTIONS.answer, HANDOFF_ACTIONS.close]);
    expect(actionIds(blocksOf(answered, true))).toEqual([HANDOFF_ACTIONS.answer, HANDOFF_ACTIONS.close, HANDOFF_ACTIONS.adopt]);
    expect(actionIds(blocksOf(ticket(), true))).toEqual([HANDOFF_ACTIONS.answer, HANDOFF_ACTIONS.close]);
  });

  it('closed: by whom or by the retention time, without "Antworten" and "Schließen"', () => {
    const closed = ticket({ state: 'closed', closedBy: 'U3', closeReason: 'closed', answeredBy: ['U1'] });
    expect(all(blocksOf(closed))).toContain('Geschlossen von <@U3>.');
    expect(all(blocksOf(closed))).toContain('Beantwortet von <@U1>.');
    expect(actionIds(blocksOf(closed))).toEqual([]);
    expect(actionIds(blocksOf(closed, true))).toEqual([HANDOFF_ACTIONS.adopt]);
    expect(all(blocksOf(ticket({ state: 'closed', closeReason: 'expired' })))).toContain(say('de', 'handoff-slack-state-expired'));
  });

  it('carries nothing but the number in its metadata and buttons', () => {
    const message = renderTicket(ticket({ state: 'answered', answeredBy: ['U1'] }), { say, adoptable: true });
    expect(message.metadata).toEqual({ event_type: 'engagiert_handoff_ticket', event_payload: { ticket: 7 } });
    const values = (message.blocks as Block[]).flatMap((b) => (b.type === 'actions' ? (b.elements as { value?: string }[]) : [])).map((e) => e.value);
    expect(values).toEqual(['7', '7', '7']);
  });
});

describe('answerModal', () => {
  it('fits Slack’s 24 characters for title and buttons, with a multiline input', () => {
    const modal = answerModal(ticket({ number: 123456789012 }), say);
    expect(modal.title.text.length).toBeLessThanOrEqual(24);
    expect(modal.private_metadata).toBe('123456789012');
    expect(JSON.stringify(modal.blocks)).toContain('"multiline":true');
  });
});

describe('escapedPieces', () => {
  it('never cuts an entity or a surrogate pair', () => {
    const pieces = escapedPieces('a&😀&b', 6);
    expect(pieces).toEqual(['a&amp;', '😀', '&amp;b']);
  });
});

describe('handoffReplyOf', () => {
  const base = { type: 'message', channel: 'CH', user: 'U1', text: 'Ja', ts: '2.0', thread_ts: '1.0' };
  const context = { handoffChannel: 'CH', botUserId: 'UBOT' };

  it('takes a person’s reply in a thread of the hand-off channel', () => {
    expect(handoffReplyOf(base, context)).toEqual({ channel: 'CH', threadTs: '1.0', ts: '2.0', user: 'U1', wire: 'Ja', withFiles: false });
    expect(handoffReplyOf({ ...base, subtype: 'thread_broadcast' }, context)).toBeDefined();
    expect(handoffReplyOf({ ...base, subtype: 'file_share' }, context)?.withFiles).toBe(true);
  });

  it('leaves edits, bots, the bot itself, other channels, top-level messages and odd shapes alone', () => {
    for (const event of [
      { ...base, subtype: 'message_changed' },
      { ...base, bot_id: 'B1' },
      { ...base, user: 'UBOT' },
      { ...base, channel: 'COTHER' },
      { ...base, thread_ts: undefined },
      { ...base, thread_ts: '2.0' },
      { ...base, ts: 7 },
      { ...base, type: 'app_mention' },
    ]) {
      expect(handoffReplyOf(event, context), JSON.stringify(event)).toBeUndefined();
    }
  });
});

describe('labelMentions', () => {
  const names: Record<string, string> = { U1: 'Ana', U2: 'Ben <|> Admin' };
  const options = { nameOf: async (id: string) => names[id], botUserId: 'UBOT' };

  it('gives mentions the member’s name, drops the bot’s own, and leaves the rest of the wire text alone', async () => {
    expect(await labelMentions('<@UBOT> Fragen Sie <@U1>, <@U2> oder <@U9>: <https://x.de/a?b=1&amp;c=2|hier> &lt;b&gt;', options)).toBe(
      'Fragen Sie <@U1|Ana>, <@U2|Ben  Admin> oder <@U9>: <https://x.de/a?b=1&amp;c=2|hier> &lt;b&gt;',
    );
  });

  it('survives a name look-up that fails', async () => {
    expect(await labelMentions('Hallo <@U1>', { ...options, nameOf: () => Promise.reject(new Error('down')) })).toBe('Hallo <@U1>');
  });
});

describe('wireFromTyped and plainAnswer', () => {
  it('a typed answer goes to wire form and back unchanged, entities included', () => {
    const typed = 'Ja <genau> & &amp; so';
    expect(wireFromTyped(typed)).toBe('Ja &lt;genau&gt; &amp; &amp;amp; so');
    expect(plainAnswer(wireFromTyped(typed), 'jemand')).toBe(typed);
  });

  it('keeps link addresses, names mentions, and drops channel ids', () => {
    expect(
      plainAnswer('Siehe <https://x.de|hier>, <https://y.de>, <mailto:a@b.de|a@b.de>, <@U1|Ana>, <@U2>, <#C1>, <#C2|info>, <!here>', 'jemand'),
    ).toBe('Siehe hier (https://x.de), https://y.de, a@b.de, @Ana, @jemand, , #info, @here');
  });
});
