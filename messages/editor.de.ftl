# Meldungen von `npm run kb:check` für Redakteurinnen und Redakteure des Wissens.
# $file, $line: wo; $field: welches Feld (Einträge von 1 an gezählt); weitere Parameter je Meldung.

kb-where = { $file }{ $line ->
        [none] {""}
       *[other] , Zeile { $line }
    }
kb-entry = { $number }. Eintrag
kb-ok = In Ordnung: { $subjects } Themen ({ $organisations } Organisationen, { $people } Personen, { $events } Veranstaltungen), { $facets } Fragearten.
kb-summary = { $count ->
        [one] Ein Problem – der Bot würde dieses Wissen nicht laden (ein laufender Bot behält das alte):
       *[other] { $count } Probleme – der Bot würde dieses Wissen nicht laden (ein laufender Bot behält das alte):
    }

yaml-block-as-implicit-key = Hier steht ein Doppelpunkt mitten im Text. Setzen Sie den ganzen Text in Anführungszeichen, z. B. name: "Forum: Ehrenamt".
yaml-multiline-implicit-key = Hier fehlt ein Doppelpunkt nach dem Feldnamen, oder ein Text geht ohne Anführungszeichen über mehrere Zeilen.
yaml-tab-as-indent = Hier ist mit einem Tabulator eingerückt. YAML erlaubt nur Leerzeichen: ersetzen Sie den Tabulator durch zwei Leerzeichen.
yaml-bad-indent = Die Einrückung passt nicht zur Zeile davor. Rücken Sie Felder desselben Eintrags gleich weit ein (mit Leerzeichen).
yaml-duplicate-key = Dieses Feld steht zweimal im selben Eintrag. Behalten Sie eines davon.
yaml-missing-char = Hier fehlt ein Zeichen, oft eine schließende Klammer ] oder } oder ein Anführungszeichen.
yaml-unexpected-token = Dieses Zeichen ist hier nicht erlaubt. Steht vielleicht ein Text ohne Anführungszeichen, der mit [ { # & * ! | > ' " % @ beginnt?
yaml-invalid = Das ist kein gültiges YAML. Prüfen Sie Einrückung, Doppelpunkte und Anführungszeichen rund um diese Stelle.

key-unknown = Das Feld „{ $keys }“ gibt es hier nicht. Prüfen Sie die Schreibweise oder entfernen Sie es.
field-missing = Hier fehlt das Feld „{ $field }“.{ $field ->
        [en] {" "}Jeder Text braucht eine englische Fassung unter en:.
        [de] {" "}Jeder Text braucht eine deutsche Fassung unter de:.
       *[other] {""}
    }
type-mismatch = Der Wert hat nicht die erwartete Form{ $type ->
        [text] : erwartet ist ein Text in beiden Sprachen, z. B. {"{"} de: …, en: … {"}"}.
        [texts] : erwartet ist eine Liste von Texten in beiden Sprachen.
        [year] : erwartet ist eine Jahreszahl wie 2022.
        [count] : erwartet sind value: (eine Zahl) und die Texte de: und en:.
        [rhythm] : erwartet sind de:, en: und per-year: [von, bis] (wie oft im Jahr).
        [ref] : erwartet ist die id eines Eintrags.
        [refs] : erwartet ist eine Liste von ids, z. B. [forum-ehrenamt, steuerungsgruppe].
       *[other] .
    }
value-not-allowed = Dieser Wert ist hier nicht erlaubt. Möglich sind: { $allowed }.
value-invalid = Dieser Wert ist ungültig ({ $detail }).
id-format = Eine id besteht aus Kleinbuchstaben, Ziffern und einzelnen Bindestrichen, ohne Umlaute, z. B. forum-ehrenamt.
text-empty-de = Der deutsche Text ist leer.
text-empty-en = Der englische Text ist leer.
alias-short = Ein anderer Name braucht mindestens zwei Zeichen.
field-format = Ein Feldname besteht aus Kleinbuchstaben und Bindestrichen, z. B. founded.
phone-format = Schreiben Sie die Telefonnummer mit Ziffern und Leerzeichen, z. B. 0451 122 2029.
email-format = Das ist keine gültige E-Mail-Adresse.
url-format = Schreiben Sie die Webadresse vollständig, mit https://.
year-format = Schreiben Sie das Jahr als Zahl mit vier Ziffern, z. B. 2022.
section-twice = Den Abschnitt „{ $section }“ darf es nur einmal geben; er steht schon in einer anderen Datei.
section-missing = Keine Datei enthält den Abschnitt „{ $section }“. Er ist nötig (die Stadt bzw. das Programm).
id-duplicate = Die id „{ $id }“ ist schon in { $other } vergeben. Jede id darf nur einmal vorkommen.
ref-unknown = Es gibt keinen Eintrag mit der id „{ $id }“.{ $known ->
        [none] {""}
       *[other] {" "}Meinen Sie „{ $known }“?
    }
role-unknown = Es gibt keine Rolle „{ $id }“.{ $known ->
        [none] {""}
       *[other] {" "}Meinen Sie „{ $known }“?
    }
field-unknown = Das Feld „{ $field }“ beantwortet keine Frageart aus facets.yaml.{ $known ->
        [none] {""}
       *[other] {" "}Meinen Sie „{ $known }“?
    }
ftl-name = Nachrichten-Dateien heißen <name>.de.ftl oder <name>.en.ftl, damit klar ist, welche Sprache sie enthalten.
ftl-syntax = Diese Zeile ist keine gültige Nachricht. Eine Nachricht beginnt mit ihrer id und einem =, z. B. answer-rhythm = …; Folgezeilen sind eingerückt.
