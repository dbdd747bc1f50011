import type { Locale } from '../message.js';
import { composeEntity } from './compose-entity.js';
import { composeContact, composeFallback, composeInvolve, composeList, composeNotListed, composeProgramme } from './compose-general.js';
import { answer, type Composed, menu, say } from './composed.js';
import type { KnowledgeView } from './knowledge-view.js';
import type { SmalltalkKind, Topic } from './topic.js';

/** Words a topic in the given language. `previous` is re-answered after a language switch. */
export function compose(topic: Topic, locale: Locale, view: KnowledgeView, previous?: Topic): Composed {
  switch (topic.kind) {
    case 'entity':
      return composeEntity(topic, locale, view);
    case 'programme':
      return composeProgramme(topic.facet, locale, view, topic.confirm, topic.denied);
    case 'list':
      return composeList(topic.list, locale, view);
    case 'contact':
      return composeContact(topic.facet, locale, view, topic.verdict);
    case 'involve':
      return composeInvolve(locale, view, topic.via);
    case 'not-listed':
      return composeNotListed(topic.name, locale, view);
    case 'smalltalk':
      return composeSmalltalk(topic.what, locale);
    case 'language': {
      const note = say(topic.locale, 'Alles klar, ich antworte auf Deutsch.', "Sure, I'll answer in English.");
      const repeatable = previous && !['smalltalk', 'language', 'fallback', 'unreadable', 'clarify'].includes(previous.kind);
      if (!repeatable) return answer(note, { choices: menu(topic.locale) });
      const again = compose(previous, topic.locale, view);
      return { ...again, text: `${note}\n\n${again.text}` };
    }
    case 'clarify': {
      const names = topic.ids.map((id) => view.nameOf(id));
      return answer(say(locale, `Meinen Sie ${joinOr(names, 'oder')}?`, `Do you mean ${joinOr(names, 'or')}?`), {
        choices: topic.ids.map((id) => ({ topic: { kind: 'entity', id, facet: 'describe' }, label: view.nameOf(id) })),
      });
    }
    case 'unreadable':
      return answer(
        topic.reason === 'empty'
          ? say(
              locale,
              'Ihre Nachricht war leer. Schreiben Sie mir einfach Ihre Frage zur Engagierten Stadt Lübeck.',
              'Your message was empty. Just type your question about Engagierte Stadt Lübeck.',
            )
          : say(
              locale,
              'Ich verstehe nur Text. Schreiben Sie mir Ihre Frage bitte in Worten.',
              'I can only read text. Please type your question in words.',
            ),
        { fallback: true, choices: menu(locale) },
      );
    case 'fallback':
      return composeFallback(locale, view);
  }
}

function joinOr(items: string[], word: string): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} ${word} ${items[items.length - 1]}`;
}

function composeSmalltalk(what: SmalltalkKind, locale: Locale): Composed {
  switch (what) {
    case 'greeting':
      return answer(
        say(
          locale,
          'Hallo! Ich bin der Infobot der Engagierten Stadt Lübeck. Fragen Sie mich, was das Programm ist, wer mitmacht, wer es trägt oder an wen Sie sich wenden können.',
          'Hello! I am the info bot of Engagierte Stadt Lübeck. Ask me what the programme is, who takes part, who funds it or whom to contact.',
        ),
        { choices: menu(locale) },
      );
    case 'start':
      return answer(
        say(
          locale,
          'Willkommen beim Infobot der Engagierten Stadt Lübeck! Ich beantworte Fragen zum Programm, zu Akteuren, Partnern und Förderern und sage Ihnen, an wen Sie sich wenden können. Wählen Sie ein Thema oder fragen Sie einfach drauflos.',
          'Welcome to the Engagierte Stadt Lübeck info bot! I answer questions about the programme, its actors, partners and sponsors, and tell you whom to contact. Pick a topic or just ask.',
        ),
        { choices: menu(locale) },
      );
    case 'help':
      return answer(
        say(
          locale,
          'Ich bin der Infobot der Engagierten Stadt Lübeck und beantworte Fragen wie:\n• Was ist das Programm, seit wann ist Lübeck dabei, wie viele Städte machen mit?\n• Wer sind die Akteure und lokalen Partner (z. B. ePunkt e.V., Steuerungsgruppe)?\n• Wer trägt und fördert das Programm?\n• Wann trifft sich die Steuerungsgruppe, was ist das Forum Ehrenamt?\n• Wie kann ich mitmachen, wen kann ich anrufen?\nTippfehler und Fragen ohne Umlaute verstehe ich auch.',
          'I am the info bot of Engagierte Stadt Lübeck and answer questions such as:\n• What is the programme, since when is Lübeck in, how many cities take part?\n• Who are the actors and local partners (e.g. ePunkt e.V., the steering group)?\n• Who carries and funds the programme?\n• When does the steering group meet, what is the Forum Ehrenamt?\n• How can I get involved, whom can I call?\nTypos are fine.',
        ),
        { choices: menu(locale) },
      );
    case 'thanks':
      return answer(say(locale, 'Gern geschehen! Fragen Sie gern weiter.', "You're welcome! Feel free to ask more."));
    case 'goodbye':
      return answer(
        say(
          locale,
          'Auf Wiedersehen – und danke für Ihr Interesse am Engagement in Lübeck!',
          'Goodbye – and thank you for your interest in civic engagement in Lübeck!',
        ),
      );
    case 'ack':
      return answer(
        say(
          locale,
          'Gut! Haben Sie noch eine Frage zur Engagierten Stadt Lübeck?',
          'Good! Anything else you would like to know about Engagierte Stadt Lübeck?',
        ),
        { choices: menu(locale) },
      );
  }
}
