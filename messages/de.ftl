# Die Sätze des Bots, die nicht aus dem Wissen kommen: Hilfe, Fehler, Telegram und Slack.
# Parameter aus dem Wissen: { $bot } (Name des Bots), { $city } (die Stadt, mit Grammatik),
# { $programme } (das Programm). Anrede überall: Sie.

## Telegram

telegram-non-text = Ich kann leider nur Textnachrichten lesen. Schreiben Sie mir Ihre Frage bitte als Text – oder tippen Sie /hilfe.
telegram-apology = Entschuldigung, da ist bei mir etwas schiefgegangen. Bitte versuchen Sie es gleich noch einmal.
telegram-command-start = Start und Überblick
telegram-command-help = Was ich beantworten kann
telegram-command-contact = Ansprechpersonen und Kontakt
telegram-command-partners = Partner der { $bot }
telegram-command-language = Sprache wechseln (Deutsch/Englisch)
telegram-description = Ich beantworte Fragen zur { $bot }: worum es geht, wer mitmacht, wer das Programm trägt und an wen Sie sich wenden können. Tippen Sie auf „Starten“ und fragen Sie einfach.
telegram-short-description = Fragen und Antworten zur { $bot }.

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

## Terminal (ops)

ops-terminal-no-handoff = Hier im Terminal kann ich Ihre Frage nicht an das Netzwerk-Team weitergeben.
