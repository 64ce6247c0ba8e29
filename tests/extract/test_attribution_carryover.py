"""A battery on how far a stated source reaches, and on what may never be a source.

Every sentence was written for this battery (none comes from the dev set). A source carries over
only while the text keeps reporting it: the rest of its paragraph, a list that its lead-in line
introduces, a new paragraph that points back at what was reported ("Of these,", "these
figures", "It also said", "Кроме того", "Зазначається", "Außerdem"), a quotation that goes on,
or one that names the source again. It stops at a new paragraph in the outlet's own voice:
background, general facts, a new topic. Chains keep their outer and middle links ("X, citing
Y"; "X refers to data from Y"), and pronouns, function words and clause fragments never become
sources.
"""

from __future__ import annotations

import pytest

from tests.extract.test_attribution_phrasings import run_sources, same_chain

Chain = tuple[str, ...]
Case = tuple[str, str, list[tuple[str, Chain]], str | None]
NONE: Chain = ()

# a source carried over to the next paragraph: the text goes on reporting it
CONTINUES: list[Case] = [
    ("en", "The regional health office said 41 people were treated in hospital.\n\n"
     "Of these, 9 remain in intensive care.",
     [("41", ("regional health office",)), ("9", ("regional health office",))], None),
    ("en", "According to the port authority, 120 ships called at the harbour in May.\n\n"
     "In addition, 14 tankers were turned away because of the storm.",
     [("120", ("port authority",)), ("14", ("port authority",))], None),
    ("en", "The audit office found 312 unpaid invoices.\n"
     "The majority of these invoices, 280, were older than a year.",
     [("312", ("audit office",)), ("280", ("audit office",))], None),
    ("en", "The grain board reported the following stocks:\n"
     "- wheat — 4,100 tonnes;\n- barley — 2,250 tonnes;\n- maize — 990 tonnes.",
     [("4,100 tonnes", ("grain board",)), ("2,250 tonnes", ("grain board",)),
      ("990 tonnes", ("grain board",))], None),
    ("en", "Coastguard officials said 23 sailors had been rescued.\n\n"
     "\"Another 6 are still missing and the search goes on,\" a spokesman added.",
     [("23", ("Coastguard officials",)), ("6", ("Coastguard officials",))], None),
    ("en", "The weather service counted 17 tornadoes over the weekend.\n\n"
     "It also said 3 of them reached the highest category.",
     [("17", ("weather service",)), ("3", ("weather service",))], None),
    ("en", "The transport ministry estimates that 8,000 commuters use the bridge daily.\n\n"
     "It is also noted that 1,500 cyclists cross it every morning.",
     [("8,000", ("transport ministry",)), ("1,500", ("transport ministry",))], None),
    ("en", "Figures from the Northern Rail Company show 96% of trains ran on time.\n\n"
     "The Northern Rail Company also recorded 12 cancellations in the same month.",
     [("96%", ("Northern Rail Company",)), ("12", ("Northern Rail Company",))], None),
    ("en", "The fisheries council said catches fell to 2,400 tonnes.\n\n"
     "These figures are the lowest the council has ever published, with 300 boats idle.",
     [("2,400 tonnes", ("fisheries council",)), ("300", ("fisheries council",))], None),
    ("ru", "По данным городской администрации, за неделю отремонтировано 35 домов.\n\n"
     "Кроме того, в 12 школах заменили окна.",
     [("35", ("городской администрации",)), ("12", ("городской администрации",))], None),
    ("ru", "Об этом сообщили в пожарной службе области. Всего пострадали 7 человек.\n"
     "Кроме людей, огонь уничтожил технику:\n- тракторы — 4;\n- грузовики — 11.",
     [("7", ("пожарной службе области",)), ("4", ("пожарной службе области",)),
      ("11", ("пожарной службе области",))], None),
    ("ru", "Как сообщает статистическое управление, безработица выросла до 6%.\n\n"
     "Отмечается, что в сельских районах она достигла 9%.",
     [("6%", ("статистическое управление",)), ("9%", ("статистическое управление",))],
     None),
    ("ru", "Согласно отчету Счетной палаты, не освоено 40 млрд рублей.\n\n"
     "Из них 15 млрд рублей приходится на дорожное строительство.",
     [("40 млрд рублей", ("Счетной палаты",)), ("15 млрд рублей", ("Счетной палаты",))],
     None),
    ("uk", "За даними обласної адміністрації, за добу евакуйовано 210 людей.\n\n"
     "Крім того, з прифронтових сіл вивезли 45 дітей.",
     [("210", ("обласної адміністрації",)), ("45", ("обласної адміністрації",))], None),
    ("uk", "Про це повідомляє митна служба. За місяць затримано 18 вантажівок.\n"
     "Зокрема, йдеться про:\n- цигарки — 900 ящиків;\n- пальне — 12 тонн.",
     [("18", ("митна служба",)), ("900", ("митна служба",)), ("12 тонн", ("митна служба",))],
     None),
    ("uk", "Як повідомила поліція області, сталося 64 ДТП.\n\n"
     "Зазначається, що в 20 випадках водії були напідпитку.",
     [("64", ("поліція області",)), ("20", ("поліція області",))], None),
    ("uk", "Згідно з даними Нацбанку, інфляція сповільнилася до 5%.\n\n"
     "З них 2% припадає на подорожчання пального.",
     [("5%", ("Нацбанку",)), ("2%", ("Нацбанку",))], None),
    ("de", "Nach Angaben der Feuerwehr wurden 19 Menschen verletzt.\n\n"
     "Außerdem seien 4 Gebäude eingestürzt.",
     [("19", ("Feuerwehr",)), ("4", ("Feuerwehr",))], None),
    ("de", "Laut dem Statistischen Landesamt zogen 2.300 Menschen in die Stadt.\n\n"
     "Davon kamen 800 aus dem Ausland.",
     [("2.300", ("Statistischen Landesamt",)), ("800", ("Statistischen Landesamt",))], None),
    ("de", "Laut der Bahn fielen im Oktober 140 Züge aus.\n\n"
     "Diese Zahlen liegen deutlich über dem Vorjahr, als 90 Züge ausfielen.",
     [("140", ("Bahn",)), ("90", ("Bahn",))], None),
    ("de", "Nach Angaben der Polizei nahmen 5.000 Menschen an der Demonstration teil.\n\n"
     "Zudem wurden 3 Personen festgenommen.",
     [("5.000", ("Polizei",)), ("3", ("Polizei",))], None),
    # a total that sums up what was reported
    ("en", "The coastguard said 23 sailors were rescued on Monday and 11 on Tuesday.\n\n"
     "The total number of people rescued this month stands at 95.",
     [("23", ("coastguard",)), ("11", ("coastguard",)), ("95", ("coastguard",))], None),
    ("ru", "По данным МЧС, за сутки потушено 14 пожаров.\n\n"
     "Всего с начала лета зарегистрировано 230 возгораний.",
     [("14", ("МЧС",)), ("230", ("МЧС",))], None),
    ("uk", "Як повідомили в ДСНС, за добу ліквідовано 9 пожеж.\n\n"
     "Загалом від початку року зафіксовано 410 займань.",
     [("9", ("ДСНС",)), ("410", ("ДСНС",))], None),
    ("de", "Laut der Feuerwehr brannten am Wochenende 6 Scheunen.\n\n"
     "Insgesamt zählte sie in diesem Jahr 58 Brände.",
     [("6", ("Feuerwehr",)), ("58", ("Feuerwehr",))], None),
    # "as is reported": the text keeps reporting
    ("ru", "По данным госпиталя, ранены 12 человек.\n\n"
     "Как сообщается, 3 из них в тяжелом состоянии.",
     [("12", ("госпиталя",)), ("3", ("госпиталя",))], None),
    ("uk", "За даними лікарні, поранено 12 людей.\n\n"
     "Як повідомляється, 3 з них у важкому стані.",
     [("12", ("лікарні",)), ("3", ("лікарні",))], None),
]

# a new paragraph in the outlet's own voice: what the source said does not reach it
STOPS: list[Case] = [
    ("en", "The regional health office said 41 people were treated in hospital.\n\n"
     "The hospital opened in 1998 and has 300 beds.",
     [("41", ("regional health office",)), ("300", NONE)], None),
    ("en", "According to the port authority, 120 ships called at the harbour in May.\n\n"
     "The harbour is one of the busiest on the coast, with a quay 2 kilometres long.",
     [("120", ("port authority",)), ("2 kilometres", NONE)], None),
    ("en", "The audit office found 312 unpaid invoices.\n\n"
     "Despite repeated promises, the council cut its budget by 8% last spring.",
     [("312", ("audit office",)), ("8%", NONE)], None),
    ("en", "Coastguard officials said 23 sailors had been rescued.\n\n"
     "Storms in the strait have grown more frequent over the past 10 years.",
     [("23", ("Coastguard officials",)), ("10 years", NONE)], None),
    ("en", "The finance minister said spending would rise to $4 billion.\n\n"
     "The country's economy grew by 2% in the last quarter.",
     [("$4 billion", ("finance minister",)), ("2%", NONE)], None),
    ("en", "The weather service counted 17 tornadoes over the weekend.\n\n"
     "Although the region saw 40 storms in 2019, few caused damage.",
     [("17", ("weather service",)), ("40", NONE)], None),
    ("ru", "По данным городской администрации, за неделю отремонтировано 35 домов.\n\n"
     "Город основан в 1780 году, в нем живут 90 тысяч человек.",
     [("35", ("городской администрации",)), ("90 тысяч", NONE)], None),
    ("ru", "Как сообщает статистическое управление, безработица выросла до 6%.\n\n"
     "Весной правительство обещало создать 500 рабочих мест.",
     [("6%", ("статистическое управление",)), ("500", NONE)], None),
    ("uk", "За даними обласної адміністрації, за добу евакуйовано 210 людей.\n\n"
     "Місто розташоване за 30 кілометрів від кордону.",
     [("210", ("обласної адміністрації",)), ("30 кілометрів", NONE)], None),
    ("uk", "Як повідомила поліція області, сталося 64 ДТП.\n\n"
     "Торік уряд виділив на ремонт доріг 2 млрд гривень.",
     [("64", ("поліція області",)), ("2 млрд гривень", NONE)], None),
    ("de", "Nach Angaben der Feuerwehr wurden 19 Menschen verletzt.\n\n"
     "Die Stadt hat rund 60.000 Einwohner und liegt am Rhein.",
     [("19", ("Feuerwehr",)), ("60.000", NONE)], None),
    ("de", "Laut dem Statistischen Landesamt zogen 2.300 Menschen in die Stadt.\n\n"
     "Im Jahr 2015 hatte der Stadtrat 12 neue Schulen beschlossen.",
     [("2.300", ("Statistischen Landesamt",)), ("12", NONE)], None),
    # a list whose lead-in line names no source is the outlet's own table
    ("en", "The ministry said 14 bridges were repaired.\n\n"
     "Weekly road statistics as of 3 May:\n\n- closed roads — 27;\n\n- detours — 9.",
     [("14", ("ministry",)), ("27", NONE), ("9", NONE)], None),
    # near miss: "as this unfolds" is the outlet's narration, not a back-reference
    ("en", "Coastguard officials said 23 sailors had been rescued.\n\n"
     "As this unfolds, storms have closed 4 ports along the coast.",
     [("23", ("Coastguard officials",)), ("4", NONE)], None),
    # near miss: "this" of a time phrase does not point back at the report
    ("en", "The weather service counted 17 tornadoes over the weekend.\n\n"
     "This spring the city planted 600 trees along the river.",
     [("17", ("weather service",)), ("600", NONE)], None),
    # near miss: a word of the source's name alone ("Bahn") is not the source named again
    ("de", "Laut der Deutschen Bahn fielen im Oktober 140 Züge aus.\n\n"
     "Die Bahnstrecke wurde 1870 eröffnet und ist 45 Kilometer lang.",
     [("140", ("Deutschen Bahn",)), ("45 Kilometer", NONE)], None),
]

# a source stopped at a paragraph of background comes back where the text reports it again
RESUMES: list[Case] = [
    ("en", "The audit office found 312 unpaid invoices.\n\n"
     "The council has struggled with its accounts for 5 years. Of these invoices, 280 were "
     "older than a year.",
     [("312", ("audit office",)), ("5 years", NONE), ("280", ("audit office",))], None),
    ("en", "According to the port authority, 120 ships called at the harbour in May.\n\n"
     "The harbour was rebuilt after a fire in 1911. Also in May, 14 tankers were turned away.",
     [("120", ("port authority",)), ("14", ("port authority",))], None),
    ("ru", "По данным городской администрации, отремонтировано 35 домов.\n\n"
     "Город основан в 1780 году. Также обновлены 6 мостов.",
     [("35", ("городской администрации",)), ("6", ("городской администрации",))], None),
    ("uk", "За даними обласної адміністрації, евакуйовано 210 людей.\n\n"
     "Місто засноване у 1780 році. Також вивезли 45 дітей.",
     [("210", ("обласної адміністрації",)), ("45", ("обласної адміністрації",))], None),
    ("de", "Nach Angaben der Feuerwehr wurden 19 Menschen verletzt.\n\n"
     "Die Stadt liegt am Rhein. Außerdem seien 4 Gebäude eingestürzt.",
     [("19", ("Feuerwehr",)), ("4", ("Feuerwehr",))], None),
    # near miss: a pronoun after background stands for the background, not the source
    ("en", "The audit office found 312 unpaid invoices.\n\n"
     "The town hall was built in 1850. It has 20 rooms.",
     [("312", ("audit office",)), ("20", NONE)], None),
]

# a clause before a verb of finding or doing is not a source unless its head is a source word
FRAGMENTS: list[Case] = [
    ("en", "In May alone, district courts carried out nearly 700 hearings.", [("700", NONE)],
     None),
    ("en", "The regional police conducted 45 raids last week.", [("45", ("regional police",))],
     None),
    ("en", "The new study found that 12% of wells were dry.", [("12%", ("new study",))], None),
    # an adverb between the subject and its verb: "further asserted"
    ("en", "The harbour master further asserted that 14 ships were damaged.",
     [("14", ("harbour master",))], None),
    ("en", "Sentences are rarely made public, with verdicts announced in 12 barracks last "
     "month.", [("12", NONE)], None),
    # a passive participle has no speaker before it
    ("en", "The region's total spending in 2026 can be estimated at $9 billion.",
     [("$9 billion", NONE)], None),
    ("en", "Losses of 300 vehicles were reported near the river.", [("300", NONE)], None),
    ("en", "The rules according to which 40 cases were heard were made stricter.",
     [("40", NONE)], None),
    ("en", "According to Article 4, each side sends 2 observers.", [("2", NONE)], None),
    ("ru", "Согласно статье 5, стороны направляют 3 наблюдателей.", [("3", NONE)], None),
]

# a back-reference takes the source already speaking; a described new source is its own
BACKREFS: list[Case] = [
    ("en", "Finance Minister Olga Brand said the fund will reach $2 billion.\n\n"
     "The minister added that 15% of it goes to schools.",
     [("$2 billion", ("Finance Minister Olga Brand",)),
      ("15%", ("Finance Minister Olga Brand",))], None),
    ("en", "Experts say bonuses keep rising.\n\n"
     "But according to independent investigations, around 9,000 recruits left early.",
     [("9,000", ("independent investigations",))], None),
    ("en", "The harbour office said 120 ships called in May, and now the Coast Watch says "
     "14 were turned away.",
     [("120", ("harbour office",)), ("14", ("Coast Watch",))], None),
    ("en", "The defence ministry said in its weekly report that 12 drones were launched.\n\n"
     "The intelligence update also notes that 30 drones were shot down.",
     [("12", ("defence ministry",)), ("30", ("defence ministry",))], None),
]

# "за його словами", "по его словам", "seinen Angaben zufolge": the subject of the sentence
POSSESSIVE: list[Case] = [
    ("uk", "Міністр Олена Коваль у вівторок підбила підсумки: за її словами, за рік збудовано "
     "40 шкіл.", [("40", ("Міністр Олена Коваль",))], None),
    ("ru", "Губернатор Петр Сомов выступил на сессии: по его словам, отремонтировано 120 дорог.",
     [("120", ("Губернатор Петр Сомов",))], None),
    ("de", "Bürgermeisterin Anna Weber zog Bilanz, ihren Angaben zufolge wurden 30 Wohnungen "
     "gebaut.", [("30", ("Bürgermeisterin Anna Weber",))], None),
    ("en", "Port Director Tom Reed spoke on Monday, and in his words 14 ships were damaged.",
     [("14", ("Port Director Tom Reed",))], None),
    # near miss: no one before the pronoun, no source
    ("uk", "За його словами, збудовано 40 шкіл.", [("40", NONE)], None),
]

# a title line of its own further down the page: "X: ..." names its source
TITLES: list[Case] = [
    ("en", "Ports report busy spring.\n\nShips keep arriving.\n\nTraffic grew again.\n\n"
     "Related\n\nHarbour Office: 120 ships called in May\n\nThe queue is long.",
     [("120", ("Harbour Office",))], None),
    ("en", "Ports report busy spring.\n\nShips keep arriving.\n\nTraffic grew again.\n\n"
     "Read more: Freight rates rose by 12% this year - Lloyd Weekly",
     [("12%", ("Lloyd Weekly",))], None),
    ("en", "Harbour Office Counts 120 Ships In May\nThe queue is long.",
     [("120", ("Harbour Office",))], None),
    # near miss: a title-case line without a verb of saying names no one
    ("en", "Harbour Sees 120 Ships In May\nThe queue is long.", [("120", NONE)], None),
    # near miss: a sentence of the body with a colon is no title
    ("en", "Ports report busy spring.\n\nShips keep arriving.\n\nTraffic grew again.\n\n"
     "The reason is simple: 120 ships called in May, more than ever.",
     [("120", NONE)], None),
]

# a report that goes on with the data of a media outlet relays the outlet
RELAYS: list[Case] = [
    ("en", "The Ministry of Transport announced record delays on Monday.\n\n"
     "As reported by local journalists, 340 trains were late in May.",
     [("340", ("Ministry of Transport", "local journalists"))], None),
    ("uk", "Міністерство енергетики заявило про рекордне споживання.\n\n"
     "Зокрема, за даними видання \"Вісник\", за добу спожито 18 ГВт.",
     [("18 ГВт", ("Міністерство енергетики", "Вісник"))], None),
    ("de", "Das Verkehrsministerium schreibt von einem Rekord.\n"
     "Nach Angaben der Zeitung „Nordblick“ fielen 140 Züge aus.",
     [("140", ("Verkehrsministerium", "Nordblick"))], None),
    ("de", "Das britische Verkehrsministerium schreibt von einem Rekord.\n"
     "Nach Angaben der unabhängigen Ausgabe „Nordblick“ fielen 140 Züge aus.",
     [("140", ("britische Verkehrsministerium", "Nordblick"))], None),
    ("ru", "Об этом заявила британская разведка.\n"
     "По данным издания «Вестник», осуждены 64 человека.",
     [("64", ("британская разведка", "Вестник"))], None),
    # a medium that only passes the report on ("передає X") is not the report relaying
    ("uk", "Міністерство енергетики заявило про рекорд. Про це повідомляється у зведенні, "
     "передає \"Кур'єр\".\n\n"
     "Як зазначається, за даними видання \"Вісник\", за добу спожито 18 ГВт.",
     [("18 ГВт", ("Міністерство енергетики", "Вісник"))], None),
    # a parenthesis and a first joined verb stand between the name and its verb
    ("ru", "Министерство энергетики заявило о рекорде.\n"
     "Российское издание \"Вестник\" (называет себя независимым) собрало данные и выяснило, "
     "что за сутки потреблено 18 ГВт.",
     [("18 ГВт", ("Министерство энергетики", "Вестник"))], None),
    # a report named with the source it cites still relays a medium after it
    ("de", "Das britische Verkehrsministerium schreibt unter Berufung auf Messdaten von einem "
     "Rekord.\nNach Angaben der Zeitung „Nordblick“ fielen 140 Züge aus.",
     [("140", ("britische Verkehrsministerium", "Nordblick"))], None),
    # a present-tense speech verb after a comma reads forwards
    ("uk", "У судах області розглядають 40 справ, повідомляє обласна прокуратура.",
     [("40", ("обласна прокуратура",))], None),
    ("ru", "В судах области рассматривают 40 дел, сообщает областная прокуратура.",
     [("40", ("областная прокуратура",))], None),
    # near miss: "media estimates" are reports, not a medium relayed by the report
    ("en", "The Ministry of Transport announced record delays on Monday.\n\n"
     "According to media estimates, 340 trains were late in May.",
     [("340", ("media estimates",))], None),
    # "This is stated in X" names X for what came before
    ("en", "The harbour is expanding by 12 piers. This is stated in a Coast Herald report.",
     [("12", ("Coast Herald",))], None),
    # near miss: a second official source takes over, it is not relayed
    ("en", "The Ministry of Transport announced record delays on Monday.\n\n"
     "According to the rail police, 12 people were injured.",
     [("12", ("rail police",))], None),
]

# a label line names the source after its colon
LABELS: list[Case] = [
    ("uk", "Рекордне споживання світла\n\nДжерело: Укренерго з посиланням на диспетчерів\n"
     "Деталі: за добу спожито 18 ГВт, також 2 блоки вийшли з ладу.",
     [("18 ГВт", ("Укренерго", "диспетчерів")), ("2", ("Укренерго", "диспетчерів"))], None),
    ("en", "Record power use\n\nSource: Grid Operator North\nAlso, demand peaked at 18 GW.",
     [("18 GW", ("Grid Operator North",))], None),
    # a related-story link names a source for its own line only
    ("en", "Ports report busy spring.\n\nShips keep arriving.\n\nTraffic grew again.\n\n"
     "Read more: Freight rates rose by 12% this year - Lloyd Weekly\n\n"
     "Fuel prices, meanwhile, stayed at $80 a barrel.",
     [("12%", ("Lloyd Weekly",)), ("$80", NONE)], None),
    # near miss: a headline quoting a word before its colon is a title
    ("ru", "Установлен \"рекорд\": потребление выросло на 9%", [("9%", NONE)], None),
    ("uk", "Про це Міністерство енергетики пише у своєму каналі: спожито 18 ГВт.",
     [("18 ГВт", ("Міністерство енергетики",))], None),
]

# chains keep every link, outermost first
CHAINS: list[Case] = [
    ("en", "UK intelligence, citing the monitoring group Airwatch, said 70 aircraft were lost.",
     [("70", ("UK intelligence", "monitoring group Airwatch"))], None),
    ("en", "The defence ministry refers to data from the Harbour Institute, which counted 52 "
     "vessels.",
     [("52", ("defence ministry", "Harbour Institute"))], None),
    ("en", "The ministry said research by the Baltic Observatory suggests 400 seals died.",
     [("400", ("ministry", "Baltic Observatory"))], None),
    ("ru", "Разведка Великобритании со ссылкой на издание «Вестник» сообщила о 90 случаях.",
     [("90", ("Разведка Великобритании", "Вестник"))], None),
    ("uk", "Міністерство оборони Британії, посилаючись на дані видання «Вісник», "
     "повідомило про 75 випадків.",
     [("75", ("Міністерство оборони Британії", "Вісник"))], None),
    ("de", "Der britische Geheimdienst berief sich auf Daten des Portals Nordblick und nannte "
     "300 Fälle.",
     [("300", ("britische Geheimdienst", "Portals Nordblick"))], None),
    # a source introduced by an apposition is the one "the group" then refers to
    ("en", "Ships are being lost at a record pace, according to data gathered by volunteers.\n\n"
     "Wreckwatch, an open source monitoring website, has been logging losses since 2020.\n\n"
     "The group said it has verified 52 wrecks this year.",
     [("52", ("Wreckwatch",))], None),
    # near miss: without such an introduction the back-reference keeps the source speaking
    ("en", "The Baltic Shipping Council said losses were rising.\n\n"
     "The group said it has verified 52 wrecks this year.",
     [("52", ("Baltic Shipping Council",))], None),
    # "Y found X. This was reported by Z": Z relays Y
    ("ru", "Волонтеры «Поиска» в ходе проверки установили 310 имен. Об этом сообщает "
     "издание «Вестник».",
     [("310", ("Вестник", "Волонтеры «Поиска»"))], None),
    ("uk", "Журналісти «Слідства» у спільному розслідуванні встановили 75 імен. Про це "
     "повідомляє «Вісник».",
     [("75", ("Вісник", "Журналісти «Слідства»"))], None),
    ("en", "Volunteers of the Harbour Watch counted 52 wrecks. This was reported by the Coast "
     "Herald.",
     [("52", ("Coast Herald", "Volunteers of the Harbour Watch"))], None),
    # near miss: the same source twice is one link
    ("en", "The Coast Herald counted 52 wrecks. This was reported by the Coast Herald.",
     [("52", ("Coast Herald",))], None),
    # "based on data from Y" is a link of its own
    ("en", "Arrivals rose from 400 to 2,400 a day, according to Reuters calculations based on "
     "data from the Border Service.",
     [("400", ("Reuters calculations", "Border Service")),
      ("2,400", ("Reuters calculations", "Border Service"))], None),
    # a source named inside the quoted words of the source speaking is relayed by it
    ("en", "The harbour office said in its weekly update:\n"
     "- “Figures released by the Port Authority suggest 52 ships were delayed.”",
     [("52", ("harbour office", "Port Authority"))], None),
    ("en", "The harbour office said in its weekly update that traffic fell.\n"
     "\"In May, Mayor Anna Berg stated that 14 piers would close,\" the update reads.",
     [("14", ("harbour office", "Mayor Anna Berg"))], None),
    # the speaker named after the closing quote said all of it, not the source before
    ("en", "According to port workers, 30 cranes stand idle.\n"
     "“Traffic fell by a third. There were always some 350 ships a month. Now it is "
     "fewer,” noted Harbour Master Tom Reed.",
     [("30", ("port workers",)), ("a third", ("Harbour Master Tom Reed",)),
      ("350", ("Harbour Master Tom Reed",))], None),
    # near miss: a speaker named after the closing quote is the one speaking
    ("en", "The harbour office published its weekly update.\n"
     "\"We counted 52 delayed ships,\" Mayor Anna Berg said.",
     [("52", ("Mayor Anna Berg",))], None),
    # a relative pronoun stands for the name before it
    ("uk", "Про це повідомляє видання \"Вісник\", яке пише, що за місяць засуджено 64 особи.",
     [("64", ("Вісник",))], None),
    ("ru", "Данные приводит издание «Вестник», которое пишет, что осуждены 52 человека.",
     [("52", ("Вестник",))], None),
    ("en", "The figure comes from the Harbour Institute, which said 52 vessels sank.",
     [("52", ("Harbour Institute",))], None),
    ("en", "The number the mayor quoted comes from the shipping database Wreckwatch, which "
     "reports that 52 vessels sank.",
     [("52", ("shipping database Wreckwatch",))], None),
    # an adjective between the cue and its noun: "по официальным данным"
    ("ru", "По официальным данным Минэнерго, потреблено 18 ГВт.", [("18 ГВт", ("Минэнерго",))],
     None),
    ("uk", "За офіційними даними Міненерго, спожито 18 ГВт.", [("18 ГВт", ("Міненерго",))],
     None),
    ("en", "\"Demand will stay near 18 GW through the winter,\" the analysts conclude.",
     [("18 GW", ("analysts",))], None),
    # the report names its owner: the owner is the source
    ("en", "According to a British Ministry of Defence intelligence report released on Friday, "
     "over 6,000 soldiers were wounded.",
     [("6,000", ("British Ministry of Defence",))], None),
    ("en", "Some 400 ships were delayed, according to a port traffic report published by the "
     "Harbour Board.",
     [("400", ("Harbour Board",))], None),
]

# pronouns, function words and clause fragments are never sources
NEVER: list[Case] = [
    ("en", "They said 40 people had left the village.", [("40", NONE)], None),
    ("en", "It reported 12 new cases on Monday.", [("12", NONE)], None),
    ("en", "The reversal reveals that 30% of the plan was dropped.", [("30%", NONE)], None),
    ("en", "The mean for the week was 500 per day, over four times the rate reported in "
     "spring.", [("500", NONE)], None),
    ("ru", "Об этом стало известно после того, как погибли 3 человека.", [("3", NONE)], None),
    ("uk", "Рішення, яке ухвалили депутати, передбачає 20 нових посад.", [("20", NONE)], None),
    ("de", "Zuletzt meldete die Stadt 15 neue Fälle.", [("15", ("Stadt",))], None),
    ("de", "Zuletzt wurden 15 neue Fälle gezählt.", [("15", NONE)], None),
    ("de", "Zuletzt hatte die Stadt von 15 neuen Fällen berichtet.", [("15", ("Stadt",))], None),
    # "Об этом" is the report referred back to, never a part of the name
    ("ru", "Об этом сам подсудимый сообщил суду, получив 2 года условно.",
     [("2 года", ("подсудимый",))], None),
    ("en", "Analysts said the plant makes 40 drones a day, which was reported in spring.",
     [("40", ("Analysts",))], None),
    ("ru", "Кто пишет, тот знает: 7 ошибок простительны.", [("7", NONE)], None),
]

ALL = (
    CONTINUES + STOPS + RESUMES + FRAGMENTS + BACKREFS + POSSESSIVE + TITLES + RELAYS + LABELS
    + CHAINS + NEVER
)


@pytest.mark.parametrize("case", ALL, ids=lambda c: c[0] + ":" + c[1][:50])
def test_sources(case: Case) -> None:
    got = run_sources(case)
    for (surface, want), chain in zip(case[2], got, strict=True):
        assert same_chain(chain, want), (surface, chain, want)


def test_battery_is_large_in_each_language() -> None:
    assert len(ALL) >= 50
    for lang in ("en", "ru", "uk", "de"):
        assert sum(c[0] == lang for c in ALL) >= 8


def test_taken_spans_agree_with_a_plain_scan() -> None:
    import random

    from claimledger.extract.attribution import _Spans

    rng = random.Random(7)
    for _ in range(200):
        spans = _Spans()
        plain: list[tuple[int, int]] = []
        for _ in range(12):
            a = rng.randrange(0, 60)
            b = a + rng.randrange(1, 9)
            want = all(b <= x or a >= y for x, y in plain)
            assert spans.free(a, b) == want
            if want or rng.random() < 0.3:
                spans.append((a, b))
                plain.append((a, b))
