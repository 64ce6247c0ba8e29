"""Who says so: attribution chains, and the context (sources, what, period) of each figure.

``extract_attributions`` finds stated sources ("according to X", "X reports, citing Y",
"по данным X", "laut X", headline forms "X: ..." and "... — X"). ``attach_context`` gives every
quantity its chain (carried over to the sentences that continue the same report), the thing it
counts (see ``what``) and its period (see ``periods``).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from dataclasses import dataclass, fields
from functools import lru_cache

from ..model import Attribution, Document, Quantity, TimeExpr
from ..sources_registry import SourceRegistry, default_registry, is_source_noun, name_key
from .attribution_cues import (
    _ABBREV,
    _AMBIGUOUS_VERB,
    _ANAPHORIC_HEADS,
    _ANAPHORIC_HEADS_OTHER,
    _ANAPHORIC_PRONOUNS,
    _APPOSITION,
    _BACKGROUND,
    _BACKREF,
    _BACKWARD_OPENER,
    _BACKWARD_SCOPE,
    _BY_AUTHOR,
    _CITE_GAP,
    _CITING,
    _CLAUSE_WORDS,
    _CONNECTORS,
    _CONTINUATION,
    _DEFINITE,
    _DEFINITE_ARTICLE,
    _DESCRIPTION,
    _DETERMINERS,
    _EDITORIAL,
    _FINDING_VERB,
    _FIRST_PERSON,
    _FORWARD,
    _GERMAN_ADJECTIVE,
    _GERMAN_CUE,
    _GERMAN_INVERTED,
    _HEADLINE_COLON,
    _HEADLINE_DASH,
    _JOINED_PREDICATE,
    _LEADING_JUNK,
    _LIST_ITEM,
    _MEDIA_WORD,
    _MONTH,
    _NAME_STOP,
    _NEST_GAP,
    _NOT_FIRST,
    _NOT_LAST,
    _OWN_VOICE,
    _PASSIVE_AUX,
    _PASSIVE_CUE,
    _POSSESSIVE_CUE,
    _PREPOSITION_OPENING,
    _PRONOUN_OPENING,
    _PRONOUNS,
    _QUOTE_CLOSE,
    _QUOTE_OPENING,
    _RELATIVE,
    _REPORT_HEAD,
    _REPORT_NOUN,
    _REPORT_WORDS,
    _SELF_REF,
    _SENT_END,
    _SOURCE_HEAD,
    _SOURCE_LABEL,
    _SPEECH_CLOSE,
    _STILL_REPORTING,
    _SUBHEADING,
    _SUBJECT_RUN,
    _TAIL_NAME,
    _TITLE_VERB,
    _TRAILING,
    _VERB,
    _WORD,
    FORWARD_OPENERS,
    MIN_SUBHEADING_WORDS,
    SELF_REF_OPENERS,
    VERB_OPENERS,
)
from .periods import assign_periods
from .scan import foldable, scan, word_starts
from .spans import group_by_span
from .what import find_what

MAX_NAME_WORDS = 14  # a source named in more words than this is a clause, not a name
MAX_BACKWARD_WORDS = 9  # a subject before "said" longer than this is a clause, not a name
MAX_HEADLINE_NAME_WORDS = 5  # "UK intel: ..." — a longer prefix before a colon is a title
MAX_HEADLINE_LINE = 200  # a longer first line is body text, not a headline
MAX_BACKWARD_CHARS = 300  # a subject (and the source it cites) before its verb is never longer
MAX_QUOTED_NAME_WORDS = 5  # a longer quotation before a speech verb is speech, not a name
MAX_REPORT_TAIL = 80  # chars after "a report published" searched for "by X"
STEM = 5  # letters by which a back-reference ("die Beamten") is matched to a name ("Beamte")
MEDIA_CONTEXT = 40  # chars before a cue searched for a word that makes its source a medium
MAX_INVERSION_WORDS = 2  # "Am Montag teilte X mit": more words before a German verb are its subject


@dataclass(frozen=True)
class Sentence:
    """A sentence of the text: its span and the paragraph (line block) it belongs to."""

    start: int
    end: int
    paragraph: int


def split_sentences(text: str) -> list[Sentence]:
    """Sentences of ``text``: split at line breaks and at sentence ends (not abbreviations).

    Every stage asks for the sentences of the same text; the split is computed once per text.
    """
    return list(_split_sentences(text))


@lru_cache(maxsize=8)
def _split_sentences(text: str) -> tuple[Sentence, ...]:
    out: list[Sentence] = []
    paragraph = 0
    pos = 0
    for line in text.split("\n"):
        line_start, line_end = pos, pos + len(line)
        pos = line_end + 1
        if not line.strip():
            paragraph += 1
            continue
        cut = line_start
        for m in _SENT_END.finditer(text, line_start, line_end):
            if _ABBREV.search(text[max(line_start, m.start() - 6) : m.start() + 1]):
                continue
            out.append(Sentence(cut, m.end(), paragraph))
            cut = m.end()
        if cut < line_end:
            out.append(Sentence(cut, line_end, paragraph))
        paragraph += 1
    return tuple(s for s in out if text[s.start : s.end].strip())


# a quoted name that opens the text after a cue, its article before it: "die „Washington Post“"
_QUOTED_HEAD = re.compile(
    r"\s*(?:(?:der|die|das|dem|den|des|the)\s+)?[«\"“„](?P<q>[^»\"”“\n]{1,80})[»\"”“]"
)
# a quoted name that ends the text before a speech verb: "Видання «Слідство.Інфо»,"
_QUOTED_TAIL = re.compile(r"[«\"“„](?P<q>[^«»\"“”„\n]{2,60})[»\"”“]$")


# what a thing made by someone ("released by", "undertaken by") leaves of its name: the maker
_MADE_BY = re.compile(
    r"^(?:released|published|compiled|collected|gathered|provided|undertaken|conducted|"
    r"prepared|issued|obtained|shared)\s+by\s+(?:(?:a|an|the)\s+)?(?=\S)"
)


def _clean_name(raw: str) -> str:
    name = " ".join(raw.split()).strip(" \t\"'“”«»„‘’*•-–—")
    name = _LEADING_JUNK.sub("", name)
    name = _MADE_BY.sub("", name)  # "“credible research” undertaken by X": X
    name = re.sub(r"^(?:the|a|an)\s+(?=the\b)", "", name, flags=re.IGNORECASE)
    name = re.sub(r"^the\s+", "", name, flags=re.IGNORECASE)
    name = _REPORT_NOUN.sub("", name)
    name = _TRAILING.sub("", name)
    return name.strip(" \"'“”«»„‘’")


_NUMBERED_NAME = re.compile(r"\d{1,2}[x×]\d{1,2}|\d{1,2}")  # "outlet 7×7", "Channel 4"


def _numbered(words: list[str], i: int) -> bool:
    """Word ``i`` is a name's number, not a figure: the last word, short, after a name word
    ("Channel 4") or the noun describing the name ("the exiled outlet 7×7")."""
    return (
        i == len(words) - 1
        and i > 0
        and _NUMBERED_NAME.fullmatch(words[i]) is not None
        and (_capitalised(words[i - 1]) or "x" in words[i] or "×" in words[i])
        and _MONTH.match(words[i - 1] + " ") is None  # "June 12": a date
    )


def _has_figure(words: list[str]) -> bool:
    return any(
        any(ch.isdigit() for ch in w) and not _numbered(words, i) for i, w in enumerate(words)
    )


def _plausible(name: str, limit: int = MAX_NAME_WORDS) -> bool:
    words = name.split()
    if not words or len(words) > limit or _has_figure(words):
        return False
    if (
        name.lower() in _PRONOUNS
        or name.lower() in _RELATIVE
        or words[0].lower() in _NOT_FIRST
        or words[-1].lower() in _NOT_LAST
        or any(w.lower() in _CLAUSE_WORDS for w in words)
    ):
        return False
    if _MONTH.match(name):
        return False
    return bool(re.search(_WORD, name))


def _acceptable(name: str, limit: int = MAX_NAME_WORDS) -> bool:
    """A plausible name, or a pronoun that stands for the source already speaking."""
    return _plausible(name, limit) or name.lower() in _ANAPHORIC_PRONOUNS


def _report_by(name: str, text: str, start: int, end: int) -> str:
    """ "a report published on X by the ministry" names the ministry, not the report."""
    if not _REPORT_HEAD.match(name):
        return name
    m = _BY_AUTHOR.search(text, start, min(end, start + MAX_REPORT_TAIL))
    if not m:
        return name
    author, _ = _forward_name(text, m.end(), end)
    return author if _plausible(author) else name


def _capitalised(word: str) -> bool:
    for ch in word:
        if ch.isalpha():
            return ch.isupper()
    return False


def _trim_name(name: str) -> str:
    """A name that ran on into its clause cut back to the name: "Kiel Institute put total aid at
    €120 billion" -> "Kiel Institute", "britischem Geheimdienst sind wahrscheinlich" ->
    "britischem Geheimdienst". The name ends before a number, or at the first lower-case word
    after a capitalised one that is no connector ("of", "für", "des")."""
    words = name.split()[: MAX_NAME_WORDS + 1]  # a longer cut is no name either
    kept: list[str] = []
    for i, w in enumerate(words):
        if any(ch.isdigit() for ch in w) and not _numbered(words, i):
            break
        if kept and _capitalised(kept[-1]) and not _capitalised(w) and w.lower() not in _CONNECTORS:
            break
        kept.append(w)
    while kept and kept[-1].lower() in _CONNECTORS:
        kept.pop()
    return " ".join(kept).rstrip(",;:")


def _trim_german(name: str) -> str:
    """A German name cut where its clause goes on: "britischer Geheimdienste zuletzt deutlich" ->
    "britischer Geheimdienste". After a noun, a lower-case word stays only as a connector ("des",
    "von") or as an adjective leading to the next noun ("Recherchen unabhängiger Journalisten")."""
    words = name.split()[: MAX_NAME_WORDS + 1]  # a longer cut is no name either
    kept: list[str] = []
    i = 0
    while i < len(words):
        w = words[i]
        if any(ch.isdigit() for ch in w):
            break
        if kept and _capitalised(kept[-1]) and not _capitalised(w) and w.lower() not in _CONNECTORS:
            j = i
            while j < len(words) and _GERMAN_ADJECTIVE.fullmatch(words[j]):
                j += 1
            if j == i or j >= len(words) or not _capitalised(words[j]):
                break
        kept.append(w)
        i += 1
    while kept and kept[-1].lower() in _CONNECTORS:
        kept.pop()
    return " ".join(kept).rstrip(",;:")


# a name that is a thing made by someone: "figures released (in March) by X", "research
# undertaken by X": the agent after "by" is the source
# (a law "signed by X" is no statement of X's: only verbs of making information public count)
_MADE = (
    r"(?:released|published|compiled|collected|gathered|provided|undertaken|conducted|prepared|"
    r"issued|obtained|shared|analy[sz]ed|verified|counted|calculated|tallied|produced)"
)
_PARTICIPLE_BY = re.compile(
    r"^(?:[^\W\d_]+\s+){1,3}?" + _MADE + r"\s+(?:[^\W\d_]+\s+){0,2}?by\s+(?:(?:a|an|the)\s+)?(?=\S)"
)
_PARTICIPLE_END = re.compile(r"^[^\W\d_]+(?:\s+[^\W\d_]+){0,2}\s+" + _MADE + "$")
_BY_AGENT = re.compile(r"[^,.;:!?\n\"“”«»]{0,40}?\sby\s+(?=\S)")


def _forward_name(text: str, start: int, end: int, german: bool = False) -> tuple[str, int]:
    """The name that starts at ``start`` (up to a stop), and where it ends; for a thing made by
    someone ("figures released in March by the court service"), the maker."""
    name, name_end = _forward_phrase(text, start, end, german)
    made = _PARTICIPLE_BY.match(name)
    if made:
        agent = _clean_name(name[made.end() :])
        if _plausible(agent):
            return agent, name_end
    if _PARTICIPLE_END.match(name):
        by = _BY_AGENT.match(text, name_end, end)
        if by:
            agent, agent_end = _forward_phrase(text, by.end(), end, german)
            if _plausible(agent):
                return agent, agent_end
    return name, name_end


def _forward_phrase(text: str, start: int, end: int, german: bool = False) -> tuple[str, int]:
    """The phrase that starts at ``start`` (up to a stop), and where it ends."""
    window = text[start : min(end, start + 160)]
    quoted = _QUOTED_HEAD.match(window)
    if quoted:
        return quoted.group("q").strip(), start + quoted.end()
    stop = _NAME_STOP.search(window)
    raw = window[: stop.start()] if stop else window
    name = _clean_name(raw)
    if german and name:
        trimmed = _trim_german(name)
        if trimmed and trimmed != name and trimmed in raw:
            return trimmed, start + raw.find(trimmed) + len(trimmed)
    if name and not _plausible(name):
        trimmed = _trim_name(name)
        if trimmed and _plausible(trimmed) and trimmed in raw:
            return trimmed, start + raw.find(trimmed) + len(trimmed)
    return name, start + len(raw.rstrip())


def _backward_name(text: str, sent_start: int, verb_start: int) -> tuple[str, int]:
    """The subject before a speech verb at ``verb_start``: the last clause chunk before it."""
    sent_start = max(sent_start, verb_start - MAX_BACKWARD_CHARS)
    before = text[sent_start:verb_start].rstrip()
    before = re.sub(r"\s*\([^()]{1,60}\)", lambda m: " " * len(m.group(0)), before).rstrip()
    # "X collected the data and found": the subject before the first of two joined verbs
    before = _JOINED_PREDICATE.sub(lambda m: " " * len(m.group(0)), before).rstrip()
    quoted = _QUOTED_TAIL.search(before.rstrip(","))
    if quoted and _plausible(quoted.group("q"), MAX_QUOTED_NAME_WORDS):
        return quoted.group("q"), sent_start + quoted.start("q")  # "«Новая газета» сообщает"
    chunks = [c for c in re.split(r"[,;:(\"“”«»]|\s[—–-]\s", before) if c.strip()]
    inverted = _GERMAN_INVERTED.match(chunks[-1]) if chunks else None
    if inverted:  # "Zuletzt hatte die Stadt von ... berichtet"
        subj = _clean_name(inverted.group("subj"))
        return subj, sent_start + before.rfind(subj) if subj in before else verb_start
    name = _clean_name(chunks[-1]) if chunks else ""
    if len(chunks) >= 2 and _PREPOSITION_OPENING.match(chunks[-1]):
        # "Журналисты «Би-Би-Си» и «Медиазоны» в совместном расследовании установили": the
        # subject before the prepositional phrase
        head = _clean_name(before[: before.rfind(chunks[-1])])
        if _plausible(head, MAX_BACKWARD_WORDS):
            return head, sent_start + before.find(head) if head in before else verb_start
    if name.lower() in _RELATIVE and len(chunks) >= 2:
        # "видання «Вісник», яке пише": the name the relative pronoun stands for
        head = _clean_name(chunks[-2])
        if not _plausible(head, MAX_BACKWARD_WORDS):
            tail = _TAIL_NAME.search(chunks[-2].rstrip())  # "... comes from the site Oryx, which"
            head = _clean_name(tail.group(0)) if tail else ""
        if _plausible(head, MAX_BACKWARD_WORDS):
            return head, sent_start + before.rfind(head) if head in before else verb_start
    if before.endswith(",") and len(chunks) >= 2:
        # "Andriy Yusov, a spokesman, said": the head, not the apposition that describes it;
        # "the plant director, Olena Marchenko, said": the apposition that names the head
        head = _clean_name(chunks[-2])
        described = _DESCRIPTION.match(chunks[-1].strip()) is not None or not _capitalised(name)
        name = name if _capitalised(name) and not _capitalised(head) and not described else head
    return name, sent_start + before.rfind(name) if name and name in before else verb_start


def _headline(text: str, sent: Sentence, first_line: bool) -> tuple[str, int, int] | None:
    line = text[sent.start : sent.end]
    if not first_line or len(line) > MAX_HEADLINE_LINE:
        return None
    m = _HEADLINE_COLON.match(line)
    if m and len(m.group("name").split()) <= MAX_HEADLINE_NAME_WORDS and not _UNCLOSED.search(
        m.group("name")
    ):
        name = _clean_name(m.group("name"))
        if name[:1].isupper() and not _EDITORIAL.match(name) and name.lower() not in {
            "read more",
            "read also",
            "update",
            "breaking",
            "watch",
            "video",
            "photo",
            "key findings",
            "details",
            "деталі",
            "детали",
            "подробности",
            "подробиці",
            "einzelheiten",
        }:
            return name, sent.start + m.start("name"), sent.start + m.end("name")
    m = _TITLE_VERB.search(line)
    if m:  # "UK Intelligence Estimates 6,000 Casualties": a title-case verb after the name
        name = _clean_name(m.group("name"))
        if _plausible(name, MAX_HEADLINE_NAME_WORDS):
            return name, sent.start + m.start("name"), sent.start + m.end("name")
    m = _HEADLINE_DASH.search(line)
    if m and not re.search(r"[.!?]$", line.strip()):
        name = _clean_name(m.group("name"))
        if name[:1].isupper() and len(name.split()) <= MAX_HEADLINE_NAME_WORDS:
            return name, sent.start + m.start("name"), sent.start + m.end("name")
    return None


def _add_cited(text: str, pos: int, end: int, chain: list[str]) -> int:
    """Append the source cited after ``pos`` ("..., citing X") to ``chain``; the new end."""
    gap = _CITE_GAP.match(text, pos, end)
    cite = _CITING.match(text, gap.end()) if gap else None
    if not cite or cite.start() >= end:
        return pos
    second, second_end = _forward_name(
        text, cite.end(), end, _GERMAN_CUE.match(cite.group(0)) is not None
    )
    if not _plausible(second):
        return pos
    chain.append(second)
    return second_end


def _cited_before_verb(
    text: str, sent_start: int, verb_start: int
) -> tuple[tuple[str, str], int] | None:
    """ "X, citing Y, reports" / "X со ссылкой на Y сообщает": both names and where X starts."""
    cite = None
    for m in _CITING.finditer(text, max(sent_start, verb_start - MAX_BACKWARD_CHARS), verb_start):
        cite = m
    if cite is None:
        return None
    name, name_start = _backward_name(text, sent_start, cite.start())
    cited, _ = _forward_name(text, cite.end(), verb_start)
    if not (_plausible(name, MAX_BACKWARD_WORDS) and _plausible(cited)):
        return None
    return (name, cited), name_start


_GERMAN_VERB_CUE = re.compile(
    r"(?:berichtet|berichtete|schreibt|schrieb|sagte|erklärte|teilte|meldete)\b"
)
_INVERSION = re.compile(
    r"(?:Am|Im|In|Zuvor|Zudem|Außerdem|Später|Gestern|Heute|Bereits|Nun|Dann)\b"
)


def _subject_before(text: str, sent_start: int, cue_start: int) -> bool:
    """A German speech verb with its subject before it in the sentence: read backwards, not on."""
    if not _GERMAN_VERB_CUE.match(text, cue_start):
        return False
    before = text[sent_start:cue_start].strip()
    if not before or before[-1] in ",\"“”„»«:;–—-":
        return False
    words = before.split()
    return len(words) > MAX_INVERSION_WORDS or not (
        len(words) <= 1 or _INVERSION.match(before) is not None
    )


def _nest(text: str, found: list[Attribution], speakers: set[int]) -> list[Attribution]:
    """ "The ministry says research by X suggests ...": a speaker whose words open on another
    source relays it, so the two make one chain, outermost first."""
    out: list[Attribution] = []
    for a in found:
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.start in speakers
            and a.start not in speakers
            and a.chain
            and _NEST_GAP.fullmatch(text, prev.end, a.start)
        ):
            out[-1] = Attribution(prev.start, a.end, text[prev.start : a.end], prev.chain + a.chain)
            continue
        out.append(a)
    return out


@dataclass(frozen=True)
class _Openers:
    """Where the cue patterns may match in a text (None: try every position)."""

    self_ref: list[int] | None
    forward: list[int] | None
    verb: list[int]

    @classmethod
    def of(cls, text: str) -> _Openers:
        fold = foldable(text)  # _SELF_REF and parts of _FORWARD ignore case
        return cls(
            word_starts(text, SELF_REF_OPENERS) if fold else None,
            word_starts(text, FORWARD_OPENERS) if fold else None,
            word_starts(text, VERB_OPENERS),
        )


def _matches(
    pattern: re.Pattern[str], text: str, starts: list[int] | None, s: int, e: int
) -> Iterator[re.Match[str]]:
    return pattern.finditer(text, s, e) if starts is None else scan(pattern, text, starts, s, e)


class _Spans:
    """The spans taken by the cues read so far: sorted, disjoint (overlapping ones merged), so
    that a new cue is checked against them by bisection, not one by one."""

    def __init__(self) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []

    def free(self, a: int, b: int) -> bool:
        j = bisect_left(self.starts, b) - 1  # the last span starting before ``b``
        return j < 0 or self.ends[j] <= a

    def append(self, span: tuple[int, int]) -> None:
        a, b = span
        lo = bisect_left(self.ends, a)  # the first span that ends at or after ``a``
        hi = bisect_right(self.starts, b)  # past the last span that starts at or before ``b``
        if lo < hi:
            a, b = min(a, self.starts[lo]), max(b, self.ends[hi - 1])
        self.starts[lo:hi] = [a]
        self.ends[lo:hi] = [b]


def _sentence_attributions(
    text: str, sent: Sentence, headline: bool, openers: _Openers
) -> list[Attribution]:
    found: list[Attribution] = []
    s, e = sent.start, sent.end
    for m in _matches(_SELF_REF, text, openers.self_ref, s, e):
        found.append(Attribution(m.start(), m.end(), text[m.start() : m.end()], ()))
    taken = _Spans()
    for ref in found:
        taken.append((ref.start, ref.end))
    free = taken.free

    label = _SOURCE_LABEL.match(text, s, e)
    if label:  # "Source: X citing Y": the chain after the label
        name, name_end = _forward_name(text, label.end(), e)
        if _plausible(name):
            chain = [name]
            name_end = _add_cited(text, name_end, e, chain)
            found.append(Attribution(s, name_end, text[s:name_end], tuple(chain)))
            taken.append((s, e))
    for m in _POSSESSIVE_CUE.finditer(text, s, e):
        if not free(m.start(), m.end()):
            continue
        subject = _SUBJECT_RUN.match(text, s, m.start())
        name = subject.group("name") if subject else "he"  # "he": the source already speaking
        found.append(Attribution(m.start(), m.end(), text[m.start() : m.end()], (name,)))
        taken.append((m.start(), m.end()))
    for m in _matches(_FORWARD, text, openers.forward, s, e):
        if not free(m.start(), m.end()) or _CITING.match(text, m.start()):
            continue
        german = _GERMAN_CUE.match(m.group(0)) is not None
        if german and _subject_before(text, s, m.start()):
            continue  # "Der Gouverneur sagte der Agentur ...": the name is the subject before it
        name, name_end = _forward_name(text, m.end(), e, german)
        if not _acceptable(name) or (m.group(0).startswith("as ") and not name[:1].isupper()):
            continue
        chain = [_report_by(name, text, m.end(), e)]
        name_end = _add_cited(text, name_end, e, chain)
        found.append(Attribution(m.start(), name_end, text[m.start() : name_end], tuple(chain)))
        taken.append((m.start(), name_end))
    speakers: set[int] = set()  # starts of the sources named before their speech verb
    for m in _matches(_VERB, text, openers.verb, s, e):
        if not free(m.start(), m.end()):
            continue
        if _PASSIVE_AUX.search(text, max(s, m.start() - 12), m.start()):
            continue  # "can be estimated at", "were reported": the figure is not a speaker's
        name, name_start = _backward_name(text, s, m.start())
        if not _acceptable(name, MAX_BACKWARD_WORDS) or not free(name_start, m.end()):
            continue
        verb = m.group(0).split()[-1]
        if (
            _AMBIGUOUS_VERB.match(verb)
            and not re.search(r"[A-ZА-ЯЁІЇЄҐ]", name)
            and name.lower() not in _ANAPHORIC_PRONOUNS
            and not text[max(s, name_start - 4) : name_start].lower().endswith("the ")
            and not re.match(r",?\s*(?:that|citing)\b", text[m.end() : m.end() + 10])
        ):
            continue
        if (
            _FINDING_VERB.search(m.group(0))
            and not re.search(r"[A-ZА-ЯЁІЇЄҐ]", name)
            and re.search(r"[a-z]", name)
            and _SOURCE_HEAD.fullmatch(name) is None
        ):
            continue  # "the reversal reveals": no source, a noun that reveals something
        if m.group(0).endswith(("shows", "showed")) and _SOURCE_HEAD.fullmatch(name) is None:
            continue  # "the paperwork showed" (a source), "Russia showed restraint" (none)
        chain = [_report_by(name, text, name_start, m.start())]
        cited = _cited_before_verb(text, s, m.start())
        if cited is not None:
            (name, cited_name), name_start = cited
            chain = [name, cited_name]
        end = _add_cited(text, m.end(), e, chain)
        found.append(Attribution(name_start, end, text[name_start:end], tuple(chain)))
        taken.append((name_start, end))
        speakers.add(name_start)
    found = _nest(text, sorted(found, key=lambda a: a.start), speakers)
    if headline and not found:
        head = _headline(text, sent, headline)
        if head:
            name, a, b = head
            found.append(Attribution(a, b, text[a:b], (name,)))
    if not found and _FIRST_PERSON.match(text[s:e].lstrip()):
        found.append(Attribution(s, s, "", ()))
    return sorted(found, key=lambda a: a.start)


# a quotation opened in a headline's prefix and closed after the colon: a title, not a name
_UNCLOSED = re.compile(r"[\"“«„][^\"”»“]*$")
_CLOSED = re.compile(r"[.!?…:;,\"”»]\s*$")


def _is_headline(text: str, sent: Sentence, sentences: list[Sentence], index: int) -> bool:
    """A short line of its own near the top, without a closing full stop."""
    line_start = text.rfind("\n", 0, sent.start) + 1
    line_end = text.find("\n", sent.end)
    line = text[line_start : line_end if line_end >= 0 else len(text)]
    if sent.start != line_start or len(line) > MAX_HEADLINE_LINE:
        return False
    # near the top; further down, a title line of its own (no closing mark, the whole line)
    return index < 4 or (sent.end >= line_start + len(line.rstrip()) and not _CLOSED.search(line))


def _is_subheading(text: str, sent: Sentence) -> bool:
    """A short title-case line of its own: "4,000 Tanks Gone", "At Least $2 Billion"."""
    if (sent.start > 0 and text[sent.start - 1] != "\n") or text[sent.end : sent.end + 1] not in (
        "",
        "\n",
    ):
        return False
    line = text[sent.start : sent.end].strip()
    if not _SUBHEADING.fullmatch(line):
        return False
    words = [w for w in line.split() if any(ch.isalpha() for ch in w)]
    return len(words) >= MIN_SUBHEADING_WORDS and all(
        _capitalised(w) for w in words if len(w) > 3
    )


def extract_attributions(doc: Document) -> list[Attribution]:
    """Stated sources in ``doc.text``: "according to X", "X reports, citing Y", "X: ..."."""
    text = doc.text
    sentences = split_sentences(text)
    out: list[Attribution] = []
    openers = _Openers.of(text)
    for i, sent in enumerate(sentences):
        headline = _is_headline(text, sent, sentences, i)
        out.extend(_sentence_attributions(text, sent, headline, openers))
    return out


def _outlet_keys(outlet: str | None, registry: SourceRegistry) -> set[str]:
    """Name keys by which an article may refer to its own outlet."""
    if not outlet:
        return set()
    keys = {name_key(x) for x in (registry.for_outlet(outlet), outlet) if x}
    host = outlet.lower().removeprefix("www.").split(".")
    keys.update(p for p in host[:-1] if len(p) > 3 and p not in {"news", "english", "global"})
    return {k for k in keys if k}


def _is_outlet(name: str, keys: set[str], registry: SourceRegistry) -> bool:
    key = name_key(name)
    canon = name_key(registry.canonical(name))
    words = set(key.split()) | set(canon.split())
    compact = {key.replace(" ", ""), canon.replace(" ", "")}  # "Kyiv Post" on kyivpost.com
    return any(
        k == key or k == canon or (" " not in k and (k in words or k in compact)) for k in keys
    )


def _without_outlet(
    chain: tuple[str, ...], keys: set[str], registry: SourceRegistry
) -> tuple[str, ...]:
    return tuple(n for n in chain if not _is_outlet(n, keys, registry))


def _anaphoric(a: Attribution, current: tuple[str, ...] = (), context: str = "") -> bool:
    """A source that refers back to the one already speaking: "the report", "them", "die
    Behörde", "ведомство", or a definite article before a word of the current source's name
    ("die Beamten" after "Westliche Beamte")."""
    if len(a.chain) != 1:
        return False
    name = a.chain[0]
    return (
        (_ANAPHORIC_HEADS.match(name) is not None and _determined(name, context or a.text))
        or _ANAPHORIC_HEADS_OTHER.match(name) is not None
        or name.lower() in _ANAPHORIC_PRONOUNS
        or (_REPORT_HEAD.match(name) is not None and _DEFINITE.search(a.text) is not None)
        or _names_again(name, current)
    )


def _inside_quote(text: str, sent: Sentence, pos: int) -> bool:
    """Whether ``pos`` lies inside a quotation that opens its paragraph line and is still open."""
    line_start = text.rfind("\n", 0, sent.start) + 1
    opening = _QUOTE_OPENING.match(text, line_start, pos)
    return opening is not None and not _QUOTE_CLOSE.search(text, opening.end(), pos)


def _proper(name: str) -> bool:
    """A name, not a phrase: a capital letter in it, or two words or more in Cyrillic (where
    "британская разведка" is written in lower case)."""
    if re.search(r"[A-ZА-ЯЁІЇЄҐÄÖÜ]", name):
        return True
    return len(name.split()) >= 2 and re.search(r"[a-z]", name) is None


def _media(context: str, name: str) -> bool:
    """A source that is a media outlet or its journalists, by the words that name it."""
    return _MEDIA_WORD.search(context) is not None or _MEDIA_WORD.search(name) is not None


def _determined(name: str, cue: str) -> bool:
    """A back-reference is one word ("the report", "it") or has its determiner ("the new study",
    "its latest update"); "independent investigations" names sources of its own."""
    words = name.split()
    if len(words) < 2 or words[0].lower() in _DETERMINERS:
        return True
    return re.search(r"\b(?:the|this|that|its|their|these|those)\s+" + re.escape(name), cue,
                     re.IGNORECASE) is not None


def _names_again(name: str, current: tuple[str, ...]) -> bool:
    """ "die Beamten" / "the officials" after "Westliche Beamte": the article and a word of the
    source already speaking (compared by its first letters)."""
    article = _DEFINITE_ARTICLE.match(name)
    if not article or not current:
        return False
    words = name[article.end() :].split()
    stems = {w[:STEM].lower() for n in current for w in n.split() if len(w) >= STEM}
    return 0 < len(words) <= 2 and all(w[:STEM].lower() in stems for w in words)


def _head_stem(name: str, registry: SourceRegistry) -> str | None:
    """The head of a back-reference by a source's head noun alone ("the intelligence",
    "Intelligence reports", "розвідки", "Geheimdienst"), by its first letters; None for a name
    of its own ("Kremlin", "Reuters") or a longer phrase."""
    words = name[m.end() :].split() if (m := _DEFINITE_ARTICLE.match(name)) else name.split()
    if len(words) != 1 or registry.lookup(words[0]) or not is_source_noun(words[0]):
        return None
    return words[0][:STEM].lower()


def _named_before(stem: str, named: list[str]) -> str | None:
    """The last source named in more words than its head with the head ``stem``: "British
    intelligence" for "the intelligence"."""
    for name in reversed(named):
        words = name.split()
        if len(words) >= 2 and any(w[:STEM].lower() == stem for w in words):
            return name
    return None


def _known_by(name: str, head: str, registry: SourceRegistry) -> bool:
    """Whether the registry source ``name`` is also called by the noun ``head`` ("UK Ministry of
    Defence" is also "British intelligence"), compared in the registry's folded form."""
    canon = registry.lookup(name)
    words = name_key(_DEFINITE_ARTICLE.sub("", head)).split()
    return canon is not None and len(words) == 1 and any(
        c == canon and words[0] in key.split() for key, c in registry.aliases.items()
    )


# a capitalised name of several words, with its connectors: "Defence Intelligence of the United
# Kingdom"
_CAP_RUN = re.compile(
    r"[A-ZÄÖÜ][\w’'.-]*(?:\s+(?:(?:of|for|the|on)\s+)*[A-ZÄÖÜ][\w’'.-]*)+"
)


def _written_before(stem: str, text: str, pos: int) -> str | None:
    """The last capitalised name before ``pos`` whose head has ``stem``: the head ends the name
    or comes before its "of" ("Defence Intelligence of the United Kingdom"); "UK Intelligence
    Estimates" (a title) has another head."""
    found = None
    for m in _CAP_RUN.finditer(text, max(0, pos - MAX_BACKWARD_CHARS * 4), pos):
        words = re.sub(r"^The\s+", "", m.group(0)).split()
        for i, w in enumerate(words):
            if w[:STEM].lower() == stem and (i == len(words) - 1 or words[i + 1] == "of"):
                if len(words) >= 2:
                    found = " ".join(words)
    return found


def _resolve_heads(
    chain: tuple[str, ...], named: list[str], registry: SourceRegistry, text: str = "",
    pos: int = 0,
) -> tuple[str, ...]:
    """Each link that is a head noun alone stands for the last source named with that head;
    a link that then names the source before it again is that source ("UK Ministry of Defence
    citing its intelligence" is one source)."""
    out: list[str] = []
    for name in chain:
        stem = _head_stem(name, registry)
        earlier = _named_before(stem, named) if stem else None
        if stem and not earlier and not out:
            earlier = _written_before(stem, text, pos)  # named before without a speech verb
        if stem and not earlier and out and _known_by(out[-1], name, registry):
            continue  # "the ministry, citing intelligence data": the ministry's own intelligence
        name = earlier or name
        if out and (
            name == out[-1]
            or (
                registry.lookup(name) is not None
                and registry.canonical(name) == registry.canonical(out[-1])
            )
        ):
            continue
        out.append(name)
    named.extend(n for n in out if len(n.split()) >= 2)
    return tuple(out)


def _bare_pronoun(a: Attribution) -> bool:
    """A pronoun source ("it said", "they noted") with nobody before it to stand for."""
    return len(a.chain) == 1 and a.chain[0].lower() in _ANAPHORIC_PRONOUNS


def _names_source(sentence: str, name: str) -> bool:
    """The sentence names the source again: "The General Staff ... has been tracking losses"."""
    words = re.sub(r"^(?:the|der|die|das)\s+", "", name, flags=re.IGNORECASE).split()
    return len(words) >= 2 and " ".join(words).lower() in sentence.lower()


def _is_list_item(text: str, sent: Sentence) -> bool:
    return _LIST_ITEM.match(text, sent.start, sent.end) is not None


def _reports_again(text: str, sent: Sentence) -> bool:
    """A sentence that points back at what was reported, or keeps reporting it."""
    return (
        _CONTINUATION.match(text, sent.start, sent.end) is not None
        or _BACKREF.match(text, sent.start, sent.end) is not None
        or _STILL_REPORTING.search(text, sent.start, sent.end) is not None
    )


def _continues(
    text: str, sentences: list[Sentence], k: int, current: tuple[str, ...] = ()
) -> bool:
    """Whether the paragraph opening on sentence ``k`` goes on with the report before it: an
    item of a list (after its lead-in line or another item), or an opening that keeps reporting
    ("In addition,", "It is also noted that", "Кроме того", "Зазначається")."""
    sent = sentences[k]
    if (
        _reports_again(text, sent)
        or _PRONOUN_OPENING.match(text, sent.start, sent.end)
        or (current and _names_source(text[sent.start : sent.end], current[0]))
    ):
        return True
    if k == 0 or not _is_list_item(text, sent):
        return False
    before = sentences[k - 1]
    return _is_list_item(text, before) or text[before.start : before.end].rstrip().endswith(":")


def _nearest(attrs: list[Attribution], q: Quantity) -> Attribution:
    def distance(a: Attribution) -> int:
        if a.end <= q.start:
            return q.start - a.end
        if a.start >= q.end:
            return a.start - q.end + 1  # a preceding cue wins a tie
        return 0

    return min(attrs, key=distance)


def assign_sources(
    doc: Document,
    quantities: list[Quantity],
    attributions: list[Attribution],
    registry: SourceRegistry | None = None,
) -> list[tuple[str, ...]]:
    """The attribution chain of each quantity, carried over sentences that continue a report."""
    return _assign_sources(doc, quantities, attributions, registry)[0]


class _Relays:
    """Who relays whom as a document is read: a report that goes on with the data of a media
    outlet relays it ([report, outlet]); a source named inside the quoted words of the source
    speaking is relayed by that source."""

    def __init__(self) -> None:
        self.media: set[str] = set()  # names read as media outlets
        self.reporter: tuple[str, ...] = ()  # the last source named that is not a medium
        self.last_media: tuple[str, ...] = ()  # the last medium ("the publication" after it)

    def chain(
        self, text: str, sent: Sentence, a: Attribution, chain: tuple[str, ...],
        current: tuple[str, ...],
    ) -> tuple[str, ...]:
        """The chain of ``a`` (cleaned to ``chain``) with the source relaying it, if any."""
        if len(chain) != 1:
            if chain and chain[0] not in self.media and _proper(chain[0]):
                self.reporter = chain[:1]  # "X, citing Y": X reports
            return chain
        name = chain[0]
        context = text[max(sent.start, a.start - MEDIA_CONTEXT) : a.end]
        if _media(context, name) and (_proper(name) or not _REPORT_WORDS.search(name)):
            self.media.add(name)
            self.last_media = chain
            if self.reporter and chain != self.reporter and not _BACKWARD_SCOPE.match(a.text):
                return self.reporter + chain
            return chain
        if current and name not in current and _inside_quote(text, sent, a.start):
            return current[:1] + chain  # "“Figures released by Y suggest ...”"
        if name not in self.media:
            self.reporter = chain if _proper(name) else ()  # "figures released": no report
        return chain


def _assign_sources(
    doc: Document,
    quantities: list[Quantity],
    attributions: list[Attribution],
    registry: SourceRegistry | None = None,
) -> tuple[list[tuple[str, ...]], list[tuple[str, ...]]]:
    """The chain of each quantity, and the voice it is read in: the chain, or for a figure of a
    new paragraph that no longer carries the source over, the source last speaking (a period
    frame stated in the outlet's lead-in stays with the figures below it)."""
    reg = registry or default_registry()
    keys = _outlet_keys(doc.outlet, reg)
    sentences = split_sentences(doc.text)
    chains: list[tuple[str, ...] | None] = [None] * len(quantities)
    voices: list[tuple[str, ...]] = [()] * len(quantities)
    current: tuple[str, ...] = ()
    voice: tuple[str, ...] = ()  # ``current`` but for the stop at a new paragraph
    held: tuple[str, ...] = ()  # the source stopped at a new paragraph, until another speaks
    relays = _Relays()
    introduced: tuple[str, ...] = ()  # a source introduced by apposition: "Oryx, a website"
    said: tuple[str, ...] = ()  # the chain of the last sentence that named a source ...
    said_at = -1  # ... its index ...
    said_quantities: list[int] = []  # ... and its figures
    recent: tuple[str, ...] = ()  # the last source named, for "it said" after a pause
    spoken: list[str] = []  # the sources named so far, for "the intelligence" to stand for
    pending: list[int] = []  # quantities since the last attribution, in this paragraph
    previous_pending: list[int] = []  # the same for the paragraph before
    paragraph = -1
    starts = [s.start for s in sentences]
    ends = [s.end for s in sentences]
    stripped: dict[tuple[str, ...], tuple[str, ...]] = {}  # chain -> chain without the outlet

    def without_outlet(chain: tuple[str, ...]) -> tuple[str, ...]:
        got = stripped.get(chain)
        if got is None:
            got = stripped[chain] = _without_outlet(chain, keys, reg)
        return got

    attrs_of = group_by_span((a.start for a in attributions), starts, ends)
    quantities_of = group_by_span((q.start for q in quantities), starts, ends)
    for k, sent in enumerate(sentences):
        new_paragraph = sent.paragraph != paragraph
        if new_paragraph:
            paragraph = sent.paragraph
            previous_pending, pending = pending, []
            if _EDITORIAL.match(doc.text, sent.start, sent.end):
                current = voice = held = ()  # "Read more", "Recall": the outlet's own voice
        attrs = [attributions[j] for j in attrs_of[k]]
        in_sent = quantities_of[k]
        # "the report, cited by <outlet>": the outlet relaying someone, not speaking itself
        attrs = [
            a
            for a in attrs
            if not (_PASSIVE_CUE.match(a.text) and not without_outlet(a.chain))
        ]
        cleaned: dict[int, tuple[str, ...]] = {}
        antecedent = current or recent
        for a in attrs:
            back = relays.last_media if a.chain and _media("", a.chain[0]) else ()
            if introduced and len(a.chain) == 1 and _ANAPHORIC_HEADS.match(a.chain[0]):
                back = introduced  # "Oryx, a website, has ..." / "The group said"
            cleaned[id(a)] = (
                (back or antecedent)
                if (back or antecedent)
                and _anaphoric(a, back or antecedent, doc.text[max(0, a.start - 12) : a.end])
                else () if _bare_pronoun(a) else without_outlet(a.chain)
            )
        for a in attrs:
            resolved = _resolve_heads(cleaned[id(a)], spoken, reg, doc.text, a.start)
            cleaned[id(a)] = relays.chain(doc.text, sent, a, resolved, current)
        if attrs:
            introduced = ()  # a source named since: the back-reference is to it
        intro = _APPOSITION.match(doc.text, sent.start, sent.end)
        if intro and not attrs:  # "Oryx, an open source intelligence website, has ..."
            introduced = (intro.group("name"),)
        # the outlet naming itself beside another source adds nothing; alone, it is its own voice
        named = [a for a in attrs if cleaned[id(a)] or not a.chain]
        attrs = named or attrs
        if not attrs and (
            _BACKGROUND.match(doc.text, sent.start, sent.end)
            or _OWN_VOICE.match(doc.text, sent.start, sent.end)
            or _is_subheading(doc.text, sent)
        ):
            current = voice = held = ()  # "In April 2022, ...", "Recall that": the outlet's voice
        if not attrs and new_paragraph and not _continues(doc.text, sentences, k, current):
            held, current = current or held, ()  # a paragraph that does not go on reporting
        elif not attrs and held and not current and _reports_again(doc.text, sent):
            current = held  # "Also in 2023, ...", "Of these, ...": back to the source held
        if not attrs:
            for i in in_sent:
                chains[i] = current
                voices[i] = current or voice
            pending.extend(in_sent)
            continue
        for i in in_sent:
            chains[i] = voices[i] = cleaned[id(_nearest(attrs, quantities[i]))]
        first = cleaned[id(attrs[0])]
        backward = (
            _BACKWARD_SCOPE.match(doc.text[attrs[0].start : attrs[0].end]) is not None
            or _BACKWARD_OPENER.match(doc.text, sent.start, attrs[0].end) is not None
        )
        if first and (backward or not current):
            scope = pending if pending or not new_paragraph or not backward else previous_pending
            for i in scope:
                chains[i] = voices[i] = first
        elif first and _SPEECH_CLOSE.search(doc.text, sent.start, attrs[0].start):
            for i in pending:  # "“... 350 thousand ... a very large mass,” noted X": X said it
                chains[i] = voices[i] = first
        relayed = (
            backward and first and said and said_at == k - 1 and not set(first) & set(said)
        )
        if relayed:
            # "Journalists established X. This was reported by BBC Russian": BBC relays them
            for i in said_quantities:
                if chains[i] == said:
                    chains[i] = voices[i] = first + said
            cleaned[id(attrs[-1])] = first + said if len(attrs) == 1 else cleaned[id(attrs[-1])]
        said, said_at, said_quantities = cleaned[id(attrs[-1])], k, list(in_sent)
        pending = []
        current = voice = cleaned[id(attrs[-1])]
        held = ()
        if _EDITORIAL.match(doc.text, sent.start, sent.end):
            current = voice = ()  # "Read more: ... - WSJ": a link to another story
        recent = current or recent
    return [c if c is not None else () for c in chains], voices


# ``attach_context`` copies every field of a quantity by name; a new field must be added there.
# The registries' fields (``canonical_sources``, ``metric``) are set after this stage, by
# ``pipeline.with_registries`` from the sources given here: they are left at their defaults.
_QUANTITY_FIELDS = ("start", "end", "text", "value", "kind", "value_high", "unit", "approx",
                    "change", "what", "period_from", "period_to", "sources",
                    "canonical_sources", "metric")
if tuple(f.name for f in fields(Quantity)) != _QUANTITY_FIELDS:  # pragma: no cover
    raise ImportError("attach_context: Quantity fields changed; copy the new ones there")


def attach_context(
    doc: Document,
    quantities: list[Quantity],
    times: list[TimeExpr],
    attributions: list[Attribution],
) -> list[Quantity]:
    """The quantities with ``what``, ``period_from``/``period_to`` and ``sources`` filled in."""
    order = sorted(range(len(quantities)), key=lambda i: quantities[i].start)
    ordered = [quantities[i] for i in order]
    sentences = [(s.start, s.end, s.paragraph) for s in split_sentences(doc.text)]
    chains, voices = _assign_sources(doc, ordered, attributions)
    whats = find_what(doc.text, ordered, sentences)
    periods = assign_periods(doc.text, ordered, times, sentences, voices)
    done = [  # built directly: ``dataclasses.replace`` costs several times more per figure
        Quantity(
            start=q.start,
            end=q.end,
            text=q.text,
            value=q.value,
            kind=q.kind,
            value_high=q.value_high,
            unit=q.unit,
            approx=q.approx,
            change=q.change,
            what=q.what or what,
            period_from=q.period_from or period[0],
            period_to=q.period_to or period[1],
            sources=chain,
        )
        for q, chain, what, period in zip(ordered, chains, whats, periods, strict=True)
    ]
    result: list[Quantity] = [ordered[0]] * len(quantities) if quantities else []
    for pos, i in enumerate(order):
        result[i] = done[pos]
    return result
