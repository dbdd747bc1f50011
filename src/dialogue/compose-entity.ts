import type { KnowledgeEvent, Organisation, Person, Role } from '../knowledge/schema.js';
import type { Locale } from '../message.js';
import { composeContact } from './compose-general.js';
import { answer, type Composed, say } from './composed.js';
import { joinList, type KnowledgeView, pick } from './knowledge-view.js';
import type { EntityFacet, Topic } from './topic.js';

type EntityTopic = Extract<Topic, { kind: 'entity' }>;

/** Answers about one organisation, event or person. */
export function composeEntity(topic: EntityTopic, locale: Locale, view: KnowledgeView): Composed {
  const { id, facet } = topic;
  const org = view.organisations.get(id);
  if (org) return composeOrganisation(org, topic, locale, view);
  const event = view.events.get(id);
  if (event) return composeEvent(event, facet, locale, view);
  const person = view.people.get(id);
  if (person) return composePerson(person, topic, locale, view);
  return answer(say(locale, 'Dazu habe ich nichts gefunden.', 'I found nothing about that.'), { fallback: true });
}

export function roleText(org: Organisation, locale: Locale, view: KnowledgeView): string[] {
  const level = pick(view.knowledge.programme.sponsorsLevel, locale);
  const texts: Record<Role, string> = {
    actor: say(locale, 'einer der Akteure der Engagierten Stadt Lübeck', 'one of the actors of Engagierte Stadt Lübeck'),
    'local-partner': say(locale, 'lokaler Partner, der Lübecks Bewerbung unterstützt hat', "a local partner that supported Lübeck's application"),
    'programme-sponsor': say(
      locale,
      `Programmträger im Konsortium, das das Programm ${level} trägt`,
      `a programme sponsor in the consortium that carries the programme ${level}`,
    ),
    'programme-partner': say(locale, 'weiterer Partner des bundesweiten Programms', 'a further partner of the nationwide programme'),
  };
  return org.roles.map((role) => texts[role]);
}

function describeOrganisation(org: Organisation, locale: Locale, view: KnowledgeView): string {
  const parts = [`${org.name} ${say(locale, 'ist', 'is')} ${pick(org.description, locale)}`];
  const roles = roleText(org, locale, view);
  if (roles.length > 0) parts.push(say(locale, `Rolle: ${joinList(roles, locale)}.`, `Role: ${joinList(roles, locale)}.`));
  if (org.founded) parts.push(say(locale, `Gegründet ${org.founded}.`, `Founded in ${org.founded}.`));
  if (org.rhythm) {
    const rhythm = pick(org.rhythm, locale);
    parts.push(
      org.audience ? say(locale, `Findet ${rhythm} statt.`, `Takes place ${rhythm}.`) : say(locale, `Treffen: ${rhythm}.`, `Meets ${rhythm}.`),
    );
  }
  if (org.activities) parts.push(pick(org.activities, locale));
  if (org.lead) parts.push(personLine(view.people.get(org.lead)!, locale, view));
  if (org.website) parts.push(say(locale, `Web: ${org.website}`, `Web: ${org.website}`));
  return parts.join(' ');
}

function foundedSentence(org: Organisation, locale: Locale, view: KnowledgeView): string {
  const within = org.partOf ? view.nameOf(org.partOf) : undefined;
  return say(
    locale,
    `${org.name} wurde ${org.founded} gegründet${within ? ` (innerhalb von ${within})` : ''}.`,
    `${org.name} was founded in ${org.founded}${within ? ` (within ${within})` : ''}.`,
  );
}

function rhythmSentence(org: Organisation, locale: Locale): string {
  const rhythm = pick(org.rhythm!, locale);
  // Open formats take place; bodies meet.
  return org.audience
    ? say(locale, `${org.name} findet ${rhythm} statt.`, `${org.name} takes place ${rhythm}.`)
    : say(locale, `${org.name} trifft sich ${rhythm}.`, `${org.name} meets ${rhythm}.`);
}

function personLine(person: Person, locale: Locale, view: KnowledgeView): string {
  return `${view.fullName(person)} – ${pick(person.role, locale)}.`;
}

function notListed(what: string, locale: Locale, view: KnowledgeView, extra = ''): Composed {
  const contact = view.contact();
  return answer(
    `${what}${extra ? ` ${extra}` : ''} ${say(
      locale,
      `Mehr weiß die ${contact.office}: Tel. ${contact.phone}, ${contact.email}.`,
      `The ${contact.office} can tell you more: phone ${contact.phone}, ${contact.email}.`,
    )}`,
    // The subject is known but this detail is not: an honest "I don't know", with whom to ask.
    { contact, fallback: true },
  );
}

function composeOrganisation(org: Organisation, topic: EntityTopic, locale: Locale, view: KnowledgeView): Composed {
  const { facet } = topic;
  const name = org.name;
  const describe = () => describeOrganisation(org, locale, view);
  const choices = entityChoices(org, locale, view);
  switch (facet) {
    case 'membership': {
      // "Sind A und B dabei?": one sentence for each.
      const others = (topic.also ?? []).map((id) => view.organisations.get(id)).filter((o): o is Organisation => !!o);
      return answer([org, ...others].map((o) => membership(o, topic.askedRole, locale, view)).join(' '));
    }
    case 'involve':
      return joinIn(name, org.audience ? pick(org.audience, locale) : undefined, locale, view);
    case 'role': {
      const roles = roleText(org, locale, view);
      if (roles.length > 0) return answer(`${name}: ${joinList(roles, locale)}.`);
      return answer(describe(), { choices });
    }
    case 'founded':
      if (org.founded) return answer(foundedSentence(org, locale, view));
      return notListed(
        say(locale, `Ein Gründungsjahr von ${name} nennt die Seite der Stadt nicht.`, `The city's page gives no founding year for ${name}.`),
        locale,
        view,
      );
    case 'date': {
      const rhythm = org.rhythm ? ` ${rhythmSentence(org, locale)}` : '';
      return notListed(
        say(locale, `Einen konkreten Termin für ${name} nennt die Seite nicht.${rhythm}`, `The page gives no date for ${name}.${rhythm}`),
        locale,
        view,
      );
    }
    case 'rhythm':
    case 'when':
      if (org.rhythm) return answer(rhythmSentence(org, locale));
      if (facet === 'when' && org.founded) return answer(foundedSentence(org, locale, view));
      return notListed(
        say(locale, `Wie oft und wann ${name} zusammenkommt, ist hier nicht hinterlegt.`, `How often and when ${name} meets is not recorded here.`),
        locale,
        view,
      );
    case 'website': {
      if (org.website)
        return answer(say(locale, `Webseite von ${name}: ${org.website}`, `Website of ${name}: ${org.website}`), {
          links: [{ label: name, url: org.website }],
        });
      const parent = org.partOf ? view.organisations.get(org.partOf) : undefined;
      if (parent?.website) {
        return answer(say(locale, `${name} gehört zu ${parent.name}: ${parent.website}`, `${name} is part of ${parent.name}: ${parent.website}`), {
          links: [{ label: parent.name, url: parent.website }],
        });
      }
      const site = view.knowledge.programme.website;
      return answer(
        say(
          locale,
          `Eine eigene Webseite von ${name} ist hier nicht hinterlegt. Infos zum Programm: ${site}`,
          `No website of ${name} is recorded here. About the programme: ${site}`,
        ),
        { links: [{ label: view.knowledge.programme.name, url: site }] },
      );
    }
    case 'where': {
      const parent = org.partOf ? view.organisations.get(org.partOf) : undefined;
      if (parent) {
        return answer(
          say(
            locale,
            `${name} ist Teil von ${parent.name}. Eine eigene Adresse nennt die Seite nicht.`,
            `${name} is part of ${parent.name}. The page gives no address of its own.`,
          ),
          {
            choices: [{ topic: { kind: 'entity', id: parent.id, facet: 'describe' }, label: parent.name }],
          },
        );
      }
      if (view.isContactEntity(org.id)) return composeContact('where', locale, view);
      return otherContact(name, org.website, facet, locale, view);
    }
    case 'address':
      if (view.isContactEntity(org.id)) return composeContact('where', locale, view);
      return otherContact(name, org.website, facet, locale, view);
    case 'contact':
    case 'phone':
    case 'email':
      if (view.isContactEntity(org.id)) return composeContact(facet === 'contact' ? 'all' : facet, locale, view);
      return otherContact(name, org.website, facet, locale, view);
    case 'lead': {
      if (org.lead) return answer(personLine(view.people.get(org.lead)!, locale, view));
      const related = view.knowledge.people.filter((p) => p.organisation === org.id);
      const known = related.map((p) => personLine(p, locale, view)).join(' ');
      return notListed(say(locale, `Wer ${name} leitet, nennt die Seite nicht.`, `The page does not say who leads ${name}.`), locale, view, known);
    }
    case 'members': {
      if (org.members)
        return answer(
          `${name}: ${joinList(
            org.members.map((id) => view.nameOf(id)),
            locale,
          )}. ${capitaliseFirst(pick(org.description, locale))}`,
        );
      const parts = allPartsOf(org.id, view);
      const taking = parts.filter((part) => part.roles.length > 0);
      if (taking.length > 0) {
        const lines = taking.map((part) => `${part.name} (${joinList(roleText(part, locale, view), locale)})`);
        return answer(`${say(locale, `Aus ${name} sind dabei:`, `Taking part from ${name}:`)}\n${lines.map((line) => `• ${line}`).join('\n')}`);
      }
      return answer(describe(), { choices });
    }
    case 'events': {
      const events = view.eventsBy(org.id);
      if (org.activities) return answer(pick(org.activities, locale));
      if (events.length > 0)
        return answer(
          `${name}: ${joinList(
            events.map((e) => e.name),
            locale,
          )}.`,
        );
      return answer(describe(), { choices });
    }
    case 'audience':
      if (org.audience) return answer(`${name}: ${pick(org.audience, locale)}`);
      return notListed(
        say(locale, `Für wen ${name} gedacht ist, steht nicht auf der Seite.`, `The page does not say whom ${name} is for.`),
        locale,
        view,
      );
    case 'organiser':
      // "Was organisiert das Tandem?" names the organiser; "Wer ist im Verein … organisiert?" asks for members.
      if (view.eventsBy(org.id).length > 0) return composeOrganisation(org, { ...topic, facet: 'events' }, locale, view);
      return answer(describe(), { choices });
    case 'funders':
      return answer(
        say(
          locale,
          `Wer ${name} finanziert, nennt die Seite nicht. Das Programm Engagierte Stadt als Ganzes trägt ein Konsortium, u. a. ${sponsorSample(view)}.`,
          `The page does not say who funds ${name}. The Engagierte Stadt programme as a whole is carried by a consortium including ${sponsorSample(view)}.`,
        ),
        { choices: [{ topic: { kind: 'list', list: 'sponsors' }, label: say(locale, 'Programmträger', 'Sponsors') }] },
      );
    case 'describe':
      return answer(`${topic.confirmed ? say(locale, 'Ja – ', 'Yes – ') : ''}${describe()}`, {
        choices,
        ...(org.website ? { links: [{ label: name, url: org.website }] } : {}),
      });
  }
}

/** Everything that belongs to an organisation, directly or through one of its parts. */
function allPartsOf(id: string, view: KnowledgeView): Organisation[] {
  const direct = view.partsOf(id);
  return direct.flatMap((part) => [part, ...allPartsOf(part.id, view)]);
}

function capitaliseFirst(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function sponsorSample(view: KnowledgeView): string {
  return view
    .withRole('programme-sponsor')
    .slice(0, 3)
    .map((o) => o.name)
    .join(', ');
}

const ROLE_GROUP: Record<Role, { de: string; en: string }> = {
  actor: { de: 'den Akteuren', en: 'the actors' },
  'local-partner': { de: 'den lokalen Partnern', en: 'the local partners' },
  'programme-sponsor': { de: 'den Programmträgern im Konsortium', en: 'the programme sponsors in the consortium' },
  'programme-partner': { de: 'den weiteren Programmpartnern', en: 'the further programme partners' },
};

function membership(org: Organisation, askedRole: Role | undefined, locale: Locale, view: KnowledgeView): string {
  const roles = roleText(org, locale, view);
  if (askedRole && roles.length > 0 && !org.roles.includes(askedRole)) {
    const group = ROLE_GROUP[askedRole];
    return say(
      locale,
      `Nein – ${org.name} gehört nicht zu ${group.de}, ist aber ${joinList(roles, locale)}.`,
      `No – ${org.name} is not one of ${group.en}, but it is ${joinList(roles, locale)}.`,
    );
  }
  if (roles.length > 0) return say(locale, `Ja – ${org.name} ist ${joinList(roles, locale)}.`, `Yes – ${org.name} is ${joinList(roles, locale)}.`);
  const tandem = view.memberOf(org.id)[0];
  if (tandem) {
    const others = (tandem.members ?? []).filter((id) => id !== org.id).map((id) => view.nameOf(id));
    return say(
      locale,
      `Ja – ${org.name} bildet mit ${joinList(others, locale)} das ${tandem.name}, einen der Akteure der Engagierten Stadt Lübeck.`,
      `Yes – ${org.name} forms the ${tandem.name} with ${joinList(others, locale)}, one of the actors of Engagierte Stadt Lübeck.`,
    );
  }
  const part = view.partsOf(org.id).find((o) => o.roles.length > 0);
  if (part) {
    return say(
      locale,
      `Indirekt ja: Zu ${org.name} gehört die ${part.name}, ${joinList(roleText(part, locale, view), locale)}.`,
      `Indirectly, yes: ${part.name} belongs to ${org.name} and is ${joinList(roleText(part, locale, view), locale)}.`,
    );
  }
  return say(locale, `${org.name} ist nicht als eigener Partner aufgeführt.`, `${org.name} is not listed as a partner of its own.`);
}

function otherContact(name: string, website: string | undefined, facet: EntityFacet, locale: Locale, view: KnowledgeView): Composed {
  const contact = view.contact();
  const web = website ? say(locale, ` Webseite: ${website}.`, ` Website: ${website}.`) : '';
  const address = facet === 'where' || facet === 'address';
  const what = address ? say(locale, 'Eine Adresse', 'An address') : say(locale, 'Eigene Kontaktdaten', 'Contact details');
  return answer(
    say(
      locale,
      `${what} von ${name} ${address ? 'ist' : 'sind'} hier nicht hinterlegt.${web} Für Fragen zur Engagierten Stadt Lübeck: ${contact.name}, ${contact.office}, Tel. ${contact.phone}, E-Mail ${contact.email}.`,
      `${what} for ${name} ${address ? 'is' : 'are'} not recorded here.${web} For questions about Engagierte Stadt Lübeck: ${contact.name}, ${contact.office}, phone ${contact.phone}, e-mail ${contact.email}.`,
    ),
    // Asked whom to contact, the programme's contact is the answer; asked for this subject's own
    // phone, e-mail or address, it is an honest "I don't know".
    { contact, fallback: facet !== 'contact' },
  );
}

/** How to take part in one organisation or event: who it is for, if known, and whom to ask. */
function joinIn(name: string, audience: string | undefined, locale: Locale, view: KnowledgeView): Composed {
  const contact = view.contact();
  return answer(
    `${audience ? `${name}: ${audience} ` : ''}${say(
      locale,
      `Wer bei ${name} mitmachen möchte, wendet sich am besten an ${contact.name}, ${contact.office}: Tel. ${contact.phone}, ${contact.email}.`,
      `To take part in ${name}, best contact ${contact.name}, ${contact.office}: phone ${contact.phone}, ${contact.email}.`,
    )}`,
    { contact },
  );
}

function composeEvent(event: KnowledgeEvent, facet: EntityFacet, locale: Locale, view: KnowledgeView): Composed {
  const organiser = view.organisations.get(event.organiser)!;
  const members = (organiser.members ?? []).map((id) => view.nameOf(id));
  const by = members.length > 0 ? `${organiser.name} (${joinList(members, locale)})` : organiser.name;
  const organisedBy = say(locale, `Veranstalter: ${by}.`, `Organised by the ${by}.`);
  const noDate = say(
    locale,
    `Einen Termin für ${event.name} nennt die Seite der Stadt nicht; sie gehört zu den Veranstaltungen, die das ${by} jedes Jahr durchführt.`,
    `The city's page gives no date for the ${event.name}; it is one of the events the ${by} runs every year.`,
  );
  switch (facet) {
    case 'organiser':
    case 'lead':
      return answer(say(locale, `${event.name}: organisiert vom ${by}.`, `${event.name}: organised by the ${by}.`));
    case 'rhythm':
    case 'when':
    case 'date':
    case 'founded':
      if (event.rhythm && facet !== 'date') return answer(`${event.name}: ${pick(event.rhythm, locale)}.`);
      return notListed(noDate, locale, view);
    case 'membership':
      return answer(
        say(locale, `Ja – ${event.name} gehört zu den Veranstaltungen des ${by}.`, `Yes – the ${event.name} is one of the events of the ${by}.`),
      );
    case 'audience':
      if (event.audience) return answer(`${event.name}: ${pick(event.audience, locale)}`);
      return notListed(
        say(
          locale,
          `Für wen ${event.name} gedacht ist, steht nicht auf der Seite. ${organisedBy}`,
          `The page does not say whom the ${event.name} is for. ${organisedBy}`,
        ),
        locale,
        view,
      );
    case 'contact':
    case 'phone':
    case 'email':
    case 'where':
    case 'address':
      return otherContact(event.name, undefined, facet, locale, view);
    case 'involve':
      return joinIn(event.name, event.audience ? pick(event.audience, locale) : undefined, locale, view);
    default:
      return answer(`${event.name} ${say(locale, 'ist', 'is')} ${pick(event.description, locale)} ${organisedBy}`, {
        choices: [{ topic: { kind: 'entity', id: organiser.id, facet: 'describe' }, label: organiser.name }],
      });
  }
}

function composePerson(person: Person, topic: EntityTopic, locale: Locale, view: KnowledgeView): Composed {
  const isContact = view.isContactEntity(person.id);
  const line = `${view.fullName(person)} ${say(locale, 'ist', 'is')} ${pick(person.role, locale)}.`;
  if (topic.facet === 'membership') {
    // A yes/no question about a person: the verdict comes from comparing the claim with the role.
    if (!topic.denied) return answer(`${say(locale, 'Ja', 'Yes')} – ${line}`);
    const contact = view.contact();
    const pointer = topic.pointToContact
      ? say(
          locale,
          ` Ansprechpartner für die Engagierte Stadt Lübeck ist ${contact.name}: Tel. ${contact.phone}, ${contact.email}.`,
          ` The contact for Engagierte Stadt Lübeck is ${contact.name}: phone ${contact.phone}, ${contact.email}.`,
        )
      : '';
    return answer(`${say(locale, 'Nein', 'No')} – ${line}${pointer}`, topic.pointToContact ? { contact } : {});
  }
  const facet = topic.facet;
  switch (facet) {
    case 'contact':
    case 'phone':
    case 'email':
    case 'where':
    case 'address':
      if (isContact) return composeContact(facet === 'contact' ? 'all' : facet === 'address' ? 'where' : facet, locale, view);
      return otherContact(view.fullName(person), undefined, facet, locale, view);
    default: {
      const photo = view.photo();
      const onPhoto = photo?.people.includes(person.id)
        ? say(
            locale,
            ` Auf dem Foto der Seite ist ${person.name} zu sehen (Foto: ${photo.credit}).`,
            ` ${person.name} appears in the photo on the page (photo: ${photo.credit}).`,
          )
        : '';
      if (isContact) {
        const contact = view.contact();
        return answer(
          `${line} ${say(locale, `Tel. ${contact.phone}, E-Mail ${contact.email}.`, `Phone ${contact.phone}, e-mail ${contact.email}.`)}`,
          { contact },
        );
      }
      return answer(`${line}${onPhoto}`);
    }
  }
}

/** After describing an organisation: the organisations it is tied to, and the contact. */
function entityChoices(org: Organisation, locale: Locale, view: KnowledgeView): Composed['choices'] {
  const related = [org.partOf, ...(org.members ?? []), ...view.partsOf(org.id).map((o) => o.id)].filter((id): id is string => !!id);
  const choices: Composed['choices'] = related
    .slice(0, 2)
    .map((id) => ({ topic: { kind: 'entity', id, facet: 'describe' }, label: view.nameOf(id) }));
  choices.push({ topic: { kind: 'contact', facet: 'all' }, label: say(locale, 'Kontakt', 'Contact') });
  return choices;
}
