"""sum and change: parts stated as adding up to a total, and increments against earlier totals.

A **sum** is found two ways:

- a total followed by its breakdown, announced by a cue: "Of those, A …, B … and C …", "of
  whom", "из них", "davon", a colon right after the total; "Of the N, A …, B …" opening a
  clause; a total that says it is one ("In total, N …, A … and B …"); or, uncued, a list of three
  or more parts of the same thing opening the sentence after a lone total;
- parts followed by a total that says it is one ("A killed and B wounded, C in all", "…, всего C",
  "…, insgesamt C"): the parts are the figures before it in the same clause.

A figure followed by "of them" after the first part is a subset with parts of its own and ends
the list; a list that says it is partial ("including", "в том числе", "the rest") or is only a
selection is never an error. Parts that add up make a consistent sum under any cue; a mismatch is
an error only when the words say the parts make up the total (see ``_judge``): a wrong ✗ on a
list of figures that merely follow a total is the worst failure of the checks.

A **change** is an increment after a new total ("461,940 (+880)") checked against an earlier
total of the same thing.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from itertools import accumulate

from ..deadline import tick
from ..model import Check, Quantity
from .layout import (
    Layout,
    _content_words,
    amounts_before,
    amounts_in,
    compatible,
    fmt,
    gap,
    is_amount,
    is_base_position,
    is_pronoun_one,
    nearby,
    prev_quantity,
    same_thing,
    same_thing_named,
    text_before,
)
from .naming import (
    COMBINED_WITH,
    TOTAL_VERB,
    all_named_before,
    conjuncts,
    conversion_of,
    cues_in,
    description,
    is_totality,
    named_before,
    phrase_after,
    same_time,
    tokens,
)
from .tolerance import (
    Interval,
    interval_of,
    one_digit_variants,
    significant_unit,
    total,
    written_unit,
)

# Sentences a breakdown into parts may run over after its total.
SUM_MAX_SENTENCES = 4
# Parts a list needs, opening the sentence after a lone total, to count as its breakdown uncued.
SUM_UNCUED_MIN_PARTS = 3
# Parts a breakdown may list: a longer run of figures is a table, not a stated sum.
SUM_MAX_PARTS = 40
# Longest text between a total and its first part that may hold the breakdown cue.
BREAKDOWN_LEAD_CHARS = 200
# Characters looked at after a part for "of them" (a subset with parts of its own).
NESTED_LOOKAHEAD_CHARS = 24
# Characters looked back before a total for a clause-opening "Of the".
OF_OPEN_LOOKBACK_CHARS = 60
# An inconsistent change needs its earlier total within this many increments of the expected.
CHANGE_SLIP_FACTOR = 10
# Significant digits a one-sided total must spell for a one-digit slip against its parts.
SLIP_ONE_SIDED_DIGITS = 3
# Longest clause before a total that may add its parts in words.
WORDED_CLAUSE_CHARS = 240
# Sentences looked back for a part named in words ("combined with the state grant").
COMBINED_LOOKBACK_SENTENCES = 6
# Sentences looked back for the parts a total names over a conjunction.
CONJUNCT_LOOKBACK_SENTENCES = 12

_BREAKDOWN_CUE = re.compile(
    r"\b(?:of (?:those|these|them|which|whom)|among (?:them|those|these)|majority of|"
    r"из них|из которых|з них|з яких|davon)\b", re.I)
# A colon or dash right after a total ("lost 3,000 units: ...") opens its breakdown.
_BREAKDOWN_MARK = re.compile(r"^\s*(?:[^\W\d]+\s+){0,3}?[^\W\d]*\s*:")
# "Of the 536 cases, ..." at the start of a clause: the total opens its own breakdown.
_OF_OPEN = re.compile(
    r"(?:^|[;:(—–]\s*|,\s+)\W*(?:of|out of|among|из|з|із|von|unter)\s+(?:the|all|these|those|"
    r"den|die|der|всех|этих|усіх|всіх|цих)?\s*(?:[\w’'-]+\s+){0,2}$", re.I)
# A figure followed by "of them": a subset of what came before, with parts of its own.
_NESTED_AFTER = re.compile(
    r"[\s,]*(?:of\s+(?:them|those|these|whom|which)|из\s+(?:них|которых)|з\s+(?:них|яких)|"
    r"із\s+(?:них|яких)|davon|von\s+(?:ihnen|denen))\b", re.I)
# A sentence that goes on with a breakdown: "Another 5 ...", "A further 300 ...", "Ещё 12".
_CONTINUATION = re.compile(
    r"\W*(?:another|a further|further|the remaining|ещё|еще|ещё|ще|weitere|noch)\b", re.I)
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
    r"в общей сложности|в сумме|загалом|усього|всього|разом|у сумі|в сумі|insgesamt|gesamt|"
    r"zusammen)"
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
        if conversion_of(lay, j) is not None:
            continue
        if not compatible(lay.qs[j], qt) or lay.qs[j].value >= qt.value:
            return []
        out.insert(0, j)
    return out


def _amounts_after(lay: Layout, s: int, start: int) -> list[int]:
    """The first amounts of sentence ``s`` that start after ``start`` (a bisect, not a scan)."""
    ids = lay.parts_by_sentence.get(s, [])
    k = bisect_right(lay.part_starts_by_sentence.get(s, []), start)
    return ids[k:k + SUM_MAX_PARTS + 1]


def _nested(lay: Layout, j: int) -> bool:
    """Whether figure ``j`` is followed by "of them", "из них": a subset, with its own parts."""
    q = lay.qs[j]
    return _NESTED_AFTER.match(lay.text, q.end, q.end + NESTED_LOOKAHEAD_CHARS) is not None


def _of_open(lay: Layout, t: int) -> bool:
    """Whether total ``t`` opens its clause after "Of the" ("Of the 536 cases, 25 ...")."""
    s0 = lay.sentences[lay.sent[t]][0]
    start = lay.qs[t].start
    lo = max(s0, start - OF_OPEN_LOOKBACK_CHARS)
    window = lay.text[lo:start] if lo == s0 else "x" + lay.text[lo:start]
    return _OF_OPEN.search(window) is not None


def _continues(lay: Layout, t: int, s: int) -> bool:
    """Whether sentence ``s`` goes on with a breakdown of ``t`` ("Another 5 ...", "Most of the
    536 cases ...")."""
    s0, s1 = lay.sentences[s]
    if _CONTINUATION.match(lay.text, s0, s1):
        return True
    qt = lay.qs[t]
    return any(compatible(lay.qs[j], qt) and lay.qs[j].value <= qt.value
               and is_base_position(lay, j)
               for j in lay.amounts_by_sentence.get(s, [])[:SUM_MAX_PARTS])


def _cue_kind(lay: Layout, t: int, first: int) -> str | None:
    """How the words tie the figures after total ``t`` to it, if they do.

    ``breakdown``: "of whom", "of those", "из них", "davon", or a colon right after the total;
    ``open``: "Of the 536 cases, 25 ..."; ``total``: the total says it is one ("in all");
    ``list``: the total stands alone and three or more parts of the same thing open the next
    sentence. None when nothing says the figures after the total are its parts.
    """
    lead = gap(lay, t, first)
    if len(lead) <= BREAKDOWN_LEAD_CHARS and (_BREAKDOWN_CUE.search(lead)
                                             or _BREAKDOWN_MARK.match(lead)):
        return "breakdown"
    if _stated_total(lay, t) and (lay.sent[first] == lay.sent[t]
                                  or _continues(lay, t, lay.sent[first])):
        return "total"
    if lay.sent[first] == lay.sent[t] and _of_open(lay, t) and "," in lead:
        return "open"
    if lay.sent[first] == lay.sent[t] + 1 and amounts_in(lay, lay.sent[t]) == [t]:
        return "list"
    return None


def _breakdown(lay: Layout, t: int) -> tuple[list[int], bool, str] | None:
    """The parts listed after total ``t``, whether the list says it is partial, and its cue."""
    qt = lay.qs[t]
    s_t = lay.sent[t]
    last = min(s_t + SUM_MAX_SENTENCES, len(lay.sentences) - 1)
    first: int | None = None
    for s in range(s_t, last + 1):
        after = _amounts_after(lay, s, qt.start)
        if after:
            first = after[0]
            break
    if first is None:
        return None
    cue = _cue_kind(lay, t, first)
    if cue is None:
        return None
    parts: list[int] = []
    partial = False
    for s in range(lay.sent[first], last + 1):
        ids = _amounts_after(lay, s, qt.start)
        s0, s1 = lay.sentences[s]
        if s != lay.sent[first]:
            if cue in ("open", "total") and not _continues(lay, t, s):
                break
            if cue == "list":
                break
            if lay.para_of_sentence[s] != lay.para_of_sentence[s - 1]:
                if not any(is_base_position(lay, j) for j in ids):
                    break
            if parts and _SUB_BREAKDOWN.match(lay.text[s0:s1]):
                break
        taken: list[int] = []
        stop = False
        for j in ids:
            qj = lay.qs[j]
            if not compatible(qj, qt) or qj.value == qt.value or is_base_position(lay, j):
                continue
            if qj.value > qt.value or is_pronoun_one(lay.text, qj):
                stop = True
                break
            if _nested(lay, j) and (parts or taken or lay.sent[j] != s_t):
                stop = True
                break
            taken.append(j)
        if len(parts) + len(taken) > SUM_MAX_PARTS:
            return None
        if s > s_t and not taken and not ids:
            break
        if (taken or parts) and _partial_list(lay, s):
            partial = True
        parts.extend(taken)
        if stop:
            break
    if len(parts) < 2:
        return None
    if cue == "list" and (len(parts) < SUM_UNCUED_MIN_PARTS
                          or not same_thing_named(lay.qs[parts[0]], qt)):
        return None
    return parts, partial, cue


def _spells_digits(q: Quantity, total: bool = False) -> bool:
    """Whether the written digits of ``q`` are meant as such: exact, or one-sided with (for a
    total) at least ``SLIP_ONE_SIDED_DIGITS`` significant digits ("at least 7,044", "at least
    3,640"; not "over 7,000", "more than 40")."""
    if q.approx == "exact":
        return True
    if q.approx not in ("over", "at_least", "under", "at_most"):
        return False
    unit = significant_unit(q.value, written_unit(q.text, q.value))
    return not total or abs(q.value) / unit >= 10 ** (SLIP_ONE_SIDED_DIGITS - 1)


def _digit_slip(lay: Layout, t: int, parts: list[int], in_parts: bool) -> str | None:
    """How one changed digit in the total or in one part would make the sum fit, if it would.

    Only figures that spell their digits say that much: with a part "about 10", a total one
    digit away from the sum is as likely another figure as a slip of the pen. A one-sided
    qualifier ("at least 7,044", a part "over 3,000") keeps its digits, except on a round
    total ("over 7,000" is a floor, not a count)."""
    qt = lay.qs[t]
    if any(not _spells_digits(lay.qs[j]) for j in parts) or not _spells_digits(qt, total=True):
        return None
    part_ivs = [lay.iv(j) for j in parts]
    summed = total(part_ivs)
    for value, iv in one_digit_variants(qt):
        if iv.overlaps(summed):
            return f"the parts fit a total of {fmt(value)}, one digit away from {qt.text}"
    if not in_parts:
        return None
    whole = interval_of(qt)
    for k, j in enumerate(parts):
        rest = total(part_ivs[:k] + part_ivs[k + 1:])
        for value, iv in one_digit_variants(lay.qs[j]):
            if (rest + iv).overlaps(whole):
                return f"the total fits if {lay.qs[j].text} were {fmt(value)}"
    return None


def _judge(lay: Layout, t: int, parts: list[int], cue: str, partial: bool) -> Check | None:
    """A sum check for total ``t`` and its listed ``parts``, or None when nothing can be said.

    Parts that add up make a consistent sum whatever the cue. A mismatch is an error only when
    the words say the parts make up the total: a stated total ("in all") over a list that does
    not say it is partial; a breakdown cue ("of whom", "из них") when the parts overshoot or one
    changed digit would make them fit; "Of the N, ..." or a bare list of three or more parts of
    the same thing only when one changed digit of the total would make them fit.
    """
    qt = lay.qs[t]
    whole = interval_of(qt)
    ivs = [lay.iv(j) for j in parts]
    # the sums of the first n parts, added in order as ``total`` adds them: one pass, not n
    los = list(accumulate((iv.lo for iv in ivs), initial=0))
    his = list(accumulate((iv.hi for iv in ivs), initial=0))
    for n in range(len(parts), 1, -1):
        if Interval(los[n], his[n]).overlaps(whole):
            chosen = parts[:n]
            plus = " + ".join(fmt(lay.qs[j].value) for j in chosen)
            got = sum(lay.qs[j].value for j in chosen)
            return Check("sum", "consistent", f"{plus} = {fmt(got)}, which fits the stated "
                         f"total {qt.text}", whole=t, parts=tuple(chosen))
    if partial:
        return None
    over = total([lay.iv(j) for j in parts]).lo > whole.hi
    if cue == "total":
        slip = _digit_slip(lay, t, parts, True)
    elif cue == "breakdown":
        slip = _digit_slip(lay, t, parts, True)
        if slip is None and not over:
            return None
    elif len(parts) >= SUM_UNCUED_MIN_PARTS:
        slip = _digit_slip(lay, t, parts, False)
        if slip is None:
            return None
    else:
        return None
    plus = " + ".join(fmt(lay.qs[j].value) for j in parts)
    got = sum(lay.qs[j].value for j in parts)
    expl = (f"{plus} = {fmt(got)}, not the stated total {qt.text}; the parts would have to "
            f"be {'smaller' if got > qt.value else 'larger'} by {fmt(abs(got - qt.value))}")
    if slip:
        expl += f"; {slip}"
    return Check("sum", "inconsistent", expl, whole=t, parts=tuple(parts))


def _judge_worded(lay: Layout, t: int, parts: list[int], worded: bool,
                  tie: str) -> Check | None:
    """A sum whose parts the words add up ("combined with", "total spending on A and B"): an
    error when they do not fit, but with a part named only in words (it may be another figure
    than meant) only when one changed digit of the total or of a part would make them fit.
    ``tie`` says how the words tie the parts, for the explanation."""
    if (total([lay.iv(j) for j in parts]).overlaps(interval_of(lay.qs[t])) or not worded
            or _digit_slip(lay, t, parts, True) is not None):
        check = _judge(lay, t, parts, "total", False)
        if check is None:
            return None
        return Check(check.kind, check.status, f"{check.explanation} ({tie})",
                     whole=check.whole, parts=check.parts)
    return None


def _clause_start(lay: Layout, t: int) -> int:
    """Where the clause of ``t`` starts: its sentence start or the last ";" before it, at most
    ``WORDED_CLAUSE_CHARS`` before it."""
    lo = max(lay.sentences[lay.sent[t]][0], lay.qs[t].start - WORDED_CLAUSE_CHARS)
    return max(lo, lay.text.rfind(";", lo, lay.qs[t].start) + 1)


def _combined_sum(lay: Layout, t: int) -> Check | None:
    """A total stated for figures "combined with" another: "20,000, combined with the state
    grant, totals 70,000" (the grant named in words, stated earlier) or "8,000, combined with a
    state allowance of 2,000, brings the total support to 10,000". The
    cue may scope over other figures than those of the clause ("Together with 300 volunteers,
    the brigade lost 200 men, which makes ..."), so a mismatch counts only with a digit slip."""
    qt = lay.qs[t]
    lo = _clause_start(lay, t)
    cues = cues_in(lay, "combined_with", COMBINED_WITH, lo, qt.start)
    if not cues:
        return None
    if not cues_in(lay, "total_verb", TOTAL_VERB, lo, qt.start) and not _stated_total(lay, t):
        return None
    explicit = [j for j in amounts_before(lay, lay.sent[t], lay.sent[t], qt.start)
                if lay.qs[j].start >= lo and conversion_of(lay, j) is None][::-1]
    if any(not compatible(lay.qs[j], qt) or lay.qs[j].value >= qt.value for j in explicit):
        return None
    phrase = phrase_after(lay, cues[-1][1], qt.start)
    parts = list(explicit)
    if phrase is None and len(explicit) == 1:
        before = _figure_under_discussion(lay, t, lo, cues[-1][0])
        if before is None:
            return None
        parts.insert(0, before)
    if phrase is not None:

        def accept(j: int) -> bool:
            qj = lay.qs[j]
            return compatible(qj, qt) and qj.value < qt.value and j not in explicit

        named = named_before(lay, phrase, lay.sentences[lay.sent[t]][0],
                             COMBINED_LOOKBACK_SENTENCES, accept)
        if named is None:
            return None
        parts.append(named)
    if len(parts) < 2:
        return None
    how = "the words add " + " and ".join(f"'{lay.qs[j].text}'" for j in parts)
    return _judge_worded(lay, t, parts, True, how)


def _figure_under_discussion(lay: Layout, t: int, lo: int, cue: int) -> int | None:
    """The other part of "Together with X, the total comes to T" when the cue opens the clause
    and the total is called one: the last figure of the sentence before, of T's kind."""
    qt = lay.qs[t]
    if tokens(lay.text[lo:cue]) or lay.sent[t] == 0:
        return None
    between = tokens(lay.text[cue:qt.start])
    if not _stated_total(lay, t) and not any(is_totality(w) for w in between):
        return None
    for j in reversed(amounts_in(lay, lay.sent[t] - 1)):
        if conversion_of(lay, j) is None:
            qj = lay.qs[j]
            return j if compatible(qj, qt) and qj.value < qt.value else None
    return None


def _conjunct_sum(lay: Layout, t: int) -> Check | None:
    """A total named over a conjunction whose parts earlier sentences state: "School spending
    will reach 13 billion … spending on hospitals … 3 billion … Overall spending on schools and
    hospitals will come to 16 billion"."""
    qt = lay.qs[t]
    s = lay.sent[t]
    s0 = lay.sentences[s][0]
    if s == 0 or qt.start - s0 > WORDED_CLAUSE_CHARS:
        return None
    if any(compatible(lay.qs[j], qt) for j in amounts_before(lay, s, s, qt.start)):
        return None
    pair = conjuncts(lay.text[s0:qt.start])
    if pair is None:
        return None

    def accept(j: int) -> bool:
        qj = lay.qs[j]
        return (compatible(qj, qt) and qj.value < qt.value and lay.sent[j] < s
                and same_time(lay, j, t) and not any(is_totality(w) for w in description(lay, j)))

    options = [all_named_before(lay, words, s0, CONJUNCT_LOOKBACK_SENTENCES, accept,
                                after_too=True) for words in pair]
    if not all(options):
        return None
    chosen: list[int] = []
    for cands in sorted(options, key=len):
        free = [j for j in cands if j not in chosen]
        if not free:
            return None
        chosen.append(free[0])
    parts = sorted(chosen, key=lambda j: lay.qs[j].start)
    named = " and ".join(f"'{' '.join(words)}'" for words in pair)
    return _judge_worded(lay, t, parts, True, f"the total names {named}")


def sum_checks(lay: Layout) -> list[Check]:
    """One check per total whose parts the words list."""
    checks: list[Check] = []
    used: set[int] = set()
    dense = lay.dense
    for t, qt in enumerate(lay.qs):
        tick()
        if t in used or not is_amount(qt) or t in dense:
            continue
        if _selection(lay, lay.sent[t]):
            continue
        earlier = _parts_before(lay, t) if _stated_total(lay, t) else []
        worded = _combined_sum(lay, t) or _conjunct_sum(lay, t)
        if worded is not None:
            check: Check | None = worded
        elif len(earlier) >= 2 and not used.intersection(earlier):
            check = _judge(lay, t, earlier, "total", False)
        else:
            found = _breakdown(lay, t)
            if found is None:
                continue
            parts, partial, cue = found
            check = _judge(lay, t, parts, cue, partial)
        if check is not None:
            checks.append(check)
            used.update(check.parts)
            used.add(t)
    return checks


def _earlier_before(lay: Layout, j: int) -> bool:
    """Whether "from", "earlier", "was" ... stands before quantity ``j`` (asked by every change
    near it, so answered once)."""
    key = ("earlier_before", j)
    got = lay.memo.get(key)
    if got is None:
        got = lay.memo[key] = _EARLIER_BEFORE.search(text_before(lay, j)) is not None
    return got


def _change_bases(lay: Layout, t: int, n: int) -> list[int]:
    """The amounts near total ``t`` (not ``t`` nor its increment ``n``) that can be added to it,
    nearest first, those of the same thing before the others."""
    qs = lay.qs
    qt = qs[t]
    kind, unit = qt.kind, qt.unit  # ``qt`` is an amount: an amount of its kind and unit
    earlier = [j for j in nearby(lay, t) if j != n and j != t and (q := qs[j]).kind == kind
               and q.unit == unit and not q.change and q.value > 0]
    if not _content_words(qt.what):
        return earlier  # every one is the same thing as a total that names none
    same = [same_thing(qs[j], qt) for j in earlier]
    return [j for j, s in zip(earlier, same, strict=True) if s] + [
        j for j, s in zip(earlier, same, strict=True) if not s]


def _overlaps(iv: Interval, lo: float, hi: float) -> bool:
    """``iv.overlaps(Interval(lo, hi))`` without building the interval."""
    return max(iv.lo, lo) <= min(iv.hi, hi)


def change_checks(lay: Layout) -> list[Check]:
    """An increment after a new total ("461,940 (+880)") against an earlier total."""
    checks: list[Check] = []
    dense = lay.dense
    for n, qn in enumerate(lay.qs):
        if not qn.change or qn.kind not in ("count", "money", "measure") or n in dense:
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
        earlier = _change_bases(lay, t, n)
        lo, hi = expected.lo, expected.hi
        e = next((j for j in earlier if _overlaps(lay.iv(j), lo, hi)), None)
        if e is not None:
            checks.append(Check("change", "consistent",
                                f"{fmt(lay.qs[e].value)} {'+' if signed > 0 else '-'} "
                                f"{fmt(abs(signed))} = {fmt(qt.value)}, as stated",
                                part=n, whole=t, parts=(e,)))
            continue
        near = CHANGE_SLIP_FACTOR * abs(signed)
        e = next((j for j in earlier if abs(lay.qs[j].value - (qt.value - signed)) <= near
                  and _earlier_before(lay, j)), None)
        if e is not None:
            checks.append(Check("change", "inconsistent",
                                f"{fmt(qt.value)} against the earlier {fmt(lay.qs[e].value)} "
                                f"is a change of {fmt(qt.value - lay.qs[e].value)}, not "
                                f"{qn.text}; the earlier total would have to be "
                                f"{fmt(qt.value - signed)}", part=n, whole=t, parts=(e,)))
    return checks
