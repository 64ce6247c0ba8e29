"""Series across reports, round 3: a foreign contingent fights in one theatre, so a region its
figures name is where it was sent, not a scope narrower than its whole; a toll of the dead
dated by one month is where the toll stood then, not that month's dead; an army's size is a
thing of its own (a stock a period only dates); a decimal point ends no sentence.

All sentences are written for these tests (en/ru/uk/de), with near misses."""

from __future__ import annotations

import re
from dataclasses import replace

import pytest

from claimledger.checks.across import link_figures
from claimledger.checks.frames import Frame, clause_of, frame_of, list_clause_of
from claimledger.checks.metrics import Metric, figure_context, load_metrics
from claimledger.checks.things import thing_of
from claimledger.store.base import ClaimRow

NO_METRICS: list[Metric] = []
_BASE = ClaimRow(
    doc_id="r1", index=0, start=0, end=1, text="1", value=1, value_high=None, kind="count",
    unit=None, approx="exact", change=False, what="dead", period_from=None, period_to=None,
    sources=(), canonical_sources=(), metric=None, outlet="a.example", published="2024-05-02",
    url=None, title=None,
)


def _fig(doc: str, value: float, what: str, published: str) -> tuple[ClaimRow, str]:
    text = f"{int(value)} {what}"
    c = replace(_BASE, doc_id=doc, text=str(int(value)), value=value, what=what, start=0,
                end=len(str(int(value))), published=published)
    return c, text


def _series(figures: list[tuple[ClaimRow, str]],
            metrics: list[Metric] | None = None) -> list[str | None]:
    return [link.series for link in link_figures(figures, NO_METRICS if metrics is None
                                                 else metrics, lambda _o: None)]


# --- a contingent's one region is its theatre -----------------------------------------------


@pytest.mark.parametrize(
    ("regional", "plain"),
    [
        ("North Korean casualties in the Kursk region", "North Korean casualties"),
        ("потерь северокорейских военных в Курской области", "потерь северокорейских военных"),
        ("втрат північнокорейських військових у Курській області",
         "втрат північнокорейських військових"),
        ("nordkoreanische Verluste in der Kursk-Region", "nordkoreanische Verluste"),
    ],
)
def test_a_contingents_one_region_is_no_scope(regional: str, plain: str) -> None:
    a, b = _series([_fig("a", 6100, regional, "2025-01-10"),
                    _fig("b", 4300, plain, "2025-03-10")])
    assert a is not None and a == b
    assert "region:" not in a


@pytest.mark.parametrize(
    ("regional", "plain"),
    [
        ("Russian casualties in the Kursk region", "Russian casualties"),
        ("потерь российских военных в Курской области", "потерь российских военных"),
        ("втрат російських військових у Курській області", "втрат російських військових"),
        ("russische Verluste in der Kursk-Region", "russische Verluste"),
    ],
)
def test_a_belligerents_region_stays_a_scope(regional: str, plain: str) -> None:
    a, b = _series([_fig("a", 6100, regional, "2025-01-10"),
                    _fig("b", 430000, plain, "2025-03-10")])
    assert a is not None and b is not None and a != b
    assert "region:" in a


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("North Korean casualties in the Kursk region",
         "North Korean casualties in the Belgorod region"),
        ("потерь северокорейских военных в Курской области",
         "потерь северокорейских военных в Белгородской области"),
        ("втрат північнокорейських військових у Курській області",
         "втрат північнокорейських військових у Бєлгородській області"),
        ("nordkoreanische Verluste in der Kursk-Region",
         "nordkoreanische Verluste in der Belgorod-Region"),
    ],
)
def test_a_contingent_in_two_regions_keeps_them_apart(first: str, second: str) -> None:
    a, b = _series([_fig("a", 6100, first, "2025-01-10"),
                    _fig("b", 430, second, "2025-03-10")])
    assert a is not None and b is not None and a != b


# --- a toll of the dead dated by one month stood then; it is not the month's dead ------------


def _dated_frame(sentence: str, what: str, month: str,
                 metrics: list[Metric] | None = None) -> Frame | None:
    figure = re.search(r"\d[\d ,.]*\d(?= \w)", sentence.split(month[:4])[-1])
    assert figure is not None
    start = sentence.rindex(figure.group(0))
    end = start + len(figure.group(0))
    c = replace(_BASE, start=start, end=end, text=sentence[start:end], what=what,
                period_from=month, period_to=month)
    spans = [(start, end)]
    return frame_of(c, clause_of(sentence, start, end, spans),
                    NO_METRICS if metrics is None else metrics,
                    list_clause_of(sentence, start, end, spans))


@pytest.mark.parametrize(
    ("sentence", "what"),
    [
        ("Moscow last gave a toll in March 2023, when it spoke of 6,100 dead soldiers.",
         "dead soldiers"),
        ("Москва последний раз называла потери в марте 2023 года — 6 100 погибших военных.",
         "погибших военных"),
        ("Москва востаннє називала втрати в березні 2023 року — 6 100 загиблих військових.",
         "загиблих військових"),
        ("Moskau nannte zuletzt im März 2023 eine Zahl: 6.100 getötete Soldaten.",
         "getötete Soldaten"),
    ],
)
def test_a_toll_of_the_dead_dated_by_a_month_is_no_monthly_count(sentence: str,
                                                                   what: str) -> None:
    frame = _dated_frame(sentence, what, "2023-03")
    assert frame is not None and frame.thing.startswith("auto:death")
    assert not frame.aggregation.startswith("per:")


@pytest.mark.parametrize(
    ("sentence", "what"),
    [
        ("Reporters named 1,300 more dead soldiers in a single month.", "dead soldiers"),
        ("За месяц журналисты установили имена 1 300 погибших военных.", "погибших военных"),
        ("За місяць журналісти встановили імена 1 300 загиблих військових.",
         "загиблих військових"),
        ("Im Monat wurden 1.300 getötete Soldaten namentlich erfasst.", "getötete Soldaten"),
    ],
)
def test_the_dead_of_one_month_said_so_stay_a_monthly_count(sentence: str, what: str) -> None:
    frame = _dated_frame(sentence, what, "2023-03")
    assert frame is not None and frame.aggregation == "per:month"


@pytest.mark.parametrize(
    ("sentence", "what"),
    [
        ("In March 2023 Russia lost 310 tanks.", "tanks"),
        ("В марте 2023 года Россия потеряла 310 танков.", "танков"),
        ("У березні 2023 року Росія втратила 310 танків.", "танків"),
        ("Im März 2023 verlor Russland 310 Panzer.", "Panzer"),
    ],
)
def test_equipment_lost_in_one_month_stays_a_monthly_count(sentence: str, what: str) -> None:
    frame = _dated_frame(sentence, what, "2023-03", load_metrics())
    assert frame is not None and frame.aggregation == "per:month"


@pytest.mark.parametrize(
    ("sentence", "what"),
    [
        ("In 2024 about 4,100 North Korean troops were killed or wounded.",
         "North Korean troops killed or wounded"),
        ("В 2024 году погибли или были ранены около 4 100 северокорейских военных.",
         "северокорейских военных погибли или были ранены"),
        ("У 2024 році загинули або були поранені близько 4 100 північнокорейських військових.",
         "північнокорейських військових загинули або були поранені"),
        ("Im Jahr 2024 wurden rund 4.100 nordkoreanische Soldaten getötet oder verwundet.",
         "nordkoreanische Soldaten getötet oder verwundet"),
    ],
)
def test_a_contingents_losses_dated_by_a_year_are_its_toll(sentence: str, what: str) -> None:
    frame = _dated_frame(sentence, what, "2024")
    assert frame is not None and frame.thing.endswith("@north_korea")
    assert not frame.aggregation.startswith("per:")


@pytest.mark.parametrize(
    ("sentence", "what"),
    [
        ("In 2024 about 4,100 Russian troops were wounded.", "Russian troops wounded"),
        ("В 2024 году были ранены около 4 100 российских военных.",
         "российских военных были ранены"),
        ("У 2024 році були поранені близько 4 100 російських військових.",
         "російських військових були поранені"),
        ("Im Jahr 2024 wurden rund 4.100 russische Soldaten verwundet.",
         "russische Soldaten verwundet"),
    ],
)
def test_a_belligerents_wounded_of_one_year_stay_a_yearly_count(sentence: str,
                                                                 what: str) -> None:
    frame = _dated_frame(sentence, what, "2024")
    assert frame is not None and frame.aggregation == "per:year"


# --- "over the past month" says a figure is the month's ---------------------------------------


def _span_frame(sentence: str, what: str, period: tuple[str | None, str | None]
                ) -> Frame | None:
    figure = re.search(r"\d[\d ,.]*\d", sentence)
    assert figure is not None
    start, end = figure.span()
    c = replace(_BASE, start=start, end=end, text=figure.group(0), what=what,
                period_from=period[0], period_to=period[1])
    return frame_of(c, clause_of(sentence, start, end, [(start, end)]), NO_METRICS,
                    list_clause_of(sentence, start, end, [(start, end)]))


@pytest.mark.parametrize(
    ("sentence", "what"),
    [
        ("Over the past month reporters named 1,700 more dead soldiers.", "dead soldiers"),
        ("За последний месяц журналисты назвали имена 1 700 погибших военных.",
         "погибших военных"),
        ("За останній місяць журналісти назвали імена 1 700 загиблих військових.",
         "загиблих військових"),
        ("Im vergangenen Monat wurden 1.700 getötete Soldaten namentlich bekannt.",
         "getötete Soldaten"),
    ],
)
def test_the_past_month_makes_a_monthly_count(sentence: str, what: str) -> None:
    frame = _span_frame(sentence, what, ("2024-05", "2024-06"))
    assert frame is not None and frame.aggregation == "per:month"


@pytest.mark.parametrize(
    ("sentence", "what"),
    [
        ("A month ago the toll of named dead soldiers stood at 29,700.", "named dead soldiers"),
        ("Месяц назад число погибших военных составляло 29 700.", "погибших военных"),
        ("Місяць тому кількість загиблих військових становила 29 700.",
         "загиблих військових"),
        ("Vor einem Monat lag die Zahl der getöteten Soldaten bei 29.700.",
         "getöteten Soldaten"),
    ],
)
def test_a_month_ago_is_no_monthly_count(sentence: str, what: str) -> None:
    frame = _span_frame(sentence, what, (None, None))
    assert frame is not None and frame.aggregation == "total"


# --- the size of an army is a thing of its own, a stock that a period only dates ------------


@pytest.mark.parametrize(
    "what",
    [
        "planned size of the armed forces",
        "численность вооружённых сил",
        "чисельність збройних сил",
        "Personalstärke der Streitkräfte",
    ],
)
def test_the_size_of_an_army_is_its_strength(what: str) -> None:
    found = thing_of(what)
    assert found is not None and "strength" in found[0]


@pytest.mark.parametrize(
    "what",
    [
        "size of the sign-up bonus",
        "численность погибших военных",
        "soldiers",
        "Soldaten",
    ],
)
def test_other_sizes_are_no_strength(what: str) -> None:
    found = thing_of(what)
    assert found is None or "strength" not in found[0]


@pytest.mark.parametrize(
    ("sentence", "what"),
    [
        ("In 2025 the plan is to raise the size of the armed forces to 1,420,000 soldiers.",
         "size of the armed forces"),
        ("В 2025 году план — довести численность вооружённых сил до 1 420 000.",
         "численность вооружённых сил"),
        ("У 2025 році план — довести чисельність збройних сил до 1 420 000.",
         "чисельність збройних сил"),
        ("Der Plan: die Personalstärke der Streitkräfte 2025 auf 1.420.000 anheben.",
         "Personalstärke der Streitkräfte"),
    ],
)
def test_a_strength_dated_by_a_year_is_no_yearly_count(sentence: str, what: str) -> None:
    frame = _dated_frame(sentence, what, "2025")
    assert frame is not None and "strength" in frame.thing
    assert not frame.aggregation.startswith("per:")


def test_a_strength_told_in_a_thin_what_is_read_from_its_clause() -> None:
    sentence = ("It plans to raise the size of the armed forces to 1.42 million this year and "
                "1.6 million later.")
    spans = [(m.start(), m.end()) for m in re.finditer(r"\d[\d.]* million", sentence)]
    start, end = spans[1]
    c = replace(_BASE, start=start, end=end, text=sentence[start:end], what="later")
    frame = frame_of(c, clause_of(sentence, start, end, spans), NO_METRICS,
                     list_clause_of(sentence, start, end, spans))
    assert frame is not None and "strength" in frame.thing


# --- a decimal point ends no sentence; a sufferer suffers losses, not an army's size ---------


@pytest.mark.parametrize(
    ("text", "figure", "inside"),
    [
        ("The army is to grow to 1.42 million this year and 1.6 million later.", "1.6",
         "army is to grow"),
        ("Армия вырастет до 1.42 млн в этом году и до 1.6 млн позже.", "1.6", "Армия"),
        ("Армія зросте до 1.42 млн цього року і до 1.6 млн пізніше.", "1.6", "Армія"),
        ("Die Armee wächst auf 1.42 Mio. in diesem Jahr und auf 1.6 Mio. danach.", "1.42",
         "Die Armee"),
    ],
)
def test_a_decimal_point_ends_no_sentence(text: str, figure: str, inside: str) -> None:
    start = text.index(figure)
    assert inside in figure_context(text, start, start + len(figure))


@pytest.mark.parametrize(
    ("text", "figure", "outside"),
    [
        ("The war went on for 3 years. 40 more were sent.", "40", "war went on"),
        ("Война шла 3 года. Отправили ещё 40.", "40", "Война"),
        ("Війна тривала 3 роки. Відправили ще 40.", "40", "Війна"),
        ("Der Krieg dauerte 3 Jahre. 40 weitere kamen.", "40", "Krieg"),
    ],
)
def test_a_full_stop_after_a_figure_still_ends_its_sentence(text: str, figure: str,
                                                            outside: str) -> None:
    start = text.rindex(figure)
    assert outside not in figure_context(text, start, start + len(figure))


@pytest.mark.parametrize(
    "clause",
    [
        "its forces in Ukraine, which have suffered huge losses, and plans to raise the size "
        "of the armed forces",
        "війська в Україні, які зазнали втрат, і план збільшити чисельність збройних сил",
    ],
)
def test_a_sufferer_gives_no_actor_to_an_armys_size(clause: str) -> None:
    found = thing_of("size of the armed forces" if clause[0] == "i" else
                     "чисельність збройних сил", clause, sufferer="ukraine")
    assert found is not None and "strength" in found[0] and found[1] == "russia"


def test_a_sufferer_still_owns_its_losses() -> None:
    found = thing_of("units lost", "Ukraine has suffered heavy losses", sufferer="ukraine")
    assert found is not None and found[1] == "ukraine"


# --- another actor's people are not Russia's losses; the lead of a sentence names its actor -


def _linked(text: str, figures: list[tuple[str, str]]) -> list[str | None]:
    """Series of the figures (written, what) of one report ``text``, with the bundled
    metrics (those are Russia's)."""
    rows = []
    for n, (written, what) in enumerate(figures):
        start = text.index(written)
        rows.append((replace(_BASE, index=n, text=written, start=start, end=start + len(written),
                             what=what), text))
    return [link.series for link in link_figures(rows, load_metrics(), lambda _o: None)]


@pytest.mark.parametrize(
    ("text", "figures"),
    [
        ("Russia has lost about 812,000 troops. North Korean troops fighting for Moscow have "
         "suffered about 3,900 casualties, including some 450 killed.",
         [("812,000", "troops"), ("3,900", "casualties"), ("450", "killed")]),
        ("Россия потеряла около 812 000 военных. Северокорейские военные понесли потери около "
         "3 900 человек, из них около 450 погибли.",
         [("812 000", "военных"), ("3 900", "человек"), ("450", "погибли")]),
        ("Росія втратила близько 812 000 військових. Північнокорейські військові зазнали втрат "
         "близько 3 900 осіб, з них близько 450 загинули.",
         [("812 000", "військових"), ("3 900", "осіб"), ("450", "загинули")]),
        ("Russland verlor rund 812.000 Soldaten. Nordkoreanische Soldaten erlitten Verluste von "
         "rund 3.900 Mann, davon etwa 450 getötet.",
         [("812.000", "Soldaten"), ("3.900", "Mann"), ("450", "getötet")]),
    ],
)
def test_another_actors_casualties_stay_out_of_russias_losses(
    text: str, figures: list[tuple[str, str]]
) -> None:
    russia, casualties, killed = _linked(text, figures)
    assert casualties != russia and killed != russia
    assert killed is None or "north_korea" in killed or killed != casualties
