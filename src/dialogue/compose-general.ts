import type { Role } from '../knowledge/schema.js';
import type { Locale } from '../message.js';
import { answer, type Composed, menu, say } from './composed.js';
import { bullets, capitalise, joinList, type KnowledgeView, pick } from './knowledge-view.js';
import type { ContactFacet, ListName, ProgrammeFacet } from './topic.js';

/** Answers about the programme as a whole. */
export function composeProgramme(facet: ProgrammeFacet, locale: Locale, view: KnowledgeView, confirm = false, denied = false): Composed {
  const opening = denied ? say(locale, 'Nein – ', 'No – ') : confirm ? say(locale, 'Ja – ', 'Yes – ') : '';
  const p = view.knowledge.programme;
  const joined = pick(p.joined.text, locale);
  const cities = `${pick(p.cities.qualifier, locale)} ${p.cities.count}`;
  const applicant = view.nameOf(p.appliedBy);
  const link = { links: [{ label: p.name, url: p.website }] };
  switch (facet) {
    case 'describe':
      return answer(
        say(
          locale,
          `${opening}${p.name} ist ${pick(p.description, locale)} Dazu gehören ${cities} Städte; Lübeck ist seit ${joined} dabei. Mehr: ${p.website}`,
          `${opening}${p.name} (Engaged City) is ${pick(p.description, locale)} It has ${cities} member cities; Lübeck joined in ${joined}. More: ${p.website}`,
        ),
        {
          ...link,
          choices: [
            { topic: { kind: 'programme', facet: 'luebeck' }, label: say(locale, 'Lübeck im Programm', 'Lübeck in the programme') },
            { topic: { kind: 'list', list: 'sponsors' }, label: say(locale, 'Programmträger', 'Sponsors') },
          ],
        },
      );
    case 'count':
      return answer(
        say(
          locale,
          `Zum Netzwerk ${p.name} gehören ${cities} Städte in Deutschland – Lübeck seit ${joined}.`,
          `${capitalise(cities)} cities in Germany belong to the ${p.name} network – Lübeck since ${joined}.`,
        ),
      );
    case 'joined':
      return answer(
        say(
          locale,
          `${opening}Lübeck ist seit ${joined} Teil des bundesweiten Netzwerks ${p.name}. Beworben hatte sich die ${applicant} – mit Erfolg.`,
          `${opening}Lübeck has been part of the nationwide ${p.name} network since ${joined}, after a successful application by the ${applicant}.`,
        ),
      );
    case 'applied':
      return answer(
        say(
          locale,
          `Die Bewerbung Lübecks hat die ${applicant} eingereicht – erfolgreich: Seit ${joined} ist Lübeck dabei. Unterstützt wurde sie von ${pick(p.applicationSupport, locale)}.`,
          `Lübeck's application was submitted by the ${applicant} – successfully: Lübeck has been in since ${joined}. It was backed by ${pick(p.applicationSupport, locale)}.`,
        ),
        { choices: [{ topic: { kind: 'list', list: 'local-partners' }, label: say(locale, 'Lokale Partner', 'Local partners') }] },
      );
    case 'topics':
      return answer(
        say(
          locale,
          `${opening}Themen, zu denen sich die Städte im Netzwerk austauschen und Best-Practice-Lösungen teilen:\n${bullets(p.topics.map((t) => t.de))}`,
          `${opening}Topics on which the network's cities exchange experience and share best-practice solutions:\n${bullets(p.topics.map((t) => t.en))}`,
        ),
      );
    case 'goal':
      return answer(
        `${say(locale, 'Ziel des Programms', 'The aim of the programme')}: ${capitalise(pick(p.description, locale))} ${pick(p.luebeck, locale)}`,
        link,
      );
    case 'luebeck':
      return answer(`${opening}${pick(p.luebeck, locale)}`);
    case 'website':
      return answer(
        say(locale, `Mehr zum Netzwerkprogramm ${p.name}: ${p.website}`, `More about the ${p.name} network programme: ${p.website}`),
        link,
      );
    case 'people': {
      const photo = view.photo();
      const lines = (photo?.people ?? []).map((id) => view.people.get(id)!).map((person) => `${person.name} – ${pick(person.role, locale)}`);
      const contact = view.contact();
      return answer(
        say(
          locale,
          `Auf dem Foto der Seite (von links): \n${bullets(lines)}\nFoto: ${photo?.credit}. Ansprechpartner ist ${contact.name} (${contact.office}).`,
          `In the photo on the page (from left):\n${bullets(lines)}\nPhoto: ${photo?.credit}. The contact person is ${contact.name} (${contact.office}).`,
        ),
      );
    }
  }
}

/** Answers that list several organisations or events. */
export function composeList(list: ListName, locale: Locale, view: KnowledgeView): Composed {
  const p = view.knowledge.programme;
  switch (list) {
    case 'local-partners':
      return answer(
        `${say(
          locale,
          `Lübecks Bewerbung unterstützten ${pick(p.applicationSupport, locale)} – die ${view.withRole('local-partner').length} lokalen Partner:`,
          `Lübeck's application was backed by ${pick(p.applicationSupport, locale)} – the ${view.withRole('local-partner').length} local partners:`,
        )}\n${bullets(view.withRole('local-partner').map((o) => o.name))}`,
        {
          choices: [
            { topic: { kind: 'list', list: 'sponsors' }, label: say(locale, 'Programmträger', 'Sponsors') },
            { topic: { kind: 'list', list: 'actors' }, label: say(locale, 'Akteure', 'Actors') },
          ],
        },
      );
    case 'actors': {
      const lines = view.withRole('actor').map((org) => {
        const note = org.rhythm
          ? pick(org.rhythm, locale)
          : org.partOf
            ? say(locale, `in ${view.nameOf(org.partOf)}`, `within ${view.nameOf(org.partOf)}`)
            : undefined;
        const members = org.members
          ? joinList(
              org.members.map((id) => view.nameOf(id)),
              locale,
            )
          : undefined;
        const detail = note ?? members;
        return detail ? `${org.name} (${detail})` : org.name;
      });
      return answer(
        say(
          locale,
          `Zu den Akteuren der Engagierten Stadt Lübeck gehören unter anderem:\n${bullets(lines)}`,
          `The actors of Engagierte Stadt Lübeck include:\n${bullets(lines)}`,
        ),
        {
          choices: view
            .withRole('actor')
            .slice(0, 4)
            .map((org) => ({
              topic: { kind: 'entity', id: org.id, facet: 'describe' },
              label: org.aliases[0] && org.aliases[0].length < org.name.length ? org.aliases[0] : org.name,
            })),
        },
      );
    }
    case 'sponsors': {
      const sponsors = view.withRole('programme-sponsor').map((o) => o.name);
      const further = view.withRole('programme-partner').map((o) => o.name);
      return answer(
        say(
          locale,
          `Das Programm ${p.name} trägt ein Konsortium aus ${sponsors.length} Partnern ${pick(p.sponsorsLevel, locale)}:\n${bullets(sponsors)}\nWeitere Partner: ${joinList(further, locale)}.`,
          `The ${p.name} programme is carried by a consortium of ${sponsors.length} partners ${pick(p.sponsorsLevel, locale)}:\n${bullets(sponsors)}\nFurther partners: ${joinList(further, locale)}.`,
        ),
      );
    }
    case 'further-partners':
      return answer(
        say(locale, `Weitere Partner des Programms ${p.name}:`, `Further partners of the ${p.name} programme:`) +
          `\n${bullets(view.withRole('programme-partner').map((o) => o.name))}`,
        { choices: [{ topic: { kind: 'list', list: 'sponsors' }, label: say(locale, 'Programmträger', 'Sponsors') }] },
      );
    case 'events': {
      const formats = view.knowledge.organisations.filter((o) => o.rhythm).map((o) => `${o.name} – ${pick(o.rhythm!, locale)}`);
      const byOrganiser = new Map<string, string[]>();
      for (const event of view.knowledge.events) byOrganiser.set(event.organiser, [...(byOrganiser.get(event.organiser) ?? []), event.name]);
      const organised = [...byOrganiser].map(([id, names]) =>
        say(
          locale,
          `Außerdem organisiert das ${view.nameOf(id)} jedes Jahr u. a.: ${joinList(names, locale)}.`,
          `The ${view.nameOf(id)} also runs, every year: ${joinList(names, locale)}.`,
        ),
      );
      return answer(`${say(locale, 'Regelmäßige Formate in Lübeck:', 'Regular formats in Lübeck:')}\n${bullets(formats)}\n${organised.join('\n')}`);
    }
  }
}

/** The contact, whole or in part. */
export function composeContact(facet: ContactFacet, locale: Locale, view: KnowledgeView, verdict?: 'yes' | 'no'): Composed {
  const c = view.contact();
  if (verdict) {
    const detail = facet === 'email' ? c.email : c.phone;
    const composed = composeContact(facet, locale, view);
    const opening =
      verdict === 'yes'
        ? say(locale, `Ja – ${detail} ist richtig.`, `Yes – ${detail} is right.`)
        : say(locale, `Nein – richtig ist ${detail}.`, `No – the right one is ${detail}.`);
    return { ...composed, text: `${opening} ${composed.text}` };
  }
  const city = view.nameOf(view.organisations.get(view.knowledge.contact.department)?.partOf ?? '');
  const withContact = { contact: c };
  switch (facet) {
    case 'phone':
      return answer(say(locale, `Telefon: ${c.phone} – ${c.name}, ${c.office}.`, `Phone: ${c.phone} – ${c.name}, ${c.office}.`), withContact);
    case 'email':
      return answer(say(locale, `E-Mail: ${c.email} – ${c.name}, ${c.office}.`, `E-mail: ${c.email} – ${c.name}, ${c.office}.`), withContact);
    case 'where':
      return answer(
        say(
          locale,
          `Eine Postadresse oder Sprechzeiten nennt die Seite nicht. Erreichbar ist die ${c.office} (${c.department}) telefonisch unter ${c.phone} oder per E-Mail an ${c.email}.`,
          `The page gives no postal address or office hours. You can reach the ${c.office} (${c.department}) by phone on ${c.phone} or by e-mail at ${c.email}.`,
        ),
        // Address and office hours are not known: an honest "I don't know", with the way to find out.
        { ...withContact, fallback: true },
      );
    case 'all':
    case 'person':
      return answer(
        say(
          locale,
          `Ansprechpartner für die Engagierte Stadt Lübeck:\n${c.name}\n${c.office}\n${c.department}${city ? `, ${city}` : ''}\nTel. ${c.phone}\nE-Mail: ${c.email}`,
          `Your contact for Engagierte Stadt Lübeck:\n${c.name}\n${c.office} (staff unit for migration and volunteering)\n${c.department}${city ? `, ${city}` : ''}\nPhone: ${c.phone}\nE-mail: ${c.email}`,
        ),
        withContact,
      );
  }
}

/** How to get involved: the ways in that the knowledge names. */
export function composeInvolve(locale: Locale, view: KnowledgeView, via?: string): Composed {
  const c = view.contact();
  const ways: string[] = [];
  const fitting = via ? (view.organisations.get(via) ?? view.events.get(via)) : undefined;
  if (fitting && fitting.id !== 'epunkt') ways.push(`${fitting.name} – ${firstSentence(pick(fitting.description, locale))}`);
  const agency = view.organisations.get('epunkt');
  if (agency)
    ways.push(
      say(
        locale,
        `${agency.name} – bringt engagierte Menschen zusammen`,
        `${agency.name} – the volunteer agency that brings engaged people together`,
      ),
    );
  const forum = view.organisations.get('forum-ehrenamt');
  if (forum?.rhythm)
    ways.push(
      say(
        locale,
        `${forum.name} – ${pick(forum.rhythm, locale)}, offen für alle Interessierten`,
        `${forum.name} – ${pick(forum.rhythm, locale)}, open to everyone interested`,
      ),
    );
  const events = view.knowledge.events.map((e) => e.name);
  if (events.length > 0)
    ways.push(
      say(locale, `Veranstaltungen wie ${joinList(events.slice(0, 3), locale)}`, `events such as the ${joinList(events.slice(0, 3), locale)}`),
    );
  return answer(
    say(
      locale,
      `So finden Sie in Lübeck ins Engagement:\n${bullets(ways)}\nFragen beantwortet die ${c.office}: Tel. ${c.phone}, ${c.email}.`,
      `Ways to get involved in Lübeck:\n${bullets(ways)}\nQuestions? The ${c.office}: phone ${c.phone}, ${c.email}.`,
    ),
    { contact: c, choices: agency ? [{ topic: { kind: 'entity', id: agency.id, facet: 'describe' }, label: 'ePunkt e.V.' }] : [] },
  );
}

function firstSentence(text: string): string {
  const end = text.search(/[.!?](\s|$)/);
  return end > 0 ? text.slice(0, end + 1) : text;
}

/** "I don't know", with what the bot does know and whom to ask. */
export function composeFallback(locale: Locale, view: KnowledgeView): Composed {
  const c = view.contact();
  return answer(
    say(
      locale,
      `Das weiß ich leider nicht. Ich kenne mich nur mit der Engagierten Stadt Lübeck aus: Programm, Akteure, Partner, Förderer, Termine und Kontakt. Bei anderen Fragen hilft die ${c.office}: Tel. ${c.phone}, ${c.email}.`,
      `Sorry, I don't know that. I can only answer questions about Engagierte Stadt Lübeck: the programme, actors, partners, sponsors, meetings and contact. For anything else, ask the ${c.office}: phone ${c.phone}, ${c.email}.`,
    ),
    { fallback: true, choices: menu(locale), contact: c },
  );
}

export function composeNotListed(name: string, locale: Locale, view: KnowledgeView): Composed {
  const shown = name.length > 60 ? `${name.slice(0, 57)}…` : name;
  const sample = (role: Role, count: number) =>
    joinList(
      view
        .withRole(role)
        .slice(0, count)
        .map((o) => o.name),
      locale,
    );
  return answer(
    say(
      locale,
      `Nein – „${shown}“ ist nicht unter den Akteuren und Partnern der Engagierten Stadt Lübeck aufgeführt. Lokale Partner sind z. B. ${sample('local-partner', 3)}; getragen wird das Programm u. a. von ${sample('programme-sponsor', 2)}, weitere Partner sind etwa ${sample('programme-partner', 3)}.`,
      `No – "${shown}" is not listed among the actors and partners of Engagierte Stadt Lübeck. Local partners include ${sample('local-partner', 3)}; the programme's sponsors include ${sample('programme-sponsor', 2)}, further partners ${sample('programme-partner', 3)}.`,
    ),
    {
      choices: [
        { topic: { kind: 'list', list: 'local-partners' }, label: say(locale, 'Alle Partner', 'All partners') },
        { topic: { kind: 'list', list: 'sponsors' }, label: say(locale, 'Programmträger', 'Sponsors') },
      ],
    },
  );
}
