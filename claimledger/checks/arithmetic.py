"""Arithmetic between figures of one report: percent_of, percent_change, sum and change.

A relation is checked only when the words of the report tie its figures together: "18,159, or
88.4%" (a part and its percentage), "of these cases" (a named base), "of the 11,000" (a whole),
"from 776 to 568" (before and after), "Of those, 4,927 ..., 198 ... and 300 ..." (a breakdown),
"461,940 (+880)" (an increment). Each figure stands for the interval its wording allows
(``tolerance.interval_of``); a relation holds when some values inside those intervals satisfy it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import Check, Document, Quantity
from .tolerance import Interval, interval_of, one_digit_variants, total

# Longest text between a figure and its percentage in "18,159, or 88.4%" / "900 shells (25%)".
ADJACENT_GAP_CHARS = 24
# Sentences looked back from a named base cue ("Of these cases") to find the base.
BASE_LOOKBACK_SENTENCES = 2
# Sentences looked ahead from a percentage change for "from X to Y".
CHANGE_LOOKAHEAD_SENTENCES = 4
# Sentences a breakdown into parts may run over after its total.
SUM_MAX_SENTENCES = 4
# A breakdown needs this many parts before a shortfall against its total is called an error.
SUM_MIN_PARTS_FOR_SHORTFALL = 3

_OR_GAP = re.compile(
    r"^\s*[,(]?\s*(?:or|или|або|oder|bzw\.?|i\.\s?e\.|that is)?\s*[,(:–—-]?\s*$"
    r"|^\s+[\w’'-]+\s*(?:,\s*(?:or|или|або|oder)|\()\s*$", re.I)
_OF_GAP = re.compile(r"^\s*(?:of|out of|von|из|от|від|з|із)\s+(?:[\w’'-]+\s+){0,3}$", re.I)
_OF_BEFORE = re.compile(
    r"(?:^|[\s,.;:(])(?:of|out of|von|из|від|з|із|unter|among)\s+(?:the|den|die|der|all|these|"
    r"those|всех|этих)?\s*(?:[\w’'-]+\s+){0,2}$", re.I)
_BASE_CUE = re.compile(
    r"\b(?:of|among|from)\s+(?:all\s+)?(?:these|those|them|which|whom)\b|\bиз\s+(?:них|которых|"
    r"этих)\b|\bз\s+(?:них|яких|цих)\b|\bdavon\b|\bvon\s+(?:ihnen|diesen)\b|\bdarunter\b", re.I)
_THIS_SUBJECT = re.compile(
    r"(?:^|[,:;\"“«]\s*)\W*(?:this|that|the|these)\s+(?:[\w-]+\s+){0,2}?(?:number|figure|total|toll|count|marks|"
    r"represents|amounts|accounts|equals)\b", re.I)
_THIS_START = re.compile(r"^\W*(?:this|that|it|these)\b", re.I)
_FROM_BEFORE = re.compile(r"\b(?:from|с|з|von|від)\b(?:\s+[\w’'-]+){0,5}\s*$", re.I)
_TO_GAP = re.compile(r"\b(?:to|до|auf|на)\b", re.I)
_COMPARE_BEFORE = re.compile(
    r"^(?:\s+[\w’'-]+){0,2}?\s+(?:from|on|over|compared (?:with|to)|than|against|"
    r"по сравнению с|порівняно з|gegenüber)(?:\s+[\w’'-]+){0,3}\s*$", re.I)
_TO_BEFORE = re.compile(r"\b(?:to|до|auf)(?:\s+[\w’'-]+){0,2}\s*$", re.I)
_BREAKDOWN_CUE = re.compile(
    r"\b(?:of (?:those|these|them|which)|among (?:them|those|these)|including|majority of|"
    r"из них|в том числе|з них|у тому числі|davon|darunter)\b", re.I)
# A colon or dash right after a total ("lost 3,000 units: ...") opens its breakdown.
_BREAKDOWN_MARK = re.compile(r"^[^.;:—]{0,40}[:—]")
_PARTIAL_LIST = re.compile(
    r"\b(?:remainder|the rest|others?|include[sd]?|including|among|остальн|решта|інші|übrige)",
    re.I)
_SUB_BREAKDOWN = re.compile(r"^\W*(?:of|among)\s+(?:these|those|them|the)\b|^\W*из них|^\W*з них",
                            re.I)
_EARLIER_BEFORE = re.compile(r"\b(?:from|up from|down from|previous|earlier|before|was)\b"
                             r"(?:\s+[\w’'-]+){0,3}\s*$", re.I)
_SENTENCE_END = re.compile(r"(?<=[.!?…])[\"»”’)]?\s+(?=[\"«“‘(]?[A-ZА-ЯЁІЇЄҐÄÖÜ])|\n+")
_WORDS = re.compile(r"\w+")
_STOPWORDS = frozenset("the of a an and or in on by for to at as with from were was is are".split())


@dataclass(frozen=True)
class _Layout:
    """The document cut into sentences and paragraphs, with the quantities placed in them."""

    text: str
    qs: list[Quantity]
    sentences: list[tuple[int, int]]
    sent: list[int]  # sentence index of each quantity
    para_of_sentence: list[int]


def _layout(text: str, qs: list[Quantity]) -> _Layout:
    spans: list[tuple[int, int]] = []
    paras: list[int] = []
    start, para = 0, 0
    for m in _SENTENCE_END.finditer(text):
        if m.start() > start:
            spans.append((start, m.start()))
            paras.append(para)
        if "\n" in m.group():
            para += 1
        start = m.end()
    if start < len(text):
        spans.append((start, len(text)))
        paras.append(para)
    if not spans:
        spans, paras = [(0, len(text))], [0]

    def index(pos: int) -> int:
        for i, (_, e) in enumerate(spans):
            if pos < e:
                return i
        return len(spans) - 1

    return _Layout(text, qs, spans, [index(q.start) for q in qs], paras)


def _fmt(x: float) -> str:
    """A number as a reader writes it: thousands separators, decimals only below 100."""
    if abs(x) >= 100 or abs(x - round(x)) < 1e-9:
        return f"{round(x):,}"
    return f"{x:,.2f}".rstrip("0").rstrip(".")


def _pct(x: float) -> str:
    return f"{x:.1f}%"


def _range(iv: Interval, percent: bool = False) -> str:
    if percent:
        places = 2 if iv.hi - iv.lo < 1 else 1
        return f"{iv.lo:.{places}f}–{iv.hi:.{places}f}%"
    return f"{_fmt(iv.lo)}–{_fmt(iv.hi)}"


_QUALIFIER_WORDS = {"over": "more than ", "under": "less than ", "about": "about ",
                    "at_least": "at least ", "at_most": "up to ", "exact": ""}


def _stated(q: Quantity) -> str:
    """The stated figure with its qualifier and the range it stands for."""
    iv = interval_of(q)
    span = _range(iv.scale(100), True) if q.kind == "ratio" and q.value < 1 else (
        _range(iv, q.kind == "percent"))
    return f"'{_QUALIFIER_WORDS[q.approx]}{q.text}' ({span})"


def _is_amount(q: Quantity) -> bool:
    return q.kind in ("count", "money", "measure") and not q.change and q.value > 0


def _compatible(a: Quantity, b: Quantity) -> bool:
    return a.kind == b.kind and a.unit == b.unit


def _is_share(q: Quantity) -> bool:
    if q.change or q.value_high is not None or q.value <= 0:
        return False
    return (q.kind == "percent" and q.value <= 100) or (q.kind == "ratio" and q.value < 1)


def _share_interval(q: Quantity) -> Interval:
    """The share a percentage or fraction stands for, as a fraction of one."""
    i = interval_of(q)
    return i.scale(0.01) if q.kind == "percent" else i


def _content_words(s: str | None) -> set[str]:
    return {w for w in _WORDS.findall((s or "").lower()) if w not in _STOPWORDS and len(w) > 2}


def _same_thing(a: Quantity, b: Quantity) -> bool:
    """False only when both say what they count and share no content word."""
    wa, wb = _content_words(a.what), _content_words(b.what)
    return not wa or not wb or bool(wa & wb)


def _amounts_in(lay: _Layout, sentence: int) -> list[int]:
    return [i for i, q in enumerate(lay.qs) if lay.sent[i] == sentence and _is_amount(q)]


def _next_quantity(lay: _Layout, i: int) -> int | None:
    later = [j for j, q in enumerate(lay.qs) if q.start >= lay.qs[i].end]
    return min(later, key=lambda j: lay.qs[j].start) if later else None


def _prev_quantity(lay: _Layout, i: int) -> int | None:
    earlier = [j for j, q in enumerate(lay.qs) if q.end <= lay.qs[i].start]
    return max(earlier, key=lambda j: lay.qs[j].end) if earlier else None


def _is_base_position(lay: _Layout, i: int) -> bool:
    """Whether quantity ``i`` stands after "of the" and so names a whole, not a part."""
    lo = max(0, lay.qs[i].start - 40)
    return bool(_OF_BEFORE.search(lay.text[lo:lay.qs[i].start]))


# ---------------------------------------------------------------------------- percent_of


def _adjacent_part(lay: _Layout, p: int) -> int | None:
    """The figure a percentage restates: "18,159, or 88.4%" or "86.2% or 17,721"."""
    for j in (_prev_quantity(lay, p), _next_quantity(lay, p)):
        if j is None or not _is_amount(lay.qs[j]):
            continue
        a, b = sorted((lay.qs[j], lay.qs[p]), key=lambda q: q.start)
        gap = lay.text[a.end:b.start]
        if len(gap) <= ADJACENT_GAP_CHARS and _OR_GAP.match(gap):
            return j
    return None


def _of_whole(lay: _Layout, p: int) -> int | None:
    """The whole named right after the share: "half of the initial 11,000"."""
    j = _next_quantity(lay, p)
    if j is not None and _is_amount(lay.qs[j]) and lay.sent[j] == lay.sent[p]:
        if _OF_GAP.match(lay.text[lay.qs[p].end:lay.qs[j].start]):
            return j
    return None


def _named_base(lay: _Layout, p: int, part: int) -> int | None:
    """The base named by "of these", "of whom", "из них": the figure before the cue."""
    s0, _ = lay.sentences[lay.sent[p]]
    window_end = min(lay.qs[p].end + ADJACENT_GAP_CHARS, lay.sentences[lay.sent[p]][1])
    cues = list(_BASE_CUE.finditer(lay.text, s0, window_end))
    if not cues:
        return None
    cue = cues[-1].start()
    first_sentence = max(0, lay.sent[p] - BASE_LOOKBACK_SENTENCES)
    before = [j for j, q in enumerate(lay.qs)
              if q.end <= cue and lay.sent[j] >= first_sentence and j != part
              and _is_amount(q) and _compatible(q, lay.qs[part])]
    return max(before, key=lambda j: lay.qs[j].end) if before else None


def _this_part(lay: _Layout, p: int, whole: int) -> int | None:
    """The part a sentence opening "This number is ..." refers to: the last figure before it."""
    s0, _ = lay.sentences[lay.sent[p]]
    if not _THIS_SUBJECT.search(lay.text[s0:lay.qs[p].start]):
        return None
    first_sentence = max(0, lay.sent[p] - BASE_LOOKBACK_SENTENCES)
    before = [j for j, q in enumerate(lay.qs)
              if q.end <= s0 and lay.sent[j] >= first_sentence and _is_amount(q)
              and _compatible(q, lay.qs[whole]) and q.value < lay.qs[whole].value]
    return max(before, key=lambda j: lay.qs[j].end) if before else None


def _of_pair(lay: _Layout, sentence: int) -> tuple[int, int] | None:
    """A part and whole named together: "6,000 of the 11,000" or "of the 11,000, 4,000"."""
    ids = _amounts_in(lay, sentence)
    for a, b in zip(ids, ids[1:], strict=False):
        qa, qb = lay.qs[a], lay.qs[b]
        if not _compatible(qa, qb):
            continue
        if _OF_GAP.match(lay.text[qa.end:qb.start]) and qa.value < qb.value:
            return a, b
        if _is_base_position(lay, a) and qb.value < qa.value:
            return b, a
    return None


def _fits(lay: _Layout, p: int, part: int, whole: int) -> bool:
    return (interval_of(lay.qs[part]) / interval_of(lay.qs[whole])).overlaps(
        _share_interval(lay.qs[p]))


def _percent_of_explanation(lay: _Layout, p: int, part: int, whole: int, ok: bool) -> str:
    qp, qa, qw = lay.qs[p], lay.qs[part], lay.qs[whole]
    actual = qa.value / qw.value * 100
    share = qp.value if qp.kind == "percent" else qp.value * 100
    if ok:
        return (f"{_fmt(qa.value)} of {_fmt(qw.value)} is {_pct(actual)}, which fits the stated "
                f"{_stated(qp)}")
    said = qp.text if qp.kind == "percent" else _pct(share)
    text = (f"{said} of {_fmt(qw.value)} is {_fmt(qw.value * share / 100)}, not "
            f"{_fmt(qa.value)} ({_fmt(qa.value)} is {_pct(actual)} of {_fmt(qw.value)})")
    others = [j for j, q in enumerate(lay.qs) if j not in (whole, part) and _is_amount(q)
              and _compatible(q, qa) and q.value > qa.value]
    if others:
        best = min(others, key=lambda j: abs(qa.value / lay.qs[j].value * 100 - share))
        verdict = "which fits" if _fits(lay, p, part, best) else "the nearest figure"
        text += (f"; {_fmt(qa.value)} is {_pct(qa.value / lay.qs[best].value * 100)} of "
                 f"{_fmt(lay.qs[best].value)}, {verdict}")
    return text


def _percent_of_checks(lay: _Layout) -> list[Check]:
    checks: list[Check] = []
    for p, qp in enumerate(lay.qs):
        if not _is_share(qp):
            continue
        part, whole = _adjacent_part(lay, p), _of_whole(lay, p)
        named = whole is not None
        if part is not None and whole is None:
            whole = _named_base(lay, p, part)
            named = whole is not None
        if whole is not None and part is None:
            part = _this_part(lay, p, whole)
        if part is None and whole is None and not _amounts_in(lay, lay.sent[p]):
            for s in (lay.sent[p] + 1, lay.sent[p] - 1):
                pair = _of_pair(lay, s) if 0 <= s < len(lay.sentences) else None
                if pair:
                    part, whole, named = pair[0], pair[1], True
                    break
        if part is not None and whole is None:
            check = _unnamed_base(lay, p, part)
            if check:
                checks.append(check)
            continue
        if part is None or whole is None:
            continue
        if named:
            ok = _fits(lay, p, part, whole)
            checks.append(Check("percent_of", "consistent" if ok else "inconsistent",
                                _percent_of_explanation(lay, p, part, whole, ok),
                                percent=p, part=part, whole=whole))
    return checks


def _unnamed_base(lay: _Layout, p: int, part: int) -> Check | None:
    """A percentage with its part but no named base: try the figures before it."""
    first = max(0, lay.sent[p] - BASE_LOOKBACK_SENTENCES)
    qa = lay.qs[part]
    cands = sorted((j for j, q in enumerate(lay.qs)
                    if q.end <= min(qa.start, lay.qs[p].start) and lay.sent[j] >= first
                    and _is_amount(q) and _compatible(q, qa) and q.value > qa.value),
                   key=lambda j: -lay.qs[j].end)
    if not cands:
        return None
    fitting = [j for j in cands if _fits(lay, p, part, j)]
    if fitting and len(fitting) == len(cands):
        expl = _percent_of_explanation(lay, p, part, fitting[0], True)
        return Check("percent_of", "consistent", expl, percent=p, part=part, whole=fitting[0])
    if fitting:
        misses = ", ".join(_fmt(lay.qs[j].value) for j in cands if j not in fitting)
        expl = (_percent_of_explanation(lay, p, part, fitting[0], True)
                + f"; the words name no base, and it does not fit {misses}")
        return Check("percent_of", "ambiguous", expl, percent=p, part=part, whole=fitting[0])
    if len(cands) == 1 and lay.sent[cands[0]] == lay.sent[p]:
        expl = _percent_of_explanation(lay, p, part, cands[0], False)
        return Check("percent_of", "inconsistent", expl, percent=p, part=part, whole=cands[0])
    return None


# ---------------------------------------------------------------------------- percent_change


def _from_to(lay: _Layout, p: int) -> tuple[int, int] | None:
    """Before and after stated as "from 776 ... to 568" in or just after the change's sentence."""
    last = min(lay.sent[p] + CHANGE_LOOKAHEAD_SENTENCES, len(lay.sentences) - 1)
    for s in range(lay.sent[p], last + 1):
        ids = _amounts_in(lay, s)
        for a, b in zip(ids, ids[1:], strict=False):
            qa, qb = lay.qs[a], lay.qs[b]
            lo = max(lay.sentences[s][0], qa.start - 50)
            if (_compatible(qa, qb) and _FROM_BEFORE.search(lay.text[lo:qa.start])
                    and _TO_GAP.search(lay.text[qa.end:qb.start])):
                return a, b
    return None


def _around(lay: _Layout, p: int, checks: list[Check]) -> tuple[int, int] | None:
    """Before/after around the change in its sentence: "4,373, a five-fold increase from the
    887" or "2,738 ..., more than doubling to 5,760"."""
    ids = _amounts_in(lay, lay.sent[p])
    before_p = [j for j in ids if lay.qs[j].end <= lay.qs[p].start]
    after_p = [j for j in ids if lay.qs[j].start >= lay.qs[p].end]
    if not after_p:
        return None
    nxt = after_p[0]
    gap = lay.text[lay.qs[p].end:lay.qs[nxt].start]
    if before_p and _TO_BEFORE.search(gap) and not _COMPARE_BEFORE.match(gap):
        return before_p[-1], nxt
    if not _COMPARE_BEFORE.match(gap):
        return None
    if before_p:
        return nxt, before_p[-1]
    s0 = lay.sentences[lay.sent[p]][0]
    if not _THIS_START.match(lay.text[s0:lay.qs[p].start]):
        return None
    for c in reversed(checks):
        if c.kind == "percent_change" and c.percent is not None and c.part is not None:
            if lay.sent[c.percent] == lay.sent[p] - 1:
                return nxt, c.part
    prev = _amounts_in(lay, lay.sent[p] - 1) if lay.sent[p] > 0 else []
    return (nxt, prev[0]) if prev else None


def _loose_pair(lay: _Layout, p: int) -> tuple[int, int] | None:
    """Two figures in the sentences after a bare change ("grew 1.5 times ... 343 ... 227")."""
    if _amounts_in(lay, lay.sent[p]):
        return None
    last = min(lay.sent[p] + CHANGE_LOOKAHEAD_SENTENCES, len(lay.sentences) - 1)
    ids = [j for s in range(lay.sent[p] + 1, last + 1) for j in _amounts_in(lay, s)]
    if len(ids) < 2 or not _compatible(lay.qs[ids[0]], lay.qs[ids[1]]):
        return None
    a, b = lay.qs[ids[0]], lay.qs[ids[1]]
    if lay.sent[ids[1]] - lay.sent[ids[0]] > 1:
        return None
    pa, pb = a.period_to or a.period_from, b.period_to or b.period_from
    if pa and pb and pa != pb:
        return (ids[0], ids[1]) if pa < pb else (ids[1], ids[0])
    return (ids[1], ids[0]) if a.value > b.value else (ids[0], ids[1])


def _change_fits(qp: Quantity, before: Quantity, after: Quantity) -> tuple[bool, float]:
    ratio = interval_of(after) / interval_of(before)
    stated = interval_of(qp)
    if qp.kind == "ratio":
        return ratio.overlaps(stated), after.value / before.value
    moved = Interval(ratio.lo - 1, ratio.hi - 1).scale(100)
    if moved.lo < 0 < moved.hi:
        moved = Interval(0.0, max(-moved.lo, moved.hi))
    elif moved.hi <= 0:
        moved = Interval(-moved.hi, -moved.lo)
    return moved.overlaps(stated), abs(after.value / before.value - 1) * 100


def _percent_change_checks(lay: _Layout) -> list[Check]:
    checks: list[Check] = []
    for p, qp in enumerate(lay.qs):
        if not qp.change or not (qp.kind == "percent" or (qp.kind == "ratio" and qp.value >= 1)):
            continue
        loose = False
        pair = _from_to(lay, p) or _around(lay, p, checks)
        if pair is None:
            pair, loose = _loose_pair(lay, p), True
        if pair is None:
            continue
        before, after = lay.qs[pair[0]], lay.qs[pair[1]]
        ok, actual = _change_fits(qp, before, after)
        if loose and not ok:
            continue
        down = after.value < before.value
        if qp.kind == "ratio":
            said = f"{_fmt(after.value)} is {actual:.2f} times {_fmt(before.value)}"
        else:
            said = (f"from {_fmt(before.value)} to {_fmt(after.value)} is a "
                    f"{'fall' if down else 'rise'} of {_pct(actual)}")
        if ok:
            expl = f"{said}, which fits the stated {_stated(qp)}"
        else:
            st = interval_of(qp)
            factor = st if qp.kind == "ratio" else (
                Interval(1 - st.hi / 100, 1 - st.lo / 100) if down
                else Interval(1 + st.lo / 100, 1 + st.hi / 100))
            expl = (f"{said}, not {_stated(qp)}; that would need "
                    f"{_range(factor.scale(before.value))} after {_fmt(before.value)}"
                    + (f", or {_range(Interval(after.value, after.value) / factor)} before "
                       f"{_fmt(after.value)}" if factor.lo > 0 else ""))
        checks.append(Check("percent_change", "consistent" if ok else "inconsistent", expl,
                            percent=p, whole=pair[0], part=pair[1]))
    return checks


# ---------------------------------------------------------------------------- sum


def _breakdown(lay: _Layout, t: int) -> tuple[list[int], bool] | None:
    """The parts listed after total ``t`` and whether the list says it is partial."""
    qt = lay.qs[t]
    s_t = lay.sent[t]
    alone = _amounts_in(lay, s_t) == [t]
    parts: list[int] = []
    partial = False
    last = min(s_t + SUM_MAX_SENTENCES, len(lay.sentences) - 1)
    for s in range(s_t, last + 1):
        ids = [j for j in _amounts_in(lay, s) if lay.qs[j].start > qt.start]
        s0, s1 = lay.sentences[s]
        if parts and lay.para_of_sentence[s] != lay.para_of_sentence[s - 1]:
            if not any(_is_base_position(lay, j) for j in ids):
                break
        if s > s_t and parts and _SUB_BREAKDOWN.match(lay.text[s0:s1]):
            break
        taken = [j for j in ids if _compatible(lay.qs[j], qt) and lay.qs[j].value != qt.value
                 and not _is_base_position(lay, j)]
        if any(lay.qs[j].value > qt.value for j in taken):
            break
        if s > s_t and not taken and not ids:
            break
        if _PARTIAL_LIST.search(lay.text[s0:s1]) and (taken or parts):
            partial = True
        parts.extend(taken)
    if len(parts) < 2:
        return None
    cue = _breakdown_cue(lay, t, parts)
    if not cue and not (alone and lay.sent[parts[0]] == s_t + 1 and len(parts) >= 3):
        return None
    return parts, partial


def _breakdown_cue(lay: _Layout, t: int, parts: list[int]) -> bool:
    """Whether words between a total and its first part announce a breakdown ("Of those")."""
    lead = lay.text[lay.qs[t].end:lay.qs[parts[0]].start]
    opens = _is_base_position(lay, t) and lay.sent[parts[0]] == lay.sent[t]
    return bool(_BREAKDOWN_CUE.search(lead) or _BREAKDOWN_MARK.match(lead) or opens)


def _digit_slip(lay: _Layout, t: int, parts: list[int]) -> str | None:
    """How one changed digit in the total or in one part would make the sum fit, if it would."""
    qt = lay.qs[t]
    part_ivs = [interval_of(lay.qs[j]) for j in parts]
    summed = total(part_ivs)
    for value, iv in one_digit_variants(qt):
        if iv.overlaps(summed):
            return f"the parts fit a total of {_fmt(value)}, one digit away from {qt.text}"
    whole = interval_of(qt)
    for k, j in enumerate(parts):
        rest = total(part_ivs[:k] + part_ivs[k + 1:])
        for value, iv in one_digit_variants(lay.qs[j]):
            if (rest + iv).overlaps(whole):
                return f"the total fits if {lay.qs[j].text} were {_fmt(value)}"
    return None


def _sum_checks(lay: _Layout) -> list[Check]:
    checks: list[Check] = []
    used: set[int] = set()
    for t, qt in enumerate(lay.qs):
        if t in used or not _is_amount(qt):
            continue
        found = _breakdown(lay, t)
        if found is None:
            continue
        parts, partial = found
        whole = interval_of(qt)
        chosen: list[int] | None = None
        for n in range(len(parts), 1, -1):
            if total([interval_of(lay.qs[j]) for j in parts[:n]]).overlaps(whole):
                chosen = parts[:n]
                break
        summed = total([interval_of(lay.qs[j]) for j in parts])
        cue = _breakdown_cue(lay, t, parts)
        plus = " + ".join(_fmt(lay.qs[j].value) for j in (chosen or parts))
        if chosen:
            got = sum(lay.qs[j].value for j in chosen)
            checks.append(Check("sum", "consistent", f"{plus} = {_fmt(got)}, which fits the stated "
                                f"total {qt.text}", whole=t, parts=tuple(chosen)))
            used.update(chosen)
            continue
        over = summed.lo > whole.hi
        slip = _digit_slip(lay, t, parts)
        if partial or (slip is None and not (over and cue)):
            continue
        got = sum(lay.qs[j].value for j in parts)
        expl = (f"{plus} = {_fmt(got)}, not the stated total {qt.text}; the parts would have to "
                f"be {'smaller' if over else 'larger'} by {_fmt(abs(got - qt.value))}")
        if slip:
            expl += f"; {slip}"
        checks.append(Check("sum", "inconsistent", expl, whole=t, parts=tuple(parts)))
        used.update(parts)
    return checks


# ---------------------------------------------------------------------------- change


def _change_checks(lay: _Layout) -> list[Check]:
    """An increment after a new total ("461,940 (+880)") against an earlier total."""
    checks: list[Check] = []
    for n, qn in enumerate(lay.qs):
        if not qn.change or qn.kind not in ("count", "money", "measure"):
            continue
        t = _prev_quantity(lay, n)
        if t is None or not _is_amount(lay.qs[t]) or not _compatible(lay.qs[t], qn):
            continue
        if not re.match(r"^\s*\(?\s*$", lay.text[lay.qs[t].end:qn.start]):
            continue
        qt = lay.qs[t]
        signed = -abs(qn.value) if qn.text.lstrip("( ").startswith(("-", "−", "–")) else qn.value
        expected = interval_of(qt) - interval_of(qn) if signed > 0 else interval_of(qt) + \
            interval_of(qn)
        earlier = [j for j, q in enumerate(lay.qs) if j not in (n, t) and _is_amount(q)
                   and _compatible(q, qt) and _same_thing(q, qt)]
        match = [j for j in earlier if interval_of(lay.qs[j]).overlaps(expected)]
        if match:
            e = match[0]
            checks.append(Check("change", "consistent",
                                f"{_fmt(lay.qs[e].value)} {'+' if signed > 0 else '-'} "
                                f"{_fmt(abs(signed))} = {_fmt(qt.value)}, as stated",
                                part=n, whole=t, parts=(e,)))
            continue
        named = [j for j in earlier if _EARLIER_BEFORE.search(
            lay.text[max(0, lay.qs[j].start - 40):lay.qs[j].start])]
        if named:
            e = named[0]
            checks.append(Check("change", "inconsistent",
                                f"{_fmt(qt.value)} against the earlier {_fmt(lay.qs[e].value)} "
                                f"is a change of {_fmt(qt.value - lay.qs[e].value)}, not "
                                f"{qn.text}; the earlier total would have to be "
                                f"{_fmt(qt.value - signed)}", part=n, whole=t, parts=(e,)))
    return checks


def check_arithmetic(doc: Document, quantities: list[Quantity]) -> list[Check]:
    """Recomputable relations (percent_of, percent_change, sum, change) with their status."""
    if not quantities:
        return []
    lay = _layout(doc.text, list(quantities))
    return (_percent_of_checks(lay) + _percent_change_checks(lay) + _sum_checks(lay)
            + _change_checks(lay))
