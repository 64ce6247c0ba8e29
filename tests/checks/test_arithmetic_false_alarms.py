"""A false-alarm battery for the arithmetic checks, run end to end through ``analyze``.

A wrong ✗ is the worst failure of a fact-checker's tool. Every paragraph below was written for
this battery to look like a real report dense with figures (regional lists, daily loss updates,
budgets with shares, polls, court statistics, flattened tables, dates, ranges, "up to", "more
than", percentages of different bases) and contains no arithmetic error: no check on it may be
``inconsistent``. A second list holds true relations that must be found, a third sentences whose
figures must not be joined into a wrong ``consistent`` sum, and a last group is a hang detector.
"""

from __future__ import annotations

import re
import time
from typing import Any

import pytest
from runaway import RUNAWAY_SECONDS

import claimledger
from claimledger.checks.arithmetic import check_arithmetic
from claimledger.model import Analysis, Check, Document, Quantity

C, X = "consistent", "inconsistent"

# The hang detector's bound (see tests/runaway.py).
HANG_SECONDS = RUNAWAY_SECONDS

NO_FALSE_ALARM: list[str] = [
    # --- English: quoting arithmetic, regional lists, loss updates, budgets, polls, courts
    "The report holds one consistent percentage (62.5% of 4,800 is 3,000) and one broken one "
    "(40% of the 3,000 is 1,200, not 1,500).",
    "Of the 24 regions surveyed, 15 reported fuel shortages. In nine of them, more than 30% of "
    "filling stations were closed for at least 3 days.",
    "Kharkiv oblast recorded 1,240 strikes in March, Sumy 860, Chernihiv 310 and Zaporizhzhia "
    "2,050. Across the four regions, 14 people were killed and 62 injured.",
    "As of June 3, 2024, Russia had lost about 508,000 personnel (+1,210), 7,700 tanks (+9), "
    "14,800 armoured vehicles (+22) and 13,100 artillery systems (+41), the General Staff said.",
    "Personnel — about 600,000 (+1,150) people; tanks — 9,000 (+6); artillery systems — "
    "17,000 (+30); drones — 15,000 (+64).",
    "The city budget of $1.2 billion for 2025 sets aside 35% for schools, 20% for roads and "
    "12% for health, while $90 million goes to debt service and $45 million to reserves.",
    "In the poll of 2,000 adults, 54% backed the plan, 31% opposed it and 15% were undecided; "
    "among voters under 30, support rose to 68%.",
    "Courts heard 5,300 cases under Article 337 in 2023, 1,900 under Article 338 and 410 under "
    "Article 332; in 2022 the figures were 3,100, 1,200 and 280.",
    "Region | 2022 | 2023 | 2024 Kyiv 1,200 1,450 1,700 Lviv 800 950 1,020 Odesa 600 640 710",
    "Between 2014 and 2021, some 14,000 people were killed in the Donbas, up to 3,400 of them "
    "civilians, and more than 1.5 million were displaced.",
    "The brigade holds a 12 km stretch of front with about 1,800 troops, roughly 300 fewer than "
    "in January, and 40 tanks, 25 of which date from the 1980s.",
    "Prices rose 8.6% in 2023 after 26.6% in 2022, while the key rate fell from 25% to 15% and "
    "wages grew 19%.",
    "More than 2,000 drones and 400 missiles were launched in May, 15% more than in April, and "
    "air defences intercepted 87% of the drones and 60% of the missiles.",
    "Of 1,200 schools in the oblast, 450 have shelters; 300 teach online, and 40% of pupils "
    "study in shifts.",
    "The fund raised $2.4 million from 18,000 donors in 2024, twice as much as in 2023, and "
    "spent 70% of it on drones and 20% on vehicles.",
    "Turnout was 62%, up from 55% four years earlier, and 1.3 million ballots were cast at "
    "4,100 polling stations.",
    "The ministry counted 14,500 damaged homes, 3,200 of them destroyed, plus 1,100 schools "
    "and 430 hospitals hit since 2022.",
    "On Monday 42 people were wounded; on Tuesday 17 more, and the toll of the week reached "
    "31 dead and 98 wounded across 6 districts.",
    "Investigators opened 1,470 cases in 2023 and 1,050 in 2022; 380 suspects were charged and "
    "95 convicted, 60 of them in absentia.",
    "The plant produced 1,000 shells a day in 2023 and 3,000 a day in 2024, and plans 5,000 a "
    "day by 2026 at a cost of $800 million.",
    "Some 3.7 million people are internally displaced, 6.5 million have fled abroad and 14.6 "
    "million need aid, the UN said, up from 11 million a year ago.",
    "A total of 48 drones were launched overnight and 3 missiles; air defences downed 44 drones "
    "and 2 missiles.",
    "In all, 320 people were evacuated on Friday. On Saturday 150 left Vovchansk and 90 left "
    "Lyptsi, officials said.",
    "The company cut 1,200 jobs in 2023, or 8% of its staff, and another 600 in 2024; it now "
    "employs 13,000 people in 14 countries.",
    # --- Russian
    "По данным суда, в 2023 году по статье 337 осуждены 5 300 человек, по статье 338 — 1 900, "
    "по статье 332 — 410. В 2022 году таких приговоров было 3 100, 1 200 и 280 соответственно.",
    "Всего за сутки поступило 120 вызовов, из них 45 — на пожары. Из них 12 — в жилых домах, "
    "а 8 пожаров потушили за 30 минут.",
    "В опросе приняли участие 1 600 человек: 48% поддержали решение, 37% выступили против, "
    "ещё 15% затруднились ответить. Среди молодёжи поддержка составила 61%.",
    "Бюджет региона на 2025 год — 84 млрд рублей, из них 30% пойдут на образование, 22% на "
    "здравоохранение, а 7 млрд рублей — на дороги.",
    "Потери противника составили около 510 000 человек (+1 100), 7 800 танков (+12) и "
    "13 300 артиллерийских систем (+35).",
    "С 2022 года из региона уехали более 200 тысяч человек, вернулись около 40 тысяч, "
    "а население сократилось до 1,1 млн.",
    # --- Ukrainian
    "За добу ворог 86 разів обстріляв 12 населених пунктів області, поранено 7 людей, "
    "зокрема 2 дітей. Пошкоджено 40 будинків і 3 школи.",
    "Усього з початку року до суду скеровано 2 300 справ, з них 1 400 — за статтею 407, "
    "600 — за статтею 408. Ще 900 справ розслідуються.",
    "У Харківській області зафіксовано 1 240 обстрілів, у Сумській — 860, у Чернігівській — "
    "310. Загалом постраждали 76 людей, 14 із них загинули.",
    "Опитування 2 000 респондентів показало: 58% довіряють армії, 21% — уряду, 9% — "
    "парламенту; у 2023 році армії довіряли 62%.",
    "Загалом на відновлення виділили 4,5 млрд гривень, що на 20% більше, ніж торік; з них "
    "1,2 млрд гривень отримають лікарні.",
    # --- German
    "Insgesamt wurden 2024 rund 1.200 Anträge gestellt, 40 Prozent mehr als 2023; davon "
    "stammten 300 aus Bayern. Bewilligt wurden 850 Anträge.",
    "Laut Bundesamt kamen 2023 etwa 350.000 Asylsuchende, 2022 waren es 244.000; rund "
    "30 Prozent stammten aus Syrien, 15 Prozent aus Afghanistan.",
    "Die Stadt hat 420 Schulen, 60 davon müssen saniert werden; die Kosten liegen bei bis zu "
    "1,2 Milliarden Euro, der Bund übernimmt 50 Prozent.",
    "Zusammen mit den 15 Panzern aus Polen erhält die Ukraine 2024 bis zu 80 Panzer; 40 sind "
    "bereits geliefert, 25 folgen im Herbst.",
    "Im ersten Quartal gingen 1.300 Meldungen ein, im zweiten 1.700 und im dritten 2.100; "
    "insgesamt waren es damit mehr als im gesamten Vorjahr mit 4.200.",
    "In der Umfrage unter 1.000 Befragten sprachen sich 52 Prozent für und 41 Prozent gegen "
    "die Reform aus; 2021 waren es noch 45 und 48 Prozent.",
    # --- mixed: dates, years, ranges, ordinals near figures
    "On 24 February 2022, around 190,000 troops were massed on the border; by March 2023 the "
    "invasion force had grown to 300,000-350,000, of whom up to 50,000 were convicts.",
    "The 155th brigade received 18 Leopard 2A4 tanks and 4 of 14 promised PzH 2000 howitzers, "
    "while the 47th got 31 Abrams in 2023.",
    "Since 2014, 5 of the 12 reactors have been idle, cutting output by 40%, or 13 GW, to "
    "about 20 GW.",
    "The hospital treated 210 wounded in May, 30 of whom were children, and 140 in June; its "
    "120 beds were 95% occupied.",
    # --- second held-out round, written after the rules (3 of 10 were false alarms then)
    "Of the 640 drones launched in the week, 580 were shot down and 35 were lost to electronic "
    "warfare; 25 hit targets in 9 regions.",
    "The army recruited 30,000 soldiers in the first half of 2024 and 45,000 in the second, "
    "while 12,000 left; by December it had 1.1 million troops.",
    "Всего с начала года в регионе зарегистрировано 4 100 преступлений, из них 1 300 тяжких. "
    "В прошлом году — 3 800, из них 1 100 тяжких.",
    "Загалом за тиждень надійшло 2 400 звернень: 1 100 — щодо виплат, 700 — щодо житла, ще 600 "
    "стосувалися документів.",
    "Insgesamt 1.500 Soldaten nahmen teil, davon 900 aus Deutschland und 400 aus Polen; weitere "
    "200 kamen aus den Niederlanden.",
    "Of the 1,000 respondents, 620 said they trusted the army, 410 trusted volunteers and 120 "
    "trusted parliament.",
    "Combined, the two brigades lost 1,300 men; the first 700 and the second 800, according to "
    "earlier estimates that have since been revised.",
    "The 2024 budget totals €48 billion, of which €12 billion for defence, €9 billion for "
    "pensions, and 18% for debt.",
    "Support fell from 70% in 2022 to 58% in 2024, a drop of 12 points, while 3,000 people took "
    "part in each wave.",
    "In 2023, 14,000 cases were opened, 40% more than in 2022 (10,000), and 9,000 closed.",
    # --- a one-sided total over a list: round ("over 7,000") or "about" says too little
    "The army has lost over 7,000 vehicles: 6,210 destroyed, 410 damaged, 532 abandoned and "
    "1,000 captured.",
    "Армия потеряла более 6000 единиц техники: 3210 уничтожены, 408 повреждены, 300 брошены и "
    "1400 захвачены.",
    "Армія втратила понад 4000 одиниць техніки: 2900 знищено, 231 пошкоджено, 100 покинуто та "
    "500 захоплено.",
    "Die Armee verlor rund 3.640 Fahrzeuge: 2.100 zerstört, 240 beschädigt, 300 aufgegeben und "
    "900 erbeutet.",
]

# True relations that must be found, with their status.
MUST_FIND: list[tuple[str, str, str, dict[str, Any]]] = [
    ("Investigators identified 1,470 cases in 2023, a rise of 40% on the year before, when "
     "1,050 cases were recorded.", "percent_change", C,
     {"percent": "40%", "whole": "1,050", "part": "1,470"}),
    ("The plant produced 1,000 shells a day in 2023 and 3,000 a day in 2024, a threefold "
     "increase.", "percent_change", C,
     {"percent": "threefold", "whole": "1,000", "part": "3,000"}),
    ("The plant produced 1,000 shells a day in 2023 and 3,000 a day in 2024, a fivefold "
     "increase.", "percent_change", X,
     {"percent": "fivefold", "whole": "1,000", "part": "3,000"}),
    ("The report holds one consistent percentage (62.5% of 4,800 is 3,000) and one broken one "
     "(40% of the 3,000 is 1,500).", "percent_of", C,
     {"percent": "62.5%", "part": "3,000", "whole": "4,800"}),
    ("The report holds one consistent percentage (62.5% of 4,800 is 3,000) and one broken one "
     "(40% of the 3,000 is 1,500).", "percent_of", X,
     {"percent": "40%", "part": "1,500", "whole": "3,000"}),
    ("Some 120 people were killed and 340 injured, 460 casualties in all.", "sum", C,
     {"whole": "460", "parts": ["120", "340"]}),
    ("Some 120 people were killed and 340 injured, 560 casualties in all.", "sum", X,
     {"whole": "560", "parts": ["120", "340"]}),
    ("The regiment reported 900 casualties, of whom 300 were killed and 700 wounded.", "sum", X,
     {"whole": "900", "parts": ["300", "700"]}),
    ("Всего пострадали 75 человек, из них 20 погибли, 55 ранены.", "sum", C,
     {"whole": "75", "parts": ["20", "55"]}),
    ("Усього постраждали 75 людей, з них 20 загинули, 65 поранені.", "sum", X,
     {"whole": "75", "parts": ["20", "65"]}),
    ("Insgesamt 90 Opfer: 30 Tote und 60 Verletzte.", "sum", C,
     {"whole": "90", "parts": ["30", "60"]}),
    ("The number of reported cases fell from 800 in 2022 to 600 in 2023, a drop of 25%.",
     "percent_change", C, {"percent": "25%", "whole": "800", "part": "600"}),
    ("The regiment lost 500 men: 150 killed, 300 wounded and another 50 missing.", "sum", C,
     {"whole": "500", "parts": ["150", "300", "50"]}),
    ("Exports reached 2,400 tonnes in 2024, up 20% on 2023, when 2,000 tonnes were shipped.",
     "percent_change", C, {"percent": "20%", "whole": "2,000 tonnes", "part": "2,400 tonnes"}),
    # a one-sided total whose digits are not round, one digit away from its listed parts
    ("The army has lost at least 9,152 vehicles: 6,210 destroyed, 410 damaged, 532 abandoned "
     "and 1,000 captured.", "sum", X,
     {"whole": "9,152", "parts": ["6,210", "410", "532", "1,000"]}),
    ("Russia has lost at least 71,112 units: 15,100 destroyed, 912 damaged, 1,100 abandoned "
     "and over 4,000 captured.", "sum", X,
     {"whole": "71,112", "parts": ["15,100", "912", "1,100", "4,000"]}),
    ("Армия потеряла не менее 6318 единиц техники: 3210 уничтожены, 408 повреждены, 300 брошены "
     "и 1400 захвачены.", "sum", X, {"whole": "6318", "parts": ["3210", "408", "300", "1400"]}),
    ("Армія втратила щонайменше 4731 одиницю техніки: 2900 знищено, 231 пошкоджено, 100 "
     "покинуто та 500 захоплено.", "sum", X,
     {"whole": "4731", "parts": ["2900", "231", "100", "500"]}),
    ("Die Armee verlor mindestens 3.640 Fahrzeuge: 2.100 zerstört, 240 beschädigt, 300 "
     "aufgegeben und 900 erbeutet.", "sum", X,
     {"whole": "3.640", "parts": ["2.100", "240", "300", "900"]}),
    ("The army has lost at least 8,152 vehicles: 6,210 destroyed, 410 damaged, 532 abandoned "
     "and 1,000 captured.", "sum", C,
     {"whole": "8,152", "parts": ["6,210", "410", "532", "1,000"]}),
]

# Figures that must not be joined into a (wrong) sum at all.
NO_SUM: list[str] = [
    "Of the 18 regions surveyed, 12 reported shortages. In six of them, more than 50% of "
    "pharmacies were closed.",
    "Of the 300 soldiers questioned, 120 had been wounded and 200 had served more than a year.",
    "The army has 40 brigades; 25 of them are at the front, and 10 of those have lost half "
    "their strength.",
]

# Percentage-point moves: a check may be made, never an inconsistent one.
POINTS: list[str] = [
    "Turnout was 62%, up from 55%.",
    "Support for the deal rose 7% from 40% to 47% in a month.",
    "Unemployment fell 2 percentage points, from 11% to 9%, in 2024.",
    "Die Arbeitslosigkeit sank von 11 Prozent auf 9 Prozent, ein Minus von 2 Prozentpunkten.",
]


def _analysis(text: str) -> Analysis:
    return claimledger.analyze(text)


def _shown(a: Analysis) -> list[tuple[str, float, str]]:
    return [(q.text, q.value, q.kind) for q in a.quantities]


@pytest.mark.parametrize("text", NO_FALSE_ALARM)
def test_no_false_alarm(text: str) -> None:
    a = _analysis(text)
    bad = [c for c in a.checks if c.status == X]
    assert not bad, (bad, _shown(a))


def _matches(a: Analysis, c: Check, want: dict[str, Any]) -> bool:
    def span(i: int | None) -> str | None:
        return None if i is None else a.quantities[i].text

    for key in ("percent", "part", "whole"):
        if key in want and span(getattr(c, key)) != want[key]:
            return False
    return "parts" not in want or sorted(span(j) or "" for j in c.parts) == sorted(want["parts"])


@pytest.mark.parametrize(("text", "kind", "status", "want"), MUST_FIND)
def test_true_relation_is_found(text: str, kind: str, status: str, want: dict[str, Any]) -> None:
    a = _analysis(text)
    found = [c for c in a.checks if c.kind == kind and _matches(a, c, want)]
    assert found, (a.checks, _shown(a))
    assert found[0].status == status, found[0]


@pytest.mark.parametrize("text", NO_SUM)
def test_subset_is_not_a_part_of_a_sum(text: str) -> None:
    a = _analysis(text)
    sums = [c for c in a.checks if c.kind == "sum"]
    assert not sums, (sums, _shown(a))


@pytest.mark.parametrize("text", POINTS)
def test_percentage_point_moves_are_never_inconsistent(text: str) -> None:
    a = _analysis(text)
    assert not [c for c in a.checks if c.status == X], (a.checks, _shown(a))


_FIGURE = re.compile(r"[+]?\d[\d,]*%?")


def _synthetic(text: str) -> list[Quantity]:
    """Quantities for every figure of ``text``, as a fast stand-in for the extractor."""
    out: list[Quantity] = []
    for m in _FIGURE.finditer(text):
        raw = m.group()
        value = float(raw.strip("+%").replace(",", ""))
        kind: Any = "percent" if raw.endswith("%") else "count"
        out.append(Quantity(m.start(), m.end(), raw, value, kind=kind,
                            change=raw.startswith("+"), what="people"))
    return out


@pytest.mark.parametrize("text", [
    "1 " * 20000,
    "1% " * 5000,
    "Officials said 1,200 people left. " * 4000,
    "Of them 1,200 (+5), or 10%, in all; " * 3000,
    "300 casualties, of whom 100 were killed and 200 wounded, " * 2000,
    "Of the 300 soldiers, 20% (60) left, 40 in all, up from 50, a rise of 20%. " * 2000,
])
def test_checks_stay_linear_in_the_number_of_figures(text: str) -> None:
    qs = _synthetic(text)
    t0 = time.perf_counter()
    check_arithmetic(Document(text=text, id="t"), qs)
    assert time.perf_counter() - t0 < HANG_SECONDS


def test_analyze_of_many_bare_figures_finishes() -> None:
    t0 = time.perf_counter()
    claimledger.analyze("1% " * 5000)
    claimledger.analyze("Officials said 1,200 people left. " * 4000)
    assert time.perf_counter() - t0 < 5 * HANG_SECONDS
