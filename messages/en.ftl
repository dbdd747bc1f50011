# The bot's sentences that do not come from the knowledge: help, errors, Telegram and Slack.
# Parameters from the knowledge: { $bot } (the bot's name), { $city } (the city, with grammar),
# { $programme } (the programme).

## Telegram

telegram-non-text = Sorry, I can only read text messages. Please type your question – or send /help.
telegram-apology = Sorry, something went wrong on my side. Please try again in a moment.
telegram-command-start = Start and overview
telegram-command-help = What I can answer
telegram-command-contact = Contact people and office
telegram-command-partners = Partners of { $bot }
telegram-command-language = Switch language (German/English)
telegram-description = I answer questions about { $bot }: what it is about, who takes part, who carries the programme and whom you can contact. Tap "Start" and just ask.
telegram-short-description = Questions and answers about { $bot }.
telegram-contact-phone = Phone: { $phone }
telegram-contact-email = Email: { $email }
telegram-choose = Please choose:
telegram-too-many = You have sent me many messages at once. I am answering the first ones in turn – please wait for the answers, then send any further questions again.
telegram-busy = Very many questions are arriving at once right now. Please send your message again in a minute.

## Slack

slack-apology = Sorry, something went wrong on my side. Please try again in a moment.
slack-home-title = { $bot }
slack-home-topics = What I can tell you about
slack-home-contact = Contact
slack-home-how-to = Write to me in the Messages tab, mention me in a channel I have been invited to, or use /engagiert with your question – only you will see the answer. In the thread of an answer you can ask more without mentioning me again.
slack-contact-phone = Phone
slack-contact-email = Email
slack-shortened = … (shortened)
slack-busy = You have just sent me a great many questions at once. I am answering them in turn; please ask the rest again in a moment.
slack-overloaded = I am receiving a great many questions right now. Please try again in a minute.

## Terminal

terminal-greeting =
    { $bot } – info bot. Just ask (in German or English).
    A number picks a suggestion; /quit or Ctrl-D ends the chat.

## Terminal (ops)

ops-terminal-no-handoff = Here in the terminal I cannot pass your question on to the network team.
