"""Fuzzing the extraction stages and the checks: arbitrary text and ``published`` values never
raise, never hang, and every record's offsets point at its own text.

The default run is quick (a moderate number of derandomized examples); the ``slow`` run tries
many more. Pathological inputs aimed at regex backtracking are run as fixed cases.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claimledger.checks.arithmetic import check_arithmetic
from claimledger.extract.attribution import attach_context, extract_attributions, split_sentences
from claimledger.extract.dates import event_date, parse_published
from claimledger.extract.hedges import extract_hedges
from claimledger.extract.language import LANGUAGES_BY_SCRIPT, detect_language
from claimledger.extract.numbers import decimals_of, parse_digits, parse_words
from claimledger.extract.quantities import extract_quantities
from claimledger.extract.times import extract_times
from claimledger.lexicon import LANGUAGES as LEXICON_LANGUAGES
from claimledger.model import Analysis, Document
from claimledger.pipeline import analyze_document

TIME_BOUND_S = 2.0  # per document of at most MAX_TEXT chars: a hang detector, not a benchmark
MAX_TEXT = 20_000
LANGUAGES = (None, "en", "ru", "uk", "de")

FAST = settings(max_examples=150, deadline=None, derandomize=True,
                suppress_health_check=[HealthCheck.too_slow])
LONG = settings(max_examples=2500, deadline=None, derandomize=True,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

# Pieces that steer the generator towards what the parsers look for.
TOKENS = (
    "1", "12", "1,200", "1.5", "3 400", "3\u00a0400", "3\u202f400", "2\u2009000", "0,5", "-7",
    "+880", "−12", "½", "%", " per cent", " percent", " million", " bn", "$3m", "£2.5bn", "€",
    " тысяч", " млн", " тис.", " Millionen", " of them", " of whom", ", or ", " from ", " to ",
    " up from ", " in all", "(", ")", "[", "]", "«", "»", "\"", "“", "”", " — ", "–", "-", ". ",
    ", ", "; ", ":", "\n", "\n\n", " ", "\u00a0", "\u2009", "\u202f", "\u3000", "\t",
    " said ", " according to ", " citing ", " reported", " сообщил ", " за даними ", " laut ",
    " likely ", " probably ", " almost certainly ", " вероятно ", " May 2024", " 24 February",
    " last year", " on Monday", " yesterday", " since the full-scale invasion", " 2022–2023",
    " 12.03.2024", " в мае", " минулого тижня", " im März", " Q3", " H1 2023", "Ukraine",
    " officials", " people", " civilians", " killed", " wounded", " Генштаб", " ЗСУ",
    " Ministry of Defence", " UN", " half", " a third", " two thousand", " двадцать",
)
_alphabet = st.characters(
    codec="utf-8",
    categories=("L", "N", "P", "S", "Z", "Cc"),
    exclude_characters="\x00",
)
texts = st.lists(
    st.one_of(st.sampled_from(TOKENS), st.text(_alphabet, max_size=12),
              st.text("0123456789,. \u00a0'", max_size=30)),
    max_size=80,
).map("".join)
iso_dates = st.dates(min_value=dt.date(1, 1, 1), max_value=dt.date(9999, 12, 31)).map(str)
publisheds = st.one_of(
    st.none(), iso_dates, st.text(max_size=30),
    st.sampled_from(["", "2024-02-30", "0000-00-00", "2024-13-01", "9999-99-99", "2024-05",
                     "2024-05-01T12:00:00+03:00", "１２３４-05-06", "2024-05-01\n"]),
)


def _timed(fn: Callable[[], Any], what: str, n_chars: int) -> Any:
    t0 = time.perf_counter()
    result = fn()
    took = time.perf_counter() - t0
    assert took < TIME_BOUND_S, f"{what} took {took:.2f} s on {n_chars} chars"
    return result


def _check_offsets(text: str, analysis: Analysis) -> None:
    records: list[Any] = [*analysis.quantities, *analysis.times, *analysis.hedges,
                          *analysis.attributions]
    for r in records:
        assert 0 <= r.start <= r.end <= len(text), (type(r).__name__, r.start, r.end, len(text))
        assert text[r.start:r.end] == r.text, (type(r).__name__, r)
    n_q = len(analysis.quantities)
    for c in analysis.checks:
        for i in (c.percent, c.part, c.whole, *c.parts):
            assert i is None or 0 <= i < n_q, (c, n_q)


def _analyze(text: str, published: str | None, language: str | None) -> Analysis:
    doc = Document(text=text, published=published, language=language)
    analysis = _timed(lambda: analyze_document(doc), "analyze_document", len(text))
    assert isinstance(analysis, Analysis)
    _check_offsets(text, analysis)
    return analysis


def _stages(text: str, published: str | None, language: str | None) -> None:
    """Every stage run on its own, each within the bound."""
    doc = Document(text=text, published=published, language=language or detect_language(text))
    n = len(text)
    quantities = _timed(lambda: extract_quantities(doc), "extract_quantities", n)
    times = _timed(lambda: extract_times(doc), "extract_times", n)
    hedges = _timed(lambda: extract_hedges(doc), "extract_hedges", n)
    attributions = _timed(lambda: extract_attributions(doc), "extract_attributions", n)
    sentences = _timed(lambda: split_sentences(text), "split_sentences", n)
    assert all(0 <= s.start <= s.end <= n for s in sentences)
    full = _timed(lambda: attach_context(doc, quantities, times, attributions),
                  "attach_context", n)
    assert len(full) == len(quantities)
    assert [(q.start, q.end) for q in full] == [(q.start, q.end) for q in quantities]
    checks = _timed(lambda: check_arithmetic(doc, full), "check_arithmetic", n)
    _check_offsets(text, Analysis(doc, tuple(full), tuple(times), tuple(hedges),
                                  tuple(attributions), tuple(checks)))


# ------------------------------------------------------------------------- properties


@FAST
@given(text=texts, published=publisheds, language=st.sampled_from(LANGUAGES))
def test_analyze_document_never_raises_and_offsets_hold(
    text: str, published: str | None, language: str | None
) -> None:
    _analyze(text, published, language)


@FAST
@given(text=texts, published=publisheds, language=st.sampled_from(LANGUAGES))
def test_each_stage_never_raises(text: str, published: str | None, language: str | None) -> None:
    _stages(text, published, language)


@FAST
@given(text=st.text(max_size=400), published=publisheds)
def test_arbitrary_unicode_text(text: str, published: str | None) -> None:
    _analyze(text, published, None)


@FAST
@given(raw=st.one_of(st.text(max_size=60), st.text("0123456789,.+-−  \u00a0\u2009½¾", max_size=60)),
       language=st.sampled_from(LANGUAGES))
def test_number_parsers_never_raise(raw: str, language: str | None) -> None:
    value = parse_digits(raw, language)
    assert value is None or isinstance(value, float)
    assert decimals_of(raw, language) >= 0
    for lang in ("en", "ru", "uk", "de"):
        got = parse_words(raw.split(), lang)
        assert got is None or (isinstance(got[0], float) and got[1] >= 1)


@FAST
@given(published=publisheds, phrase=st.text(max_size=80))
def test_date_parsers_never_raise(published: str | None, phrase: str) -> None:
    parsed = parse_published(published)
    assert parsed is None or isinstance(parsed, dt.date)
    event_date(phrase)
    # one of ours, or the language of a script without a lexicon here (issue 15)
    assert detect_language(phrase) in (*LEXICON_LANGUAGES, *LANGUAGES_BY_SCRIPT)


@pytest.mark.slow
@LONG
@given(text=texts, published=publisheds, language=st.sampled_from(LANGUAGES))
def test_long_fuzz_run(text: str, published: str | None, language: str | None) -> None:
    _analyze(text, published, language)
    _stages(text, published, language)


@pytest.mark.slow
@settings(max_examples=60, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(parts=st.lists(texts, min_size=20, max_size=60), published=publisheds)
def test_long_documents_within_bound(parts: list[str], published: str | None) -> None:
    text = " ".join(parts)[:MAX_TEXT]
    _analyze(text, published, None)


# ----------------------------------------------------------------- pathological inputs

PATHOLOGICAL: dict[str, str] = {
    "comma-run": "1," * 5000,
    "dot-run": "1." * 10000,
    "dash-run": "1-" * 10000,
    "cyrillic-run": "а" * 100_000,
    "cyrillic-words": "тысяча " * 2800,
    "digit-run": "9" * 100_000,
    "digit-run-in-words": "Officials said " + "7" * 19_000 + " people left.",
    "space-run": "Officials said" + " " * 100_000 + "5 people left.",
    "newline-run": "1\n" * 600 + "\n" * 15_000,
    "paren-nest": "(" * 5000 + "5" + ")" * 5000,
    "bracket-nest": "[(«" * 3000 + "12 people" + "»)]" * 3000,
    "quote-run": '"' * 20_000,
    "period-run": ". " * 10_000,
    "punct-run": ",.;:!?-–—" * 2200,
    "according-run": "according to " * 1500,
    "citing-chain": "Reuters reported, citing " * 700 + "officials, that 5 died.",
    "month-run": "May " * 5000,
    "year-run": "2024 " * 200,
    "hedge-run": "likely " * 2800,
    "sentences-of-figures": "Officials said 1,200 people left, 25% of them children. " * 200,
    "figures-in-lines": "".join(f"{i}\n" for i in range(1500)),
    "percent-of": "10% of 200 people. " * 300,
    "tab-run-before-figure": "\t" * 20_000 + "12%",
    "nbsp-run-in-number": "1" + "\u00a0" * 19_000 + "000",
    "thin-space-run-in-number": "1" + "\u2009" * 19_000 + "000",
}


@pytest.mark.parametrize("name", sorted(PATHOLOGICAL))
@pytest.mark.parametrize("language", [None, "ru"])
def test_pathological_inputs_finish(name: str, language: str | None) -> None:
    text = PATHOLOGICAL[name]
    _analyze(text, "2024-05-01", language)
