# Messages of `npm run kb:check` for editors of the knowledge.

kb-where = { $file }{ $line ->
        [none] {""}
       *[other] , line { $line }
    }
kb-entry = entry { $number }
kb-ok = Fine: { $subjects } subjects ({ $organisations } organisations, { $people } people, { $events } events), { $facets } kinds of question.
kb-summary = { $count ->
        [one] One problem – the bot would not load this knowledge (a running bot keeps the old one):
       *[other] { $count } problems – the bot would not load this knowledge (a running bot keeps the old one):
    }

yaml-block-as-implicit-key = There is a colon in the middle of a text. Put the whole text in quotes, e.g. name: "Forum: Ehrenamt".
yaml-multiline-implicit-key = A colon is missing after the field name, or a text without quotes runs over several lines.
yaml-tab-as-indent = This line is indented with a tab. YAML only allows spaces: replace the tab with two spaces.
yaml-bad-indent = The indentation does not fit the line before. Indent the fields of one entry equally (with spaces).
yaml-duplicate-key = This field appears twice in the same entry. Keep one of them.
yaml-missing-char = A character is missing here, often a closing ] or } or a quote.
yaml-unexpected-token = This character is not allowed here. Does a text without quotes start with [ { # & * ! | > ' " % @?
yaml-invalid = This is not valid YAML. Check indentation, colons and quotes around this place.

key-unknown = There is no field "{ $keys }" here. Check the spelling or remove it.
field-missing = The field "{ $field }" is missing.{ $field ->
        [en] {" "}Every text needs an English version under en:.
        [de] {" "}Every text needs a German version under de:.
       *[other] {""}
    }
type-mismatch = The value does not have the expected shape{ $type ->
        [text] : a text in both languages is expected, e.g. {"{"} de: …, en: … {"}"}.
        [texts] : a list of texts in both languages is expected.
        [year] : a year like 2022 is expected.
        [count] : value: (a number) and the texts de: and en: are expected.
        [rhythm] : de:, en: and per-year: [from, to] (how often a year) are expected.
        [ref] : the id of an entry is expected.
        [refs] : a list of ids is expected, e.g. [forum-ehrenamt, steuerungsgruppe].
       *[other] .
    }
value-not-allowed = This value is not allowed here. Possible: { $allowed }.
value-invalid = This value is invalid ({ $detail }).
id-format = An id consists of lower-case letters, digits and single hyphens, without umlauts, e.g. forum-ehrenamt.
text-empty-de = The German text is empty.
text-empty-en = The English text is empty.
alias-short = Another name needs at least two characters.
field-format = A field name consists of lower-case letters and hyphens, e.g. founded.
phone-format = Write the phone number with digits and spaces, e.g. 0451 122 2029.
email-format = This is not a valid e-mail address.
url-format = Write the web address in full, with https://.
year-format = Write the year as a four-digit number, e.g. 2022.
section-twice = The section "{ $section }" may exist only once; it is already in another file.
section-missing = No file contains the section "{ $section }". It is required (the city or the programme).
id-duplicate = The id "{ $id }" is already used in { $other }. Every id may occur only once.
ref-unknown = There is no entry with the id "{ $id }".{ $known ->
        [none] {""}
       *[other] {" "}Did you mean "{ $known }"?
    }
role-unknown = There is no role "{ $id }".{ $known ->
        [none] {""}
       *[other] {" "}Did you mean "{ $known }"?
    }
field-unknown = The field "{ $field }" answers no kind of question of facets.yaml.{ $known ->
        [none] {""}
       *[other] {" "}Did you mean "{ $known }"?
    }
ftl-name = Message files are called <name>.de.ftl or <name>.en.ftl, so that it is clear which language they hold.
ftl-syntax = This line is not a valid message. A message starts with its id and =, e.g. answer-rhythm = …; following lines are indented.
