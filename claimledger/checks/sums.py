"""sum and change: parts stated as adding up to a total, and increments against earlier totals.

A **sum** is found two ways:

- a total followed by its breakdown, announced by a cue ("Of those, A …, B … and C …", "of whom",
  "из них", "davon", a colon after the total) or by a list of three or more parts opening the next
  sentence;
- parts followed by a total that says it is one ("A killed and B wounded, C in all", "…, всего C",
  "…, insgesamt C"): the parts are the figures before it in the same clause.

A list that says it is partial ("including", "в том числе", "the rest") is not a sum. A total
cue states the list is complete, so any mismatch is an error; a breakdown without one is an error
only when the parts overshoot the total or one changed digit would make them fit.

A **change** is an increment after a new total ("461,940 (+880)") checked against an earlier
total of the same thing.
"""

from __future__ import annotations

import re

from ..model import Check
from .layout import (
    Layout,
    amounts_in,
    compatible,
    fmt,
    gap,
    is_amount,
    is_base_position,
    prev_quantity,
    same_thing,
    text_before,
)
from .tolerance import interval_of, one_digit_variants, total

# Sentences a breakdown into parts may run over after its total.
SUM_MAX_SENTENCES = 4
# Parts a list needs, opening the sentence after a lone total, to count as its breakdown uncued.
SUM_UNCUED_MIN_PARTS = 3
# An inconsistent change needs its earlier total within this many increments of the expected.
CHANGE_SLIP_FACTOR = 10

_BREAKDOWN_CUE = re.compile(
    r"\b(?:of (?:those|these|them|which|whom)|among (?:them|those|these)|majority of|"
    r"из них|из которых|з них|з яких|davon)\b", re.I)
# A colon or dash right after a total ("lost 3,000 units: ...") opens its breakdown.
_BREAKDOWN_MARK = re.compile(r"^[^.;:—]{0,40}[:—]")
# Words that say a list leaves figures out.
_PARTIAL_LIST = re.compile(
    r"\b(?:remainder|the rest|others?|include[sd]?|including|among|остальн|решта|інші|übrige)",
    re.I)
# Words that say a list is only a selection: such a list makes no sum at all.
_SELECTION = re.compile(
    r"\b(?:including|include[sd]?|в том числе|у тому числі|зокрема|darunter|einschließlich|"
    r"among them)\b", re.I)
_SUB_BREAKDOWN = re.compile(r"^\W*(?:of|among)\s+(?:these|those|them|the)\b|^\W*из них|^\W*з них",
                            re.I)
# A figure that says it is the total: "3,000 in all", "a total of 64", "всего 42", "insgesamt".
_TOTAL_AFTER = re.compile(
    r"^\s*(?:[^\W\d]+\s+){0,2}?(?:in all|in total|altogether|all told|combined|overall|в целом|"
    r"в общей сложности|загалом|insgesamt)\b", re.I)
_TOTAL_BEFORE = re.compile(
    r"(?:\ba total of|\bin total|\bin all|\baltogether|\btotal(?:ling|ing)?|всего|итого|"
    r"в общей сложности|загалом|усього|всього|разом|insgesamt|gesamt|zusammen)"
    r"\s*[,:–—-]?\s+(?:[^\W\d]+\s+){0,2}$", re.I)
_CLAUSE_BREAK = re.compile(r"[;:]")
_EARLIER_BEFORE = re.compile(r"\b(?:from|up from|down from|previous|earlier|before|was)\b"
                             r"(?:\s+[\w’'-]+){0,3}\s*$", re.I)
# The gap between a total and its increment: "461,940 (+880)", "600 000 человек (+1 200)".
_INCREMENT_GAP = re.compile(r"^\s*(?:[^\W\d]+\s+){0,2}\(?\s*$|^\s*\(?\s*$")


def _stated_total(lay: Layout, t: int) -> bool:
    """Whether the words around ``t`` call it a total ("in all", "всего", "insgesamt")."""
    key = ("stated_total", t)
    known = lay.memo.get(key)
    if known is None:
        after = lay.text[lay.qs[t].end:lay.sentences[lay.sent[t]][1]]
        known = lay.memo[key] = bool(
            _TOTAL_AFTER.match(after) or _TOTAL_BEFORE.search(text_before(lay, t)))
    return known


def _partial_list(lay: Layout, s: int) -> bool:
    """Whether sentence ``s`` says a list leaves figures out (once per sentence)."""
    key = ("partial_list", s)
    known = lay.memo.get(key)
    if known is None:
        s0, s1 = lay.sentences[s]
        known = lay.memo[key] = _PARTIAL_LIST.search(lay.text[s0:s1]) is not None
    return known


def _selection(lay: Layout, s: int) -> bool:
    """Whether sentence ``s`` says its list is only a selection (once per sentence)."""
    key = ("selection", s)
    known = lay.memo.get(key)
    if known is None:
        s0, s1 = lay.sentences[s]
        known = lay.memo[key] = _SELECTION.search(lay.text, s0, s1) is not None
    return known


def _parts_before(lay: Layout, t: int) -> list[int]:
    """The figures before a stated total in its clause: "A killed and B wounded, C in all"."""
    qt = lay.qs[t]
    out: list[int] = []
    for j in reversed(amounts_in(lay, lay.sent[t])):
        if lay.qs[j].end > qt.start:
            continue
        if _CLAUSE_BREAK.search(lay.text[lay.qs[j].end:qt.start]):
            break
        if not compatible(lay.qs[j], qt) or lay.qs[j].value >= qt.value:
            return []
        out.insert(0, j)
    return out


def _breakdown(lay: Layout, t: int) -> tuple[list[int], bool] | None:
    """The parts listed after total ``t`` and whether the list says it is partial."""
    qt = lay.qs[t]
    s_t = lay.sent[t]
    alone = amounts_in(lay, s_t) == [t]
    parts: list[int] = []
    partial = False
    last = min(s_t + SUM_MAX_SENTENCES, len(lay.sentences) - 1)
    for s in range(s_t, last + 1):
        ids = [j for j in amounts_in(lay, s) if lay.qs[j].start > qt.start]
        s0, s1 = lay.sentences[s]
        if parts and lay.para_of_sentence[s] != lay.para_of_sentence[s - 1]:
            if not any(is_base_position(lay, j) for j in ids):
                break
        if s > s_t and parts and _SUB_BREAKDOWN.match(lay.text[s0:s1]):
            break
        taken = [j for j in ids if compatible(lay.qs[j], qt) and lay.qs[j].value != qt.value
                 and not is_base_position(lay, j)]
        if any(lay.qs[j].value > qt.value for j in taken):
            break
        if s > s_t and not taken and not ids:
            break
        if (taken or parts) and _partial_list(lay, s):
            partial = True
        parts.extend(taken)
    if len(parts) < 2:
        return None
    cue = _breakdown_cue(lay, t, parts) or _stated_total(lay, t)
    uncued = alone and lay.sent[parts[0]] == s_t + 1 and len(parts) >= SUM_UNCUED_MIN_PARTS
    if not cue and not uncued:
        return None
    return parts, partial


def _breakdown_cue(lay: Layout, t: int, parts: list[int]) -> bool:
    """Whether words between a total and its first part announce a breakdown ("Of those")."""
    lead = gap(lay, t, parts[0])
    opens = is_base_position(lay, t) and lay.sent[parts[0]] == lay.sent[t]
    return bool(_BREAKDOWN_CUE.search(lead) or _BREAKDOWN_MARK.match(lead) or opens)


def _digit_slip(lay: Layout, t: int, parts: list[int]) -> str | None:
    """How one changed digit in the total or in one part would make the sum fit, if it would."""
    qt = lay.qs[t]
    part_ivs = [interval_of(lay.qs[j]) for j in parts]
    summed = total(part_ivs)
    for value, iv in one_digit_variants(qt):
        if iv.overlaps(summed):
            return f"the parts fit a total of {fmt(value)}, one digit away from {qt.text}"
    whole = interval_of(qt)
    for k, j in enumerate(parts):
        rest = total(part_ivs[:k] + part_ivs[k + 1:])
        for value, iv in one_digit_variants(lay.qs[j]):
            if (rest + iv).overlaps(whole):
                return f"the total fits if {lay.qs[j].text} were {fmt(value)}"
    return None


def _judge(lay: Layout, t: int, parts: list[int], complete: bool, cue: bool) -> Check | None:
    """A sum check for total ``t`` and its listed ``parts``, or None when nothing can be said."""
    qt = lay.qs[t]
    whole = interval_of(qt)
    for n in range(len(parts), 1, -1):
        if total([interval_of(lay.qs[j]) for j in parts[:n]]).overlaps(whole):
            chosen = parts[:n]
            plus = " + ".join(fmt(lay.qs[j].value) for j in chosen)
            got = sum(lay.qs[j].value for j in chosen)
            return Check("sum", "consistent", f"{plus} = {fmt(got)}, which fits the stated "
                         f"total {qt.text}", whole=t, parts=tuple(chosen))
    over = total([interval_of(lay.qs[j]) for j in parts]).lo > whole.hi
    slip = _digit_slip(lay, t, parts)
    if not complete and slip is None and not (over and cue):
        return None
    plus = " + ".join(fmt(lay.qs[j].value) for j in parts)
    got = sum(lay.qs[j].value for j in parts)
    expl = (f"{plus} = {fmt(got)}, not the stated total {qt.text}; the parts would have to "
            f"be {'smaller' if got > qt.value else 'larger'} by {fmt(abs(got - qt.value))}")
    if slip:
        expl += f"; {slip}"
    return Check("sum", "inconsistent", expl, whole=t, parts=tuple(parts))


def sum_checks(lay: Layout) -> list[Check]:
    """One check per total whose parts the words list."""
    checks: list[Check] = []
    used: set[int] = set()
    for t, qt in enumerate(lay.qs):
        if t in used or not is_amount(qt):
            continue
        if _selection(lay, lay.sent[t]):
            continue
        stated_total = _stated_total(lay, t)
        earlier = _parts_before(lay, t) if stated_total else []
        if len(earlier) >= 2 and not used.intersection(earlier):
            check = _judge(lay, t, earlier, True, True)
        else:
            found = _breakdown(lay, t)
            if found is None:
                continue
            parts, partial = found
            cue = _breakdown_cue(lay, t, parts) or stated_total
            check = _judge(lay, t, parts, stated_total and not partial, cue)
            if check is not None and partial and check.status == "inconsistent":
                check = None
        if check is not None:
            checks.append(check)
            used.update(check.parts)
            used.add(t)
    return checks


def change_checks(lay: Layout) -> list[Check]:
    """An increment after a new total ("461,940 (+880)") against an earlier total."""
    checks: list[Check] = []
    for n, qn in enumerate(lay.qs):
        if not qn.change or qn.kind not in ("count", "money", "measure"):
            continue
        t = prev_quantity(lay, n)
        if t is None or not is_amount(lay.qs[t]) or not compatible(lay.qs[t], qn):
            continue
        if not _INCREMENT_GAP.match(gap(lay, t, n)):
            continue
        qt = lay.qs[t]
        signed = -abs(qn.value) if qn.text.lstrip("( ").startswith(("-", "−", "–")) else qn.value
        expected = interval_of(qt) - interval_of(qn) if signed > 0 else interval_of(qt) + \
            interval_of(qn)
        earlier = [j for j, q in enumerate(lay.qs) if j not in (n, t) and is_amount(q)
                   and compatible(q, qt)]
        earlier.sort(key=lambda j: not same_thing(lay.qs[j], qt))
        match = [j for j in earlier if interval_of(lay.qs[j]).overlaps(expected)]
        if match:
            e = match[0]
            checks.append(Check("change", "consistent",
                                f"{fmt(lay.qs[e].value)} {'+' if signed > 0 else '-'} "
                                f"{fmt(abs(signed))} = {fmt(qt.value)}, as stated",
                                part=n, whole=t, parts=(e,)))
            continue
        near = CHANGE_SLIP_FACTOR * abs(signed)
        named = [j for j in earlier if _EARLIER_BEFORE.search(text_before(lay, j))
                 and abs(lay.qs[j].value - (qt.value - signed)) <= near]
        if named:
            e = named[0]
            checks.append(Check("change", "inconsistent",
                                f"{fmt(qt.value)} against the earlier {fmt(lay.qs[e].value)} "
                                f"is a change of {fmt(qt.value - lay.qs[e].value)}, not "
                                f"{qn.text}; the earlier total would have to be "
                                f"{fmt(qt.value - signed)}", part=n, whole=t, parts=(e,)))
    return checks
