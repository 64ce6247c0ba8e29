"""Back-references to a source named earlier, names with a report word inside, and names that
hold digits: the chain names the source, not a fragment of its name or of its clause."""

from __future__ import annotations

import pytest

from claimledger.extract.attribution import attach_context, extract_attributions
from claimledger.model import Document, Quantity


def _q(text: str, surface: str, value: float) -> Quantity:
    start = text.index(surface)
    return Quantity(start, start + len(surface), surface, value)


def _chain(text: str, surface: str, value: float) -> tuple[str, ...]:
    doc = Document(text)
    return attach_context(doc, [_q(text, surface, value)], [], extract_attributions(doc))[0].sources


# a back-reference ("the intelligence said") stands for the last source named with that head
@pytest.mark.parametrize(
    ("text", "surface", "expected"),
    [
        ("Norwegian intelligence said the fleet was ageing.\n\n"
         "\"Repairs now take 41 weeks,\" the intelligence said.", "41",
         ("Norwegian intelligence",)),
        ("Spending rises, according to draft treasury paperwork.\n\n"
         "Arms outlays will reach 17 billion, the paperwork showed.", "17",
         ("draft treasury paperwork",)),
        ("Финская разведка сообщила о нехватке рабочих.\n\n"
         "По данным разведки, дефицит достиг 37%.", "37%", ("Финская разведка",)),
        ("Польська розвідка повідомила про нестачу кадрів.\n\n"
         "За даними розвідки, дефіцит сягнув 23%.", "23%", ("Польська розвідка",)),
        ("Der finnische Geheimdienst berichtete über Engpässe.\n\n"
         "Laut Geheimdienst fehlen 29% der Arbeiter.", "29%", ("Der finnische Geheimdienst",)),
    ],
)
def test_back_reference_resolves_to_the_source_named_before(
    text: str, surface: str, expected: tuple[str, ...]
) -> None:
    assert _chain(text, surface, 1.0) == expected


# near misses: a name of its own is no back-reference, even when an earlier name shares a word
@pytest.mark.parametrize(
    ("text", "surface", "expected"),
    [
        ("Reuters Institute researchers counted readers.\n\n"
         "Sales fell by 14%, Reuters reported.", "14%", ("Reuters",)),
        ("Meduza Weekly had a story on this.\n\nAccording to Meduza, 52 towns were hit.", "52",
         ("Meduza",)),
        ("The Kremlin Palace hosted a meeting.\n\n"
         "The Kremlin said 63 officials attended.", "63", ("Kremlin",)),
        ("Kyiv City Council met on Monday.\n\nKyiv said 71 schools had reopened.", "71",
         ("Kyiv",)),
        ("Danish intelligence said the fleet was ageing.\n\n"
         "Repairs take 18 weeks, Swedish military intelligence said.", "18",
         ("Swedish military intelligence",)),
    ],
)
def test_own_name_is_no_back_reference(text: str, surface: str, expected: tuple[str, ...]) -> None:
    assert _chain(text, surface, 1.0) == expected


def test_a_source_citing_itself_again_is_one_link() -> None:
    text = ("Британская разведка: рекорд дезертирства.\n\n"
            "Как сообщает Министерство обороны Великобритании со ссылкой на данные разведки, "
            "суды вынесли 58 приговоров.")
    assert len(_chain(text, "58", 58.0)) == 1


# a report word inside a proper name is not the report: "Institute for Study of War"
@pytest.mark.parametrize(
    ("text", "surface", "expected"),
    [
        ("Recruitment fell by 30%, the Institute for Study of War said.", "30%",
         ("Institute for Study of War",)),
        ("Recruitment fell by 30%, the Centre for Analysis of Strategies said.", "30%",
         ("Centre for Analysis of Strategies",)),
        ("The fleet lost 12 ships, according to a report by the Baltic Naval Office.", "12",
         ("Baltic Naval Office",)),
    ],
)
def test_report_word_inside_a_name(text: str, surface: str, expected: tuple[str, ...]) -> None:
    assert _chain(text, surface, 1.0) == expected


# a name may end on its number ("7x7", "Channel 4"); a date after a name is no part of it
@pytest.mark.parametrize(
    ("text", "surface", "expected"),
    [
        ("Bonuses rose to 9 million roubles, according to the exiled news outlet 7x7 on Monday.",
         "9 million", ("exiled news outlet 7x7",)),
        ("Prices rose by 11%, according to the regional broadcaster Channel 4.", "11%",
         ("regional broadcaster Channel 4",)),
        ("Prices rose by 11%, according to the ministry on June 12.", "11%", ("ministry",)),
    ],
)
def test_name_with_digits(text: str, surface: str, expected: tuple[str, ...]) -> None:
    assert _chain(text, surface, 1.0) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Как сообщает Министерство обороны Великобритании со ссылкой на данные разведки, "
         "суды вынесли 58 приговоров.", ("Министерство обороны Великобритании",)),
        ("Як повідомляє Міністерство оборони Великої Британії з посиланням на дані розвідки, "
         "суди винесли 58 вироків.", ("Міністерство оборони Великої Британії",)),
        ("The UK Ministry of Defence said, citing intelligence, that courts passed 58 sentences.",
         ("UK Ministry of Defence",)),
        # near miss: a body not known by that head keeps the link
        ("Как сообщает Министерство финансов Эстонии со ссылкой на данные разведки, "
         "суды вынесли 58 приговоров.", ("Министерство финансов Эстонии", "разведки")),
    ],
)
def test_source_citing_its_own_service(text: str, expected: tuple[str, ...]) -> None:
    assert _chain(text, "58", 58.0) == expected


# a thing made by someone names its maker: "figures released by X" -> X
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Desertion rose three-fold, according to figures released in May by the court service.",
         ("court service",)),
        ("Desertion rose three-fold, according to research undertaken by Latvian journalists.",
         ("Latvian journalists",)),
        ("Desertion rose three-fold, according to data compiled by the Nordic Trial Monitor.",
         ("Nordic Trial Monitor",)),
        # near misses: no maker named, or a name of its own
        ("Desertion rose three-fold, according to figures released in May.", ("figures released",)),
        ("Desertion rose three-fold, according to information gathered by a veterans group.",
         ("veterans group",)),
        ("Desertion rose three-fold, according to the decree signed by the governor.",
         ("decree signed by the governor",)),
        ("Desertion rose three-fold, according to the Committee of Soldiers' Mothers.",
         ("Committee of Soldiers' Mothers",)),
    ],
)
def test_thing_made_by_someone_names_the_maker(text: str, expected: tuple[str, ...]) -> None:
    assert _chain(text, "three-fold", 3.0) == expected


def test_quoted_thing_made_by_someone_names_the_maker() -> None:
    text = ("In its briefing, the ministry cited “solid research” undertaken by Latvian "
            "journalists, which showed that 640 cases were tried.")
    chain = _chain(text, "640", 640.0)
    assert chain and chain[-1] == "Latvian journalists"


# a back-reference to a name written before without a speech verb: the last name with that head
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Defence Intelligence of the Kingdom of Norway has analysed court records.\n\n"
         "The intelligence refers to 48 verdicts in May.",
         ("Defence Intelligence of the Kingdom of Norway",)),
        ("Norwegian Intelligence has analysed court records.\n\n"
         "The intelligence says 48 verdicts were passed in May.", ("Norwegian Intelligence",)),
        # near miss: a name whose head is another word
        ("The Intelligence Quarterly Review printed a piece.\n\n"
         "The intelligence says 48 verdicts were passed.", ("intelligence",)),
    ],
)
def test_back_reference_to_a_name_written_before(text: str, expected: tuple[str, ...]) -> None:
    assert _chain(text, "48", 48.0) == expected
