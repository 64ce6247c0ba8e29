"""What a figure counts: the phrase after it, the clause before it, and references back."""

from __future__ import annotations

from claimledger.extract.attribution import split_sentences
from claimledger.extract.what import find_what
from claimledger.model import Kind, Quantity


def _whats(text: str, *surfaces: str, kind: Kind = "count") -> list[str | None]:
    quantities = []
    pos = 0
    for surface in surfaces:
        start = text.index(surface, pos)
        quantities.append(Quantity(start, start + len(surface), surface, 1.0, kind=kind))
        pos = start + len(surface)
    sentences = [(s.start, s.end, s.paragraph) for s in split_sentences(text)]
    return find_what(text, quantities, sentences)


def test_phrase_after_the_figure_runs_to_the_clause_boundary() -> None:
    text = "Harbour police impounded 412 fishing boats without a licence, officials said."
    assert _whats(text, "412") == ["fishing boats without a licence"]


def test_bare_counted_noun_is_completed_by_its_subject_and_verb() -> None:
    text = "The rebels have captured 37 trucks."
    assert _whats(text, "37") == ["trucks rebels captured"]


def test_governing_clause_is_taken_after_a_reporting_verb() -> None:
    text = "The mayor's office said that the flood has destroyed 64 bridges."
    assert _whats(text, "64") == ["bridges flood destroyed"]


def test_figure_joined_by_or_shares_the_counted_thing() -> None:
    text = "Of all registered ferries, 310, or 41%, were idle in winter."
    whats = _whats(text, "310", "41%")
    assert whats[0] == whats[1]
    assert whats[0] is not None and "ferries" in whats[0]


def test_these_resolves_to_the_earlier_phrase_and_keeps_the_predicate() -> None:
    text = (
        "Inspectors opened 900 files on unpaid harbour fees last spring. "
        "Of these files, 120 were closed."
    )
    whats = _whats(text, "900", "120")
    assert whats[0] == "files on unpaid harbour fees"
    assert whats[1] == "files on unpaid harbour fees closed"


def test_list_items_each_keep_their_own_noun() -> None:
    text = "The storm sank nine yachts, three ferries, 41 dinghies and a tug."
    whats = _whats(text, "nine", "three", "41")
    assert whats == ["yachts storm sank", "ferries storm sank", "dinghies storm sank"]


def test_list_item_never_takes_the_previous_item() -> None:
    text = "Customs seized 2,310 crates, 57 pallets of tyres, and 8 vans."
    whats = _whats(text, "2,310", "57", "8")
    assert whats[0] is not None and whats[0].startswith("crates")
    assert whats[1] is not None and whats[1].startswith("pallets of tyres")
    assert "crates" not in whats[1]
    assert whats[2] is not None and "pallets" not in whats[2] and "including" not in whats[0]


def test_list_of_participles_shares_the_first_noun() -> None:
    text = "In all, 700 buoys were lost, 95 damaged, and 30 recovered by divers."
    whats = _whats(text, "700", "95", "30")
    assert whats == ["buoys lost", "buoys damaged", "buoys recovered by divers"]


def test_list_item_stops_before_the_next_figure() -> None:
    text = "The depot lost 12 cranes and 7 forklifts."
    first = _whats(text, "12", "7")[0]
    assert first is not None and first.startswith("cranes")
    assert "forklifts" not in first


def test_phrase_after_stops_at_including() -> None:
    text = "The port handled 5,000 containers including 300 reefers."
    first = _whats(text, "5,000", "300")[0]
    assert first is not None and first.startswith("containers")
    assert "including" not in first


def test_clause_joined_by_and_is_not_what_a_duration_lasts() -> None:
    text = "A trainee can fly solo within 30 days and may receive only 6 days of simulator work."
    whats = _whats(text, "30 days", "6 days", kind="duration")
    assert whats[0] is not None and "simulator" not in whats[0] and "receive" not in whats[0]
    assert whats[1] == "days of simulator work"


def test_adjectival_figure_names_only_the_noun_it_modifies() -> None:
    text = "Smuggling is an offence which can now bring a 12-year prison term."
    assert _whats(text, "12-year", kind="duration") == ["prison term"]


def test_passive_after_the_figure_is_reduced_to_its_participle() -> None:
    text = "Since the spring, 4,100 parcels have been returned to senders."
    assert _whats(text, "4,100") == ["parcels returned to senders"]


def test_date_ends_the_phrase_after_the_figure() -> None:
    text = "The ministry counted 880 complaints on 3 March and closed the hotline."
    assert _whats(text, "880") == ["complaints ministry counted"]


def test_copula_takes_the_subject_before_the_figure() -> None:
    text = "The repair costs of the northern dam since the flood would amount to 3,200."
    assert _whats(text, "3,200") == ["repair costs of the northern dam"]


def test_russian_ukrainian_and_german_counted_nouns() -> None:
    assert _whats("Армия уничтожила 20 танков.", "20")[0] == "танков Армия уничтожила"
    assert _whats("Втрати ворога склали 1 200 осіб.", "1 200")[0] == "осіб Втрати ворога"
    assert _whats("Russland verlor 1.000 Panzer.", "1.000")[0] == "Panzer Russland verlor"


def test_time_words_after_the_figure_take_the_thing_named_before() -> None:
    text = "Average arrivals of cargo ships reached 40 per day."
    what = _whats(text, "40")[0]
    assert what is not None and what.startswith("Average arrivals of cargo ships")
    assert what.endswith("per day")


def test_figure_with_no_words_around_it_has_no_what() -> None:
    assert _whats("2,500.", "2,500") == [None]
