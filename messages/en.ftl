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

## Hand-off: questions for the network team (Telegram)

handoff-telegram-command = A question for the network team
handoff-telegram-offer = Shall I pass your question on to the network team? The team sees only the text of your question – not your name and not your Telegram account. I will send you the answer here in this chat.
handoff-telegram-offer-truncated = Your question is very long: the team gets a shortened version.
handoff-telegram-button = Ask the team
handoff-telegram-ask = What would you like to ask the network team? Just send me your question as your next message.
handoff-telegram-opened = Thank you! Your question is now with the network team as #{ $number }. As soon as someone answers, you will get the answer here in this chat.
handoff-telegram-already-open = Your question is already with the network team as #{ $number }.
handoff-telegram-unknown-offer = This offer is no longer valid – it has expired or belongs to another chat. To pass a question on to the network team, send /question followed by your question.
handoff-telegram-too-many-open =
    { $limit ->
        [one] You already have an open question with the network team. Once the team has closed it, you can ask a new one.
       *[other] You already have { $limit } open questions with the network team. Once the team has closed one of them, you can ask a new one.
    }
handoff-telegram-daily-cap =
    Within 24 hours I can pass on at most { $limit ->
        [one] one question
       *[other] { $limit } questions
    } from you to the network team. Please try again tomorrow.
handoff-telegram-private-only = I take questions for the network team only in a private chat, so that the answer reaches only you. Write to me there: { $link }
handoff-telegram-unavailable = I cannot pass questions on to the network team right now. Please try again later.
handoff-telegram-relay = Answer from the network team (#{ $number }):
handoff-telegram-someone = someone from the team

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

## Hand-off: questions for the network team (Slack)

handoff-slack-ticket-title = Question for the network team #{ $number }
handoff-slack-ticket-notification = New question for the network team #{ $number }: { $question }
handoff-slack-locale-de = German
handoff-slack-locale-en = English
handoff-slack-truncated = The question was longer; it is shown shortened.
handoff-slack-state-open = Open – answer in this message's thread or with "Answer". The answer goes to the asker's chat.
handoff-slack-state-answered = Answered by { $members }. Further answers in the thread also go to the asker until someone chooses "Close".
handoff-slack-state-closed = Closed by { $member }.
handoff-slack-state-expired = Closed automatically: the retention period has run out.
handoff-slack-state-was-answered = Answered by { $members }.
handoff-slack-button-answer = Answer
handoff-slack-button-close = Close
handoff-slack-button-adopt = Keep as the answer
handoff-slack-cancel = Cancel
handoff-slack-confirm-close-title = Close the question?
handoff-slack-confirm-close-text = After that no answers go to the asker any more, and the link to their chat is deleted.
handoff-slack-modal-title = Answer to #{ $number }
handoff-slack-modal-submit = Send
handoff-slack-modal-label = Your answer
handoff-slack-modal-hint = The asker receives your answer in their chat as an "answer from the network" – as plain text, without your name.
handoff-slack-empty-answer = Please write an answer.
handoff-slack-closed-reply = Question #{ $number } is closed: your answer was not passed on to the asker.
handoff-slack-closed-modal = Question #{ $number } has been closed meanwhile; the answer can no longer be passed on.
handoff-slack-already-closed = Question #{ $number } is already closed.
handoff-slack-unknown-ticket = Question #{ $number } no longer exists – it was deleted when the retention period ran out.
handoff-slack-text-only = Only text goes to the asker. Please write your answer as a message; files and images are not passed on.
handoff-slack-someone = someone from the team
handoff-slack-adopt-no-answer = Question #{ $number } has no answer yet that could be kept.
handoff-slack-adopted = Kept: from now on the bot answers question #{ $number } itself, with the last answer. The entry "{ $id }" is in { $file }, where the editors can revise it.
handoff-slack-adopt-updated = Updated: the entry "{ $id }" in { $file } now has the last answer to #{ $number }. The bot uses it from now on.
handoff-slack-adopt-empty = Not kept: the question or the answer is too short.
handoff-slack-adopt-invalid = Not kept – the knowledge would no longer load with this entry: { $reason }
handoff-slack-adopt-failed = Not kept: the file { $file } could not be written. Please tell the people who run the bot.

## Terminal

terminal-greeting =
    { $bot } – info bot. Just ask (in German or English).
    A number picks a suggestion; /quit or Ctrl-D ends the chat.

## Terminal (ops)

ops-terminal-no-handoff = Here in the terminal I cannot pass your question on to the network team.
