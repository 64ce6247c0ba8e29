"""Each list item takes its own noun: a figure whose ``what`` runs over the item before it
("four tanks and over 1,400 soldiers") is framed by the noun it heads. Own sentences in
en/ru/uk/de, with near misses (a verb or a year before the figure) that must not change."""

from __future__ import annotations

import re
from dataclasses import replace

import pytest

from claimledger.checks.frames import (
    PLACES,
    added_in_clause,
    clause_of,
    counts_places,
    figure_tail,
    frame_of,
    item_what,
    list_clause_of,
    planned,
    sentence_before,
    sentence_lead,
)
from claimledger.checks.metrics import Metric, load_metrics
from claimledger.checks.things import auto_thing, concepts_of, suffering_actor
from claimledger.lexicon.things import BOTH_SIDES
from claimledger.store.base import ClaimRow

PERSONNEL = "ru_personnel_losses"
TANKS = "ru_tank_losses"
_NUMBER = re.compile(r"\d[\d ,.]*\d|\d|five|four|чотири|четыре|vier", re.IGNORECASE)
_BASE = ClaimRow(
    doc_id="r1", index=0, start=0, end=1, text="1", value=1, value_high=None, kind="count",
    unit=None, approx="exact", change=False, what="tanks", period_from=None, period_to=None,
    sources=(), canonical_sources=(), metric=None, outlet="a.example", published="2024-05-02",
    url=None, title=None,
)


@pytest.fixture(scope="module")
def bundled() -> list[Metric]:
    return load_metrics()


def _thing(sentence: str, nth: int, what: str, metrics: list[Metric],
           metric: str | None = None) -> str:
    """The thing of the ``nth`` number of ``sentence``, read as link_figures reads it."""
    spans = [m.span() for m in _NUMBER.finditer(sentence)]
    start, end = spans[nth]
    c = replace(_BASE, start=start, end=end, text=sentence[start:end], what=what, metric=metric)
    frame = frame_of(c, clause_of(sentence, start, end, spans), metrics,
                     list_clause_of(sentence, start, end, spans),
                     added_in_clause(sentence, start, end, spans),
                     figure_tail(sentence, start, end, spans),
                     sentence_lead(sentence, start, end) + "\n"
                     + sentence_before(sentence, start, end))
    assert frame is not None
    return frame.thing


@pytest.mark.parametrize(
    ("sentence", "what"),
    [
        ("Four tanks and over 1,400 soldiers: the General Staff updated Russia's losses",
         "soldiers tanks"),
        ("Четыре танка и еще 1400 солдат: Генштаб обновил потери России", "солдат танка"),
        ("Чотири танки та ще понад 1400 солдатів: Генштаб оновив втрати росії",
         "солдатів танки"),
        ("Vier Panzer und weitere 1400 Soldaten: der Generalstab nannte die Verluste",
         "Soldaten Panzer"),
    ],
)
def test_a_figure_takes_the_noun_it_heads(sentence: str, what: str,
                                          bundled: list[Metric]) -> None:
    # the metric the ledger gave the figure on ingest is overruled by its own item, too
    assert _thing(sentence, 1, what, bundled, metric=TANKS) == PERSONNEL
    assert _thing(sentence, 0, what.split()[1], bundled) == TANKS


@pytest.mark.parametrize(
    ("what", "lead"),
    [
        # no number before the figure: the what is kept whole
        ("tanks Russia lost", "Russia lost "),
        # a year is no list item, a verb after a number no item's noun
        ("tanks Russia lost", "Since 2022 Russia lost "),
        ("солдатів армія втратила за добу", "За 24 години армія втратила "),
        ("Soldaten verloren", "Binnen 24 Stunden verloren "),
        # what is left names no item: the whole what stays
        ("tanks were destroyed", "Of 1,000 tanks, "),
    ],
)
def test_near_misses_keep_the_whole_what(what: str, lead: str, bundled: list[Metric]) -> None:
    assert item_what(what, lead, bundled) == what


def test_the_item_before_is_dropped_from_the_what(bundled: list[Metric]) -> None:
    assert item_what("солдатів танки", "Чотири танки та ще понад ", bundled) == "солдатів"
    assert item_what("soldiers tanks", "four tanks and over ", bundled) == "soldiers"
    assert item_what("солдат танков", "шесть танков и еще ", bundled) == "солдат"
    assert item_what("Soldaten Panzer", "vier Panzer und weitere ", bundled) == "Soldaten"


# --- two sides joined before a verb of losing lose together ------------------------------


@pytest.mark.parametrize(
    ("sentence", "actor"),
    [
        ("Ukraine and Russia have lost about a million people killed and wounded.", BOTH_SIDES),
        ("Украина и Россия потеряли около миллиона человек убитыми и ранеными.", BOTH_SIDES),
        ("Україна та Росія втратили близько мільйона людей убитими й пораненими.", BOTH_SIDES),
        ("Die Ukraine und Russland verloren rund eine Million Menschen.", BOTH_SIDES),
        # near misses: one side with someone who is no sufferer, or one side alone
        ("Russia has lost about a million people and Ukraine far fewer.", "russia"),
        ("Ukraine's army said Russia lost about a million people.", "russia"),
        ("Россия потеряла около миллиона человек, заявила Украина.", "russia"),
    ],
)
def test_two_sides_joined_lose_together(sentence: str, actor: str) -> None:
    assert suffering_actor(sentence) == actor


def test_losses_of_both_sides_are_not_russias(bundled: list[Metric]) -> None:
    sentence = "Ukraine and Russia have lost about 1,000,000 people killed and wounded."
    spans = [m.span() for m in _NUMBER.finditer(sentence)]
    start, end = spans[0]
    c = replace(_BASE, start=start, end=end, text=sentence[start:end],
                what="people killed and wounded", metric="ru_personnel_losses")
    frame = frame_of(c, sentence, bundled, sufferer=suffering_actor(sentence))
    assert frame is not None and frame.thing.endswith("@" + BOTH_SIDES)
    alone = frame_of(c, sentence, bundled, sufferer="russia")
    assert alone is not None and alone.thing == "ru_personnel_losses"


@pytest.mark.parametrize(
    ("text", "agreement"),
    [
        ("according to the ministry", False),
        ("the accord with Iran", True),
        ("the two accords signed in Tehran", True),
        ("соглашение с Ираном", True),
        ("угода з Іраном", True),
        ("das Abkommen mit Iran", True),
    ],
)
def test_according_names_no_agreement(text: str, agreement: bool) -> None:
    assert ("agreement" in concepts_of(text)) is agreement


# --- a figure heading a region noun counts places ---------------------------------------


@pytest.mark.parametrize(
    ("tail", "places"),
    [
        (" regions had published nothing about the dead", True),
        (" Russian regions raised their bonuses", True),
        (" регионов не публиковали данных о погибших", True),
        (" регіонів підвищили виплати", True),
        (" Regionen haben die Prämien erhöht", True),
        # near misses: people in a region, a value in brackets after a region's name
        (" soldiers from the Kursk region", False),
        (" солдат в Курской области", False),
        (") regions.", False),
        (" Soldaten aus der Region", False),
    ],
)
def test_a_figure_heading_a_region_counts_places(tail: str, places: bool) -> None:
    assert counts_places(tail) is places


def test_places_are_no_persons_and_keep_what_they_do(bundled: list[Metric]) -> None:
    sentence = "The study found that 85 regions had published nothing about soldiers killed."
    thing = _thing(sentence, 0, "regions had published nothing about soldiers killed", bundled)
    assert thing.startswith(PLACES) and thing != PLACES
    bonus = _thing("Since May, five Russian regions raised their sign-on bonuses.", 0,
                   "Russian regions raised their sign-on bonuses", bundled)
    assert bonus.startswith(PLACES) and "bonus" in bonus


@pytest.mark.parametrize(
    ("sentence", "held"),
    [
        ("The plan to enlarge the army adds 180,000 personnel for 1.5 million in total",
         "enlarge the army"),
        ("План увеличить армию добавляет 180,000 военных до 1.5 миллиона", "увеличить армию"),
        ("План збільшити армію додає 180,000 військових до 1.5 мільйона", "збільшити армію"),
        ("Der Plan vergrößert die Armee um 180,000 Soldaten auf 1.5 Millionen",
         "vergrößert die Armee"),
    ],
)
def test_the_comma_of_a_number_cuts_no_clause(sentence: str, held: str) -> None:
    spans = [m.span() for m in re.finditer(r"\d[\d,.]*\d", sentence)]
    start, end = spans[1]
    assert held in clause_of(sentence, start, end, spans)


# --- a plan or target of a flow is no count of what was done ------------------------------

RECRUITING = "auto:personnel+recruitment"


@pytest.mark.parametrize(
    ("words", "plan"),
    [
        ("Russia plans to recruit 400,000 contract soldiers this year", True),
        ("the army will seek to recruit another 400,000 soldiers", True),
        ("150,000 young men are to be drafted in the spring", True),
        ("Россия планирует набрать 400 000 контрактников", True),
        ("Росія планує завербувати 400 000 контрактників", True),
        ("Russland plant, 400.000 Vertragssoldaten anzuwerben", True),
        ("Russland wird bis Jahresende 400.000 Soldaten anwerben", True),
        # near misses: what was done
        ("280,000 personnel have been recruited so far", False),
        ("Россия набрала 417 000 контрактников за год", False),
        ("Росія завербувала 417 000 контрактників за рік", False),
        ("Russland warb 417.000 Vertragssoldaten an", False),
    ],
)
def test_a_plan_of_recruits_is_told_from_recruits(words: str, plan: bool) -> None:
    assert planned(RECRUITING, words) is plan


def test_plans_apply_to_flows_only() -> None:
    # a loss total or a metric's count is never a plan, whatever its clause says
    assert not planned("auto:loss+personnel", "Russia plans to recruit 400,000")
    assert not planned("ru_personnel_losses", "the army will lose more")
    assert planned("auto:drone+production", "the plant plans to produce 10,000 decoys")


# --- a bare entity in a clause about an army's size counts that size ----------------------

STRENGTH = "auto:personnel+strength"


@pytest.mark.parametrize(
    ("what", "clause", "thing"),
    [
        ("personnel in total", "a decree raises the size of the armed forces to 1.5 million "
         "personnel in total", STRENGTH),
        ("военнослужащих", "указ доводит численность вооруженных сил до 1,5 миллиона "
         "военнослужащих", STRENGTH),
        ("військовослужбовців", "указ доводить чисельність збройних сил до 1,5 мільйона "
         "військовослужбовців", STRENGTH),
        ("Soldaten", "die Personalstärke steigt auf 1,5 Millionen Soldaten", STRENGTH),
        # near misses: an event of the clause is not borrowed, an entity alone names nothing
        ("troops", "about 11,000 troops were sent to the front", None),
        ("Soldaten", "rund 11.000 Soldaten wurden an die Front geschickt", None),
        ("soldiers", "the unit has 1,500 soldiers", None),
    ],
)
def test_a_bare_entity_counts_the_size_its_clause_names(
        what: str, clause: str, thing: str | None) -> None:
    assert auto_thing(what, clause) == thing


# --- the words a figure heads may say another event befell what it counts -----------------


@pytest.mark.parametrize(
    ("sentence", "what", "losses"),
    [
        ("The list leaves out 13 officers, who died in the mutiny.", "officers", False),
        ("В список не входят 13 военных летчиков, погибшие в ходе мятежа.", "военных летчиков",
         False),
        ("До списку не входять 13 військових льотчиків, які загинули під час заколоту.",
         "військових льотчиків", False),
        ("Nicht mitgezählt sind 13 Piloten, die bei der Meuterei gefallen sind.", "Piloten",
         False),
        # near misses: other things named after it, or killed and wounded together
        ("Russia lost 1,200 soldiers in Ukrainian drone strikes.", "soldiers", True),
        ("Russia lost 1,200 soldiers, dead and wounded, over the day.", "soldiers", True),
        ("Россия потеряла 1 200 солдат убитыми и ранеными.", "солдат", True),
    ],
)
def test_an_event_after_the_figure_overrules_its_metric(
        sentence: str, what: str, losses: bool, bundled: list[Metric]) -> None:
    thing = _thing(sentence, 0, what, bundled, metric=PERSONNEL)
    assert (thing == PERSONNEL) is losses
