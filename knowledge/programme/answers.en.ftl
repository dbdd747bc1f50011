# How the bot answers in English; the same ids and parameters as answers.de.ftl.
# DEF($name, cap: 1) puts "the" where the name takes it ("the Forum Ehrenamt", "ePunkt e.V.").

## Answers to facts

answer-about =
    { $kind ->
        [city] { $value }
        [person] { $subject } is { $value }.
       *[other] { DEF($subject, cap: 1) } is { $value }{ $has-roles ->
            [yes] {" "}{ PRONOUN($subject, cap: 1) } is { $roles }.
           *[no] {""}
        }
    }
answer-role =
    { $kind ->
        [person] { $subject } is { $value }.
       *[other] { DEF($subject, cap: 1) } is { $value }{ $has-roles ->
            [yes] {" "}{ PRONOUN($subject, cap: 1) } is { $roles }.
           *[no] {""}
        }
    }
answer-roles = { DEF($subject, cap: 1) } is { $value }.
answer-purpose =
    { $kind ->
        [city] As an Engaged City, { $town } aims above all { $value }
       *[other] { DEF($subject, cap: 1) } aims { $value }
    }
answer-activities = { DEF($subject, cap: 1) } { $value }
answer-founded = { DEF($subject, cap: 1) } was founded in { $value }.
answer-founded-text = { DEF($subject, cap: 1) } has been active { $value }; the page gives no year of founding.
answer-joined = { $town } has been part of the nationwide { $programme } network since { $value }.
answer-applied = { $town }'s successful application was submitted by { DEF($value) }; it was backed by { $application-support }.
answer-rhythm = { DEF($subject, cap: 1) } { $value }.
answer-date-rhythm = { DEF($subject, cap: 1) } { $value }; the page gives no exact date.
answer-audience = { DEF($subject, cap: 1) } is meant for { $value }.
answer-members = { DEF($subject, cap: 1) } is formed by { LIST($value) }.
answer-members-text =
    { $kind ->
        [programme] The network has { $cities } member cities all over Germany; in each, { $value } work together. The city's page does not list the cities.
       *[other] { DEF($subject, cap: 1) } brings together { $value }; the page does not name individual members.
    }
answer-part-of = { DEF($subject, cap: 1) } is part of { DEF($value) }.
answer-part-of-organisation = { DEF($subject, cap: 1) } works at { DEF($value) }.
answer-lead =
    { $as ->
        [none] { $value } heads { DEF($subject) }.
       *[other] { $value } heads { $as } of { DEF($subject) }.
    }
answer-website = You can find { DEF($subject) } online at { $value }.
answer-organiser =
    { $value-has-members ->
        [yes] { DEF($subject, cap: 1) } is organised by { DEF($value) }, that is { LIST($value-members) } together.
       *[no] { DEF($subject, cap: 1) } is organised by { DEF($value) }.
    }
answer-question = The central question of { DEF($subject) } is: "{ $value }"
answer-activities-question = { DEF($subject, cap: 1) } works on the question: "{ $value }"
answer-strategy = Two key building blocks of { $town }'s engagement strategy are { LIST($value) }.
answer-photo = From left to right, the photo on the page shows { $value }. It was taken by { $credit }.
answer-topics = The network's cities exchange ideas on topics such as { LIST($value) } and share many best-practice solutions.
answer-cities = The { $programme } network has { $value } member cities in Germany – { $town } is one of them.
answer-phone = You can reach { $person } at { DEF($office) } by phone:
answer-email = You can email { $person } at { DEF($office) }:
answer-person = The contact person for { $bot } is { $value } at { DEF($office) }, { DEF($department) }:
answer-title = The contact person holds a doctorate: { $value }, addressed as "{ $salutation }".
answer-office =
    { $kind ->
        [contact] The responsible office is { DEF($value) } in { DEF($department) } of the city administration:
       *[other] The responsible office is { DEF($value) }.
    }

## When the page does not say (honestly, with the contact that can help)

missing-about = The page gives no more than the name of { DEF($subject) }.
missing-purpose = The page does not describe a goal of { DEF($subject) } of its own.
missing-activities = The page does not describe what { DEF($subject) } does in detail.
missing-founded = The page does not say when { DEF($subject) } was founded.
missing-joined = The page does not say since when { DEF($subject) } has taken part.
missing-applied = The page does not say who applied.
missing-rhythm = The page does not say how often or when { DEF($subject) } takes place.
missing-audience = The page does not say whom { DEF($subject) } is meant for.
missing-members = The page does not name the individual members of { DEF($subject) }.
missing-part-of = The page does not say what { DEF($subject) } belongs to.
missing-lead = The page does not say who heads { DEF($subject) }.
missing-website = The page gives no website of { DEF($subject) }.
missing-role = The page does not describe a role of { DEF($subject) } in the programme.
missing-organiser = The page does not say who organises { DEF($subject) }.
missing-question = The page gives no guiding question of { DEF($subject) }.
missing-strategy = The page does not describe a strategy of { DEF($subject) }.
missing-photo = The page does not describe a photo of { DEF($subject) }.
missing-topics = The page names no topics of { DEF($subject) } of its own.
missing-cities = The page gives no number for that.
missing-phone = The page gives no phone number for { DEF($subject) }. For questions about { $bot } you can reach:
missing-email = The page gives no email address for { DEF($subject) }. For questions about { $bot } you can reach:
missing-person = The page names no contact person at { DEF($subject) }. For questions about { $bot } you can reach:
missing-title = The page gives no title of { DEF($subject) }.
missing-office = The page does not say which office is responsible for that.
missing-involve = The page does not say how to take part in or join { DEF($subject) }. You can ask:

missing-address = The city's page gives no address or place for { DEF($subject) }. Best ask directly:
missing-date = The city's page gives no date for { DEF($subject) }. You can find out about current dates here:
missing-cost = The city's page says nothing about costs, money or funding. A reliable answer can come from:
missing-hours = The city's page gives no office or opening hours. You can reach:
missing-until = The page does not say until when { DEF($subject) } runs, or whether it ends.
missing-headcount = The page gives no figure for how many people volunteer or take part.
missing-requirements = The page names no requirements for taking part, such as a minimum age or insurance. This office can give you a reliable answer:

## Yes and no

verdict-yes = Yes.
verdict-no = No.
not-named-closed = No. "{ $name }" is not among the { $role } the page names. They are { LIST($names) }.
not-named-open = The page does not name "{ $name }" among the { $role }. Among others, it names { LIST($names) }.
not-named-fitting = The page calls none of the { $role } "{ $name }", but { LIST($names) } would fit.
not-named-any = No. The page does not mention "{ $name }" – neither among the actors nor among the partners or sponsors of { $bot }.

## Lists

list-actors = The actors of { $bot } include { LIST($names) }.
list-local-partners = { $town }'s application was backed by { $count } local partners from business, the city administration and civil society:
list-sponsors = The programme is carried { $level } by a consortium of { $count } members:
list-further-partners = Further partners of the programme are:
list-events = { DEF($organiser, cap: 1) } organises events such as { LIST($names) }.
list-events-mixed = The page names these events: { LIST($names) }.
list-people = The page names these people:
list-topics = { answer-topics }

## Getting involved

involve-intro = Great that you want to get involved! This is how to find something that suits you in { $town }:
involve-way = { DEF($via, cap: 1) } { $text }
involve-more = The contact office of { $bot } can also answer your questions:

## Conversation

welcome = Welcome! I am the info bot of { $bot }. I answer questions about the programme, its actors, partners and sponsors, and tell you whom to contact. Just ask – or pick a topic.
chat-greeting = Hello! I answer questions about { $bot }. What would you like to know?
chat-thanks = You're welcome! Feel free to ask more.
chat-goodbye = Goodbye – and thank you for your interest in { $bot }!
chat-ack = Fine. Just ask if there is anything else you would like to know.
chat-who = I am an info bot, not a person: I answer questions about the { $programme } programme in { $town } with what the city's page says. If I don't know something, I tell you honestly.
chat-wellbeing = Thanks for asking, I am fine! I am an info bot and happy to answer your questions about { $bot }.
chat-help =
    I answer questions about { $bot }, for example:
    • What is Engagierte Stadt, and since when has { $town } taken part?
    • Who takes part, who are the partners and who carries the programme?
    • Which events are there, and how can I get involved?
    • Whom can I contact?
    You can also send /contact, /partner or /language.
chat-language = Sure – from now on I will answer in English.
chat-empty = Just type your question – for example "Who is the contact person?".
chat-unreadable = I could not read that. Please type your question in words, in English or German.

## Asking back and honest declines

clarify = Do you mean { LIST($options, or: 1) }?
decline-near = Sorry, I can't tell you that: the city's page says nothing about it, and I don't want to guess. The contact office of { $bot } can help:
decline-near-subject = Sorry, I can't tell you that: the city's page says nothing about it. I'm happy to tell you what I know about { DEF($subject) }. The contact office of { $bot } can help:
decline-other = Sorry, I don't know. I only know about { $bot }: the programme, its actors, partners and sponsors, the events and the contact. For other matters, please turn to the responsible office of the city.

## Button labels and the contact card

choice-about = What is { DEF($subject) }?
choice-programme = The programme
choice-partners = Local partners
choice-sponsors = Sponsors
choice-actors = Actors
choice-involve = Get involved
choice-contact = Contact
contact-phone = Phone
contact-email = Email
suggestions = Suggestions:

## Roles (phrases after "is …") and parts of other answers

list-within = { $count ->
        [one] This one of the { $among } belongs
       *[other] These { $count } of the { $among } belong
    } to { $within }:
role-actor = one of the actors of { $bot }
role-local-partner = one of the local partners that backed { $town }'s application
role-sponsor = a member of the consortium that carries the { $programme } programme at federal level
role-programme-partner = one of the further partners of the { $programme } programme
role-actor-among = actors
role-local-partner-among = local partners
role-sponsor-among = programme sponsors
role-programme-partner-among = further partners of the programme
photo-person = { $name } ({ $role })
photo-place = { $name } stands { $place ->
    [left] on the far left
    [right] on the far right
   *[middle] in the middle
} of the photo.
contact-card =
    { $name }
    { $has-department ->
        [yes] { $office }, { $department }
       *[no] { $office }
    }
    Phone: { $phone }
    Email: { $email }
answer-with-verdict = { $verdict } { $answer }
list-item-person = { $name } – { $role }

## Questions as buttons

ask-about = { UPPER(DEF($subject)) }
ask-rhythm = How often: { DEF($subject) }
ask-members = Who belongs to it?
ask-person = Contact person
