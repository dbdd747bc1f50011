# Lübeck's own version of some sentences; they replace the programme's (knowledge/programme/answers.en.ftl).

chat-help =
    I answer questions about { $bot }, for example:
    • What is Engagierte Stadt, and since when has { $town } taken part?
    • Who takes part, who are the partners and who carries the programme?
    • How often does the steering group meet, and what is the Forum Ehrenamt?
    • How can I get involved, and whom can I call?
    You can also send /contact, /partner or /language.
