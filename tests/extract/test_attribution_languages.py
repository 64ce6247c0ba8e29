"""A held-out battery of German, Russian and Ukrainian attributions in the style of news reports.

Every sentence was written for this battery (none comes from the dev set): agency and ministry
cues ("Nach Angaben des ...", "как сообщает ...", "за інформацією ..."), chains ("unter Berufung
auf", "со ссылкой на", "з посиланням на"), cues after the figure ("teilte ... mit", "передает",
"пише"), headlines ("... — Генштаб"), quoted speech with a dash ("— сказал он"), carry-over to
the next sentences, definite back-references ("die Behörde", "ведомство", "відомство") that go on
with the source already speaking, and the outlet's own voice. Where a reporter's phrasing leaves
two readings (the agency that was told, or only the speaker), either chain is accepted.
"""

from __future__ import annotations

import time

import pytest
from runaway import RUNAWAY_SECONDS

from claimledger.extract.attribution import attach_context, extract_attributions
from claimledger.model import Document
from tests.extract.test_attribution_phrasings import run_sources, same_chain

Chain = tuple[str, ...]
# one figure: its surface and the chains accepted for it (the first is the preferred reading)
Want = tuple[str, list[Chain]]
Case = tuple[str, str, list[Want], str | None]


def _one(surface: str, *chains: Chain) -> Want:
    return (surface, list(chains))


DE: list[Case] = [
    ("de", "Nach Angaben des ukrainischen Generalstabs wurden in der Nacht 24 Drohnen "
     "abgeschossen.", [_one("24", ("ukrainischen Generalstabs",))], None),
    ("de", "Mindestens 14 Menschen wurden verletzt, wie das ukrainische Innenministerium "
     "mitteilte.", [_one("14", ("ukrainische Innenministerium",))], None),
    ("de", "Wie das britische Verteidigungsministerium mitteilte, sind im Mai 1.000 Soldaten "
     "gefallen.", [_one("1.000", ("britische Verteidigungsministerium",))], None),
    ("de", "Laut einem Bericht der „Financial Times“ gibt Russland rund 40 Prozent seines "
     "Haushalts für Verteidigung aus.", [_one("40 Prozent", ("Financial Times",))], None),
    ("de", "Bei dem Angriff wurden 7 Menschen getötet. Das teilte die Stadtverwaltung von "
     "Charkiw mit.", [_one("7", ("Stadtverwaltung von Charkiw",))], None),
    ("de", "Das ukrainische Verteidigungsministerium meldete am Morgen 38 abgeschossene Drohnen. "
     "Das Ministerium teilte zudem mit, dass 5 Raketen ihr Ziel erreicht hätten.",
     [_one("38", ("ukrainische Verteidigungsministerium",)),
      _one("5", ("ukrainische Verteidigungsministerium",))], None),
    ("de", "Laut der Internationalen Atomenergiebehörde fiel im Kraftwerk 2 Stunden lang der "
     "Strom aus. Die Behörde erklärte, 4 Reaktoren seien heruntergefahren.",
     [_one("2 Stunden", ("Internationalen Atomenergiebehörde",)),
      _one("4", ("Internationalen Atomenergiebehörde",))], None),
    ("de", "Nach Angaben des ISW rücken russische Truppen bei Pokrowsk vor. Russland habe im "
     "Oktober 500 Quadratkilometer erobert, heißt es in dem Bericht.",
     [_one("500 Quadratkilometer", ("ISW",))], None),
    ("de", "In der Region seien 12 Dörfer ohne Strom, so der Gouverneur der Region Sumy.",
     [_one("12", ("Gouverneur der Region Sumy",))], None),
    ("de", "Die Ukraine brauche mindestens 7 weitere Patriot-Systeme, sagte Präsident Wolodymyr "
     "Selenskyj in seiner abendlichen Videoansprache.",
     [_one("7", ("Präsident Wolodymyr Selenskyj",))], None),
    ("de", "Nordkorea habe bis zu 12.000 Soldaten nach Russland geschickt, berichtete die "
     "„Washington Post“ unter Berufung auf US-Beamte.",
     [_one("12.000", ("Washington Post", "US-Beamte"))], None),
    ("de", "Dem russischen Verteidigungsministerium zufolge wurden 18 ukrainische Drohnen "
     "zerstört.", [_one("18", ("russischen Verteidigungsministerium",))], None),
    ("de", "Wie die Nachrichtenagentur AFP unter Berufung auf Diplomaten berichtete, sollen "
     "3 Milliarden Euro bereitgestellt werden.",
     [_one("3 Milliarden Euro", ("Nachrichtenagentur AFP", "Diplomaten"))], None),
    ("de", "Im vergangenen Jahr wurden 4.600 Fälle von Fahnenflucht registriert. Dies geht aus "
     "einem Bericht des unabhängigen Portals Mediazona hervor.",
     [_one("4.600", ("unabhängigen Portals Mediazona",))], None),
    ("de", "Russland verliert 1.300 Soldaten an einem Tag – Generalstab\n\nDie Angaben lassen "
     "sich nicht unabhängig überprüfen.", [_one("1.300", ("Generalstab",))], None),
    ("de", "Das britische Verteidigungsministerium beruft sich auf Recherchen russischer Medien. "
     "Demnach sind seit Jahresbeginn 900 Soldaten desertiert.",
     [_one("900", ("britische Verteidigungsministerium", "russischer Medien"))], None),
    ("de", "Zwischen Januar und April seien 800 Verfahren eröffnet worden, teilte das britische "
     "Verteidigungsministerium am Dienstag unter Berufung auf Gerichtsdaten mit.",
     [_one("800", ("britische Verteidigungsministerium", "Gerichtsdaten"))], None),
    ("de", "Die Zahl der Fahnenflüchtigen ist nach Angaben britischer Geheimdienste zuletzt "
     "gestiegen. Allein im März seien 300 Fälle verhandelt worden.",
     [_one("300", ("britischer Geheimdienste",))], None),
    ("de", "Ukrainische Offiziere haben dem Sender CNN berichtet, dass 70 Prozent der Drohnen "
     "abgefangen würden.",
     [_one("70 Prozent", ("Sender CNN", "Ukrainische Offiziere"), ("Ukrainische Offiziere",))],
     None),
    ("de", "Westliche Diplomaten haben der Zeitung mitgeteilt, dass 3.000 Soldaten verlegt "
     "wurden. Die Diplomaten sagten außerdem, 500 davon seien bereits im Einsatz.",
     [_one("3.000", ("Westliche Diplomaten",)), _one("500", ("Westliche Diplomaten",))], None),
    ("de", "Nach Schätzungen des Kieler Instituts für Weltwirtschaft belaufen sich die Hilfen auf "
     "267 Milliarden Euro.",
     [_one("267 Milliarden Euro", ("Kieler Instituts für Weltwirtschaft",))], None),
    ("de", "Nach Angaben von Bürgermeister Vitali Klitschko wurden 3 Menschen verletzt.",
     [_one("3", ("Bürgermeister Vitali Klitschko",))], None),
    ("de", "Etwa 150 Familien seien noch in der Stadt, sagte der Bürgermeister der "
     "Nachrichtenagentur dpa.",
     [_one("150", ("Bürgermeister",), ("Nachrichtenagentur dpa", "Bürgermeister"))], None),
    ("de", "Mehr als 60 Angriffe seien abgewehrt worden, sagte ein Sprecher des Generalstabs.",
     [_one("60", ("Sprecher des Generalstabs",))], None),
    ("de", "Laut Medienberichten sollen 20 Menschen verletzt worden sein.",
     [_one("20", ("Medienberichten",))], None),
    ("de", "Luftwaffe: 45 von 50 Drohnen abgeschossen\n\nDer Angriff dauerte die ganze Nacht.",
     [_one("45", ("Luftwaffe",)), _one("50", ("Luftwaffe",))], None),
    ("de", "Der Spiegel berichtet, dass 200 Soldaten desertiert sind.",
     [_one("200", ())], "spiegel.de"),
    ("de", "Laut Polizei wurden 9 Menschen festgenommen. Weitere 4 wurden verletzt.\n\n"
     "Bereits zuvor hatte die Stadt 2 Notunterkünfte eingerichtet.",
     [_one("9", ("Polizei",)), _one("4", ("Polizei",)), _one("2", ())], None),
    ("de", "Der ukrainische Energieversorger Ukrenergo teilte mit, 6 Kraftwerke seien beschädigt "
     "worden. Das Unternehmen erklärte, 2 davon seien vollständig zerstört.",
     [_one("6", ("ukrainische Energieversorger Ukrenergo",)),
      _one("2", ("ukrainische Energieversorger Ukrenergo",))], None),
    ("de", "Der Gouverneur sagte der Nachrichtenagentur Reuters, 11 Menschen seien gestorben.",
     [_one("11", ("Gouverneur",), ("Nachrichtenagentur Reuters", "Gouverneur"))], None),
]

RU: list[Case] = [
    ("ru", "Как сообщает Reuters, в результате удара погибли 8 человек.",
     [_one("8", ("Reuters",))], None),
    ("ru", "Минобороны Великобритании со ссылкой на данные разведки сообщило, что Россия теряет "
     "1 000 военных в день.",
     [_one("1 000", ("Минобороны Великобритании",))], None),  # its own intelligence: one source
    ("ru", "В Белгороде ранены 6 человек. Об этом заявил губернатор Белгородской области.",
     [_one("6", ("губернатор Белгородской области",))], None),
    ("ru", "Пожар охватил 300 квадратных метров, передает ТАСС.",
     [_one("300 квадратных метров", ("ТАСС",))], None),
    ("ru", "За год в армию завербовали 30 000 заключенных, пишет «Медиазона».",
     [_one("30 000", ("Медиазона",))], None),
    ("ru", "По оценке ISW, российские войска продвинулись на 4 километра.",
     [_one("4 километра", ("ISW",))], None),
    ("ru", "По оценкам Центробанка, инфляция по итогам года составит 8%.",
     [_one("8%", ("Центробанка",))], None),
    ("ru", "ВСУ сбили 25 ракет — Генштаб\n\nУдар был нанесен ночью.",
     [_one("25", ("Генштаб",))], None),
    ("ru", "Командир роты Иван Петров заявил, что ситуация тяжелая. «За неделю мы отбили "
     "12 атак», — сказал он.", [_one("12", ("Командир роты Иван Петров",))], None),
    ("ru", "«Эвакуированы 200 человек», — сказал глава МЧС Александр Куренков.",
     [_one("200", ("глава МЧС Александр Куренков",))], None),
    ("ru", "Минобороны России сообщило об уничтожении 30 беспилотников. Кроме того, по данным "
     "ведомства, сбиты 2 ракеты.",
     [_one("30", ("Минобороны России",)), _one("2", ("Минобороны России",))], None),
    ("ru", "Минздрав сообщил о 15 пострадавших. В ведомстве уточнили, что 4 человека находятся "
     "в тяжелом состоянии.", [_one("15", ("Минздрав",)), _one("4", ("Минздрав",))], None),
    ("ru", "Агентство Bloomberg со ссылкой на источники сообщило, что экспорт нефти сократился "
     "на 12%.", [_one("12%", ("Агентство Bloomberg", "источники"))], None),
    ("ru", "Как заявил президент Владимир Зеленский, Украина получила 3 системы ПВО.",
     [_one("3", ("президент Владимир Зеленский",))], None),
    ("ru", "В Курской области находятся около 11 000 северокорейских военных, сообщает CNN со "
     "ссылкой на американских чиновников.",
     [_one("11 000", ("CNN", "американских чиновников"))], None),
    ("ru", "По данным ООН, с начала войны погибли 12 000 мирных жителей. Среди них 650 детей.",
     [_one("12 000", ("ООН",)), _one("650", ("ООН",))], None),
    ("ru", "По словам мэра, повреждены 40 домов. Ранее власти выделили 5 млн рублей на ремонт.",
     [_one("40", ("мэра",)), _one("5 млн рублей", ())], None),
    ("ru", "«Медиазона» подсчитала, что погибли 50 000 военных.",
     [_one("50 000", ())], "zona.media"),
    ("ru", "Глава Херсонской ОВА сообщил в Telegram, что ранены 3 человека.",
     [_one("3", ("Глава Херсонской ОВА",))], None),
    ("ru", "Число заявлений выросло на 20%, отмечает «Коммерсантъ».",
     [_one("20%", ("Коммерсантъ",))], None),
    ("ru", "В ходе атаки сбиты 18 дронов, говорится в сообщении Минобороны.",
     [_one("18", ("Минобороны",))], None),
    ("ru", "Как сообщили в пресс-службе Воздушных сил, сбиты 45 дронов.",
     [_one("45", ("пресс-службе Воздушных сил",))], None),
    ("ru", "Ущерб оценивается в 2 млрд долларов. Об этом пишет Forbes.",
     [_one("2 млрд долларов", ("Forbes",))], None),
    ("ru", "Погибли 4 человека, передает РИА Новости со ссылкой на местные власти.",
     [_one("4", ("РИА Новости", "местные власти"))], None),
    ("ru", "По данным Минобороны Великобритании, Россия потеряла 3 000 танков. Ведомство также "
     "отмечает, что 900 из них были уничтожены дронами.",
     [_one("3 000", ("Минобороны Великобритании",)),
      _one("900", ("Минобороны Великобритании",))], None),
    ("ru", "В Генштабе ВСУ заявили, что за сутки отражено 150 атак.",
     [_one("150", ("Генштабе ВСУ",))], None),
    ("ru", "По словам Зеленского, за год Россия потеряла 430 000 военных. «Это больше 1 000 "
     "человек в день», — сказал он.",
     [_one("430 000", ("Зеленского",)), _one("1 000", ("Зеленского",))], None),
    ("ru", "Губернатор Вячеслав Гладков сообщил о 7 раненых.\n\nНапомним, в прошлом месяце "
     "область получила 20 новых машин скорой помощи.",
     [_one("7", ("Губернатор Вячеслав Гладков",)), _one("20", ())], None),
]

UK: list[Case] = [
    ("uk", "За інформацією Повітряних сил, збито 37 із 41 дрона.",
     [_one("37", ("Повітряних сил",)), _one("41", ("Повітряних сил",))], None),
    ("uk", "Як повідомляє Укрінформ, внаслідок обстрілу поранено 5 людей.",
     [_one("5", ("Укрінформ",))], None),
    ("uk", "Внаслідок удару пошкоджено 20 будинків. Про це повідомив голова ОВА Іван Федоров.",
     [_one("20", ("голова ОВА Іван Федоров",))], None),
    ("uk", "У місті загинули 3 людини, передає Суспільне.",
     [_one("3", ("Суспільне",))], None),
    ("uk", "Росія втратила 60% своїх танків, пише The Economist.",
     [_one("60%", ("The Economist",))], None),
    ("uk", "Reuters з посиланням на джерела повідомляє, що ЄС виділить 50 мільярдів євро.",
     [_one("50 мільярдів євро", ("Reuters", "джерела"))], None),
    ("uk", "Міністр оборони Рустем Умєров заявив, що Україна отримала 20 винищувачів.",
     [_one("20", ("Міністр оборони Рустем Умєров",))], None),
    ("uk", "Росіяни втратили 1 500 солдатів за добу — Генштаб\n\nДані не вдалося перевірити.",
     [_one("1 500", ("Генштаб",))], None),
    ("uk", "Речник Повітряних сил Юрій Ігнат заявив, що атака була масованою. «Ми збили "
     "15 дронів за ніч», — сказав він.",
     [_one("15", ("Речник Повітряних сил Юрій Ігнат",))], None),
    ("uk", "Міністерство охорони здоров'я повідомило про 12 поранених. У відомстві уточнили, що "
     "2 з них у важкому стані.",
     [_one("12", ("Міністерство охорони здоров'я",)),
      _one("2", ("Міністерство охорони здоров'я",))], None),
    ("uk", "За оцінками Світового банку, відновлення коштуватиме 486 мільярдів доларів.",
     [_one("486 мільярдів доларів", ("Світового банку",))], None),
    ("uk", "Згідно з даними ООН, в Україні загинули 11 000 цивільних. Серед них 600 дітей.",
     [_one("11 000", ("ООН",)), _one("600", ("ООН",))], None),
    ("uk", "За словами мера, пошкоджено 30 вікон. Раніше місто отримало 10 генераторів.",
     [_one("30", ("мера",)), _one("10", ())], None),
    ("uk", "У Генштабі ЗСУ повідомили, що за добу відбулося 140 боєзіткнень.",
     [_one("140", ("Генштабі ЗСУ",))], None),
    ("uk", "Як зазначили в поліції, затримано 4 підозрюваних.",
     [_one("4", ("поліції",))], None),
    ("uk", "Україна отримає 6 систем Patriot. Про це повідомляє «Українська правда» з посиланням "
     "на джерела.", [_one("6", ("Українська правда", "джерела"))], None),
    ("uk", "Збито 22 ракети, йдеться у повідомленні Повітряних сил.",
     [_one("22", ("Повітряних сил",))], None),
    ("uk", "За даними Міноборони, Україна виготовила 1 мільйон дронів. Відомство також "
     "зазначає, що 200 тисяч з них були FPV.",
     [_one("1 мільйон", ("Міноборони",)), _one("200 тисяч", ("Міноборони",))], None),
    ("uk", "Очільник Харківської ОВА Олег Синєгубов написав у Telegram, що поранено 7 людей.",
     [_one("7", ("Очільник Харківської ОВА Олег Синєгубов",))], None),
    ("uk", "Президент Володимир Зеленський заявив, що Росія випустила за тиждень 800 дронів.",
     [_one("800", ("Президент Володимир Зеленський",))], None),
    ("uk", "За підрахунками Київської школи економіки, збитки сягнули 155 мільярдів доларів.",
     [_one("155 мільярдів доларів", ("Київської школи економіки",))], None),
    ("uk", "Як пише Forbes, Україна втратила 20% ВВП.", [_one("20%", ("Forbes",))], None),
    ("uk", "Британська розвідка, посилаючись на дані Генштабу, повідомляє про 1 100 втрат на "
     "добу.", [_one("1 100", ("Британська розвідка", "дані Генштабу"))], None),
    ("uk", "Внаслідок обстрілу загинули 2 людини, повідомила обласна прокуратура.",
     [_one("2", ("обласна прокуратура",))], None),
    ("uk", "Пожежу площею 200 квадратних метрів ліквідовано, повідомили в ДСНС.",
     [_one("200 квадратних метрів", ("ДСНС",))], None),
    ("uk", "За даними ОВА, пошкоджено 12 будинків.\n\nТакож пошкоджено 3 школи.",
     [_one("12", ("ОВА",)), _one("3", ("ОВА",))], None),
    ("uk", "«Українська правда» з'ясувала, що 30 посадовців мають нерухомість за кордоном.",
     [_one("30", ())], "pravda.com.ua"),
    ("uk", "Голова ОВА Вадим Філашкін повідомив про 4 поранених.\n\nНагадаємо, минулого тижня "
     "в області відкрили 2 нові укриття.",
     [_one("4", ("Голова ОВА Вадим Філашкін",)), _one("2", ())], None),
]

CASES = DE + RU + UK


def passes(case: Case) -> bool:
    """Every figure of the case gets one of its accepted chains."""
    lang, text, wants, outlet = case
    got = run_sources((lang, text, [(s, c[0]) for s, c in wants], outlet))
    return all(
        any(same_chain(g, w) for w in accepted) for (_, accepted), g in zip(wants, got, strict=True)
    )


def _label(case: Case) -> str:
    return f"{case[0]}:{case[1][:40]}"


@pytest.mark.parametrize("case", CASES, ids=_label)
def test_sources(case: Case) -> None:
    lang, text, wants, outlet = case
    got = run_sources((lang, text, [(s, c[0]) for s, c in wants], outlet))
    for (surface, accepted), chain in zip(wants, got, strict=True):
        assert any(same_chain(chain, w) for w in accepted), (surface, chain, accepted)


def test_battery_is_large_in_each_language() -> None:
    for lang, cases in (("de", DE), ("ru", RU), ("uk", UK)):
        assert len(cases) >= 25 and all(c[0] == lang for c in cases)


# Long inputs for the German and Cyrillic cues added with this battery; each must be read quickly.
PATHOLOGICAL = [
    "heißt es " * 5000 + "im",
    "der sich auf " * 5000 + "beruft",
    ", передает " * 5000,
    "Nach Angaben des " + "russischer " * 5000 + "Soldaten",
    "teilte das " * 5000 + "mit",
]


@pytest.mark.parametrize("text", PATHOLOGICAL, ids=lambda t: t[:12])
def test_pathological_inputs_are_fast(text: str) -> None:
    t0 = time.perf_counter()
    doc = Document(text, language="de")
    attach_context(doc, [], [], extract_attributions(doc))
    assert time.perf_counter() - t0 < RUNAWAY_SECONDS
