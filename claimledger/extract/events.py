"""Events: dated actions ("on May 30, X approved the plan"), per EVENTS.md.

A trigger (a word or phrase of the language's lexicon, see ``claimledger.lexicon``) is an event
when its clause holds a date (one of the document's ``TimeExpr`` records), or when it is an
action noun after "during"/"at" that takes the date of the clause it sits in. Hypothetical
(a modal before it) and negated actions are not events. The actor is the clause's subject
without titles ("Vladimir Putin" for "Russian President Vladimir Putin"), the agent of a
passive ("by X"), the owner of an action noun ("X's visit"), or for a pronoun the actor named
last; the sources are the attribution chain the figures would get at the trigger.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache

from ..lexicon.events import EventLexicon, lexicon
from ..model import Attribution, Document, Event, Quantity, TimeExpr
from .attribution import assign_sources, split_sentences
from .scan import word_index

MAX_CLAUSE_CHARS = 300  # a clause is read at most this far either side of its trigger
MAX_SUBJECT_WORDS = 16  # a longer stretch before the verb is a clause, not its subject
MAX_OBJECT_WORDS = 14
MAX_AGENT_GAP = 60  # chars between a passive verb and its "by"
NOUN_OBJECT_GAP = 6  # chars between a verb trigger and an action noun that is its object
MODAL_WINDOW = 4  # words before a trigger searched for a modal or a negation
CARRIER_WINDOW = 3  # words before an action noun searched for "during"/"at"

_CLAUSE_PUNCT = re.compile(r"[;:()\[\]]|\s[–—-]\s|—|\s–|–\s|\n")
_WORDS = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
_UPPER = "A-ZА-ЯЁІЇЄҐÄÖÜ"
_POSSESSIVE = re.compile(
    rf"([{_UPPER}][\w.-]*(?:\s+[{_UPPER}][\w.-]*){{0,3}})['’]s?\s+(?:\w+\s+){{0,2}}$"
)
_CAPITAL = re.compile(rf"[{_UPPER}]")
# a sentence that opens inside the act just reported: "During his trip, ..."
_NAME_BEFORE = re.compile(rf"((?:[{_UPPER}][\w'’.-]*\s+){{0,3}}[{_UPPER}][\w'’.-]*),\s*$")
_STAMP = re.compile(r"\d{4}-\d{2}-\d{2}")
_CARRIED = re.compile(r"\s*(\w+)\s+(?:his|her|their|the|this|that|its)\s+(?P<noun>\w+)\b")
_BACK_POSSESSIVE = re.compile(r"\b(?:the\s+)?(latter|former)['’]s?\s+(?:\w+\s+){0,2}$")


@dataclass(frozen=True)
class _Trigger:
    start: int
    end: int
    action: str
    noun: bool


@lru_cache(maxsize=4)
def _phrase_patterns(lang: str) -> tuple[tuple[re.Pattern[str], str], ...]:
    lex = lexicon(lang)
    return tuple((re.compile(r"\b(?:" + p + r")\b", re.IGNORECASE), a) for p, a in lex.phrases)


_ACTION_CACHE: dict[int, dict[str, str | None]] = {}  # per lexicon (a module constant)
MAX_CACHED_WORDS = 50_000


def word_action(word: str, lex: EventLexicon) -> str | None:
    """The action a lower-case word triggers in ``lex``: a listed form, else its longest stem."""
    cache = _ACTION_CACHE.setdefault(id(lex), {})
    if word in cache:
        return cache[word]
    got: str | None = lex.forms.get(word)
    if got is None and lex.stems and not any(word.startswith(x) for x in lex.stem_exceptions):
        for n in range(min(len(word), 20), 2, -1):
            got = lex.stems.get(word[:n])
            if got is not None:
                break
    if len(cache) < MAX_CACHED_WORDS:
        cache[word] = got
    return got


def _is_noun(word: str, lex: EventLexicon) -> bool:
    return any(word == n or (bool(lex.stems) and word.startswith(n)) for n in lex.nouns)


def find_triggers(text: str, language: str | None) -> list[_Trigger]:
    """Every trigger of the language's lexicon in ``text``, in order, phrases before words."""
    lang = language if language in ("en", "ru", "uk", "de") else "en"
    lex = lexicon(lang)
    found: list[_Trigger] = []
    taken: list[tuple[int, int]] = []
    for pattern, action in _phrase_patterns(lang):
        for m in pattern.finditer(text):
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            found.append(_Trigger(m.start(), m.end(), action, action == "other" or
                                  _is_noun(m.group().split()[0].lower(), lex)))
            taken.append((m.start(), m.end()))
    taken.sort()
    taken_at = [a for a, _ in taken]
    for word, starts in word_index(text).items():
        got = word_action(word, lex)
        if got is None:
            continue
        noun = _is_noun(word, lex)
        for s in starts:
            e = s + len(word)
            i = bisect.bisect_left(taken_at, e)  # phrases starting before the word's end
            if i and taken[i - 1][1] > s:
                continue
            found.append(_Trigger(s, e, got, noun))
    found.sort(key=lambda t: t.start)
    return found


def _clause(
    text: str, lex: EventLexicon, lo: int, hi: int, start: int, end: int, keep: set[int]
) -> tuple[int, int]:
    """The clause of the sentence ``lo:hi`` around ``start:end``: cut at clause punctuation
    and at the words that open a clause ("which", "after"), unless such a word opens a time
    expression (``keep``: "after the mobilisation began")."""
    cs, ce = lo, hi
    for m in _CLAUSE_PUNCT.finditer(text, lo, hi):
        if m.end() <= start:
            cs = max(cs, m.end())
        elif m.start() >= end:
            ce = min(ce, m.start())
            break
    for m in _WORDS.finditer(text, cs, ce):
        w = m.group().lower()
        if w in lex.boundaries and m.start() not in keep:
            if m.end() <= start:
                cs = max(cs, m.start())
            elif m.start() >= end:
                ce = min(ce, m.start())
                break
    return cs, ce


def _words_before(text: str, lo: int, pos: int, n: int) -> list[str]:
    """The last ``n`` words of ``text[lo:pos]`` (read from a window of about that length)."""
    start = max(lo, pos - 24 * n)
    got = [m.group().lower() for m in _WORDS.finditer(text, start, pos)]
    if start > lo and got and start > 0 and text[start - 1].isalnum():
        got = got[1:]  # the window cut a word
    return got[-n:]


def _date_of(
    times: list[TimeExpr], lex: EventLexicon, text: str, cs: int, ce: int, trig: _Trigger
) -> TimeExpr | None:
    """The time expression of the clause ``cs:ce`` nearest the trigger, leaving out a page stamp
    ("2025-06-09") and a date of the object ("the plan until 2050")."""

    def distance(t: TimeExpr) -> int:
        return trig.start - t.end if t.end <= trig.start else t.start - trig.end

    within = [t for t in times if cs <= t.start and t.end <= ce and not _STAMP.fullmatch(t.text)]
    for t in sorted(within, key=distance):
        before = _words_before(text, cs, t.start, 2)
        if not before or before[-1] not in lex.not_before_date:
            return t
    return None


def _date_value(t: TimeExpr) -> str | None:
    return t.value if t.type == "date" else t.from_


_LEADING = re.compile(
    r"^(?:(?:on|in|at|since|during|last|late|early|and|but|so|then|also|however|meanwhile|"
    r"previously|earlier|later|subsequently|as|thus|в|во|на|с|и|а|но|у|і|й|та|am|im|an|und|"
    r"aber|seit|dann)\b[\s,]*)+",
    re.IGNORECASE,
)
# an apposition inside a subject: ", a former officer and chair of the board," or ", Name,"
_APPOSITION = re.compile(
    rf",\s*(?:(?P<name>[{_UPPER}][\w'’.-]*(?:\s+[{_UPPER}][\w'’.-]*){{0,3}})"
    r"|(?:a|an|the|who|which)\b[^,]{0,80}),"
)
_DE_FINITE = re.compile(r"\b(?:hat|haben|hatte|hatten|ist|sind|war|waren|wurde|wurden)\b")
# the subject after a fronted adverbial: an article and a noun, or a name
_DE_SUBJECT = re.compile(
    r"\s*((?:(?:der|die|das)\s+\w+)|(?:[A-ZÄÖÜ]\w+(?:\s+[A-ZÄÖÜ]\w+)?))(?=\s)"
)
_POSSESSORS = frozenset({"his", "her", "their", "its", "sein", "seine", "ihr", "ihre"})
_LINKS = frozenset({"of", "the", "and", "for", "on", "in", "der", "des", "die", "и", "і"})
_OF_PLACE = re.compile(r"\s+of\s+[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?$")


def _strip_titles(part: str, lex: EventLexicon) -> str:
    """ "Russian President Vladimir Putin" -> "Vladimir Putin": the words after the last title
    word, when they are a name; the part itself otherwise."""
    words = part.split()
    last = -1
    for i, w in enumerate(words):
        if w.lower().strip("'’,") in lex.titles:
            last = i
    rest = words[last + 1 :]
    if last >= 0 and rest and all(_CAPITAL.match(w) or w == "of" for w in rest):
        name = " ".join(rest)
        return _OF_PLACE.sub("", name)  # "Vladimir Putin of Russia"
    tail = len(words)
    while tail > 0 and _CAPITAL.match(words[tail - 1]):
        tail -= 1
    if (0 < tail < len(words) and words[0].lower() in _POSSESSORS
            and words[tail - 1].islower() and words[tail - 1] not in _LINKS):
        return " ".join(words[tail:])  # "his host Eva Lutz": a description, then the name
    return part


def _is_title(part: str, lex: EventLexicon) -> bool:
    words = part.split()
    return bool(words) and words[-1].lower().strip("'’,") in lex.titles


def _name_parts(text: str, lex: EventLexicon) -> str | None:
    """Actors joined with " and ", each without its titles; a part that is only a title goes."""
    parts = [p.strip(" ,") for p in re.split(r"\s+(?:and|и|і|та|und)\s+", text)]
    parts = [p for p in parts if p]
    named = [p for p in parts if not _is_title(p, lex)] or parts
    got = [_strip_titles(p, lex) for p in named]
    return " and ".join(p for p in got if p) or None


def _blank_times(raw: str, times: list[TimeExpr], lo: int) -> str:
    chars = list(raw)
    for t in times:
        s, e = t.start - lo, t.end - lo
        if s < len(chars) and e > 0:
            s, e = max(0, s), min(len(chars), e)
            chars[s:e] = [" "] * (e - s)
    return "".join(chars)


def _subject(
    text: str, lex: EventLexicon, lang: str, cs: int, trig: _Trigger, times: list[TimeExpr]
) -> str | None:
    """The subject right before the verb, as written, without dates and titles."""
    raw = _blank_times(
        text[cs : trig.start], [t for t in times if not t.start <= trig.start < t.end], cs
    )
    verbs = [w.end() for w in _WORDS.finditer(raw) if word_action(w.group().lower(), lex)]
    if verbs:
        raw = raw[verbs[-1] :]  # "was unveiled and tested": the subject is not after a verb
    if lang == "de":  # "Der Präsident Putin hat am Samstag ... unterzeichnet": up to the verb
        m = _DE_FINITE.search(raw)
        if m and not _LEADING.sub("", raw[: m.start()]).strip(" ,"):
            after = _DE_SUBJECT.match(raw, m.end())  # "Im Mai hat der Landtag ...": after it
            return _name_parts(after.group(1), lex) if after else None
        if m:
            raw = raw[: m.start()]
    raw = _APPOSITION.sub(lambda m: " " + (m.group("name") or "") + " ", raw)
    raw = raw.split(",")[-1] if raw.strip(" ,") else raw
    words = raw.split()
    dangling = lex.skip | lex.passive_aux | lex.carriers | lex.agent
    while words and words[-1].lower().strip(",") in dangling:
        words.pop()  # "X of Iran on [Friday] signed": the date's preposition goes with it
    cut = 0
    for i, w in enumerate(words):
        if w.lower().strip("\"“”«»,") in lex.stoppers:
            cut = i + 1
    words = words[cut:]
    got = _LEADING.sub("", " ".join(words)).strip(" ,\"“”«»")
    if not got or not _WORDS.search(got) or len(got.split()) > MAX_SUBJECT_WORDS:
        return None
    if got[0].isdigit():
        return got  # a figure: the caller drops statistics
    return _name_parts(got, lex)


_INTRANSITIVE_ACTS = frozenset({"meet", "visit", "attack", "withdraw"})


def _passive(text: str, lex: EventLexicon, lang: str, cs: int, ce: int, trig: _Trigger) -> bool:
    before = _words_before(text, cs, trig.start, 3)
    while before and before[-1] in lex.skip:
        before.pop()
    if before and before[-1] in lex.passive_aux:
        return True
    word = text[trig.start : trig.end].lower()
    if lang in ("ru", "uk"):
        return any(word.endswith(e) for e in lex.passive_forms) and not word.endswith(
            ("ал", "ала", "али", "ил", "ила", "или", "ял", "яла", "яли", "ав", "ала", "ив", "ила")
        )
    if lang == "en":
        nxt = _WORDS.search(text, trig.end, ce)
        if word.endswith(("ed", "en")) and nxt and nxt.group().lower() in lex.agent:
            return True  # "the mobilisation announced by X"
        if word.endswith(("ed", "en")) and nxt and nxt.group().lower() in (
            "by", "in", "on", "at", "during", "last", "earlier", "into", "since", "from", "after",
            "under", "against",
        ):
            return trig.action not in _INTRANSITIVE_ACTS  # "reservists mobilized in 2022"
        if not before and word.endswith(("ed", "en")):
            return True  # "Signed in Moscow on ..., the treaty"
    return False


def _agent(
    text: str, lex: EventLexicon, trig: _Trigger, ce: int, times: list[TimeExpr]
) -> str | None:
    """The agent of a passive: the words after "by" up to a preposition, a comma or a date."""
    for m in _WORDS.finditer(text, trig.end, ce):
        if m.start() - trig.end > MAX_AGENT_GAP or word_action(m.group().lower(), lex):
            return None  # "signed ..., has been ratified by X": X is the other act's agent
        if m.group().lower() in lex.agent:
            tail = _blank_times(text[m.end() : ce], times, m.end())
            tail = _APPOSITION.sub(lambda a: " " + (a.group("name") or "") + " ", tail + ",")
            words: list[str] = []
            for w in tail.split(","):
                words = w.split()
                break
            out: list[str] = []
            for w in words:
                if w.lower() in lex.stoppers and w.lower() not in ("and", "und"):
                    break
                out.append(w)
            got = " ".join(out).strip(" ,.")
            return _name_parts(got, lex) if got else None
    return None


def _antecedent(text: str, lex: EventLexicon, lo: int, cs: int, trig: _Trigger) -> str | None:
    """ "President Putin, who approved ...": the name before a relative pronoun that is the
    clause's subject."""
    first = _WORDS.match(text, cs)
    if not first or first.group().lower() not in lex.relatives or first.end() > trig.start:
        return None
    if text[first.end() : trig.start].strip(" ,") and not all(
        w.group().lower() in lex.skip for w in _WORDS.finditer(text, first.end(), trig.start)
    ):
        return None
    name = _NAME_BEFORE.search(text, lo, cs)
    return _name_parts(name.group(1), lex) if name else None


def _noun_actor(text: str, lex: EventLexicon, cs: int, ce: int, trig: _Trigger) -> str | None:
    """ "X's visit" -> X; "a meeting of the Council" -> the Council."""
    back = _BACK_POSSESSIVE.search(text[cs : trig.start])
    if back:
        return back.group(1)  # "the latter's visit": resolved against the last actors
    m = _POSSESSIVE.search(text[cs : trig.start])
    if m:
        return _name_parts(_LEADING.sub("", m.group(1)), lex)
    of = re.match(r"\s+of\s+((?:the\s+)?[A-Z][\w'’-]*(?:\s+(?:of\s+the\s+|of\s+)?[A-Z][\w'’-]*)*)",
                  text[trig.end : ce])
    if of and trig.action == "meet":
        return of.group(1)
    return None


def _object(
    text: str, lex: EventLexicon, trig: _Trigger, ce: int, date: TimeExpr | None
) -> str | None:
    hi = ce
    if date is not None and date.start >= trig.end:
        hi = min(hi, date.start)
    tail = text[trig.end : hi]
    tail = re.split(r",|\s(?:on|in|at|during|by|am|im|в|у)\s*$", tail)[0]
    words = tail.split()[:MAX_OBJECT_WORDS]
    while words and words[-1].lower() in ("on", "in", "at", "the", "by", "during", "a", "am"):
        words.pop()
    while words and words[0].lower() in ("on", "to", "off", "with", "into"):
        words.pop(0)
    got = " ".join(words).strip(" ,.\"“”«»")
    return got or None


def _refers_back(actor: str, lex: EventLexicon) -> str | None:
    """ "the latter" / "the former": which of the last actors is meant."""
    words = actor.lower().split()
    if any(w in lex.latter for w in words):
        return "latter"
    if any(w in lex.former for w in words) and len(words) <= 2:
        return "former"
    return None


def _sentences(text: str, times: list[TimeExpr]) -> list[tuple[int, int]]:
    """The sentences of ``text``, joined where a date runs across a cut ("am 3. März")."""
    out: list[tuple[int, int]] = []
    spans = sorted((t.start, t.end) for t in times)
    starts = [a for a, _ in spans]
    reach: list[int] = []  # the furthest end of the spans that start up to each one
    for _, e in spans:
        reach.append(max(e, reach[-1]) if reach else e)
    for sent in split_sentences(text):
        cut = out[-1][1] if out else 0
        i = bisect.bisect_left(starts, cut)
        if out and i > 0 and reach[i - 1] > cut:
            out[-1] = (out[-1][0], sent.end)
        else:
            out.append((sent.start, sent.end))
    return out


def extract_events(
    doc: Document,
    times: list[TimeExpr],
    attributions: list[Attribution],
    exclude: list[tuple[int, int]] | None = None,
) -> list[Event]:
    """The dated actions of ``doc``; triggers inside ``exclude`` spans (linked headlines) and
    inside a time expression ("since the invasion began") are left out."""
    text = doc.text
    lang = doc.language if doc.language in ("en", "ru", "uk", "de") else "en"
    lex = lexicon(lang)
    triggers = find_triggers(text, lang)
    if not triggers:
        return []
    sentences = _sentences(text, times)
    starts = [s[0] for s in sentences]
    found: list[tuple[_Trigger, str | None, str | None, str | None]] = []
    last_actor: str | None = None
    time_starts = {t.start for t in times}
    previous_end = -1000
    last_date: TimeExpr | None = None
    last_sentence = -10
    ordered = sorted(times, key=lambda t: t.start)
    time_at = [t.start for t in ordered]
    longest = max((t.end - t.start for t in ordered), default=0)
    for trig in triggers:
        if any(s <= trig.start < e for s, e in exclude or []):
            continue
        k = bisect.bisect_right(starts, trig.start) - 1
        if k < 0 or sentences[k][1] < trig.end:
            continue
        lo = max(sentences[k][0], trig.start - MAX_CLAUSE_CHARS)
        hi = min(sentences[k][1], trig.end + MAX_CLAUSE_CHARS)
        first, last = bisect.bisect_left(time_at, lo - longest), bisect.bisect_right(time_at, hi)
        local = ordered[first:last]
        inside = [t for t in local if t.start <= trig.start < t.end]
        if inside and not re.search(r"\d", text[trig.end : inside[0].end]):
            continue  # "since the invasion began": the event names a period, it is not reported
        cs, ce = _clause(text, lex, lo, hi, trig.start, trig.end, time_starts)
        plain = _blank_times(text[cs : trig.start], local, cs)  # "May" the month is no modal
        before = _words_before(plain, 0, len(plain), MODAL_WINDOW if lang != "de" else 99)
        if any(w in lex.modals or w in lex.negations for w in before):
            continue
        if before and before[-1] in lex.publications:
            continue  # "the report released on June 15": a publication, not an act
        nxt = _WORDS.search(text, trig.end, ce)
        nxt_word = nxt.group().lower() if nxt and nxt.start() - trig.end <= 2 else ""
        if trig.noun and lang == "en" and nxt_word.isalpha() and nxt_word == nxt_word.lower() and (
            nxt_word not in lex.stoppers | lex.boundaries | {"of", "between", "and"}
        ):
            continue  # "the ratification document": a modifier, not an act
        if trig.noun and 0 <= trig.start - previous_end <= NOUN_OBJECT_GAP:
            continue  # "announced the approval": the object of the act before it
        date = inside[0] if inside else _date_of(local, lex, text, cs, ce, trig)
        if date is None and trig.noun:
            near = _words_before(text, lo, trig.start, CARRIER_WINDOW)
            if any(w in lex.carriers for w in near):
                date = _date_of(local, lex, text, lo, hi, trig)
        if date is None and last_date is not None and last_sentence == k - 1:
            opener = _CARRIED.match(text, lo, trig.start) if lo == sentences[k][0] else None
            if opener and any(
                t.noun and t.start == opener.start("noun") for t in triggers
            ) and opener.group(1).lower() in lex.carriers:
                date = last_date  # "On June 4 X visited Y. During his trip, he met Z."
        if date is None:
            continue
        last_date, last_sentence = date, k
        actor: str | None
        obj: str | None
        subject: str | None = None
        word = text[trig.start : trig.end].lower()
        if inside:  # "since Russia invaded Ukraine in 2022": the clause opens with the time
            cs = max(cs, inside[0].start)
        if trig.action == "enter_into_force" or word in lex.intransitive:
            actor, obj = None, _subject(text, lex, lang, cs, trig, local)
            subject = obj
        elif trig.noun:
            actor = _noun_actor(text, lex, cs, ce, trig) or _agent(text, lex, trig, ce, local)
            obj = _object(text, lex, trig, ce, date)
        elif trig.action == "other" and (nxt_word in lex.degree or nxt_word[:1].isdigit()):
            continue  # "the number increased by half": a statistic
        elif _passive(text, lex, lang, cs, ce, trig):
            actor = _agent(text, lex, trig, ce, local)
            obj = subject = _subject(text, lex, lang, cs, trig, local)
        else:
            if trig.action == "other" and (nxt_word in lex.degree or nxt_word[:1].isdigit()):
                continue  # "the number increased by half": a statistic
            actor = subject = _subject(text, lex, lang, cs, trig, local)
            if actor is None:
                actor = subject = _antecedent(text, lex, lo, cs, trig)
            obj = _object(text, lex, trig, ce, date)
        if subject and subject[0].isdigit():
            continue  # "4,000 people were convicted in 2023": a figure, not an act
        if trig.action == "release" and obj and any(
            w in lex.publications for w in obj.lower().split()[:4]
        ):
            continue  # "released its latest assessment": a publication, not a release
        if actor and actor.lower() in lex.pronouns:
            actor = last_actor
        elif actor and _refers_back(actor, lex):
            parts = last_actor.split(" and ") if last_actor else [None]
            actor = parts[-1] if _refers_back(actor, lex) == "latter" else parts[0]
        if actor:
            last_actor = actor
        previous_end = trig.end
        found.append((trig, actor, obj, _date_value(date)))
    probes = [Quantity(start=t.start, end=t.end, text="", value=0.0) for t, _, _, _ in found]
    chains = assign_sources(doc, probes, attributions) if probes else []
    return [
        Event(
            start=t.start,
            end=t.end,
            text=text[t.start : t.end],
            action=t.action,
            actor=actor,
            object=obj,
            date=date,
            sources=chain,
        )
        for (t, actor, obj, date), chain in zip(found, chains, strict=True)
    ]
