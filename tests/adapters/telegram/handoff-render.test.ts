import { describe, expect, it } from 'vitest';
import { consentData, offerIdOf, renderConsent, renderRelay, slackToPlainText } from '../../../adapters/telegram/handoff-render.js';
import { render } from '../../../adapters/telegram/render.js';
import { MAX_MESSAGE_LENGTH } from '../../../adapters/telegram/split-text.js';
import { toMessage } from '../../../adapters/telegram/to-message.js';
import { realAssistant } from '../../support/assistant.js';
import { FAKE_BOT } from '../../support/fake-telegram.js';
import { say } from '../../support/say.js';
import { checkTelegramHtml } from '../../support/telegram-html.js';

const visible = (html: string) => {
  const check = checkTelegramHtml(html);
  if (!check.ok) throw new Error(`Telegram would refuse ${JSON.stringify(html.slice(0, 80))}: ${check.error}`);
  return check.visibleText;
};

describe('the consent button', () => {
  it('carries only the offer id, in at most 64 bytes, and is told apart from every suggestion button', () => {
    const offerId = 'AbC_-123xyz0'; // the core's ids: 9 random bytes in base64url
    const data = consentData(offerId);
    expect(Buffer.byteLength(data, 'utf8')).toBeLessThanOrEqual(64);
    expect(data).toBe(`handoff:${offerId}`);
    expect(offerIdOf(data)).toBe(offerId);
    for (const choiceId of ['f:about', 'f:person:kontakt', 'f:local-partners']) expect(offerIdOf(choiceId)).toBeUndefined();
  });

  it('names the team on the button and says what is shared and where the answer arrives', () => {
    for (const [locale, label] of [
      ['de', 'An das Team weitergeben'],
      ['en', 'Ask the team'],
    ] as const) {
      const consent = renderConsent({ offerId: 'o1', truncated: false }, locale, say);
      expect(consent.options.reply_markup?.inline_keyboard).toEqual([[{ text: label, callback_data: 'handoff:o1' }]]);
      expect(visible(consent.text)).toBe(say(locale, 'handoff-telegram-offer'));
    }
    expect(say('de', 'handoff-telegram-offer')).toMatch(/nur den Text Ihrer Frage.*hier in diesen Chat/);
    expect(say('en', 'handoff-telegram-offer')).toMatch(/only the text of your question.*here in this chat/);
  });

  it('says when the question will be cut', () => {
    const consent = renderConsent({ offerId: 'o1', truncated: true }, 'de', say);
    expect(visible(consent.text)).toContain(say('de', 'handoff-telegram-offer-truncated'));
  });

  it('is a label no suggestion of the real core uses', () => {
    const assistant = realAssistant();
    const questions = ['/start', '/hilfe', '/help', 'Hallo', 'Gibt es Termine am Wochenende?', 'Do you have a dog?', 'Forum', 'Kontakt'];
    const labels = questions.flatMap((text, i) => {
      const reply = assistant.respond({ channel: 'telegram', conversationId: `tg:${i}`, text });
      return render(reply, assistant.say).messages.flatMap((m) => m.options.reply_markup?.inline_keyboard.flat().map((b) => b.text) ?? []);
    });
    expect(labels.length).toBeGreaterThan(5);
    for (const label of labels) expect(label).not.toMatch(/team|weitergeben/i);
  });

  it('is read back as a consent, not as a suggestion for the core', () => {
    const update = {
      update_id: 1,
      callback_query: {
        id: 'q1',
        from: { id: 42, is_bot: false, language_code: 'en' },
        data: 'handoff:o1',
        message: { message_id: 7, chat: { id: 42 } },
      },
    };
    expect(toMessage(update as never, FAKE_BOT)).toEqual({
      kind: 'consent',
      chatId: 42,
      offerId: 'o1',
      callbackQueryId: 'q1',
      buttonMessageId: 7,
      localeHint: 'en',
    });
  });
});

describe('slackToPlainText', () => {
  it("decodes Slack's &lt; &gt; &amp; once, as the member typed them", () => {
    expect(slackToPlainText('a &lt;b&gt; &amp; c', 'jemand')).toBe('a <b> & c');
    expect(slackToPlainText('&amp;lt; is how HTML writes &lt;', 'jemand')).toBe('&lt; is how HTML writes <');
  });

  it('turns Slack links, e-mail addresses, mentions and channels into plain text without Slack ids', () => {
    expect(slackToPlainText('Siehe <https://example.org/a?b=1&amp;c=2|die Seite> oder <https://example.org>', 'x')).toBe(
      'Siehe die Seite (https://example.org/a?b=1&c=2) oder https://example.org',
    );
    expect(slackToPlainText('<https://example.org|example.org>', 'x')).toBe('https://example.org');
    expect(slackToPlainText('Schreiben Sie an <mailto:info@example.org|info@example.org>', 'x')).toBe('Schreiben Sie an info@example.org');
    expect(slackToPlainText('Frag <@U0MEMBER01> oder <@U0MEMBER02|anna>, <!here>', 'jemand aus dem Team')).toBe(
      'Frag jemand aus dem Team oder @anna, @here',
    );
    expect(slackToPlainText('Siehe <#C0HANDOFF1|fragen> und <#C0OTHER01>.', 'x')).toBe('Siehe #fragen und .');
    expect(slackToPlainText('Am <!date^1700000000^{date}|14. November>', 'x')).toBe('Am 14. November');
  });

  it('leaves other text in brackets as written', () => {
    expect(slackToPlainText('<nicht markup>', 'x')).toBe('<nicht markup>');
  });
});

describe('renderRelay', () => {
  const relay = (text: string, locale: 'de' | 'en' = 'de') => renderRelay({ ticketNumber: 1234, text, locale }, say);

  it('marks the answer as coming from the network team, with the ticket number as the team sees it', () => {
    const [part, ...rest] = relay('Ja, samstags.');
    expect(rest).toEqual([]);
    expect(part!.text.startsWith('<b>Antwort aus dem Netzwerk (#1234):</b>')).toBe(true);
    expect(visible(part!.text)).toBe('Antwort aus dem Netzwerk (#1234):\n\nJa, samstags.');
    expect(visible(relay('Yes, on Saturdays.', 'en')[0]!.text)).toBe('Answer from the network team (#1234):\n\nYes, on Saturdays.');
  });

  it('escapes for Telegram what Slack decoded, so markup typed by a member stays text', () => {
    const [part] = relay('&lt;b&gt;nicht fett&lt;/b&gt; &amp; <https://example.org?a=1&amp;b=2|Link> &lt;script&gt;');
    expect(visible(part!.text)).toBe('Antwort aus dem Netzwerk (#1234):\n\n<b>nicht fett</b> & Link (https://example.org?a=1&b=2) <script>');
    expect(part!.options).toMatchObject({ parse_mode: 'HTML', link_preview_options: { is_disabled: true } });
  });

  it('splits a long answer at 4,096 visible characters, never inside an entity, losing nothing', () => {
    const sentence = 'Wir treffen uns &amp; planen &lt;Termine&gt; – ';
    const answer = sentence.repeat(300); // 12,000+ characters after decoding
    const parts = relay(answer);
    expect(parts.length).toBeGreaterThanOrEqual(3);
    const texts = parts.map((part) => visible(part.text));
    for (const text of texts) expect(text.length).toBeLessThanOrEqual(MAX_MESSAGE_LENGTH);
    const joined = texts.join(' ').replace(/\s+/g, ' ');
    expect(joined).toBe(`Antwort aus dem Netzwerk (#1234): ${slackToPlainText(answer, '').replace(/\s+/g, ' ')}`);
    // Only the first part carries the header.
    expect(texts.filter((text) => text.includes('Antwort aus dem Netzwerk'))).toHaveLength(1);
  });

  it('sends the header alone for an answer with no text left', () => {
    expect(relay('  \n ').map((p) => visible(p.text))).toEqual(['Antwort aus dem Netzwerk (#1234):']);
  });
});
