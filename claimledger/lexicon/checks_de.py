"""German cue words of the arithmetic checks that tie figures of different sentences together.

Lower-case phrases, matched at word boundaries; a trailing ``*`` matches any ending
(``claimledger.checks.naming`` compiles them).
"""

from __future__ import annotations

TOTALITY = ("gesamt*", "insgesamt", "zusammen", "alle", "allen", "aller", "alles", "ganze",
            "ganzen", "kompletten", "summe")
COMBINED_WITH = ("zusammen mit", "gemeinsam mit", "plus", "samt", "nebst")
TOTAL_VERBS = ("ergibt", "ergeben", "beträgt", "betragen", "macht", "machen", "erreicht",
               "erreichen", "kommt auf", "kommen auf", "summiert sich auf", "summieren sich auf")
SUBJECT_STOPS = ("wird", "werden", "wurde", "wurden", "ist", "sind", "war", "waren", "hat",
                 "haben", "hatte", "macht", "machen", "beträgt", "betragen", "entfällt",
                 "entfallen", "steigt", "steigen", "stieg", "stiegen", "sinkt", "sinken",
                 "liegt", "liegen", "lag", "lagen", "erreicht", "erreichen", "ergibt",
                 "ergeben", "kostet", "kosten", "umfasst", "umfassen", "belaufen", "beläuft")
CONJUNCTIONS = ("und",)
FUNCTION_WORDS = ("der", "die", "das", "den", "dem", "des", "ein", "eine", "einer", "eines",
                  "einem", "einen", "für", "von", "vom", "mit", "und", "im", "in", "auf", "zu",
                  "zum", "zur", "bei", "beim", "aus", "an", "am", "diese", "dieser", "dieses",
                  "diesen", "neue", "neuen", "neuer", "neues", "bisherige", "bisherigen",
                  "bisheriger", "solche", "auch", "jahr", "jahre", "jahren", "rund", "etwa",
                  "fast", "mehr", "als", "über", "unter", "sich", "damit", "nun", "jetzt")
MULTIPLIER_LINKS = ("so hoch wie", "so groß wie", "so viel wie", "so viele wie", "mehr als",
                    "höher als", "größer als", "wie")
# The word before the multiplied figure after a noun: "doppelt so hoch wie die Prämie von 2.000".
MULTIPLIER_OF = ("von",)
WHOLE_LINKS = ("von", "in höhe von")
# The same for a sum of money only ("der Gesamtausgaben über 40 Milliarden Euro").
WHOLE_LINKS_MONEY = ("über",)
SHARE_OF = ("der", "des", "von")
