"""Words that decide whether a figure takes a period from the text around it (en, ru, uk, de).

Each list holds lower-case phrases, matched at word boundaries; ``periods.py`` compiles them.
"""

from __future__ import annotations

# A sentence that names the figures of an earlier one ("of these", "из них"): it continues that
# report and keeps its time frame, even in a new paragraph.
FIGURE_ANAPHORS: dict[str, tuple[str, ...]] = {
    "en": ("of these", "of those", "of them", "of which", "among them", "among these",
           "these cases", "these losses", "these figures", "this figure", "this number",
           "this means", "this translates", "that means", "the rest", "the remainder",
           "among the", "the reported"),
    "ru": ("из них", "из этого числа", "из этих", "среди них", "среди этих", "это означает",
           "остальные"),
    "uk": ("з них", "із них", "з цього числа", "серед них", "серед цих", "це означає", "решта"),
    "de": ("davon", "von ihnen", "darunter", "unter den", "das bedeutet", "diese zahl",
           "die übrigen"),
}

# A time word pointing back at the frame set before ("since then", "to date"): the sentence is
# in that frame. The "since" words open a period from the frame's start.
SINCE_THEN: dict[str, tuple[str, ...]] = {
    "en": ("since then", "ever since"),
    "ru": ("с тех пор", "с того времени", "с этого момента"),
    "uk": ("відтоді", "з того часу", "з цього моменту"),
    "de": ("seitdem", "seither"),
}
SO_FAR: dict[str, tuple[str, ...]] = {
    "en": ("to date", "at this point", "so far", "by then", "by that time", "thus far"),
    "ru": ("на данный момент", "на сегодняшний день", "к этому времени", "на тот момент"),
    "uk": ("на даний момент", "на сьогодні", "до того часу", "на той момент"),
    "de": ("bislang", "bisher", "bis dahin", "bis heute"),
}

# Linked headlines and editorial furniture: figures there are another story's.
LINKED_HEADLINE: dict[str, tuple[str, ...]] = {
    "en": ("read more", "read also", "also read", "see also", "related", "watch"),
    "ru": ("читайте также", "читайте еще", "смотрите также", "по теме"),
    "uk": ("читайте також", "читайте ще", "дивіться також", "по темі"),
    "de": ("lesen sie auch", "lesen sie mehr", "mehr zum thema", "auch interessant"),
}

# A figure followed by one of these is an age, a probability or a term, never a count of a
# period: "aged 18-30", "a 55-75% probability".
NOT_FRAMED_AFTER: dict[str, tuple[str, ...]] = {
    "en": ("probability", "chance", "likelihood", "age group", "years old", "year-old"),
    "ru": ("вероятность", "вероятностью", "лет от роду", "летнего возраста"),
    "uk": ("ймовірність", "ймовірністю", "вірогідність", "річного віку"),
    "de": ("wahrscheinlichkeit", "jahre alt", "jährig", "jährige", "jährigen"),
}
NOT_FRAMED_BEFORE: dict[str, tuple[str, ...]] = {
    "en": ("aged", "ages", "age of", "age limit", "age limit to", "age limit of"),
    "ru": ("в возрасте", "возрастом", "возраст", "возраста"),
    "uk": ("у віці", "віком", "вік", "віку"),
    "de": ("im alter von", "alter von", "altersgrenze", "altersgrenze auf"),
}


def all_phrases(table: dict[str, tuple[str, ...]]) -> tuple[str, ...]:
    """Every phrase of a table, longest first (so that a regex alternation tries it first)."""
    return tuple(sorted({p for words in table.values() for p in words}, key=len, reverse=True))


# A paragraph that goes on with the report of the paragraph before ("also", "in addition"): it
# keeps that paragraph's frame (only the paragraph right before).
CONTINUATION: dict[str, tuple[str, ...]] = {
    "en": ("also", "in addition", "furthermore", "moreover", "for example", "for instance"),
    "ru": ("также", "кроме того", "помимо этого", "например"),
    "uk": ("також", "крім того", "окрім того", "наприклад"),
    "de": ("auch", "außerdem", "zudem", "darüber hinaus", "zum beispiel", "beispielsweise"),
}

# Words right before a time that make it the base of a comparison ("16 times more than in June
# 2024"): the figure is not of that time.
COMPARISON_BASE: dict[str, tuple[str, ...]] = {
    "en": ("than", "than in", "than on", "compared to", "compared with", "compared to the",
           "compared with the", "versus", "from the", "on the", "up from", "down from",
           "higher from", "lower from", "per cent over", "percent over"),
    "ru": ("чем", "чем в", "чем за", "по сравнению с", "против"),
    "uk": ("ніж", "ніж у", "ніж в", "ніж за", "порівняно з", "у порівнянні з", "проти"),
    "de": ("als", "als im", "als in", "im vergleich zu", "im vergleich zum", "gegenüber"),
}

# A reporting verb right before a time: the date of the statement, not of the figure
# ("authorities said Monday").
REPORTING_VERBS: dict[str, tuple[str, ...]] = {
    "en": ("said", "says", "reported", "announced", "stated", "told", "wrote", "added",
           "noted", "confirmed", "claimed", "posted", "tweeted", "revealed",
           "showed"),
    "ru": ("заявил", "заявила", "заявили", "сообщил", "сообщила", "сообщили", "сказал",
           "сказала", "написал", "написала", "рассказал", "рассказала", "отметил", "отметила",
           "показал", "показали"),
    "uk": ("заявив", "заявила", "заявили", "повідомив", "повідомила", "повідомили", "сказав",
           "сказала", "написав", "написала", "розповів", "розповіла", "зазначив", "зазначила",
           "показав", "показали"),
    "de": ("sagte", "sagten", "erklärte", "erklärten", "berichtete", "berichteten", "meldete",
           "meldeten", "teilte", "teilten", "schrieb", "betonte", "zeigte", "zeigten"),
}

# A vague time of its own ("1.5 million later"): the figure is not of the frame around it, and
# the word gives it no period either.
VAGUE_TIMES: dict[str, tuple[str, ...]] = {
    "en": ("later", "subsequently", "eventually", "afterwards", "in the future", "in future"),
    "ru": ("позже", "потом", "впоследствии", "в будущем", "в дальнейшем"),
    "uk": ("пізніше", "згодом", "надалі", "у майбутньому", "в майбутньому"),
    "de": ("später", "künftig", "danach", "in zukunft", "anschließend"),
}

# "2.18 and 2.76 trillion, respectively, in 2026 and 2027": the figures take the ends in turn.
RESPECTIVELY: dict[str, tuple[str, ...]] = {
    "en": ("respectively",),
    "ru": ("соответственно",),
    "uk": ("відповідно",),
    "de": ("beziehungsweise", "respektive"),
}

# "over two years of the war": the span runs from the war's start (the words before the number
# and the war words, per language; the number and the year word are matched in between).
SPAN_LEADS: dict[str, tuple[str, ...]] = {
    "en": ("over", "in", "during", "after", "for"),
    "ru": ("за", "в течение", "после"),
    "uk": ("за", "протягом", "впродовж", "після"),
    "de": ("in", "nach", "während"),
}
SPAN_WARS: dict[str, tuple[str, ...]] = {
    "en": ("years of war", "years of full-scale war", "years of the war",
           "years of the full-scale war", "years of the invasion",
           "years of the full-scale invasion"),
    "ru": ("лет войны", "года войны", "лет полномасштабной войны", "года полномасштабной войны",
           "лет вторжения", "года вторжения"),
    "uk": ("років війни", "роки війни", "років повномасштабної війни",
           "роки повномасштабної війни", "років вторгнення", "роки вторгнення"),
    "de": ("jahren krieg", "jahren des krieges", "jahren des kriegs", "jahren der invasion"),
}
