/**
 * Closed-class words (articles, pronouns, prepositions, conjunctions, auxiliaries and
 * particles) of German and English, written as typed and compared after `toKey`. They
 * carry no subject: they never start or stand for a name, and they are never "unknown"
 * words that would pull a question out of scope. What they mean for the kind of
 * question is learnt from the corpus like every other word. The German list has the
 * spoken forms people type in chats ("was is das", "gibts"); "is" is then a word of both
 * languages and tells neither.
 */
export const GERMAN_FUNCTION_WORDS = `
aber als also am an ans auch auf aufs aus bei beim bin bis bist bitte da dabei dadurch dafür daher damit danach dann
daran darauf darf darin darüber darum das dass davon dazu dein deine dem den denen denn der deren des dessen dich die
dies diese diesem diesen dieser dieses dir doch dort du durch dürfen ein eine einem einen einer eines er es etwa etwas
euch euer eure für fürs gegen hab habe haben hat hatte hätte hier hin hinter ich ihm ihn ihnen ihr ihre ihrem ihren ihrer
im in ins ist ja jede jedem jeden jeder jedes jetzt kann kannst kein keine keinem keinen keiner können könnt könnte man
mein meine meinem meinen meiner mich mir mit muss müssen nach neben nein nicht nichts noch nun nur ob oder ohne sein
seine seinem seinen seiner seit sich sie sind so soll sollen sollte sondern sowie über übers um ums und uns unser unsere
unter vom von vor wann war waren warum was weil welche welchem welchen welcher welches wem wen wenn wer werden wie wieder
will wir wird wo wobei woher wohin womit woran worauf worüber wozu wurde wurden würde zu zum zur zwischen
mal eben halt eigentlich denn schon gerade ganz sehr bloß nochmal einmal kurz eh ne nee gell hallo na ähm äh hm
is nich nix nen ner nem gibts
hast habt hatten hattest seid wirst werdet darfst dürft musst müsst sollst sollt willst wollen wollt möchte möchtest möchten
mag magst gibt
`;

export const ENGLISH_FUNCTION_WORDS = `
a about above after again against all am an and any are as at be because been before being below between both but by
can could did do does doing down during each few for from further had has have having he her here hers herself him
himself his how i if in into is it its itself just me more most my myself no nor not now of off on once only or other
our ours out over own same she should so some such than that the their theirs them then there these they this those
through to too under until up very was we were what when where which while who whom whose why will with would you your
yours yourself please
yes yeah yep yup nope
`;

/**
 * Nouns that refer to a person without naming one ("der Mann links", "the woman in the middle"): with a
 * place on a photo, they mean the person standing there.
 */
export const PERSON_NOUNS = `
mann frau dame person woman man lady gentleman guy
`;

/**
 * Pronouns that can only stand for a person: English ones (an organisation is "it"). German "er"
 * or "sie" may as well stand for "der Verein" or "die Stelle".
 */
export const PERSON_PRONOUNS = `
he him his she her hers himself herself
`;

/**
 * Forms of address and academic titles: they stand in front of names ("Frau Günsür",
 * "Herr Dr. Ilse") but name nobody in particular, so they are never a name on their own.
 */
export const HONORIFICS = `
herr herrn frau fr hr dr prof doktor professor professorin mr mrs ms miss sir madam
`;

/** Question words: a question with one of them asks for something, rather than whether a claim holds. */
export const QUESTION_WORDS = `
wer was wie wo wann warum weshalb wieso weswegen welche welcher welches welchem welchen wozu wofür wofur woher wohin womit
worum worüber woruber wem wen wessen wieviel wieviele
who what how where when why which whose whom whats wats
`;

/**
 * Verbs of telling, knowing and asking that a question can hang from: "Können Sie mir sagen, wer …?",
 * "Ich wollte fragen, seit wann …", "Could you tell me who …?", "I was wondering when …". German first,
 * then English: a German question that hangs from one has the verb at its end ("…, wer den Verein leitet").
 */
export const GERMAN_TELLING_WORDS = `
sagen sag sagst erklären erklärst erkläre verraten verrätst nennen mitteilen wissen weiß weisst weißt fragen frage frag
`;
export const ENGLISH_TELLING_WORDS = `
tell explain know wonder wondering ask asking
`;

/**
 * Prepositions that say whom or what something is for, right before a word without an article:
 * "etwas für Jugendliche", "mit älteren Menschen", "kümmert sich um Familien", "anything for families". The word after one
 * describes what is looked for; it is not the name of an organisation the question claims.
 */
export const AUDIENCE_PREPOSITIONS = `
für fur mit um
for with about
`;

/**
 * Words before a place that make it where something is, not who does it: "nur in Musterstadt?", "for
 * people in Musterstadt", "just a Musterstadt thing".
 */
export const PLACE_WORDS = `
in im für aus bei nach nur außer außerhalb
for from at only just outside local
`;

/**
 * The question words that ask for something without saying what kind of thing: "wer", "was",
 * "which". A cue made of these and function words only ("Wer ist …?") frames a question; one
 * with "wann", "wo" or "warum" already says what it asks for ("seit wann", "bis wann").
 */
export const OPEN_QUESTION_WORDS = `
wer was welche welcher welches welchem welchen wem wen wessen
who what which whose whom whats wats
`;

/**
 * What people are (offices and functions), one function per line in both languages, as the
 * ends of words with endings taken off: "Bürgermeisterin", "Geschäftsstellenleiter",
 * "Ansprechpartnerin", "head", "mayor". A yes/no question that gives a named person one of
 * these claims a function the knowledge can check. Only functions a person either holds or
 * not (not "Mitarbeiter", which the knowledge need not say).
 */
export const FUNCTION_NOUNS = `
burgermeister mayor
senator
leiter leitung chef head boss leader direktor director
vorsitzend vorstand prasident chair chairman chairwoman president
ansprechpartner contact
manager
koordinator coordinator
grunder founder
sprecher spokesperson
minister
`;

export function wordList(text: string): string[] {
  return text.split(/\s+/).filter(Boolean);
}
