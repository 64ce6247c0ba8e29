"""Links: references to other reports ("Read more: TITLE", "As X previously reported").

A teaser line gives a ``read_more`` link whose span is the title (the rest of the line, or each
bulleted line under a cue that stands alone); a cue citing earlier reporting gives an
``earlier_report`` link whose span is the cue. Figures inside a linked title belong to the
linked report: ``linked_figures`` gives them the title's own source and no period.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from ..lexicon import links as cues
from ..model import Attribution, Document, Link, Quantity

MAX_TITLE = 250  # a longer line after a cue is body text, not a title
# a title that names its source at its end: "... - WSJ", "... — Reuters"
_TRAILING_SOURCE = re.compile(r"\s[-–—]\s+((?:[A-ZА-ЯЁІЇЄҐÄÖÜ][\w.&'’-]*\s?){1,4})\s*$")
# a title that names its source first: "UK intel: ...", "ISW: ..."
_LEADING_SOURCE = re.compile(r"([A-ZА-ЯЁІЇЄҐÄÖÜ][\w.&'’-]*(?:\s[\w.&'’-]+){0,2}):\s")
_BULLET = re.compile(r"[ \t]*[-•*–—][ \t]+(?P<title>\S[^\n]*)")


def _lang(doc: Document) -> str:
    return doc.language if doc.language in ("en", "ru", "uk", "de") else "en"


@lru_cache(maxsize=4)
def _patterns(lang: str) -> tuple[re.Pattern[str], tuple[re.Pattern[str], ...], re.Pattern[str]]:
    opener = re.compile(
        r"^[ \t]*(?:" + cues.READ_MORE[lang] + r")[ \t]*(?:[:：–—-][ \t]*|\n|$)",
        re.IGNORECASE | re.MULTILINE,
    )
    earlier = tuple(re.compile(p, re.IGNORECASE) for p in cues.EARLIER[lang])
    media = re.compile(cues.MEDIA[lang], re.IGNORECASE)
    return opener, earlier, media


def _read_more(text: str, opener: re.Pattern[str]) -> list[Link]:
    out: list[Link] = []
    for m in opener.finditer(text):
        line_end = text.find("\n", m.end())
        line_end = len(text) if line_end < 0 else line_end
        if m.group().endswith("\n"):
            line_end = m.end() - 1
        start = m.end()
        if m.group().endswith("\n"):
            start = line_end
        title = text[start:line_end].strip()
        if title and len(title) <= MAX_TITLE:
            s = start + text[start:line_end].index(title)
            out.append(Link(s, s + len(title), title, "read_more"))
            continue
        if title:
            continue
        pos = line_end + 1  # a cue alone on its line: the bulleted titles under it
        while pos < len(text):
            b = _BULLET.match(text, pos)
            if not b:
                break
            t = b.group("title").rstrip()
            if len(t) <= MAX_TITLE:
                out.append(Link(b.start("title"), b.start("title") + len(t), t, "read_more"))
            pos = b.end() + 1
    return out


def extract_links(doc: Document) -> list[Link]:
    """The references of ``doc`` to other reports, in text order."""
    text = doc.text
    opener, earlier, media = _patterns(_lang(doc))
    links = _read_more(text, opener)
    taken = [(k.start, k.end) for k in links]
    for pattern in (*earlier, media):
        for m in pattern.finditer(text):
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            outlet = m.groupdict().get("outlet")
            outlet = outlet.strip(" «»\"„“”") if outlet else None
            links.append(Link(m.start(), m.end(), m.group(), "earlier_report", outlet or None))
            taken.append((m.start(), m.end()))
    links.sort(key=lambda k: k.start)
    return links


def title_spans(links: list[Link]) -> list[tuple[int, int]]:
    """The spans of the linked titles: what in them is the linked report's."""
    return [(k.start, k.end) for k in links if k.kind == "read_more"]


def linked_figures(
    doc: Document, quantities: list[Quantity], links: list[Link], attributions: list[Attribution]
) -> list[Quantity]:
    """The quantities with those inside a linked title given the title's own source (a stated
    attribution in it, a short name before a colon opening it: "UK intel: ...", or a name after
    a final dash: "... - WSJ") and no period: they are the
    linked report's figures, not this report's claims."""
    spans = title_spans(links)
    if not spans:
        return quantities
    out: list[Quantity] = []
    for q in quantities:
        span = next(((s, e) for s, e in spans if s <= q.start < e), None)
        if span is None:
            out.append(q)
            continue
        own = [a for a in attributions if span[0] <= a.start and a.end <= span[1]]
        chain: tuple[str, ...] = own[0].chain if own else ()
        if not chain:
            head = _LEADING_SOURCE.match(doc.text, span[0], span[1])
            tail = _TRAILING_SOURCE.search(doc.text, span[0], span[1])
            if head and head.end() <= q.start:
                chain = (head.group(1).strip(),)
            elif tail and tail.start() > q.end:
                chain = (tail.group(1).strip(),)
        out.append(replace(q, sources=chain, period_from=None, period_to=None))
    return out
