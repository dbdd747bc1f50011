# Die Sätze des Bots, die nicht aus dem Wissen kommen: Hilfe, Fehler, Telegram und Slack.
# Parameter aus dem Wissen: { $bot } (Name des Bots), { $city } (die Stadt, mit Grammatik),
# { $programme } (das Programm). Anrede überall: Sie.

## Telegram

telegram-non-text = Ich kann leider nur Textnachrichten lesen. Schreiben Sie mir Ihre Frage bitte als Text – oder tippen Sie /hilfe.
telegram-apology = Entschuldigung, da ist bei mir etwas schiefgegangen. Bitte versuchen Sie es gleich noch einmal.
telegram-command-start = Start und Überblick
telegram-command-help = Was ich beantworten kann
telegram-command-contact = Ansprechpersonen und Kontakt
telegram-command-partners = Partner { DEF($city, case: "gen") }
telegram-command-language = Sprache wechseln (Deutsch/Englisch)
telegram-description = Ich beantworte Fragen { DEF($city, prep: "zu") }: worum es geht, wer mitmacht, wer das Programm trägt und an wen Sie sich wenden können. Tippen Sie auf „Starten“ und fragen Sie einfach.
telegram-short-description = Fragen und Antworten { DEF($city, prep: "zu") }.
telegram-contact-phone = Telefon: { $phone }
telegram-contact-email = E-Mail: { $email }
telegram-choose = Bitte wählen Sie:
telegram-too-many = Sie haben mir viele Nachrichten auf einmal geschickt. Ich beantworte die ersten der Reihe nach – bitte warten Sie die Antworten ab und schicken Sie weitere Fragen danach noch einmal.
telegram-busy = Gerade kommen sehr viele Fragen auf einmal an. Bitte schicken Sie Ihre Nachricht in einer Minute noch einmal.

## Hand-off: Fragen an das Netzwerk-Team (Telegram)

handoff-telegram-command = Eine Frage an das Netzwerk-Team
handoff-telegram-offer = Soll ich Ihre Frage an das Netzwerk-Team weitergeben? Das Team sieht nur den Text Ihrer Frage – nicht Ihren Namen und nicht Ihr Telegram-Konto. Die Antwort schicke ich Ihnen hier in diesen Chat.
handoff-telegram-offer-truncated = Ihre Frage ist sehr lang: Das Team bekommt sie gekürzt.
handoff-telegram-button = An das Team weitergeben
handoff-telegram-ask = Was möchten Sie das Netzwerk-Team fragen? Schreiben Sie mir Ihre Frage einfach als nächste Nachricht.
handoff-telegram-opened = Danke! Ihre Frage ist jetzt als #{ $number } beim Netzwerk-Team. Sobald jemand antwortet, bekommen Sie die Antwort hier in diesem Chat.
handoff-telegram-already-open = Ihre Frage ist schon als #{ $number } beim Netzwerk-Team.
handoff-telegram-unknown-offer = Dieses Angebot gilt nicht mehr – es ist abgelaufen oder gehört nicht zu diesem Chat. Wenn Sie eine Frage an das Netzwerk-Team geben möchten, schreiben Sie /frage und Ihre Frage.
handoff-telegram-too-many-open =
    { $limit ->
        [one] Sie haben schon eine offene Frage beim Netzwerk-Team. Sobald das Team sie abgeschlossen hat, können Sie eine neue stellen.
       *[other] Sie haben schon { $limit } offene Fragen beim Netzwerk-Team. Sobald das Team eine davon abgeschlossen hat, können Sie eine neue stellen.
    }
handoff-telegram-daily-cap =
    Innerhalb von 24 Stunden kann ich höchstens { $limit ->
        [one] eine Frage
       *[other] { $limit } Fragen
    } von Ihnen an das Netzwerk-Team weitergeben. Bitte versuchen Sie es morgen noch einmal.
handoff-telegram-private-only = Fragen an das Netzwerk-Team nehme ich nur im privaten Chat an, damit die Antwort nur Sie erreicht. Schreiben Sie mir dort: { $link }
handoff-telegram-unavailable = Fragen an das Netzwerk-Team kann ich gerade nicht weitergeben. Bitte versuchen Sie es später noch einmal.
handoff-telegram-relay = Antwort aus dem Netzwerk (#{ $number }):
handoff-telegram-someone = jemand aus dem Team

## Slack

slack-apology = Entschuldigung, da ist bei mir etwas schiefgegangen. Bitte versuchen Sie es gleich noch einmal.
slack-home-title = { $bot }
slack-home-topics = Dazu kann ich etwas sagen
slack-home-contact = Kontakt
slack-home-how-to = Schreiben Sie mir im Tab „Nachrichten“, erwähnen Sie mich in einem Kanal, in den ich eingeladen bin, oder nutzen Sie /engagiert mit Ihrer Frage – die Antwort sehen dann nur Sie. Im Thread einer Antwort können Sie ohne erneute Erwähnung nachfragen.
slack-contact-phone = Telefon
slack-contact-email = E-Mail
slack-shortened = … (gekürzt)
slack-busy = Sie haben mir gerade sehr viele Fragen auf einmal geschickt. Ich beantworte sie der Reihe nach; die übrigen stellen Sie bitte gleich noch einmal.
slack-overloaded = Gerade erreichen mich sehr viele Fragen. Bitte versuchen Sie es in einer Minute noch einmal.

## Hand-off: Fragen an das Netzwerk-Team (Slack)

handoff-slack-ticket-title = Frage an das Netzwerk-Team #{ $number }
handoff-slack-ticket-notification = Neue Frage an das Netzwerk-Team #{ $number }: { $question }
handoff-slack-locale-de = Deutsch
handoff-slack-locale-en = Englisch
handoff-slack-truncated = Die Frage war länger; hier steht sie gekürzt.
handoff-slack-state-open = Offen – antworten Sie im Thread dieser Nachricht oder mit „Antworten“. Die Antwort geht in den Chat der fragenden Person.
handoff-slack-state-answered = Beantwortet von { $members }. Weitere Antworten im Thread gehen ebenfalls an die fragende Person, bis jemand „Schließen“ wählt.
handoff-slack-state-closed = Geschlossen von { $member }.
handoff-slack-state-expired = Automatisch geschlossen: Die Aufbewahrungsfrist ist abgelaufen.
handoff-slack-state-was-answered = Beantwortet von { $members }.
handoff-slack-button-answer = Antworten
handoff-slack-button-close = Schließen
handoff-slack-button-adopt = Als Antwort übernehmen
handoff-slack-cancel = Abbrechen
handoff-slack-confirm-close-title = Frage schließen?
handoff-slack-confirm-close-text = Danach gehen keine Antworten mehr an die fragende Person, und die Verbindung zu ihrem Chat wird gelöscht.
handoff-slack-modal-title = Antwort auf #{ $number }
handoff-slack-modal-submit = Senden
handoff-slack-modal-label = Ihre Antwort
handoff-slack-modal-hint = Die fragende Person bekommt Ihre Antwort als „Antwort aus dem Netzwerk“ in ihren Chat – als reinen Text, ohne Ihren Namen.
handoff-slack-empty-answer = Bitte schreiben Sie eine Antwort.
handoff-slack-closed-reply = Die Frage #{ $number } ist geschlossen: Ihre Antwort wurde nicht an die fragende Person weitergegeben.
handoff-slack-closed-modal = Die Frage #{ $number } ist inzwischen geschlossen; die Antwort kann nicht mehr weitergegeben werden.
handoff-slack-already-closed = Die Frage #{ $number } ist bereits geschlossen.
handoff-slack-unknown-ticket = Die Frage #{ $number } gibt es nicht mehr – sie wurde nach Ablauf der Aufbewahrungsfrist gelöscht.
handoff-slack-text-only = An die fragende Person geht nur Text. Bitte schreiben Sie Ihre Antwort als Nachricht; Dateien und Bilder werden nicht weitergegeben.
handoff-slack-someone = jemand aus dem Team
handoff-slack-adopt-no-answer = Die Frage #{ $number } hat noch keine Antwort, die übernommen werden könnte.
handoff-slack-adopted = Übernommen: Der Bot beantwortet die Frage #{ $number } ab jetzt selbst, mit der letzten Antwort. Der Eintrag „{ $id }“ steht in { $file }; dort kann die Redaktion ihn überarbeiten.
handoff-slack-adopt-updated = Aktualisiert: Der Eintrag „{ $id }“ in { $file } hat jetzt die letzte Antwort auf #{ $number }. Der Bot antwortet ab sofort damit.
handoff-slack-adopt-empty = Nicht übernommen: Frage oder Antwort ist zu kurz.
handoff-slack-adopt-invalid = Nicht übernommen – die Wissensbasis würde mit diesem Eintrag nicht mehr laden: { $reason }
handoff-slack-adopt-failed = Nicht übernommen: Die Datei { $file } konnte nicht geschrieben werden. Bitte geben Sie der technischen Betreuung des Bots Bescheid.

## Terminal

terminal-greeting =
    { $bot } – Info-Bot. Fragen Sie einfach (auf Deutsch oder Englisch).
    Eine Zahl wählt einen Vorschlag; /quit oder Strg-D beendet.

## Terminal (ops)

ops-terminal-no-handoff = Hier im Terminal kann ich Ihre Frage nicht an das Netzwerk-Team weitergeben.
