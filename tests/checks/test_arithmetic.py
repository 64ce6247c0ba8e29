"""Arithmetic between figures of one report, on sentences written for these tests."""

from __future__ import annotations

from hypothesis import assume, given
from hypothesis import strategies as st
from runaway import RUNAWAY_SECONDS

from claimledger.checks.arithmetic import check_arithmetic
from claimledger.model import Check, Document, Quantity


def _doc(text: str) -> Document:
    return Document(text=text, id="t")


def _q(text: str, span: str, value: float, nth: int = 0, **kw: object) -> Quantity:
    start = -1
    for _ in range(nth + 1):
        start = text.index(span, start + 1)
    return Quantity(start=start, end=start + len(span), text=span, value=value,
                    **kw)  # type: ignore[arg-type]


def _only(checks: list[Check], kind: str) -> Check:
    found = [c for c in checks if c.kind == kind]
    assert len(found) == 1, checks
    return found[0]


TRIBUNAL = ("Tribunals in the region logged 12,400 complaints about unpaid wages since 2023. "
            "Of all those complaints, 9,300, or 75.0%, came from drivers. "
            "Of these complaints, 41.2% or 4,150 were settled.")


def _tribunal_quantities(text: str) -> list[Quantity]:
    return [
        _q(text, "12,400", 12400),
        _q(text, "9,300", 9300),
        _q(text, "75.0%", 75.0, kind="percent"),
        _q(text, "41.2%", 41.2, kind="percent"),
        _q(text, "4,150", 4150),
    ]


def test_part_restated_as_percentage_of_the_named_base_is_consistent() -> None:
    checks = check_arithmetic(_doc(TRIBUNAL), _tribunal_quantities(TRIBUNAL))
    first = next(c for c in checks if c.percent == 2)
    assert (first.status, first.part, first.whole) == ("consistent", 1, 0)


def test_percentage_of_the_base_named_by_of_these_is_inconsistent_and_explained() -> None:
    checks = check_arithmetic(_doc(TRIBUNAL), _tribunal_quantities(TRIBUNAL))
    broken = next(c for c in checks if c.percent == 3)
    assert (broken.status, broken.part, broken.whole) == ("inconsistent", 4, 1)
    # 41.2% of 9,300 is 3,832; 4,150 is 44.6% of 9,300 and 33.5% of 12,400
    assert "3,832" in broken.explanation and "4,150" in broken.explanation
    assert "44.6%" in broken.explanation and "12,400" in broken.explanation


def test_fraction_in_words_with_the_whole_after_of_and_the_part_before() -> None:
    text = ("Volunteers reported more than 2,000 damaged homes. "
            "This figure is about a third of the 6,500 homes in the district.")
    qs = [_q(text, "2,000", 2000, approx="over"),
          _q(text, "a third", 0.3333, kind="ratio", approx="about"),
          _q(text, "6,500", 6500)]
    check = _only(check_arithmetic(_doc(text), qs), "percent_of")
    assert (check.status, check.percent, check.part, check.whole) == ("consistent", 1, 0, 2)


def test_percentage_with_no_base_that_fits_one_candidate_but_not_another_is_ambiguous() -> None:
    text = ("The depot held 5,000 shells in spring and 8,000 shells in summer; "
            "2,000 shells, or 25%, were later moved.")
    qs = [_q(text, "5,000", 5000), _q(text, "8,000", 8000), _q(text, "2,000", 2000),
          _q(text, "25%", 25.0, kind="percent")]
    check = _only(check_arithmetic(_doc(text), qs), "percent_of")
    assert check.status == "ambiguous" and check.whole == 1


def test_percentage_without_part_or_whole_is_not_checked() -> None:
    text = "Traffic on the line rose by 40% after the bridge reopened, officials said."
    qs = [_q(text, "40%", 40.0, kind="percent", change=True)]
    assert check_arithmetic(_doc(text), qs) == []


def test_percent_change_from_to_within_about() -> None:
    text = ("Daily shelling fell by around 20 per cent. "
            "Monitors counted a drop from an average of 450 strikes a day to 370.")
    qs = [_q(text, "20 per cent", 20, kind="percent", approx="about", change=True),
          _q(text, "450", 450), _q(text, "370", 370)]
    check = _only(check_arithmetic(_doc(text), qs), "percent_change")
    assert (check.status, check.whole, check.part) == ("consistent", 1, 2)


def test_multiplier_outside_its_rounding_is_inconsistent_and_names_what_would_fit() -> None:
    text = "In 2024, 3,100 recruits signed up, a four-fold increase from the 1,000 of 2022."
    qs = [_q(text, "3,100", 3100), _q(text, "four-fold", 4, kind="ratio", change=True),
          _q(text, "1,000", 1000)]
    check = _only(check_arithmetic(_doc(text), qs), "percent_change")
    assert (check.status, check.whole, check.part) == ("inconsistent", 2, 0)
    assert "3.10 times" in check.explanation and "3,500–4,500" in check.explanation


def test_breakdown_that_adds_up_is_a_consistent_sum() -> None:
    text = ("The agency registered 1,250 claims last year. Of those, 700 were approved, "
            "350 rejected and 200 withdrawn.")
    qs = [_q(text, "1,250", 1250), _q(text, "700", 700), _q(text, "350", 350),
          _q(text, "200", 200)]
    check = _only(check_arithmetic(_doc(text), qs), "sum")
    assert (check.status, check.whole, check.parts) == ("consistent", 0, (1, 2, 3))


def test_breakdown_one_digit_off_its_total_is_inconsistent() -> None:
    text = ("The agency registered 1,850 claims last year. Of those, 700 were approved, "
            "350 rejected and 200 withdrawn.")
    qs = [_q(text, "1,850", 1850), _q(text, "700", 700), _q(text, "350", 350),
          _q(text, "200", 200)]
    check = _only(check_arithmetic(_doc(text), qs), "sum")
    assert check.status == "inconsistent"
    assert "1,250" in check.explanation


def test_list_that_says_it_is_partial_is_not_an_error() -> None:
    text = ("The agency registered 1,850 claims last year. Of those, 700 were approved "
            "and 350 rejected; the remainder are pending.")
    qs = [_q(text, "1,850", 1850), _q(text, "700", 700), _q(text, "350", 350)]
    assert [c for c in check_arithmetic(_doc(text), qs) if c.status == "inconsistent"] == []


def test_list_after_a_further_figure_is_not_a_breakdown() -> None:
    text = ("Observers confirmed 900 lost trucks. They also saw a further 300 trucks "
            "captured, 45 damaged and 20 abandoned.")
    qs = [_q(text, "900", 900), _q(text, "300", 300), _q(text, "45", 45), _q(text, "20", 20)]
    assert check_arithmetic(_doc(text), qs) == []


def test_increment_against_the_earlier_total() -> None:
    text = ("On Monday the count stood at 10,400. By Tuesday it reached 10,650 (+250).")
    qs = [_q(text, "10,400", 10400), _q(text, "10,650", 10650),
          _q(text, "+250", 250, change=True)]
    check = _only(check_arithmetic(_doc(text), qs), "change")
    assert (check.status, check.part, check.whole, check.parts) == ("consistent", 2, 1, (0,))


def test_increment_against_a_named_earlier_total_that_does_not_fit() -> None:
    text = ("The count rose from 10,400 on Monday. By Tuesday it reached 10,650 (+350).")
    qs = [_q(text, "10,400", 10400), _q(text, "10,650", 10650),
          _q(text, "+350", 350, change=True)]
    check = _only(check_arithmetic(_doc(text), qs), "change")
    assert check.status == "inconsistent" and "10,300" in check.explanation


def test_no_quantities_no_checks() -> None:
    assert check_arithmetic(_doc("Nothing to count here."), []) == []


@given(st.integers(min_value=2, max_value=9999), st.integers(min_value=1, max_value=999))
def test_stated_percentage_rounded_from_the_figures_is_always_consistent(
    whole_extra: int, part: int
) -> None:
    whole = part + whole_extra
    pct = round(part / whole * 100, 1)
    assume(pct > 0)
    head = f"Inspectors opened {whole:,} files. Of all those files, "
    text = head + f"{part:,}, or {pct}%, were closed."
    start = len(head)
    qs = [_q(text, f"{whole:,}", whole),
          Quantity(start=start, end=start + len(f"{part:,}"), text=f"{part:,}", value=part),
          _q(text, f"{pct}%", pct, kind="percent")]
    check = _only(check_arithmetic(_doc(text), qs), "percent_of")
    assert check.status == "consistent"


@given(st.integers(min_value=10, max_value=5000), st.integers(min_value=10, max_value=5000),
       st.integers(min_value=10, max_value=5000))
def test_sum_of_three_listed_parts_is_consistent_with_their_exact_total(
    a: int, b: int, c: int
) -> None:
    t = a + b + c
    text = (f"Crews cleared {t:,} mines. Of those, {a:,} were in fields, {b:,} in woods "
            f"and {c:,} on roads.")
    spans = [f"{t:,}", f"{a:,}", f"{b:,}", f"{c:,}"]
    qs, pos = [], 0
    for span, value in zip(spans, (t, a, b, c), strict=True):
        start = text.index(span, pos)
        qs.append(Quantity(start=start, end=start + len(span), text=span, value=value))
        pos = start + len(span)
    check = _only(check_arithmetic(_doc(text), qs), "sum")
    assert check.status == "consistent" and check.parts == (1, 2, 3)


@given(st.text(alphabet="0123456789 ,.;:()%+-–—ofthemwhoиз нихdavonin allвсегоto from\n",
               max_size=300))
def test_any_text_with_figures_never_raises(text: str) -> None:
    import re

    qs = [Quantity(start=m.start(), end=m.end(), text=m.group(), value=float(len(m.group())),
                   kind="percent" if "%" in text[m.end():m.end() + 1] else "count",
                   change=text[max(0, m.start() - 1):m.start()] == "+")
          for m in re.finditer(r"\d+", text)]
    check_arithmetic(_doc(text), qs)


def test_long_wordy_text_is_checked_quickly() -> None:
    import time

    text = ("of them, or " * 2000 + "1,000 " + "a " * 5000 + "(+5) in all, " * 500)
    qs = [_q(text, "1,000", 1000)]
    start = time.perf_counter()
    check_arithmetic(_doc(text), qs)
    assert time.perf_counter() - start < RUNAWAY_SECONDS
