"""The scope and aggregation of a figure's frame (checks.frames, checks.across): one day's
increments written as added to a count already told, a month's count, a stock before the war,
counts limited to what is documented, figures counted over the same period as the figure
before them, and the claims that relays of one statement form. Own sentences in en/ru/uk/de,
with near misses that must not match."""

from __future__ import annotations

import re
from dataclasses import replace

import pytest

from claimledger.checks.across import link_figures
from claimledger.checks.frames import (
    added_before,
    added_in_clause,
    clause_of,
    facet_of,
    figure_tail,
    frame_of,
    list_clause_of,
    method_of,
    several_offences,
    stage_of,
)
from claimledger.checks.metrics import Metric
from claimledger.store.base import ClaimRow

NO_METRICS: list[Metric] = []
_NUMBER = re.compile(
    r"\d[\d ,.]*\d|\d|чотири|четыре|шість|шесть|п'ять|пять|eight|vier|two|сім|семь")
_BASE = ClaimRow(
    doc_id="r1", index=0, start=0, end=1, text="1", value=1, value_high=None, kind="count",
    unit=None, approx="exact", change=False, what="tanks", period_from=None, period_to=None,
    sources=(), canonical_sources=(), metric=None, outlet="a.example", published="2024-05-02",
    url=None, title=None,
)


def _frame_at(sentence: str, nth: int, what: str, **changes: object):  # type: ignore[no-untyped-def]
    """The frame of the ``nth`` number of ``sentence``, read as link_figures reads it."""
    spans = [m.span() for m in _NUMBER.finditer(sentence)]
    start, end = spans[nth]
    c = replace(_BASE, start=start, end=end, text=sentence[start:end], what=what,
                **changes)  # type: ignore[arg-type]
    return frame_of(c, clause_of(sentence, start, end, spans), NO_METRICS,
                    list_clause_of(sentence, start, end, spans),
                    added_in_clause(sentence, start, end, spans))


# --- one day's increment written as added to the total ("ще 1 100") ----------------------


@pytest.mark.parametrize(
    ("sentence", "nth"),
    [
        ("Армія рф втратила ще 1 100 військових убитими й пораненими.", 0),
        ("Оборонці знищили ще сім танків, 12 броньованих машин та 20 артсистем.", 2),
        ("Россия потеряла еще 980 солдат и шесть танков.", 1),
        ("Шість танків і ще понад 1 300 окупантів: оновлені втрати ворога", 0),
        ("Війська рф втратили ще майже 1 000 солдатів.", 0),
        ("Противник лишился еще около 40 артсистем.", 0),
    ],
)
def test_a_figure_added_to_the_told_count_is_an_increment(sentence: str, nth: int) -> None:
    frame = _frame_at(sentence, nth, "tanks")
    assert frame is not None and frame.aggregation == "increment"


@pytest.mark.parametrize(
    ("sentence", "nth"),
    [
        # "ще" as "still" or "back in", not before the figure
        ("Росія ще має 3 000 танків на складах.", 0),
        ("Ще у травні армія втратила 9 000 танків від початку вторгнення.", 0),
        # a total before a comma, the added day after it
        ("Загалом знищено 9 100 танків, ще сім за добу.", 0),
        # English and German "another" / "weitere" add a category, not a day
        ("Of these, 600 were destroyed. Another 2,400 were captured.", 1),
        ("Weitere 2.400 Fahrzeuge wurden erbeutet.", 0),
        ("Russia has lost 9,100 tanks and another 18,000 armoured vehicles.", 1),
    ],
)
def test_no_added_cue_no_increment(sentence: str, nth: int) -> None:
    frame = _frame_at(sentence, nth, "tanks")
    assert frame is not None and frame.aggregation != "increment"


def test_an_added_sub_count_of_a_tally_stays_in_its_facet() -> None:
    sentence = "З них 600 знищено, ще 2 400 машин захоплено."
    frame = _frame_at(sentence, 1, "машин захоплено")
    assert frame is not None and frame.scope == "facet:captured"
    assert frame.aggregation != "increment"


@pytest.mark.parametrize(
    ("before", "added"),
    [("ще ", True), ("еще ", True), ("ще понад ", True), ("ещё более ", True),
     ("щей ", False), ("вище ", False), ("another ", False), ("ще не ", False)],
)
def test_added_before_reads_the_words_right_before_a_figure(before: str, added: bool) -> None:
    text = f"Армія втратила {before}1 200 солдатів."
    assert added_before(text, text.index("1 200")) is added


# --- one day in other words -----------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "Russia lost 1,200 troops in just 24 hours, the General Staff said.",
        "Within 24 hours the army lost 1,200 soldiers.",
        "Innerhalb von 24 Stunden verlor die Armee 1.200 Soldaten.",
        "Russia lost 1,200 soldiers in a day.",
    ],
)
def test_twenty_four_hours_is_one_day(sentence: str) -> None:
    figure = "1,200" if "1,200" in sentence else "1.200"
    nth = 1 if "24" in sentence[:sentence.index(figure)] else 0
    frame = _frame_at(sentence, nth, "soldiers")
    assert frame is not None and frame.aggregation == "increment"


@pytest.mark.parametrize(
    "sentence",
    [
        "Russia has lost 9,100 tanks on any day you count them.",
        "The army has lost 9,100 tanks since 2022, a record.",
        "Die Armee hat 9.100 Panzer verloren, ein Rekord.",
    ],
)
def test_a_short_cue_word_matches_only_itself(sentence: str) -> None:
    frame = _frame_at(sentence, 0, "tanks")
    assert frame is not None and frame.aggregation != "increment"


# --- a month's count and a stock before the war -------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "May was the month with the highest tank losses, 430 in all.",
        "За месяц армия потеряла 430 танков.",
        "За місяць армія втратила 430 танків.",
        "Im Monat verlor die Armee 430 Panzer.",
    ],
)
def test_a_months_count_is_a_figure_for_one_month(sentence: str) -> None:
    frame = _frame_at(sentence, 0, "tanks")
    assert frame is not None and frame.aggregation == "per:month"


@pytest.mark.parametrize(
    "sentence",
    [
        "Russia started the war with about 3,000 operational tanks.",
        "До войны у России было 3 000 боеготовых танков.",
        "Перед війною Росія мала 3 000 боєздатних танків.",
        "Vor dem Krieg hatte Russland 3.000 einsatzbereite Panzer.",
    ],
)
def test_a_stock_before_the_war_is_no_loss_total(sentence: str) -> None:
    frame = _frame_at(sentence, 0, "tanks")
    assert frame is not None and frame.aggregation == "prewar"


@pytest.mark.parametrize(
    "sentence",
    [
        "Since the start of the war Russia has lost 3,000 tanks.",
        "На 1000-ту добу війни Росія втратила 3 000 танків.",
        "С начала войны Россия потеряла 3 000 танков.",
        "Seit Kriegsbeginn verlor Russland 3.000 Panzer.",
    ],
)
def test_the_start_of_the_war_is_no_stock_before_it(sentence: str) -> None:
    frame = _frame_at(sentence, 1 if sentence.startswith("На") else 0, "tanks")
    assert frame is not None and frame.aggregation != "prewar"


# --- counts limited to what is documented ------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "Russia is visually confirmed to have lost 3,900 tanks.",
        "Потери России визуально подтверждены: 3 900 танков.",
        "Візуально підтверджено втрату 3 900 російських танків.",
        "Russland hat visuell bestätigt 3.900 Panzer verloren.",
        "Журналисты установили имена 60 000 погибших военных.",
        "Журналісти встановили імена 60 000 загиблих військових.",
        "Namentlich bekannt sind 60.000 getötete Soldaten.",
        "Reporters have identified by name 60,000 dead soldiers.",
        "Журналистам удалось установить личности 60 000 погибших.",
        "Журналістам вдалося встановити особи 60 000 загиблих.",
        "Counting obituaries, reporters found 60,000 dead soldiers.",
        "Aus offenen Quellen sind 60.000 getötete Soldaten bekannt.",
    ],
)
def test_a_count_of_what_is_documented_has_its_own_scope(sentence: str) -> None:
    frame = _frame_at(sentence, 0, "tanks")
    assert frame is not None and frame.scope == "method:documented"


@pytest.mark.parametrize(
    "sentence",
    [
        "The General Staff says Russia has lost 9,100 tanks.",
        "Генштаб: Росія втратила 9 100 танків.",
        "Генштаб: Россия потеряла 9 100 танков.",
        "Der Generalstab meldet 9.100 zerstörte Panzer.",
        "The names of 9,100 towns were changed.",
    ],
)
def test_a_count_of_all_losses_has_no_method_scope(sentence: str) -> None:
    frame = _frame_at(sentence, 0, "tanks")
    assert frame is not None and frame.scope == ""


def test_a_source_that_counts_only_what_is_documented_gives_that_scope() -> None:
    oryx = replace(_BASE, sources=("Oryx blog",), canonical_sources=("Oryx",))
    staff = replace(_BASE, sources=("General Staff",), canonical_sources=("General Staff",))
    assert method_of(oryx, "") == "documented"
    assert method_of(staff, "") == ""


def test_a_documented_sub_count_keeps_both_scopes() -> None:
    frame = _frame_at("Russia is visually confirmed to have lost 540 tanks captured.", 0,
                      "tanks captured")
    assert frame is not None and frame.scope == "method:documented+captured"


@pytest.mark.parametrize(
    ("what", "facet"),
    [
        ("дела о самовольном оставлении части", ""),
        ("оставленные танки", "abandoned"),
        ("покинуті танки", "abandoned"),
    ],
)
def test_leaving_a_unit_is_no_abandoned_equipment(what: str, facet: str) -> None:
    assert facet_of(what) == facet


# --- across reports -------------------------------------------------------------------------


def _linked(items: list[tuple[str, str, str, dict[str, object]]],  # type: ignore[type-arg]
            metrics: list[Metric] = NO_METRICS) -> list:
    """Figures (doc, text, figure, changes) linked across reports ("540@2": the second)."""
    rows = []
    for n, (doc, text, written, changes) in enumerate(items):
        fig, _, nth = written.partition("@")
        start = -1
        for _ in range(int(nth or 1)):
            start = text.index(fig, start + 1)
        c = replace(_BASE, doc_id=doc, index=n, start=start, end=start + len(fig), text=fig,
                    **changes)  # type: ignore[arg-type]
        rows.append((c, text))
    return link_figures(rows, metrics, lambda _o: None)


def test_the_same_period_as_the_figure_before_is_its_aggregation() -> None:
    text = ("Over the past day the army lost 1,200 troops. During the same period it lost "
            "seven tanks and 30 drones.")
    items: list[tuple[str, str, str, dict[str, object]]] = [
        ("r1", text, "1,200", {"value": 1200, "what": "troops"}),
        ("r1", text, "30", {"value": 30, "what": "drones"}),
    ]
    day, drones = _linked(items)
    assert day.series.split("|")[1] == "increment"
    assert drones.series.split("|")[1] == "increment"


def test_the_same_period_said_before_a_comma_frames_the_sentences_figures() -> None:
    text = ("Over the past day the army lost 1,200 troops. In the report, during the same "
            "period, it also lost eight tanks, four rocket launchers and 30 drones.")
    items: list[tuple[str, str, str, dict[str, object]]] = [
        ("r1", text, "1,200", {"value": 1200, "what": "troops"}),
        ("r1", text, "30", {"value": 30, "what": "drones"}),
    ]
    _, drones = _linked(items)
    assert drones.series.split("|")[1] == "increment"


def test_without_the_same_period_a_later_figure_keeps_its_own_aggregation() -> None:
    text = ("Over the past day the army lost 1,200 troops. In all it has lost 9,100 tanks "
            "since February 2022.")
    items: list[tuple[str, str, str, dict[str, object]]] = [
        ("r1", text, "1,200", {"value": 1200, "what": "troops"}),
        ("r1", text, "9,100", {"value": 9100, "what": "tanks", "period_from": "2022-02"}),
    ]
    _, total = _linked(items)
    assert total.series.split("|")[1] == "since:2022-02"


# --- the start of a running total: the report's own, then its relays' -----------------------


@pytest.mark.parametrize(
    ("text", "whole", "part"),
    [
        ("Since September 2022 courts received 540 desertion cases. Most, 470 desertion cases, "
         "concern soldiers who fled.", "540", "470"),
        ("С сентября 2022 года суды получили 540 дел о дезертирстве. Большинство, 470 дел о "
         "дезертирстве, касаются оставления части.", "540", "470"),
        ("З вересня 2022 року суди отримали 540 справ про дезертирство. Більшість, 470 справ "
         "про дезертирство, стосуються залишення частини.", "540", "470"),
        ("Seit September 2022 erhielten Gerichte 540 Fälle von Fahnenflucht. Die meisten, 470 "
         "Fälle von Fahnenflucht, betreffen das Verlassen der Einheit.", "540", "470"),
    ],
)
def test_a_total_without_a_start_takes_the_start_its_report_states(
    text: str, whole: str, part: str
) -> None:
    what = {"540": "desertion cases", "470": "desertion cases"}
    elsewhere = "Since February 2022 courts received 20,000 desertion cases in all."
    items: list[tuple[str, str, str, dict[str, object]]] = [
        ("r1", text, whole, {"value": 540, "what": what[whole], "period_from": "2022-09"}),
        ("r1", text, part, {"value": 470, "what": what[part]}),
        # two other reports state another start for the same thing
        ("r2", elsewhere, "20,000", {"value": 20000, "what": "desertion cases",
                                     "period_from": "2022-02", "published": "2025-05-01"}),
        ("r3", elsewhere, "20,000", {"value": 20000, "what": "desertion cases",
                                     "period_from": "2022-02", "published": "2025-05-02"}),
    ]
    links = _linked(items)
    assert links[1].series == links[0].series
    assert links[1].series.split("|")[1] == "since:2022-09"


def test_relays_that_state_a_start_outvote_a_start_settled_for_the_others() -> None:
    stated = "Between January and May 2023 courts handled 1,053 desertion cases."
    unstated = "Courts have handled 1,053 desertion cases, the ministry said."
    other = "Since February 2022 courts handled 20,000 desertion cases."
    items: list[tuple[str, str, str, dict[str, object]]] = [
        ("r1", stated, "1,053", {"value": 1053, "what": "desertion cases",
                                  "period_from": "2023-01", "period_to": "2023-05",
                                  "sources": ("Mediazona",), "canonical_sources": ("Mediazona",)}),
        ("r2", unstated, "1,053", {"value": 1053, "what": "desertion cases",
                                    "sources": ("Mediazona",), "canonical_sources": ("Mediazona",),
                                    "published": "2023-05-20"}),
        ("r3", unstated, "1,053", {"value": 1053, "what": "desertion cases",
                                    "sources": ("Mediazona",), "canonical_sources": ("Mediazona",),
                                    "published": "2023-05-21"}),
    ] + [
        (f"o{n}", other, "20,000", {"value": 20000, "what": "desertion cases",
                                    "period_from": "2022-02", "published": f"2025-05-0{n}"})
        for n in range(1, 4)
    ]
    links = _linked(items)
    assert {ln.series for ln in links[:3]} == {links[0].series}
    assert links[0].series.split("|")[1] == "since:2023-01"


def test_one_stray_cue_does_not_outvote_the_relays_of_a_total() -> None:
    plain = "About 6,000 North Korean troops have been killed or wounded, officials said."
    cued = "About 6,000 North Korean troops have been killed or wounded in a day of fighting."
    items: list[tuple[str, str, str, dict[str, object]]] = [
        (f"r{n}", plain, "6,000", {"value": 6000, "what": "North Korean troops killed"})
        for n in range(1, 4)
    ] + [("r9", cued, "6,000", {"value": 6000, "what": "North Korean troops killed"})]
    links = _linked(items)
    assert {ln.series.split("|")[1] for ln in links} == {"total"}


# --- flags of a series ---------------------------------------------------------------------


def test_a_reports_lower_figure_of_a_series_is_no_decrease() -> None:
    from claimledger.checks.claim_series import build_view

    losses = Metric(name="losses", terms={"en": ("soldiers lost",)}, cumulative=True)
    base = replace(_BASE, what="soldiers lost", period_from="2022-02-24",
                   sources=("General Staff",), canonical_sources=("General Staff",))
    whole = replace(base, doc_id="a", index=0, text="450,000", value=450000,
                    period_to="2024-05-01")
    part = replace(base, doc_id="a", index=1, text="440,000", value=440000,
                   published="2024-05-09")
    later = replace(base, doc_id="b", index=0, text="430,000", value=430000,
                    published="2024-05-20")
    one_report = build_view(((c, c.text, "en") for c in (whole, part)), [losses])
    assert not any(f.kind == "cumulative_decrease"
                   for s in one_report.series.values() for f in s.flags)
    two_reports = build_view(((c, c.text, "en") for c in (whole, later)), [losses])
    assert [f.kind for s in two_reports.series.values() for f in s.flags
            if f.kind == "cumulative_decrease"] == ["cumulative_decrease"]


# --- the stage of a court case: sentences and prosecutions are counts of their own ---------


@pytest.mark.parametrize(
    ("what", "clause", "stage"),
    [
        ("soldiers", "In April military courts sentenced 650 soldiers for desertion", "sentenced"),
        ("вироків", "У квітні військові суди винесли 650 вироків за дезертирство", "sentenced"),
        ("военнослужащих", "В апреле суды осудили 650 военнослужащих", "sentenced"),
        ("Soldaten", "Im April wurden 650 Soldaten wegen Fahnenflucht verurteilt", "sentenced"),
        ("cases", "Of these, 16,000 cases went to prosecution", "prosecuted"),
        # near misses: the cases a court receives are the whole, no stage
        ("cases", "In April military courts received 650 desertion cases", ""),
        ("справ", "У квітні суди отримали 650 справ про самовільне залишення частини", ""),
        ("дел", "В апреле в суды поступило 650 дел", ""),
        ("Fälle", "Im April gingen bei Gerichten 650 Fälle ein", ""),
    ],
)
def test_the_stage_of_a_court_case_is_read_from_its_words(
    what: str, clause: str, stage: str
) -> None:
    assert stage_of(what, clause) == stage


def test_relays_of_one_months_sentences_are_one_claim_and_a_slip_is_a_conflict() -> None:
    rows: list[tuple[str, str, str, dict[str, object]]] = [
        ("r1", "In April 2024 military courts sentenced 650 soldiers for desertion.", "650",
         {"value": 650, "what": "soldiers sentenced for desertion"}),
        ("r2", "У квітні 2024 року суди засудили 650 військових за дезертирство.", "650",
         {"value": 650, "what": "військових за дезертирство"}),
        ("r3", "Im April 2024 wurden 650 Soldaten wegen Fahnenflucht verurteilt.", "650",
         {"value": 650, "what": "Soldaten wegen Fahnenflucht"}),
        ("r4", "In April 2024 military courts handled 650 desertion cases.", "650",
         {"value": 650, "what": "desertion cases"}),
        ("r5", "In April 2024 military courts convicted 65 soldiers of desertion.", "65",
         {"value": 65, "what": "soldiers of desertion"}),
        ("r6", "In March 2024 courts received 720 desertion cases, a record then.", "720",
         {"value": 720, "what": "desertion cases", "period_from": "2024-03",
          "period_to": "2024-03"}),
    ]
    april: dict[str, object] = {"period_from": "2024-04", "period_to": "2024-04",
                                "sources": ("Mediazona",), "canonical_sources": ("Mediazona",)}
    items = [(d, t, f, {**april, **ch}) for d, t, f, ch in rows]
    desertion = Metric(name="desertion", terms={
        "en": ("desertion",), "uk": ("дезертирство",), "de": ("fahnenflucht",)})
    links = _linked(items, [desertion])
    assert len({ln.claim for ln in links[:5]}) == 1
    assert links[5].claim != links[0].claim
    assert [ln.conflict for ln in links] == [True, True, True, True, True, False]


# --- a count of the cases of several offences is the whole, not one offence's count -------


@pytest.mark.parametrize(
    ("text", "whole"),
    [
        ("Courts received 540 cases of desertion, going absent without leave and refusing orders.",
         True),
        ("Суды получили 540 дел о самовольном оставлении части, дезертирстве и неисполнении "
         "приказа.", True),
        ("Суди отримали 540 справ про самовільне залишення частини, дезертирство та "
         "невиконання наказу.", True),
        ("Gerichte erhielten 540 Fälle von Fahnenflucht und Befehlsverweigerung.", True),
        # one offence only
        ("Courts received 470 cases of going absent without leave.", False),
        ("Суди отримали 470 справ про самовільне залишення частини.", False),
        ("Gerichte erhielten 470 Fälle von Fahnenflucht.", False),
    ],
)
def test_a_count_of_several_offences_is_the_whole(text: str, whole: bool) -> None:
    spans = [m.span() for m in _NUMBER.finditer(text)]
    start, end = spans[0]
    assert several_offences(figure_tail(text, start, end, spans)) is whole


def test_the_offences_after_a_figure_stop_at_the_next_figure() -> None:
    text = "Courts received 470 cases of going absent without leave and 14 of desertion."
    spans = [m.span() for m in _NUMBER.finditer(text)]
    start, end = spans[0]
    assert not several_offences(figure_tail(text, start, end, spans))


def test_a_scope_stated_by_a_third_of_the_reports_is_the_statements_scope() -> None:
    whole = "Courts have received 540 cases of desertion, going absent without leave and refusal."
    thin = "Courts have received 540 cases. Of the 540 cases, most concern soldiers."
    other = "Military courts have received 540 cases, the outlet reports."
    base: dict[str, object] = {"value": 540, "what": "cases", "period_from": "2022-09",
                               "sources": ("Mediazona",), "canonical_sources": ("Mediazona",)}
    items: list[tuple[str, str, str, dict[str, object]]] = [
        ("r1", whole, "540", base),
        ("r2", thin, "540", base),
        ("r2", thin, "540@2", base),
        ("r3", other, "540", base),
    ]
    links = _linked(items)
    assert {ln.series for ln in links} == {links[0].series}
    assert links[0].series.endswith("facet:all_offences")


def test_a_scope_stated_by_one_report_in_many_does_not_take_over() -> None:
    odd = "In all 7,400 sentences were handed down since September 2022."
    plain = "In all 7,400 cases were received since September 2022."
    base: dict[str, object] = {"value": 7400, "what": "cases", "period_from": "2022-09",
                               "sources": ("Mediazona",), "canonical_sources": ("Mediazona",)}
    items: list[tuple[str, str, str, dict[str, object]]] = [("r0", odd, "7,400", base)] + [
        (f"r{n}", plain, "7,400", base) for n in range(1, 6)]
    links = _linked(items)
    assert {ln.series for ln in links} == {links[1].series}
    assert "sentenced" not in links[0].series


@pytest.mark.parametrize(
    ("history", "figure"),
    [
        ("From October 1999 to December 2002, 4,500 soldiers were killed in the earlier war.",
         "4,500"),
        ("С октября 1999 по декабрь 2002 года погибли 4 500 военных.", "4 500"),
        ("З жовтня 1999 по грудень 2002 року загинули 4 500 військових.", "4 500"),
        ("Von Oktober 1999 bis Dezember 2002 starben 4.500 Soldaten.", "4.500"),
    ],
)
def test_a_closed_period_in_history_gives_no_start_to_the_reports_totals(
    history: str, figure: str
) -> None:
    title = "Reporters named 4,760 dead soldiers."
    text = f"{title}\n{history}"
    items: list[tuple[str, str, str, dict[str, object]]] = [
        ("r1", text, "4,760", {"value": 4760, "what": "dead soldiers", "published": None}),
        ("r1", text, figure, {"value": 4500, "what": "dead soldiers", "published": None,
                              "period_from": "1999-10", "period_to": "2002-12"}),
    ]
    total, past = _linked(items)
    assert past.series.split("|")[1] == "since:1999-10"
    assert total.series.split("|")[1] == "total"


@pytest.mark.parametrize(
    ("text", "rounded", "exact", "other"),
    [
        ("Nearly 4,000 tanks gone. Oryx, which counts only visually confirmed losses, lists "
         "3,947 tanks. Kyiv says 9,900 tanks.", "4,000", "3,947", "9,900"),
        ("Майже 4 000 танків втрачено. Oryx візуально підтвердив 3 947 танків. Генштаб називає "
         "9 900 танків.", "4 000", "3 947", "9 900"),
        ("Fast 4.000 Panzer verloren. Oryx hat 3.947 Panzer visuell bestätigt. Kiew nennt "
         "9.900 Panzer.", "4.000", "3.947", "9.900"),
    ],
)
def test_a_reports_rounding_of_its_documented_count_is_documented_too(
    text: str, rounded: str, exact: str, other: str
) -> None:
    def fig(written: str) -> dict[str, object]:
        return {"value": float(written.replace(",", "").replace(" ", "").replace(".", "")),
                "what": "tanks", "period_from": "2022-02"}

    items: list[tuple[str, str, str, dict[str, object]]] = [
        ("r1", text, rounded, fig(rounded)), ("r1", text, exact, fig(exact)),
        ("r1", text, other, fig(other))]
    four, exact_link, staff = _linked(items)
    assert exact_link.series.endswith("method:documented")
    assert four.series == exact_link.series
    assert staff.series != exact_link.series


def test_an_estimate_beside_a_documented_count_is_no_rounding_of_it() -> None:
    text = ("Oryx has visually confirmed 1,000 tanks lost. The analyst estimated the actual "
            "toll at nearer 1,400 tanks.")
    items: list[tuple[str, str, str, dict[str, object]]] = [
        ("r1", text, "1,000", {"value": 1000, "what": "tanks", "period_from": "2022-02"}),
        ("r1", text, "1,400", {"value": 1400, "what": "tanks estimated the actual toll",
                               "approx": "about", "period_from": "2022-02"}),
    ]
    documented, estimate = _linked(items)
    assert documented.series.endswith("method:documented")
    assert not estimate.series.endswith("method:documented")


# --- one statement in one report ------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "words", "digits", "v_words", "v_digits"),
    [
        ("Minus one and a half thousand soldiers in a day. Over the past day the army lost "
         "1,420 soldiers.",
         "one and a half thousand", "1,420", 1500, 1420),
        ("Мінус півтори тисячі окупантів за добу. За минулу добу армія втратила 1 420 солдатів.",
         "півтори тисячі", "1 420", 1500, 1420),
        ("Минус полторы тысячи военных за сутки. За минувшие сутки армия потеряла 1 420 военных.",
         "полторы тысячи", "1 420", 1500, 1420),
        ("Minus anderthalbtausend Soldaten an einem Tag. Am vergangenen Tag verlor die Armee "
         "1.420 Soldaten.",
         "anderthalbtausend", "1.420", 1500, 1420),
    ],
)
def test_a_number_in_words_and_its_digits_in_one_report_are_one_claim(
    text: str, words: str, digits: str, v_words: float, v_digits: float
) -> None:
    base: dict[str, object] = {"what": "soldiers", "change": False}
    items: list[tuple[str, str, str, dict[str, object]]] = [
        ("r1", text, words, {**base, "value": v_words, "period_from": None}),
        ("r1", text, digits, {**base, "value": v_digits}),
    ]
    a, b = _linked(items)
    assert a.series == b.series and a.series.split("|")[1] == "increment"
    assert a.claim == b.claim


def test_a_reports_unattributed_rounding_joins_the_claim_it_names_elsewhere() -> None:
    text = "Nearly 4,000 tanks gone. Oryx lists 3,947 tanks lost since the war began."
    items: list[tuple[str, str, str, dict[str, object]]] = [
        ("r1", text, "4,000", {"value": 4000, "what": "tanks", "period_from": "2022-02"}),
        ("r1", text, "3,947", {"value": 3947, "what": "tanks", "period_from": "2022-02",
                               "sources": ("Oryx",), "canonical_sources": ("Oryx",)}),
    ]
    a, b = _linked(items)
    assert a.claim == b.claim


def test_two_named_sources_of_one_value_in_one_report_are_two_claims() -> None:
    text = ("Ukraine's General Staff counts 3,950 tanks lost. The Oryx project lists 3,947 "
            "tanks lost.")
    items: list[tuple[str, str, str, dict[str, object]]] = [
        ("r1", text, "3,950", {"value": 3950, "what": "tanks", "period_from": "2022-02",
                               "sources": ("General Staff",),
                               "canonical_sources": ("General Staff",)}),
        ("r1", text, "3,947", {"value": 3947, "what": "tanks", "period_from": "2022-02",
                               "sources": ("Mediazona",), "canonical_sources": ("Mediazona",)}),
    ]
    a, b = _linked(items)
    assert a.claim != b.claim
