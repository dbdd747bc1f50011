# Lübecks eigene Fassung einzelner Sätze; sie ersetzen die des Programms (knowledge/programme/answers.de.ftl).

chat-help =
    Ich beantworte Fragen { DEF($city, prep: "zu") }, zum Beispiel:
    • Was ist die Engagierte Stadt, und seit wann ist { $town } dabei?
    • Wer macht mit, wer sind die Partner und wer trägt das Programm?
    • Wie oft trifft sich die Steuerungsgruppe, und was ist das Forum Ehrenamt?
    • Wie kann ich mich engagieren, und wen kann ich anrufen?
    Sie können auch /kontakt, /partner oder /sprache tippen.
