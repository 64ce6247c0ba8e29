"""What a figure counts: the phrase after it, the clause before it, and references back."""

from __future__ import annotations

from claimledger.extract.attribution import split_sentences
from claimledger.extract.what import find_what
from claimledger.model import Quantity


def _whats(text: str, *surfaces: str) -> list[str | None]:
    quantities = []
    pos = 0
    for surface in surfaces:
        start = text.index(surface, pos)
        quantities.append(Quantity(start, start + len(surface), surface, 1.0))
        pos = start + len(surface)
    sentences = [(s.start, s.end, s.paragraph) for s in split_sentences(text)]
    return find_what(text, quantities, sentences)


def test_phrase_after_the_figure_runs_to_the_clause_boundary() -> None:
    text = "Harbour police impounded 412 fishing boats without a licence, officials said."
    assert _whats(text, "412") == ["fishing boats without a licence"]


def test_bare_counted_noun_is_completed_by_its_clause() -> None:
    text = "The rebels have captured 37 trucks."
    assert _whats(text, "37") == ["trucks rebels have captured"]


def test_figure_joined_by_or_shares_the_counted_thing() -> None:
    text = "Of all registered ferries, 310, or 41%, were idle in winter."
    whats = _whats(text, "310", "41%")
    assert whats[0] == whats[1]
    assert whats[0] is not None and "ferries" in whats[0]


def test_these_resolves_to_the_earlier_phrase_with_the_same_noun() -> None:
    text = (
        "Inspectors opened 900 files on unpaid harbour fees in the spring. "
        "Of these files, 120 were closed."
    )
    whats = _whats(text, "900", "120")
    assert whats[0] is not None and whats[0].startswith("files on unpaid harbour fees")
    assert whats[1] == whats[0]


def test_list_item_stops_before_the_next_figure() -> None:
    text = "The depot lost 12 cranes and 7 forklifts."
    first = _whats(text, "12", "7")[0]
    assert first is not None and first.startswith("cranes")
    assert "forklifts" not in first


def test_time_words_after_the_figure_take_the_thing_named_before() -> None:
    text = "Average arrivals of cargo ships reached 40 per day."
    what = _whats(text, "40")[0]
    assert what is not None and what.startswith("Average arrivals of cargo ships")
    assert what.endswith("per day")


def test_figure_with_no_words_around_it_has_no_what() -> None:
    assert _whats("2,500.", "2,500") == [None]
