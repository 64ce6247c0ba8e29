"""A held-out battery of figure periods (en, ru, uk, de): which figures the text gives a period,
and which it gives none.

Every sentence here was written for this battery; none is taken from the dev set. A figure gets a
period only when the text gives it one: a time in its own clause, or an unambiguous carry-over
(an anaphor such as "of these", a list under a dated header, a continuation of the same
paragraph). Durations, prison terms, ages and figures in linked headlines ("Read more: ...") get
none; a later paragraph on another matter does not inherit a date; a dateline is no period.
"""

from __future__ import annotations

import pytest

from claimledger.extract.times import extract_times
from claimledger.model import Document
from claimledger.pipeline import analyze_document

NONE: tuple[str | None, str | None] = (None, None)
# language, text, published, [(figure surface, (period_from, period_to))]
Case = tuple[str, str, str | None, list[tuple[str, tuple[str | None, str | None]]]]

CASES: list[Case] = [
    # --- a time in the figure's own clause -------------------------------------------------
    ("en", "In March 2024 the district courts heard 640 appeals.", None,
     [("640", ("2024-03", "2024-03"))]),
    ("en", "Since February 2022 the registry has logged 12,400 complaints.", None,
     [("12,400", ("2022-02", None))]),
    ("en", "As of May 1, 2024, the fund had paid out 3,100 claims.", None,
     [("3,100", (None, "2024-05-01"))]),
    ("en", "Between 2019 and 2021 the port handled 5,200 ships.", None,
     [("5,200", ("2019", "2021"))]),
    ("ru", "В марте 2024 года суды рассмотрели 640 жалоб.", None,
     [("640", ("2024-03", "2024-03"))]),
    ("uk", "У березні 2024 року суди розглянули 640 скарг.", None,
     [("640", ("2024-03", "2024-03"))]),
    ("de", "Im März 2024 verhandelten die Gerichte 640 Beschwerden.", None,
     [("640", ("2024-03", "2024-03"))]),
    # --- "since MONTH YEAR" opens a period from that month, in every language ---------------
    ("en", "The agency has registered 4,800 volunteers since September 2022.", None,
     [("4,800", ("2022-09", None))]),
    ("ru", "С сентября 2022 года ведомство зарегистрировало 4800 добровольцев.", None,
     [("4800", ("2022-09", None))]),
    ("ru", "Ведомство зарегистрировало 4800 добровольцев с сентября 2022 года.", None,
     [("4800", ("2022-09", None))]),
    ("uk", "З вересня 2022 року відомство зареєструвало 4800 добровольців.", None,
     [("4800", ("2022-09", None))]),
    ("uk", "Відомство зареєструвало 4800 добровольців із вересня 2022 року.", None,
     [("4800", ("2022-09", None))]),
    ("de", "Seit September 2022 hat die Behörde 4800 Freiwillige registriert.", None,
     [("4800", ("2022-09", None))]),
    ("de", "Die Behörde hat seit September 2022 bereits 4800 Freiwillige registriert.", None,
     [("4800", ("2022-09", None))]),
    ("en", "Since March 2023 and as of June 5, 2024, the clinic treated 930 patients.", None,
     [("930", ("2023-03", "2024-06-05"))]),
    # --- "since <event> in MONTH YEAR": a period from that month ----------------------------
    ("uk", "З моменту часткової мобілізації у вересні 2022 року суди отримали 7400 справ.", None,
     [("7400", ("2022-09", None))]),
    ("ru", "С момента частичной мобилизации (сентябрь 2022 года) суды получили 7400 дел.", None,
     [("7400", ("2022-09", None))]),
    ("de", "Seit der Teilmobilisierung im September 2022 erhielten die Gerichte 7400 Fälle.",
     None, [("7400", ("2022-09", None))]),
    ("en", "Since the offensive began in October 2023, the army has taken 60 villages.", None,
     [("60", ("2023-10", None))]),
    ("en", "Since the partial mobilisation in September 2022, courts have heard 7,400 cases.",
     None, [("7,400", ("2022-09", None))]),
    ("en", "The reform, passed in May 2023 after long talks, cut 300 jobs.", None,
     [("300", ("2023-05", "2023-05"))]),
    # --- a time after a clause break belongs to the next clause, not to the figure before -----
    ("en", "Since the beginning of 2024 the courts have received 2,300 cases, and since the "
     "mobilisation in September 2022 nearly 7,400.", None,
     [("2,300", ("2024", None)), ("7,400", ("2022-09", None))]),
    ("ru", "С начала 2024 года суды получили 2300 дел, а с момента мобилизации в сентябре "
     "2022 года — 7400.", None,
     [("2300", ("2024", None)), ("7400", ("2022-09", None))]),
    ("uk", "З початку 2024 року суди отримали 2300 справ, а з моменту мобілізації у вересні "
     "2022 року — 7400.", None,
     [("2300", ("2024", None)), ("7400", ("2022-09", None))]),
    ("de", "Seit Anfang 2024 erhielten die Gerichte 2300 Fälle, und seit der Mobilisierung im "
     "September 2022 rund 7400.", None,
     [("2300", ("2024", None)), ("7400", ("2022-09", None))]),
    # --- "by the end of", "від" alone: the date a total stands at, the start of a period ------
    ("en", "By the end of March 2023, the group had counted 25 cases.", None,
     [("25", (None, "2023-03"))]),
    ("en", "At the end of March 2023, the group had counted 25 cases.", None,
     [("25", (None, "2023-03"))]),
    ("en", "At the end of 2023, the army was recruiting about 600 people a day.", None,
     [("600", ("2023", "2023"))]),
    ("en", "As of May 1, 2024, the army was recruiting 1,000 people per day.", None,
     [("1,000", ("2024-05-01", "2024-05-01"))]),
    ("uk", "Загалом від лютого 2022 року втрати досягли 900 людей.", None,
     [("900", ("2022-02", None))]),
    # --- a narrower time right after a figure is its own, inside a wider one before it ------
    ("en", "Spending will fall in 2026-2027: 12.8 trillion rubles ($114.9 billion) in 2026 and "
     "13.1 trillion rubles ($122.4 billion) in 2027.", None,
     [("12.8 trillion rubles", ("2026", "2026")), ("$114.9 billion", ("2026", "2026")),
      ("13.1 trillion rubles", ("2027", "2027")), ("$122.4 billion", ("2027", "2027"))]),
    ("de", "In den Jahren 2026 bis 2027 sinken die Ausgaben: 12,8 Billionen Rubel im Jahr 2026 "
     "und 13,1 Billionen Rubel im Jahr 2027.", None,
     [("12,8 Billionen Rubel", ("2026", "2026")), ("13,1 Billionen Rubel", ("2027", "2027"))]),
    # --- the date of a report is not the date of the figure it reports --------------------
    ("en", "South Korea had reported in March that about 4,000 troops were killed last year.",
     "2025-06-17", [("4,000", ("2024", "2024"))]),
    ("ru", "Губернатор заявил в понедельник, что регион выплатит 3 миллиона рублей.",
     "2024-10-07", [("3 миллиона рублей", NONE)]),
    # --- "since <event>, which began in <month>": a period from that month ------------------
    ("en", "Since the incursion into the Kursk region, which began in August, the army has lost "
     "3,000 vehicles.", "2025-01-25", [("3,000", ("2024-08", None))]),
    # --- "for 2025" before a verb is a year; "for 2000 soldiers" is a count ---------------
    ("en", "The budget for 2025 envisages spending 2.2 trillion hryvnias on defence.", None,
     [("2.2 trillion hryvnias", ("2025", "2025"))]),
    ("en", "The camp has housing for 2000 soldiers and 40 trucks.", None,
     [("2000", NONE), ("40", NONE)]),
    # --- "respectively": the figures take the ends of the period in turn -------------------
    ("en", "Deficits of 2.18 trillion rubles ($20.3 billion) and 2.76 trillion rubles ($25.8 "
     "billion) are expected, respectively, in 2026 and 2027.", None,
     [("2.18 trillion rubles", ("2026", "2026")), ("$20.3 billion", ("2026", "2026")),
      ("2.76 trillion rubles", ("2027", "2027")), ("$25.8 billion", ("2027", "2027"))]),
    ("ru", "Дефицит составит 2,18 трлн рублей и 2,76 трлн рублей соответственно в 2026 и 2027 "
     "годах.", None,
     [("2,18 трлн рублей", ("2026", "2026")), ("2,76 трлн рублей", ("2027", "2027"))]),
    ("uk", "Дефіцит становитиме 2,18 трлн гривень і 2,76 трлн гривень відповідно у 2026 та 2027 "
     "роках.", None,
     [("2,18 трлн гривень", ("2026", "2026")), ("2,76 трлн гривень", ("2027", "2027"))]),
    ("en", "The deficit is expected to reach 2.18 trillion rubles in 2026 and 2027.", None,
     [("2.18 trillion rubles", ("2026", "2027"))]),
    ("ru", "Число дел с момента т. н. частичной мобилизации (сентябрь 2022 года) – 7400.", None,
     [("7400", ("2022-09", None))]),
    # --- "since X" closed by an as-of date of the same sentence -----------------------------
    ("en", "On September 3, the researchers said the army had lost more than 1,000 tanks since "
     "the war began.", "2022-09-04", [("1,000", ("2022-02-24", "2022-09-03"))]),
    ("ru", "По состоянию на 3 сентября армия потеряла более 1000 танков с начала войны.",
     "2022-09-04", [("1000", ("2022-02-24", "2022-09-03"))]),
    ("uk", "Станом на 3 вересня армія втратила понад 1000 танків від початку війни.",
     "2022-09-04", [("1000", ("2022-02-24", "2022-09-03"))]),
    # --- "2025–27": a period of years, the end in the start's century -------------------
    ("en", "The budget for 2025–27 plans 40 trillion rubles for the army.", None,
     [("40 trillion rubles", ("2025", "2027"))]),
    ("de", "Der Haushalt für 2025-27 sieht 40 Billionen Rubel für die Armee vor.", None,
     [("40 Billionen Rubel", ("2025", "2027"))]),
    # --- a change against a base time spans from the base to the figure's time; a multiplier
    # keeps the figure's time only
    ("en", "Defence spending will reach 13.5 trillion rubles in 2025, up 25% from the 2024 "
     "level.", None,
     [("13.5 trillion rubles", ("2025", "2025")), ("25%", ("2024", "2025"))]),
    ("en", "In 2025 the army launched 5,000 drones, 16 times more than in 2024.", None,
     [("5,000", ("2025", "2025")), ("16 times", ("2025", "2025"))]),
    ("en", "The shortage reached 42% for July 2023, 7% higher from April 2023.", None,
     [("42%", ("2023-07", "2023-07")), ("7%", ("2023-04", "2023-07"))]),
    ("en", "The 2025 fund is 3.5 billion hryvnias ($84 million) more than in 2024.", None,
     [("3.5 billion hryvnias", ("2024", "2025")), ("$84 million", ("2024", "2025"))]),
    ("en", "In 2023, 4,400 soldiers were convicted, a five-fold rise from the 890 cases of the "
     "previous year.", None,
     [("4,400", ("2023", "2023")), ("five-fold", ("2023", "2023"))]),
    ("en", "In 2023 the plant made 2,700 drones, with output more than doubling to 5,800 in "
     "the first nine months of 2024.", None,
     [("2,700", ("2023", "2023")), ("doubling", ("2024-01", "2024-09"))]),
    ("en", "Spending in 2025 is put at 15.5 trillion roubles, an increase of 3.4 per cent over "
     "2024.", None,
     [("15.5 trillion roubles", ("2025", "2025")), ("3.4 per cent", ("2024", "2025"))]),
    ("en", "Over 2000 soldiers deserted in 2024.", None, [("2000", ("2024", "2024"))]),
    ("ru", "В 2025 году расходы вырастут на 25% по сравнению с 2024 годом.", None,
     [("25%", ("2024", "2025"))]),
    ("uk", "У 2025 році витрати зростуть на 25% порівняно з 2024 роком.", None,
     [("25%", ("2024", "2025"))]),
    ("de", "Im Jahr 2025 steigen die Ausgaben um 25 % gegenüber dem Jahr 2024.", None,
     [("25 %", ("2024", "2025"))]),
    ("de", "Seit September 2022 erhielten die Gerichte bis zum 1. Juni 2024 insgesamt 7400 "
     "Fälle.", None, [("7400", ("2022-09", "2024-06-01"))]),
    # --- "over two years of the war": a period from the war's start (the span itself is a
    # duration, with no period of its own)
    ("uk", "За два роки повномасштабної війни загинули 31 тисяча військових.", None,
     [("два роки", NONE), ("31 тисяча", ("2022-02-24", None))]),
    ("ru", "За два года полномасштабной войны погибли 31 тысяча военных.", None,
     [("два года", NONE), ("31 тысяча", ("2022-02-24", None))]),
    ("en", "Over two years of full-scale war, 31,000 soldiers were killed.", None,
     [("two years", NONE), ("31,000", ("2022-02-24", None))]),
    ("de", "In zwei Jahren Krieg wurden 31.000 Soldaten getötet.", None,
     [("zwei Jahren", NONE), ("31.000", ("2022-02-24", None))]),
    ("en", "Over two years of talks, 40 drafts were written.", None,
     [("40", NONE)]),
    # --- durations, prison terms, ages: no period, even beside a date -----------------------
    ("en", "In May 2024 the court sentenced the driver to six years in prison.", None,
     [("six years", NONE)]),
    ("en", "In 2023 the parliament signed a 20-year lease for the harbour.", None,
     [("20-year", NONE)]),
    ("en", "Opened in April 2022, the 24-hour helpline takes calls from relatives.", None,
     [("24-hour", NONE)]),
    ("en", "In June 2024 recruits aged 18 to 30 were called up for two weeks of drills.", None,
     [("two weeks", NONE)]),
    ("en", "In 2024 the law raised the age limit to 30 years for reservists.", None,
     [("30 years", NONE)]),
    ("en", "The decree of 12 August 2024 grants 14 days of training before deployment.", None,
     [("14 days", NONE)]),
    ("ru", "В мае 2024 года суд приговорил водителя к шести годам колонии.", None,
     [("шести годам", NONE)]),
    ("ru", "В 2023 году стороны подписали договор на 20 лет.", None,
     [("20 лет", NONE)]),
    ("uk", "У травні 2024 року суд призначив водієві п'ять років позбавлення волі.", None,
     [("п'ять років", NONE)]),
    ("uk", "За два роки війни відомство отримало 900 звернень.", None,
     [("два роки", NONE)]),
    ("de", "Im Mai 2024 verurteilte das Gericht den Fahrer zu sechs Jahren Haft.", None,
     [("sechs Jahren", NONE)]),
    ("de", "Im Jahr 2023 unterzeichneten beide Seiten einen Vertrag über 20 Jahre.", None,
     [("20 Jahre", NONE)]),
    # --- linked headlines get no period ----------------------------------------------------
    ("en", "The board met on Monday.\nRead more: Navy lost 12 boats in 2023, report says", None,
     [("12", NONE)]),
    ("en", "The board met on Monday.\nRead also: In 2023 the army lost 40 trucks", None,
     [("40", NONE)]),
    ("ru", "Совет собрался в понедельник.\nЧитайте также: В 2023 году флот потерял 12 катеров",
     None, [("12", NONE)]),
    ("uk", "Рада зібралася в понеділок.\nЧитайте також: У 2023 році флот втратив 12 катерів",
     None, [("12", NONE)]),
    ("de", "Der Rat tagte am Montag.\nLesen Sie auch: 2023 verlor die Flotte 12 Boote", None,
     [("12", NONE)]),
    # --- a later paragraph on another matter inherits no date ------------------------------
    ("en", "In 2023 the courts heard 900 desertion cases.\n\nThe ministry bought 40 trucks "
     "for the northern district.", None,
     [("900", ("2023", "2023")), ("40", NONE)]),
    ("en", "In 2023 the courts heard 900 desertion cases.\n\nThe governor promised a bonus of "
     "50,000 rubles to new recruits.", None,
     [("900", ("2023", "2023")), ("50,000 rubles", NONE)]),
    ("ru", "В 2023 году суды рассмотрели 900 дел.\n\nГубернатор пообещал новобранцам выплату "
     "в 50 тысяч рублей.", None,
     [("900", ("2023", "2023")), ("50 тысяч рублей", NONE)]),
    ("uk", "У 2023 році суди розглянули 900 справ.\n\nГубернатор пообіцяв новобранцям виплату "
     "в 50 тисяч гривень.", None,
     [("900", ("2023", "2023")), ("50 тисяч гривень", NONE)]),
    ("de", "Im Jahr 2023 verhandelten die Gerichte 900 Fälle.\n\nDer Gouverneur versprach "
     "neuen Rekruten eine Prämie von 50.000 Rubel.", None,
     [("900", ("2023", "2023")), ("50.000 Rubel", NONE)]),
    # --- a next paragraph on the same matter (many words shared) keeps the frame -----------
    ("en", "Defence spending will reach 13.5 trillion rubles in 2025, the draft budget "
     "documents show.\n\nSecurity spending will reach 4.2 trillion rubles, the draft budget "
     "documents show.", None,
     [("13.5 trillion rubles", ("2025", "2025")), ("4.2 trillion rubles", ("2025", "2025"))]),
    ("ru", "Расходы на оборону составят 13,5 триллиона рублей в 2025 году, следует из проекта "
     "бюджета.\n\nРасходы на безопасность составят 4,2 триллиона рублей, следует из проекта "
     "бюджета.", None,
     [("4,2 триллиона рублей", ("2025", "2025"))]),
    ("uk", "Видатки на оборону становитимуть 13,5 трильйона рублів у 2025 році, йдеться в "
     "проєкті бюджету.\n\nВидатки на безпеку становитимуть 4,2 трильйона рублів, йдеться в "
     "проєкті бюджету.", None,
     [("4,2 трильйона рублів", ("2025", "2025"))]),
    ("de", "Die Verteidigungsausgaben steigen im Jahr 2025 auf 13,5 Billionen Rubel, zeigen "
     "die Haushaltsunterlagen.\n\nDie Sicherheitsausgaben steigen auf 4,2 Billionen Rubel, "
     "zeigen die Haushaltsunterlagen.", None,
     [("4,2 Billionen Rubel", ("2025", "2025"))]),
    # --- an unresolved date of a statement ("In mid-November, X said") blocks nothing; an
    # unresolved date of the figure's own does
    ("en", "The state budget for 2025 envisages 2.2 trillion hryvnias for weapons production."
     "\n\nIn mid-November, the minister said the state budget envisages 55 billion hryvnias "
     "for weapons production.", None,
     [("55 billion hryvnias", ("2025", "2025"))]),
    ("en", "The state budget for 2025 envisages 2.2 trillion hryvnias for weapons production."
     "\n\nIn mid-November the state budget for weapons production lost 55 billion hryvnias.",
     None, [("55 billion hryvnias", NONE)]),
    # --- an unambiguous carry-over: an anaphor names the earlier figure ----------------------
    ("en", "Between January 2022 and June 2023 the board heard 500 appeals.\n\nOf these "
     "appeals, 80 succeeded.", None,
     [("500", ("2022-01", "2023-06")), ("80", ("2022-01", "2023-06"))]),
    ("en", "Since February 2022 the monitors have counted 8,000 lost vehicles. Of those, "
     "5,000 were destroyed.", None,
     [("8,000", ("2022-02", None)), ("5,000", ("2022-02", None))]),
    ("en", "In March 2024 the courts passed 700 verdicts. This means 35 verdicts per working "
     "day.", None,
     [("700", ("2024-03", "2024-03")), ("35", ("2024-03", "2024-03"))]),
    ("ru", "С февраля 2022 года мониторы насчитали 8000 единиц техники. Из них 5000 "
     "уничтожены.", None,
     [("8000", ("2022-02", None)), ("5000", ("2022-02", None))]),
    ("uk", "З лютого 2022 року монітори нарахували 8000 одиниць техніки. З них 5000 знищено.",
     None, [("8000", ("2022-02", None)), ("5000", ("2022-02", None))]),
    ("de", "Seit Februar 2022 zählten die Beobachter 8000 Fahrzeuge. Davon wurden 5000 "
     "zerstört.", None,
     [("8000", ("2022-02", None)), ("5000", ("2022-02", None))]),
    ("en", "In September 2022 a new article took effect. Since then, at least 25 cases have "
     "been opened.", None,
     [("25", ("2022-09", None))]),
    ("en", "Since February 2022 the army has lost 20,000 vehicles.\n\nAmong the destroyed "
     "vehicles, 3,700 were tanks.\n\nThe reported losses also include 300 boats.", None,
     [("3,700", ("2022-02", None)), ("300", ("2022-02", None))]),
    ("ru", "С февраля 2022 года армия потеряла 20 000 машин.\n\nСреди этих машин 3700 танков.",
     None, [("3700", ("2022-02", None))]),
    ("uk", "З лютого 2022 року армія втратила 20 000 машин.\n\nСеред цих машин 3700 танків.",
     None, [("3700", ("2022-02", None))]),
    ("de", "Seit Februar 2022 hat die Armee 20.000 Fahrzeuge verloren.\n\nUnter den zerstörten "
     "Fahrzeugen waren 3700 Panzer.", None, [("3700", ("2022-02", None))]),
    # --- near miss: "these" in a sentence without figures names no figure ------------------
    ("en", "Since 2022 the courts have heard 900 cases.\n\nThe secrecy of these trials worries "
     "lawyers. Out of the 400 finished trials, only 25 were made public.", None,
     [("900", ("2022", None)), ("400", NONE), ("25", NONE)]),
    ("ru", "С 2022 года суды рассмотрели 900 дел.\n\nСекретность этих процессов, из них "
     "многие закрыты, тревожит юристов. Опубликовано лишь 25 приговоров.", None,
     [("900", ("2022", None)), ("25", NONE)]),
    # --- a time in a sentence without figures dates its event, not the next figures --------
    ("en", "Since the invasion the army has relied on volunteers. The minimum bonus is 400,000 "
     "rubles.", None, [("400,000 rubles", NONE)]),
    ("de", "Seit Februar 2022 setzt die Armee auf Freiwillige. Die Mindestprämie beträgt "
     "400.000 Rubel.", None, [("400.000 Rubel", NONE)]),
    ("en", "In 2023 the courts heard 900 cases. Appeals were lodged in 300.", None,
     [("900", ("2023", "2023")), ("300", ("2023", "2023"))]),
    ("en", "Since the start of the full-scale invasion volunteers have tracked the losses. By "
     "9 June 2023 they had named 25,000 soldiers.", None,
     [("25,000", ("2022-02-24", "2023-06-09"))]),
    ("ru", "С начала полномасштабного вторжения волонтёры ведут подсчёт потерь. К 9 июня 2023 "
     "года они установили 25 000 имён.", None,
     [("25 000", ("2022-02-24", "2023-06-09"))]),
    # --- a frame carried on by a new voice stays with that voice for the rest of the paragraph
    ("en", "The navy's losses since the start of the full-scale invasion would amount to 900 "
     "boats, the General Staff said. According to the report of the Ukrainian navy, to date the "
     "losses would be about 900 boats and 40 tugs. According to the bulletin, the navy has also "
     "lost 12 barges.", None,
     [("40", ("2022-02-24", None)), ("12", ("2022-02-24", None))]),
    # --- a list under a header that dates it ---------------------------------------------
    ("en", "Losses of the fleet as of April 2, 2024:\n- boats — 28 (+1);\n- tugs — 14;", None,
     [("28", (None, "2024-04-02")), ("14", (None, "2024-04-02"))]),
    ("uk", "Втрати флоту станом на 2 квітня 2024 року:\n- катери — 28;\n- буксири — 14;", None,
     [("28", (None, "2024-04-02")), ("14", (None, "2024-04-02"))]),
    # --- a list under an undated header, after a paragraph with a date: no period ----------
    ("uk", "Загалом із лютого 2022 року флот втратив 90 катерів.\nПро це повідомили в штабі."
     "\nКрім того, втрачено і техніку. Зокрема:\n- буксири — 14;\n- баржі — 31;", None,
     [("90", ("2022-02", None)), ("14", NONE), ("31", NONE)]),
    ("ru", "Всего с февраля 2022 года флот потерял 90 катеров.\nОб этом сообщили в штабе."
     "\nКроме того, потеряна и техника:\n- буксиры — 14;\n- баржи — 31;", None,
     [("90", ("2022-02", None)), ("14", NONE), ("31", NONE)]),
    # --- a list value after a dash is a count, not a year -------------------------------
    ("uk", "Втрати флоту:\n- спеціальна техніка — 1926 (+8);\n- катери — 28;", None,
     [("+8", NONE), ("28", NONE)]),
    ("ru", "Потери флота:\n- специальная техника — 1926 (+8);\n- катера — 28;", None,
     [("+8", NONE), ("28", NONE)]),
    # --- a daily increment beside a cumulative total "since X" takes no "since" period -----
    ("en", "Since the start of the full-scale invasion the army has lost 7,100 (+12) tanks.",
     None, [("7,100", ("2022-02-24", None)), ("+12", NONE)]),
    ("de", "Seit Beginn des Krieges zerstörten die Truppen 7.100 (+12) Panzer.", None,
     [("7.100", ("2022-02-24", None)), ("+12", NONE)]),
    # --- a dateline or byline is no period ----------------------------------------------
    ("en", " date 2024-07-31 The governor offered a bonus of 300,000 rubles to recruits.", None,
     [("300,000 rubles", NONE)]),
    ("en", "by Anna Berg April 10, 2024 2:40 PM 3 min read\nThe army drafted 1,200 men.", None,
     [("1,200", NONE)]),
    ("de", "Politik\n14. August 2025\nIn mehr als 30 Orten gingen Menschen auf die Straße.", None,
     [("30", NONE)]),
    ("en", "Kyiv, Apr. 13 – The army drafted 1,200 men, the ministry said.", None,
     [("1,200", NONE)]),
    ("de", "Berlin, 14. August 2025 – In mehr als 30 Orten gingen Menschen auf die Straße.", None,
     [("30", NONE)]),
    # --- the nearest time is the figure's own, even when it cannot be resolved -------------
    ("en", "The price fell from $200,000 in 2022 to about $70,000 today.", None,
     [("$200,000", ("2022", "2022")), ("$70,000", NONE)]),
    ("en", "The army plans 1.3 million troops in 2024 and 1.5 million later.", None,
     [("1.3 million", ("2024", "2024")), ("1.5 million", NONE)]),
    ("ru", "Армия планирует 1,3 миллиона военных в 2024 году и 1,5 миллиона позже.", None,
     [("1,3 миллиона", ("2024", "2024")), ("1,5 миллиона", NONE)]),
    ("de", "Die Armee plant 2024 rund 1,3 Millionen Soldaten und später 1,5 Millionen.", None,
     [("1,5 Millionen", NONE)]),
    # --- a list item does not pass its own date on to the next item ------------------------
    ("en", "Key findings:\n- By 3 April 2023, courts had received 708 cases.\n- The caseload "
     "grows monthly, with March setting a record.\n- The most common charge accounts for 629 "
     "cases.", "2023-04-11",
     [("708", (None, "2023-04-03")), ("629", NONE)]),
    ("en", "Last year the courts heard 1,200 cases.", "2024-04-24", [("1,200", ("2023", "2023"))]),
    ("de", "Im Jahr 2023 verhandelten die Gerichte 900 Fälle.", None, [("900", ("2023", "2023"))]),
    # --- a probability band is no figure of a period ------------------------------------
    ("en", "Since June 2024 the analysts use \"likely\" for a 55-75% probability.", None,
     [("55-75%", NONE)]),
    # --- near misses: a number in a time phrase is no figure with a period ----------------
    ("en", "In 2023 the courts heard 900 cases, and two years earlier only 40.", None,
     [("900", ("2023", "2023")), ("two years", NONE)]),
    ("ru", "За последние два года суды рассмотрели 900 дел.", None,
     [("два года", NONE)]),
    ("de", "In den vergangenen zwei Jahren verhandelten die Gerichte 900 Fälle.", None,
     [("zwei Jahren", NONE)]),
    # --- a figure without any time stays without a period ----------------------------------
    ("en", "The brigade has 3,000 soldiers and 40 tanks.", None,
     [("3,000", NONE), ("40", NONE)]),
    ("ru", "В бригаде 3000 солдат и 40 танков.", None,
     [("3000", NONE), ("40", NONE)]),
    ("uk", "У бригаді 3000 солдатів і 40 танків.", None,
     [("3000", NONE), ("40", NONE)]),
    ("de", "Die Brigade hat 3000 Soldaten und 40 Panzer.", None,
     [("3000", NONE), ("40", NONE)]),
    # --- the same paragraph continues the same figure ----------------------------------
    ("en", "In 2023 the courts heard 900 desertion cases, and 300 of them ended in prison "
     "terms.", None,
     [("900", ("2023", "2023")), ("300", ("2023", "2023"))]),
    ("de", "Im Jahr 2023 verhandelten die Gerichte 900 Fälle, 300 davon endeten mit Haft.", None,
     [("900", ("2023", "2023")), ("300", ("2023", "2023"))]),
    # --- a topic change ends the frame ---------------------------------------------------
    ("en", "In 2023 the courts heard 900 cases. Separately, the navy bought 12 boats.", None,
     [("900", ("2023", "2023")), ("12", NONE)]),
    ("uk", "У 2023 році суди розглянули 900 справ. Окремо флот придбав 12 катерів.", None,
     [("900", ("2023", "2023")), ("12", NONE)]),
]


def _find(doc_text: str, surface: str, quantities: list[tuple[int, int, str]]) -> int:
    start = doc_text.index(surface)
    end = start + len(surface)
    for k, (s, e, _text) in enumerate(quantities):
        if s < end and start < e:
            return k
    raise AssertionError(f"no figure at {surface!r}: {quantities}")


@pytest.mark.parametrize(
    ("lang", "text", "published", "expected"),
    CASES,
    ids=[f"{c[0]}-{i}" for i, c in enumerate(CASES)],
)
def test_period_of_each_figure(
    lang: str,
    text: str,
    published: str | None,
    expected: list[tuple[str, tuple[str | None, str | None]]],
) -> None:
    analysis = analyze_document(Document(text=text, language=lang, published=published))
    spans = [(q.start, q.end, q.text) for q in analysis.quantities]
    got = []
    for surface, _want in expected:
        q = analysis.quantities[_find(text, surface, spans)]
        got.append((surface, (q.period_from, q.period_to)))
    assert got == expected


@pytest.mark.parametrize(
    "text",
    ["Втрати флоту:\n- спеціальна техніка — 1926 (+8);", "Потери:\n- специальная техника — 1926;",
     "Verluste:\n- Spezialfahrzeuge — 1926 (+8);", "Losses:\n- special vehicles — 1926 (+8);"],
)
def test_a_list_value_after_a_dash_is_no_year(text: str) -> None:
    assert extract_times(Document(text=text)) == []


def test_battery_size() -> None:
    assert sum(len(c[3]) for c in CASES) >= 60
    assert {c[0] for c in CASES} == {"en", "ru", "uk", "de"}


# Periods built from two dates, and "by" dates, in the times themselves.
# (published, language, text, surface, (type, value or from, to))
PERIOD_CASES: list[tuple[str | None, str, str, str, tuple[str | None, ...]]] = [
    (None, "en", "Recruits sign for one year from Aug. 1 until the end of 2024.",
     "from Aug. 1 until the end of 2024", ("period", "2024-08-01", "2024")),
    ("2024-10-07", "en", "Volunteers can sign up between Oct. 7, and Dec. 20.",
     "between Oct. 7, and Dec. 20", ("period", "2024-10-07", "2024-12-20")),
    (None, "ru", "К 9 июня 2023 года волонтёры установили 900 имён.", "К 9 июня 2023 года",
     ("period", None, "2023-06-09")),
    (None, "ru", "Ко 2 мая 2023 года волонтёры установили 900 имён.", "Ко 2 мая 2023 года",
     ("period", None, "2023-05-02")),
    (None, "en", "In March, and in April 2024, the courts sat daily.", "April 2024",
     ("date", "2024-04", None)),
    ("2024-08-10", "en", "In the last week of July the army advanced.", "the last week of July",
     ("date", "2024-07", None)),
    ("2024-06-01", "en", "Strikes rose in the first week of May.", "the first week of May",
     ("date", "2024-05", None)),
    ("2024-04-10", "en", "From Nov to March the front was quiet.", "From Nov to March",
     ("period", "2023-11", "2024-03")),
    (None, "en", "The treaty was signed on Dec. 31, 1994, in Budapest.", "Dec. 31, 1994",
     ("date", "1994-12-31", None)),
    (None, "ru", "Между 2014 и 2018 годами армия выросла вдвое.", "Между 2014 и 2018 годами",
     ("period", "2014", "2018")),
    (None, "uk", "Між 2014 та 2018 роками армія зросла вдвічі.", "Між 2014 та 2018 роками",
     ("period", "2014", "2018")),
    (None, "de", "Zwischen 2014 und 2018 wuchs die Armee.", "Zwischen 2014 und 2018",
     ("period", "2014", "2018")),
    ("2024-08-10", "uk", "З листопада по березень фронт був спокійним.",
     "З листопада по березень", ("period", "2023-11", "2024-03")),
]


@pytest.mark.parametrize(("published", "lang", "text", "surface", "want"), PERIOD_CASES)
def test_periods_from_two_dates(
    published: str | None, lang: str, text: str, surface: str, want: tuple[str | None, ...]
) -> None:
    times = extract_times(Document(text=text, language=lang, published=published))
    got = [
        (t.type, t.from_, t.to) if t.type == "period" else (t.type, t.value, None)
        for t in times if t.text == surface
    ]
    assert got == [want], [(t.text, t.type, t.value, t.from_, t.to) for t in times]


# A month named without a year: this year's when it is near, or further ahead in a sentence that
# speaks of the future; else last year's. (published, language, text, surface, value)
MONTH_CASES: list[tuple[str, str, str, str, str]] = [
    ("2023-04-06", "en", "The first case became known at the end of October.", "October",
     "2022-10"),
    ("2023-04-06", "en", "The new rules entered into force on September 24.", "September 24",
     "2022-09-24"),
    ("2025-03-01", "en", "The allies will hold a joint exercise in September.", "September",
     "2025-09"),
    ("2024-04-10", "en", "Conscripts must report by June 1, the ministry said.", "June 1",
     "2024-06-01"),
    ("2023-04-06", "ru", "В сентябре наказания ужесточили.", "сентябре", "2022-09"),
    ("2023-04-06", "ru", "Учения пройдут в сентябре у границы.", "сентябре", "2023-09"),
    ("2023-04-06", "uk", "У вересні покарання посилили.", "вересні", "2022-09"),
    ("2023-04-06", "uk", "Навчання відбудуться у вересні біля кордону.", "вересні", "2023-09"),
    ("2023-04-06", "de", "Im September wurden die Strafen verschärft.", "September", "2022-09"),
    ("2023-04-06", "de", "Die Übung wird im September stattfinden.", "September", "2023-09"),
]


@pytest.mark.parametrize(("published", "lang", "text", "surface", "value"), MONTH_CASES)
def test_a_month_without_a_year(
    published: str, lang: str, text: str, surface: str, value: str
) -> None:
    times = extract_times(Document(text=text, language=lang, published=published))
    got = [(t.value or t.to or t.from_) for t in times if surface in t.text]
    assert got == [value]
