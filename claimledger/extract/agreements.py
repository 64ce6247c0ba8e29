"""Agreements: treaties, pacts and deals the text states facts about, with their provisions.

A mention is a head noun of the language ("treaty", "договор", "Vertrag") with the words that
name it around it ("broad cooperation pact", "Treaty on ... between Russia and Iran"). A mention
after a year ("the 2001 agreement", "the 2015 nuclear deal") is an agreement of its own; every
other mention, and "the document", "the parties", "it", speak of the report's main agreement
(its first mention). A sentence that speaks of it and has a cue of content ("covers",
"provides for", "does not include") gives provisions: the phrase after the cue, split into its
items when it is a list of short ones ("trade, energy and science").
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from functools import lru_cache

from ..lexicon import agreements as words
from ..lexicon.events import lexicon as event_lexicon
from ..model import Agreement, Document, Event, Provision, TimeExpr
from .attribution import split_sentences
from .events import word_action

WINDOW = 400  # chars around a mention or a cue that are read
MAX_PROVISIONS = 40  # a longer list is no agreement's content but a run-on text
MAX_RECORDS = 20
MAX_LEFT_WORDS = 4  # words before a head noun that can belong to its name
MAX_RIGHT_WORDS = 9  # words of an "on ..."/"between ..." tail of a name
MAX_ITEM_WORDS = 4  # a list item longer than this is a phrase: the list is not split
MIN_ITEMS = 3
MAX_PHRASE_WORDS = 16
_YEAR = re.compile(r"^(?:19|20)\d\d$")
_WORD = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*")
_FUNCTION = frozenset(
    "the a an its their this that these those his her our of with and or to for in on at by as "
    "from into under new its former earlier previous first landmark's is was were are be been "
    "has have had which who said says also both two all any such said also "
    "и в на с о по для от до что как этот эта это этого новый новое и з у на для від до що як "
    "цей ця це цього новий нова der die das den dem des ein eine einen einem eines und mit für "
    "im am zum zur vom von über neue neuen neuer".split()
)
_TAIL_OPENERS = frozenset({"on", "of", "between", "über", "zwischen", "о", "об", "между", "про",
                           "між", "zur", "zum"})
_STOP_TAIL = re.compile(r"[.;:()\[\]«»\"“”„]|\s[–—-]\s|,\s*(?:which|who|signed|that|der|die|das)\b")
_JOINERS = frozenset({"and", "of", "the", "on", "for", "und", "der", "des", "die", "über", "и",
                      "і", "та", "й", "о", "об", "про"})
_LIST_END = re.compile(
    r",\s+(?:is|are|was|were|will|has|have|had|ist|sind|wird|wurde|является|буде|є)\b"
)
_BETWEEN = frozenset({"between", "zwischen", "между", "між"})
_GREAT_DEAL = re.compile(r"(?:great|good)\s+$", re.IGNORECASE)


@dataclass
class _Record:
    start: int
    end: int
    text: str
    name: str
    parties: tuple[str, ...]
    key: str
    provisions: list[Provision] = field(default_factory=list)


_Cues = tuple[tuple[re.Pattern[str], bool], ...]


@lru_cache(maxsize=4)
def _patterns(lang: str) -> tuple[re.Pattern[str], re.Pattern[str], _Cues]:
    head = re.compile(r"\b(?:" + words.HEADS[lang] + r")\b", re.IGNORECASE)
    refers = re.compile(words.REFERS[lang], re.IGNORECASE)
    cues = tuple(
        (re.compile(r"\b(?:" + p + r")\b", re.IGNORECASE), present)
        for p, present in words.CONTAINS[lang]
    )
    return head, refers, cues


@lru_cache(maxsize=4)
def _stoppers(lang: str) -> frozenset[str]:
    lex = event_lexicon(lang)
    return _FUNCTION | frozenset(lex.forms) | lex.speech | lex.boundaries


def _name_span(text: str, m: re.Match[str], lang: str, lo: int, hi: int) -> tuple[int, int, str]:
    """The span of the name around the head noun, and the party list it states."""
    stop = _stoppers(lang) | event_lexicon(lang).passive_aux
    lex = event_lexicon(lang)
    start = m.start()
    left = list(_WORD.finditer(text, max(lo, m.start() - 20 * MAX_LEFT_WORDS), m.start()))
    left = left[-MAX_LEFT_WORDS:]
    for w in reversed(left):
        between = text[w.end() : start]
        if between.strip() or w.group().lower() in stop:
            break
        if _YEAR.match(w.group()):
            start = w.start()
            break
        start = w.start()
    end = m.end()
    tail = _WORD.match(text, end + 1) if end + 1 < hi else None
    if tail and text[end : tail.start()] == " " and tail.group().lower() in _TAIL_OPENERS:
        stop_at = _STOP_TAIL.search(text, tail.start(), hi)
        limit = stop_at.start() if stop_at else hi
        ws: list[re.Match[str]] = []
        parties_follow = tail.group().lower() in _BETWEEN
        for w in list(_WORD.finditer(text, tail.start(), limit))[:MAX_RIGHT_WORDS]:
            low = w.group().lower()
            if ws and ((low in stop and low not in _JOINERS) or word_action(low, lex)):
                break  # "... between A and B was signed": the name ends before the verb
            if ws and parties_follow and low not in _JOINERS and not w.group()[0].isupper():
                break  # the parties are names: "between Russia and Iran officially"
            ws.append(w)
        comma = text.find(",", tail.start(), limit)
        ws = [
            w for w in ws
            if comma < 0 or w.end() <= comma or "between" in text[tail.start() : w.start()]
        ]
        if len(ws) > 1:
            end = ws[-1].end()
    return start, end, text[start:end]


def _parties(name: str) -> tuple[str, ...]:
    between = re.search(
        r"\b(?:between|zwischen|между|між)\s+(?:the\s+)?(.+?)\s+(?:and|und|и|і|та)\s+(?:the\s+)?(.+)$",
        name,
    )
    if between:
        return (between.group(1).strip(), between.group(2).strip())
    compound = re.search(r"(?:^|\s)([A-Za-zА-Яа-яЁёІіЇїЄєҐґ]+)[-–]([A-ZА-ЯЁІЇЄҐ][\w]+)\b", name)
    if compound and compound.group(1)[:1].isalpha():
        first = compound.group(1)
        if first[0].isupper() or first.lower() in ("russia", "iran"):
            return (first, compound.group(2))
    return ()


def _clean_name(name: str, parties: tuple[str, ...]) -> str:
    out = re.sub(r"\s+(?:between|zwischen|между|між)\s+.*$", "", name)
    out = re.sub(r"^(?:19|20)\d\d\s+", "", out)
    if parties and len(parties) == 2:
        out = re.sub(rf"^{re.escape(parties[0])}[-–]{re.escape(parties[1])}\s+", "", out)
    return out.strip() or name


def _items(
    text: str, start: int, end: int, lang: str, present: bool, cues: _Cues = ()
) -> list[Provision]:
    """The provisions of the phrase ``start:end``: its items when it is a list of short ones."""
    phrase = text[start:end]
    opener = re.match(words.LIST_OPENERS[lang], phrase, re.IGNORECASE)
    skip = opener.end() if opener else 0
    body_start = start + skip
    body = text[body_start:end]
    verb = _LIST_END.search(body)  # "covering A, B and C, is expected to ...": the list ends
    body = body[: verb.start()] if verb else body
    pieces: list[tuple[int, int]] = []
    pos = 0
    ranged = opener is not None and re.search(words.FROM[lang], opener.group(), re.IGNORECASE)
    separators = words.AND[lang] + ("|" + words.TO[lang] if ranged else "")
    for sep in re.finditer(separators, body, re.IGNORECASE):
        pieces.append((pos, sep.start()))
        pos = sep.end()
    pieces.append((pos, len(body)))
    pieces = [(a, b) for a, b in pieces if body[a:b].strip()]
    run = 0  # the leading items that are short: the list (a long piece after it is a new clause)
    while run < len(pieces) and len(body[slice(*pieces[run])].split()) <= MAX_ITEM_WORDS:
        if any(c.match(body[slice(*pieces[run])]) for c, _ in cues):
            break  # "..., and outlines X": a new cue, not an item
        run += 1
    out: list[Provision] = []
    if run >= MIN_ITEMS:
        for a, b in pieces[:run]:
            s, e = _trim(text, body_start + a, body_start + b)
            if e > s:
                out.append(Provision(s, e, text[s:e], present))
        return out
    comma = text.find(",", start, end)
    stop = comma if comma > start + 12 else end
    cut = re.compile(words.PHRASE_END[lang], re.IGNORECASE).search(text, start, stop)
    stop = cut.start() if cut and cut.start() > start + 12 else stop
    ws = list(_WORD.finditer(text, start, stop))[:MAX_PHRASE_WORDS]
    if not ws:
        return []
    s, e = _trim(text, ws[0].start(), ws[-1].end())
    if e > s:
        out.append(Provision(s, e, text[s:e], present))
    return out


_TRIM_LEAD = re.compile(
    r"^(?:(?:the|a|an|to|of|for|its|their|that|die|der|das|den|и|і|та)\b|[-–—\s])+\s*",
    re.IGNORECASE,
)
_YEARS_OLD = re.compile(r"\b\d+-(?:year|летн\w+|річн\w+|jährig\w*)\b", re.IGNORECASE)


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    seg = text[s:e]
    lead = _TRIM_LEAD.match(seg)
    if lead and lead.end() < len(seg):
        s += lead.end()
    seg = text[s:e]
    stripped = seg.rstrip(" ,.;:\"”»'")
    return s, s + len(stripped)


def _overlap(a: str, b: str) -> bool:
    """One provision said twice: one phrase holds the other."""
    a, b = a.lower(), b.lower()
    return a in b or b in a


def extract_agreements(
    doc: Document,
    times: list[TimeExpr],
    events: list[Event],
    exclude: list[tuple[int, int]] | None = None,
) -> list[Agreement]:
    """The agreements of ``doc`` and what it says they contain."""
    text = doc.text
    lang = doc.language if doc.language in ("en", "ru", "uk", "de") else "en"
    head, refers, cues = _patterns(lang)
    mentions = [
        m for m in head.finditer(text)
        if not any(s <= m.start() < e for s, e in exclude or [])
        and not (
            m.group().lower() == "deal"
            and _GREAT_DEAL.search(text[max(0, m.start() - 8) : m.start()])
        )
    ]
    if not mentions:
        return []
    sentences = split_sentences(text)
    records: dict[str, _Record] = {}
    main: _Record | None = None
    sentence_at = [s.start for s in sentences]
    date_ends = {t.end for t in times if t.type == "date"}
    for m in mentions:
        k = bisect.bisect_right(sentence_at, m.start()) - 1
        lo, hi = (sentences[k].start, sentences[k].end) if k >= 0 else (0, len(text))
        lo, hi = max(lo, m.start() - WINDOW), min(hi, m.end() + WINDOW)
        s, e, name = _name_span(text, m, lang, lo, hi)
        year = re.match(r"(?:19|20)\d\d\b", name)
        dated = s in date_ends or s - 1 in date_ends
        parties = _parties(name)
        if year or dated:
            key = year.group() if year else f"date@{s}"
            if key not in records and len(records) < MAX_RECORDS:
                records[key] = _Record(s, e, name, _clean_name(name, parties), parties, key)
            continue
        if main is None:
            main = _Record(s, e, name, _clean_name(name, parties), parties, "main")
            records["main"] = main
        elif not main.parties and parties:
            main.parties = parties
    if main is not None:
        seen: set[str] = set()
        for sent in sentences:
            for cue, present in cues:
                for c in cue.finditer(text, sent.start, sent.end):
                    if len(main.provisions) >= MAX_PROVISIONS:
                        break
                    lo = max(sent.start, c.start() - WINDOW)
                    about = refers.search(text, lo, c.start()) or (
                        not present and head.search(text, c.end(), min(sent.end, c.end() + WINDOW))
                    )
                    if not about:
                        continue
                    nearest = max((r for r in records.values() if r.start < c.start()
                                   and r.start >= lo), key=lambda r: r.start, default=None)
                    if nearest is not None and nearest is not main:
                        continue  # "the 2015 deal between A and B, including C": not the main one
                    if any(c.start() < p.end and p.start < c.end() for p in main.provisions):
                        continue
                    end = min(sent.end, c.end() + WINDOW)
                    for provision in _items(text, c.end(), end, lang, present, cues):
                        key = provision.text.lower()
                        if key in seen or len(provision.text) < 3:
                            continue
                        if head.fullmatch(provision.text) or (
                            _YEAR.match(provision.text[:4]) and head.search(provision.text)
                        ):
                            continue  # "including the 1921 treaty": another agreement
                        if any(_overlap(provision.text, p.text) for p in main.provisions):
                            continue
                        seen.add(key)
                        main.provisions.append(provision)
        for m in mentions:  # "the 20-year pact": its term is a provision
            s, e, name = _name_span(text, m, lang, max(0, m.start() - 60), m.end())
            years = _YEARS_OLD.search(text, s, m.start())
            if years and years.group().lower() not in seen:
                seen.add(years.group().lower())
                main.provisions.append(Provision(years.start(), years.end(), years.group()))
        acts = {"sign", "ratify", "enter_into_force", "approve", "submit"}
        stated = main.provisions or main.parties or any(e.action in acts for e in events)
        if not stated:
            del records["main"]
    out = sorted(records.values(), key=lambda r: r.start)
    return [
        Agreement(r.start, r.end, r.text, r.name, r.parties, tuple(r.provisions)) for r in out
    ]
