"""An audit of the cue and concept lexicons: every cue role and every concept is written in all
four languages (en/ru/uk/de), and an inflected form of each is recognised in each language.
Own sentences; a concept named in one language only would leave its series split by language."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from claimledger.checks.frames import has_cue
from claimledger.checks.things import concepts_of
from claimledger.lexicon.things import ACTORS, CONCEPTS, QUALIFIERS

LANGS = {"en", "ru", "uk", "de"}
FRAMES = Path(__file__).resolve().parents[2] / "claimledger" / "data" / "frames.json"
# roles left out of some languages on purpose (frames.json "about" says why): English
# "another" and German "weitere" more often add a category than a day's increment
ONE_SIDED = {"added"}


def _roles() -> dict[str, dict[str, list[str]]]:
    raw = json.loads(FRAMES.read_text(encoding="utf-8"))
    out: dict[str, dict[str, list[str]]] = {}
    for role, value in raw.items():
        if not isinstance(value, dict):
            continue
        if set(value) <= LANGS:
            out[role] = value
        else:  # a group of named facets, stages or offences, each per language
            for name, by_lang in value.items():
                if isinstance(by_lang, dict) and set(by_lang) <= LANGS:
                    out[f"{role}.{name}"] = by_lang
    return out


@pytest.mark.parametrize("role", sorted(_roles()))
def test_every_cue_role_is_written_in_four_languages(role: str) -> None:
    if role in ONE_SIDED:
        return
    by_lang = _roles()[role]
    assert set(by_lang) == LANGS, role
    assert all(by_lang[lang] for lang in LANGS), role


@pytest.mark.parametrize("table", [CONCEPTS, QUALIFIERS, ACTORS])
def test_every_concept_is_written_in_four_languages(table: dict[str, dict[str, tuple[str, ...]]],
                                                    ) -> None:
    for name, by_lang in table.items():
        assert set(by_lang) == LANGS, name
        assert all(by_lang[lang] for lang in LANGS), name


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("the plant turns out 2,700 drones per month", "per_month"),
        ("завод выпускает 2 700 дронов в месяц", "per_month"),
        ("завод випускає 2 700 дронів на місяць", "per_month"),
        ("das Werk baut 2.700 Drohnen pro Monat", "per_month"),
        ("Russia lost 1,200 troops over the past day", "per_day"),
        ("Россия потеряла 1 200 солдат за сутки", "per_day"),
        ("росія втратила 1 200 солдатів за минулу добу", "per_day"),
        ("Russland verlor innerhalb eines Tages 1.200 Soldaten", "per_day"),
        ("1,200 a week on average", "average"),
        ("в среднем 1 200 в неделю", "average"),
        ("у середньому 1 200 на тиждень", "average"),
        ("durchschnittlich 1.200 pro Woche", "average"),
    ],
)
def test_cue_phrases_are_read_in_each_language(text: str, role: str) -> None:
    assert has_cue(text, role)


@pytest.mark.parametrize(
    ("text", "role"),
    [
        # near misses: a month ago is no month's count, a day named is no day's increment
        ("a month ago the plant turned out 2,700 drones", "per_month"),
        ("the plant turned out 2,700 drones in May", "per_month"),
        ("Russland verlor seit Kriegsbeginn 1.200 Panzer", "per_day"),
    ],
)
def test_near_miss_cues_are_not_read(text: str, role: str) -> None:
    assert not has_cue(text, role)


# one inflected form (not the entry itself) per concept and language
_FORMS: dict[str, tuple[str, str, str, str]] = {
    "spending": ("defence spending rose", "расходы на оборону", "видатки на оборону",
                 "die Verteidigungsausgaben"),
    "bonus": ("a sign-on bonus", "единовременные выплаты", "одноразові виплати",
              "eine Antrittsprämie"),
    "salary": ("monthly salaries", "зарплаты контрактников", "зарплати контрактників",
               "das Gehalt der Soldaten"),
    "agreement": ("the treaty with Iran", "договора с Ираном", "договору з Іраном",
                  "des Vertrags mit Iran"),
    "production": ("drone production", "производство дронов", "виробництво дронів",
                   "die Drohnenproduktion"),
    "deficit": ("the budget deficit", "дефицита бюджета", "дефіциту бюджету",
                "das Haushaltsdefizit"),
    "death": ("soldiers killed", "погибших военных", "загиблих військових",
              "getötete Soldaten"),
    "wounded": ("the wounded", "раненых солдат", "поранених солдатів", "verwundete Soldaten"),
    "loss": ("heavy losses", "потерь армии", "втрат армії", "die Verluste der Armee"),
    "destruction": ("tanks destroyed", "уничтоженных танков", "знищених танків",
                    "zerstörte Panzer"),
    "deployment": ("troops deployed", "направленных военных", "відправлених військових",
                   "stationierte Soldaten"),
    "recruitment": ("recruiting soldiers", "завербованных солдат", "завербованих солдатів",
                    "angeworbene Soldaten"),
    "conscription": ("conscripts called up", "призывников", "призовників", "Einberufene"),
    "personnel": ("soldiers", "солдатами", "солдатами", "Soldaten"),
    "equipment": ("armoured vehicles", "бронетехникой", "бронетехнікою", "Fahrzeugen"),
    "drone": ("drones", "дронами", "дронами", "Drohnen"),
    "missile": ("missiles", "ракетами", "ракетами", "Raketen"),
    "strength": ("the size of the armed forces", "численность вооруженных сил",
                 "чисельність збройних сил", "die Truppenstärke"),
    "irrecoverable": ("permanent losses", "безвозвратные потери", "безповоротні втрати",
                      "dauerhafte Verluste"),
    "suspended": ("suspended sentences", "условные сроки", "умовні строки",
                  "Bewährungsstrafen"),
}


def test_every_concept_has_forms_in_the_audit() -> None:
    assert set(_FORMS) == set(CONCEPTS)


@pytest.mark.parametrize(
    ("concept", "lang", "text"),
    [(c, lang, t) for c, forms in _FORMS.items()
     for lang, t in zip(("en", "ru", "uk", "de"), forms, strict=True)],
)
def test_each_concept_is_recognised_in_each_language(concept: str, lang: str,
                                                     text: str) -> None:
    assert concept in concepts_of(text), (lang, text)
