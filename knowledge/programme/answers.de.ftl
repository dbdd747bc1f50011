# Wie der Bot antwortet: eine Nachricht je Feld (answer-<feld>), je Frageart ohne Antwort
# (missing-<facette>) und je Liste (list-<id>). Parameter:
#   $subject  das Thema der Frage (ein Name mit Grammatik: DEF($subject) = "das Forum Ehrenamt")
#   $kind     organisation, person, event, programme, city oder contact
#   $value    der Wert des Feldes (Text, Jahr, Name, Namensliste …)
#   $bot, $town, $city, $programme: aus dem Wissen (z. B. "Engagierte Stadt Lübeck", "Lübeck")
# DEF($name, case: "dat", prep: "bei", cap: 1) setzt Artikel und Fall: "beim Forum Ehrenamt".
# LIST($names) verbindet Namen: "die A, der B und das C". Anrede: Sie.

## Antworten auf Fakten

answer-about =
    { $kind ->
        [city] { $value }
        [person] { $subject } ist { $value }.
       *[other] { DEF($subject, cap: 1) } ist { $value }{ $has-roles ->
            [yes] {" "}{ PRONOUN($subject, cap: 1) } gehört { $roles }.
           *[no] {""}
        }
    }
answer-role =
    { $kind ->
        [person] { $subject } ist { $value }.
       *[other] { DEF($subject, cap: 1) } ist { $value }{ $has-roles ->
            [yes] {" "}{ PRONOUN($subject, cap: 1) } gehört { $roles }.
           *[no] {""}
        }
    }
answer-roles = { DEF($subject, cap: 1) } gehört { $value }.
answer-purpose =
    { $kind ->
        [city] { $town } will als Engagierte Stadt vor allem eines: { $value }
       *[other] { DEF($subject, cap: 1) } hat das Ziel, { $value }
    }
answer-activities = { DEF($subject, cap: 1) } { $value }
answer-founded = { DEF($subject, cap: 1) } wurde { $value } gegründet.
answer-founded-text = { DEF($subject, cap: 1) } ist { $value } aktiv; ein Gründungsjahr nennt die Seite nicht.
answer-joined = { $town } gehört seit { $value } zum bundesweiten Netzwerk { $programme }.
answer-applied = Die erfolgreiche Bewerbung für { $town } hat { DEF($value) } eingereicht; unterstützt wurde sie von { $application-support }.
answer-rhythm = { DEF($subject, cap: 1) } { $value }.
# "Wann ist das Forum?" – without a date, the rhythm is what the page gives.
answer-date-rhythm = { DEF($subject, cap: 1) } { $value }; einen genauen Termin nennt die Seite nicht.
answer-audience = { DEF($subject, cap: 1) } richtet sich an { $value }.
answer-members = { DEF($subject, prep: "zu", cap: 1) } gehören { LIST($value) }.
answer-members-text =
    { $kind ->
        [programme] Zum Netzwerk gehören { $cities } Städte in ganz Deutschland; in jeder arbeiten { $value } zusammen. Welche Städte das sind, nennt die Seite der Stadt nicht.
       *[other] { DEF($subject, prep: "in", cap: 1) } kommen { $value } zusammen; einzelne Mitglieder nennt die Seite nicht.
    }
answer-part-of = { DEF($subject, cap: 1) } gehört { DEF($value, prep: "zu") }.
answer-part-of-organisation = { DEF($subject, cap: 1) } arbeitet { DEF($value, prep: "bei") }.
answer-lead =
    { $as ->
        [none] { $value } leitet { DEF($subject, case: "acc") }.
       *[other] { $value } leitet { $as } { DEF($subject, case: "gen") }.
    }
answer-website = { DEF($subject, cap: 1) } finden Sie im Internet unter { $value }.
answer-organiser =
    { $value-has-members ->
        [yes] { DEF($subject, cap: 1) } wird { DEF($value, prep: "von") } ausgerichtet, also { LIST($value-members, prep: "von") } gemeinsam.
       *[no] { DEF($subject, cap: 1) } wird { DEF($value, prep: "von") } ausgerichtet.
    }
answer-question = Die zentrale Frage { DEF($subject, case: "gen") } lautet: „{ $value }“
answer-activities-question = { DEF($subject, cap: 1) } beschäftigt sich mit der Frage: „{ $value }“
answer-strategy = Zwei wesentliche Bausteine der Engagementstrategie von { $town } sind { LIST($value) }.
answer-photo = Auf dem Foto der Seite stehen von links nach rechts { $value }. Aufgenommen hat es { $credit }.
answer-topics = Die Städte im Netzwerk tauschen sich zu Themen wie { LIST($value) } aus und teilen dazu viele Best-Practice-Lösungen.
answer-cities = Zum Netzwerk { $programme } gehören { $value } Städte in Deutschland – { $town } ist eine davon.
answer-phone = Telefonisch erreichen Sie { $person } { DEF($office, prep: "in") }:
answer-email = Per E-Mail erreichen Sie { $person } { DEF($office, prep: "in") }:
answer-person = Ansprechpartner { DEF($city, prep: "für") } ist { $value } { DEF($office, prep: "in") } { DEF($department, prep: "in") }:
answer-title = Der Ansprechpartner trägt einen Doktortitel: { $value }, in der Anrede „{ $salutation }“.
answer-office =
    { $kind ->
        [contact] Zuständig ist { DEF($value) } { DEF($department, prep: "in") } der Stadtverwaltung:
       *[other] Zuständig ist { DEF($value) }.
    }

## Wenn die Seite etwas nicht sagt (ehrlich, mit dem Kontakt, der weiterhelfen kann)

missing-about = Mehr als den Namen { DEF($subject, prep: "von") } nennt die Seite nicht.
missing-purpose = Ein eigenes Ziel { DEF($subject, prep: "von") } beschreibt die Seite nicht.
missing-activities = Was { DEF($subject) } im Einzelnen tut, beschreibt die Seite nicht.
missing-founded = Wann { DEF($subject) } gegründet wurde, steht auf der Seite nicht.
missing-joined = Seit wann { DEF($subject) } dabei ist, steht auf der Seite nicht.
missing-applied = Wer sich beworben hat, steht auf der Seite nicht.
missing-rhythm = Wie oft oder wann { DEF($subject) } stattfindet, steht auf der Seite nicht.
missing-audience = Für wen { DEF($subject) } genau gedacht ist, steht auf der Seite nicht.
missing-members = Wer im Einzelnen zu { DEF($subject, case: "dat") } gehört, nennt die Seite nicht.
missing-part-of = Wozu { DEF($subject) } gehört, steht auf der Seite nicht.
missing-lead = Wer { DEF($subject, case: "acc") } leitet, nennt die Seite nicht.
missing-website = Eine eigene Website { DEF($subject, prep: "von") } nennt die Seite nicht.
missing-role = Eine Rolle { DEF($subject, prep: "von") } im Programm beschreibt die Seite nicht.
missing-organiser = Wer { DEF($subject, case: "acc") } ausrichtet, steht auf der Seite nicht.
missing-question = Eine Leitfrage { DEF($subject, prep: "von") } nennt die Seite nicht.
missing-strategy = Eine Strategie { DEF($subject, prep: "von") } beschreibt die Seite nicht.
missing-photo = Ein Foto { DEF($subject, prep: "von") } beschreibt die Seite nicht.
missing-topics = Eigene Themen { DEF($subject, prep: "von") } nennt die Seite nicht.
missing-cities = Dazu nennt die Seite keine Zahl.
missing-phone = Eine Telefonnummer { DEF($subject, prep: "von") } nennt die Seite nicht. Für Fragen { DEF($city, prep: "zu") } erreichen Sie:
missing-email = Eine E-Mail-Adresse { DEF($subject, prep: "von") } nennt die Seite nicht. Für Fragen { DEF($city, prep: "zu") } erreichen Sie:
missing-person = Eine Ansprechperson { DEF($subject, prep: "bei") } nennt die Seite nicht. Für Fragen { DEF($city, prep: "zu") } erreichen Sie:
missing-title = Einen Titel { DEF($subject, prep: "von") } nennt die Seite nicht.
missing-office = Welche Stelle dafür zuständig ist, steht auf der Seite nicht.
missing-involve = Wie man { DEF($subject, prep: "bei") } mitmachen oder Mitglied werden kann, steht auf der Seite nicht. Weiterhelfen kann Ihnen:

missing-address = Eine Adresse oder einen Ort { DEF($subject, prep: "von") } nennt die Seite der Stadt nicht. Fragen Sie am besten direkt nach:
missing-date = Einen Termin { DEF($subject, prep: "von") } nennt die Seite der Stadt nicht. Aktuelle Termine erfahren Sie hier:
missing-cost = Zu Kosten, Geld oder Förderung steht auf der Seite der Stadt nichts. Verbindlich beantworten kann das:
missing-hours = Sprech- oder Öffnungszeiten nennt die Seite der Stadt nicht. Erreichbar ist:
missing-until = Bis wann { DEF($subject) } läuft oder ob es ein Ende gibt, steht auf der Seite nicht.
missing-headcount = Wie viele Menschen sich engagieren oder mitmachen, dazu nennt die Seite keine Zahl.
missing-requirements = Voraussetzungen fürs Mitmachen – etwa ein Mindestalter oder eine Versicherung – nennt die Seite nicht. Verbindlich beantworten kann das:

## Ja und Nein

verdict-yes = Ja.
verdict-no = Nein.
# Jemand oder etwas, das die Seite nicht nennt, in einer Frage nach einer Rolle.
not-named-closed = Nein. „{ $name }“ gehört nicht zu den { $role }, die die Seite nennt. Das sind { LIST($names) }.
not-named-open = „{ $name }“ nennt die Seite nicht unter den { $role }. Genannt werden unter anderem { LIST($names) }.
# Kein Name der Seite, aber eine Art, die einer der Genannten ist ("eine Migrantenorganisation").
not-named-fitting = Unter den { $role } nennt die Seite nichts mit dem Namen „{ $name }“, dazu passen würde aber { LIST($names) }.
not-named-any = Nein. „{ $name }“ wird auf der Seite nicht genannt – weder unter den Akteuren noch unter den Partnern oder Trägern { DEF($city, case: "gen") }.
# Eine Zahl, ein Jahr oder ein Rhythmus, der nicht stimmt: erst "Nein.", dann die richtige Antwort.

## Listen

list-actors = Zu den Akteuren { DEF($city, case: "gen") } gehören unter anderem { LIST($names) }.
list-local-partners = Die Bewerbung von { $town } haben { $count } lokale Partner aus Wirtschaft, Stadtverwaltung und Zivilgesellschaft unterstützt:
list-sponsors = Getragen wird das Programm { $level } von einem Konsortium aus { $count } Mitgliedern:
list-further-partners = Weitere Partner des Programms sind:
list-events = { DEF($organiser, cap: 1) } richtet unter anderem diese Veranstaltungen aus: { LIST($names, case: "acc") }.
list-events-mixed = Auf der Seite genannt werden diese Veranstaltungen: { LIST($names) }.
list-people = Auf der Seite werden diese Personen genannt:
list-topics = { answer-topics }

## Engagement

involve-intro = Schön, dass Sie sich engagieren möchten! So finden Sie in { $town } etwas Passendes:
involve-way = { DEF($via, cap: 1) } { $text }
involve-more = Fragen dazu beantwortet auch die Ansprechstelle { DEF($city, case: "gen") }:

## Gespräch

welcome = Willkommen! Ich bin der Info-Bot { DEF($city, case: "gen") }. Ich beantworte Fragen zum Programm, zu den Akteuren, Partnern und Trägern und sage Ihnen, an wen Sie sich wenden können. Fragen Sie einfach – oder wählen Sie ein Thema.
chat-greeting = Guten Tag! Ich beantworte Fragen { DEF($city, prep: "zu") }. Worum geht es Ihnen?
chat-thanks = Gern geschehen! Fragen Sie gern weiter.
chat-goodbye = Auf Wiedersehen – und danke für Ihr Interesse an { DEF($city, case: "gen") }!
chat-ack = Gut. Fragen Sie gern weiter, wenn Sie noch etwas wissen möchten.
chat-who = Ich bin ein Info-Bot, kein Mensch: Ich beantworte Fragen zum Programm { $programme } in { $town } mit dem, was auf der Seite der Stadt steht. Was ich nicht weiß, sage ich Ihnen ehrlich.
chat-wellbeing = Danke der Nachfrage, mir geht es gut! Ich bin ein Info-Bot und beantworte gern Ihre Fragen { DEF($city, prep: "zu") }.
chat-help =
    Ich beantworte Fragen { DEF($city, prep: "zu") }, zum Beispiel:
    • Was ist die Engagierte Stadt, und seit wann ist { $town } dabei?
    • Wer macht mit, wer sind die Partner und wer trägt das Programm?
    • Welche Veranstaltungen gibt es, und wie kann ich mich engagieren?
    • An wen kann ich mich wenden?
    Sie können auch /kontakt, /partner oder /sprache tippen.
chat-language = Gern, ab jetzt antworte ich auf Deutsch.
chat-empty = Schreiben Sie mir Ihre Frage einfach als Text – zum Beispiel „Wer ist Ansprechpartner?“.
chat-unreadable = Das konnte ich nicht lesen. Schreiben Sie mir Ihre Frage bitte in Worten, auf Deutsch oder Englisch.

## Nachfragen und ehrliches Nichtwissen

clarify = Meinen Sie { LIST($options, case: "acc", or: 1) }?
decline-near = Das kann ich Ihnen leider nicht sagen: Auf der Seite der Stadt steht dazu nichts, und ich möchte nichts Falsches behaupten. Weiterhelfen kann Ihnen die Ansprechstelle { DEF($city, case: "gen") }:
decline-near-subject = Das kann ich Ihnen leider nicht sagen: Dazu steht auf der Seite der Stadt nichts. Was ich über { DEF($subject, case: "acc") } weiß, erzähle ich Ihnen gern. Weiterhelfen kann Ihnen die Ansprechstelle { DEF($city, case: "gen") }:
decline-other = Das weiß ich leider nicht. Ich kenne mich nur mit { DEF($city, case: "gen") } aus: dem Programm, seinen Akteuren, Partnern und Trägern, den Veranstaltungen und dem Kontakt. Für andere Anliegen an die Stadt wenden Sie sich bitte an die zuständige Stelle.

## Beschriftungen von Knöpfen und Kontaktkarte

choice-about = Was ist { DEF($subject) }?
choice-programme = Das Programm
choice-partners = Lokale Partner
choice-sponsors = Programmträger
choice-actors = Akteure
choice-involve = Mitmachen
choice-contact = Kontakt
contact-phone = Telefon
contact-email = E-Mail
suggestions = Vorschläge:

## Rollen (Satzteile nach "gehört …") und Bausteine anderer Antworten

list-within = Aus { DEF($within, case: "dat") } { $count ->
        [one] gehört diese eine
       *[other] gehören diese { $count }
    } zu den { $among }:
role-actor = zu den Akteuren { DEF($city, case: "gen") }
role-local-partner = zu den lokalen Partnern, die die Bewerbung von { $town } unterstützt haben
role-sponsor = zum Konsortium, das das Programm { $programme } auf Bundesebene trägt
role-programme-partner = zu den weiteren Partnern des Programms { $programme }
role-actor-among = Akteuren
role-local-partner-among = lokalen Partnern
role-sponsor-among = Programmträgern
role-programme-partner-among = weiteren Partnern des Programms
photo-person = { $name } ({ $role })
photo-place = { $name } steht auf dem Foto { $place ->
    [left] ganz links
    [right] ganz rechts
   *[middle] in der Mitte
}.
contact-card =
    { $name }
    { $has-department ->
        [yes] { $office }, { $department }
       *[no] { $office }
    }
    Telefon: { $phone }
    E-Mail: { $email }
answer-with-verdict = { $verdict } { $answer }
list-item-person = { $name } – { $role }

## Fragen als Knöpfe

ask-about = { UPPER(DEF($subject)) }
ask-rhythm = Wie oft: { DEF($subject) }
ask-members = Wer gehört dazu?
ask-person = Ansprechpartner
