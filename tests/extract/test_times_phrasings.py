"""A held-out battery of date and period phrasings (en, ru, uk, de) and of numbers that are not
times.

Every sentence here was written for this battery; none is taken from the dev set. Each case lists
every time the sentence holds: its surface, and its value ("date") or its ends ("period").
Relative expressions are resolved against the case's publication date. A date after "as of",
"станом на", "Stand:" is the date alone: the periods stage reads the words before it.
"""

from __future__ import annotations

import pytest

from claimledger.extract.times import extract_times
from claimledger.model import Document, TimeExpr

# a Saturday: "Friday" is 2024-04-19, "last week" is 8-14 April
PUB = "2024-04-20"
# after 1 June, for "as of 1 June" without a year
JUNE = "2024-06-10"

# ("date", value) or ("period", from, to)
Expected = tuple[str | None, ...]
# language, text, published, the times it holds: (surface, expected)
Case = tuple[str, str, str | None, list[tuple[str, Expected]]]

D = "date"
P = "period"

CASES: list[Case] = [
    # --- explicit dates ----------------------------------------------------------------------
    ("en", "The depot was struck on 14 March 2024 before dawn.", None,
     [("14 March 2024", (D, "2024-03-14"))]),
    ("en", "The depot was struck on March 14, 2024, before dawn.", None,
     [("March 14, 2024", (D, "2024-03-14"))]),
    ("en", "The depot was struck on March 14th, officials said.", PUB,
     [("March 14th", (D, "2024-03-14"))]),
    ("en", "The order, dated 2024-03-14, was leaked.", None,
     [("2024-03-14", (D, "2024-03-14"))]),
    ("en", "The order was signed on 03/14/2024 in Kyiv.", None,
     [("03/14/2024", (D, "2024-03-14"))]),
    ("de", "Der Angriff erfolgte am 14. März 2024 in der Nacht.", None,
     [("14. März 2024", (D, "2024-03-14"))]),
    ("de", "Der Bericht stammt vom 14.03.2024 und ist vertraulich.", None,
     [("14.03.2024", (D, "2024-03-14"))]),
    ("ru", "Удар нанесли 14 марта 2024 года по складу.", None,
     [("14 марта 2024 года", (D, "2024-03-14"))]),
    ("ru", "Удар нанесли в ночь на 15 марта.", PUB,
     [("15 марта", (D, "2024-03-15"))]),
    ("uk", "Удар завдали 14 березня 2024 року по складу.", None,
     [("14 березня 2024 року", (D, "2024-03-14"))]),
    ("uk", "Склад атакували у березні 2024 року.", None,
     [("березні 2024 року", (D, "2024-03"))]),
    ("uk", "26 жовтня дрони атакували Київ.", "2024-11-02",
     [("26 жовтня", (D, "2024-10-26"))]),
    # --- years ------------------------------------------------------------------------------
    ("en", "In 2023 courts heard 5,600 desertion cases.", None, [("2023", (D, "2023"))]),
    ("en", "Prices in 2023 rose faster than wages.", None, [("2023", (D, "2023"))]),
    ("en", "The 2024 budget allots more to defence.", None, [("2024", (D, "2024"))]),
    ("de", "Im Jahr 2023 stiegen die Verluste deutlich.", None, [("2023", (D, "2023"))]),
    ("ru", "Потери выросли в 2023 году.", None, [("2023 году", (D, "2023"))]),
    ("ru", "Производство выросло в 2023-м году втрое.", None, [("2023-м году", (D, "2023"))]),
    ("uk", "Виробництво зросло у 2023-му році.", None, [("2023-му році", (D, "2023"))]),
    ("ru", "Потери в 2022–2023 годах были выше.", None,
     [("2022–2023 годах", (P, "2022", "2023"))]),
    ("uk", "Втрати у 2022-2023 роках зросли.", None, [("2022-2023 роках", (P, "2022", "2023"))]),
    ("en", "The 2022-2023 winter was the hardest.", None, [("2022-2023", (P, "2022", "2023"))]),
    # --- modifiers ----------------------------------------------------------------------------
    ("en", "Output fell in the first half of 2024.", None,
     [("the first half of 2024", (P, "2024-01", "2024-06"))]),
    ("en", "Exports rose in Q1 2025 compared with a year earlier.", None,
     [("Q1 2025", (P, "2025-01", "2025-03"))]),
    ("en", "Deliveries slowed in the third quarter of 2023.", None,
     [("the third quarter of 2023", (P, "2023-07", "2023-09"))]),
    ("ru", "В первом полугодии 2024 года экспорт упал.", None,
     [("первом полугодии 2024 года", (P, "2024-01", "2024-06"))]),
    ("uk", "У першому півріччі 2024 року експорт впав.", None,
     [("першому півріччі 2024 року", (P, "2024-01", "2024-06"))]),
    ("de", "Im ersten Halbjahr 2024 sank der Export.", None,
     [("ersten Halbjahr 2024", (P, "2024-01", "2024-06"))]),
    ("de", "Im ersten Quartal 2025 stieg der Export.", None,
     [("ersten Quartal 2025", (P, "2025-01", "2025-03"))]),
    ("ru", "В конце 2023 года фронт стабилизировался.", None,
     [("В конце 2023 года", (D, "2023"))]),
    ("uk", "Наприкінці 2023 року фронт стабілізувався.", None,
     [("Наприкінці 2023 року", (D, "2023"))]),
    ("de", "Ende 2023 stabilisierte sich die Front.", None, [("Ende 2023", (D, "2023"))]),
    ("en", "Recruitment slowed in mid-2023.", None, [("mid-2023", (D, "2023"))]),
    # --- periods from triggers ----------------------------------------------------------------
    ("uk", "Втрати рахують з 24 лютого 2022 року.", None,
     [("з 24 лютого 2022 року", (P, "2022-02-24", None))]),
    ("uk", "Програма діятиме до кінця 2025 року.", None,
     [("до кінця 2025 року", (P, None, "2025"))]),
    ("ru", "Программа продлится до конца 2025 года.", None,
     [("до конца 2025 года", (P, None, "2025"))]),
    ("de", "Das Programm läuft bis Ende 2025 weiter.", None,
     [("bis Ende 2025", (P, None, "2025"))]),
    ("en", "The programme runs until the end of 2025.", None,
     [("until the end of 2025", (P, None, "2025"))]),
    ("en", "Prices have climbed since late 2022.", None, [("since late 2022", (P, "2022", None))]),
    ("en", "Prices have climbed from mid-2023 onwards.", None,
     [("from mid-2023", (P, "2023", None))]),
    ("uk", "Ціни зростають з середини 2023 року.", None,
     [("з середини 2023 року", (P, "2023", None))]),
    ("ru", "Цены растут с конца 2022 года.", None, [("с конца 2022 года", (P, "2022", None))]),
    ("de", "Die Preise steigen seit Ende 2022.", None, [("seit Ende 2022", (P, "2022", None))]),
    ("ru", "Отпуска отменены с 1 по 15 марта.", PUB,
     [("с 1 по 15 марта", (P, "2024-03-01", "2024-03-15"))]),
    ("uk", "Відпустки скасовано з 1 по 15 березня 2024 року.", None,
     [("з 1 по 15 березня 2024 року", (P, "2024-03-01", "2024-03-15"))]),
    ("de", "Die Übung lief vom 1. bis 15. März 2024.", None,
     [("vom 1. bis 15. März 2024", (P, "2024-03-01", "2024-03-15"))]),
    ("en", "The drills ran from 1 to 15 March 2024.", None,
     [("from 1 to 15 March 2024", (P, "2024-03-01", "2024-03-15"))]),
    ("en", "The drills ran on 1-15 March 2024.", None,
     [("1-15 March 2024", (P, "2024-03-01", "2024-03-15"))]),
    ("en", "Attacks peaked between March and May.", JUNE,
     [("between March and May", (P, "2024-03", "2024-05"))]),
    ("en", "Attacks peaked from January to March 2024.", None,
     [("from January to March 2024", (P, "2024-01", "2024-03"))]),
    ("ru", "Атаки усилились с февраля по май 2024 года.", None,
     [("с февраля по май 2024 года", (P, "2024-02", "2024-05"))]),
    ("uk", "Атаки посилилися з лютого по травень 2024 року.", None,
     [("з лютого по травень 2024 року", (P, "2024-02", "2024-05"))]),
    ("de", "Die Angriffe nahmen von Februar bis Mai 2024 zu.", None,
     [("von Februar bis Mai 2024", (P, "2024-02", "2024-05"))]),
    ("de", "Die Angriffe nahmen zwischen Januar und März 2024 zu.", None,
     [("zwischen Januar und März 2024", (P, "2024-01", "2024-03"))]),
    # --- as of --------------------------------------------------------------------------------
    ("en", "As of 1 June, 300 people remained in the shelters.", JUNE,
     [("1 June", (D, "2024-06-01"))]),
    ("uk", "Станом на 1 червня 2024 року в укриттях лишалися 300 людей.", None,
     [("1 червня 2024 року", (D, "2024-06-01"))]),
    ("ru", "По состоянию на 1 июня в убежищах оставались 300 человек.", JUNE,
     [("1 июня", (D, "2024-06-01"))]),
    ("de", "Stand: 1. Juni 2024. Die Zahlen werden laufend ergänzt.", None,
     [("1. Juni 2024", (D, "2024-06-01"))]),
    # --- relative -----------------------------------------------------------------------------
    ("en", "In the past 24 hours, 40 clashes took place.", PUB,
     [("the past 24 hours", (D, "2024-04-19"))]),
    ("ru", "За последние сутки произошло 40 боестолкновений.", PUB,
     [("последние сутки", (D, "2024-04-19"))]),
    ("uk", "Протягом минулої доби відбулося 40 боєзіткнень.", PUB,
     [("минулої доби", (D, "2024-04-19"))]),
    ("en", "Over the past week, 90 drones were downed.", PUB,
     [("Over the past week", (P, "2024-04-13", "2024-04-20"))]),
    ("uk", "За минулий тиждень збили 90 дронів.", PUB,
     [("За минулий тиждень", (P, "2024-04-13", "2024-04-20"))]),
    ("en", "Last week the ministry said 90 drones were downed.", PUB,
     [("Last week", (P, "2024-04-08", "2024-04-14"))]),
    ("en", "Strikes doubled last month.", PUB, [("last month", (D, "2024-03"))]),
    ("en", "The law was passed earlier this year.", PUB, [("earlier this year", (D, "2024"))]),
    ("en", "Exports fell last year.", PUB, [("last year", (D, "2023"))]),
    ("ru", "Экспорт упал в прошлом году.", PUB, [("в прошлом году", (D, "2023"))]),
    ("uk", "Експорт торік упав.", PUB, [("торік", (D, "2023"))]),
    ("de", "Der Export fiel im vergangenen Jahr.", PUB, [("im vergangenen Jahr", (D, "2023"))]),
    ("en", "The bridge was hit on Friday.", PUB, [("Friday", (D, "2024-04-19"))]),
    ("ru", "Мост атаковали в пятницу.", PUB, [("пятницу", (D, "2024-04-19"))]),
    ("de", "Die Brücke wurde am Freitag getroffen.", PUB, [("Freitag", (D, "2024-04-19"))]),
    ("en", "Yesterday the city was shelled again.", PUB, [("Yesterday", (D, "2024-04-19"))]),
    ("en", "The convoy left two days ago.", PUB, [("two days ago", (D, "2024-04-18"))]),
    ("en", "The depot burned this March.", PUB, [("this March", (D, "2024-03"))]),
    ("en", "The depot burned last October.", PUB, [("last October", (D, "2023-10"))]),
    # --- event anchors ------------------------------------------------------------------------
    ("en", "Since the full-scale invasion, 6 million people have left.", None,
     [("Since the full-scale invasion", (P, "2022-02-24", None))]),
    ("ru", "По данным Генштаба ВСУ, с начала вторжения Россия потеряла 500 тысяч солдат.", None,
     [("с начала вторжения", (P, "2022-02-24", None))]),
    ("ru", "С начала СВО армия получила 300 танков.", None,
     [("С начала СВО", (P, "2022-02-24", None))]),
    ("uk", "З початку повномасштабного вторгнення Росії загинули 500 дітей.", None,
     [("З початку повномасштабного вторгнення Росії", (P, "2022-02-24", None))]),
    ("uk", "З початку вторгнення Росія втратила 8000 танків.", None,
     [("З початку вторгнення", (P, "2022-02-24", None))]),
    ("de", "Seit Beginn des Angriffskriegs sind 6 Millionen Menschen geflohen.", None,
     [("Seit Beginn des Angriffskriegs", (P, "2022-02-24", None))]),
    ("de", "Seit Beginn des Angriffskriegs Russlands sind 6 Millionen Menschen geflohen.", None,
     [("Seit Beginn des Angriffskriegs Russlands", (P, "2022-02-24", None))]),
    ("en", "Since the Kursk incursion, 700 prisoners have been taken.", None,
     [("Since the Kursk incursion", (P, "2024-08", None))]),
    # --- not times ----------------------------------------------------------------------------
    ("en", "The meeting began at 14:30 local time.", None, []),
    ("en", "About 2,000 soldiers were wounded.", None, []),
    ("en", "The brigade lost 2000 soldiers in a week.", None, []),
    ("en", "Call the hotline on +380 44 256 2023 for help.", None, []),
    ("en", "Hotline: 0 800 50 2024", None, []),
    ("en", "The Zapad-2021 exercise involved 200,000 troops.", None, []),
    ("en", "Article 2022 of the code covers desertion.", None, []),
    ("en", "Resolution 2023 was adopted unanimously.", None, []),
    ("en", "Ukraine received more than 2024 shells.", None, []),
    ("en", "The Shahed-136 drones came from the south.", None, []),
    ("ru", "Бригада потеряла 2000 солдат.", "ru", []),
]


def _shape(t: TimeExpr) -> tuple[str, Expected]:
    if t.type == "date":
        return t.text, (D, t.value or "")
    return t.text, (P, t.from_ or "", t.to or "")


def _norm(expected: Expected) -> Expected:
    return tuple(x or "" for x in expected)


@pytest.mark.parametrize(("language", "text", "published", "expected"), CASES)
def test_times_phrasing(
    language: str, text: str, published: str | None, expected: list[tuple[str, Expected]]
) -> None:
    pub = published if published and published[:1].isdigit() else None
    found = extract_times(Document(text=text, published=pub, language=language))
    for t in found:
        assert text[t.start:t.end] == t.text
    assert [_shape(t) for t in found] == [(s, _norm(e)) for s, e in expected]


def test_battery_is_large_enough() -> None:
    assert len(CASES) >= 60
