"""English cue words of the arithmetic checks that tie figures of different sentences together.

Lower-case phrases, matched at word boundaries; a trailing ``*`` matches any ending
(``claimledger.checks.naming`` compiles them).
"""

from __future__ import annotations

# Words that call a figure a whole: "the overall budget", "total outlays".
TOTALITY = ("total", "totals", "overall", "whole", "full", "entire", "combined", "complete",
            "aggregate", "all")
# Words that add a further part to a figure: "combined with the state grant".
COMBINED_WITH = ("combined with", "together with", "added to", "along with", "plus")
# Verbs that state the result of an addition: "..., combined with X, totals 70,000".
TOTAL_VERBS = ("totals", "totalled", "totaled", "will total", "comes to", "come to",
               "came to", "adds up to", "add up to", "amounts to", "amount to", "will amount to",
               "makes", "gives", "reaches", "will reach")
# Words that end the subject of a sentence ("Road spending | will make up 23%").
SUBJECT_STOPS = ("will", "would", "shall", "is", "are", "was", "were", "has", "have", "had",
                 "can", "could", "may", "might", "must", "account*", "make", "makes", "made",
                 "represent*", "amount*", "constitut*", "compris*", "equal*", "take", "takes",
                 "took", "reach*", "rose", "rise*", "grew", "grow*", "fell", "fall*", "stood",
                 "stand*", "came", "come*", "increas*", "decreas*", "went", "goes",
                 "got", "get*", "received", "receive*", "cost*")
# Conjunctions that join the parts a total names: "spending on schools and hospitals".
CONJUNCTIONS = ("and",)
# Function words and evaluative words that name nothing: left out when descriptions are matched.
FUNCTION_WORDS = ("the", "a", "an", "of", "on", "in", "for", "to", "at", "by", "with", "from",
                  "as", "and", "or", "its", "their", "his", "her", "this", "that", "these",
                  "those", "which", "who", "whom", "new", "latest", "current", "same", "such",
                  "previous", "former", "said", "also", "than", "into", "per", "cent", "percent",
                  "some", "about", "around", "nearly", "almost", "more", "less", "over", "under",
                  "up", "year", "years", "it", "they", "there", "here", "now", "then", "when",
                  "be", "been", "being", "not", "only", "state's", "country's", "russia's",
                  "ukraine's")
# Words between a multiplier and the figure it multiplies: "twice the 600", "double that of".
MULTIPLIER_LINKS = ("the", "that of", "those of", "as much as", "as many as", "as high as",
                    "as large as", "as big as", "as great as", "more than", "higher than",
                    "larger than", "bigger than", "greater than")
# Words between "P% of the total X" and the figure of X: "of the overall budget of 40 billion".
# The word before the multiplied figure after a noun: "three times the old grant of 15,000".
MULTIPLIER_OF = ("of",)
WHOLE_LINKS = ("of", "worth", "totalling", "totaling")
# The same for a sum of money only: "of the overall budget at 40 billion".
WHOLE_LINKS_MONEY = ("at",)
# Words that open the whole of a share: "23% of ...".
SHARE_OF = ("of", "out of")
