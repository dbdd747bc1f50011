import { describe, expect, it } from 'vitest';
import { toContactCard, toInternationalPhone } from '../../../adapters/telegram/contact-card.js';
import { escapeHtml } from '../../../adapters/telegram/html.js';
import { render } from '../../../adapters/telegram/render.js';
import { splitText } from '../../../adapters/telegram/split-text.js';
import type { Contact, Reply } from '../../../src/reply.js';
import { replyOf } from '../../support/assistant.js';
import { say } from '../../support/say.js';
import { checkTelegramHtml } from '../../support/telegram-html.js';

function reply(overrides: Partial<Reply>): Reply {
  return replyOf({ text: 'Hallo', intent: 'x', ...overrides });
}

const contact: Contact = {
  name: 'Engagierte Stadt Lübeck',
  office: 'Hansestadt Lübeck',
  department: 'Bürgerschaftliches Engagement',
  phone: '0451 122 2029',
  email: 'engagement@luebeck.de',
  text: 'Engagierte Stadt Lübeck',
};

/** What the user would read, checked the way Telegram parses HTML. */
function visible(html: string): string {
  const check = checkTelegramHtml(html);
  if (!check.ok) throw new Error(check.error);
  return check.visibleText;
}

describe('render', () => {
  it('escapes hostile text completely, so Telegram shows it literally', () => {
    const hostile = '<script>alert("x")</script> & <b>fett</b> &amp;';
    const [message] = render(reply({ text: `Sie schrieben: ${hostile}` }), say).messages;
    expect(message!.text).not.toContain('<script>');
    expect(visible(message!.text)).toBe(`Sie schrieben: ${hostile}`);
    expect(message!.options.parse_mode).toBe('HTML');
  });

  it('turns choices into buttons whose callback_data is the choice id', () => {
    const rendered = render(
      reply({
        choices: [
          { id: 'menu:programme', label: 'Programm' },
          { id: 'menu:actors', label: 'Akteure' },
          { id: 'menu:partners', label: 'Partner' },
          { id: 'menu:contact', label: 'Kontakt' },
        ],
      }),
      say,
    );
    expect(rendered.messages[0]!.options.reply_markup).toEqual({
      inline_keyboard: [
        [
          { text: 'Programm', callback_data: 'menu:programme' },
          { text: 'Akteure', callback_data: 'menu:actors' },
        ],
        [
          { text: 'Partner', callback_data: 'menu:partners' },
          { text: 'Kontakt', callback_data: 'menu:contact' },
        ],
      ],
    });
  });

  it('puts long labels one per row and leaves out ids that do not fit 64 bytes', () => {
    const tooLong = 'ü'.repeat(33); // 66 bytes in UTF-8, though only 33 characters
    const rendered = render(
      reply({
        choices: [
          { id: 'topic:a', label: 'Wie werde ich ehrenamtlich aktiv?' },
          { id: tooLong, label: 'Zu lang' },
          { id: 'topic:b', label: 'Wer sind die Partner?' },
        ],
      }),
      say,
    );
    expect(rendered.messages[0]!.options.reply_markup?.inline_keyboard).toEqual([
      [{ text: 'Wie werde ich ehrenamtlich aktiv?', callback_data: 'topic:a' }],
      [{ text: 'Wer sind die Partner?', callback_data: 'topic:b' }],
    ]);
    expect(rendered.skippedChoiceIds).toEqual([tooLong]);
  });

  it('lists links not already in the text, with previews off', () => {
    const rendered = render(
      reply({
        text: 'Mehr unter https://www.engagiertestadt.de.',
        links: [
          { label: 'Engagierte Stadt', url: 'https://www.engagiertestadt.de' },
          { label: 'Lübeck & "Engagement"', url: 'https://luebeck.de/?a=1&b="2"' },
        ],
      }),
      say,
    );
    const [message] = rendered.messages;
    expect(message!.options.link_preview_options).toEqual({ is_disabled: true });
    expect(message!.text).toContain('<a href="https://luebeck.de/?a=1&amp;b=&quot;2&quot;">Lübeck &amp; "Engagement"</a>');
    expect(message!.text.match(/engagiertestadt\.de/g)).toHaveLength(1);
    expect(visible(message!.text)).toContain('Lübeck & "Engagement"');
  });

  it('keeps link previews on for answers without links', () => {
    expect(render(reply({ text: 'Kein Link.' }), say).messages[0]!.options.link_preview_options).toBeUndefined();
  });

  it('adds a contact card, and writes out phone and e-mail when the text lacks them', () => {
    const rendered = render(reply({ text: 'Ihr Ansprechpartner:', contacts: [contact] }), say);
    expect(rendered.contactCard?.phoneNumber).toBe('+494511222029');
    const text = visible(rendered.messages[0]!.text);
    expect(text).toContain('0451 122 2029');
    expect(text).toContain('engagement@luebeck.de');
  });

  it('renders the contact of an honest decline too, lines and card (the core names it only where it helps)', () => {
    const rendered = render(reply({ text: 'Das weiß ich leider nicht.', fallback: true, intent: null, contacts: [contact] }), say);
    expect(rendered.contactCard?.phoneNumber).toBe('+494511222029');
    expect(visible(rendered.messages[0]!.text)).toContain('Telefon: 0451 122 2029');
  });

  it('labels the contact lines in the reply language, from the catalogue', () => {
    const rendered = render(reply({ text: 'Your contact:', locale: 'en', contacts: [contact] }), say);
    expect(visible(rendered.messages[0]!.text)).toContain('Phone: 0451 122 2029');
    expect(visible(rendered.messages[0]!.text)).toContain('Email: engagement@luebeck.de');
  });

  it('does not repeat phone and e-mail the text already has', () => {
    const text = 'Rufen Sie an: 0451 122 2029 oder schreiben Sie an engagement@luebeck.de.';
    const rendered = render(reply({ text, contacts: [contact] }), say);
    expect(visible(rendered.messages[0]!.text)).toBe(text);
    expect(rendered.contactCard).toBeDefined();
  });

  it('splits answers over 4096 characters into valid messages, buttons under the last', () => {
    const paragraph = `${'Engagement in Lübeck verbindet Menschen. '.repeat(40).trim()}\n\n`;
    const text = paragraph.repeat(8);
    const rendered = render(reply({ text, choices: [{ id: 'more', label: 'Mehr' }] }), say);
    expect(rendered.messages.length).toBeGreaterThan(1);
    for (const message of rendered.messages) expect(visible(message.text).length).toBeLessThanOrEqual(4096);
    expect(rendered.messages.map((m) => visible(m.text)).join('\n\n')).toBe(text.trim());
    expect(rendered.messages.at(-1)!.options.reply_markup).toBeDefined();
    expect(rendered.messages.slice(0, -1).every((m) => m.options.reply_markup === undefined)).toBe(true);
  });

  it('never splits inside an escaped character', () => {
    const rendered = render(reply({ text: '&'.repeat(5000) }), say);
    expect(rendered.messages).toHaveLength(2);
    for (const message of rendered.messages) expect(() => visible(message.text)).not.toThrow();
  });

  it('never sends an empty message', () => {
    expect(visible(render(reply({ text: '   ', choices: [{ id: 'a', label: 'A' }] }), say).messages[0]!.text)).toBe('Bitte wählen Sie:');
  });
});

describe('splitText', () => {
  it('leaves short text alone', () => {
    expect(splitText('kurz')).toEqual(['kurz']);
  });

  it('prefers paragraph, then line, then sentence, then word boundaries', () => {
    expect(splitText('aaaa bbbb\n\ncccc', 12)).toEqual(['aaaa bbbb', 'cccc']);
    expect(splitText('aaaa bbbb\ncccc', 12)).toEqual(['aaaa bbbb', 'cccc']);
    expect(splitText('Eins zwei. Drei vier', 14)).toEqual(['Eins zwei.', 'Drei vier']);
    expect(splitText('eins zwei drei', 11)).toEqual(['eins zwei', 'drei']);
  });

  it('cuts words without spaces hard, but never between the halves of an emoji', () => {
    const chunks = splitText(`a${'😀'.repeat(10)}`, 4);
    expect(chunks.join('')).toBe(`a${'😀'.repeat(10)}`);
    for (const chunk of chunks) {
      expect(chunk.length).toBeLessThanOrEqual(4);
      expect(chunk).not.toMatch(/^[\udc00-\udfff]|[\ud800-\udbff]$/);
    }
  });
});

describe('contact card', () => {
  it('uses international numbers', () => {
    expect(toInternationalPhone('0451 122 2029')).toBe('+494511222029');
    expect(toInternationalPhone('+49 (451) 122-2029')).toBe('+494511222029');
    expect(toInternationalPhone('0049 451 1222029')).toBe('+494511222029');
  });

  it('carries e-mail, office and department in an escaped vCard', () => {
    const card = toContactCard({ ...contact, department: 'Engagement; Ehrenamt, Beteiligung' });
    expect(card.vcard).toContain('EMAIL;TYPE=WORK:engagement@luebeck.de');
    expect(card.vcard).toContain('ORG:Hansestadt Lübeck;Engagement\\; Ehrenamt\\, Beteiligung');
    expect(card.firstName).toBe('Engagierte Stadt Lübeck');
  });
});

describe('escapeHtml', () => {
  it('escapes the three characters Telegram requires', () => {
    expect(escapeHtml('a < b > c & d')).toBe('a &lt; b &gt; c &amp; d');
  });
});
