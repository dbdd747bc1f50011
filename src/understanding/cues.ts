/**
 * The words that say *what* someone asks, independent of *whom* it is about.
 * A trailing "*" marks a prefix ("telefon*" also catches "Telefonnummer", "telefonisch").
 * Multi-word cues ("wie oft", "how many") match as a phrase. Keys are compared after
 * `toKey`, so write them as people would type them; umlauts are fine.
 */
export type Ask =
  | 'what'
  | 'who'
  | 'when'
  | 'rhythm'
  | 'founded'
  | 'joined'
  | 'applied'
  | 'support'
  | 'count'
  | 'topics'
  | 'goal'
  | 'website'
  | 'contact'
  | 'phone'
  | 'email'
  | 'where'
  | 'address'
  | 'amount'
  | 'membership'
  | 'partners'
  | 'actors'
  | 'funders'
  | 'further'
  | 'involve'
  | 'organiser'
  | 'lead'
  | 'audience'
  | 'members'
  | 'events'
  | 'people'
  | 'luebeck'
  | 'role'
  | 'reach'
  | 'programme'
  | 'greeting'
  | 'thanks'
  | 'goodbye'
  | 'help'
  | 'ack'
  | 'switch-en'
  | 'switch-de'
  | 'more';

export const ASK_CUES: Record<Ask, { de: string[]; en: string[] }> = {
  what: {
    de: ['was', 'worum', 'erklär*', 'erklar*', 'beschreib*', 'bedeutet', 'infos', 'informationen', 'information', 'erzähl*', 'erzahl*', 'was macht', 'was tut', 'was genau', 'aufgabe*', 'wofür', 'wofur', 'was steckt', 'konkret'],
    en: ['what', 'explain', 'describe', 'tell me about', 'about', 'info', 'information', 'mean', 'means', 'what does', 'do they do'],
  },
  who: { de: ['wer', 'wem', 'wen', 'welche person'], en: ['who', 'whom', 'whose'] },
  when: { de: ['wann', 'termin*', 'datum', 'zeitpunkt', 'uhrzeit'], en: ['when', 'date', 'dates', 'time'] },
  rhythm: {
    de: ['wie oft', 'oft', 'häufig*', 'haufig*', 'rhythmus', 'turnus', 'regelmäßig*', 'regelmassig*', 'jährlich', 'jahrlich', 'trifft', 'treffen', 'trefft', 'tagt', 'tagen', 'sitzung*', 'stattfind*', 'findet', 'statt', 'pro jahr', 'im jahr', 'mal im jahr'],
    en: ['how often', 'often', 'frequency', 'meet', 'meets', 'meeting*', 'take place', 'takes place', 'held', 'per year', 'a year', 'annual*', 'regularly'],
  },
  founded: {
    de: ['gegründet', 'gegrundet', 'gründung*', 'grundung*', 'gegr', 'entstanden', 'gibt es seit', 'ins leben', 'gründungsjahr', 'grundungsjahr', 'wie alt', 'eingerichtet', 'ins leben gerufen'],
    en: ['founded', 'established', 'created', 'set up', 'started', 'how old', 'since when', 'formed'],
  },
  joined: {
    de: ['seit wann', 'seit', 'wie lange', 'schon lange', 'lange', 'beigetreten', 'aufgenommen', 'aufnahme', 'beitritt', 'dabei seit', 'mitglied seit', 'wann dazu', 'teil seit', 'beitreten'],
    en: ['joined', 'join', 'since', 'admitted', 'became', 'member since'],
  },
  applied: {
    de: ['beworben', 'bewerbung', 'beworb*', 'bewerb*', 'bewirbt', 'eingereicht'],
    en: ['applied', 'application', 'apply'],
  },
  support: { de: ['unterstützt*', 'unterstutzt*', 'unterstützer*', 'unterstutzer*', 'unterstützung', 'unterstutzung'], en: ['support*', 'backed', 'backing'] },
  count: {
    de: ['wie viele', 'wieviele', 'wieviel', 'wie viel', 'anzahl', 'zahl', 'viele', 'wie groß', 'größe', 'grosse'],
    en: ['how many', 'number of', 'count', 'how big', 'size'],
  },
  topics: {
    de: ['thema', 'themen', 'schwerpunkt*', 'inhalt*', 'themenfeld*', 'themenbereiche'],
    en: ['topic*', 'theme*', 'focus', 'issues', 'subjects'],
  },
  goal: {
    de: ['ziel*', 'zweck', 'warum', 'wozu', 'sinn', 'bringt', 'nutzen', 'idee', 'anliegen', 'wieso', 'weshalb'],
    en: ['goal*', 'aim*', 'purpose', 'why', 'point', 'objective*', 'benefit*'],
  },
  website: {
    de: ['webseite', 'homepage', 'mehr infos', 'mehr informationen', 'weitere infos', 'weitere informationen', 'nachlesen', 'nachzulesen', 'internetseite', 'internet', 'seite', 'link', 'url', 'web', 'online', 'webadresse', 'internetadresse', 'netz', 'www'],
    en: ['website', 'web site', 'webpage', 'site', 'link', 'url', 'homepage', 'online', 'web', 'more info', 'more information', 'read more', 'learn more'],
  },
  contact: {
    de: ['kontakt*', 'ansprechpartner*', 'ansprechperson*', 'ansprechstelle', 'zuständig*', 'zustandig*', 'dienststelle', 'behörde', 'behorde', 'erreiche', 'erreicht', 'erreichbar*', 'wenden', 'melden', 'kontaktier*', 'kontaktdaten', 'ansprech*', 'abteilung', 'reden', 'sprechen', 'an wen', 'wen kann ich', 'wende ich mich', 'an wen wende', 'wer kümmert sich', 'wer kummert sich', 'richtige stelle', 'zuständige stelle', 'zustandige stelle', 'anlaufstelle*', 'kontaktperson'],
    en: ['contact*', 'reach', 'get in touch', 'in charge', 'responsible', 'talk to', 'speak to', 'who do i', 'department'],
  },
  phone: {
    de: ['telefon*', 'tel', 'nummer', 'rufnummer', 'anruf*', 'anrufen', 'handy', 'durchwahl', 'telefonisch', 'fon', 'tel nr', 'nr'],
    en: ['phone*', 'call', 'telephone', 'number', 'ring', 'dial'],
  },
  email: {
    de: ['mail*', 'email*', 'e mail*', 'mailadresse', 'emailadresse', 'schreiben', 'anschreiben'],
    en: ['mail*', 'email*', 'e mail*', 'write', 'e-mail address'],
  },
  where: {
    de: ['wo', 'angesiedelt', 'gehört zu', 'teil von', 'wohin'],
    en: ['where', 'belong to', 'belongs to'],
  },
  address: {
    de: ['adresse', 'anschrift', 'postanschrift', 'postadresse', 'standort', 'sitz', 'büro', 'buro', 'hinkommen', 'vorbeikommen', 'öffnungszeit*', 'offnungszeit*', 'sprechzeit*', 'sprechstunde*', 'geöffnet', 'geoffnet'],
    en: ['address', 'located', 'location', 'office hours', 'opening hours', 'visit'],
  },
  amount: {
    de: ['wie viel geld', 'wieviel geld', 'wie hoch', 'summe', 'betrag', 'euro', 'fördersumme', 'fordersumme', 'fördergeld*', 'fordergeld*', 'höhe der', 'hohe der'],
    en: ['how much money', 'how much funding', 'amount', 'euros', 'sum'],
  },
  membership: {
    de: ['partner*', 'dabei', 'beteiligt', 'mitglied*', 'teil', 'gehört', 'gehort', 'dazu', 'mit dabei', 'mitmach*', 'teilnehm*', 'teilnahme', 'vertreten', 'mitwirk*', 'involviert', 'zählt', 'zahlt zu', 'gehören', 'gehoren', 'im boot', 'mit im boot', 'an bord'],
    en: ['partner*', 'part of', 'member*', 'involved', 'included', 'participat*', 'take part', 'takes part', 'belong*', 'among', 'on board', 'on the list'],
  },
  partners: {
    de: ['partner*', 'lokale partner', 'partnerorganisation*', 'kooperationspartner*', 'kooperation*', 'bündnis', 'bundnis', 'netzwerkpartner*'],
    en: ['partner*', 'local partners', 'cooperation', 'allies'],
  },
  actors: {
    de: ['akteur*', 'wer macht mit', 'wer ist dabei', 'beteiligte', 'mitwirkende', 'organisationen', 'wer engagiert sich', 'wer gehört', 'wer alles', 'gremien', 'gremium'],
    en: ['actor*', 'who is involved', 'who takes part', 'organisations', 'organizations', 'stakeholder*', 'players', 'bodies'],
  },
  funders: {
    de: ['finanzier*', 'finanz*', 'bezahlt', 'bezahl*', 'wer zahlt', 'geld', 'gelder', 'tragen', 'fördert', 'fordert', 'förder*', 'forder*', 'geldgeber*', 'träger*', 'trager*', 'programmträger*', 'programmtrager*', 'trägt', 'tragt', 'konsortium', 'sponsor*', 'stiftungen', 'mittel', 'budget', 'kosten', 'getragen', 'stiftung', 'steckt hinter', 'steht hinter', 'hinter', 'dahinter'],
    en: ['fund*', 'pay*', 'pays', 'paid', 'money', 'financ*', 'sponsor*', 'backer*', 'consortium', 'foundations', 'budget', 'behind'],
  },
  further: {
    de: ['weitere partner', 'weiteren partner', 'bundesländer', 'bundeslander', 'länder', 'lander', 'andere partner', 'sonstige partner', 'außerdem', 'ausserdem'],
    en: ['further partners', 'other partners', 'states', 'federal states', 'additional partners'],
  },
  involve: {
    de: ['mitmachen', 'mithelfen', 'engagieren', 'einbringen', 'ehrenamtlich', 'freiwillig*', 'helfen', 'hilft', 'mitarbeiten', 'aktiv werden', 'ehrenamt finden', 'ehrenamt suchen', 'engagement finden', 'mitmach*', 'anmelden', 'beitragen', 'ich möchte helfen', 'kennenlernen', 'austauschen', 'vernetzen', 'informieren', 'nützlich', 'nutzlich', 'tätigkeit*', 'tatigkeit*', 'suchen ehrenamtliche', 'brauchen ehrenamtliche', 'ehrenamtliche gesucht', 'engagiert sein', 'ehrenamt machen', 'suche', 'ich suche', 'beteiligen', 'vermitt*', 'andocken', 'einsteigen', 'anschließen', 'anschliessen', 'was tun', 'etwas tun', 'gutes tun', 'zeit übrig', 'zeit spenden', 'freie zeit', 'sich engagieren'],
    en: ['volunteer*', 'get involved', 'help out', 'involved', 'contribute', 'sign up', 'join in', 'meet other', 'find volunteers', 'need volunteers', 'looking for volunteers'],
  },
  organiser: {
    de: ['organisiert', 'organisier*', 'veranstalt*', 'ausrichter', 'richtet', 'ausgerichtet', 'durchgeführt', 'durchgefuhrt', 'führt durch', 'organisator*'],
    en: ['organis*', 'organiz*', 'runs', 'run by', 'hosts', 'host*', 'puts on'],
  },
  lead: {
    de: ['leit*', 'leiter*', 'leitung', 'chef*', 'führt', 'fuhrt', 'vorsitz*', 'vorstand', 'geschäftsführ*', 'geschaftsfuhr*', 'geschäftsstelle*', 'geschaftsstelle*', 'verantwortlich*', 'spitze'],
    en: ['lead*', 'head*', 'chair*', 'manag*', 'director', 'runs', 'boss'],
  },
  audience: {
    de: ['für wen', 'fur wen', 'zielgruppe', 'wer kann', 'wer darf', 'eingeladen', 'teilnehmen', 'offen', 'gedacht', 'richtet sich', 'wen richtet', 'kommen', 'hingehen', 'kann jeder', 'darf jeder', 'zugang'],
    en: ['for whom', 'who is it for', 'who can', 'audience', 'open to', 'attend', 'invited', 'meant for', 'intended'],
  },
  members: {
    de: ['mitglieder', 'besteht aus', 'bestehen', 'zusammensetz*', 'wer gehört', 'bilden', 'beiden', 'sitzt', 'sitzen', 'wer sitzt'],
    en: ['members', 'consists', 'made up', 'composed', 'who forms'],
  },
  events: {
    de: ['veranstaltung*', 'events', 'event', 'aktion*', 'termine', 'angebote', 'formate', 'messe*', 'fachtag*'],
    en: ['event*', 'activities', 'formats', 'happenings'],
  },
  people: {
    de: ['personen', 'leute', 'menschen', 'foto', 'bild', 'team', 'köpfe', 'kopfe', 'namen'],
    en: ['people', 'persons', 'photo', 'picture', 'team', 'names'],
  },
  luebeck: {
    de: ['wie arbeitet', 'was macht lübeck', 'was tut lübeck', 'lübeck als', 'stellenwert', 'wie wichtig', 'bedeutung', 'zusammenarbeit', 'arbeiten zusammen', 'arbeitet zusammen', 'wichtigste*', 'hauptpartner', 'engste*', 'vor allem', 'kooperiert', 'kooperieren', 'arbeitet eng'],
    en: ['how does lübeck', 'what does lübeck', 'lübeck as', 'how important', 'work together', 'collaborat*', 'most important', 'main partner', 'closest', 'cooperat*', 'work with', 'works with'],
  },
  role: { de: ['rolle', 'funktion', 'welche rolle'], en: ['role'] },
  reach: {
    de: ['erreichen'],
    en: ['achieve'],
  },
  programme: {
    de: ['programm', 'programms', 'netzwerk', 'netzwerkprogramm', 'engagierte stadt', 'initiative', 'projekt'],
    en: ['programme', 'program', 'network', 'initiative', 'engaged city'],
  },
  greeting: {
    de: ['hallo', 'moin', 'moinmoin', 'servus', 'guten tag', 'guten morgen', 'guten abend', 'grüß gott', 'gruss gott', 'grüezi', 'tach', 'hallöchen', 'hey', 'hi', 'huhu', 'na'],
    en: ['hello', 'hi', 'hey', 'good morning', 'good afternoon', 'good evening', 'greetings', 'howdy', 'yo'],
  },
  thanks: {
    de: ['danke', 'dankeschön', 'dankeschon', 'vielen dank', 'merci', 'danke schön', 'besten dank', 'thx', 'dank'],
    en: ['thanks', 'thank you', 'thank', 'cheers', 'thx', 'ty'],
  },
  goodbye: {
    de: ['tschüss', 'tschuss', 'tschüs', 'ciao', 'auf wiedersehen', 'bis dann', 'bis bald', 'schönen tag', 'tschau', 'adieu', 'bye'],
    en: ['bye', 'goodbye', 'see you', 'have a nice day', 'farewell', 'later'],
  },
  help: {
    de: ['hilfe', 'was kannst du', 'was weißt du', 'was weisst du', 'wie funktioniert', 'befehle', 'menü', 'menu', 'übersicht', 'ubersicht', 'start', 'wer bist du', 'was bist du', 'bist du', 'bot', 'chatbot', 'mensch oder'],
    en: ['help', 'what can you do', 'what do you know', 'how does this work', 'commands', 'menu', 'overview', 'who are you', 'what are you', 'are you a bot', 'are you human', 'bot'],
  },
  ack: {
    de: ['ok', 'okay', 'alles klar', 'gut', 'super', 'prima', 'klasse', 'toll', 'verstanden', 'aha', 'ach so', 'ja', 'jo', 'passt', 'perfekt', 'cool', 'top'],
    en: ['ok', 'okay', 'great', 'got it', 'fine', 'nice', 'cool', 'yes', 'perfect', 'alright', 'understood'],
  },
  'switch-en': { de: ['auf englisch', 'englisch'], en: ['in english', 'english please', 'english'] },
  'switch-de': { de: ['auf deutsch', 'deutsch', 'deutsch bitte'], en: ['in german', 'german please', 'german'] },
  more: { de: ['mehr', 'genauer', 'details', 'ausführlich*', 'ausfuhrlich*', 'weiter'], en: ['more', 'details', 'detail', 'elaborate'] },
};
