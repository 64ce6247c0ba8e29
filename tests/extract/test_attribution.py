"""Attribution chains, counted things and periods attached to figures."""

from __future__ import annotations

from claimledger.extract.attribution import attach_context, extract_attributions, split_sentences
from claimledger.model import Document, Quantity, TimeExpr


def _q(text: str, surface: str, value: float, nth: int = 0, **kw: object) -> Quantity:
    start = -1
    for _ in range(nth + 1):
        start = text.index(surface, start + 1)
    return Quantity(start, start + len(surface), surface, value, **kw)  # type: ignore[arg-type]


def _t(text: str, surface: str, **kw: object) -> TimeExpr:
    start = text.index(surface)
    return TimeExpr(start, start + len(surface), surface, **kw)  # type: ignore[arg-type]


def _run(doc: Document, qs: list[Quantity], ts: list[TimeExpr] | None = None) -> list[Quantity]:
    return attach_context(doc, qs, ts or [], extract_attributions(doc))


def test_reports_citing_gives_an_outermost_first_chain() -> None:
    text = (
        "Army tribunals registered 4,120 files on absent soldiers, "
        "the Baltic Monitoring Office reports, "
        "citing a regional newspaper."
    )
    out = _run(Document(text), [_q(text, "4,120", 4120)])
    assert out[0].sources == ("Baltic Monitoring Office", "a regional newspaper")


def test_attribution_carries_over_to_the_next_sentence() -> None:
    text = (
        "According to the Veterans Registry, 900 drivers were called up. "
        "Of these, 310 were sent to the east."
    )
    out = _run(Document(text), [_q(text, "900", 900), _q(text, "310", 310)])
    assert out[0].sources == ("Veterans Registry",)
    assert out[1].sources == ("Veterans Registry",)


def test_outlet_naming_itself_is_its_own_voice() -> None:
    text = "As Harbour Courier previously reported, the port handled 75 ships."
    doc = Document(text, outlet="harbourcourier.example")
    out = _run(doc, [_q(text, "75", 75)])
    assert out[0].sources == ()


def test_unattributed_figure_has_no_sources() -> None:
    text = "The bridge is 300 metres long."
    assert _run(Document(text), [_q(text, "300", 300)])[0].sources == ()


def test_headline_prefix_names_the_source() -> None:
    text = "Coast guard: 12 boats seized near the delta\n\nThe seizures continued all week."
    out = _run(Document(text), [_q(text, "12", 12)])
    assert out[0].sources == ("Coast guard",)


def test_russian_cue_po_dannym() -> None:
    text = "По данным Счетной палаты, на ремонт потратили 500 миллионов рублей."
    out = _run(Document(text, language="ru"), [_q(text, "500 миллионов", 5e8)])
    assert out[0].sources == ("Счетной палаты",)


def test_backward_cue_covers_the_previous_paragraph() -> None:
    text = "За тиждень відремонтовано 40 мостів.\nПро це повідомляє Агентство відновлення."
    out = _run(Document(text, language="uk"), [_q(text, "40", 40)])
    assert out[0].sources == ("Агентство відновлення",)


def test_two_sources_in_one_sentence_go_to_the_nearest_figure() -> None:
    text = "While the mayor claims 80 shelters are ready, the inspectors reported only 45."
    out = _run(Document(text), [_q(text, "80", 80), _q(text, "45", 45)])
    assert out[0].sources == ("mayor",)
    assert out[1].sources == ("inspectors",)


def test_period_from_a_since_expression_in_the_sentence() -> None:
    text = "Since March 2023, the depot has shipped 2,000 crates."
    t = _t(text, "Since March 2023", type="period", from_="2023-03")
    out = _run(Document(text), [_q(text, "2,000", 2000)], [t])
    assert (out[0].period_from, out[0].period_to) == ("2023-03", None)


def test_month_scope_sets_both_ends_and_carries_over() -> None:
    text = "In June 2024 the clinic treated 610 patients. That is 20 a day."
    t = _t(text, "June 2024", value="2024-06")
    out = _run(Document(text), [_q(text, "610", 610), _q(text, "20", 20)], [t])
    assert (out[0].period_from, out[0].period_to) == ("2024-06", "2024-06")
    assert (out[1].period_from, out[1].period_to) == ("2024-06", "2024-06")


def test_as_of_date_is_the_end_of_a_cumulative_figure() -> None:
    text = "As of 3 May 2024, volunteers had planted 9,000 trees."
    t = _t(text, "3 May 2024", value="2024-05-03")
    out = _run(Document(text), [_q(text, "9,000", 9000)], [t])
    assert (out[0].period_from, out[0].period_to) == (None, "2024-05-03")


def test_what_is_the_noun_phrase_after_the_figure() -> None:
    text = "The ferry carried 230 passengers with reduced mobility."
    out = _run(Document(text), [_q(text, "230", 230)])
    assert out[0].what == "passengers with reduced mobility"


def test_what_of_a_list_item_is_its_label() -> None:
    text = "Totals:\n- bridges — 14\n- tunnels — 3"
    out = _run(Document(text), [_q(text, "14", 14), _q(text, "3", 3)])
    assert out[0].what == "bridges"
    assert out[1].what == "tunnels"


def test_attribution_offsets_match_their_text() -> None:
    text = (
        "Officials said 5 roads closed. Laut Polizei wurden 7 Autos beschädigt. Сообщает «Вестник»."
    )
    for a in extract_attributions(Document(text)):
        assert text[a.start : a.end] == a.text


def test_sentences_do_not_split_after_abbreviations() -> None:
    text = "Under Art. 337 of the code, 12 cases opened. Then more followed."
    spans = [text[s.start : s.end] for s in split_sentences(text)]
    assert spans[0].startswith("Under Art. 337") and len(spans) == 2


def test_odd_input_neither_raises_nor_leaves_the_text() -> None:
    for text in [
        "",
        "said said said",
        "according to",
        ":" * 500,
        "— — —\n\n\n",
        "a" * 5000 + " said",
    ]:
        doc = Document(text)
        for a in extract_attributions(doc):
            assert 0 <= a.start <= a.end <= len(text)
        assert attach_context(doc, [], [], []) == []


def test_citing_after_a_short_tail_extends_the_chain() -> None:
    text = (
        "Border guards stopped 640 lorries, the Customs Board said in its weekly note, "
        "citing a local trade paper."
    )
    out = _run(Document(text), [_q(text, "640", 640)])
    assert out[0].sources == ("Customs Board", "a local trade paper")


def test_reported_on_a_date_is_still_a_report() -> None:
    text = "The mill shipped 5,000 tonnes of grain, Radio Delta reported on Oct. 4."
    out = _run(Document(text), [_q(text, "5,000 tonnes", 5000)])
    assert out[0].sources == ("Radio Delta",)


def test_said_before_the_name_attributes_to_the_name() -> None:
    text = "The toll may be nearer 300 vehicles, said Anna Kovacs, an analyst at the institute."
    out = _run(Document(text), [_q(text, "300", 300)])
    assert out[0].sources == ("Anna Kovacs",)


def test_pronoun_source_continues_the_source_already_speaking() -> None:
    text = (
        "The Port Authority said 80 ships docked in May.\n"
        "According to them, 12 more are expected in June."
    )
    out = _run(Document(text), [_q(text, "80", 80), _q(text, "12", 12)])
    assert out[1].sources == ("Port Authority",)


def test_report_by_a_named_author_names_the_author() -> None:
    text = "A report posted online by the Grain Council stated that 70 silos were empty."
    out = _run(Document(text), [_q(text, "70", 70)])
    assert out[0].sources == ("Grain Council",)


def test_outlet_relaying_a_report_keeps_the_reports_source() -> None:
    text = (
        "According to the Grain Council, 70 silos were empty.\n"
        "The report, cited by Harbour Courier, estimates that 15 more will empty soon."
    )
    doc = Document(text, outlet="harbourcourier.example")
    out = _run(doc, [_q(text, "70", 70), _q(text, "15", 15)])
    assert out[1].sources == ("Grain Council",)


def test_dated_background_sentence_is_the_outlets_own_voice() -> None:
    text = (
        "According to the Grain Council, 70 silos were empty. "
        "In April 2021, parliament passed a law granting 3 million euros to farmers."
    )
    out = _run(Document(text), [_q(text, "70", 70), _q(text, "3 million", 3e6)])
    assert out[0].sources == ("Grain Council",)
    assert out[1].sources == ()


def test_read_more_line_ends_the_carried_attribution() -> None:
    text = "According to the Grain Council, 70 silos were empty.\nRead more: 40 barns burnt down"
    out = _run(Document(text), [_q(text, "70", 70), _q(text, "40", 40)])
    assert out[1].sources == ()


def test_clause_before_a_passive_verb_is_not_a_source() -> None:
    text = "These totals cannot be independently verified, and 45 claims remain open."
    out = _run(Document(text), [_q(text, "45", 45)])
    assert out[0].sources == ()
