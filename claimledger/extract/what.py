"""What a figure counts: the noun phrase of the article that the figure quantifies.

The phrase after the figure ("20,538 cases of service personnel absent without leave") is read up
to the next clause boundary, past a bracketed twin or increment ("7,242 (+1) tanks", "4.2bn
roubles ($46m) on trams") and with its own brackets kept whole; a figure without one takes the
phrase before it ("tanks — 9419", "the losses ... would amount to 20,900", a list label under
a header that names the set). A short counted noun is completed by the subject and verb that
govern the figure ("Russia lost 1,000 tanks" → "tanks Russia lost"); the items of a list
("eight tanks, four rocket systems, 119 vehicles") each keep their own noun and share the list's
governing clause (and a German list its closing participle). References such as "of these
cases", "of them", "из них" are resolved to what the figure before counted. Other figures are
not echoed inside a what; shares keep their "of" and name their owner ("payments ... 8% of
spending"); ages count "age"; "from N to M" figures count the subject of the change.
Per-language words are in ``what_lexicon``.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from ..deadline import tick
from ..lexicon import alternation
from ..model import Quantity
from .scan import DENSE_SENTENCE_FIGURES
from .spans import sentence_of
from .what_lexicon import (
    ACCUSATIVE_LABEL,
    AGE_ADJECTIVE,
    AGE_CUE_BEFORE,
    AGE_OF_PERSON,
    AGE_WORDS,
    CLASSIFIER,
    FINITE_VERB,
    NOMINATIVE_ENDINGS,
    NOT_A_NOUN,
)

MAX_WHAT_WORDS = 12  # a counted thing described in more words runs into the next clause
MAX_BEFORE_WORDS = 8  # the phrase before a bare figure: its clause's last few words
MAX_BARE_WORDS = 3  # a counted noun this short is completed by its clause: "tanks Russia has lost"
MAX_GOVERNOR_WORDS = 7  # subject and verb of a figure: "Russia is confirmed to have lost"
MAX_LIST_GAP = 90  # characters of one list item and its separator: "units were destroyed, "
AFTER_CHARS = 160  # text read after a figure: twelve words and a lead "of the" fit in it
BEFORE_CHARS = 300  # text read before a figure: a subject with its tail and a reporting verb
CUE_CHARS = 80  # a cue right before a figure ("aged", "the new", "over the past", " — ")
TAIL_CHARS = 48  # end-anchored patterns ("would amount to", "has lost") read only this much

_MONTHS = alternation("calendar", "MONTH_STEMS")
_STOP_AFTER = re.compile(
    r"\.(?!\s*\d)|[;:!?\n–—…]|,\s|,?[\"“”«»]|\s-\s|\(\s*[+-]|\s(?:and|or|та|і|й|и|или|або|und|oder)\s+"
    r"(?:(?:at\s+least|about|around|nearly|almost|over|more\s+than|some|up\s+to|mindestens|etwa|rund|fast|"
    r"über|mehr\s+als|щонайменше|понад|близько|майже|не\s+менее|около|почти|более|свыше)\s+)?[\d+]|"
    r"\s(?:(?:this|last|next)\s+(?:year|month|week|spring|summer|autumn|fall|winter)|so\s+far|"
    r"since|between|from|as\s+of|according|including|while|whereas|as\s+well\s+as|"
    r"to\s+be\s+exact|respectively|соответственно|відповідно|beziehungsweise|suggesting|based\s+on|which\s+saw|"
    r"(?:and|or)\s+(?:a|an|one)\s|(?:and|or|but)\s+(?:may|might|will|would|can|could|should|must|receive\w*|get\w*|serv\w*)|"
    r"(?:on|by)\s+\d|(?:in|within|over|during)\s+(?:just\s+|only\s+|the\s+(?:past|last)\s+)?\d|"
    r"by\s+(?:the\s+)?(?:end|start)|in\s+(?:19|20)\d\d|"
    r"с\s+начала|с\s+момента|по\s+данным|з\s+початку|за\s+даними|seit|laut)\b",
    re.IGNORECASE,
)
# a date inside the phrase ends it; at its start it is what the figure is scoped to ("in June")
_DATE_STOP = re.compile(
    r"\s(?:(?:in|on|by|during|until|through|im|в|у|з|с)\s+)?(?:\d{1,2}\s+)?(?:" + _MONTHS + r")\b",
    re.IGNORECASE,
)
# "are", "were", "have been" before a participle: a reduced passive ("cases recorded") is kept
_PARTICIPLE = (
    r"(?:\w+ed|lost|sent|made|taken|seen|held|won|shot|hit|built|bought|caught|left|put|"
    r"known|shown|given|drawn|thrown|driven|sworn|sold|told|found|brought|fought|kept|paid)"
)
_AUX = re.compile(
    r"\s(?:(?:who|which|that)\s+)?(?:(?:have|has|had)\s+been|is|are|was|were)(?=(?:\s+(?:also|already|reportedly|now|still|just|allegedly))*"
    r"\s" + _PARTICIPLE + r"\b)",
    re.IGNORECASE,
)
_LEAD_OF = re.compile(
    r"^\s*(?:(?:%|percent|per\s*cent|процент\w*|відсот\w*|Prozent)\s*)?(?:of|из|з|із|von)\s+",
    re.IGNORECASE,
)
# "these cases", "the majority of them", "из них": a reference to a thing counted before
_DEMONSTRATIVE = re.compile(
    r"^(?:(?:the\s+)?(?:majority|most|half|rest|all)\s+of\s+)?(?:these|those|them|which|such|"
    r"них|них\s+же|цих|этих|тех|тих|таких|diesen|denen|dieser)\b",
    re.IGNORECASE,
)
_LEAD_OF_BEFORE = re.compile(
    r"^(?:of|among|из|з|серед|von|unter)\s+(?:(?:all|the)\s+)?", re.IGNORECASE
)
# "18,159, or 88.4%", "1,000 (5%)": two figures of the same thing
_SAME_THING = re.compile(
    r"^\s*(?:,\s*)?(?:or|или|або|чи|oder|\((?:\s*(?:about|around|approximately|roughly|some|"
    r"nearly|almost|ca\.|около|примерно|почти|близько|приблизно|майже|etwa|rund|ungefähr|knapp))?)"
    r"\s*$",
    re.IGNORECASE,
)
# the gap between two items of a list: the first item's noun and a comma or "and"
_LIST_GAP = re.compile(
    r"\s*[^\W\d][^\d,;:.!?()\"“”«»—–]*?(?:\s*,\s*(?:(?:and|or|та|і|й|и|und|oder)\s+)?|"
    r"\s+(?:and|or|та|і|й|и|und|oder|as\s+well\s+as)\s+)(?:a\s+further\s+|another\s+|"
    r"(?:more|less|fewer)\s+than\s+|over\s+|about\s+|around\s+|nearly\s+|almost\s+|some\s+|"
    r"at\s+least\s+|mehr\s+als\s+|mindestens\s+|etwa\s+|rund\s+|fast\s+|über\s+|понад\s+|"
    r"близько\s+|майже\s+|щонайменше\s+|около\s+|почти\s+|более\s+|свыше\s+|ще\s+|еще\s+)?",
    re.IGNORECASE,
)
# "1.1 million rubles and 1 million rubles": two figures of one kind joined by a bare "and"
_BARE_AND = re.compile(r"\s*(?:,\s*)?(?:and|та|і|й|и|und)\s+", re.IGNORECASE)
# a phrase after the figure that says when or how often, not what: "per day", "in the first"
_NOT_A_THING = re.compile(
    r"^(?:this|last|next|in|on|for|per|by|so|later|earlier|subsequently|ago|higher|lower|more|less|"
    r"each|every|a\s+(?:day|week|month|year)|за|в|у|на|по|im|pro|je)\b",
    re.IGNORECASE,
)
# a phrase after the figure that opens another clause: "14 days and may get", "34 and serving"
_CONJUNCTION = re.compile(r"^(?:and|or|but|та|і|й|и|или|або|а|но|und|oder|aber)\b", re.IGNORECASE)
# a phrase after the figure that is its predicate: "were destroyed", "damaged", "received a"
_VERB_START = re.compile(
    r"^(?:(?:are|is|was|were|have|has|had)\b|(?:\w+ed|lost|sent|received)$|\w+ed\s+(?:by|in)\b)",
    re.IGNORECASE,
)
# where a counted noun phrase ends and its predicate begins
_HEAD_END = re.compile(
    r"\s(?:are|is|was|were|have|has|had|will|would|" + _PARTICIPLE + r")\b", re.IGNORECASE
)
_VERB_AFTER = re.compile(r"^(?:are|is|was|were|have|has|had|will|would)\b", re.IGNORECASE)
_DROP_LEAD = re.compile(
    r"^(?:(?:more|less|fewer)\s+than|over|about|around|nearly|almost|some|approximately|roughly|"
    r"at\s+least|up\s+to|only|just|another|a\s+further|an\s+additional|additional|other|the|a|an|"
    r"der|die|das|den|dem|des|ein|eine|einen|einem|eines|etwa|rund|mehr\s+als|insgesamt|"
    r"своих|своїх|свои|свої|ещё|еще|ще|"
    r"including|incl\.?|e\.g\.|such\s+as|like|to\s+date|so\s+far|зокрема|в\s+том\s+числе|у\s+тому\s+числі|darunter)\s+",
    re.IGNORECASE,
)
_BEFORE_STRIP = re.compile(
    r"(?:\s(?:of|to|at|is|was|were|are|by|with|reached|totaling|totalling|amount(?:s|ed)?\s+to|"
    r"would\s+amount\s+to|more\s+than|over|about|around|nearly|almost|some|approximately|up\s+to|"
    r"at\s+least|or|and|—|–|-|склали|становить|составили|досягли|достигли|понад|около|близько|"
    r"приблизно|более|понад|including|include[sd]?|a\s+staggering|an?|the|just|only|another|"
    r"as\s+well\s+as|mehr\s+als|mindestens|etwa|rund|fast|knapp|über|ungefähr|щонайменше|майже|"
    r"почти|свыше|не\s+менее|по\s+меньшей\s+мере|как\s+минимум|"
    r"a\s+further|an\s+additional|additional|ще|еще|ещё|weitere[n]?|zusätzliche[n]?|"
    r"дополнительных|дополнительные|додаткових|додаткові)\s*)+$",
    re.IGNORECASE,
)
# "the losses ... would amount to 20,900", "втрати склали 1 200": the subject names the thing
# a verb of change: "the toll has risen from 400 to 2,400", "the term was doubled from 5 to 10"
_CHANGE = (
    r"(?:increased|decreased|rose|risen|fell|fallen|grew|grown|dropped|doubled|tripled|halved|"
    r"plummeted|soared|jumped|climbed|declined|shrunk|shrank|surged|raised|cut|reduced|lowered)"
)
_COPULA_END = re.compile(
    r"\s(?:(?:currently|now|also|additionally|already|still)\s+)?"
    r"(?:(?:would|will|could|can|may|might|should|(?:is|are|was|were)\s+(?:expected|set|due|projected)\s+to|"
    r"(?:is|are|was|were)\s+(?:now\s+)?(?:likely|thought|believed|said|estimated)\s+to|has|have)\s+)?"
    r"(?:be|is|are|was|were|been|amount(?:s|ed)?\s+to|quantity\s+to|"
    r"total(?:s|ed|led|ing|ling)?|reach(?:es|ed)?(?:\s+an?\s+(?:record|new\s+high)(?:\s+of)?)?|"
    r"stands?\s+at|stood\s+at|include[sd]?|account(?:s|ed)?\s+for|make\s+up|makes\s+up|made\s+up|"
    r"represent(?:s|ed)?|constitute[sd]?|equal(?:s|led)?|(?:be\s+)?equivalent\s+to|"
    r"(?:rise|rises|rose|risen|fall|falls|fell|fallen|"
    r"grow|grows|grew|grown|climb(?:s|ed)?|increase[sd]?|decrease[sd]?|drop(?:s|ped)?)\s+to|"
    r"(?:(?:is|are|was|were|be|been)\s+)?(?:set|planned|estimated|put|projected|pegged)\s+at|"
    r"(?:(?:is|are|was|were|be|been)\s+)(?:raised|increased|elevated|boosted|cut|reduced|lowered|"
    r"doubled)\s+to|"
    r"(?:(?:is|are|was|were|has|have|had)\s+(?:been\s+)?)?" + _CHANGE + r"\s+from|"
    r"склали|складають|становлять|склала|склав|склало|становить|становила|становив|сягнула|"
    r"складе|складуть|становитиме|составит|составят|"
    r"сягнули|зросла\s+до|зріс\s+до|зросли\s+до|составили|составляют|составляет|составила|"
    r"составил|составило|достигла|достиг|достигло|выросло\s+до|выросла\s+до|выросли\s+до|"
    r"достигли|досягли|досягла|betrug(?:en)?|beträgt|betragen|beliefen\s+sich\s+auf|"
    r"beläuft\s+sich\s+auf|lag\s+bei|liegt\s+bei|stieg\s+auf|steigt\s+auf|erreichte|erreicht)"
    r"(?:\s+(?:about|around|nearly|almost|some|roughly|approximately|only|just|more\s+than|over|"
    r"an?\s+(?:average|high|low|peak)\s+of|"
    r"less\s+than|under|at\s+least|up\s+to|a\s+staggering|an\s+estimated|около|почти|более|"
    r"свыше|понад|близько|майже|приблизно|etwa|rund|fast|mehr\s+als|über|knapp))*$",
    re.IGNORECASE,
)
# what opens a clause before its subject: a sentence adverb, a date, a time frame
_SCENE_LEAD = re.compile(
    r"^(?:(?:meanwhile|however|notably|although|though|also|moreover|furthermore|in\s+addition|"
    r"in\s+total|overall|thus|today|yesterday|which|who|that|так|загалом(?:\s+же)?|всього|всего|"
    r"кроме\s+того|при\s+цьому|при\s+этом|водночас|wobei|dabei|"
    r"крім\s+того|також|также|insgesamt|außerdem|zudem|angeblich|минулої\s+доби|"
    r"протягом\s+минулої\s+доби|за\s+(?:минулу|останню)\s+добу|за\s+(?:прошедшие|минувшие)\s+сутки)"
    r"\b[,\s]*|(?:(?:since|from|in|on|by|as\s+of|during|від|з|із|с|со|от|у|в|за|seit|im|am)\s+)?"
    r"(?:the\s+)?(?:(?:\d{1,4}|" + _MONTHS + r"|року|года|году|році|year|рік)(?=[\s,])[,\s]*)+)",
    re.IGNORECASE,
)
# the last word of a time frame that opens a clause: "у вересні 2022 року", "(сентябрь 2022 року)"
_FRAME_END = re.compile(
    r"(?:\d{4}(?:\s+(?:року|года|году|році|р\.|г\.))?|\))(?=\s)", re.IGNORECASE
)
# "the highest number of", "a record number of", "найбільшу кількість": what is counted follows
_RECORD_NUMBER = re.compile(
    r"\b(?:(?:the|a)\s+)?(?:highest|largest|biggest|greatest|most\s+significant|record)\s+"
    r"numbers?\s+of\s+|(?<!\w)(?:найбільшу|найбільша|найбільше|рекордну|рекордна|наибольшее|"
    r"наибольшее|рекордное|рекордную|наибольшую)\s+(?:кількість|число|количество)\s+|"
    r"\b(?:die\s+)?(?:größte|höchste)\s+Zahl\s+(?:an\s+|der\s+|von\s+)?|\b(?:eine\s+)?Rekordzahl\s+"
    r"(?:an\s+|von\s+)?",
    re.IGNORECASE,
)
_SUBJECT_TAIL = re.compile(
    r"\s(?:since|from|as\s+of|over\s+the|in\s+the\s+past|during|to\s+date|с|з|із|від|за|seit)\s",
    re.IGNORECASE,
)
# a verb that governs the figure: "Russia lost", "the forces have destroyed", "втратила"
_VERB_END = re.compile(
    r"(?:\w+ed|lost|lose|loses|sent|made|took|saw|got|gave|held|won|shot|hit|built|bought|sank|"
    r"caught|left|put|kill|kills|recruit|recruits|draft|produce|produces|destroy|destroys|"
    r"capture|send|mobili[sz]e|conscript|identified|suffered|\w+(?:ла|ли|ло|но|то|ено|ано|ёно)|"
    r"verlor|verloren|getötet|zerstört|vernichtet)",
    re.IGNORECASE,
)
# a clause reported inside the sentence: "X said (that) Russia has lost"
_REPORTED = re.compile(
    r"^.*\b(?:that|said|says|say|claimed|claims|reported|reports|stated|estimates|estimated|"
    r"suggest|suggests|suggested|show|shows|showed|indicate|indicates|indicated|"
    r"что|що|dass)\s",
    re.IGNORECASE,
)
_REPORTED_END = re.compile(r"\s(?:that|что|що|dass)$", re.IGNORECASE)
_ADVERBS = re.compile(
    r"(?<!\sto)\s(?:(?:has|have|had)(?=\s+(?:also\s+|already\s+|reportedly\s+|now\s+)*\w+ed\b|\s+lost\b)|"
    r"also|already|reportedly|now|still|likely|allegedly|a\s+staggering|an\s+astonishing)\b",
    re.IGNORECASE,
)
# a bracket right after a figure that holds another figure: "(+12)", "($1.3 billion)"
_ASIDE = re.compile(r"\s*\((?=[^()\n]*\d)[^()\n]{0,80}\)")
_ASIDE_END = re.compile(r"[^()\n]{0,80}\)")
_PART_OF = re.compile(r"^\s*(?:of|из|з|із|von)(?:\s+(?:the|der|des|dem|den))?(?=\s)", re.IGNORECASE)
_DURATION_OF = re.compile(r"^\s+of\s", re.IGNORECASE)
_UNIT_WORD = re.compile(r"[^\W\d_]+$")
_ADJECTIVAL = re.compile(r"-[^\W\d_]+$|\d\s+(?:year|hour|day|week|month|minute)$", re.IGNORECASE)
_PUNCT_EDGES = " \t,;:.\"'“”«»()*•-–—−…"
# a label and a dash before a figure: "tanks — 7,242 units", "РСЗО — около 1046"
_LABEL_DASH = re.compile(
    r"\s[—–−-]+\s*(?:(?:about|around|nearly|almost|over|more\s+than|около|почти|более|близько|майже|"
    r"понад|etwa|rund|fast|über)\s*)?$",
    re.IGNORECASE,
)
_LETTER = re.compile(r"[^\W\d_]")


def _trim(phrase: str) -> str:
    """``phrase`` without punctuation at its edges, but with a bracket it opened closed."""
    out = phrase.strip(_PUNCT_EDGES)
    opens = phrase.lstrip(_PUNCT_EDGES.replace("(", "")).startswith("(")
    if opens and out.count(")") > out.count("("):
        out = "(" + out  # "(mostly elderly) residents": the bracket opens the phrase
    if out.count("(") > out.count(")"):
        rest = phrase[phrase.find(out) + len(out) :]
        if rest.startswith(")"):
            out += ")"  # "absent without leave (AWOL)": the bracket belongs to the phrase
    if out.count("(") > out.count(")"):
        out = out[: out.rfind("(")].strip(_PUNCT_EDGES)  # an aside cut off: dropped
    german_open, curly_open = out.count("„"), out.count("“")
    german_closed = min(german_open, curly_open)  # „teilweisen“ closes with “
    if german_open > german_closed:
        out += "“"
    elif curly_open - german_closed > out.count("”"):
        out += "”"  # a quoted term keeps its closing quote: "“eliminated”"
    elif out.count("«") > out.count("»"):
        out += "»"
    elif out.count('"') % 2:
        out += '"'
    return out


QUOTE_CHARS = 60  # a quoted term inside a phrase: "cases of “absence without leave”"
_OPEN_QUOTE = re.compile(r"[\"“«„‘]")
_CLOSE_QUOTE = re.compile(r"[\"”»“’]")


def _first_stop(body: str) -> int:
    """Where the phrase after a figure ends: the first clause boundary outside brackets."""
    quoted_until = -1
    for stop in _STOP_AFTER.finditer(body):
        head = body[: stop.start()]
        if head.count("(") > head.count(")") and ")" in body[stop.start() :]:
            continue  # "(killed, wounded)": a comma inside an aside
        if stop.start() < quoted_until:
            continue  # inside a quoted term
        opening = _OPEN_QUOTE.match(body, stop.start())
        if opening is not None and stop.start() > 0 and body[stop.start() - 1].isspace():
            closing = _CLOSE_QUOTE.search(body, opening.end(), opening.end() + QUOTE_CHARS)
            if closing is not None and closing.start() > opening.end():
                if body[closing.start() - 1] == ",":
                    return closing.start() - 1  # "tried for "desertion," while": the clause ends
                quoted_until = closing.end()  # "tried for “desertion”": the term is the thing's
                continue
        return stop.start()
    return len(body)


def _clip_words(phrase: str, limit: int, from_end: bool = False) -> str:
    words = phrase.split()
    if len(words) <= limit:
        return phrase
    return " ".join(words[-limit:] if from_end else words[:limit])


def _drop_lead(phrase: str) -> str:
    while True:
        stripped = _DROP_LEAD.sub("", phrase)
        if stripped == phrase:
            return phrase
        phrase = stripped


# a Russian or Ukrainian past-tense verb: where a time span's own phrase ends ("загинула")
_PAST_VERB = re.compile(
    r"\s[а-яёіїєґ]+(?:ла|ли|ло|лась|лася|лись|лися|лось|лося)(?!\w)", re.IGNORECASE
)


def _reduce_aux(phrase: str) -> str:
    """A passive as its participle: "cases have been recorded" → "cases recorded"."""
    m = _AUX.search(phrase)
    return phrase[: m.start()] + phrase[m.end() :] if m else phrase


def _after(
    text: str, q: Quantity, s_end: int, figure_starts: frozenset[int] = frozenset()
) -> tuple[str, bool]:
    """The phrase after the figure, and whether it is complete (a passive or "days of X").

    ``figure_starts``: where other figures start; "to" before one of them ends a range
    ("from 400 in May to 2,400") and the phrase with it."""
    aside = _ASIDE.match(text, q.end, min(s_end, q.end + AFTER_CHARS))
    start = aside.end() if aside else q.end  # "7,242 (+1) tanks": not the twin figure's bracket
    end = min(s_end, start + AFTER_CHARS)
    for to in _TO_FIGURE.finditer(text, start, end):
        if to.end() in figure_starts:
            end = to.start()
            break
    window = text[start:end]
    if not _LETTER.search(window):
        return "", False  # no letter to name a thing: the phrase could only be empty
    lead = _LEAD_OF.match(window)
    body = window[lead.end() :] if lead else window
    phrase = body[: _first_stop(body)]
    phrase = phrase.strip()
    date = None if _NOT_A_THING.match(phrase) else _DATE_STOP.search(phrase)
    if date is not None:
        phrase = phrase[: date.start()]
    verb = _PAST_VERB.search(phrase) if q.kind == "duration" else None
    if verb is not None and verb.start() > 0 and not _PRONOUN.fullmatch(phrase[: verb.start()]):
        phrase = phrase[: verb.start()]  # "за два роки війни загинула 31 тисяча": of the war
    phrase = _drop_lead(_trim(_clip_words(phrase, MAX_WHAT_WORDS)))
    if not _LETTER.search(phrase):
        return "", False
    if _VERB_AFTER.match(phrase):
        return phrase, False
    reduced = _trim(_reduce_aux(phrase))
    if q.kind == "duration" and lead and _DURATION_OF.match(window):
        unit = _UNIT_WORD.search(q.text)
        if unit:
            return f"{unit.group(0)} of {reduced}", True  # "5 days of training": days of training
    part_of = _PART_OF.match(window) if q.kind in ("percent", "ratio") and lead else None
    if part_of is not None:  # "41% of the spending": the share keeps its "of"
        return f"{part_of.group(0).strip()} {reduced}", reduced != phrase
    return reduced, reduced != phrase


AFTER_MEMO_SIZE = 4096  # distinct windows remembered per document (a soup repeats one or a few)
LOOKBEHIND_CHARS = 16  # the longest lookbehind of the patterns ``_after`` runs, and a margin


# every match of ``_TO_FIGURE`` holds this
_TO_WORD = re.compile(r"\sto\s", re.IGNORECASE)


def _after_memo(
    text: str,
    q: Quantity,
    s_end: int,
    figure_starts: frozenset[int],
    sorted_starts: list[int],
    memo: dict[tuple[object, ...], tuple[str, bool]],
) -> tuple[str, bool]:
    """``_after``, answered once per distinct window: it reads nothing but the figure's kind
    and text, the text from just before its end to two windows after it (an aside and the
    window; ``s_end`` cuts it), and where other figures start in that span."""
    span_end = min(s_end, len(text), q.end + 2 * AFTER_CHARS)
    span = text[q.end : span_end]
    # the other figures' starts matter only after a "to" (``_TO_FIGURE``): without one in the
    # span, they are left out of the key (a run of dense figures would make it long)
    if _TO_WORD.search(span) is not None:
        end = q.end
        starts = tuple(
            x - end
            for x in sorted_starts[bisect_left(sorted_starts, end) : bisect_right(
                sorted_starts, span_end)]
        )
    else:
        starts = ()
    key = (
        q.kind,
        q.text,
        text[max(0, q.end - LOOKBEHIND_CHARS) : q.end],
        span,
        q.end < LOOKBEHIND_CHARS,
        starts,
    )
    got = memo.get(key)
    if got is None:
        if len(memo) >= AFTER_MEMO_SIZE:
            memo.clear()
        got = memo[key] = _after(text, q, s_end, figure_starts)
    return got


_CHUNK_SPLIT = re.compile(r",(?!\d)|[;:(]|\s[—–]\s?$|\n")


_INCLUDING = re.compile(
    r"(?:including|include[sd]?|such\s+as|among\s+them|в\s+том\s+числе|в\s+тому\s+числі|зокрема|"
    r"darunter|unter\s+anderem)(?:\s+(?:about|around|nearly|almost|some|over|more\s+than))?",
    re.IGNORECASE,
)


def _before_chunk(text: str, s_start: int, end: int) -> str:
    window = text[max(s_start, end - BEFORE_CHARS) : end]
    chunks = _CHUNK_SPLIT.split(window.rstrip(" —–-"))
    last = chunks[-1].strip()
    if len(chunks) > 1 and last.endswith(")") and "(" not in last and _LETTER.search(chunks[-2]):
        last = chunks[-2].strip()  # "the number of cases since May (2022) – 7400": not the aside
    # "Of all those cases, 18,159" and "..., totaling 428": the figure alone after a comma
    if len(chunks) > 1 and (not last or _COPULA_END.fullmatch(" " + last)):
        last = chunks[-2].strip()
    elif len(chunks) > 1 and _INCLUDING.fullmatch(last):
        # "Russia has lost an array of equipment, including 10,766 tanks": what Russia lost
        words = chunks[-2].split()
        verbs = [k for k, w in enumerate(words) if _VERB_END.fullmatch(w.strip(_PUNCT_EDGES))]
        if verbs:
            last = " ".join(words[: verbs[-1] + 1])
    elif len(chunks) > 1 and not _strip_tail(" " + last).strip():
        reference = _LEAD_OF_BEFORE.sub("", chunks[-2].strip())
        if _DEMONSTRATIVE.match(reference):
            last = reference  # "Of those, at least 4,927": the qualifier alone after a comma
    return " " + _LEAD_OF_BEFORE.sub("", last)


def _strip_tail(chunk: str) -> str:
    """The clause before a figure without its qualifiers: "has lost more than" → "has lost"."""
    strip = _BEFORE_STRIP.search(chunk, max(0, len(chunk) - TAIL_CHARS))
    return chunk[: strip.start()] if strip else chunk


def _drop_scene(phrase: str) -> str:
    """``phrase`` without the adverbs and dates that open its clause: "Meanwhile, Russia lost"."""
    while True:
        m = _SCENE_LEAD.match(phrase)
        if m is None or not m.group(0) or m.end() == len(phrase):
            return phrase
        if re.fullmatch(r"\d{1,4}\s+", m.group(0)):
            return phrase  # "2024 budget deficit": the year names the thing
        phrase = phrase[m.end() :]


def _drop_number_of(phrase: str) -> str:
    """``phrase`` without a superlative "number of": "the highest number of cases" counts cases."""
    cut = _RECORD_NUMBER.sub("", phrase)
    return cut if _LETTER.search(cut) else phrase


def _before(chunk: str) -> tuple[str, bool, str]:
    """The phrase before a bare figure, whether ``chunk`` ends in a copula, and ``chunk``
    without its qualifiers ("" when not needed): the last two are shared with ``_governor``."""
    end = _COPULA_END.search(chunk, max(0, len(chunk) - TAIL_CHARS))
    copula = end is not None
    if end is not None:  # "the losses among the ranks would amount to": the subject
        subject = chunk[: end.start()]
        tail = _SUBJECT_TAIL.search(subject)
        if tail is not None and tail.start() > 0:
            head = subject[: tail.start()]
            if _CONTENT_WORD.search(_drop_scene(head.strip(_PUNCT_EDGES)) + " ") and not (
                _SCENE_LEAD.fullmatch(head.strip(_PUNCT_EDGES) + " ")
            ):
                subject = head  # "the total number of cases since May stands at"
            else:  # "Загалом з моменту мобілізації у вересні 2022 року кількість справ становить"
                frame_end = list(_FRAME_END.finditer(subject))
                subject = subject[frame_end[-1].end() :] if frame_end else head
        subject = _drop_lead(subject.strip(_PUNCT_EDGES))
        if _LETTER.search(subject):
            subject = _clip_words(subject, MAX_BEFORE_WORDS, from_end=True)
            return _drop_lead(_drop_scene(subject)), True, ""
    stripped = _strip_tail(chunk)
    if _REPORTED_END.search(stripped, max(0, len(stripped) - TAIL_CHARS)):
        return "", copula, stripped  # "Ukraine also said that 236 aircraft": the report
    phrase = _drop_scene(stripped.strip(_PUNCT_EDGES))
    phrase = _clip_words(phrase, MAX_BEFORE_WORDS, from_end=True)
    phrase = _drop_number_of(_drop_lead(_drop_scene(phrase.strip(_PUNCT_EDGES))))
    return (phrase if _LETTER.search(phrase) else ""), copula, stripped


def _governor(before: str, copula: bool, stripped: str) -> str:
    """The subject and verb that govern a figure: "the Russian forces have also lost".

    ``before``, ``copula`` and ``stripped`` are what ``_before`` gave for the figure's chunk.
    """
    if copula:
        return before
    chunk = stripped.strip(_PUNCT_EDGES)
    words = chunk.rsplit(None, 1)
    if not words or not _VERB_END.fullmatch(words[-1]):
        return ""
    reported = _REPORTED.match(chunk)
    clause = chunk[reported.end() :] if reported else chunk
    clause = _ADVERBS.sub("", " " + clause)
    clause = _drop_lead(clause.strip(_PUNCT_EDGES))
    clause = _clip_words(clause, MAX_GOVERNOR_WORDS, from_end=True)
    return _drop_lead(_drop_scene(clause))


_BULLET_LINE = re.compile(r"[ \t]*[•\-–—*·][ \t]")
_HEADER_TAIL = re.compile(
    r"\s(?:as\s+of|since|on|by|станом\s+на|по\s+состоянию\s+на|на|з|с|seit|am|zum|Stand)\s.*$",
    re.IGNORECASE,
)
MAX_HEADER_LINES = 40  # a list of losses runs to some twenty items
MAX_HEADER_WORDS = 8


_TRAILING_FIGURE = re.compile(r"\s*[—–-]\s*\d[\d\s.,]*$")


def _nominative(label: str) -> str:
    """A Russian or Ukrainian list label in the nominative: "специальную технику" (governed by
    the header's verb) → "специальная техника"; other labels as they are. A figure the label
    repeats at its end ("технику — 1926") is dropped."""
    label = _TRAILING_FIGURE.sub("", label)
    words = label.split()
    if not words or not ACCUSATIVE_LABEL.fullmatch(words[0]):
        return label
    out = []
    for word in words:
        for acc, nom in NOMINATIVE_ENDINGS:
            if len(word) > 3 and word.lower().endswith(acc) and _LETTER.match(word):
                word = word[: -len(acc)] + nom
                break
        out.append(word)
    return " ".join(out)


def _list_header(text: str, pos: int) -> str:
    """The header that a bulleted list at ``pos`` stands under ("Losses of the army as of May
    1:"), when it is a noun phrase; "" when the line at ``pos`` is no list item or the header is
    a clause ("Besides men, the army lost equipment:") or a bare adverb ("In particular:")."""
    line_start = text.rfind("\n", 0, pos) + 1
    if not _BULLET_LINE.match(text, line_start):
        return ""
    end = line_start
    for _ in range(MAX_HEADER_LINES):
        if end <= 0:
            return ""
        start = text.rfind("\n", 0, end - 1) + 1
        line = text[start:end].strip()
        end = start
        if not line or _BULLET_LINE.match(text, start):
            continue
        if not line.endswith(":"):
            return ""
        header = _HEADER_TAIL.sub("", line[:-1]).strip(_PUNCT_EDGES)
        words = header.split()
        if len(words) < 2 or len(words) > MAX_HEADER_WORDS or FINITE_VERB.search(header):
            return ""
        return header
    return ""


# a time frame that opens a sentence: "Over the past six months, ..."
_FRAME_BEFORE = re.compile(
    r"(?:^|(?<=\W))(?:over|in|for|during|within)\s+the\s+(?:past|last)\s*$|"
    r"(?:^|(?<=\W))(?:за|протягом|в\s+течение)\s+(?:последние|останні|минулі|прошедшие)\s*$|"
    r"(?:^|(?<=\W))in\s+den\s+(?:letzten|vergangenen)\s*$",
    re.IGNORECASE,
)
_CLAUSE_END = re.compile(r"[.;:!?\n]|,\s|\s[—–]\s")


# a figure that is an adjective: "a 20-year pact", "the 24-hour hotline", "a nine-year sentence"
_HYPHEN_UNIT = re.compile(r"-(?:year|month|week|day|hour|minute)(?:-old)?$", re.IGNORECASE)
# where the noun a hyphenated figure modifies ends: its verb or a clause word
_NOUN_END = re.compile(
    r"\s(?:is|are|was|were|has|have|had|will|would|could|can|may|might|should|must|which|that|who|"
    r"at|on|in|to|by|with|after|before|since|but|[a-z]+s(?=\s+(?:[a-z]+\s+)?(?:to|that|the|a|an|"
    r"Russians|it|them|their|military)\b))\b"
)
_DETERMINER = re.compile(
    r"(?<!\S)(?:the|a|an|its|their|his|her|this|that|our)\s+((?:[a-z-]+\s+){0,2})$", re.IGNORECASE
)


def _modified_noun(text: str, q: Quantity, s_start: int, after: str) -> str:
    """The noun a hyphenated figure modifies, with its adjectives: "The new three-year budget
    envisages ..." → "new budget"; "" when ``after`` does not start with a noun."""
    if _VERB_START.match(after) or _NOT_A_THING.match(after):
        return ""
    end = _NOUN_END.search(" " + after)
    noun = (" " + after)[: end.start()].strip() if end else after
    if not noun or len(noun.split()) > MAX_BARE_WORDS:
        return ""
    lead = _DETERMINER.search(text, max(s_start, q.start - CUE_CHARS), q.start)
    adjectives = lead.group(1).strip() if lead else ""
    return f"{adjectives} {noun}".strip()


def _framed_clause(text: str, q: Quantity, s_start: int, s_end: int) -> str:
    """What a time frame that opens a sentence spans: the clause after its comma ("Over the
    past six months, the number of drone attacks has risen" → the number ... has risen)."""
    frame = _FRAME_BEFORE.search(text, max(s_start, q.start - CUE_CHARS), q.start)
    opening = text[max(s_start, q.start - BEFORE_CHARS) : frame.start()] if frame else "-"
    opening = opening.strip(" \t\"“”«»")
    if frame is None or (opening and not opening.endswith((",", ":", "—", "–"))):
        return ""  # "lost four cranes in the past two weeks, officials said": no opening frame
    comma = re.match(r"\s*,\s*", text[q.end : s_end])
    if comma is None:
        return ""
    clause = text[q.end + comma.end() : s_end]
    stop = _CLAUSE_END.search(clause)
    clause = _clip_words(clause[: stop.start()] if stop else clause, MAX_WHAT_WORDS)
    clause = _drop_lead(_trim(clause))
    return clause if _LETTER.search(clause) else ""


_NEXT_WORD = re.compile(r"\s+([^\W\d_][\w-]*)")
_WORD_BEFORE = re.compile(r"([^\W\d_][\w-]*)\s+$")


def _age(text: str, q: Quantity, s_start: int, s_end: int) -> str | None:
    """What an age counts: "age of girl" for "a seven-year-old girl", "age" for "Aged 34"."""
    head = text[max(s_start, q.start - CUE_CHARS) : q.start]  # cues are short: no long scan
    cue = AGE_CUE_BEFORE.search(head)
    adjective = AGE_ADJECTIVE.search(q.text) or AGE_ADJECTIVE.match(text, q.end, s_end)
    if adjective is not None and adjective.string is not text and adjective.end() < len(q.text):
        adjective = None  # "an old 20-year ban": no age
    if cue is not None:
        lang = cue.lastgroup or "en"
        noun = _WORD_BEFORE.search(head, 0, cue.start())  # "soldiers aged 18-30"
    elif adjective is not None:
        lang = adjective.lastgroup or "en"
        end = adjective.end() if adjective.string is text else q.end
        noun = _NEXT_WORD.match(text, end, s_end)  # "a seven-year-old girl"
    elif (person := AGE_OF_PERSON.search(head)) is not None and (
        person.lastgroup in ("ru", "uk") or not _LETTER.search(text[q.end : s_end].split(".")[0])
    ):
        lang = person.lastgroup or ("de" if head.rstrip().endswith("war") else "en")
        return AGE_WORDS[lang]  # "He was 21.", "Самому молодому было 22 года"
    else:
        return None
    word = AGE_WORDS[lang]
    if lang != "en" or noun is None or NOT_A_NOUN.fullmatch(noun.group(1)):
        return word  # "im Alter von 20": the noun, if any, is in the wrong case for "Alter"
    return word if noun.group(1)[0].isupper() else f"{word} of {noun.group(1)}"


# a function word left at the end of a phrase cut before a figure: "expenditure of", "up to"
_DANGLING = re.compile(
    r"(?:\s+(?:of|to|for|from|by|with|at|in|on|and|or|than|the|a|an|as|into|about|over|"
    r"и|і|й|та|в|у|на|з|с|из|із|до|от|від|по|за|und|oder|von|mit|zu|auf|bei|für))+$",
    re.IGNORECASE,
)
# "an additional 3,000 troops": the adjective before the figure belongs to the counted noun
_ADDITIONAL = re.compile(
    r"\b(additional|zusätzliche[n]?|weitere[n]?|додаткових|додаткові|дополнительных|"
    r"дополнительные)\s+(?:(?:about|around|nearly|some|up\s+to|more\s+than|over|etwa|rund|"
    r"около|близько)\s+)?$",
    re.IGNORECASE,
)
_PREPOSITION_START = re.compile(
    r"(?:to|for|in|on|from|by|with|at|into|upon|на|в|у|для|до|für|an|auf|zu)\b", re.IGNORECASE
)
# "21 – Art. 334 of the Code (beating)": a figure, a dash and the label it stands for
_ELLIPTIC_DASH = re.compile(
    r"\s[–—]\s+([^\W\d_][^,;\n–—]*?)(?=,|;|\n|\s[–—]|\.\s+[A-ZА-ЯЁІЇЄҐ]|\.?$)"
)
_HEAD_PREPOSITION = re.compile(
    r".*?\s(?:are|is|was|were)\s+(under|in|on|for|from|at|под|по|за|unter|nach)\s", re.IGNORECASE
)
_CHANGE_GAP = re.compile(r"\s*(?:from|by|to|with)\s+(?:(?:about|around|nearly|almost|some)\s+)?")
_TO_FIGURE = re.compile(
    r"(?<!compared)(?<!relative)(?<!close)(?<!similar)(?<!equivalent)(?<!up)\sto\s+(?:(?:about|around|nearly|almost|approximately|roughly|more\s+than|over|just|only)\s+)?",
    re.IGNORECASE,
)
_FROM_END = re.compile(r"\sfrom(?:\s+\S+){0,3}\s*$", re.IGNORECASE)
# the gap between "from N" and "to M": "in May to more than", " to "
_RANGE_TO = re.compile(
    r"(?:\s+in\s+\S+|\s+\S+)?\s+to\s+(?:(?:about|around|nearly|almost|approximately|roughly|"
    r"more\s+than|over|just|only)\s+)?",
    re.IGNORECASE,
)
# a share in apposition to the figure before it: "$183bn), or nearly 41% of", ", accounting for"
_SHARE_APPOSITION = re.compile(
    r"[)\s]*,\s*(?:(?:or|which\s+is|which\s+are|accounting\s+for|amounting\s+to|equivalent\s+to|"
    r"representing|about|around|nearly|almost|more\s+than|less\s+than|over|some|up\s+to|roughly|"
    r"или|або|что\s+составляет|що\s+становить|oder|das\s+sind|etwa|rund|fast|mehr\s+als)\s*)*",
    re.IGNORECASE,
)
# a predicate after the second figure of a pair: "were for AWOL", "received a prosecution"
_PREDICATE = re.compile(
    r"(?:(?:were|was|are|is|(?:have|has|had)\s+been)\s+|(?=[^\W\d_]+ed\b))", re.IGNORECASE
)
# the participle and auxiliary that close a German verb-final clause: "verloren haben"
_FINAL_PARTICIPLE = re.compile(
    r"\s([^\W\d_]+(?:en|t))\s+(?:haben|hat|hatten|hätten|habe|wurden|wurde|worden|sind|seien|sein)$"
)
_OR_TO = re.compile(r"\s*(?:or|to|или|або|до|oder|bis)\s+", re.IGNORECASE)
_INCLUDES_END = re.compile(r"\sinclude[sd]?(?:\s+\S+){0,2}\s*$", re.IGNORECASE)
_OPEN_BRACKET = re.compile(r"\(\s*$")
# the words after an increment inside its bracket: "(+880 am vergangenen Tag)"
_INCREMENT_REST = re.compile(r"([^()\n]{1,40})\)")
_SHARE_OF = ("of ", "из ", "з ", "із ", "von ")
_PRONOUN = re.compile(
    r"(?:it|this|that|they|he|she|we|es|sie|er|wir|это|оно|он|она|они|мы|вони|воно|він|вона|ми|це)$",
    re.IGNORECASE,
)
_CONTENT_WORD = re.compile(r"[^\W\d_]{4,}")


_CLAUSE_PREPOSITION = re.compile(r"(?:in|on|at|for|among|of|в|у|на|серед|среди|bei|unter)$", re.I)


def _share_clause(before: str) -> str:
    """The clause a share is the object of ("Sentences have been handed down in half of the
    cases", "Russia has lost half of its fleet"): it ends in a verb or a preposition; "" else."""
    reported = _REPORTED.match(before)
    clause = _drop_lead(before[reported.end() :].strip() if reported else before)
    words = clause.split()
    if not words or _PRONOUN.fullmatch(words[0]):
        return ""
    last = words[-1].strip(_PUNCT_EDGES)
    return clause if _VERB_END.fullmatch(last) or _CLAUSE_PREPOSITION.fullmatch(last) else ""


def _owner(subject: str) -> str:
    """The subject of "X accounts for 8% of Y" as the owner of the share, or "" when it is a
    pronoun, a relative ("which is 26%") or a fragment without a content word."""
    reported = _REPORTED.match(subject)
    subject = subject[reported.end() :] if reported else subject
    subject = _drop_lead(subject.strip(_PUNCT_EDGES))
    if not subject or _DEMONSTRATIVE.match(subject) or _PRONOUN.match(subject.split()[0]):
        return ""
    return subject if _CONTENT_WORD.search(subject) else ""


def _unecho(what: str, q: Quantity, near: list[Quantity]) -> str:
    """``what`` without the other figures it repeats: "criminal cases opened against 548
    soldiers" counts the cases, not the 548 (which has its own ``what``)."""
    for other in near:
        if other is q or other.kind == "duration" or not any(ch.isdigit() for ch in other.text):
            continue
        if other.text not in what:
            continue  # nothing to cut (and no pattern to build)
        cut = re.sub(r"(?<!\w)" + re.escape(other.text) + r"(?!\w)", " ", what)
        if cut != what and _LETTER.search(cut):
            what = " ".join(re.sub(r"\(\s*\)", " ", cut).split())  # "($446bn)" leaves no "()"
    return what


def _resolve(what: str, earlier: list[str]) -> str:
    """A reference ("these cases", "them") as the earlier thing it points to."""
    m = _DEMONSTRATIVE.match(what)
    if not m:
        return what
    head = what[m.end() :].strip()
    if not head:
        return earlier[-1] if earlier else what
    first = head.split()[0].lower()
    for phrase in reversed(earlier):
        if first in phrase.lower().split():
            return phrase
    return head


def find_what(
    text: str, quantities: list[Quantity], sentences: list[tuple[int, int, int]]
) -> list[str | None]:
    """The counted thing of each quantity (quantities ordered by position), or None."""
    out: list[str | None] = []
    earlier: list[str] = []
    starts = [a for a, _, _ in sentences]
    ends = [b for _, b, _ in sentences]
    list_chunk = ""  # the clause before the first item of the list the figure continues
    list_tail = ""  # the first item's governing subject and verb: "the storm sank"
    list_head = ""  # the first item's counted noun: "units" of "4,927 units were destroyed"
    copula, stripped = False, ""  # what ``_before`` saw in the chunk (for ``_governor``)
    dash_head = ""  # "cases" of "25 are under Art. 332, 21 – Art. 334, 14 – Art. 338"
    figure_starts = frozenset(x.start for x in quantities)
    sorted_starts = sorted(figure_starts)
    after_memo: dict[tuple[object, ...], tuple[str, bool]] = {}
    groups: list[list[int]] = []  # the figures of each list, by index
    predicated: set[str] = set()  # whats made of a reference and a predicate (not references)
    pair_reference = ""  # "cases" of "Of these cases, 86.2% or 17,721 received ..."
    from_subject = ""  # the subject of "X rose from N": the "to M" after it counts X too
    this_after = ""  # the phrase after the figure before (a time span's own words)
    increment_frame = ""  # "in the past day" of "(+880 in the past day)": for later increments
    dense_k, rank = -2, 0  # the sentence of the figure before, and how many it held so far
    for n, q in enumerate(quantities):
        tick()
        k = sentence_of(q.start, starts, ends)
        rank = rank + 1 if k == dense_k else 0
        dense_k = k
        if rank >= DENSE_SENTENCE_FIGURES and k >= 0:
            out.append(None)  # a sentence of very many figures is no prose: not read on
            continue
        s_start, s_end = (starts[k], ends[k]) if k >= 0 else (0, len(text))
        prev = quantities[n - 1] if n > 0 else None
        in_list = False
        if prev is not None and s_start <= prev.start < q.start:
            gap_start = max(s_start, prev.end)
            close = _ASIDE_END.match(text, gap_start, q.start)
            if close is not None:  # the figure before closed a bracket: "7,242 (+1) tanks, "
                gap_start = close.end()
            in_list = q.start - gap_start <= MAX_LIST_GAP and (
                _LIST_GAP.fullmatch(text, gap_start, q.start) is not None
                or (
                    prev.kind == q.kind
                    and _BARE_AND.fullmatch(text, gap_start, q.start) is not None
                )
            )
            word_figure = not any(ch.isdigit() for ch in prev.text)
            gap = text[gap_start : q.start]
            copula_gap = _COPULA_END.fullmatch(" " + gap.strip()) is not None
            if not ((word_figure and _CHANGE_GAP.fullmatch(gap)) or copula_gap):
                s_start = gap_start  # not into the figure before (but "doubled from 5": its verb)
        first_reference = pair_reference  # the reference of the figure before, if any
        after, complete = _after_memo(text, q, s_end, figure_starts, sorted_starts, after_memo)
        range_end = (
            prev is not None
            and from_subject != ""
            and _RANGE_TO.fullmatch(text, prev.end, q.start) is not None
        )
        prev_after, this_after = this_after, after
        if in_list:
            chunk = list_chunk
            before = ""
        else:
            chunk_start = s_start
            own = prev_after if prev is not None and prev.kind == "duration" else ""
            if (
                prev is not None
                and own
                and s_start == prev.end
                and text.startswith(own, s_start + 1)
                and _PAST_VERB.match(text, s_start + 1 + len(own))
            ):
                chunk_start += 1 + len(own)  # "за два роки війни загинула": not the years' "війни"
            chunk = _before_chunk(text, chunk_start, q.start)
            list_chunk = chunk
            before, copula, stripped = _before(chunk)
            reference = _DEMONSTRATIVE.match(before)
            pair_reference = before[reference.end() :].strip() if reference else ""
            if range_end:  # "was doubled from 5 to 10 years": the 10 years are the same thing's
                before, copula, stripped = from_subject, True, ""
            from_subject = before if copula and _FROM_END.search(chunk) else ""
        verb = _VERB_START.match(after) is not None
        if not in_list:
            list_tail = ""
            head = _resolve(before, earlier) if verb else _HEAD_END.split(after, 1)[0]
            if verb and before and _DEMONSTRATIVE.match(before):
                head = _HEAD_END.split(" " + head, 1)[0] or head  # "tanks (were) affected": tanks
            list_head = head.strip()
        what = after or before
        near = max(s_start, q.start - CUE_CHARS)  # where a cue right before the figure can start
        labelled = bool(before) and _LABEL_DASH.search(text, near, q.start) is not None
        if labelled and CLASSIFIER.fullmatch(after):
            what = before  # "tanks — 7,242 units": the label names the thing
        elif after and _CONJUNCTION.match(after):
            what = before
        elif after and _NOT_A_THING.match(after):
            what = f"{before} {after}" if before else after
        elif verb and before and _DEMONSTRATIVE.match(before):
            # "Of these files, 120 were closed": the files counted before, closed
            what = f"{list_head} {_reduce_aux(' ' + after).strip()}"
        elif verb and in_list and list_head:
            # "4,927 units were destroyed, 198 damaged": units damaged
            what = f"{list_head} {_reduce_aux(' ' + after).strip()}"
        elif (
            after
            and not after.startswith(_SHARE_OF)  # a share's owner is found below (``_owner``)
            and not complete
            and len(after.split()) <= MAX_BARE_WORDS
            and not _ADJECTIVAL.search(q.text)
        ):
            governor = list_tail if in_list else _governor(before, copula, stripped)
            if not in_list:
                list_tail = governor
            governor = governor or before
            if copula and _INCLUDES_END.search(chunk):
                governor = ""  # "The losses include 104 tanks": the tanks, a part of the losses
            if _PRONOUN.fullmatch(governor):
                governor = ""  # "It includes 23 articles": "it" names nothing
            if governor:
                what = f"{after} {governor}"  # "Russia has lost 1,000 tanks": tanks Russia lost
        elliptic = _ELLIPTIC_DASH.match(text, q.end, s_end) if not after and prev else None
        if elliptic is not None and earlier and out and out[-1]:
            # "25 are under Art. 332, 21 – Art. 334": the dash stands for the first item's verb
            label = _trim(elliptic.group(1))
            head = _HEAD_END.split(" " + out[-1], 1)[0].strip()
            head = dash_head if head == out[-1].strip() else head
            linked = _HEAD_PREPOSITION.match(out[-1])
            if linked is not None and head and not dash_head:
                head = f"{head} {linked.group(1)}"  # "cases are under": cases under
            if label and head and head != out[-1].strip():
                what = f"{head} {label}"
                dash_head = head
        else:
            dash_head = ""
        if in_list and not after and out[-1]:
            what = out[-1]  # "359 in June and 291 in September": the same thing
        joined = prev is not None and _SAME_THING.match(text[prev.end : q.start]) is not None
        predicate = _PREDICATE.match(after) if joined and first_reference else None
        if joined and out[-1] and predicate is not None:
            # "Of these cases, 86.2% or 17,721 received a prosecution": cases received one
            plain = [e for e in earlier if e not in predicated]  # not "cases ... for AWOL" again
            head = _resolve(f"these {first_reference}", plain)  # as "Of these files, 120 were"
            what = f"{head} {after[predicate.end() :].strip()}".strip()
            predicated.add(what)
            out[-1] = what
        elif joined and out[-1]:
            what = out[-1]
            if prev is not None and q.change and _OPEN_BRACKET.search(text, prev.end, q.start):
                rest = _INCREMENT_REST.match(text, q.end, s_end)  # "(+880 in the past day)"
                if rest is not None and _LETTER.search(rest.group(1)):
                    increment_frame = rest.group(1).strip(_PUNCT_EDGES)
                if increment_frame:
                    what = f"{what} {increment_frame}"
        elif joined and what:
            out[-1] = what
        extra = _ADDITIONAL.search(text, max(s_start, q.start - 40), q.start)
        if (
            extra is not None
            and after
            and what.startswith(after)
            and not _PREPOSITION_START.match(after)
            and extra.group(1).lower() not in what.lower()
        ):
            what = f"{extra.group(1)} {what}"  # "an additional 3,000 personnel": additional ones
        owner = _owner(before) if q.kind == "percent" and copula and not in_list else ""
        if (
            q.kind == "percent"
            and not owner
            and prev is not None
            and out
            and out[-1]
            and _SHARE_APPOSITION.fullmatch(text, prev.end, q.start)
        ):
            owner = out[-1]  # "17 trillion roubles, or nearly 41% of all spending": its share
        if owner and what and what.startswith(_SHARE_OF):
            what = f"{owner} {what}"  # "payments accounted for 8% of spending": whose share
        elif what and what.startswith(_SHARE_OF) and before and not copula and not in_list:
            clause = _share_clause(before)
            if clause:
                what = f"{what} {clause}"  # "handed down in half of the cases": the cases in which
        bullet = _BULLET_LINE.match(text, text.rfind("\n", 0, q.start) + 1) is not None
        if labelled and what == before and bullet:
            what = before = _nominative(before)  # "- специальную технику — 1926": the label
        header = _list_header(text, q.start) if labelled and what == before else ""
        if header:
            what = f"{header}: {what}"  # "Losses of the army:\n• tanks — 7,242": of the losses
        if after and _HYPHEN_UNIT.search(q.text) and not joined:
            what = _modified_noun(text, q, s_start, after) or what  # "the new three-year budget"
        framed = _framed_clause(text, q, s_start, s_end) if q.kind == "duration" else ""
        if framed:
            what = framed  # "Over the past six months, the number of attacks has risen"
        age = _age(text, q, s_start, s_end)
        if age is not None:
            what = age
        if what:
            what = _unecho(what, q, quantities[max(0, n - 3) : n + 4])
            what = _DANGLING.sub("", what) or what
        if what and not what.startswith(_SHARE_OF):
            what = _resolve(what, earlier)
            earlier.append(what)
        out.append(what or None)
        if in_list and (not groups or groups[-1][-1] != n - 1):
            groups.append([n - 1])
        if in_list:
            groups[-1].append(n)
    for group in groups:
        _share_final_verb(out, group)
    for n in range(len(quantities) - 2, -1, -1):  # "with 1,520 and 1,517 systems destroyed"
        q, nxt = quantities[n], quantities[n + 1]
        if out[n] is None and out[n + 1] and q.kind == nxt.kind and q.end <= nxt.start:
            span = (q.end, nxt.start)
            if _BARE_AND.fullmatch(text, *span) or _OR_TO.fullmatch(text, *span):
                out[n] = out[n + 1]  # the first of a pair without a noun of its own
    return out


def _share_final_verb(out: list[str | None], group: list[int]) -> None:
    """A verb-final list ("3.700 Panzer, 300 Kampfjets und 540 Geschütze verloren haben"): the
    participle that closes the last item closes every item of the list."""
    last = out[group[-1]]
    final = _FINAL_PARTICIPLE.search(last) if last else None
    if final is None:
        return
    for k in group[:-1]:
        what = out[k]
        if what and len(what.split()) <= MAX_BARE_WORDS and final.group(1) not in what:
            out[k] = f"{what} {final.group(1)}"
