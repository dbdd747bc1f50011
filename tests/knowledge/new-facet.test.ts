import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createAssistant } from '../../src/assistant.js';
import { loadKnowledge } from '../../src/knowledge/load.js';
import { renderPlainText } from '../../src/reply.js';
import { knowledgeCopy, removeKnowledgeDirs } from '../support/knowledge-dirs.js';

afterAll(removeKnowledgeDirs);

/**
 * A kind of fact added in the knowledge only – a facet, a field on one subject and two
 * messages – is answered by the running code and the fitted model as they are, without
 * `npm run train`.
 */
function withParkingFacet(): string {
  const dir = knowledgeCopy();
  appendFileSync(
    join(dir, 'programme', 'facets.yaml'),
    `
  - id: parking
    kind: fact
    fields: [{ name: parking, type: text }]
    cues:
      de: [parken, Parkplatz, Parkplätze, Parkhaus, mit dem Auto]
      en: [parking, park, car park]
    examples:
      de:
        - Wo kann man beim Forum parken?
        - Gibt es Parkplätze bei der Veranstaltung?
        - Kann ich mit dem Auto kommen, gibt es ein Parkhaus?
      en:
        - Is there parking at the forum?
        - Where can I park my car?
`,
  );
  const organisations = join(dir, 'city', 'organisations.yaml');
  const text = readFileSync(organisations, 'utf8');
  writeFileSync(
    organisations,
    text.replace(
      '  - id: forum-ehrenamt\n',
      '  - id: forum-ehrenamt\n    parking: { de: im Parkhaus gleich neben dem Tagungsort, en: in the car park right next to the venue }\n',
    ),
  );
  appendFileSync(
    join(dir, 'city', 'messages.de.ftl'),
    '\nanswer-parking = Parken können Sie { $value }.\nmissing-parking = Wo man { DEF($subject, prep: "bei") } parken kann, steht auf der Seite nicht.\n',
  );
  appendFileSync(
    join(dir, 'city', 'messages.en.ftl'),
    '\nanswer-parking = You can park { $value }.\nmissing-parking = The page does not say where to park for { DEF($subject) }.\n',
  );
  return dir;
}

describe('a facet added only in the knowledge', () => {
  const assistant = createAssistant(loadKnowledge(withParkingFacet()));
  const ask = (text: string) => assistant.respond({ channel: 'terminal', conversationId: text, text });

  it('is answered where the subject has the fact', () => {
    const reply = ask('Gibt es beim Forum Ehrenamt Parkplätze?');
    expect(renderPlainText(reply)).toContain('im Parkhaus gleich neben dem Tagungsort');
    expect(reply.fallback).toBe(false);
    expect(renderPlainText(ask('Where can I park for the Forum Ehrenamt?'))).toContain('car park right next to the venue');
  });

  it('says honestly that the page does not say, where the subject lacks it', () => {
    const reply = ask('Wo kann man bei der Steuerungsgruppe parken?');
    expect(reply.fallback).toBe(true);
    expect(reply.text).toContain('steht auf der Seite nicht');
  });

  it('leaves the other questions as they were', () => {
    expect(renderPlainText(ask('Wie oft findet das Forum Ehrenamt statt?'))).toContain('einmal im Jahr');
  });
});
