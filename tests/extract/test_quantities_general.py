"""General phrasings of amounts: units outside the war-report core (barrels, feet, miles, mg),
hyphenated units, long spelled-out numbers, numbers with fractions, oblique-case and compound
numerals, currency suffixes and codes, short duration units, accounting negatives, and the digit
separators of each language (en, ru, uk, de, and a few it, is, el, pl, es, tr).

Every sentence was written for this battery. Each case lists every quantity the sentence holds,
in order, as ``(span text, value, kind, unit)``; near misses expect an empty list.
"""

from __future__ import annotations

import time

import pytest

import claimledger
from claimledger.extract.numbers import parse_digits
from claimledger.extract.quantities import extract_quantities
from claimledger.model import Document

Want = tuple[str, float, str, str | None]


def m(span: str, value: float, unit: str) -> Want:
    return (span, value, "measure", unit)


def c(span: str, value: float) -> Want:
    return (span, value, "count", None)


def d(span: str, value: float, unit: str) -> Want:
    return (span, value, "duration", unit)


def money(span: str, value: float, unit: str) -> Want:
    return (span, value, "money", unit)


def p(span: str, value: float) -> Want:
    return (span, value, "percent", None)


MEASURES: list[tuple[str, str, list[Want]]] = [
    ("en", "The tanker carried 500,000 barrels of crude.", [m("500,000 barrels", 500000, "bbl")]),
    ("en", "Floodwater rose two feet in the night.", [m("two feet", 2, "ft")]),
    ("en", "Each tablet holds 44 mg of the compound.", [m("44 mg", 44, "mg")]),
    ("en", "The shell went through a 3-inch steel plate.", [m("3-inch", 3, "in")]),
    ("en", "Engineers dug a six-mile trench along the river.", [m("six-mile", 6, "mi")]),
    ("en", "Volunteers handed out 10-gallon water tanks.", [m("10-gallon", 10, "gal")]),
    ("en", "The wall around the depot is 12 feet high.", [m("12 feet", 12, "ft")]),
    ("en", "The drone flew 40 miles before it was shot down.", [m("40 miles", 40, "mi")]),
    ("en", "A barrel holds 42 gallons.", [m("42 gallons", 42, "gal")]),
    ("en", "The bridge deck sits 30 ft above the water.", [m("30 ft", 30, "ft")]),
    ("en", "The doctor raised the dose to 250 milligrams.", [m("250 milligrams", 250, "mg")]),
    ("en", "They stacked sandbags in a 20-foot wall.", [m("20-foot", 20, "ft")]),
    ("en", "Snow lay eight inches deep on the road.", [m("eight inches", 8, "in")]),
    ("en", "The field produces 1.2 million barrels a day.",
     [m("1.2 million barrels", 1.2e6, "bbl")]),
    ("en", "Each soldier carried a 2-litre flask.", [m("2-litre", 2, "l")]),
    ("en", "The pipe is 36 inches across.", [m("36 inches", 36, "in")]),
    ("en", "The convoy was strung out over 5 mi of road.", [m("5 mi", 5, "mi")]),
    ("en", "The tunnel ran a hundred yards under the line.", [m("a hundred yards", 100, "yd")]),
    ("ru", "Танкер перевозил 500 тысяч баррелей нефти.",
     [m("500 тысяч баррелей", 500000, "bbl")]),
    ("ru", "Беспилотник пролетел 40 миль.", [m("40 миль", 40, "mi")]),
    ("ru", "Одна таблетка содержит 44 мг вещества.", [m("44 мг", 44, "mg")]),
    ("ru", "Глубина рва составляет 12 футов.", [m("12 футов", 12, "ft")]),
    ("ru", "Калибр ствола равен пяти дюймам.", [m("пяти дюймам", 5, "in")]),
    ("uk", "Видобуток сягнув 300 тисяч барелів.", [m("300 тисяч барелів", 300000, "bbl")]),
    ("uk", "Доза становила 50 мг препарату.", [m("50 мг", 50, "mg")]),
    ("uk", "Колона розтяглася на шість миль.", [m("шість миль", 6, "mi")]),
    ("uk", "Стіна має висоту 10 футів.", [m("10 футів", 10, "ft")]),
    ("de", "Der Tanker hatte 500.000 Barrel Rohöl geladen.", [m("500.000 Barrel", 500000, "bbl")]),
    ("de", "Die Drohne flog 40 Meilen weit.", [m("40 Meilen", 40, "mi")]),
    ("de", "Jede Tablette enthält 44 mg des Wirkstoffs.", [m("44 mg", 44, "mg")]),
    ("de", "Die Mauer ist zwölf Fuß hoch.", [m("zwölf Fuß", 12, "ft")]),
    ("de", "Der Bildschirm misst 15 Zoll.", [m("15 Zoll", 15, "in")]),
]

LONG_WORDS: list[tuple[str, str, list[Want]]] = [
    ("en", "The registry listed four million five hundred sixty-seven thousand one hundred "
     "twenty-three voters.",
     [c("four million five hundred sixty-seven thousand one hundred twenty-three", 4567123)]),
    ("en", "Officials counted one hundred and twelve thousand three hundred and four ballots.",
     [c("one hundred and twelve thousand three hundred and four", 112304)]),
    ("en", "The fund paid out two hundred forty-five thousand six hundred dollars.",
     [money("two hundred forty-five thousand six hundred dollars", 245600, "USD")]),
    ("en", "The bill came to three billion seven hundred million dollars.",
     [money("three billion seven hundred million dollars", 3.7e9, "USD")]),
    ("ru", "В списках значились три миллиона двести сорок пять тысяч шестьсот семьдесят восемь "
     "избирателей.",
     [c("три миллиона двести сорок пять тысяч шестьсот семьдесят восемь", 3245678)]),
    ("uk", "Зареєстрували два мільйони триста тисяч п'ятсот виборців.",
     [c("два мільйони триста тисяч п'ятсот", 2300500)]),
    ("de", "Die Behörde zählte zwei Millionen dreihunderttausend Stimmen.",
     [c("zwei Millionen dreihunderttausend", 2300000)]),
]

FRACTIONS: list[tuple[str, str, list[Want]]] = [
    ("en", "The march took five and a quarter hours.",
     [d("five and a quarter hours", 5.25, "hour")]),
    ("en", "Half a million people fled the city.", [c("Half a million", 500000)]),
    ("en", "The agency counted one million and a half refugees.",
     [c("one million and a half", 1.5e6)]),
    ("en", "They printed a million and a half leaflets.", [c("a million and a half", 1.5e6)]),
    ("en", "Repairs took two and a half years.", [d("two and a half years", 2.5, "year")]),
    ("en", "The state spent two and a half billion dollars.",
     [money("two and a half billion dollars", 2.5e9, "USD")]),
    ("en", "The shelling lasted half an hour.", [d("half an hour", 0.5, "hour")]),
    ("en", "The crossing took three and three quarters hours.",
     [d("three and three quarters hours", 3.75, "hour")]),
    ("ru", "Эвакуация длилась пять с половиной часов.",
     [d("пять с половиной часов", 5.5, "hour")]),
    ("ru", "Ремонт обошёлся в полтора миллиона рублей.",
     [money("полтора миллиона рублей", 1.5e6, "RUB")]),
    ("ru", "Город покинули два с половиной миллиона жителей.",
     [c("два с половиной миллиона", 2.5e6)]),
    ("uk", "Ремонт тривав два з половиною роки.", [d("два з половиною роки", 2.5, "year")]),
    ("uk", "Громада отримала півтора мільйона гривень.",
     [money("півтора мільйона гривень", 1.5e6, "UAH")]),
    ("de", "Die Reparatur dauerte zweieinhalb Jahre.", [d("zweieinhalb Jahre", 2.5, "year")]),
    ("de", "Der Marsch dauerte fünfeinhalb Stunden.", [d("fünfeinhalb Stunden", 5.5, "hour")]),
    ("de", "Das Land erhielt anderthalb Millionen Euro.",
     [money("anderthalb Millionen Euro", 1.5e6, "EUR")]),
]

OBLIQUE: list[tuple[str, str, list[Want]]] = [
    ("ru", "Ущерб сравнили с двумястами пятьюдесятью шестью тысячами рублей.",
     [money("двумястами пятьюдесятью шестью тысячами рублей", 256000, "RUB")]),
    ("ru", "Отряд пополнили тремястами бойцами.", [c("тремястами", 300)]),
    ("ru", "Речь идёт о пятистах двадцати двух объектах.", [c("пятистах двадцати двух", 522)]),
    ("ru", "Бригада воюет семьюдесятью танками.", [c("семьюдесятью", 70)]),
    ("ru", "Командир руководил девятьюстами солдатами.", [c("девятьюстами", 900)]),
    ("ru", "Число задержанных приблизилось к двумстам сорока.", [c("двумстам сорока", 240)]),
    ("ru", "Завод работает с четырьмястами поставщиками.", [c("четырьмястами", 400)]),
    ("ru", "Склад пополнили восьмьюдесятью ящиками.", [c("восьмьюдесятью", 80)]),
    ("ru", "Об этом сообщили в трёхстах населённых пунктах.", [c("трёхстах", 300)]),
    ("uk", "Підрозділ оснастили двомастами п'ятдесятьма дронами.",
     [c("двомастами п'ятдесятьма", 250)]),
    ("uk", "Батальйон воював із сімдесятьма танками.", [c("сімдесятьма", 70)]),
    ("uk", "Бої тривали на трьохстах позиціях.", [c("трьохстах", 300)]),
    ("uk", "Місто забезпечили шістьмастами генераторами.", [c("шістьмастами", 600)]),
    ("uk", "Йдеться про шістсот сорок машин.", [c("шістсот сорок", 640)]),
]

GERMAN: list[tuple[str, str, list[Want]]] = [
    ("de", "Die Armee verlegte dreihundert Panzer.", [c("dreihundert", 300)]),
    ("de", "Zehntausend Menschen demonstrierten in der Stadt.", [c("Zehntausend", 10000)]),
    ("de", "Die Reparatur kostete zweihundertfünfzig Euro.",
     [money("zweihundertfünfzig Euro", 250, "EUR")]),
    ("de", "Es wurden fünfundzwanzig Drohnen abgeschossen.", [c("fünfundzwanzig", 25)]),
    ("de", "Die Stadt hat dreitausendfünfhundert Einwohner.", [c("dreitausendfünfhundert", 3500)]),
    ("de", "Der Einsatz dauerte anderthalb Jahre.", [d("anderthalb Jahre", 1.5, "year")]),
    ("de", "Die Polizei stellte fünf Dutzend Waffen sicher.", [c("fünf Dutzend", 60)]),
    ("de", "Ein Dutzend Soldaten wurde verletzt.", [c("Ein Dutzend", 12)]),
    ("de", "Das Lager fasst zweihunderttausend Tonnen Getreide.",
     [m("zweihunderttausend Tonnen", 200000, "t")]),
    ("de", "Die Regierung stellte drei Millionen zweihunderttausend Euro bereit.",
     [money("drei Millionen zweihunderttausend Euro", 3.2e6, "EUR")]),
    ("de", "Es meldeten sich einundvierzig Freiwillige.", [c("einundvierzig", 41)]),
    ("de", "Die Kommune zahlte neunhundertneunundneunzig Euro.",
     [money("neunhundertneunundneunzig Euro", 999, "EUR")]),
]

CURRENCY: list[tuple[str, str, list[Want]]] = [
    ("en", "The startup raised €10M in its first round.", [money("€10M", 1e7, "EUR")]),
    ("en", "The company is valued at $2.174T.", [money("$2.174T", 2.174e12, "USD")]),
    ("en", "The ministry asked for a loan of 1.2b euros.", [money("1.2b euros", 1.2e9, "EUR")]),
    ("en", "The grant totals 75 USD million.", [money("75 USD million", 75e6, "USD")]),
    ("en", "The project budget is 120 MEUR.", [money("120 MEUR", 120e6, "EUR")]),
    ("en", "Sales reached 3 MUSD in May.", [money("3 MUSD", 3e6, "USD")]),
    ("en", "The fine was 2 mln USD.", [money("2 mln USD", 2e6, "USD")]),
    ("en", "The deal is worth 1.2bn USD.", [money("1.2bn USD", 1.2e9, "USD")]),
    ("en", "The firm reported a net result of ($99.99) per share.",
     [money("($99.99)", -99.99, "USD")]),
    ("en", "The ledger shows (€1,200) under repairs.", [money("(€1,200)", -1200, "EUR")]),
    ("en", "Exports brought in £3bn.", [money("£3bn", 3e9, "GBP")]),
    ("en", "The platform now has 5M users.", [c("5M", 5e6)]),
    ("en", "Analysts expect 40k new recruits.", [c("40k", 40000)]),
    ("ru", "Сделка оценена в $10 млн.", [money("$10 млн", 1e7, "USD")]),
    ("ru", "На ремонт выделили 120 млн евро.", [money("120 млн евро", 120e6, "EUR")]),
    ("uk", "Уряд виділив 2,5 млрд грн.", [money("2,5 млрд грн.", 2.5e9, "UAH")]),
    ("de", "Die Firma sammelte 10 Mio. € ein.", [money("10 Mio. €", 1e7, "EUR")]),
    ("de", "Die Strafe betrug 2,5 Mrd. Euro.", [money("2,5 Mrd. Euro", 2.5e9, "EUR")]),
    ("de", "Der Fonds umfasst 120 MEUR.", [money("120 MEUR", 120e6, "EUR")]),
]

DURATIONS: list[tuple[str, str, list[Want]]] = [
    ("en", "The flight to the base took 3h.", [d("3h", 3, "hour")]),
    ("en", "The families stayed 2 nights in the shelter.", [d("2 nights", 2, "day")]),
    ("en", "The talks went on for three nights.", [d("three nights", 3, "day")]),
    ("en", "The assault lasted 12h without a pause.", [d("12h", 12, "hour")]),
    ("en", "The crew rested for 45 min.", [d("45 min", 45, "minute")]),
    ("ru", "Он провёл две ночи в подвале.", [d("две ночи", 2, "day")]),
    ("uk", "Люди провели дві ночі в укритті.", [d("дві ночі", 2, "day")]),
    ("uk", "Обстріл тривав 5 год.", [d("5 год", 5, "hour")]),
    ("de", "Die Familie blieb drei Nächte im Keller.", [d("drei Nächte", 3, "day")]),
    ("de", "Der Angriff dauerte 4 Std.", [d("4 Std.", 4, "hour")]),
]

SEPARATORS: list[tuple[str, str, list[Want]]] = [
    ("it", "L'esercito contava 173.990 soldati.", [c("173.990", 173990)]),
    ("it", "Il tasso è salito al 3,5%.", [p("3,5%", 3.5)]),
    ("is", "Um 20.000 manns mótmæltu á torginu.", [c("20.000", 20000)]),
    ("el", "Σκοτώθηκαν 6.024 άτομα.", [c("6.024", 6024)]),
    ("el", "Ο πληθωρισμός ήταν 2,4%.", [p("2,4%", 2.4)]),
    ("pl", "Armia liczy 150 000 żołnierzy.", [c("150 000", 150000)]),
    ("pl", "Inflacja wyniosła 4,5%.", [p("4,5%", 4.5)]),
    ("pl", "Zginęło 1.250 osób.", [c("1.250", 1250)]),
    ("es", "Murieron 20.000 personas.", [c("20.000", 20000)]),
    ("tr", "Ordu 12.500 asker gönderdi.", [c("12.500", 12500)]),
    ("en", "The survey counted 20,000 households.", [c("20,000", 20000)]),
    ("en", "The index rose to 20.125 points.", [("20.125", 20.125, "count", None)]),
    ("de", "Die Armee hat 20.000 Soldaten.", [c("20.000", 20000)]),
    ("ru", "Армия насчитывает 20.000 солдат.", [c("20.000", 20000)]),
]

MORE: list[tuple[str, str, list[Want]]] = [
    ("en", "The field pumps 5 million barrels per day.", [m("5 million barrels", 5e6, "bbl")]),
    ("en", "The missile has a 1,000-mile range.", [m("1,000-mile", 1000, "mi")]),
    ("en", "They fired a 155-millimetre shell.", [m("155-millimetre", 155, "mm")]),
    ("en", "Each family got a five-gallon can.", [m("five-gallon", 5, "gal")]),
    ("en", "The wave was twenty-five feet high.", [m("twenty-five feet", 25, "ft")]),
    ("en", "It weighs 3 lbs.", [m("3 lbs", 3, "lb")]),
    ("en", "The ship sailed 300 nautical miles.", [m("300 nautical miles", 300, "nmi")]),
    ("en", "The fire burned 2,000 acres.", [m("2,000 acres", 2000, "ac")]),
    ("en", "The lake covers 12 square miles.", [m("12 square miles", 12, "mi2")]),
    ("en", "The convoy moved 20 yards forward.", [m("20 yards", 20, "yd")]),
    ("en", "The package is worth $1.5-billion.", [money("$1.5-billion", 1.5e9, "USD")]),
    ("en", "The bill came to $12.5K.", [money("$12.5K", 12500, "USD")]),
    ("en", "Half a million dollars was raised.", [money("Half a million dollars", 5e5, "USD")]),
    ("en", "A quarter of a million people left.", [c("A quarter of a million", 250000)]),
    ("en", "Three quarters of a million people left.",
     [c("Three quarters of a million", 750000)]),
    ("en", "The army bought a half-million shells.", [c("a half-million", 500000)]),
    ("en", "One and a half million people voted.", [c("One and a half million", 1.5e6)]),
    ("en", "The team spent half a day at the site.", [d("half a day", 0.5, "day")]),
    ("en", "The stock trades at 1.2x earnings.", [("1.2x", 1.2, "ratio", None)]),
    ("ru", "Снаряд упал в двухстах метрах от дома.", [m("двухстах метрах", 200, "m")]),
    ("ru", "Обстрел длился полчаса.", [d("полчаса", 0.5, "hour")]),
    ("ru", "Ремонт занял полгода.", [d("полгода", 0.5, "year")]),
    ("ru", "Беженцев было полмиллиона.", [c("полмиллиона", 500000)]),
    ("uk", "Обстріл тривав півгодини.", [d("півгодини", 0.5, "hour")]),
    ("uk", "Місто залишили пів мільйона людей.", [c("пів мільйона", 500000)]),
    ("uk", "Ремонт коштував півмільйона гривень.",
     [money("півмільйона гривень", 500000, "UAH")]),
    ("de", "Der Angriff dauerte eine halbe Stunde.", [d("eine halbe Stunde", 0.5, "hour")]),
    ("de", "Der Umbau dauerte ein halbes Jahr.", [d("ein halbes Jahr", 0.5, "year")]),
    ("de", "Eine halbe Million Menschen floh.", [c("Eine halbe Million", 500000)]),
    ("en", "The timer was set to 30 seconds.", [d("30 seconds", 30, "second")]),
    ("en", "The bottle holds 500 ml of water.", [m("500 ml", 500, "ml")]),
    ("en", "Add 6 oz of flour.", [m("6 oz", 6, "oz")]),
    ("en", "The battery stores 13.5 kWh.", [m("13.5 kWh", 13.5, "kWh")]),
    ("en", "The drive holds 2 TB of footage.", [m("2 TB", 2, "TB")]),
    ("en", "The flat has 45 square metres.", [m("45 square metres", 45, "m2")]),
    ("en", "The tank holds 3 cubic metres of fuel.", [m("3 cubic metres", 3, "m3")]),
    ("en", "The ship sailed at 12 knots.", [m("12 knots", 12, "kn")]),
    ("en", "Three fourths of the vote went to him.", [("Three fourths", 0.75, "ratio", None)]),
    ("en", "He ran 1.5k on Sunday.", [c("1.5k", 1500)]),
    ("en", "They paid Rs 500 for it.", [money("Rs 500", 500, "INR")]),
    ("en", "The cost was CHF 300.", [money("CHF 300", 300, "CHF")]),
    ("en", "The cost was 300 Swiss francs.", [money("300 Swiss francs", 300, "CHF")]),
    ("en", "The cost was ¥5,000.", [money("¥5,000", 5000, "JPY")]),
    ("en", "The loan is 5 billion yen.", [money("5 billion yen", 5e9, "JPY")]),
    ("en", "The salary is 40,000 zloty.", [money("40,000 zloty", 40000, "PLN")]),
    ("ru", "Площадь квартиры — 45 квадратных метров.", [m("45 квадратных метров", 45, "m2")]),
    ("ru", "Он ждал 30 секунд.", [d("30 секунд", 30, "second")]),
    ("ru", "Расход составил 5 литров.", [m("5 литров", 5, "l")]),
    ("uk", "Площа становить 45 кв. м.", [m("45 кв. м", 45, "m2")]),
    ("de", "Die Wohnung hat 45 Quadratmeter.", [m("45 Quadratmeter", 45, "m2")]),
    ("de", "Er wartete 30 Sekunden.", [d("30 Sekunden", 30, "second")]),
    ("de", "Die Kosten betragen 300 Franken.", [money("300 Franken", 300, "CHF")]),
    ("en", "The unit had a hundred and twenty vehicles.", [c("a hundred and twenty", 120)]),
    ("en", "Nineteen hundred soldiers signed up.", [c("Nineteen hundred", 1900)]),
    ("en", "The group has two thousand and five members.", [c("two thousand and five", 2005)]),
    ("en", "Temperatures fell to minus 5 degrees Celsius.",
     [("minus 5 degrees Celsius", -5, "other", None)]),
    ("en", "It was 30 degrees in the shade.", [("30 degrees", 30, "other", None)]),
    ("ru", "Ночью было минус 12 градусов.", [("минус 12 градусов", -12, "other", None)]),
    ("ru", "Колонна из трёхсот восьмидесяти пяти машин.",
     [c("трёхсот восьмидесяти пяти", 385)]),
    ("uk", "Втрати склали сто двадцять одну тисячу осіб.",
     [c("сто двадцять одну тисячу", 121000)]),
    ("de", "Die Preise stiegen um das 2,5-Fache.", [("2,5-Fache", 2.5, "ratio", None)]),
    ("de", "Die Temperatur lag bei 30 Grad.", [("30 Grad", 30, "other", None)]),
    ("de", "Zweihundert Soldaten und dreißig Panzer wurden verlegt.",
     [c("Zweihundert", 200), c("dreißig", 30)]),
    ("en", "The hearing lasted a week and a half.", [d("a week and a half", 1.5, "week")]),
    ("en", "For the past year and a half, she lived in Kharkiv.",
     [d("year and a half", 1.5, "year")]),
    ("en", "The share grew by 1 / 3 in one year.",
     [("1 / 3", 1 / 3, "ratio", None), d("one year", 1, "year")]),
    ("en", "Prices rose 12 p.c in a year.", [p("12 p.c", 12), d("a year", 1, "year")]),
    ("en", "Kyiv today\n18.5 C\nCloudy", [("18.5 C", 18.5, "other", None)]),
    ("en", "The week and the month were named in the order.", []),
    ("en", "Sales could reach between $2 billion and $4 billion a year.",
     [money("$2 billion and $4 billion", 2e9, "USD")]),
    ("en", "The budget will grow to four.2 trillion roubles.",
     [money("four.2 trillion roubles", 4.2e12, "RUB")]),
    ("en", "Unemployment stood at five.1 % in June.", [p("five.1 %", 5.1)]),
    ("en", "He counted to three. 5 more came later.", [c("three", 3), c("5", 5)]),
    ("en", "The pay is more than double the old rate.", [("double", 2, "ratio", None)]),
    ("ru", "Потери превышали этот уровень лишь дважды.", [("дважды", 2, "ratio", None)]),
    ("uk", "Він двічі звертався до суду.", [("двічі", 2, "ratio", None)]),
    ("de", "Er wurde zweimal verletzt.", [("zweimal", 2, "ratio", None)]),
    ("en", "Artillery systems: 1931 (+12).", [c("1931", 1931), c("+12", 12)]),
    ("en", "The army lost 2064 armoured vehicles.", [c("2064", 2064)]),
    ("en", "The programme runs up to 2060.", []),
    ("ru", "Стратегия рассчитана до 2060 года.", []),
    ("de", "Der Plan gilt bis 2070.", []),
    ("en", "He played a double role.", []),
    ("en", "The term was doubled from 4 to 8 years.",
     [("doubled", 2, "ratio", None), d("4", 4, "year"), d("8 years", 8, "year")]),
    ("en", "Fines rose from 200 to 300 last year.", [c("200", 200), c("300", 300)]),
    ("uk", "2 хв читання\nСуд виніс вирок.", [("2 хв", 2, "other", None)]),
    ("ru", "Курсы\n• USD 91.2\n• EUR 99.8\nНовости", [("USD 91.2", 91.2, "other", None),
                                                  ("EUR 99.8", 99.8, "other", None)]),
    ("en", "The loan was $5 million.\nIt was repaid.", [money("$5 million", 5e6, "USD")]),
    ("ru", "Отсутствие в части свыше месяца наказывается строже.",
     [d("месяца", 1, "month")]),
    ("uk", "Він служив понад рік.", [d("рік", 1, "year")]),
    ("ru", "Он ждал более суток.", [d("суток", 1, "day")]),
    ("ru", "Это было около часа ночи.", []),
    ("ru", "Итоги года подвели вчера.", []),
    ("uk", "Протягом року загинули 50 людей.", [c("50", 50)]),
    ("en", "He met his half-brother in Kyiv.", []),
    ("en", "It was a half-hearted attempt.", []),
    ("en", "The 4x4 trucks drove north.", []),
]

NEAR_MISSES: list[tuple[str, str, list[Want]]] = [
    ("en", "The pilots trained on the F-16 for months.", []),
    ("en", "The Su-34 bombers hit the bridge.", []),
    ("en", "A burnt-out T-72 stood by the road.", []),
    ("en", "He was charged under Article 337 of the code.", []),
    ("en", "The war began in 2022.", []),
    ("en", "On 24 February the troops crossed the border.", []),
    ("en", "One of the soldiers refused to fight.", []),
    ("en", "Dozens of drones were launched at the city.", []),
    ("en", "Hundreds of people gathered at the station.", []),
    ("en", "The 155th brigade moved north.", []),
    ("en", "The third attempt failed as well.", []),
    ("en", "Storm-Z units were formed from prisoners.", []),
    ("en", "He flew a Tu-22M3 over the sea.", []),
    ("en", "In the first half of the year prices were stable.", []),
    ("en", "Revenue rose 5% ($99 million) in the quarter.",
     [p("5%", 5), money("$99 million", 99e6, "USD")]),
    ("en", "Losses reached 461,940 (+880).", [c("461,940", 461940), c("+880", 880)]),
    ("en", "Minus signs aside, the 3 reports agree.", [c("3", 3)]),
    ("en", "1. Introduction\n2. Method", []),
    ("ru", "Его судили по статье 337 УК.", []),
    ("ru", "Су-34 нанёс удар по мосту.", []),
    ("ru", "Один из солдат отказался воевать.", []),
    ("ru", "Десятки дронов атаковали город.", []),
    ("ru", "Тысячи людей вышли на улицы.", []),
    ("uk", "Бригада отримала F-16 та МіГ-29.", []),
    ("uk", "Тисячі людей вийшли на протест.", []),
    ("uk", "Сотні дронів атакували місто.", []),
    ("de", "Die Hundertschaft der Polizei rückte aus.", []),
    ("de", "Tausende Menschen demonstrierten.", []),
    ("de", "Dutzende Drohnen wurden abgeschossen.", []),
    ("de", "Hunderttausende flohen aus der Region.", []),
    ("de", "Der Dreißigjährige Krieg war lang.", []),
    ("de", "Ein Soldat wurde verletzt.", []),
    ("de", "Achtung, die Einheit rückt vor.", []),
    ("de", "Er wurde nach Paragraf 5 verurteilt.", []),
    ("de", "Der Krieg begann im Jahr 2022.", []),
    ("de", "Am 3. Mai begann der Angriff.", []),
]

CASES = (MEASURES + LONG_WORDS + FRACTIONS + OBLIQUE + GERMAN + CURRENCY + DURATIONS
         + SEPARATORS + MORE + NEAR_MISSES)


def _close(a: float, b: float) -> bool:
    return abs(a - b) <= 1e-4 * max(1.0, abs(a), abs(b))


@pytest.mark.parametrize(("lang", "text", "want"), CASES)
def test_general_phrasing(lang: str, text: str, want: list[Want]) -> None:
    qs = claimledger.analyze(text, language=lang).quantities
    got = [(q.text, q.value, q.kind, q.unit) for q in qs]
    assert len(got) == len(want), got
    for (gs, gv, gk, gu), (ws, wv, wk, wu) in zip(got, want, strict=True):
        assert (gs, gk, gu) == (ws, wk, wu), got
        assert _close(gv, wv), got


def test_battery_is_large_and_multilingual() -> None:
    assert len(CASES) >= 120
    assert {"en", "ru", "uk", "de", "it", "is", "el", "pl"} <= {lang for lang, _, _ in CASES}


@pytest.mark.parametrize(
    ("raw", "lang", "value"),
    [
        ("173.990", "it", 173990), ("20.000", "is", 20000), ("6.024", "el", 6024),
        ("1.234,5", "it", 1234.5), ("3,5", "it", 3.5), ("20.000", "en", 20.0),
        ("20,000", "en", 20000), ("20.000", "xx", 20000), ("20,000", "xx", 20000),
        ("20.5", "xx", 20.5), ("1,5", "xx", 1.5), ("1.234.567", "xx", 1234567),
        ("1,234.5", "xx", 1234.5), ("1.234,5", "xx", 1234.5), ("20.000", None, 20.0),
    ],
)
def test_separators_follow_the_language(raw: str, lang: str | None, value: float) -> None:
    assert parse_digits(raw, lang) == pytest.approx(value)


# Long inputs of the new forms; each must be read quickly.
PATHOLOGICAL = [
    ("de", "dreihundertfünfzig " * 3000),
    ("en", "a quarter of a " * 4000 + "million"),
    ("en", "one million and a half " * 3000),
    ("xx", "20.000,5 " * 5000),
    ("ru", "двумястами пятьюдесятью " * 4000),
    ("en", "($99.99) " * 5000),
]


@pytest.mark.parametrize(("lang", "text"), PATHOLOGICAL)
def test_new_forms_are_fast(lang: str, text: str) -> None:
    t0 = time.perf_counter()
    extract_quantities(Document(text=text, language=lang))
    assert time.perf_counter() - t0 < 2.0
