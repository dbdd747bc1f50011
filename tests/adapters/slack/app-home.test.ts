import { describe, expect, it } from 'vitest';
import { buildHomeView } from '../../../adapters/slack/app-home.js';
import type { Assistant } from '../../../src/assistant.js';
import type { IncomingMessage } from '../../../src/message.js';
import type { Contact, Reply } from '../../../src/reply.js';
import { realAssistant, replyOf } from '../../support/assistant.js';
import { say } from '../../support/say.js';

/** A contact as the core hands it over (with its plain-text form, which newer cores add). */
const contactOf = (fields: Omit<Contact, 'text'>): Contact =>
  ({ ...fields, text: [fields.name, fields.office, fields.phone, fields.email].join('\n') }) as Contact;

/** A core that records what it was asked and answers from a table: the contract, not a platform mock. */
function scriptedCore(answers: Record<string, Partial<Reply>>, sayText: Assistant['say'] = say) {
  const asked: IncomingMessage[] = [];
  const core: Assistant = {
    say: sayText,
    respond(message) {
      asked.push(message);
      return replyOf({ locale: message.localeHint ?? 'de', ...answers[message.text] });
    },
  };
  return { core, asked };
}

type Block = {
  type: string;
  text?: { text: string };
  elements?: Array<{ type: string; action_id?: string; value?: string; text?: { text: string } }>;
};

describe('buildHomeView', () => {
  it('shows the core’s help, a button per topic and the contact from /kontakt, nothing tied to a user', () => {
    const { core, asked } = scriptedCore({
      '/help': { text: 'Ich beantworte Fragen zur <Engagierten Stadt>.', choices: [{ id: 't1', label: 'Förderung' }] },
      '/kontakt': { contacts: [contactOf({ name: 'Ana', office: 'Bürgerbüro', department: 'Engagement', phone: '0451 0', email: 'a@example.org' })] },
    });
    const view = buildHomeView(core);
    const json = JSON.stringify(view);
    expect(view.type).toBe('home');
    expect(json).toContain('&lt;Engagierten Stadt&gt;');
    const buttons = (view.blocks as Block[]).flatMap((block) => (block.type === 'actions' ? (block.elements ?? []) : []));
    expect(buttons).toEqual([
      expect.objectContaining({ type: 'button', action_id: 'choice:0', value: 't1', text: expect.objectContaining({ text: 'Förderung' }) }),
    ]);
    expect(json).toContain('<tel:04510|0451 0>');
    expect(asked.map((message) => message.text)).toEqual(['/help', '/kontakt']);
    expect(asked.every((message) => message.userId === undefined)).toBe(true);
  });

  it('escapes the catalogue’s sentences in every mrkdwn text', () => {
    const { core } = scriptedCore({}, (locale, id) => `${id} <Frage> & ${locale}`);
    const mrkdwn: string[] = [];
    JSON.stringify(buildHomeView(core), (_key, value) => {
      if (value?.type === 'mrkdwn') mrkdwn.push(value.text);
      return value;
    });
    expect(mrkdwn).toContain('slack-home-how-to &lt;Frage&gt; &amp; de');
    expect(mrkdwn.join('\n')).not.toMatch(/<Frage>|& /);
  });

  it('is in the user’s language, from the core and the catalogue, and knows where its buttons answer', () => {
    const view = buildHomeView(realAssistant(), { locale: 'en', dmChannel: 'D42' });
    const json = JSON.stringify(view);
    expect(json).toContain(say('en', 'slack-home-topics'));
    expect(json).toContain(say('en', 'slack-contact-phone'));
    expect(json).not.toContain(say('de', 'slack-home-topics'));
    expect(view.private_metadata).toBe('D42');
    expect(json).toContain('0451 122 2029');
  });

  it('is German by default', () => {
    expect(JSON.stringify(buildHomeView(realAssistant()))).toContain(say('de', 'slack-home-topics'));
  });
});
