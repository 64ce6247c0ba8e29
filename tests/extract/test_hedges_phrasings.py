"""A held-out battery of estimative phrasings (en, ru, uk, de) and of non-estimative uses.

Every sentence here was written for this battery; none is taken from the dev set. Each case lists
every hedge the sentence holds as (surface, PHIA term); non-estimative uses list none. Decisions
taken per the eval contract: an attributive adjective of kind ("an unlikely alliance", "the likely
candidate", "Moscow's likely target") is not a hedge, nor is a comparative ("more likely to be
hit"), a fixed legal term ("probable cause"), or "we assess" without a probability word.
"""

from __future__ import annotations

import pytest

from claimledger.extract.hedges import extract_hedges
from claimledger.model import Document

# language, text, the hedges it holds: (surface, term)
Case = tuple[str, str, list[tuple[str, str]]]

CASES: list[Case] = [
    # --- en: PHIA terms ------------------------------------------------------------------------
    ("en", "The strike almost certainly used glide bombs.",
     [("almost certainly", "almost certain")]),
    ("en", "It is almost certain that the airfield was hit.",
     [("almost certain", "almost certain")]),
    ("en", "It is highly likely that the depot was destroyed.",
     [("highly likely", "highly likely")]),
    ("en", "Reinforcements will very likely arrive by summer.", [("very likely", "highly likely")]),
    ("en", "The commander probably survived the strike.", [("probably", "likely")]),
    ("en", "Moscow will likely try again within weeks.", [("likely", "likely")]),
    ("en", "The figure is likely to rise further.", [("likely", "likely")]),
    ("en", "Both units likely took heavy losses.", [("likely", "likely")]),
    ("en", "There is a realistic possibility that talks resume.",
     [("realistic possibility", "realistic possibility")]),
    ("en", "An assault on the capital is unlikely in the coming weeks.",
     [("unlikely", "unlikely")]),
    ("en", "Ukraine is unlikely to regain the town soon.", [("unlikely", "unlikely")]),
    ("en", "It is highly unlikely that the offensive succeeds.",
     [("highly unlikely", "highly unlikely")]),
    ("en", "There is only a remote chance of a breakthrough.",
     [("remote chance", "remote chance")]),
    ("en", "It is probable that the bridge was damaged.", [("probable", "probable")]),
    ("en", "The drones were most likely launched from Kursk.", [("most likely", "likely")]),
    ("en", "We assess that Russia will likely continue the attacks.", [("likely", "likely")]),
    # --- en: ICD 203 neighbours -----------------------------------------------------------------
    ("en", "There is almost no chance of a truce this year.",
     [("almost no chance", "remote chance")]),
    ("en", "It is very unlikely that the line collapses.", [("very unlikely", "highly unlikely")]),
    ("en", "The offensive is extremely unlikely to succeed.",
     [("extremely unlikely", "highly unlikely")]),
    ("en", "A ceasefire remains improbable.", [("improbable", "unlikely")]),
    ("en", "They have a roughly even chance of holding the town.",
     [("roughly even chance", "realistic possibility")]),
    ("en", "A second wave is highly probable.", [("highly probable", "highly likely")]),
    ("en", "It's probable that the strike missed.", [("probable", "probable")]),
    ("en", "That's likely to change after the election.", [("likely", "likely")]),
    # --- uk ---------------------------------------------------------------------------------
    ("uk", "Ворог, ймовірно, готує новий наступ.", [("ймовірно", "likely")]),
    ("uk", "Найімовірніше, удар завдали ракетою.", [("Найімовірніше", "likely")]),
    ("uk", "Малоймовірно, що переговори почнуться найближчим часом.",
     [("Малоймовірно", "unlikely")]),
    ("uk", "Росія майже напевно продовжить атаки.", [("майже напевно", "almost certain")]),
    ("uk", "Дуже ймовірно, що склад знищено.", [("Дуже ймовірно", "highly likely")]),
    # --- ru ---------------------------------------------------------------------------------
    ("ru", "Противник, вероятно, перебросил резервы.", [("вероятно", "likely")]),
    ("ru", "Скорее всего, колонна ушла на север.", [("Скорее всего", "likely")]),
    ("ru", "Маловероятно, что наступление начнётся летом.", [("Маловероятно", "unlikely")]),
    ("ru", "Россия почти наверняка продолжит удары.", [("почти наверняка", "almost certain")]),
    ("ru", "Это крайне маловероятно.", [("крайне маловероятно", "highly unlikely")]),
    ("ru", "Вряд ли стороны договорятся до зимы.", [("Вряд ли", "unlikely")]),
    # --- de ---------------------------------------------------------------------------------
    ("de", "Die Zahl ist wahrscheinlich höher.", [("wahrscheinlich", "likely")]),
    ("de", "Die Brigade wurde höchstwahrscheinlich verlegt.",
     [("höchstwahrscheinlich", "highly likely")]),
    ("de", "Ein Durchbruch ist unwahrscheinlich.", [("unwahrscheinlich", "unlikely")]),
    ("de", "Russland wird mit großer Wahrscheinlichkeit weiter angreifen.",
     [("mit großer Wahrscheinlichkeit", "highly likely")]),
    ("de", "Die Stellung wird mit hoher Wahrscheinlichkeit aufgegeben.",
     [("mit hoher Wahrscheinlichkeit", "highly likely")]),
    ("de", "Ein Angriff auf die Hauptstadt ist sehr unwahrscheinlich.",
     [("sehr unwahrscheinlich", "highly unlikely")]),
    ("de", "Die Angaben sind vermutlich zu niedrig.", [("vermutlich", "likely")]),
    ("de", "Es ist fast sicher, dass die Brücke zerstört wurde.",
     [("fast sicher", "almost certain")]),
    # --- not estimative ---------------------------------------------------------------------
    ("en", "The two leaders formed an unlikely alliance.", []),
    ("en", "He is the likely candidate for the post.", []),
    ("en", "Moscow's likely target is the rail hub.", []),
    ("en", "Older buildings are more likely to be hit.", []),
    ("en", "It was the least likely outcome of the talks.", []),
    ("en", "Police had probable cause to search the car.", []),
    ("en", "Officers needed probable cause for the arrest.", []),
    ("en", "The report uses “highly likely” as a term of art.", []),
    ("en", "We assess that Russian forces are regrouping.", []),
    ("en", "The convoy reached a remote village.", []),
    ("ru", "Вероятный противник сосредоточил силы у границы.", []),
    ("uk", "Ймовірний сценарій передбачає наступ улітку.", []),
    ("de", "Die wahrscheinliche Ursache war ein Kurzschluss.", []),
    ("de", "Ein Sieg ist wahrscheinlicher als vor einem Jahr.", []),
]


@pytest.mark.parametrize(("language", "text", "expected"), CASES)
def test_hedge_phrasing(language: str, text: str, expected: list[tuple[str, str]]) -> None:
    found = extract_hedges(Document(text=text, language=language))
    for h in found:
        assert text[h.start:h.end] == h.text
    assert [(h.text, h.term) for h in found] == expected


def test_battery_is_large_enough() -> None:
    assert len(CASES) >= 40
