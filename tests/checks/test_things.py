"""The automatic thing of a figure: one concept set (and actor) for one statement in any language.

Sentences are written for these tests; near misses (deaths against casualties, a regional
bonus against the federal one, defence against the whole budget) must stay apart.
"""

from __future__ import annotations

import pytest

from claimledger.checks.things import actor_of, auto_thing, concepts_of, thing_concepts

TREATY = "auto:agreement@iran"
NK_LOSSES = "auto:loss+personnel@north_korea"
NK_DEPLOYED = "auto:deployment+personnel@north_korea"
RECRUITING = "auto:personnel+recruitment@russia"
DEFENCE = "auto:defence+spending@russia"


@pytest.mark.parametrize(
    ("what", "clause", "expected"),
    [
        # one treaty's term, said four ways
        ("treaty", "Moscow and Tehran signed a treaty for twenty years", TREATY),
        ("pact", "the Iran pact runs for two decades", TREATY),
        ("is expected to remain in force", "the deal with Iran is expected to remain in force",
         TREATY),
        ("договор", "договор России и Ирана заключён на 20 лет", TREATY),
        ("договір", "договір між Росією та Іраном укладено на 20 років", TREATY),
        ("Vertrag", "der Vertrag zwischen Russland und Iran gilt 20 Jahre", TREATY),
        # North Korean casualties
        ("casualties among North Korean troops", "", NK_LOSSES),
        ("North Korean soldiers killed or wounded", "", NK_LOSSES),
        ("потери северокорейских военных", "", NK_LOSSES),
        ("втрати північнокорейських військових", "", NK_LOSSES),
        ("nordkoreanische Kriegsverluste", "", NK_LOSSES),
        # North Korean troops sent
        ("North Korean troops deployed", "", NK_DEPLOYED),
        ("soldiers Pyongyang sent to Russia", "", NK_DEPLOYED),
        ("северокорейских военных направили в Россию", "", NK_DEPLOYED),
        ("північнокорейських військових відправили до Росії", "", NK_DEPLOYED),
        ("nach Russland entsandte nordkoreanische Soldaten", "", NK_DEPLOYED),
        # a recruitment target
        ("contract soldiers Russia plans to recruit", "", RECRUITING),
        ("контрактников, которых Россия хочет завербовать", "", RECRUITING),
        ("контрактників, яких Росія планує завербувати", "", RECRUITING),
        ("Vertragssoldaten, die Russland anwerben will", "", RECRUITING),
        # defence spending
        ("defence spending", "Russia will raise defence spending next year", DEFENCE),
        ("military spending", "Russia's military spending grows", DEFENCE),
        ("расходы на оборону", "расходы России на оборону вырастут", DEFENCE),
        ("видатки на оборону", "видатки Росії на оборону зростуть", DEFENCE),
        ("Verteidigungsausgaben", "Russlands Verteidigungsausgaben steigen", DEFENCE),
    ],
)
def test_one_statement_one_thing(what: str, clause: str, expected: str) -> None:
    assert auto_thing(what, clause) == expected


@pytest.mark.parametrize(
    ("first", "second"),
    [
        # deaths are not casualties (killed and wounded)
        ("soldiers confirmed dead", "soldiers killed or wounded"),
        ("погибших военных", "потери военных"),
        ("загиблих військових", "втрати військових"),
        ("tote Soldaten", "verwundete und getötete Soldaten"),
        # troops sent are not troops lost
        ("North Korean troops deployed", "North Korean casualties"),
        # production is not losses
        ("drones produced", "drones lost"),
        ("выпуск дронов", "потери дронов"),
        ("виробництво дронів", "втрати дронів"),
        ("Drohnenproduktion", "Drohnenverluste"),
        # defence spending is not the whole budget, nor the deficit
        ("defence spending", "budget spending"),
        ("budget deficit", "budget spending"),
        ("расходы на оборону", "дефицит бюджета"),
        # equipment losses are not personnel losses
        ("armoured vehicles Russia lost", "soldiers Russia lost"),
        ("втрати техніки", "втрати особового складу"),
        # a region's bonus is not the federal one, nor a combined sum
        ("federal sign-on bonus", "regional sign-on bonus"),
        ("Tatarstan raised its bonus", "Bashkiria raised its bonus"),
        ("one-time payment", "the total payment"),
    ],
)
def test_near_misses_stay_apart(first: str, second: str) -> None:
    a, b = auto_thing(first, ""), auto_thing(second, "")
    assert a is not None and b is not None
    assert a != b


@pytest.mark.parametrize(
    "what",
    ["soldiers", "военных", "військових", "Soldaten", "the figure", "у 2024 році"],
)
def test_an_entity_alone_or_no_concept_names_no_thing(what: str) -> None:
    assert auto_thing(what, "") is None


def test_clause_helps_a_what_that_names_no_concept() -> None:
    assert auto_thing("subsequently", "Russia plans to recruit contract soldiers") == RECRUITING
    assert auto_thing("subsequently", "no concept here") is None


def test_killed_and_wounded_together_are_casualties() -> None:
    assert thing_concepts({"death", "wounded", "personnel"}) == {"loss", "personnel"}
    assert thing_concepts({"death"}) == {"death", "personnel"}


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        ("North Korean troops sent to Russia", "north_korea"),
        ("войска КНДР в России", "north_korea"),
        ("Russia's defence budget", "russia"),
        ("російських військових", "russia"),
        ("ukrainische Soldaten", "ukraine"),
        ("the treaty of Belarus and Russia", "belarus"),
        ("the figure", ""),
    ],
)
def test_actor(text: str, actor: str) -> None:
    assert actor_of(text) == actor


def test_figure_own_words_are_skipped() -> None:
    assert concepts_of("20-year pact", skip={"20-year"}) == {"agreement"}
    assert "death" not in concepts_of("dead", skip={"dead"})
