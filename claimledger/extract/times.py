"""Dates and periods in news text (en, de, ru, uk), resolved against the publication date.

Three passes: date *atoms* (explicit dates in many formats, bare years in a date context,
relative expressions such as "last year" or "on Friday"), *event-anchored* periods ("since the
start of the full-scale invasion"), and *periods* built from atoms by their trigger words
("since X", "by X", "between X and Y", "X to Y"). Relative expressions are resolved against
``Document.published`` only; without it their value is null. Every pattern is compiled once and
is linear: bounded gaps, no nested quantifiers.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from dataclasses import dataclass, replace

from ..model import Document, TimeExpr
from .dates import MONTH_RE, PartialDate, event_date, minus_one_unit, parse_published
from .scan import foldable, scan, word_starts
from .times_atoms import Atom, find_atoms

# How far before an atom a trigger word ("since", "between") may start, in characters.
TRIGGER_LOOKBACK = 40
# How many characters an event phrase may hold between its trigger and its event word.
EVENT_GAP = 80

_S = r"(?:[ \t\u00a0]{1,3}|[ \t\u00a0]{0,2}\n[ \t\u00a0]{0,2})"

# Trigger words right before an atom, each with the role it gives the atom.
_TRIGGER = re.compile(
    r"(?:^|(?<=[^\w]))(?P<t>ever\s+since|since|from|between|until|till|through|thru|up\s+to|by"
    r"|before|as\s+of|starting(?:\s+(?:in|from))?|[Ss]eit|ab|[Vv]on|[Vv]om|[Zz]wischen"
    r"|bis(?:\s+(?:zum|zur|Ende|Anfang))?|[Vv]or|начиная\s+с|[Сс]о?|[Мм]ежду|[Дд]о|[Кк]о?|[Зз]і?|[Іі]з"
    r"|[Вв]ід|починаючи\s+з|[Мм]іж)"
    r"\s+(?:at\s+least\s+|the\s+|(?:in|im|dem|der)\s+)?$",
    re.IGNORECASE,
)
_ROLE = {
    "since": "from", "ever since": "from", "from": "from_range", "starting": "from",
    "starting in": "from", "starting from": "from", "seit": "from", "ab": "from",
    "von": "from_range", "vom": "from_range",
    "с": "from", "со": "from", "начиная с": "from", "з": "from", "зі": "from", "із": "from",
    "від": "from", "починаючи з": "from",
    "between": "between", "zwischen": "between", "между": "between", "між": "between",
    "until": "to", "till": "to", "through": "to", "thru": "to", "up to": "to", "by": "to",
    "bis": "to", "bis zum": "to", "bis zur": "to", "bis ende": "to", "bis anfang": "to",
    "до": "to", "к": "to", "ко": "to", "before": "before", "vor": "before", "as of": "date",
}
# "since <an event> in <date>": the event's date opens the period ("з моменту часткової
# мобілізації у вересні 2022 року", "seit der Teilmobilisierung im September 2022", "since the
# offensive began in October 2023"). The event phrase holds no digit and no clause break.
SINCE_CLAUSE_LOOKBACK = 110
_SINCE_CLAUSE = re.compile(
    r"(?<!\w)(?P<t>ever\s+since|since|seit|с\s+момента|с\s+начала|со\s+дня|з\s+моменту"
    r"|із\s+моменту|від\s+моменту|з\s+початку|із\s+початку|від\s+початку|з\s+дня)(?!\w)"
    r"(?:[^.;:!?\n\d]|\.(?=\s?[a-zа-яіїєґäöüß]))"  # an abbreviation's dot ("т. н.") goes on
    r"{2,100}?"
    r"(?:\s(?:(?:began|started|begun|begann|началась|начался|началось|почалася|почався"
    r"|почалось)\s+)?(?:in|im|on|am|у|в|во)\s+(?:the\s+)?|\s*\(\s*)$",
    re.IGNORECASE,
)
# "compared with" before "с"/"з": the date after it is a comparison's base
_COMPARED_WITH = re.compile(r"(?:сравнению|порівняно|порівнянні|Vergleich)\s+$", re.IGNORECASE)
# What may stand between two atoms of one period.
_CONNECTOR = re.compile(
    r",?\s{0,3}(?:(?P<dash>[-–—])|(?P<to>to|until|till|through|bis(?:\s+(?:zum|zur))?|по|до)"
    r"|(?P<and>and|und|и|і|та|й))\s{0,3}(?P<the>the\s+)?",
    re.IGNORECASE,
)

_APPOSITION = re.compile(r",[ \t]{1,2}")

_STRONG_EVENT = (
    r"(?:full[-\s]scale\s+)?invasion|invaded|mobili[sz]ation|mobili[sz]ed|incursion"
    r"|special\s+military\s+operation|annexation"
    r"|вторжения|вторгнення|мобилизации|мобілізації|СВО|спецоперации"
    r"|специальной\s+военной\s+операции|Angriffskrieges|Angriffskriegs|Angriffskrieg"
    r"|Invasion|Einmarsch(?:es)?|Mobilmachung|Teilmobilmachung"
)
# A name right after the event word: any name after the verb "invaded" (its object), else only a
# genitive ("Angriffskriegs Russlands", "вторгнення Росії"); a nominative starts the next clause.
_GENITIVE_NAME = (
    r"[A-ZÄÖÜ][\w’'-]*[a-zäöü]s(?![\w’'-])|[А-ЯІЇЄ][а-яіїєґ’'-]*[иїы](?![\w’'-])|РФ(?!\w)"
)
_WEAK_EVENT = (
    r"war(?!\s+(?:I|II|1|2)\b)|hostilities|aggression|attack(?=\s+on\s+Ukraine)"
    r"|войны|війни|боевых\s+действий|бойових\s+дій|агрессии|агресії"
    r"|Krieges|Kriegs|Krieg|Operationen|Überfalls?"
)
_EVENT = re.compile(
    r"(?<!\w)(?P<trig>ever\s+since|since|after|from"
    r"|during\s+the\s+first\s+(?:few\s+)?(?:\w+\s+)?(?:days|weeks|months)\s+of"
    r"|с\s+начала|с\s+момента\s+начала|после\s+начала|от\s+начала"
    r"|з\s+початку|із\s+початку|від\s+початку|після\s+початку"
    r"|seit|nach)(?!\w)"
    r"(?P<gap>[^.;:!?\n]{0," + str(EVENT_GAP) + r"}?)"
    r"(?<!\w)(?:(?P<strong>" + _STRONG_EVENT + r")|(?P<weak>" + _WEAK_EVENT + r"))(?!\w)"
    r"(?P<tail>(?:(?<=invaded)\s+(?-i:[A-ZА-ЯІЇЄ][\w’'-]+)|\s+(?-i:" + _GENITIVE_NAME + r"))?"
    r"(?:\s+(?:of|in|into|on|against|von|in\s+der|gegen\s+die|на|в|против|проти)"
    r"\s+(?:the\s+|die\s+)?[\w’'-]+(?:\s+(?-i:[A-ZА-ЯІЇЄ][\w’'-]+))?)?"
    r"(?:\s+(?:began|started|begun|broke\s+out))?)",
    re.IGNORECASE,
)
# The (lower-cased) words every ``_EVENT`` match opens with: it is tried only where they start.
_EVENT_OPENERS = frozenset(
    "ever since after from during с после от з із від після seit nach".split()
)
_START_WORDS = re.compile(
    r"start|beginning|onset|outbreak|\bday\b|first|начала|початку|beginn|start|anfang",
    re.IGNORECASE,
)
_EVENT_DATE_LINK = re.compile(
    r"(?:\s{1,3}(?:region|oblast|област[иі]|Gebiet|Region))?"
    r",?\s{1,3}(?:(?P<clause>which\s+|that\s+)?(?:began|started)\s+)?"
    r"(?:in|on|im|am|в|у|vom)\s{1,3}"
    r"|,\s{0,3}(?:з|із|с|since|seit)\s{1,3}",
    re.IGNORECASE,
)
_GAP_BREAK = re.compile(r"[,;]|\s[-–—]\s")
_NON_WAR_GAP = re.compile(r"(?:world|cold|civil|first|second)\s+$", re.IGNORECASE)
# Words after "from X" that make it an open period ("from mid-2023 onwards").
_ONWARDS = re.compile(r"\s{1,3}(?:on(?:wards?)?|forward|an|an\s+gerechnet)(?!\w)", re.IGNORECASE)
_DIRECT_DATE = re.compile(r"\s*(?:the\s+|at\s+least\s+)?$", re.IGNORECASE)
_MONTH_ONLY = re.compile(MONTH_RE)


@dataclass(frozen=True)
class _Event:
    start: int
    end: int
    value: PartialDate | None


def _atoms_in(atoms: list[Atom], starts: list[int], lo: int, hi: int) -> list[Atom]:
    """The atoms (sorted by start) that start in [lo, hi)."""
    return atoms[bisect.bisect_left(starts, lo):bisect.bisect_left(starts, hi)]


def _combine_event_date(explicit: PartialDate | None, event: PartialDate) -> PartialDate:
    """The start of an event phrase: its stated date, else the event's own date."""
    if explicit is None:
        return event
    if explicit.year is None:
        # "which began in August": the month as written, in the event's year
        return PartialDate(event.year, explicit.month, explicit.day) \
            if explicit.month == event.month else explicit
    if explicit.month is None:
        return event if explicit.year == event.year else explicit
    return explicit


def _find_events(text: str, atoms: list[Atom]) -> list[_Event]:
    """Periods opened by a well-known event ("since the start of the full-scale invasion")."""
    by_start = {a.start: a for a in atoms}
    starts = [a.start for a in atoms]
    out: list[_Event] = []
    last_end = -1
    matches = (scan(_EVENT, text, word_starts(text, _EVENT_OPENERS)) if foldable(text)
               else _EVENT.finditer(text))
    for m in matches:
        if m.start() < last_end:
            continue
        gap = m.group("gap")
        gap_start = m.start("gap")
        lead = len(gap) - len(gap.lstrip())
        if any(a.start < m.start("tail") and _DIRECT_DATE.fullmatch(text[gap_start:a.start])
               for a in _atoms_in(atoms, starts, gap_start + lead, gap_start + 8)):
            continue  # "since February 2022 the war ...": the trigger governs a date
        kw_start = m.start("strong") if m.group("strong") is not None else m.start("weak")
        if _atoms_in(atoms, starts, m.start(), kw_start) and _GAP_BREAK.search(gap):
            continue  # "с начала 2024 года ..., а с момента мобилизации": a date's own clause
        if m.group("weak") is not None:
            if _NON_WAR_GAP.search(gap):
                continue
            if not (_START_WORDS.search(m.group("trig") + gap) or m.group("tail").strip()
                    .lower().endswith(("began", "started", "begun", "out"))):
                continue
        kw = (m.group("strong") or m.group("weak") or "").lower()
        phrase = m.group(0)
        if kw == "incursion" and not re.search(r"kursk|курск", phrase, re.IGNORECASE):
            continue
        if m.group("trig").lower() in ("after", "following", "from", "nach") and \
                m.group("weak") is None and not _START_WORDS.search(gap) and "invasion" not in kw:
            continue
        ev = event_date(kw if "mobil" in kw or "мобіл" in kw or "мобил" in kw else phrase)
        if ev is None:
            continue
        end = m.end()
        explicit: PartialDate | None = None
        inside = _atoms_in(atoms, starts, m.start(), end)
        if inside:
            end = max(end, max(a.end for a in inside))
        link = _EVENT_DATE_LINK.match(text, end)
        if link is not None and link.end() in by_start:
            atom = by_start[link.end()]
            inside.append(atom)
            if link.group("clause") is None:
                end = atom.end
            # else "..., which began in August": the date keeps its own span and dates the event
        for atom in inside:
            if atom.date is not None:
                explicit = atom.date
        out.append(_Event(m.start(), end, _combine_event_date(explicit, ev)))
        last_end = end
    return out


def _trigger_before(text: str, start: int, floor: int = 0) -> tuple[str, int] | None:
    """The trigger word right before ``start`` and where it starts, if any (a "since" clause
    reaches back no further than ``floor``, the end of the time before)."""
    lo = max(0, start - TRIGGER_LOOKBACK)
    m = _TRIGGER.search(text, lo, start)
    if m is None:
        since = _SINCE_CLAUSE.search(text, max(floor, start - SINCE_CLAUSE_LOOKBACK), start)
        return ("from", since.start("t")) if since is not None else None
    word = " ".join(m.group("t").lower().split())
    if _COMPARED_WITH.search(text, max(0, m.start("t") - 20), m.start("t")):
        return None  # "по сравнению с 2024 годом": the base of a comparison, not a start
    role = _ROLE.get(word)
    return (role, m.start("t")) if role else None


def _inherit_year(first: Atom, second: Atom) -> Atom:
    """The first end of a range without a year takes the year of the second end."""
    if first.year_given or second.date is None or second.date.year is None:
        return first
    if first.month is None:
        return first
    year = second.date.year
    if second.date.month is not None and first.month > second.date.month:
        year -= 1
    return replace(first, date=PartialDate(year, first.month, first.day), lo=None, hi=None)


def _period_ends(atom: Atom) -> tuple[PartialDate | None, PartialDate | None]:
    """(start, end) of an atom: its own period, else its date at both ends."""
    if atom.lo is not None or atom.hi is not None:
        return atom.lo, atom.hi
    return atom.date, atom.date


def _iso(date: PartialDate | None) -> str | None:
    return date.iso() if date is not None else None


def _date_expr(text: str, start: int, end: int, atom: Atom) -> TimeExpr:
    if atom.lo is not None or atom.hi is not None or atom.is_period:
        return TimeExpr(start, end, text[start:end], "period", None, _iso(atom.lo), _iso(atom.hi))
    return TimeExpr(start, end, text[start:end], "date", _iso(atom.date))


def _build(text: str, atoms: list[Atom], events: list[_Event]) -> list[TimeExpr]:
    """Periods and dates from atoms and events, in text order."""
    out: list[TimeExpr] = []
    items: list[tuple[int, Atom | _Event]] = [(a.start, a) for a in atoms]
    items += [(e.start, e) for e in events]
    items.sort(key=lambda x: x[0])
    i = 0
    while i < len(items):
        item = items[i][1]
        if isinstance(item, _Event):
            value = _iso(item.value)
            out.append(TimeExpr(item.start, item.end, text[item.start:item.end], "period",
                                None, value, None))
            i += 1
            continue
        atom = item
        trig = _trigger_before(text, atom.start, out[-1].end if out else 0)
        role, tstart = trig if trig else ("", atom.start)
        nxt = items[i + 1][1] if i + 1 < len(items) else None
        if isinstance(nxt, Atom) and atom.grain == "today" and nxt.day is not None and \
                _APPOSITION.fullmatch(text, atom.end, nxt.start):
            # "today, October 2": one date, named twice
            date = nxt.date if nxt.date is not None and nxt.date.year else atom.date
            out.append(TimeExpr(atom.start, nxt.end, text[atom.start:nxt.end], "date", _iso(date)))
            i += 2
            continue
        if isinstance(nxt, Atom):
            conn = _CONNECTOR.match(text, atom.end)
            # the second date may open with the "the" the connector took ("until the end of")
            reaches = conn is not None and (conn.end() == nxt.start or (
                conn.group("the") is not None and conn.start("the") == nxt.start))
            if conn is not None and reaches and _joins(conn, role, atom, nxt):
                first = _inherit_year(atom, nxt)
                lo, _ = _period_ends(first)
                _, hi = _period_ends(nxt)
                start = tstart if role in ("from", "from_range", "between", "to") else atom.start
                out.append(TimeExpr(start, nxt.end, text[start:nxt.end], "period", None,
                                    _iso(lo), _iso(hi)))
                i += 2
                continue
        lo, hi = _period_ends(atom)
        if atom.grain == "dayrange" and role in ("from", "from_range", "between"):
            # "с 1 по 15 марта": the trigger opens the range the atom already holds
            out.append(TimeExpr(tstart, atom.end, text[tstart:atom.end], "period", None,
                                _iso(lo), _iso(hi)))
        elif role == "from" or (role == "from_range" and _ONWARDS.match(text, atom.end)):
            out.append(TimeExpr(tstart, atom.end, text[tstart:atom.end], "period", None,
                                _iso(lo), None))
        elif role == "to":
            out.append(TimeExpr(tstart, atom.end, text[tstart:atom.end], "period", None,
                                None, _iso(hi)))
        elif role == "before" and atom.date is not None and atom.lo is None:
            out.append(TimeExpr(tstart, atom.end, text[tstart:atom.end], "period", None,
                                None, _iso(minus_one_unit(atom.date))))
        else:
            # "as of 1 June": the span is the date alone; periods.py reads the "as of" before it
            out.append(_date_expr(text, atom.start, atom.end, atom))
        i += 1
    return out


def _joins(conn: re.Match[str], role: str, first: Atom, second: Atom) -> bool:
    """True when a connector between two atoms makes one period of them."""
    if conn.group("dash") is not None:
        return True
    if conn.group("to") is not None:
        return role != "between" or conn.group("to").lower() != "до"
    # "and": a period after "between", or two months or two years side by side
    if role == "between":
        return True
    return first.grain == second.grain and first.grain in ("month", "year") and \
        first.day is None and second.day is None


def extract_times(doc: Document) -> list[TimeExpr]:
    """Dates and periods in ``doc.text``, resolved against ``doc.published`` only."""
    text = doc.text
    if not text:
        return []
    pub: dt.date | None = parse_published(doc.published)
    atoms = find_atoms(text, pub, doc.language)
    events = _find_events(text, atoms)
    if events:
        covered = set()
        starts = [a.start for a in atoms]
        for e in events:
            lo = bisect.bisect_left(starts, e.start)
            while lo > 0 and atoms[lo - 1].end > e.start:
                lo -= 1
            for k in range(lo, bisect.bisect_left(starts, e.end)):
                covered.add(k)
        atoms = [a for k, a in enumerate(atoms) if k not in covered]
    out = _build(text, atoms, events)
    return [t for t in out if 0 <= t.start < t.end <= len(text)]
