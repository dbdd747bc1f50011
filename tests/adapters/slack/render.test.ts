import { describe, expect, it } from 'vitest';
import { LIMITS, mrkdwnChunks, renderReply } from '../../../adapters/slack/render.js';
import type { Contact, Reply } from '../../../src/reply.js';
import { replyOf } from '../../support/assistant.js';
import { say } from '../../support/say.js';

/** A contact as the core hands it over (with its plain-text form, which newer cores add). */
const contactOf = (fields: Omit<Contact, 'text'>): Contact =>
  ({ ...fields, text: [fields.name, fields.office, fields.phone, fields.email].join('\n') }) as Contact;

const reply = (overrides: Partial<Reply> = {}): Reply => replyOf({ text: 'Hallo', intent: 'greeting', ...overrides });

type AnyBlock = {
  type: string;
  text?: { text: string };
  fields?: Array<{ text: string }>;
  elements?: Array<{ value?: string; action_id: string; text: { text: string } }>;
};
const blocksOf = (r: Reply) => renderReply(r, say).blocks as AnyBlock[];
/** The mrkdwn a message shows: its text alone when it has no blocks. */
const shownText = (r: Reply) => {
  const rendered = renderReply(r, say);
  return rendered.blocks ? JSON.stringify(rendered.blocks) : rendered.text;
};

describe('renderReply', () => {
  it('escapes &, < and > in text and fallback, so echoed text cannot ping or link', () => {
    const rendered = renderReply(reply({ text: 'Du schriebst: <script>&</script> <!channel> <@U1>' }), say);
    expect(rendered.text).toContain('&lt;script&gt;&amp;&lt;/script&gt; &lt;!channel&gt; &lt;@U1&gt;');
    expect(JSON.stringify(rendered)).not.toMatch(/<script|<!channel>|<@U1>/);
    const withButtons = renderReply(reply({ text: '<script>', choices: [{ id: 'c', label: 'C' }] }), say);
    expect((withButtons.blocks?.[0] as AnyBlock | undefined)?.text).toMatchObject({ type: 'mrkdwn', text: '&lt;script&gt;', verbatim: true });
  });

  it('sends a plain answer as one mrkdwn text, without blocks, as a person would', () => {
    expect(renderReply(reply({ text: 'Hallo & willkommen' }), say)).toEqual({ text: 'Hallo &amp; willkommen' });
  });

  it('links bare web addresses explicitly, leaving sentence punctuation outside', () => {
    expect(shownText(reply({ text: 'Mehr unter https://www.luebeck.de/engagement?a=1&b=2.' }))).toBe(
      'Mehr unter <https://www.luebeck.de/engagement?a=1&amp;b=2>.',
    );
  });

  it('splits long text into sections of at most 3000 characters, at paragraph or word boundaries', () => {
    const paragraph = 'Wort & Wort '.repeat(200).trim();
    const blocks = blocksOf(reply({ text: Array(5).fill(paragraph).join('\n\n') }));
    expect(blocks.length).toBeGreaterThan(1);
    for (const block of blocks) {
      expect(block.text?.text.length).toBeLessThanOrEqual(LIMITS.sectionText);
      expect(block.text?.text).not.toMatch(/&(?!amp;|lt;|gt;)|&a?m?p?$/);
    }
  });

  it('cuts a single over-long word without breaking an entity', () => {
    const chunks = mrkdwnChunks('&'.repeat(1000), 3000);
    expect(chunks.every((chunk) => chunk.length <= 3000 && /^(&amp;)+$/.test(chunk))).toBe(true);
    expect(chunks.join('')).toBe('&amp;'.repeat(1000));
  });

  it('never sends more than 50 blocks, and says when it cut', () => {
    const huge = Array.from({ length: 80 }, (_, i) => `Absatz ${i} `.repeat(300)).join('\n\n');
    const choices = Array.from({ length: 30 }, (_, i) => ({ id: `c${i}`, label: `Wahl ${i}` }));
    const blocks = blocksOf(reply({ text: huge, choices }));
    expect(blocks.length).toBeLessThanOrEqual(LIMITS.blocksPerMessage);
    expect(JSON.stringify(blocks)).toContain('gekürzt');
    expect(blocks.filter((block) => block.type === 'actions')).toHaveLength(2);
  });

  it('renders choices as buttons: value is the choice id, action_ids unique, labels at most 75 characters', () => {
    const choices = [
      { id: 'topic:funding', label: 'Förderung' },
      { id: 'topic:long', label: 'L'.repeat(120) },
    ];
    const buttons = blocksOf(reply({ choices })).flatMap((block) => (block.type === 'actions' ? (block.elements ?? []) : []));
    expect(buttons.map((button) => button.value)).toEqual(['topic:funding', 'topic:long']);
    expect(new Set(buttons.map((button) => button.action_id)).size).toBe(2);
    expect(buttons.every((button) => /^choice:\d+$/.test(button.action_id))).toBe(true);
    expect(Array.from(buttons[1]?.text.text as string)).toHaveLength(75);
  });

  it('renders links the text does not show, and a contact card', () => {
    const blocks = blocksOf(
      reply({
        text: 'Siehe https://a.example',
        links: [
          { label: 'A', url: 'https://a.example' },
          { label: 'Programm <neu>', url: 'https://b.example/x?y=1&z=2' },
        ],
        contacts: [
          contactOf({
            name: 'Ana Beispiel',
            office: 'Bürgerbüro',
            department: 'Engagement',
            phone: '0451 122 2029',
            email: 'engagement@example.org',
          }),
        ],
      }),
    );
    const all = JSON.stringify(blocks);
    expect(all).toContain('<https://b.example/x?y=1&amp;z=2|Programm &lt;neu&gt;>');
    expect(all.match(/https:\/\/a\.example/g)).toHaveLength(1);
    const card = blocks.find((block) => block.fields);
    expect(card?.text?.text).toContain('*Ana Beispiel*');
    expect(card?.fields?.map((field) => field.text)).toEqual([
      '*Telefon*\n<tel:04511222029|0451 122 2029>',
      '*E-Mail*\n<mailto:engagement@example.org|engagement@example.org>',
    ]);
  });

  const contact = contactOf({
    name: 'Ana Beispiel',
    office: 'Bürgerbüro',
    department: 'Engagement',
    phone: '0451 122 2029',
    email: 'engagement@example.org',
  });

  it('shows the contact once: a text that gives it gets tappable links and no card', () => {
    const rendered = renderReply(reply({ text: 'Ana Beispiel\nTel. 0451 122 2029\nE-Mail: engagement@example.org', contacts: [contact] }), say);
    const all = rendered.text;
    expect(rendered.blocks).toBeUndefined();
    expect(all.match(/0451 122 2029/g)).toHaveLength(1);
    expect(all).toContain('<tel:04511222029|0451 122 2029>');
    expect(all).toContain('<mailto:engagement@example.org|engagement@example.org>');
  });

  it('links an e-mail address in any text, leaving the full stop outside', () => {
    expect(shownText(reply({ text: 'Schreiben Sie an info@example.org.' }))).toBe('Schreiben Sie an <mailto:info@example.org|info@example.org>.');
  });

  it('labels the contact card in English for English replies', () => {
    const blocks = blocksOf(
      reply({ locale: 'en', contacts: [contactOf({ name: 'N', office: 'O', department: 'D', phone: '1', email: 'e@x.org' })] }),
    );
    expect(JSON.stringify(blocks)).toContain('*Phone*');
  });

  it('keeps the notification fallback within its limit', () => {
    expect(renderReply(reply({ text: '<&>'.repeat(5000) }), say).text.length).toBeLessThanOrEqual(LIMITS.fallbackText);
  });
});
