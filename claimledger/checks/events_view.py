"""Events across reports: one dated action relayed by several outlets, and dates that disagree.

An event is told by its action, its actor and its object (their content words, stemmed, so
"Putin approved the Navy strategy" and "Vladimir Putin approved Russia's naval strategy" are
one). Its relays are every report that states it; when they give dates that cannot both be
right ("May 30" against "June 9", not "May 2025" against "May 30, 2025"), the event is in
conflict, and each version is named with who reports it.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from ..model import Analysis, Event
from ..store.base import Ledger
from ..store.export import Format, export_rows
from .metrics import content_words, stem
from .series import date_bounds

KEY_WORDS = 3  # an event's id names this many of its object's first content stems
OBJECT_OVERLAP = 0.5  # objects sharing this share of their words are one object


@dataclass(frozen=True)
class EventRow:
    """One stored event with its report and the event across reports it belongs to."""

    doc_id: str
    index: int
    start: int
    end: int
    text: str
    action: str
    actor: str | None
    object: str | None
    date: str | None
    sources: tuple[str, ...]
    outlet: str | None
    published: str | None
    url: str | None
    event: str  # the id of the event across reports
    relays: int  # reports stating it
    conflict: bool  # its reports give dates that cannot both be right


def _stems(text: str | None) -> list[str]:
    return [stem(w) for w in content_words(text or "") if len(w) > 1]


def event_key(action: str, actor: str | None, obj: str | None) -> str | None:
    """The id of an event across reports: its action, the last word of its actor (a person's
    surname, a body's head noun) and the first words of its object; None when it names
    neither actor nor object (then nothing tells it apart from other such actions)."""
    who, what = _stems(actor), _stems(obj)
    if not who and not what:
        return None
    return f"{action}|{who[-1] if who else ''}|{' '.join(what[:KEY_WORDS])}"


def _same_event(a: Event, b: Event) -> bool:
    """One action told twice: the same action, actor's last word, and objects that share at
    least half of their words (an action with no object, "Putin signed", is told apart from
    no other)."""
    if a.action != b.action:
        return False
    wa, wb = _stems(a.actor), _stems(b.actor)
    if (wa[-1] if wa else "") != (wb[-1] if wb else ""):
        return False
    oa, ob = set(_stems(a.object)), set(_stems(b.object))
    return bool(oa and ob) and len(oa & ob) / len(oa | ob) >= OBJECT_OVERLAP


def _compatible(a: str, b: str) -> bool:
    """Whether two ISO (partial) dates can name the same day ("2025-05" and "2025-05-30")."""
    ba, bb = date_bounds(a), date_bounds(b)
    if ba is None or bb is None:
        return True
    return ba[0] <= bb[1] and bb[0] <= ba[1]


def event_rows(analyses: Iterable[Analysis]) -> list[EventRow]:
    """Every event of ``analyses`` with its event across reports, relays and conflict."""
    found: list[tuple[Analysis, int]] = [
        (a, i) for a in analyses for i in range(len(a.events))
    ]
    parent = list(range(len(found)))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    by_action: dict[str, list[int]] = defaultdict(list)
    for n, (a, i) in enumerate(found):
        by_action[a.events[i].action].append(n)
    for members in by_action.values():
        for pos, x in enumerate(members):
            for y in members[pos + 1:]:
                ex, ey = found[x][0].events[found[x][1]], found[y][0].events[found[y][1]]
                if _same_event(ex, ey):
                    parent[find(y)] = find(x)
    groups: dict[int, list[int]] = defaultdict(list)
    for n in range(len(found)):
        groups[find(n)].append(n)
    rows = []
    for members in groups.values():
        first = min(members, key=lambda n: (found[n][0].document.id, found[n][1]))
        fa, fi = found[first]
        fe = fa.events[fi]
        key = event_key(fe.action, fe.actor, fe.object) or f"{fe.action}@{fa.document.id}:{fi}"
        reports = {found[n][0].document.id for n in members}
        dates = [d for n in members if (d := found[n][0].events[found[n][1]].date)]
        conflict = len(reports) > 1 and any(not _compatible(x, y) for x in dates for y in dates)
        for n in members:
            a, i = found[n]
            e, doc = a.events[i], a.document
            rows.append(EventRow(
                doc_id=doc.id, index=i, start=e.start, end=e.end, text=e.text,
                action=e.action, actor=e.actor, object=e.object, date=e.date,
                sources=e.sources, outlet=doc.outlet, published=doc.published, url=doc.url,
                event=key, relays=len(reports), conflict=conflict,
            ))
    rows.sort(key=lambda r: (r.date is None, r.date or "", r.event, r.doc_id, r.index))
    return rows


def _analyses(ledger: Ledger) -> Iterator[Analysis]:
    for doc in ledger.iter_documents():
        yield ledger.get(doc.id)


def ledger_events(
    ledger: Ledger, *, actor: str | None = None, obj: str | None = None,
    since: str | None = None,
) -> list[EventRow]:
    """The events of every stored report in date order, filtered by actor or object (words
    contained, case-insensitive) and by date (on or after ``since``)."""
    rows = event_rows(_analyses(ledger))
    if actor:
        rows = [r for r in rows if r.actor and actor.casefold() in r.actor.casefold()]
    if obj:
        rows = [r for r in rows if r.object and obj.casefold() in r.object.casefold()]
    if since:
        rows = [r for r in rows if r.date and r.date >= since[: len(r.date)]]
    return rows


def export_events(ledger: Ledger, fmt: Format, out: BinaryIO | str | Path) -> int:
    """Write every stored event with its event across reports to ``out`` in ``fmt``."""
    return export_rows(ledger_events(ledger), EventRow, fmt, out)


@dataclass(frozen=True)
class AgreementRow:
    """One stored agreement with its report, and the events whose object names it."""

    doc_id: str
    index: int
    text: str
    name: str
    parties: tuple[str, ...]
    present: tuple[str, ...]  # provisions the report says it contains
    absent: tuple[str, ...]  # provisions the report says it lacks
    outlet: str | None
    published: str | None


def ledger_agreements(ledger: Ledger, name: str | None = None) -> list[AgreementRow]:
    """Every stored agreement (whose name or parties contain ``name``, when given)."""
    rows = []
    for a in _analyses(ledger):
        for i, ag in enumerate(a.agreements):
            row = AgreementRow(
                doc_id=a.document.id, index=i, text=ag.text, name=ag.name, parties=ag.parties,
                present=tuple(p.text for p in ag.provisions if p.present),
                absent=tuple(p.text for p in ag.provisions if not p.present),
                outlet=a.document.outlet, published=a.document.published,
            )
            hay = " ".join((ag.name, ag.text, *ag.parties)).casefold()
            if name is None or name.casefold() in hay:
                rows.append(row)
    return rows
