"""A battery for the checks whose figures are tied by words, across sentences and in words.

Every paragraph here was written for this battery (en, ru, uk, de). The relations:

- a share whose part is the subject of a neighbouring sentence ("Defence spending will rise to
  X. Defence spending will account for P% of total expenditure of N.");
- a share whose whole an earlier sentence names ("…, or P% of total expenditure");
- multipliers in words against the figure they multiply ("twice the 600", "вдвое больше");
- sums stated in words ("combined with the federal bonus, totals …", "total spending on
  defence and security") and stated changes of durations ("doubled from 5 to 10 years").

Each comes consistent and inconsistent (one figure changed; for figures tied only by words the
change is a slip of one digit, the only error the checks then call). Near misses must make no
check on the figure named, or none that is inconsistent. Expectations name figures by their
surface text.
"""

from __future__ import annotations

from typing import Any

import pytest

import claimledger
from claimledger.checks.arithmetic import check_arithmetic
from claimledger.model import Analysis, Approx, Check, Document, Kind, Quantity

C, X = "consistent", "inconsistent"

FOUND: list[tuple[str, str, str, dict[str, Any]]] = [
    # --- a share whose part is the subject of the sentence before
    ("Military spending will grow to 9.2 trillion rubles next year. Military spending will "
     "account for 23% of total federal expenditure of 40 trillion rubles.", "percent_of", C,
     {"percent": "23%", "part": "9.2 trillion rubles", "whole": "40 trillion rubles"}),
    ("Military spending will grow to 9.2 trillion rubles next year. Military spending will "
     "account for 53% of total federal expenditure of 40 trillion rubles.", "percent_of", X,
     {"percent": "53%", "part": "9.2 trillion rubles", "whole": "40 trillion rubles"}),
    ("Police spending will reach 2.4 billion euros in 2026. Police spending will account for "
     "15% of the city's total budget of 16 billion euros.", "percent_of", C,
     {"percent": "15%", "part": "2.4 billion euros", "whole": "16 billion euros"}),
    ("Расходы на оборону вырастут до 9,2 трлн рублей в 2026 году. Расходы на оборону составят "
     "23% общих расходов бюджета в 40 трлн рублей.", "percent_of", C,
     {"percent": "23%", "part": "9,2 трлн рублей", "whole": "40 трлн рублей"}),
    ("Расходы на оборону вырастут до 9,2 трлн рублей в 2026 году. Расходы на оборону составят "
     "33% общих расходов бюджета в 40 трлн рублей.", "percent_of", X,
     {"percent": "33%", "part": "9,2 трлн рублей", "whole": "40 трлн рублей"}),
    ("Видатки на оборону зростуть до 9,2 трлн гривень у 2026 році. Видатки на оборону "
     "становитимуть 23% загальних видатків бюджету в 40 трлн гривень.", "percent_of", C,
     {"percent": "23%", "part": "9,2 трлн гривень", "whole": "40 трлн гривень"}),
    ("Видатки на оборону зростуть до 9,2 трлн гривень у 2026 році. Видатки на оборону "
     "становитимуть 43% загальних видатків бюджету в 40 трлн гривень.", "percent_of", X,
     {"percent": "43%", "part": "9,2 трлн гривень", "whole": "40 трлн гривень"}),
    ("Die Verteidigungsausgaben steigen 2026 auf 9,2 Milliarden Euro. Die "
     "Verteidigungsausgaben machen 23 Prozent der gesamten Ausgaben von 40 Milliarden Euro aus.",
     "percent_of", C,
     {"percent": "23 Prozent", "part": "9,2 Milliarden Euro", "whole": "40 Milliarden Euro"}),
    ("Die Verteidigungsausgaben steigen 2026 auf 9,2 Milliarden Euro. Die "
     "Verteidigungsausgaben machen 63 Prozent der gesamten Ausgaben von 40 Milliarden Euro aus.",
     "percent_of", X,
     {"percent": "63 Prozent", "part": "9,2 Milliarden Euro", "whole": "40 Milliarden Euro"}),
    # --- a share whose whole an earlier sentence names in words
    ("The 2026 plan foresees total expenditure of 40 trillion rubles. Revenue is put at 35 "
     "trillion rubles. Spending on the army and the police will reach 12 trillion rubles, or "
     "30% of total expenditure.", "percent_of", C,
     {"percent": "30%", "part": "12 trillion rubles", "whole": "40 trillion rubles"}),
    ("The 2026 plan foresees total expenditure of 40 trillion rubles. Revenue is put at 35 "
     "trillion rubles. Spending on the army and the police will reach 12 trillion rubles, or "
     "80% of total expenditure.", "percent_of", X,
     {"percent": "80%", "part": "12 trillion rubles", "whole": "40 trillion rubles"}),
    ("Общие расходы бюджета в 2026 году составят 40 трлн рублей. Доходы оцениваются в 35 трлн "
     "рублей. На армию и полицию пойдут 12 трлн рублей, или 30% общих расходов.", "percent_of",
     C, {"percent": "30%", "part": "12 трлн рублей", "whole": "40 трлн рублей"}),
    ("Общие расходы бюджета в 2026 году составят 40 трлн рублей. Доходы оцениваются в 35 трлн "
     "рублей. На армию и полицию пойдут 12 трлн рублей, или 70% общих расходов.", "percent_of",
     X, {"percent": "70%", "part": "12 трлн рублей", "whole": "40 трлн рублей"}),
    ("Загальні видатки бюджету у 2026 році сягнуть 40 млрд гривень. Доходи оцінюють у 35 млрд "
     "гривень. На армію та поліцію підуть 12 млрд гривень, або 30% загальних видатків.",
     "percent_of", C, {"percent": "30%", "part": "12 млрд гривень", "whole": "40 млрд гривень"}),
    ("Загальні видатки бюджету у 2026 році сягнуть 40 млрд гривень. Доходи оцінюють у 35 млрд "
     "гривень. На армію та поліцію підуть 12 млрд гривень, або 60% загальних видатків.",
     "percent_of", X, {"percent": "60%", "part": "12 млрд гривень", "whole": "40 млрд гривень"}),
    ("Die Gesamtausgaben des Haushalts liegen 2026 bei 40 Milliarden Euro. Die Einnahmen werden "
     "auf 35 Milliarden Euro geschätzt. Für Armee und Polizei sind 12 Milliarden Euro "
     "vorgesehen, also 30 Prozent der Gesamtausgaben.", "percent_of", C,
     {"percent": "30 Prozent", "part": "12 Milliarden Euro", "whole": "40 Milliarden Euro"}),
    ("Die Gesamtausgaben des Haushalts liegen 2026 bei 40 Milliarden Euro. Die Einnahmen werden "
     "auf 35 Milliarden Euro geschätzt. Für Armee und Polizei sind 12 Milliarden Euro "
     "vorgesehen, also 90 Prozent der Gesamtausgaben.", "percent_of", X,
     {"percent": "90 Prozent", "part": "12 Milliarden Euro", "whole": "40 Milliarden Euro"}),
    # --- multipliers in words
    ("The city now has 1,200 shelters, twice the 600 it had in 2022.", "percent_of", C,
     {"percent": "twice", "part": "1,200", "whole": "600"}),
    ("The city now has 1,800 shelters, twice the 600 it had in 2022.", "percent_of", X,
     {"percent": "twice", "part": "1,800", "whole": "600"}),
    ("The new hiring bonus is 500,000 hryvnias. That bonus is twice the 250,000 hryvnias paid "
     "last year.", "percent_of", C,
     {"percent": "twice", "part": "500,000 hryvnias", "whole": "250,000 hryvnias"}),
    ("The new hiring bonus is 500,000 hryvnias. That bonus is three times the 250,000 hryvnias "
     "paid last year.", "percent_of", X,
     {"percent": "three times", "part": "500,000 hryvnias", "whole": "250,000 hryvnias"}),
    ("Новая выплата в 400 тысяч рублей вдвое больше прежних 200 тысяч рублей.", "percent_of", C,
     {"percent": "вдвое", "part": "400 тысяч рублей", "whole": "200 тысяч рублей"}),
    ("Новая выплата в 400 тысяч рублей втрое больше прежних 200 тысяч рублей.", "percent_of", X,
     {"percent": "втрое", "part": "400 тысяч рублей", "whole": "200 тысяч рублей"}),
    ("Нова виплата становить 400 тисяч гривень, що вдвічі більше за попередні 200 тисяч "
     "гривень.", "percent_of", C,
     {"percent": "вдвічі", "part": "400 тисяч гривень", "whole": "200 тисяч гривень"}),
    ("Нова виплата становить 400 тисяч гривень, що втричі більше за попередні 200 тисяч "
     "гривень.", "percent_of", X,
     {"percent": "втричі", "part": "400 тисяч гривень", "whole": "200 тисяч гривень"}),
    ("Die neue Prämie von 400.000 Rubel ist doppelt so hoch wie die bisherigen 200.000 Rubel.",
     "percent_of", C, {"percent": "doppelt", "part": "400.000 Rubel", "whole": "200.000 Rubel"}),
    ("Die neue Prämie von 900.000 Rubel ist doppelt so hoch wie die bisherigen 200.000 Rubel.",
     "percent_of", X, {"percent": "doppelt", "part": "900.000 Rubel", "whole": "200.000 Rubel"}),
    # --- sums stated in words
    ("The federal bonus is 400,000 rubles. The regional payment of 1.6 million rubles, combined "
     "with the federal bonus, totals 2 million rubles.", "sum", C,
     {"whole": "2 million rubles", "parts": ["1.6 million rubles", "400,000 rubles"]}),
    ("The federal bonus is 400,000 rubles. The regional payment of 1.6 million rubles, combined "
     "with the federal bonus, totals 7 million rubles.", "sum", X,
     {"whole": "7 million rubles", "parts": ["1.6 million rubles", "400,000 rubles"]}),
    ("The regional payment of 1.6 million rubles ($18,000), combined with a federal bonus of "
     "400,000 rubles, brings the total payment to 2 million rubles.", "sum", C,
     {"whole": "2 million rubles", "parts": ["1.6 million rubles", "400,000 rubles"]}),
    ("The regional payment of 1.6 million rubles ($18,000), combined with a federal bonus of "
     "400,000 rubles, brings the total payment to 2.5 million rubles.", "sum", X,
     {"whole": "2.5 million rubles", "parts": ["1.6 million rubles", "400,000 rubles"]}),
    ("Федеральная выплата составляет 400 тысяч рублей. Региональная выплата в 1,6 млн рублей "
     "вместе с федеральной выплатой составит 2 млн рублей.", "sum", C,
     {"whole": "2 млн рублей", "parts": ["1,6 млн рублей", "400 тысяч рублей"]}),
    ("Федеральная выплата составляет 400 тысяч рублей. Региональная выплата в 1,6 млн рублей "
     "вместе с федеральной выплатой составит 5 млн рублей.", "sum", X,
     {"whole": "5 млн рублей", "parts": ["1,6 млн рублей", "400 тысяч рублей"]}),
    ("Федеральна виплата становить 400 тисяч гривень. Регіональна виплата в 1,6 млн гривень "
     "разом із федеральною виплатою становитиме 2 млн гривень.", "sum", C,
     {"whole": "2 млн гривень", "parts": ["1,6 млн гривень", "400 тисяч гривень"]}),
    ("Федеральна виплата становить 400 тисяч гривень. Регіональна виплата в 1,6 млн гривень "
     "разом із федеральною виплатою становитиме 8 млн гривень.", "sum", X,
     {"whole": "8 млн гривень", "parts": ["1,6 млн гривень", "400 тисяч гривень"]}),
    ("Die Bundesprämie beträgt 4.000 Euro. Die Landesprämie von 16.000 Euro ergibt zusammen mit "
     "der Bundesprämie 20.000 Euro.", "sum", C,
     {"whole": "20.000 Euro", "parts": ["16.000 Euro", "4.000 Euro"]}),
    ("Die Bundesprämie beträgt 4.000 Euro. Die Landesprämie von 16.000 Euro ergibt zusammen mit "
     "der Bundesprämie 26.000 Euro.", "sum", X,
     {"whole": "26.000 Euro", "parts": ["16.000 Euro", "4.000 Euro"]}),
    ("Defence spending will reach 13 trillion rubles in 2026. Spending on internal security "
     "will reach 3 trillion rubles. Total spending on defence and security will amount to 16 "
     "trillion rubles.", "sum", C,
     {"whole": "16 trillion rubles", "parts": ["13 trillion rubles", "3 trillion rubles"]}),
    ("Defence spending will reach 13 trillion rubles in 2026. Spending on internal security "
     "will reach 3 trillion rubles. Total spending on defence and security will amount to 46 "
     "trillion rubles.", "sum", X,
     {"whole": "46 trillion rubles", "parts": ["13 trillion rubles", "3 trillion rubles"]}),
    ("Расходы на оборону достигнут 13 трлн рублей. Расходы на безопасность составят 3 трлн "
     "рублей. Общие расходы на оборону и безопасность составят 16 трлн рублей.", "sum", C,
     {"whole": "16 трлн рублей", "parts": ["13 трлн рублей", "3 трлн рублей"]}),
    ("Расходы на оборону достигнут 13 трлн рублей. Расходы на безопасность составят 3 трлн "
     "рублей. Общие расходы на оборону и безопасность составят 19 трлн рублей.", "sum", X,
     {"whole": "19 трлн рублей", "parts": ["13 трлн рублей", "3 трлн рублей"]}),
    ("Видатки на оборону сягнуть 13 млрд гривень. Видатки на безпеку становитимуть 3 млрд "
     "гривень. Загальні видатки на оборону та безпеку становитимуть 16 млрд гривень.", "sum", C,
     {"whole": "16 млрд гривень", "parts": ["13 млрд гривень", "3 млрд гривень"]}),
    ("Видатки на оборону сягнуть 13 млрд гривень. Видатки на безпеку становитимуть 3 млрд "
     "гривень. Загальні видатки на оборону та безпеку становитимуть 66 млрд гривень.", "sum", X,
     {"whole": "66 млрд гривень", "parts": ["13 млрд гривень", "3 млрд гривень"]}),
    ("Die Ausgaben für Verteidigung steigen auf 13 Milliarden Euro. Die Ausgaben für Sicherheit "
     "liegen bei 3 Milliarden Euro. Die Gesamtausgaben für Verteidigung und Sicherheit betragen "
     "16 Milliarden Euro.", "sum", C,
     {"whole": "16 Milliarden Euro", "parts": ["13 Milliarden Euro", "3 Milliarden Euro"]}),
    ("Die Ausgaben für Verteidigung steigen auf 13 Milliarden Euro. Die Ausgaben für Sicherheit "
     "liegen bei 3 Milliarden Euro. Die Gesamtausgaben für Verteidigung und Sicherheit betragen "
     "18 Milliarden Euro.", "sum", X,
     {"whole": "18 Milliarden Euro", "parts": ["13 Milliarden Euro", "3 Milliarden Euro"]}),
    # --- a stated change of a duration
    ("The maximum sentence was doubled from 5 to 10 years.", "percent_change", C,
     {"percent": "doubled", "whole": "5", "part": "10 years"}),
    ("The maximum sentence was tripled from 5 to 10 years.", "percent_change", X,
     {"percent": "tripled", "whole": "5", "part": "10 years"}),
    ("Максимальний строк збільшили вдвічі — з 5 до 10 років.", "percent_change", C,
     {"percent": "вдвічі", "whole": "5", "part": "10 років"}),
    ("Die Höchststrafe wurde von 5 auf 10 Jahre verdoppelt.", "percent_change", C,
     {"percent": "verdoppelt", "whole": "5", "part": "10 Jahre"}),
]

# Near misses: no check may be made on the figure named (a share, multiplier or total).
NO_CHECK_ON: list[tuple[str, str]] = [
    # another subject in the sentence before
    ("Health spending will reach 2 trillion rubles next year. Military spending will account "
     "for 23% of total federal expenditure of 40 trillion rubles.", "23%"),
    ("Расходы на медицину вырастут до 2 трлн рублей. Расходы на оборону составят 23% общих "
     "расходов бюджета в 40 трлн рублей.", "23%"),
    ("Витрати на освіту зростуть до 2 трлн гривень. Видатки на оборону становитимуть 23% "
     "загальних видатків бюджету в 40 трлн гривень.", "23%"),
    ("Die Ausgaben für Bildung steigen auf 2 Milliarden Euro. Die Verteidigungsausgaben machen "
     "23 Prozent der gesamten Ausgaben von 40 Milliarden Euro aus.", "23 Prozent"),
    # a whole named in words that no figure of the report is
    ("The 12 tanks, or 30% of total deliveries, came from Poland. Earlier, 5 howitzers "
     "arrived.", "30%"),
    ("Military spending will grow to 9.2 trillion rubles. Military spending will account for "
     "23% of GDP.", "23%"),
    ("Total trade was worth $40 billion. Imports reached 300,000 tonnes, or 12% of total "
     "trade.", "12%"),
    ("Ukraine imported 120,000 tonnes of fuel in May. The 30,000 tonnes from Poland made up 25% "
     "of total imports.", "25%"),
    # multipliers with nothing they multiply
    ("Drones now fly twice a day over the 40 villages of the district.", "twice"),
    ("The brigade has twice as many drones as in spring, about 300 in all.", "twice"),
    ("The 1,200 drones cost twice the $3 million budgeted.", "twice"),
    # "combined with" with a part no figure states
    ("The federal bonus is 400,000 rubles. Combined with regional top-ups, the total can reach "
     "2 million rubles.", "2 million rubles"),
    ("Федеральная выплата составляет 400 тысяч рублей. Вместе с семьёй боец получает 2 млн "
     "рублей.", "2 млн рублей"),
    # a total over a conjunction one of whose parts no figure states
    ("Defence spending will reach 13 trillion rubles in 2026. Total spending on defence and "
     "security will amount to 16 trillion rubles.", "16 trillion rubles"),
    ("Видатки на оборону сягнуть 13 млрд гривень. Загальні видатки на оборону та безпеку "
     "становитимуть 16 млрд гривень.", "16 млрд гривень"),
    ("In 2022 Russia spent 5 trillion rubles on defence and 2 trillion rubles on security. "
     "Total spending on defence and security will amount to 16 trillion rubles in 2026.",
     "16 trillion rubles"),
    # ranges of durations without a stated change
    ("Sentences ranged from 5 to 10 years.", "10 years"),
]

# Near misses: checks may be made, but none may be inconsistent.
NO_INCONSISTENT: list[str] = [
    # the whole named in words is of another year: the share does not fit it, and no single
    # digit explains the gap
    "Total expenditure in 2024 was 30 trillion rubles. Spending on the army will reach 12 "
    "trillion rubles in 2026, or 25% of total expenditure.",
    "Общие расходы в 2024 году составили 30 трлн рублей. На армию в 2026 году пойдут 12 трлн "
    "рублей, или 25% общих расходов.",
    # list items that are not the parts of the total after them
    "Kyiv received 40 buses and 25 trams in 2024. The total fleet of buses and trams now stands "
    "at 900 vehicles.",
    "Die Stadt kaufte 2024 40 Busse und 25 Straßenbahnen. Die Gesamtflotte aus Bussen und "
    "Straßenbahnen umfasst nun 900 Fahrzeuge.",
    # a payment "together with" something that is not a stated part
    "Zusammen mit Polen lieferte Deutschland 80 Panzer; 40 davon sind bereits im Einsatz.",
    "Together with allied units, the brigade fielded 3,000 soldiers; 1,200 of them were "
    "reservists.",
    "Разом із союзниками бригада виставила 3 000 бійців, з них 1 200 — резервісти.",
    # the same subject, but the figure before is of another kind of thing
    "Defence spending rose by 25% in 2025. Defence spending will account for 32% of total "
    "expenditure of 41 trillion rubles.",
    # a multiplier about a rate, next to unrelated money
    "The 300 drones a day are twice the rate of May, when the army spent $5 million.",
    "Четыре моста повреждены. Регион приходится на 30% общего ущерба страны в 12 млрд "
    "рублей.",
    # "в" before a count is "in", not "of": "30% всех школ в 10 районах"
    "Закрыты 5 школ, или 30% всех школ в 10 районах.",
    "Закрито 5 шкіл, або 30% усіх шкіл у 10 районах.",
    # the same subject, but the earlier figure is of another year
    "Defence spending in 2022 was 5.5 trillion rubles. Defence spending will account for 32% "
    "of total expenditure of 41 trillion rubles in 2026.",
    "Die Verteidigungsausgaben lagen 2021 bei 4 Milliarden Euro. Die Verteidigungsausgaben "
    "machen 2026 23 Prozent der gesamten Ausgaben von 40 Milliarden Euro aus.",
    # "together with" scoping over another figure than the parts of the clause
    "Together with 300 volunteers, the brigade lost 200 men, which makes 2,000 casualties "
    "this year.",
    "Russia lost 1,200 soldiers plus 30 tanks in May, and its losses reached 5,000 by June.",
]

# Phrasings the extractor does not read yet, given as the quantities a reader would write.
Figure = tuple[str, float, Kind, str | None, Approx]

GIVEN: list[tuple[str, list[Figure], str, str, dict[str, str]]] = [
    ("The new sign-up bonus is 450,000 rubles. That bonus is more than double the 210,000 "
     "rubles paid in 2023.",
     [("450,000 rubles", 450000, "money", "RUB", "exact"),
      ("double", 2, "ratio", None, "over"),
      ("210,000 rubles", 210000, "money", "RUB", "exact")],
     "percent_of", C, {"percent": "double", "part": "450,000 rubles", "whole": "210,000 rubles"}),
    ("The new sign-up bonus is 450,000 rubles. That bonus is more than triple the 210,000 "
     "rubles paid in 2023.",
     [("450,000 rubles", 450000, "money", "RUB", "exact"),
      ("triple", 3, "ratio", None, "over"),
      ("210,000 rubles", 210000, "money", "RUB", "exact")],
     "percent_of", X, {"percent": "triple", "part": "450,000 rubles", "whole": "210,000 rubles"}),
]


def _shown(a: Analysis) -> list[tuple[str, float, str]]:
    return [(q.text, q.value, q.kind) for q in a.quantities]


def _span(qs: list[Quantity], i: int | None) -> str | None:
    return None if i is None else qs[i].text


def _matches(qs: list[Quantity], c: Check, want: dict[str, Any]) -> bool:
    for key in ("percent", "part", "whole"):
        if key in want and _span(qs, getattr(c, key)) != want[key]:
            return False
    return "parts" not in want or (
        sorted(_span(qs, j) or "" for j in c.parts) == sorted(want["parts"]))


@pytest.mark.parametrize(("text", "kind", "status", "want"), FOUND)
def test_relation_tied_by_words_is_found(text: str, kind: str, status: str,
                                         want: dict[str, Any]) -> None:
    a = claimledger.analyze(text)
    found = [c for c in a.checks if c.kind == kind and _matches(a.quantities, c, want)]
    assert found, (a.checks, _shown(a))
    assert found[0].status == status, found[0]
    assert found[0].explanation


@pytest.mark.parametrize(("text", "span"), NO_CHECK_ON)
def test_near_miss_makes_no_check_on_the_figure(text: str, span: str) -> None:
    a = claimledger.analyze(text)
    on = [c for c in a.checks
          if span in (_span(a.quantities, c.percent), _span(a.quantities, c.whole))]
    assert not on, (on, _shown(a))


@pytest.mark.parametrize("text", NO_INCONSISTENT)
def test_near_miss_is_never_inconsistent(text: str) -> None:
    a = claimledger.analyze(text)
    bad = [c for c in a.checks if c.status == X]
    assert not bad, (bad, _shown(a))


def _given(text: str, figures: list[Figure]) -> list[Quantity]:
    out: list[Quantity] = []
    for span, value, kind, unit, approx in figures:
        start = text.index(span)
        out.append(Quantity(start, start + len(span), span, float(value), kind=kind, unit=unit,
                            approx=approx))
    return out


@pytest.mark.parametrize(("text", "figures", "kind", "status", "want"), GIVEN)
def test_relation_over_given_figures(text: str, figures: list[Figure], kind: str, status: str,
                                     want: dict[str, str]) -> None:
    qs = _given(text, figures)
    checks = check_arithmetic(Document(text=text, id="t"), qs)
    found = [c for c in checks if c.kind == kind and _matches(qs, c, want)]
    assert found, checks
    assert found[0].status == status, found[0]
