"""percent_of: a share stated with its part and whole ("400 of them, or 20%", "25% of the 640").

For each percentage or fraction the words and layout around it name the candidates:

- the **part** it restates stands right next to it, joined by "or", a bracket or a dash
  ("18,159, or 88.4%", "12 (8%)", "25% (160)", "400 of them, or 20%"), or before it with a verb
  of share ("3,200 people, accounting for 40%"), or after its whole with a restatement mark
  ("75% of the 80 substations, or 60", "half of the 1,000 conscripts ... (480)");
- the **whole** follows "of the" ("25% of the 640", "900, or 30 per cent, of the 3,000"), or
  is the earlier figure a base cue points back to ("of them", "of whom", "из них", "davon"), or
  is named in "X out of N (P%)".

A relation whose part and whole the words name is judged by the tolerance rules; a part with no
named base is tried against the figures before it (consistent, ambiguous or, with one candidate
in the same sentence, inconsistent).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from ..model import Check, Quantity
from .layout import (
    ADJACENT_GAP_CHARS,
    BASE_CUE,
    OF_GAP,
    OR_GAP,
    RESTATE_END,
    RESTATE_GAP_CHARS,
    SHARE_VERB,
    Layout,
    amounts_before,
    amounts_in,
    compatible,
    fmt,
    gap,
    is_amount,
    is_base_position,
    is_pronoun_one,
    is_share,
    nearby,
    next_quantity,
    pct,
    prev_quantity,
    share_interval,
    span_text,
    stated,
    text_before,
)
from .naming import (
    content_after,
    conversion_of,
    multiplier_link,
    named_before,
    names,
    same_time,
    share_of_phrase,
    subject,
    trailing,
    whole_link_gap,
)
from .tolerance import Interval, interval_of, one_digit_variants

# Sentences looked back from a named base cue ("Of these cases") to find the base.
BASE_LOOKBACK_SENTENCES = 2
# Characters looked back from a share for its base cue ("Of these cases, ... 41.2%").
BASE_CUE_LOOKBACK_CHARS = 300
# Sentences looked back for the figure a subject names ("Road spending will ...").
SUBJECT_LOOKBACK_SENTENCES = 2
# Figures of the next sentence looked at for a part its words name ("The 30 students ...").
NEXT_SENTENCE_FIGURES = 3
# Sentences looked back for the whole a phrase names ("…, or 30% of the overall budget").
WORDED_LOOKBACK_SENTENCES = 12

# The subject of a sentence that restates the figure before it: "This number is ...".
_THIS_SUBJECT = re.compile(
    r"(?:^|[,:;\"“«]\s*)\W*(?:this|that|the|these)\s+(?:[\w-]+\s+){0,2}?(?:number|figure|total|"
    r"toll|count|marks|represents|amounts|accounts|equals)\b", re.I)
# The verb between the whole and the part in "P% of N is X": "is", "would be", "=", "это".
_IS_GAP = re.compile(
    r"^\s*(?:[^\W\d]+\s+){0,2}?(?:is|are|was|were|would be|makes?|equals?|comes? to|"
    r"amounts? to|=|это|составляет|становить|це|sind|ist|wären|macht)\s*$", re.I)
# A base cue right after a share: "a quarter of whom", "20% of them", "половина из них".
_CUE_AFTER_SHARE = re.compile(
    r"^\s*(?:of\s+(?:whom|them|which|these|those)|из\s+(?:них|которых)|і?з\s+(?:них|яких)|"
    r"von\s+(?:ihnen|denen))\b", re.I)
# The same cue with the part right after it: "A quarter of them, 50 people, ...".
_CUE_THEN_PART = re.compile(
    r"^\s*(?:of\s+(?:whom|them|which|these|those)|из\s+(?:них|которых)|і?з\s+(?:них|яких)|"
    r"von\s+(?:ihnen|denen))\s*[,(:–—]\s*$", re.I)


def _of_is(lay: Layout, p: int) -> tuple[int, int] | None:
    """Part and whole of "P% of N is X" (the figure after "is" is the part, N the whole)."""
    whole = _of_whole(lay, p, p)
    if whole is None:
        return None
    j = next_quantity(lay, whole)
    if j is None or lay.sent[j] != lay.sent[p] or not is_amount(lay.qs[j]):
        return None
    return (j, whole) if _IS_GAP.match(gap(lay, whole, j)) else None


def _restated_after(lay: Layout, anchor: int) -> int | None:
    """An amount restating what precedes it: "… substations, or 60", "… district (480)"; after
    a whole, only a figure of its kind and unit ("40 billion hryvnias ($970m)" restates
    nothing)."""
    j = next_quantity(lay, anchor)
    if j is None or lay.sent[j] != lay.sent[anchor] or not is_amount(lay.qs[j]):
        return None
    if is_amount(lay.qs[anchor]) and not compatible(lay.qs[j], lay.qs[anchor]):
        return None
    between = gap(lay, anchor, j)
    if len(between) <= RESTATE_GAP_CHARS and RESTATE_END.match(between):
        return j
    return None


def _adjacent_part(lay: Layout, p: int) -> int | None:
    """The figure a percentage restates: "18,159, or 88.4%", "86.2% or 17,721", "25% (160)";
    a bracketed conversion between them is passed over ("12 billion hryvnias ($290m), or
    30%")."""
    for j in (prev_quantity(lay, p), next_quantity(lay, p)):
        if j is None or not is_amount(lay.qs[j]) or lay.sent[j] != lay.sent[p]:
            continue
        if is_pronoun_one(lay.text, lay.qs[j]):
            continue
        a, b = sorted((j, p), key=lambda k: lay.qs[k].start)
        between = gap(lay, a, b)
        converted = conversion_of(lay, j) if b == p else None
        if converted is not None:
            close = _CLOSE_BRACKET.match(between)
            if close:
                j, between = converted, between[close.end():]
        if len(between) <= ADJACENT_GAP_CHARS and OR_GAP.match(between):
            return j
    return None


_CLOSE_BRACKET = re.compile(r"^[^()\d]{0,12}\)")


def _part_after_cue(lay: Layout, p: int, whole: int) -> int | None:
    """The part right after the base cue that follows the share: "a quarter of them, 50"."""
    j = next_quantity(lay, p)
    if j is None or lay.sent[j] != lay.sent[p] or not is_amount(lay.qs[j]):
        return None
    if not compatible(lay.qs[j], lay.qs[whole]) or not _CUE_THEN_PART.match(gap(lay, p, j)):
        return None
    return j


def _part_named_next(lay: Layout, p: int, whole: int) -> int | None:
    """The part the next sentence states for what the share's clause names: "120 protesters,
    a quarter of whom were students. The 30 students ..." (a figure just after the share whose
    following words name "students")."""
    after = lay.text[lay.qs[p].end:lay.qs[p].end + ADJACENT_GAP_CHARS]
    cue = _CUE_AFTER_SHARE.match(after)
    if cue is None:
        return None
    words = content_after(lay, lay.qs[p].end + cue.end())
    if not words:
        return None
    qw = lay.qs[whole]
    later: list[int] = []
    for s in (lay.sent[p], lay.sent[p] + 1):
        k = bisect_right(lay.amount_starts_by_sentence.get(s, []), lay.qs[p].end)
        later.extend(lay.amounts_by_sentence.get(s, [])[k:k + NEXT_SENTENCE_FIGURES])
    for j in later[:NEXT_SENTENCE_FIGURES]:
        qj = lay.qs[j]
        if compatible(qj, qw) and qj.value < qw.value and names(words, trailing(lay, j)):
            return j
    return None


def _out_of(lay: Layout, j: int) -> int | None:
    """The part in "45 out of 300" when ``j`` is the 300, else None."""
    k = prev_quantity(lay, j)
    if k is None or lay.sent[k] != lay.sent[j] or not is_amount(lay.qs[k]):
        return None
    if compatible(lay.qs[k], lay.qs[j]) and lay.qs[k].value < lay.qs[j].value and (
            OF_GAP.match(gap(lay, k, j))):
        return k
    return None


def _of_whole(lay: Layout, anchor: int, p: int) -> int | None:
    """The whole named by "of the" right after ``anchor`` (the share or its bracketed part), or
    by "of the total ... of" after the share ("23% of the overall 2026 city budget of 40
    billion", "23% общих расходов бюджета в 40 млрд")."""
    j = next_quantity(lay, anchor)
    if j is not None and is_amount(lay.qs[j]) and lay.sent[j] == lay.sent[p]:
        between = gap(lay, anchor, j)
        if OF_GAP.match(between) or (
                anchor == p and whole_link_gap(between, lay.qs[j].kind == "money")):
            return j
    return None


def _share_verb_part(lay: Layout, p: int) -> int | None:
    """The figure before "accounting for", "составляет", "das sind" and the share."""
    j = prev_quantity(lay, p)
    if j is None or lay.sent[j] != lay.sent[p] or not is_amount(lay.qs[j]):
        return None
    return j if SHARE_VERB.match(gap(lay, j, p)) else None


def _named_base(lay: Layout, p: int, part: int | None) -> int | None:
    """The base named by "of these", "of whom", "из них": the figure before the cue."""
    s0, s1 = lay.sentences[lay.sent[p]]
    window_end = min(lay.qs[p].end + ADJACENT_GAP_CHARS, s1)
    lo = max(s0, lay.qs[p].start - BASE_CUE_LOOKBACK_CHARS)
    cues = list(BASE_CUE.finditer(lay.text, lo, window_end))
    if not cues:
        return None
    cue = cues[-1].start()
    first_sentence = max(0, lay.sent[p] - BASE_LOOKBACK_SENTENCES)
    like = lay.qs[part] if part is not None else None
    for j in amounts_before(lay, first_sentence, lay.sent[p], cue):
        if j != part and (like is None or compatible(lay.qs[j], like)):
            return j
    return None


def subject_part(lay: Layout, p: int, whole: int, above: bool = False) -> int | None:
    """The part a sentence names by its subject, stated in a sentence before with the same
    subject: "Road spending will grow to 9.2 billion. Road spending will make up 23% of ...";
    "That allowance is twice the 25,000" after "The new relocation allowance is 50,000" (a part
    ``above`` its whole: a multiple, which compares figures of different times, so only a share
    needs its part of the same year as its whole)."""
    words = subject(lay, p)
    if words is None or lay.sent[p] == 0:
        return None
    qw = lay.qs[whole]

    def accept(j: int) -> bool:
        qj = lay.qs[j]
        return (compatible(qj, qw) and lay.sent[j] < lay.sent[p]
                and (qj.value > qw.value if above else qj.value < qw.value)
                and (above or (same_time(lay, j, whole) and same_time(lay, j, p))))

    s0 = lay.sentences[lay.sent[p]][0]
    return named_before(lay, words, s0, SUBJECT_LOOKBACK_SENTENCES, accept)


def _this_part(lay: Layout, p: int, whole: int) -> int | None:
    """The part a sentence opening "This number is ..." refers to: the last figure before it."""
    s0, _ = lay.sentences[lay.sent[p]]
    if not _THIS_SUBJECT.search(lay.text[s0:lay.qs[p].start]):
        return None
    first_sentence = max(0, lay.sent[p] - BASE_LOOKBACK_SENTENCES)
    qw = lay.qs[whole]
    for j in amounts_before(lay, first_sentence, lay.sent[p], s0):
        if compatible(lay.qs[j], qw) and lay.qs[j].value < qw.value:
            return j
    return None


def _of_pair(lay: Layout, sentence: int) -> tuple[int, int] | None:
    """A part and whole named together: "6,000 of the 11,000" or "of the 11,000, 4,000"."""
    ids = amounts_in(lay, sentence)
    for a, b in zip(ids, ids[1:], strict=False):
        qa, qb = lay.qs[a], lay.qs[b]
        if not compatible(qa, qb):
            continue
        if OF_GAP.match(gap(lay, a, b)) and qa.value < qb.value:
            return a, b
        if is_base_position(lay, a) and qb.value < qa.value:
            return b, a
    return None


def _candidates(lay: Layout, p: int) -> tuple[int | None, int | None, bool, bool]:
    """Part, whole, whether the words name the whole, and whether the part is tied only by
    words (a subject shared with an earlier sentence), for the share ``p``."""
    stated = _of_is(lay, p)
    if stated is not None:
        return stated[0], stated[1], True, False
    part, whole = _adjacent_part(lay, p), None
    if part is not None:
        inner = _out_of(lay, part)
        if inner is not None and lay.qs[part].end <= lay.qs[p].start:
            return inner, part, True, False
    anchor = part if part is not None and lay.qs[part].start > lay.qs[p].start else p
    whole = _of_whole(lay, anchor, p)
    if whole is not None and part is None:
        part = _restated_after(lay, whole)
    if part is None:
        part = _share_verb_part(lay, p)
    after = lay.text[lay.qs[p].end:lay.qs[p].end + ADJACENT_GAP_CHARS]
    if whole is None and part is None and _CUE_AFTER_SHARE.match(after):
        whole = _named_base(lay, p, None)
        part = _restated_after(lay, p) if whole is not None else None
        if whole is not None and part is None:
            part = _part_after_cue(lay, p, whole)
        if whole is not None and part is None:
            part = _part_named_next(lay, p, whole)
            return part, whole, True, part is not None
        return part, whole, True, False
    named = whole is not None
    if part is not None and whole is None:
        whole = _named_base(lay, p, part)
        named = whole is not None
    if whole is not None and part is None:
        part = _this_part(lay, p, whole)
    if whole is not None and part is None:
        part = subject_part(lay, p, whole)
        if part is not None:
            return part, whole, True, True
    if part is None and whole is None and not amounts_in(lay, lay.sent[p]):
        for s in (lay.sent[p] + 1, lay.sent[p] - 1):
            pair = _of_pair(lay, s) if 0 <= s < len(lay.sentences) else None
            if pair:
                return pair[0], pair[1], True, False
    return part, whole, named, False


def _fits(lay: Layout, p: int, part: int, whole: int) -> bool:
    return (interval_of(lay.qs[part]) / interval_of(lay.qs[whole])).overlaps(
        share_interval(lay.qs[p]))


def _explanation(lay: Layout, p: int, part: int, whole: int, ok: bool) -> str:
    qp, qa, qw = lay.qs[p], lay.qs[part], lay.qs[whole]
    actual = qa.value / qw.value * 100
    share = qp.value if qp.kind == "percent" else qp.value * 100
    if ok:
        return (f"{fmt(qa.value)} of {fmt(qw.value)} is {pct(actual)}, which fits the stated "
                f"{stated(qp)}")
    said = qp.text if qp.kind == "percent" else pct(share)
    text = (f"{said} of {fmt(qw.value)} is {fmt(qw.value * share / 100)}, not "
            f"{fmt(qa.value)} ({fmt(qa.value)} is {pct(actual)} of {fmt(qw.value)})")
    others = [j for j in nearby(lay, part) if j not in (whole, part) and is_amount(lay.qs[j])
              and compatible(lay.qs[j], qa) and lay.qs[j].value > qa.value]
    if others:
        best = min(others, key=lambda j: abs(qa.value / lay.qs[j].value * 100 - share))
        verdict = "which fits" if _fits(lay, p, part, best) else "the nearest figure"
        text += (f"; {fmt(qa.value)} is {pct(qa.value / lay.qs[best].value * 100)} of "
                 f"{fmt(lay.qs[best].value)}, {verdict}")
    return text


def _unnamed_base(lay: Layout, p: int, part: int) -> Check | None:
    """A percentage with its part but no named base: try the figures before it."""
    first = max(0, lay.sent[p] - BASE_LOOKBACK_SENTENCES)
    qa = lay.qs[part]
    cands = [j for j in amounts_before(lay, first, lay.sent[p], min(qa.start, lay.qs[p].start))
             if compatible(lay.qs[j], qa) and lay.qs[j].value > qa.value]
    if not cands:
        return None
    fitting = [j for j in cands if _fits(lay, p, part, j)]
    if fitting and len(fitting) == len(cands):
        expl = _explanation(lay, p, part, fitting[0], True)
        return Check("percent_of", "consistent", expl, percent=p, part=part, whole=fitting[0])
    if fitting:
        misses = ", ".join(fmt(lay.qs[j].value) for j in cands if j not in fitting)
        expl = (_explanation(lay, p, part, fitting[0], True)
                + f"; the words name no base, and it does not fit {misses}")
        return Check("percent_of", "ambiguous", expl, percent=p, part=part, whole=fitting[0])
    if len(cands) == 1 and lay.sent[cands[0]] == lay.sent[p]:
        expl = _explanation(lay, p, part, cands[0], False)
        return Check("percent_of", "inconsistent", expl, percent=p, part=part, whole=cands[0])
    return None


def _worded_whole(lay: Layout, p: int, part: int) -> int | None:
    """The earlier whole that the words after the share name: "…, or 30% of the overall budget"
    after "… an overall budget of 40 billion"."""
    phrase = share_of_phrase(lay, p)
    if phrase is None:
        return None
    qa = lay.qs[part]

    def accept(j: int) -> bool:
        qj = lay.qs[j]
        return (j != part and compatible(qj, qa) and qj.value > qa.value
                and same_time(lay, j, part))

    before = min(qa.start, lay.qs[p].start)
    return named_before(lay, phrase, before, WORDED_LOOKBACK_SENTENCES, accept)


def _slip(lay: Layout, p: int, part: int, whole: int) -> str | None:
    """How one changed digit of the stated share would make it fit, if it would (a changed
    digit of a short part or whole fits too easily to tell a slip from another figure)."""
    qp, qa, qw = lay.qs[p], lay.qs[part], lay.qs[whole]
    actual = interval_of(qa) / interval_of(qw)
    scale = 0.01 if qp.kind == "percent" else 1.0
    for value, iv in one_digit_variants(qp):
        if iv.scale(scale).overlaps(actual):
            return f"a share of {fmt(value)}{'%' if scale < 1 else ''} would fit, one digit away"
    return None


def _tie(lay: Layout, p: int, part: int, whole: int) -> str:
    """How the words tie a share to a part or whole of another sentence, for the explanation."""
    subj = subject(lay, p)
    if subj and lay.sent[part] < lay.sent[p]:
        return f"the part is the figure stated for '{' '.join(subj)}'"
    phrase = share_of_phrase(lay, p)
    if phrase and lay.sent[whole] < lay.sent[p]:
        return f"the whole is the figure the words '{' '.join(phrase)}' name"
    return "the part is the figure its words name"


def _worded_check(lay: Layout, p: int, part: int, whole: int) -> Check | None:
    """A share against a part or whole named only in words: consistent when it fits;
    inconsistent only when one changed digit would make it fit (the words may name another
    figure than meant)."""
    tie = _tie(lay, p, part, whole)
    if _fits(lay, p, part, whole):
        return Check("percent_of", "consistent",
                     f"{_explanation(lay, p, part, whole, True)} ({tie})",
                     percent=p, part=part, whole=whole)
    slip = _slip(lay, p, part, whole)
    if slip is None:
        return None
    return Check("percent_of", "inconsistent",
                 f"{_explanation(lay, p, part, whole, False)}; {slip} ({tie})",
                 percent=p, part=part, whole=whole)


def percent_of_checks(lay: Layout) -> list[Check]:
    """One check per share whose part (and named or candidate whole) the words give."""
    checks: list[Check] = []
    dense = lay.dense
    for p, qp in enumerate(lay.qs):
        if not is_share(qp) or p in dense:
            continue
        part, whole, named, by_words = _candidates(lay, p)
        if part is None or part == whole:
            continue
        if whole is None:
            worded = _worded_whole(lay, p, part)
            if worded is not None:
                found = _worded_check(lay, p, part, worded)
                if found:
                    checks.append(found)
                continue
            check = _unnamed_base(lay, p, part)
            if check:
                checks.append(check)
            continue
        if not named or not _plausible(lay.qs[part], lay.qs[whole]):
            continue
        if by_words:
            found = _worded_check(lay, p, part, whole)
            if found:
                checks.append(found)
            continue
        ok = _fits(lay, p, part, whole)
        checks.append(Check("percent_of", "consistent" if ok else "inconsistent",
                            _explanation(lay, p, part, whole, ok),
                            percent=p, part=part, whole=whole))
    return checks


def _plausible(part: Quantity, whole: Quantity) -> bool:
    return compatible(part, whole) and part.value <= whole.value


# ---------------------------------------------------------------------------- multipliers
#
# A multiplier in words stated with the figure it multiplies ("1,200 shelters, twice the 600",
# "вдвое больше прежних 200 тысяч", "doppelt so hoch wie die bisherigen 200.000") is a
# percent_of relation with the multiplier as its share: the part is the figure before it in its
# clause or the figure an earlier sentence states for the sentence's subject ("That grant is
# more than triple the 15,000" after "a start-up grant of 50,000").

# Longest text between the multiplied figure and its multiplier ("40 тисяч гривень, що ").
MULTIPLIED_GAP_CHARS = 40
_MULTIPLIED_GAP = re.compile(r"^[^\d.;:!?()]*$")


def _multiplied_part(lay: Layout, m: int, whole: int) -> tuple[list[int], bool] | None:
    """The figures the multiplier ``m`` may state as a multiple of ``whole`` (the one before
    it, or also the one before that when they stand in one list: "90 missiles and 400 drones,
    twice the 45 missiles"), and whether only words (a subject shared with an earlier sentence)
    tie it."""
    j = prev_quantity(lay, m)
    if j is not None and lay.sent[j] == lay.sent[m]:
        if conversion_of(lay, j) is not None:
            return None
        between = gap(lay, j, m)
        qj, qw = lay.qs[j], lay.qs[whole]
        if not (is_amount(qj) and compatible(qj, qw) and not is_pronoun_one(lay.text, qj)
                and len(between) <= MULTIPLIED_GAP_CHARS and _MULTIPLIED_GAP.match(between)):
            return None
        k = prev_quantity(lay, j)
        if (k is not None and lay.sent[k] == lay.sent[m] and is_amount(lay.qs[k])
                and compatible(lay.qs[k], qw) and len(gap(lay, k, j)) <= MULTIPLIED_GAP_CHARS
                and _MULTIPLIED_GAP.match(gap(lay, k, j))):
            return [j, k], False
        return [j], False
    k = subject_part(lay, m, whole, above=True)
    return None if k is None else ([k], True)


def _multiple_fits(qm: Quantity, part: Interval, whole: Interval) -> bool:
    return (part / whole).overlaps(interval_of(qm))


def _multiple_slip(lay: Layout, m: int, part: int, whole: int) -> str | None:
    """How one changed digit of the part or of the base would make the multiple fit."""
    qm, qa, qw = lay.qs[m], lay.qs[part], lay.qs[whole]
    for value, iv in one_digit_variants(qa):
        if _multiple_fits(qm, iv, interval_of(qw)):
            return f"the multiple fits if {qa.text} were {fmt(value)}"
    for value, iv in one_digit_variants(qw):
        if _multiple_fits(qm, interval_of(qa), iv):
            return f"the multiple fits if {qw.text} were {fmt(value)}"
    return None


def multiplier_checks(lay: Layout) -> list[Check]:
    """One percent_of check per multiplier in words with the figure it multiplies and the
    figure it makes."""
    checks: list[Check] = []
    dense = lay.dense
    for m, qm in enumerate(lay.qs):
        if qm.kind != "ratio" or qm.change or qm.value_high is not None or qm.value <= 1:
            continue
        if m in dense:
            continue
        whole = next_quantity(lay, m)
        if whole is None or lay.sent[whole] != lay.sent[m] or not is_amount(lay.qs[whole]):
            continue
        if not multiplier_link(gap(lay, m, whole)):
            continue
        found = _multiplied_part(lay, m, whole)
        if found is None:
            continue
        cands, by_words = found
        qw = lay.qs[whole]
        fitting = [j for j in cands
                   if _multiple_fits(qm, interval_of(lay.qs[j]), interval_of(qw))]
        if len(cands) > 1 and not fitting:
            continue  # a list: the words do not say which figure is the multiple
        part = fitting[0] if fitting else cands[0]
        qa = lay.qs[part]
        ok = bool(fitting)
        said = f"{fmt(qa.value)} is {qa.value / qw.value:.2f} times {fmt(qw.value)}"
        if ok:
            expl = f"{said}, which fits the stated {stated(qm)}"
        else:
            slip = _multiple_slip(lay, m, part, whole) if by_words else None
            if by_words and slip is None:
                continue
            expl = (f"{said}, not {stated(qm)}, which of {fmt(qw.value)} would be "
                    f"{span_text(interval_of(qm).scale(qw.value))}")
            if slip:
                expl += f"; {slip}"
        checks.append(Check("percent_of", "consistent" if ok else "inconsistent", expl,
                            percent=m, part=part, whole=whole))
    return checks


# ---------------------------------------------------------------------------- percent_change
#
# A stated change ("a rise of 50%", "fell by around 30 per cent", "a five-fold increase") is
# checked against a before and an after figure that the words name: "from A to B" (any order of
# the words: "to B from A"), "B, up from A", "B, compared with A", "von A auf B", "с A до B".

# Sentences looked ahead from a percentage change for "from X to Y".
CHANGE_LOOKAHEAD_SENTENCES = 4
# Longest gap between the after and the before figure in "B in 2023, up from A".
COMPARE_GAP_CHARS = 60

# Longest text between the two figures of "A in 2023 and B in 2024, a threefold increase".
PAIR_GAP_CHARS = 60

# "… on the year before, when A": the before figure after the change ("1,470, a rise of 40% on
# the year before, when 1,050 were recorded"; "up 20% on 2023, when 2,000 were shipped").
_EARLIER_WHEN = re.compile(
    r"\s+(?:on|over|from|compared (?:with|to)|than|чем|ніж|als|gegenüber|по сравнению с|"
    r"порівняно з)\s+(?:[\w’'-]+\s+){0,3}?[\w’'-]+\s*,?\s*(?:when|when there were|"
    r"когда|коли|als)\s+(?:[^\W\d]+\s+){0,3}$", re.I)
# A change in apposition after the figure it describes: "…, a threefold increase", "— рост".
_APPOSITION_GAP = re.compile(r"[^.;!?]{0,40}?[,–—(]\s*(?:a|an|the|eine?|einen)?\s*$", re.I)
_AND_GAP = re.compile(r"\b(?:and|и|і|та|й|und|while|whereas|а)\b", re.I)
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_FROM_BEFORE = re.compile(r"\b(?:from|с|со|з|із|зі|von|ab|від)\b(?:\s+[\w’'-]+){0,5}\s*$", re.I)
_TO_GAP = re.compile(r"\b(?:to|до|auf|на)\b", re.I)
_TO_JUST_BEFORE = re.compile(r"\b(?:to|до|auf)\s*$", re.I)
_COMPARE_BEFORE = re.compile(
    r"^(?:\s+[\w’'-]+){0,2}?\s+(?:from|on|over|compared (?:with|to)|than|against|"
    r"по сравнению с|порівняно з|gegenüber)(?:\s+[\w’'-]+){0,3}\s*$", re.I)
_TO_BEFORE = re.compile(r"\b(?:to|до|auf)(?:\s+[\w’'-]+){0,2}\s*$", re.I)
_THIS_START = re.compile(r"^\W*(?:this|that|it|these)\b", re.I)
# After figure, then the before figure it is compared with: "300 …, up from 200",
# "1,300 …, compared with 1,000", "7,000 from 5,000" (the last only after "to").
_COMPARED_WITH = re.compile(
    r"(?:\b(?:up|down|rising|falling|increasing|decreasing|rose|fell|jumped|dropped)\s+from|"
    r"\bcompared\s+(?:with|to)|\bagainst|\bversus|\bvs\.?|по сравнению с|против|порівняно з|"
    r"у порівнянні з|проти|gegenüber|im vergleich zu)\s+(?:[^\W\d]+\s+){0,4}$", re.I)
_BARE_FROM = re.compile(r"\b(?:from|с|со|з|із|від|von)\s+(?:[^\W\d]+\s+){0,3}$", re.I)
# "was A, now B": "было 800, стало 960", "war 500, jetzt 600".
_WAS_BEFORE = re.compile(r"\b(?:was|were|было|были|було|були|war|waren)\s*$", re.I)
_NOW_GAP = re.compile(r"^\s*[,;–—-]?\s*(?:and\s+|а\s+|и\s+|і\s+|und\s+)?(?:now|стало|стали|"
                      r"теперь|сейчас|тепер|нині|jetzt|nun)\s+(?:[^\W\d]+\s+){0,2}$", re.I)


_BARE_NUMBER = re.compile(r"^\d[\d\s.,\u00a0\u202f]*$")


def _levels_in(lay: Layout, s: int, durations: bool) -> list[int]:
    """The amounts of sentence ``s`` and, with ``durations``, its stated durations (a term
    "tripled from 4 to 12 years"), in text order."""
    if not durations:
        return amounts_in(lay, s)
    return [j for j in lay.figures_by_sentence.get(s, []) if is_amount(lay.qs[j]) or (
        lay.qs[j].kind == "duration" and not lay.qs[j].change and lay.qs[j].value > 0
        and lay.qs[j].value_high is None)]


def _same_scale(lay: Layout, a: int, b: int) -> bool:
    """Whether ``a`` and ``b`` can be compared: same kind and unit, or a bare number that takes
    the unit of the figure right after "to" ("from 4 to 12 years", "von 4 auf 12 Jahre")."""
    qa, qb = lay.qs[a], lay.qs[b]
    if compatible(qa, qb):
        return qa.kind != "duration" or qa.unit is not None
    between = gap(lay, a, b)
    return (qb.kind in ("duration", "money", "measure") and qa.kind == "count"
            and _BARE_NUMBER.match(qa.text) is not None and len(between) < 8
            and _TO_JUST_BEFORE.search(between) is not None)


def _from_to(lay: Layout, p: int) -> tuple[int, int] | None:
    """Before and after stated as "from 776 ... to 568" in or just after the change's sentence
    (durations only in the change's own sentence)."""
    last = min(lay.sent[p] + CHANGE_LOOKAHEAD_SENTENCES, len(lay.sentences) - 1)
    for s in range(lay.sent[p], last + 1):
        found = _from_to_in(lay, s, s == lay.sent[p])
        if found is not None:
            return found
    return None


def _from_to_in(lay: Layout, s: int, durations: bool) -> tuple[int, int] | None:
    """The first "from A ... to B" pair of sentence ``s`` (found once per sentence)."""
    key = ("from_to_durations" if durations else "from_to", s)
    if key in lay.pairs:
        return lay.pairs[key]
    found: tuple[int, int] | None = None
    ids = _levels_in(lay, s, durations)
    for a, b in zip(ids, ids[1:], strict=False):
        qa = lay.qs[a]
        lo = max(lay.sentences[s][0], qa.start - 50)
        if (_same_scale(lay, a, b) and _FROM_BEFORE.search(lay.text[lo:qa.start])
                and _TO_GAP.search(gap(lay, a, b))):
            found = a, b
            break
    lay.pairs[key] = found
    return found


def _compared(lay: Layout, p: int) -> tuple[int, int] | None:
    """Before and after in the change's sentence: "300, up from 200", "было 200, стало 300"."""
    key = ("compared", lay.sent[p])  # the same for every change of the sentence: found once
    if key not in lay.pairs:
        lay.pairs[key] = _compared_in(lay, lay.sent[p])
    return lay.pairs[key]


def _compared_in(lay: Layout, sentence: int) -> tuple[int, int] | None:
    ids = lay.amounts_by_sentence.get(sentence, [])
    for b, a in zip(ids, ids[1:], strict=False):
        between = gap(lay, b, a)
        if not compatible(lay.qs[a], lay.qs[b]) or len(between) > COMPARE_GAP_CHARS:
            continue
        if re.search(r"[.;!?]", between):
            continue
        if _COMPARED_WITH.search(between):
            return a, b
        if _NOW_GAP.match(between) and _WAS_BEFORE.search(text_before(lay, b)):
            return b, a
        lo = max(lay.sentences[sentence][0], lay.qs[b].start - 20)
        if _BARE_FROM.search(between) and _TO_BEFORE.search(lay.text[lo:lay.qs[b].start]):
            return a, b
    return None


def _split_at(lay: Layout, p: int) -> tuple[int, list[int], int | None]:
    """Of the amounts of quantity ``p``'s sentence: how many end before it, the last two of
    those, and the first that starts after it (bisected when the amounts follow one another,
    as they do but in overlapping readings, so a sentence of many changes stays linear)."""
    s, qp = lay.sent[p], lay.qs[p]
    ids = lay.amounts_by_sentence.get(s, [])
    if lay.amounts_in_order.get(s, False):
        k_before = bisect_right(lay.amount_ends_by_sentence[s], qp.start)
        k_after = bisect_left(lay.amount_starts_by_sentence[s], qp.end)
        return (k_before, ids[max(0, k_before - 2):k_before],
                ids[k_after] if k_after < len(ids) else None)
    before = [j for j in ids if lay.qs[j].end <= qp.start]
    after = [j for j in ids if lay.qs[j].start >= qp.end]
    return len(before), before[-2:], after[0] if after else None


def _around(lay: Layout, p: int, checks: list[Check]) -> tuple[int, int] | None:
    """Before/after around the change in its sentence: "4,373, a five-fold increase from the
    887" or "2,738 ..., more than doubling to 5,760"."""
    _, before_p, nxt = _split_at(lay, p)
    if nxt is None:
        return None
    if before_p and _EARLIER_WHEN.match(lay.text, lay.qs[p].end, lay.qs[nxt].start):
        return nxt, before_p[-1]
    between = lay.text[lay.qs[p].end:lay.qs[nxt].start]
    if before_p and _TO_BEFORE.search(between) and not _COMPARE_BEFORE.match(between):
        return before_p[-1], nxt
    if not _COMPARE_BEFORE.match(between):
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
    prev = amounts_in(lay, lay.sent[p] - 1) if lay.sent[p] > 0 else []
    return (nxt, prev[0]) if prev else None


def _pair_then_change(lay: Layout, p: int) -> tuple[int, int, bool] | None:
    """Two figures joined by "and" right before a change: "1,000 a day in 2023 and 3,000 a day
    in 2024, a threefold increase". Before and after, and whether years place them in order."""
    ids = lay.amounts_by_sentence.get(lay.sent[p], [])
    n_before, before_p, _ = _split_at(lay, p)
    if n_before < 2 or n_before < len(ids):
        return None
    a, b = before_p[-2], before_p[-1]
    qa, qb = lay.qs[a], lay.qs[b]
    if not compatible(qa, qb) or not _APPOSITION_GAP.match(lay.text, qb.end, lay.qs[p].start):
        return None
    joint = gap(lay, a, b)
    if len(joint) > PAIR_GAP_CHARS or not _AND_GAP.search(joint):
        return None
    ya = _YEAR.findall(joint)
    yb = _YEAR.findall(lay.text, qb.end, lay.qs[p].start)
    if ya and yb and ya[-1] != yb[-1]:
        return (a, b, True) if ya[-1] < yb[-1] else (b, a, True)
    return a, b, False


def _loose_pair(lay: Layout, p: int) -> tuple[int, int] | None:
    """Two figures in the sentences after a bare change ("grew 1.5 times ... 343 ... 227")."""
    if lay.amounts_by_sentence.get(lay.sent[p]):
        return None
    last = min(lay.sent[p] + CHANGE_LOOKAHEAD_SENTENCES, len(lay.sentences) - 1)
    ids: list[int] = []  # only the first two are read
    for s in range(lay.sent[p] + 1, last + 1):
        ids.extend(lay.amounts_by_sentence.get(s, [])[:2 - len(ids)])
        if len(ids) >= 2:
            break
    if len(ids) < 2 or not compatible(lay.qs[ids[0]], lay.qs[ids[1]]):
        return None
    a, b = lay.qs[ids[0]], lay.qs[ids[1]]
    if lay.sent[ids[1]] - lay.sent[ids[0]] > 1:
        return None
    pa, pb = a.period_to or a.period_from, b.period_to or b.period_from
    if pa and pb and pa != pb:
        return (ids[0], ids[1]) if pa < pb else (ids[1], ids[0])
    return (ids[1], ids[0]) if a.value > b.value else (ids[0], ids[1])


def _as_endpoint(lay: Layout, i: int) -> Quantity:
    """The figure as an end point: the "до" of "с 200 до 300" is "to", not "up to"."""
    q = lay.qs[i]
    if q.approx == "at_most" and _TO_JUST_BEFORE.search(lay.text[max(0, q.start - 8):q.start]):
        return Quantity(q.start, q.end, q.text, q.value, q.kind, q.value_high, q.unit, "exact",
                        q.change, q.what, q.period_from, q.period_to, q.sources)
    return q


def _change_fits(qp: Quantity, before: Quantity, after: Quantity) -> tuple[bool, float]:
    ratio = interval_of(after) / interval_of(before)
    st = interval_of(qp)
    if qp.kind == "ratio":
        return ratio.overlaps(st), after.value / before.value
    moved = Interval(ratio.lo - 1, ratio.hi - 1).scale(100)
    if moved.lo < 0 < moved.hi:
        moved = Interval(0.0, max(-moved.lo, moved.hi))
    elif moved.hi <= 0:
        moved = Interval(-moved.hi, -moved.lo)
    return moved.overlaps(st), abs(after.value / before.value - 1) * 100


def _change_explanation(qp: Quantity, before: Quantity, after: Quantity, ok: bool,
                        actual: float) -> str:
    down = after.value < before.value
    if qp.kind == "ratio":
        said = f"{fmt(after.value)} is {actual:.2f} times {fmt(before.value)}"
    else:
        said = (f"from {fmt(before.value)} to {fmt(after.value)} is a "
                f"{'fall' if down else 'rise'} of {pct(actual)}")
    if ok:
        return f"{said}, which fits the stated {stated(qp)}"
    st = interval_of(qp)
    factor = st if qp.kind == "ratio" else (
        Interval(1 - st.hi / 100, 1 - st.lo / 100) if down
        else Interval(1 + st.lo / 100, 1 + st.hi / 100))
    expl = (f"{said}, not {stated(qp)}; that would need "
            f"{span_text(factor.scale(before.value))} after {fmt(before.value)}")
    if factor.lo > 0:
        expl += (f", or {span_text(Interval(after.value, after.value) / factor)} before "
                 f"{fmt(after.value)}")
    return expl


def percent_change_checks(lay: Layout) -> list[Check]:
    """One check per stated change whose before and after figures the words name."""
    checks: list[Check] = []
    dense = lay.dense
    for p, qp in enumerate(lay.qs):
        if not qp.change or not (qp.kind == "percent" or (qp.kind == "ratio" and qp.value >= 1)):
            continue
        if p in dense:
            continue
        loose = False
        pair = _from_to(lay, p) or _compared(lay, p) or _around(lay, p, checks)
        if pair is None:
            joined = _pair_then_change(lay, p)
            if joined is not None:
                pair, loose = (joined[0], joined[1]), not joined[2]
        if pair is None:
            pair, loose = _loose_pair(lay, p), True
        if pair is None:
            continue
        before, after = _as_endpoint(lay, pair[0]), _as_endpoint(lay, pair[1])
        ok, actual = _change_fits(qp, before, after)
        if loose and not ok:
            continue
        checks.append(Check("percent_change", "consistent" if ok else "inconsistent",
                            _change_explanation(qp, before, after, ok, actual),
                            percent=p, whole=pair[0], part=pair[1]))
    return checks
