/**
 * Function words: they carry no topic, so they neither match an entity nor count as
 * "unknown" when judging whether a question is in scope. They also tell German from
 * English. Written as typed; compared after `toKey`.
 */
export const GERMAN_WORDS = `
aber alle allem allen aller alles also am an andere anderen anders auch auf aus bei beim bin bis bitte bist bzw
da dabei dadurch dafür dafur daher damit dann darf darüber daruber das dass davon dazu dein deine dem den denen denn der
deren des dessen dich die dies diese diesem diesen dieser dieses dir doch dort du durch eben eigentlich ein eine
einem einen einer eines einfach einmal er es etwa etwas euch euer eure evtl für fur gab ganz gar gern gerne gibt geht
gehen gesagt gewesen gibt's hab habe haben hallo hat hatte hätte hatten her hier hin hinter ich ihm ihn ihnen ihr ihre
ihrem ihren ihrer im in ins irgendwie ist ja je jede jedem jeden jeder jedes jemand jetzt kann kannst kein keine
keinem keinen keiner können konnen könnte konnte machen macht mal man manche mehr mein meine meinem meinen meiner mich
mir mit möchte mochte muss müssen mussen nach nämlich namlich nein nicht nichts noch nun nur ob oder ohne schon sehr
sein seine seinem seinen seiner seit sich sie sind so solche soll sollen sollte sondern sonst sowie über uber um und
uns unser unsere unter viel vom von vor während wahrend war waren warst was weil welche welchem welchen welcher
welches wem wen wenn wer werden wie wieder will wir wird wirklich wo woher wohin wollen worden würde wurde wurden zu
zum zur zwar zwischen genau gerade bereits bisher denn eh halt mal ne nee gell oder sagen sag sagt weiß weiss wissen
gut gibts heißt heisst nennt nennen jemanden jemandem etwas sowas kriege kriegen bekomme bekommen finde finden suche
suchen brauche brauchen hätte möchten würden könnten dürfen darf denen dafür davon welcher welches wieso
spielt spielen lautet fürs ums übers aufs ans gibts gehts bekomme kriege erfahre erfahren lesen sehen schauen
nachschauen heißen sagen da dort hier jemand etwa konkret momentan aktuell derzeit zurzeit heute morgen andere anderen
anderer anderes dr ev st nr ca usw bzw sowas solche solchen ganz kurz kurze bisschen paar tun getan hast habt seid
wäre waren wärst euch eure eurer ihres unseres meines deines vielleicht irgendwas irgendwo irgendwer irgendwann
fragen frage kümmert kummert kümmern wende wenden möglichkeit möglichkeiten angebot angebote
aufgezählt aufgezahlt aufgeführt aufgefuhrt genannt erwähnt erwahnt außer ausser noch sonst gemacht wird werden
bürger bürgerin burger burgerin normale normaler normal ganz einfach einfache
besten beste bester fange anfangen beginnen starten
lieber gern gerne selbst richtige deutschland germany
rückfrage rückfragen ruckfrage ruckfragen rahmen kinder jugendliche jugendlichen
rentner rentnerin senior seniorin schüler schülerin student studentin azubi mutter vater eltern neu zugezogen
als wegen trotzdem deshalb darum dazu damit worüber womit wozu sorry entschuldigung hallöchen ähm äh hmm naja tja
`;

export const ENGLISH_WORDS = `
a about after all also am an and any are as at be because been before being but by can could did do does doing done
for from get gets got had has have having he her here hers him his how i if in into is it its just know let like me
more most my no not now of on once only or other our out over please same she should so some such than that the their
them then there these they this those through to too under until up us very was we were what when where which while
who whom whose why will with would you your yours tell give find need want wanna gonna there's what's who's it's
i'm i'd you're can't don't doesn't isn't one any anyone someone somebody anything something thing things kind sort
retired pensioner student pupil parent new moved options possibilities ways
exactly currently actually really still again much there's also maybe just quite sorry pls plz
`;

/** Words that both languages use alike; they never decide the language of a message. */
export const NEUTRAL_WORDS = new Set(['ok', 'okay', 'hallo', 'hi', 'hey', 'super', 'cool', 'top', 'thx', 'ciao', 'bye', 'info', 'man', 'so', 'also']);

export function wordList(text: string): string[] {
  return text.split(/\s+/).filter(Boolean);
}
