"""The automatic thing of a figure: one concept set (and actor) for one statement in any language.

Sentences are written for these tests; near misses (deaths against casualties, a regional
bonus against the federal one, defence against the whole budget) must stay apart.
"""

from __future__ import annotations

import pytest

from claimledger.checks.metrics import Metric, assign_metric, load_metrics
from claimledger.checks.things import (
    actor_of,
    auto_thing,
    concepts_of,
    named_thing,
    suffering_actor,
    thing_concepts,
)

PERSONNEL = "ru_personnel_losses"


@pytest.fixture(scope="module")
def bundled() -> list[Metric]:
    return load_metrics()

TREATY = "auto:agreement"  # a treaty's actor is read from its what only
NK_LOSSES = "auto:loss+personnel@north_korea"
NK_DEPLOYED = "auto:deployment+personnel@north_korea"
RECRUITING = "auto:personnel+recruitment"  # Russia, the default actor, is left unwritten
DEFENCE = "auto:defence+spending"


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


def test_russian_is_the_default_actor_and_others_stay_apart() -> None:
    assert auto_thing("casualties among Russian troops") == auto_thing("casualties")
    assert auto_thing("casualties among Ukrainian troops") != auto_thing("casualties")
    # an event takes a North Korean actor from its clause, not the reporting side's
    assert auto_thing("casualties supporting Russia", "North Korean troops fought") == NK_LOSSES
    assert auto_thing("casualties", "the Ukrainian General Staff said") == auto_thing("casualties")


@pytest.mark.parametrize(
    "what",
    [
        "people the Russian army lost",
        "людей потеряла армия РФ",
        "людей армія РФ втратила",
        "Menschen, die die russische Armee verloren hat",
    ],
)
def test_concepts_of_a_metric_name_it(what: str, bundled: list[Metric]) -> None:
    assert named_thing(what, "", (), bundled, "count", None) == PERSONNEL


@pytest.mark.parametrize(
    "what",
    ["North Korean troops lost", "втрати північнокорейських військових", "soldiers confirmed dead"],
)
def test_concepts_of_no_metric_stay_automatic(what: str, bundled: list[Metric]) -> None:
    found = named_thing(what, "", (), bundled, "count", None)
    assert found is not None and found.startswith("auto:")
    assert named_thing(what, "", (), bundled, "money", "USD") != PERSONNEL


@pytest.mark.parametrize(
    "what",
    [
        "Russian soldiers whose deaths were confirmed by name",
        "российских военных, чьи имена установили журналисты",
        "погибших российских военных",
        "загиблих російських військових",
        "російських військових, журналісти встановили імена",
        "gefallene russische Soldaten",
    ],
)
def test_named_deaths_are_not_personnel_losses(what: str, bundled: list[Metric]) -> None:
    assert assign_metric(what, "count", None, bundled, what) != PERSONNEL
    assert named_thing(what, "", (), bundled, "count", None) == "auto:death+personnel"


@pytest.mark.parametrize(
    "context",
    [
        "Russian soldiers killed or wounded, the General Staff said",
        "российские военные потеряли убитыми и ранеными",
        "російські військові втратили вбитими та пораненими",
    ],
)
def test_casualties_stay_personnel_losses(context: str, bundled: list[Metric]) -> None:
    assert assign_metric(context, "count", None, bundled, context) == PERSONNEL


@pytest.mark.parametrize(
    ("what", "metric"),
    [
        ("drones produced at the plant", None),
        ("дронов произвели на заводе", None),
        ("дронів виробляє завод", None),
        ("Drohnen, die das Werk produziert", None),
        ("drones lost", "ru_drone_losses"),
        ("armoured fighting vehicles", "ru_apc_losses"),
        ("бронемашини", "ru_apc_losses"),
        ("Kraftfahrzeuge und Tanks mit Treib- und Schmierstoffen", "ru_vehicle_losses"),
        ("Tanks", "ru_tank_losses"),
    ],
)
def test_production_is_not_losses_and_each_item_its_metric(
        what: str, metric: str | None, bundled: list[Metric]) -> None:
    assert assign_metric(what, "count", None, bundled, what) == metric


@pytest.mark.parametrize(
    ("what", "metric"),
    [
        ("special equipment", "ru_special_equipment_losses"),
        ("специальная техника", "ru_special_equipment_losses"),
        ("одиниць спецтехніки", "ru_special_equipment_losses"),
        ("spezielle Fahrzeuge", "ru_special_equipment_losses"),
        ("military vehicles", "ru_vehicle_losses"),
        ("planes the army lost", "ru_aircraft_losses"),  # "plans" vetoes nothing here
        ("airplanes", "ru_aircraft_losses"),
        ("naval units", "ru_naval_ship_losses"),
    ],
)
def test_equipment_items_take_their_own_metric(what: str, metric: str,
                                              bundled: list[Metric]) -> None:
    assert assign_metric(what, "count", None, bundled, what) == metric


def test_a_thing_named_beside_its_owners_is_the_thing() -> None:
    assert thing_concepts({"loss", "equipment", "personnel"}) == {"loss", "equipment"}
    assert auto_thing("hardware the Russian forces lost") == "auto:equipment+loss"


def test_a_clause_gives_only_the_entities_it_names() -> None:
    # a bare "losses" in a clause does not make a figure a count of soldiers
    assert auto_thing("in September", "the losses were lower in September") == "auto:loss"
    assert auto_thing("in September", "soldiers lost in September") == "auto:loss+personnel"
    # its own what may imply them
    assert auto_thing("losses in September") == "auto:loss+personnel"


def test_kind_decides_which_concepts_speak() -> None:
    # time spent reporting is no spending; money spent is
    assert auto_thing("spent reporting the story", kind="duration") is None
    assert auto_thing("spent on defence", kind="money") == DEFENCE
    assert auto_thing("Verteidigungsausgaben", kind="duration") is None


@pytest.mark.parametrize(
    "what",
    ["gross domestic product", "валового внутреннего продукта", "Bruttoinlandsprodukt"],
)
def test_a_product_is_no_production(what: str) -> None:
    assert "production" not in concepts_of(what)


@pytest.mark.parametrize(
    "what",
    [
        "more soldiers dispatched to Russia",
        "военных, направленных в Россию",
        "військових, відправлених до Росії",
        "nach Russland entsandte Soldaten",
    ],
)
def test_troops_sent_are_not_losses(what: str, bundled: list[Metric]) -> None:
    context = what + ", where many were killed"
    assert assign_metric(what, "count", None, bundled, context) != PERSONNEL
    found = named_thing(what, context, (), bundled, "count", None)
    assert found is not None and found.startswith("auto:deployment+personnel")


@pytest.mark.parametrize(
    ("first", "second"),
    [
        # destroyed things are not lost people, nor are they the things lost in all
        ("systems destroyed", "soldiers lost"),
        ("уничтоженные системы", "потери военных"),
        ("знищені системи", "втрати військових"),
        ("zerstörte Systeme", "Verluste der Soldaten"),
        ("units of equipment destroyed", "units of equipment lost"),
        # permanent losses are not all casualties
        ("permanent casualties", "casualties"),
        ("безвозвратные потери", "потери"),
        ("безповоротні втрати", "втрати"),
        ("dauerhafte Verluste", "Verluste"),
    ],
)
def test_destroyed_and_permanent_stay_apart(first: str, second: str) -> None:
    a, b = auto_thing(first), auto_thing(second)
    assert a is not None and b is not None and a != b


def test_destroyed_implies_equipment() -> None:
    assert auto_thing("destroyed in combat") == "auto:destruction+equipment"


@pytest.mark.parametrize(
    "what",
    ["permanent casualties", "units of equipment Russian forces lost", "systems destroyed"],
)
def test_no_personnel_metric_for_other_things(what: str, bundled: list[Metric]) -> None:
    assert named_thing(what, "", (), bundled, "count", None) != PERSONNEL
    assert assign_metric(what, "count", None, bundled, what) not in {PERSONNEL,
                                                                    "ru_vehicle_losses"}


@pytest.mark.parametrize(
    ("sentence", "actor"),
    [
        ("Ukraine has also suffered heavy losses, with analysts counting 6,100 vehicles lost.",
         "ukraine"),
        ("Україна також зазнала значних втрат: аналітики нарахували 6 100 одиниць техніки.",
         "ukraine"),
        ("Украина также понесла тяжёлые потери: аналитики насчитали 6 100 единиц техники.",
         "ukraine"),
        ("Auch die Ukraine erlitt schwere Verluste: Analysten zählten 6.100 Fahrzeuge.", "ukraine"),
        ("Russia lost 6,100 vehicles, Ukraine's General Staff said.", "russia"),
        # near misses: the reporting country is not the one that suffers
        ("Ukraine's General Staff said Russia has lost 6,100 vehicles.", "russia"),
        ("Ukraine says the enemy lost 6,100 vehicles.", ""),
        ("Ukrainian officials counted 6,100 Russian vehicles destroyed.", ""),
    ],
)
def test_the_country_that_suffers_the_losses_is_their_actor(sentence: str, actor: str) -> None:
    assert suffering_actor(sentence) == actor
