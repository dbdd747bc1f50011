import { describe, expect, it } from 'vitest';
import { buildHomeView } from '../../../adapters/slack/app-home.js';
import type { Assistant } from '../../../src/assistant.js';
import type { IncomingMessage } from '../../../src/message.js';
import type { Reply } from '../../../src/reply.js';
import { realAssistant } from '../../support/assistant.js';
import { say } from '../../support/say.js';

/** A core that records what it was asked and answers from a table: the contract, not a platform mock. */
function scriptedCore(answers: Record<string, Partial<Reply>>) {
  const asked: IncomingMessage[] = [];
  const core: Assistant = {
    say,
    respond(message) {
      asked.push(message);
      return {
        text: '',
        locale: 'de',
        intent: null,
        confidence: 1,
        fallback: false,
        choices: [],
        links: [],
        contacts: [],
        handoff: false,
        ...answers[message.text],
      };
    },
  };
  return { core, asked };
}

describe('buildHomeView', () => {
  it('shows the core’s help, its topics and the contact from /kontakt', () => {
    const { core, asked } = scriptedCore({
      '/help': { text: 'Ich beantworte Fragen zur <Engagierten Stadt>.', choices: [{ id: 't1', label: 'Förderung' }] },
      '/kontakt': {
        contacts: [{ name: 'Ana', office: 'Bürgerbüro', department: 'Engagement', phone: '0451 0', email: 'a@example.org', text: 'Ana' }],
      },
    });
    const view = buildHomeView(core);
    const json = JSON.stringify(view);
    expect(view.type).toBe('home');
    expect(json).toContain('&lt;Engagierten Stadt&gt;');
    expect(json).toContain('• Förderung');
    expect(json).toContain('0451 0');
    expect(asked.map((message) => message.text)).toEqual(['/help', '/kontakt']);
    expect(asked.every((message) => message.userId === undefined)).toBe(true);
  });

  it('includes the contact of the real knowledge', () => {
    expect(JSON.stringify(buildHomeView(realAssistant()))).toContain('0451 122 2029');
  });
});
