"""A battery of phrasings for what a figure counts, in en/ru/uk/de, with near misses.

Every sentence here is written for this battery; each case names the figures (in order) and
what each must count, or a word its ``what`` must (or must not) hold.
"""

from __future__ import annotations

import pytest

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


# a bracketed twin or increment right after a figure: the noun after the bracket is counted
BRACKET_THEN_NOUN = [
    ("The navy has so far recorded 1,204 (+6) sunken barges.", ("1,204", "+6"), "sunken barges"),
    ("Флот насчитал 1 204 (+6) затонувших барж.", ("1 204", "+6"), "затонувших барж"),
    ("Флот нарахував 1 204 (+6) затонулих барж.", ("1 204", "+6"), "затонулих барж"),
    (
        "Die Marine zählte bisher 1.204 (+6) gesunkene Lastkähne.",
        ("1.204", "+6"),
        "gesunkene Lastkähne",
    ),
    ("Officials counted 310 (up 12) stray horses in the valley.", ("310", "12"), "stray horses"),
]


@pytest.mark.parametrize(("text", "surfaces", "noun"), BRACKET_THEN_NOUN)
def test_bracketed_twin_is_skipped_to_the_noun(
    text: str, surfaces: tuple[str, ...], noun: str
) -> None:
    whats = _whats(text, *surfaces)
    assert whats[0] is not None and whats[0].startswith(noun)
    assert whats[1] == whats[0]  # the increment counts the same thing
    assert not any(ch.isdigit() for ch in whats[0])  # no echoed figure


# list items with bracketed increments: each number takes its own following noun
BRACKETED_LIST = [
    (
        "Since spring the rangers have tagged 412 (+3) wolves, 97 (+1) lynxes, 1.020 (+15) foxes.",
        ("412", "+3", "97", "+1", "1.020", "+15"),
        ["wolves", "lynxes", "foxes"],
    ),
    (
        "Seit Mai markierten die Förster 412 (+3) Wölfe, 97 (+1) Luchse, 1.020 (+15) Füchse.",
        ("412", "+3", "97", "+1", "1.020", "+15"),
        ["Wölfe", "Luchse", "Füchse"],
    ),
    (
        "С весны егеря пометили 412 (+3) волков, 97 (+1) рысей, 1 020 (+15) лисиц.",
        ("412", "+3", "97", "+1", "1 020", "+15"),
        ["волков", "рысей", "лисиц"],
    ),
    (
        "Із весни єгері позначили 412 (+3) вовків, 97 (+1) рисей, 1 020 (+15) лисиць.",
        ("412", "+3", "97", "+1", "1 020", "+15"),
        ["вовків", "рисей", "лисиць"],
    ),
]


@pytest.mark.parametrize(("text", "surfaces", "nouns"), BRACKETED_LIST)
def test_bracketed_list_items_each_take_their_own_noun(
    text: str, surfaces: tuple[str, ...], nouns: list[str]
) -> None:
    whats = _whats(text, *surfaces)
    for k, noun in enumerate(nouns):
        item, increment = whats[2 * k], whats[2 * k + 1]
        assert item is not None and item.startswith(noun), (item, noun)
        assert increment == item
        for other in nouns:
            if other != noun:
                assert other not in item  # never the previous (or next) item's noun


# money with its conversion in brackets: the conversion is not what is counted
MONEY_TWIN = [
    (
        "The city will spend 4.2 billion roubles ($46 million) on new tram lines.",
        ("4.2 billion roubles", "$46 million"),
        "tram lines",
    ),
    (
        "Der Bezirk gibt 3 Millionen Euro (etwa 3,2 Millionen Dollar) für neue Brücken aus.",
        ("3 Millionen Euro", "3,2 Millionen Dollar"),
        "Brücken",
    ),
    (
        "Город потратит 4,2 млрд рублей ($46 млн) на новые трамвайные линии.",
        ("4,2 млрд рублей", "$46 млн"),
        "трамвайные линии",
    ),
    (
        "Місто витратить 4,2 млрд гривень ($100 млн) на нові мости.",
        ("4,2 млрд гривень", "$100 млн"),
        "мости",
    ),
]


@pytest.mark.parametrize(("text", "surfaces", "word"), MONEY_TWIN)
def test_money_conversion_in_brackets_is_not_echoed(
    text: str, surfaces: tuple[str, ...], word: str
) -> None:
    whats = _whats(text, *surfaces, kind="money")
    assert whats[0] is not None and word in whats[0]
    assert "$" not in whats[0] and not any(ch.isdigit() for ch in whats[0])
    assert whats[1] == whats[0]


# brackets inside the counted phrase are kept whole, never cut at the parenthesis
BALANCED = [
    (
        "Auditors flagged 64 loans to shell firms (mostly offshore), the report said.",
        "64",
        "loans to shell firms (mostly offshore)",
    ),
    (
        "The court heard 18 appeals on unpaid leave (UPL) last term.",
        "18",
        "appeals on unpaid leave (UPL)",
    ),
    (
        "Суд рассмотрел 18 жалоб на отпуск без сохранения зарплаты (ОБС), сообщили в суде.",
        "18",
        "жалоб на отпуск без сохранения зарплаты (ОБС)",
    ),
    (
        "Das Gericht prüfte 18 Klagen wegen unbezahlten Urlaubs (UU), hieß es.",
        "18",
        "Klagen wegen unbezahlten Urlaubs (UU)",
    ),
    (
        "Inspectors found 27 wells (dry, capped or sealed) near the farm.",
        "27",
        "wells (dry, capped or sealed)",
    ),
]


@pytest.mark.parametrize(("text", "surface", "what"), BALANCED)
def test_brackets_in_the_phrase_stay_balanced(text: str, surface: str, what: str) -> None:
    found = _whats(text, surface)[0]
    assert found is not None and found.startswith(what)
    assert found.count("(") == found.count(")")


# a bracket that holds no figure is no twin: it is not skipped (near miss)
def test_bracket_without_a_figure_is_part_of_the_phrase() -> None:
    text = "Rescuers saved 40 (mostly elderly) residents from the flood."
    found = _whats(text, "40")[0]
    assert found is not None and "residents" in found
    assert found.startswith("(mostly elderly)")


# a bare figure after a copula or a verb of change: the subject is what it counts
COPULA_SUBJECT = [
    (
        "The total number of stolen bicycles since the spring fair stands at 1,310.",
        "1,310",
        "total number of stolen bicycles",
    ),
    (
        "The harbour budget deficit is expected to be 2.5 billion euros.",
        "2.5 billion euros",
        "harbour budget deficit",
    ),
    (
        "Spending on school meals will rise to 8 million pounds next year.",
        "8 million pounds",
        "Spending on school meals",
    ),
    (
        "The minimum monthly fee currently stands at 90 dollars.",
        "90 dollars",
        "minimum monthly fee",
    ),
    ("The regional grant was raised to 40,000 roubles.", "40,000 roubles", "regional grant"),
    (
        "Расходы на школьное питание составили 8 млн рублей.",
        "8 млн рублей",
        "Расходы на школьное питание",
    ),
    (
        "Загальна кількість викрадених велосипедів становить 1 310.",
        "1 310",
        "Загальна кількість викрадених велосипедів",
    ),
    (
        "Die Ausgaben für Schulessen beliefen sich auf 8 Millionen Euro.",
        "8 Millionen Euro",
        "Ausgaben für Schulessen",
    ),
    (
        "Die Zahl der gestohlenen Fahrräder liegt bei etwa 1.310.",
        "1.310",
        "Zahl der gestohlenen Fahrräder",
    ),
]


@pytest.mark.parametrize(("text", "surface", "what"), COPULA_SUBJECT)
def test_figure_after_a_copula_counts_the_subject(text: str, surface: str, what: str) -> None:
    found = _whats(text, surface, kind="money" if not surface[-1].isdigit() else "count")[0]
    assert found is not None and found.startswith(what), found
    assert not found.endswith((" stands", " is", " be", " to", " raised"))


# near misses: a noun after the figure is what it counts, not the subject before the verb
COPULA_NEAR_MISS = [
    ("The fleet now stands at 40 ferries and 12 tugs.", "40", "ferries"),
    ("Der Bestand liegt bei 40 Fähren.", "40", "Fähren"),
    ("Флот составляет 40 паромов.", "40", "паромов"),
    ("Флот становить 40 поромів.", "40", "поромів"),
]


@pytest.mark.parametrize(("text", "surface", "noun"), COPULA_NEAR_MISS)
def test_a_noun_after_the_figure_is_kept_after_a_copula(text: str, surface: str, noun: str) -> None:
    found = _whats(text, surface)[0]
    assert found is not None and found.startswith(noun), found


# a label, a dash and a figure with a classifier: the label names the thing
LABEL_CLASSIFIER = [
    (
        "Depot:\n• forklifts — 212 (+4) units,\n• cranes — 31 units.",
        ("212", "+4", "31"),
        ["forklifts", "forklifts", "cranes"],
    ),
    (
        "Склад:\n- погрузчики — 212 (+4) единиц;\n- краны — 31 единица.",
        ("212", "+4", "31"),
        ["погрузчики", "погрузчики", "краны"],
    ),
    (
        "Склад:\n- навантажувачі — 212 (+4) одиниць;\n- крани — 31 одиниця.",
        ("212", "+4", "31"),
        ["навантажувачі", "навантажувачі", "крани"],
    ),
    (
        "Lager:\n• Gabelstapler — 212 (+4) Stück,\n• Kräne — 31 Stück.",
        ("212", "+4", "31"),
        ["Gabelstapler", "Gabelstapler", "Kräne"],
    ),
]


@pytest.mark.parametrize(("text", "surfaces", "whats"), LABEL_CLASSIFIER)
def test_label_before_a_dash_names_what_a_classifier_counts(
    text: str, surfaces: tuple[str, ...], whats: list[str]
) -> None:
    assert _whats(text, *surfaces) == whats


# near misses: a classifier after a verb, or a dash that opens an aside, keeps the classifier
CLASSIFIER_NEAR_MISS = [
    ("The rebels abandoned 1,113 units near the river.", "1,113", "units"),
    ("The bulk of the fleet—350 units—was sold.", "350", "units"),
    ("Повстанцы бросили 1 113 единиц техники.", "1 113", "единиц техники"),
    ("Die Armee gab 1.113 Einheiten auf.", "1.113", "Einheiten"),
]


@pytest.mark.parametrize(("text", "surface", "word"), CLASSIFIER_NEAR_MISS)
def test_a_classifier_after_a_verb_is_kept(text: str, surface: str, word: str) -> None:
    found = _whats(text, surface)[0]
    assert found is not None and found.startswith(word), found


# a share "N% of Y" keeps its "of" and the article: gold writes "of GDP", "of the workforce"
PERCENT_OF = [
    (
        "Farm subsidies make up 4.5% of the national budget.",
        "4.5%",
        "Farm subsidies of the national budget",
    ),
    ("Die Subventionen machen 4,5 % des Haushalts aus.", "4,5 %", None),
    ("About 12% of the fleet is idle.", "12%", "of the fleet"),
    ("Близько 12% із флоту стоїть без діла.", "12%", "із флоту"),
]


@pytest.mark.parametrize(("text", "surface", "what"), PERCENT_OF)
def test_a_share_keeps_its_of(text: str, surface: str, what: str | None) -> None:
    found = _whats(text, surface, kind="percent")[0]
    if what is None:  # no "of" after the figure: nothing is prefixed
        assert found is None or not found.startswith(("of ", "von "))
    else:
        assert found is not None and found.startswith(what), found


def test_a_count_of_y_drops_the_of() -> None:
    """Near miss: "18 of the ferries" counts ferries; only a share keeps its "of"."""
    found = _whats("Inspectors grounded 18 of the ferries.", "18")[0]
    assert found is not None and found.startswith("ferries"), found


# an age counts "age" (of the person it describes), not the words around it
AGE = [
    ("Rescuers found a nine-year-old boy under the rubble.", "nine-year-old", "age of boy"),
    ("The 31-year-old is now back home.", "31-year-old", "age"),
    ("The army plans to call up 90,000 men aged 18-27.", "18-27", "age of men"),
    ("The pilot died in March. He was 24.", "24", "age"),
    ("Aged 52 and out of work, he signed a contract.", "52", "age"),
    ("Погибшему было 24 года, он служил в возрасте 20 лет.", "20 лет", "возраст"),
    ("Загиблий служив у віці 20 років.", "20 років", "вік"),
    ("Er diente im Alter von 20 Jahren.", "20 Jahren", "Alter"),
]


@pytest.mark.parametrize(("text", "surface", "what"), AGE)
def test_an_age_counts_age(text: str, surface: str, what: str) -> None:
    assert _whats(text, surface, kind="duration")[0] == what


# near misses: a span of years that is no age keeps its own noun
AGE_NEAR_MISS = [
    ("The 20-year treaty could be extended.", "20-year", "treaty"),
    ("He was sentenced to 12 years in prison.", "12 years", "in prison"),
    ("She was 40 minutes late.", "40 minutes", "late"),
]


@pytest.mark.parametrize(("text", "surface", "word"), AGE_NEAR_MISS)
def test_a_span_of_years_is_no_age(text: str, surface: str, word: str) -> None:
    found = _whats(text, surface, kind="duration")[0]
    assert found is None or not found.startswith("age"), found
    assert found is not None and word in found, found


# the clause that governs a figure is taken without the adverbs and dates that open it
SCENE = [
    ("Meanwhile, the rebels captured 37 trucks.", "37", "trucks", "Meanwhile"),
    ("In 2024, the rebels captured 37 trucks.", "37", "trucks", "2024"),
    ("Since March 2023 the rebels have captured 37 trucks.", "37", "trucks", "March"),
    ("За минулу добу Сили оборони знищили 12 дронів.", "12", "дронів", "добу"),
    ("Минулої доби Сили оборони знищили 12 дронів.", "12", "дронів", "доби"),
    ("Всего с февраля 2022 года армия потеряла 500 танков.", "500", "танков", "февраля"),
    ("Außerdem verlor die Armee 40 Brücken.", "40", "Brücken", "Außerdem"),
]


@pytest.mark.parametrize(("text", "surface", "noun", "absent"), SCENE)
def test_governing_clause_drops_its_opening_adverbs_and_dates(
    text: str, surface: str, noun: str, absent: str
) -> None:
    found = _whats(text, surface)[0]
    assert found is not None and found.startswith(noun), found
    assert absent not in found, found


def test_a_year_in_the_subject_itself_is_kept() -> None:
    """Near miss: "2024" inside "the 2024 budget" names the thing, it does not open the clause."""
    found = _whats("The 2024 budget deficit is expected to be 3 billion euros.", "3 billion euros")[
        0
    ]
    assert found is not None and "2024 budget deficit" in found, found


# a bulleted list under a header that names the set: each item is "header: label"
HEADER = [
    (
        "Harbour stock as of 1 May:\n\n  • cranes — 31 units,\n  • tugs — 12 units.",
        ("31", "12"),
        ["Harbour stock: cranes", "Harbour stock: tugs"],
    ),
    (
        "Запасы порта на 1 мая:\n- краны — 31;\n- буксиры — 12.",
        ("31", "12"),
        ["Запасы порта: краны", "Запасы порта: буксиры"],
    ),
    (
        "Запаси порту станом на 1 травня:\n- крани — 31;\n- буксири — 12.",
        ("31", "12"),
        ["Запаси порту: крани", "Запаси порту: буксири"],
    ),
    (
        "Bestand des Hafens am 1. Mai:\n• Kräne — 31,\n• Schlepper — 12.",
        ("31", "12"),
        ["Bestand des Hafens: Kräne", "Bestand des Hafens: Schlepper"],
    ),
]


@pytest.mark.parametrize(("text", "surfaces", "whats"), HEADER)
def test_list_items_take_the_header_that_names_the_set(
    text: str, surfaces: tuple[str, ...], whats: list[str]
) -> None:
    assert _whats(text, *surfaces) == whats


# near misses: a header that is a clause or a bare adverb, or no bullets, adds nothing
HEADER_NEAR_MISS = [
    (
        "Besides boats, the harbour lost cranes:\n• cranes — 31;\n• tugs — 12.",
        ("31", "12"),
        ["cranes", "tugs"],
    ),
    (
        "Кроме лодок, порт теряет технику:\n- краны — 31;\n- буксиры — 12.",
        ("31", "12"),
        ["краны", "буксиры"],
    ),
    ("Зокрема:\n- крани — 31;\n- буксири — 12.", ("31", "12"), ["крани", "буксири"]),
    ("Harbour stock:\ncranes — 31, tugs — 12.", ("31",), ["cranes"]),
]


@pytest.mark.parametrize(("text", "surfaces", "whats"), HEADER_NEAR_MISS)
def test_no_header_prefix_for_a_clause_an_adverb_or_no_bullets(
    text: str, surfaces: tuple[str, ...], whats: list[str]
) -> None:
    assert _whats(text, *surfaces) == whats


# no echoed figure: another figure inside the phrase is left out of it (it has its own what)
UNECHO = [
    (
        "By May, 536 criminal cases had been opened against 548 soldiers.",
        ("536", "548"),
        "criminal cases opened against soldiers",
    ),
    (
        "The ferries carried nearly half of the 3,000 passengers.",
        ("half", "3,000"),
        "of the passengers",
    ),
    ("Суды получили 120 жалоб от 300 заявителей.", ("120", "300"), "жалоб от заявителей"),
    ("Die Gerichte erhielten 120 Klagen von 300 Klägern.", ("120", "300"), "Klagen von Klägern"),
]


@pytest.mark.parametrize(("text", "surfaces", "what"), UNECHO)
def test_no_other_figure_is_echoed_in_what(text: str, surfaces: tuple[str, ...], what: str) -> None:
    kind: Kind = "ratio" if surfaces[0] == "half" else "count"
    found = _whats(text, *surfaces, kind=kind)[0]
    assert found is not None and found.startswith(what), found
    assert not any(ch.isdigit() for ch in found), found


def test_an_age_inside_the_phrase_is_kept() -> None:
    """Near miss: "aged 18-30" describes the soldiers; the range is not another count."""
    text = "Around 150,000 soldiers aged 18-30 will be called up."
    quantities = [
        Quantity(7, 14, "150,000", 150000.0, kind="count"),
        Quantity(text.index("18-30"), text.index("18-30") + 5, "18-30", 18.0, kind="duration"),
    ]
    sentences = [(s.start, s.end, s.paragraph) for s in split_sentences(text)]
    found = find_what(text, quantities, sentences)[0]
    assert found is not None and "aged 18-30" in found, found


# a fraction "half of the Y" keeps its "of" and what it refers to as written
RATIO_OF = [
    ("Almost half of these ferries were idle.", "half", "of these ferries"),
    ("Около трети из этих паромов простаивали.", "трети", "из этих паромов"),
    ("Майже половина з цих поромів простоювала.", "половина", "з цих поромів"),
    ("Fast die Hälfte von diesen Fähren lag still.", "Hälfte", "von diesen Fähren"),
]


@pytest.mark.parametrize(("text", "surface", "what"), RATIO_OF)
def test_a_fraction_keeps_its_of(text: str, surface: str, what: str) -> None:
    found = _whats(text, surface, kind="ratio")[0]
    assert found is not None and found.startswith(what), found


# "X accounts for N% of Y": the share is X's; a pronoun or relative owns nothing
SHARE_OWNER = [
    (
        "Farm subsidies accounted for about 8% of federal spending.",
        "8%",
        "Farm subsidies of federal spending",
    ),
    (
        "Officials estimate that farm subsidies account for 8% of federal spending.",
        "8%",
        "farm subsidies of federal spending",
    ),
    ("The budget grew, which is 8% of federal spending.", "8%", "of federal spending"),
    ("It is 8% of federal spending.", "8%", "of federal spending"),
]


@pytest.mark.parametrize(("text", "surface", "what"), SHARE_OWNER)
def test_a_share_names_its_owner(text: str, surface: str, what: str) -> None:
    assert _whats(text, surface, kind="percent")[0] == what


# a phrase cut before a figure or a clause does not end in a dangling function word
DANGLING = [
    ("The court heard 12 appeals of.", "12", "appeals"),
    ("Die Stadt kaufte 12 Busse und", "12", "Busse"),
    ("Місто купило 12 автобусів та", "12", "автобусів"),
]


@pytest.mark.parametrize(("text", "surface", "what"), DANGLING)
def test_no_dangling_function_word_at_the_end(text: str, surface: str, what: str) -> None:
    found = _whats(text, surface)[0]
    assert (
        found is not None
        and found.split()[0] == what
        and found.split()[-1]
        not in (
            "of",
            "und",
            "та",
        )
    ), found


# an increment in brackets counts the same thing over the time frame its bracket names;
# later increments of the report inherit that frame
INCREMENT_FRAME = [
    (
        "The depot lists 412 (+3 in the past day) cranes, 97 (+1) tugs.",
        ["cranes", "tugs"],
        "in the past day",
    ),
    (
        "Склад: 412 (+3 за минулу добу) кранів, 97 (+1) буксирів.",
        ["кранів", "буксирів"],
        "за минулу добу",
    ),
    ("Склад: 412 (+3 за сутки) кранов, 97 (+1) буксиров.", ["кранов", "буксиров"], "за сутки"),
    (
        "Der Hafen meldet 412 (+3 am vergangenen Tag) Kräne, 97 (+1) Schlepper.",
        ["Kräne", "Schlepper"],
        "am vergangenen Tag",
    ),
]


@pytest.mark.parametrize(("text", "nouns", "frame"), INCREMENT_FRAME)
def test_an_increment_takes_the_time_frame_of_its_bracket(
    text: str, nouns: list[str], frame: str
) -> None:
    sentences = [(s.start, s.end, s.paragraph) for s in split_sentences(text)]
    quantities = []
    pos = 0
    for surface in ("412", "+3", "97", "+1"):
        start = text.index(surface, pos)
        change = surface.startswith("+")
        quantities.append(Quantity(start, start + len(surface), surface, 1.0, change=change))
        pos = start + len(surface)
    found = find_what(text, quantities, sentences)
    for k, noun in enumerate(nouns):
        item, increment = found[2 * k], found[2 * k + 1]
        assert item is not None and item.startswith(noun) and frame not in item, found
        assert increment == f"{item} {frame}", found


def test_a_bracket_that_is_no_increment_adds_no_frame() -> None:
    """Near miss: "(about $46m)" is a conversion, not an increment with a time frame."""
    text = "The city will spend 4.2 billion roubles (about $46m) on trams."
    found = _whats(text, "4.2 billion roubles", "$46m", kind="money")
    assert found[0] is not None and "about" not in found[0], found


# classifiers for people after a label and dash: the label names who is counted
def test_people_after_a_label_dash_is_a_classifier() -> None:
    text = "Courts convicted a record number of ferry pilots of smuggling – 64 people."
    found = _whats(text, "64")[0]
    assert found is not None and "ferry pilots" in found and not found.startswith("people")


# "an additional N X": the adjective before the figure belongs to the counted noun
ADDITIONAL = [
    ("The port hired an additional 300 dockers in May.", "300", "additional dockers"),
    ("Der Hafen stellte weitere 300 Hafenarbeiter ein.", "300", "weitere Hafenarbeiter"),
    ("Порт нанял дополнительных 300 докеров.", "300", "дополнительных докеров"),
    ("Порт найняв додаткових 300 докерів.", "300", "додаткових докерів"),
]


@pytest.mark.parametrize(("text", "surface", "what"), ADDITIONAL)
def test_additional_before_the_figure_is_kept(text: str, surface: str, what: str) -> None:
    found = _whats(text, surface)[0]
    assert found is not None and found.startswith(what), found


def test_additional_before_a_sum_sent_somewhere_is_not_glued_to_a_preposition() -> None:
    """Near miss: "an additional 400 euros to each family" has no noun after the figure."""
    found = _whats("The city pays an additional 400 euros to each family.", "400 euros")[0]
    assert found is None or not found.startswith("additional to"), found


# "the highest number of X – N", "найбільшу кількість X — N": X is counted, not the number
RECORD_NUMBER = [
    (
        "Most trips were short, with the highest number of trips in Leeds – 496.",
        "496",
        "trips in Leeds",
    ),
    (
        "При цьому в Києві зареєстровано найбільшу кількість поїздок — 496.",
        "496",
        "в Києві зареєстровано поїздок",
    ),
    (
        "При этом в Москве зафиксировано наибольшее количество поездок — 496.",
        "496",
        "в Москве зафиксировано поездок",
    ),
    ("Die Stadt meldet die größte Zahl von Fahrten – 496.", "496", "Stadt meldet Fahrten"),
]


@pytest.mark.parametrize(("text", "surface", "what"), RECORD_NUMBER)
def test_a_superlative_number_of_counts_what_follows(text: str, surface: str, what: str) -> None:
    found = _whats(text, surface)[0]
    assert found is not None and what in found, found
    assert "number" not in found and "кількість" not in found and "Zahl" not in found


def test_the_total_number_is_kept() -> None:
    """Near miss: "the total number of trips" names the total, not a superlative."""
    found = _whats("The total number of trips stands at 7,400.", "7,400")[0]
    assert found == "total number of trips", found


# a copula subject after a time frame that opens the clause: the subject, not the adverb
FRAME_THEN_SUBJECT = [
    (
        "Загалом же з моменту реформи у травні 2022 року кількість таких поїздок становить 7400.",
        "7400",
        "кількість таких поїздок",
    ),
    (
        "Всего с момента реформы в мае 2022 года количество таких поездок составляет 7400.",
        "7400",
        "количество таких поездок",
    ),
]


@pytest.mark.parametrize(("text", "surface", "what"), FRAME_THEN_SUBJECT)
def test_a_subject_after_an_opening_time_frame(text: str, surface: str, what: str) -> None:
    assert _whats(text, surface)[0] == what


# "за два роки війни загинула 31 тисяча військових": the span of years counts the war, the
# count after the verb counts the soldiers, and neither takes the other's words
def _span_then_count(text: str, span: str, count: str) -> list[str | None]:
    s0, c0 = text.index(span), text.index(count)
    quantities = [
        Quantity(s0, s0 + len(span), span, 2.0, kind="duration"),
        Quantity(c0, c0 + len(count), count, 31000.0, kind="count"),
    ]
    sentences = [(s.start, s.end, s.paragraph) for s in split_sentences(text)]
    return find_what(text, quantities, sentences)


SPAN_THEN_COUNT = [
    (
        "За його словами, за два роки облоги загинула 31 тисяча жителів.",
        "два роки",
        "31 тисяча",
        "облоги",
        "жителів загинула",
    ),
    (
        "По его словам, за два года осады погибла 31 тысяча жителей.",
        "два года",
        "31 тысяча",
        "осады",
        "жителей погибла",
    ),
]


@pytest.mark.parametrize(("text", "span", "count", "span_what", "count_what"), SPAN_THEN_COUNT)
def test_a_time_span_and_the_count_after_its_verb(
    text: str, span: str, count: str, span_what: str, count_what: str
) -> None:
    assert _span_then_count(text, span, count) == [span_what, count_what]


def test_a_pronoun_before_the_verb_keeps_the_phrase() -> None:
    """Near miss: "около двух месяцев они проходили подготовку": "они" is no phrase of the span."""
    text = "Затем около двух месяцев они проходили подготовку в частях."
    found = _whats(text, "двух месяцев", kind="duration")[0]
    assert found is not None and "подготовку" in found, found


# "Of those, at least N were X": the qualifier alone after the comma, the reference before it
REFERENCE_THEN_QUALIFIER = [
    (
        "The port lost 800 cranes in the storm. Of those, at least 420 were destroyed, 90 damaged.",
        ("800", "420", "90"),
        ["cranes", "cranes", "cranes"],
    ),
    (
        "Rangers tagged 500 wolves. Of these, about 300 were released.",
        ("500", "300"),
        ["wolves", "wolves"],
    ),
]


@pytest.mark.parametrize(("text", "surfaces", "heads"), REFERENCE_THEN_QUALIFIER)
def test_a_reference_before_a_lone_qualifier_is_resolved(
    text: str, surfaces: tuple[str, ...], heads: list[str]
) -> None:
    found = _whats(text, *surfaces)
    for what, head in zip(found, heads, strict=True):
        assert what is not None and what.startswith(head), found


def test_a_lone_qualifier_after_a_clause_takes_nothing_from_it() -> None:
    """Near miss: ", including 372 planes": the clause before the comma is no reference."""
    text = "Russia lost an array of aircraft, including 372 planes, 335 helicopters."
    found = _whats(text, "372", "335")
    assert found[0] is not None and found[0].startswith("planes") and "array" not in found[0]


def test_a_pronoun_is_no_governor() -> None:
    found = _whats("The treaty is long. It includes 23 articles.", "23")[0]
    assert found == "articles", found


# a conversion in brackets with a qualifier is still the same thing: "(around $4,500)"
CONVERSION_WITH_QUALIFIER = [
    (
        "The city grant is set at 400,000 roubles (around $4,500), officials said.",
        ("400,000 roubles", "$4,500"),
    ),
    (
        "Der Zuschuss liegt bei 400.000 Rubel (etwa 4.200 Euro), hieß es.",
        ("400.000 Rubel", "4.200 Euro"),
    ),
    ("Грант составляет 400 000 рублей (около $4500).", ("400 000 рублей", "$4500")),
    ("Грант становить 400 000 гривень (приблизно $10 000).", ("400 000 гривень", "$10 000")),
]


@pytest.mark.parametrize(("text", "surfaces"), CONVERSION_WITH_QUALIFIER)
def test_a_qualified_conversion_shares_the_thing(text: str, surfaces: tuple[str, ...]) -> None:
    found = _whats(text, *surfaces, kind="money")
    assert found[0] is not None and found[1] == found[0], found


# "X is expected to be N and M, respectively": the second figure of a bare "and" pair counts X
BARE_AND = [
    (
        "The port deficit is expected to be 2.1 billion euros and 2.7 billion euros, respectively.",
        ("2.1 billion euros", "2.7 billion euros"),
        "port deficit",
    ),
    (
        "Дефицит порта составит 2,1 млрд евро и 2,7 млрд евро соответственно.",
        ("2,1 млрд евро", "2,7 млрд евро"),
        None,
    ),
]


@pytest.mark.parametrize(("text", "surfaces", "what"), BARE_AND)
def test_a_bare_and_pair_shares_the_thing(
    text: str, surfaces: tuple[str, ...], what: str | None
) -> None:
    found = _whats(text, *surfaces, kind="money")
    assert found[1] == found[0], found
    if what is not None:
        assert found[0] == what, found


def test_a_bare_and_between_figures_of_different_kinds_is_no_pair() -> None:
    """Near miss: "12 ferries and 40%" are not two figures of one thing."""
    text = "The port lost 12 ferries and 40% of its cranes."
    quantities = [
        Quantity(14, 16, "12", 12.0, kind="count"),
        Quantity(text.index("40%"), text.index("40%") + 3, "40%", 40.0, kind="percent"),
    ]
    sentences = [(s.start, s.end, s.paragraph) for s in split_sentences(text)]
    found = find_what(text, quantities, sentences)
    assert found[1] is not None and "cranes" in found[1], found


# a time frame opening a sentence spans the clause after its comma
FRAMED = [
    (
        "Over the past six months, the number of ferry crossings has doubled.",
        "six months",
        "number of ferry crossings has doubled",
    ),
    (
        "In the last two weeks, the harbour has lost four cranes.",
        "two weeks",
        "harbour has lost four cranes",
    ),
    (
        "За последние две недели, число рейсов выросло вдвое.",
        "две недели",
        "число рейсов выросло вдвое",
    ),
    (
        "In den letzten zwei Wochen, die Zahl der Fahrten hat sich verdoppelt.",
        "zwei Wochen",
        "Zahl der Fahrten hat sich verdoppelt",
    ),
]


@pytest.mark.parametrize(("text", "surface", "what"), FRAMED)
def test_an_opening_time_frame_spans_the_clause_after_it(
    text: str, surface: str, what: str
) -> None:
    assert _whats(text, surface, kind="duration")[0] == what


def test_a_time_frame_inside_a_clause_is_not_framed() -> None:
    """Near miss: "lost four cranes in the past two weeks, officials said": no opening frame."""
    text = "The harbour lost four cranes in the past two weeks, officials said."
    found = _whats(text, "two weeks", kind="duration")
    assert found[0] is None or "officials" not in found[0], found


# "25 are under Art. 332, 21 – Art. 334": a dash after a figure stands for the first item's verb
ELLIPTIC = [
    (
        "Of 90 appeals, 40 are under Rule 7 (late), 30 – Rule 9 (no fee), 20 – Rule 12 (other).",
        ("90", "40", "30", "20"),
        ["appeals under Rule 9 (no fee)", "appeals under Rule 12 (other)"],
    ),
]


@pytest.mark.parametrize(("text", "surfaces", "tail"), ELLIPTIC)
def test_a_dash_after_a_figure_repeats_the_first_items_verb(
    text: str, surfaces: tuple[str, ...], tail: list[str]
) -> None:
    found = _whats(text, *surfaces)
    assert found[1] is not None and found[1].startswith("appeals are under Rule 7"), found
    assert found[2:] == tail, found


def test_a_dash_after_a_lone_figure_adds_no_head() -> None:
    """Near miss: "The toll rose to 7,400 – a record." has no first item with a verb to repeat."""
    found = _whats("The toll rose to 7,400 – a record.", "7,400")[0]
    assert found is None or not found.startswith("toll rose"), found


# "X rose from N to M": both figures count X, the subject of the change
FROM_TO = [
    (
        "The number of ferry trips has increased from about 400 in May to over 2,400 in June.",
        ("400", "2,400"),
        ["number of ferry trips in May", "number of ferry trips in June"],
    ),
    (
        "The toll for a crossing was doubled from 5 to 10 euros.",
        ("5", "10 euros"),
        ["toll for a crossing", "toll for a crossing"],
    ),
    (
        "The cost of a ticket has plummeted from an average of 200 euros in 2022 to 70 euros.",
        ("200 euros", "70 euros"),
        ["cost of a ticket in 2022", "cost of a ticket in 2023"],
    ),
]


@pytest.mark.parametrize(("text", "surfaces", "whats"), FROM_TO)
def test_from_and_to_figures_count_the_subject_of_the_change(
    text: str, surfaces: tuple[str, ...], whats: list[str]
) -> None:
    found = _whats(text, *surfaces)
    for what, expected in zip(found, whats, strict=True):
        subject = expected.split(" in ")[0]
        assert what is not None and subject in what, found
        assert not any(ch.isdigit() for ch in what.replace("2022", "")), found


def test_to_after_compared_is_no_range() -> None:
    """Near miss: "compared to a year ago" does not end the phrase at a range."""
    text = "Ten times as many ferries sail now compared to a year ago."
    quantities = [
        Quantity(0, 9, "Ten times", 10.0, kind="ratio"),
        Quantity(text.index("a year"), text.index("a year") + 6, "a year", 1.0, kind="duration"),
    ]
    sentences = [(s.start, s.end, s.paragraph) for s in split_sentences(text)]
    found = find_what(text, quantities, sentences)[0]
    assert found is not None and "compared to" in found, found


def test_a_figure_inside_the_subject_of_a_copula() -> None:
    """ "The mean for the last seven days was 824 trips per day": the subject holds a figure."""
    text = "The mean for the last seven days was 824 trips per day."
    quantities = [
        Quantity(text.index("seven"), text.index("seven") + 10, "seven days", 7.0, kind="duration"),
        Quantity(text.index("824"), text.index("824") + 3, "824", 824.0, kind="count"),
    ]
    sentences = [(s.start, s.end, s.paragraph) for s in split_sentences(text)]
    found = find_what(text, quantities, sentences)[1]
    assert found is not None and found.startswith("trips per day") and "mean" in found, found


# ", including N X": the list after "including" shares the verb of the clause before it
INCLUDING = [
    (
        "The storm has wrecked a whole fleet, including 40 yachts, 12 ferries.",
        ("40", "12"),
        ["yachts storm wrecked", "ferries storm wrecked"],
    ),
]


@pytest.mark.parametrize(("text", "surfaces", "whats"), INCLUDING)
def test_items_after_including_share_the_clause_verb(
    text: str, surfaces: tuple[str, ...], whats: list[str]
) -> None:
    assert _whats(text, *surfaces) == whats


def test_including_after_a_clause_without_a_verb_adds_nothing() -> None:
    """Near miss: "a wide array of aircraft, including 372 planes": no verb to share."""
    found = _whats("And a wide array of aircraft, including 372 planes.", "372")[0]
    assert found == "planes", found


# "своих", "ще": the reflexive "own" and "another" before a counted noun are not the noun
OWN = [
    ("Армия потеряла еще 950 своих солдат.", "950", "солдат"),
    ("Армія втратила ще 950 своїх солдатів.", "950", "солдатів"),
]


@pytest.mark.parametrize(("text", "surface", "noun"), OWN)
def test_own_is_dropped_before_the_noun(text: str, surface: str, noun: str) -> None:
    found = _whats(text, surface)[0]
    assert found is not None and found.startswith(noun), found


# a share in apposition to the figure before it is that figure's share
SHARE_APPOSITION = [
    (
        "Port spending will reach 17 billion euros, or nearly 41% of all spending.",
        ("17 billion euros", "41%"),
        "Port spending",
    ),
    (
        "Port spending totals 17 billion euros, accounting for 41% of all spending.",
        ("17 billion euros", "41%"),
        "Port spending",
    ),
]


@pytest.mark.parametrize(("text", "surfaces", "owner"), SHARE_APPOSITION)
def test_a_share_in_apposition_is_the_figures_share(
    text: str, surfaces: tuple[str, ...], owner: str
) -> None:
    sentences = [(s.start, s.end, s.paragraph) for s in split_sentences(text)]
    a, b = (text.index(x) for x in surfaces)
    quantities = [
        Quantity(a, a + len(surfaces[0]), surfaces[0], 17e9, kind="money"),
        Quantity(b, b + len(surfaces[1]), surfaces[1], 41.0, kind="percent"),
    ]
    found = find_what(text, quantities, sentences)
    assert found[1] == f"{owner} of all spending", found


# "Of these files, 86.2% or 776 received a fine": the pair counts the files (resolved to what was
# counted before, as "these" always is) that received one
PAIR_PREDICATE = [
    (
        "Inspectors opened 900 files. Of these files, 86.2% or 776 received a fine.",
        ("900", "86.2%", "776"),
        "files received a fine",
    ),
    (
        "Inspectors opened 900 files. Most of these files, 776, or 86.2% were for late fees.",
        ("900", "776", "86.2%"),
        "files for late fees",
    ),
]


@pytest.mark.parametrize(("text", "surfaces", "what"), PAIR_PREDICATE)
def test_a_pair_with_a_predicate_counts_the_reference_and_predicate(
    text: str, surfaces: tuple[str, ...], what: str
) -> None:
    found = _whats(text, *surfaces)
    noun, predicate = what.split(" ", 1)
    assert found[1] == found[2], found  # both figures of the pair count the same thing
    assert found[1] is not None and found[1].startswith(noun), found  # the files counted before
    assert found[1].endswith(predicate), found  # with the pair's own predicate


def test_a_pair_without_a_reference_keeps_its_noun() -> None:
    """Near miss: no "these" before the pair: the pair keeps the noun after the first figure."""
    found = _whats("The port hired 300 dockers, or 12%, this year.", "300", "12%")
    assert found[0] == found[1] and found[0] is not None and found[0].startswith("dockers"), found


# a copula subject with a time frame after its head: the head, in uk/ru too
SUBJECT_THEN_FRAME = [
    (
        "Загальна кількість поїздок із моменту реформи у травні 2022 року становить 7 400.",
        "7 400",
        "Загальна кількість поїздок",
    ),
    (
        "Загальна кількість поїздок від початку реформи становить 7 400.",
        "7 400",
        "Загальна кількість поїздок",
    ),
]


@pytest.mark.parametrize(("text", "surface", "what"), SUBJECT_THEN_FRAME)
def test_a_subject_before_its_time_frame(text: str, surface: str, what: str) -> None:
    assert _whats(text, surface)[0] == what


def test_a_label_before_an_aside_and_a_dash() -> None:
    """ "Число поездок с начала реформы (май 2022 года) – 7400": the label, not the aside."""
    found = _whats("Общее число поездок с момента реформы (май 2022 года) – 7400.", "7400")[0]
    assert found is not None and "число поездок" in found and "года" not in found, found


def test_a_russian_age_after_bylo() -> None:
    found = _whats("Самому молодому из них было 22 года.", "22 года", kind="duration")[0]
    assert found == "возраст", found


# a bullet label governed by the header's verb (accusative) names the thing in the nominative
NOMINATIVE_LABEL = [
    (
        "Порт теряет технику:\n- портовые краны — 31;\n- специальную технику — 12.",
        ("31", "12"),
        ["портовые краны", "специальная техника"],
    ),
    (
        "Порт втрачає техніку:\n- портові крани — 31;\n- спеціальну техніку — 12.",
        ("31", "12"),
        ["портові крани", "спеціальна техніка"],
    ),
    (
        "Порт теряет технику:\n- автомобильную технику и автоцистерны — 12.",
        ("12",),
        ["автомобильная техника и автоцистерны"],
    ),
]


@pytest.mark.parametrize(("text", "surfaces", "whats"), NOMINATIVE_LABEL)
def test_an_accusative_bullet_label_is_named_in_the_nominative(
    text: str, surfaces: tuple[str, ...], whats: list[str]
) -> None:
    assert _whats(text, *surfaces) == whats


def test_a_genitive_after_a_numeral_is_kept() -> None:
    """Near miss: "12 одиниць спецтехніки" is the article's own genitive after the numeral."""
    found = _whats("Сили оборони знищили 12 одиниць спецтехніки.", "12")[0]
    assert found is not None and found.startswith("одиниць спецтехніки"), found


# a German verb-final list: the participle that closes the last item closes every item
def test_a_verb_final_list_shares_its_participle() -> None:
    text = "Die Flotte soll 37 Fähren, 12 Schlepper und mindestens 5 Kräne verloren haben."
    found = _whats(text, "37", "12", "5")
    assert found[1:] == ["Schlepper verloren", "Kräne verloren haben"], found
    assert found[0] is not None and found[0].startswith("Fähren") and found[0].endswith("verloren")


def test_a_list_without_a_final_participle_is_left_alone() -> None:
    """Near miss: "Die Flotte zählt 37 Fähren, 12 Schlepper und 5 Kräne." has no participle."""
    found = _whats("Die Flotte zählt 37 Fähren, 12 Schlepper und 5 Kräne.", "37", "12", "5")
    assert found[1] == "Schlepper" and found[2] == "Kräne", found


# qualifiers between "and" and the next figure end a list item: "und mindestens 540"
QUALIFIED_AND = [
    ("The fleet lost 300 ferries and at least 540 tugs.", ("300", "540"), "ferries"),
    ("Die Flotte verlor 300 Fähren und mindestens 540 Schlepper.", ("300", "540"), "Fähren"),
    ("Флот потерял 300 паромов и около 540 буксиров.", ("300", "540"), "паромов"),
    ("Флот втратив 300 поромів і понад 540 буксирів.", ("300", "540"), "поромів"),
]


@pytest.mark.parametrize(("text", "surfaces", "noun"), QUALIFIED_AND)
def test_a_qualified_next_item_ends_the_item(
    text: str, surfaces: tuple[str, ...], noun: str
) -> None:
    found = _whats(text, *surfaces)[0]
    assert found is not None and found.split()[0] == noun and "540" not in found, found


# a hyphenated figure is an adjective: what it counts is the noun it modifies, with its adjectives
HYPHEN_ADJECTIVE = [
    ("The new three-year plan envisages that port fees will fall.", "three-year", "new plan"),
    ("The 24-hour hotline helps sailors to report storms.", "24-hour", "hotline"),
    ("The 20-year lease could be extended further.", "20-year", "lease"),
    ("He is serving a nine-year sentence for smuggling.", "nine-year", "sentence for smuggling"),
]


@pytest.mark.parametrize(("text", "surface", "what"), HYPHEN_ADJECTIVE)
def test_a_hyphenated_figure_counts_the_noun_it_modifies(
    text: str, surface: str, what: str
) -> None:
    assert _whats(text, surface, kind="duration")[0] == what


def test_a_plain_duration_is_no_adjective() -> None:
    """Near miss: "for 20 years" is a span, not an adjective of the noun after it."""
    text = "The lease will run for 20 years with two renewals."
    found = _whats(text, "20 years", kind="duration")[0]
    assert found is None or not found.startswith("lease"), found


def test_long_chains_of_changes_stay_linear() -> None:
    """A sentence of thousands of "was doubled from 5 to 10 years": the cues before a figure are
    read in a short window, never from the sentence start (no quadratic scan)."""
    import time

    text = "was doubled from 5 to 10 years " * 3000
    quantities = []
    for k in range(3000):
        base = k * 31
        quantities.append(Quantity(base + 17, base + 18, "5", 5.0, kind="count"))
        quantities.append(Quantity(base + 22, base + 30, "10 years", 10.0, kind="duration"))
    sentences = [(s.start, s.end, s.paragraph) for s in split_sentences(text)]
    t0 = time.perf_counter()
    find_what(text, quantities, sentences)
    assert time.perf_counter() - t0 < 20.0


# a share that is the object of its clause takes the clause: "handed down in half of the cases"
SHARE_CLAUSE = [
    (
        "Verdicts have already been handed down in half of the appeals.",
        "half",
        "of the appeals Verdicts have already been handed down",
    ),
    ("Officials said the port has lost half of its cranes.", "half", "of its cranes port has lost"),
]


@pytest.mark.parametrize(("text", "surface", "what"), SHARE_CLAUSE)
def test_a_share_takes_the_clause_it_is_the_object_of(text: str, surface: str, what: str) -> None:
    assert _whats(text, surface, kind="ratio")[0] == what


def test_a_share_after_a_noun_takes_no_clause() -> None:
    """Near miss: "This marks half of the fleet": "This marks" ends in no verb form we know."""
    found = _whats("This marks nearly half of the fleet.", "half", kind="ratio")[0]
    assert found == "of the fleet", found


# the first figure of a pair without a noun of its own takes the second's noun
NOUNLESS_FIRST = [
    (
        "Losses peaked in July and August, with 1,520 and 1,517 boats sunk.",
        ("1,520", "1,517"),
        "boats sunk",
    ),
    (
        "Losses peaked in spring, with 700 and 650 tugs lost, respectively.",
        ("700", "650"),
        "tugs lost",
    ),
]


@pytest.mark.parametrize(("text", "surfaces", "noun"), NOUNLESS_FIRST)
def test_a_nounless_first_figure_takes_the_seconds_noun(
    text: str, surfaces: tuple[str, ...], noun: str
) -> None:
    found = _whats(text, *surfaces)
    assert found[1] is not None and found[1].startswith(noun), found
    assert found[0] == found[1], found


def test_items_of_an_includes_list_are_parts_not_the_whole() -> None:
    """ "The reported losses include 104 tanks, 575 trucks": each item counts itself."""
    found = _whats(
        "The reported losses include 104 tanks, 575 trucks and 12 boats.", "104", "575", "12"
    )
    assert found == ["tanks", "trucks", "boats"], found


def test_a_reference_to_a_predicated_thing_keeps_the_thing() -> None:
    """ "3,704 tanks were affected. Of these, 2,635 were destroyed": tanks destroyed."""
    text = (
        "Among the losses, 3,704 tanks were affected. Of these, 2,635 were destroyed, 534 captured."
    )
    found = _whats(text, "3,704", "2,635", "534")
    assert found[1:] == ["tanks destroyed", "tanks captured"], found


# a quoted term inside the phrase is kept, with its closing quote
QUOTED = [
    (
        'In 2023, 129 sailors were tried for "desertion," the court said.',
        "129",
        'sailors tried for "desertion"',
    ),
    (
        "Courts heard 700 appeals in cases of “absence without leave” last year.",
        "700",
        "appeals in cases of “absence without leave”",
    ),
    (
        "Суды рассмотрели 700 дел о «самовольном уходе», сообщили в суде.",
        "700",
        "дел о «самовольном уходе»",
    ),
    ("Gerichte prüften 700 Fälle von „Fahnenflucht“, hieß es.", "700", "Fälle von „Fahnenflucht“"),
]


@pytest.mark.parametrize(("text", "surface", "what"), QUOTED)
def test_a_quoted_term_stays_in_the_phrase(text: str, surface: str, what: str) -> None:
    found = _whats(text, surface)[0]
    assert found is not None and found.startswith(what), found
