"""Events, links and linked-title figures: a battery of sentences written for these tests."""

from __future__ import annotations

import pytest

from claimledger.extract.events import find_triggers
from claimledger.model import Document
from claimledger.pipeline import analyze_document

PUBLISHED = "2024-10-16"  # a Wednesday


def _events(text: str, lang: str, published: str | None = PUBLISHED) -> list[tuple]:
    doc = Document(text=text, id="t", language=lang, published=published)
    got = analyze_document(doc).events
    for e in got:
        assert text[e.start : e.end] == e.text
    return [(e.text, e.action, e.actor, e.date) for e in got]


# (language, sentence, [(trigger, action, actor, date)])
DATED = [
    ("en", "On March 3, 2023, Prime Minister Olaf Berg signed the fisheries accord.",
     [("signed", "sign", "Olaf Berg", "2023-03-03")]),
    ("en", "The assembly ratified the water treaty on 12 May 2022.",
     [("ratified", "ratify", "The assembly", "2022-05-12")]),
    ("en", "In April 2021, the city council adopted a new parking law.",
     [("adopted", "adopt", "the city council", "2021-04")]),
    ("en", "Governor Ana Lind vetoed the budget bill on Monday.",
     [("vetoed", "veto", "Ana Lind", "2024-10-14")]),
    ("en", "The pact was signed by Tom Reed and Mia Holt in June 2020.",
     [("signed", "sign", "Tom Reed and Mia Holt", "2020-06")]),
    ("en", "The customs deal came into force on January 1, 2019.",
     [("came into force", "enter_into_force", None, "2019-01-01")]),
    ("en", "Foreign Minister Lea Marsh visited Oslo on 2 February 2024.",
     [("visited", "visit", "Lea Marsh", "2024-02-02")]),
    ("en", "In May 2023, the court sentenced the smuggler to six years.",
     [("sentenced", "sentence", "the court", "2023-05")]),
    ("en", "The two sides exchanged prisoners on 4 July 2022.",
     [("exchanged", "exchange", "The two sides", "2022-07-04")]),
    ("en", "President Ivo Brandt signed off on the harbour plan on September 9, 2021.",
     [("signed off on", "approve", "Ivo Brandt", "2021-09-09")]),
    ("en", "The ministry announced the new rules in March 2020.",
     [("announced", "announce", "The ministry", "2020-03")]),
    ("en", "Launched in August 2019 by the Northern Agency, the portal lists all tenders.",
     [("Launched", "launch", "the Northern Agency", "2019-08")]),
    ("en", "The board dismissed its chairman in November 2022.",
     [("dismissed", "dismiss", "The board", "2022-11")]),
    ("en", "During Lina Cole's visit to Rome on 5 May 2023, the two ministers met for talks.",
     [("visit", "visit", "Lina Cole", "2023-05-05"),
      ("met", "meet", "the two ministers", "2023-05-05")]),
    ("en", "The toll announced by Mayor Ada Pike in March 2021 was dropped.",
     [("announced", "announce", "Ada Pike", "2021-03")]),
    ("en", "The rules, adopted in June 2020, ban night flights.",
     [("adopted", "adopt", None, "2020-06")]),
    ("en", "Harbour works began on 1 April 2022.",
     [("began", "other", None, "2022-04-01")]),
    ("en", "Envoy Tim Roe and his host Eva Lutz signed the pact in May 2020 during the latter's "
           "visit.",
     [("signed", "sign", "Tim Roe and Eva Lutz", "2020-05"),
      ("visit", "visit", "Eva Lutz", "2020-05")]),
    ("en", "The pact was agreed in May 2020 during the latter's visit.",
     [("visit", "visit", None, "2020-05")]),
    ("en", "The pact was signed by Mayor Ada Pike, who approved the toll on 2 May 2023.",
     [("approved", "approve", "Ada Pike", "2023-05-02")]),
    ("en", "The talks followed a visit by Envoy Kai Moor to Riga in May 2023.",
     [("visit", "visit", "Kai Moor", "2023-05")]),
    ("ru", "Закон поддержал губернатор Иван Петров, который подписал его 3 марта 2023 года.",
     [("подписал", "sign", "Иван Петров", "2023-03-03")]),
    ("ru", "Губернатор Иван Петров подписал указ 3 марта 2023 года.",
     [("подписал", "sign", "Иван Петров", "2023-03-03")]),
    ("ru", "Закон вступил в силу 1 января 2020 года.",
     [("вступил в силу", "enter_into_force", None, "2020-01-01")]),
    ("ru", "В мае 2021 года парламент ратифицировал соглашение о воде.",
     [("ратифицировал", "ratify", "парламент", "2021-05")]),
    ("ru", "Совет утвердил новый бюджет 15 июня 2022 года.",
     [("утвердил", "approve", "Совет", "2022-06-15")]),
    ("uk", "Уряд затвердив нову програму 5 квітня 2023 року.",
     [("затвердив", "approve", "Уряд", "2023-04-05")]),
    ("uk", "Закон набув чинності 1 березня 2022 року.",
     [("набув чинності", "enter_into_force", None, "2022-03-01")]),
    ("uk", "У травні 2021 року парламент ратифікував угоду про воду.",
     [("ратифікував", "ratify", "парламент", "2021-05")]),
    ("uk", "Міністр Олег Коваль підписав наказ 10 червня 2020 року.",
     [("підписав", "sign", "Олег Коваль", "2020-06-10")]),
    ("de", "Der Bürgermeister Jan Vogt hat am 3. März 2023 den Vertrag unterzeichnet.",
     [("unterzeichnet", "sign", "Jan Vogt", "2023-03-03")]),
    ("de", "Das Gesetz ist im Januar 2020 in Kraft getreten.",
     [("in Kraft getreten", "enter_into_force", None, "2020-01")]),
    ("de", "Im Mai 2021 hat der Landtag das Abkommen ratifiziert.",
     [("ratifiziert", "ratify", "der Landtag", "2021-05")]),
    ("de", "Die Regierung hat das Programm im April 2022 gebilligt.",
     [("gebilligt", "approve", "Die Regierung", "2022-04")]),
]

# near misses: undated, hypothetical, negated, speech verbs, statistics, linked titles
NEAR_MISSES = [
    ("en", "2023-05-02 The mayor signed the harbour accord."),
    ("en", "The mayor signed the harbour accord."),
    ("en", "The court could commute their sentence next year."),
    ("en", "The council would approve the plan in May 2025 if funds allow."),
    ("en", "The ministry said on Monday that 400 people were hired."),
    ("en", "The agency reported on 3 May 2023 that exports rose by 5%."),
    ("en", "In 2023, 4,100 people were convicted of fraud."),
    ("en", "The number of arrests increased by half in 2022."),
    ("en", "A report released on June 15 puts the losses at 900 tanks."),
    ("en", "The parliament did not ratify the pact in 2021."),
    ("en", "Officials plan to sign the deal in March 2025."),
    ("en", "They exchanged the ratification documents."),
    ("en", "Read more: Council approved the budget in May 2023"),
    ("en", "In 2024 the economy showed signs of overheating."),
    ("en", "Former convicts joined the units in 2023."),
    ("en", "The ministry released its latest assessment on 2 May 2023."),
    ("ru", "Число приговоров за кражи в 2023 году выросло."),
    ("uk", "Кількість вироків за крадіжки у 2023 році зросла."),
    ("ru", "Министр подписал указ."),
    ("ru", "Парламент мог бы утвердить бюджет в мае 2025 года."),
    ("ru", "Министерство сообщило 3 мая 2023 года, что потери выросли."),
    ("ru", "Правительство не утвердило план в 2022 году."),
    ("ru", "Читайте также: Совет утвердил бюджет в мае 2023 года"),
    ("uk", "Міністр підписав наказ."),
    ("uk", "Уряд може затвердити програму в травні 2025 року."),
    ("uk", "Міністерство повідомило 3 травня 2023 року, що втрати зросли."),
    ("uk", "Парламент не ратифікував угоду у 2021 році."),
    ("uk", "Читайте також: Рада затвердила бюджет у травні 2023 року"),
    ("de", "Der Minister hat den Vertrag unterzeichnet."),
    ("de", "Die Regierung könnte das Abkommen im Mai 2025 unterzeichnen."),
    ("de", "Das Ministerium sagte am 3. Mai 2023, die Verluste seien gestiegen."),
    ("de", "Der Landtag hat das Abkommen 2021 nicht ratifiziert."),
    ("de", "Lesen Sie auch: Stadtrat billigte den Haushalt im Mai 2023"),
]


@pytest.mark.parametrize(("lang", "text", "expected"), DATED)
def test_dated_actions(lang: str, text: str, expected: list[tuple]) -> None:
    assert _events(text, lang) == expected


@pytest.mark.parametrize(("lang", "text"), NEAR_MISSES)
def test_near_misses_are_not_events(lang: str, text: str) -> None:
    assert _events(text, lang) == []


def test_a_date_without_a_publication_date_stays_unresolved() -> None:
    got = _events("On June 4, the envoy Kai Moor visited Riga.", "en", published=None)
    assert got == [("visited", "visit", "Kai Moor", None)]


def test_pronoun_takes_the_last_actor() -> None:
    text = "On 2 May 2023, Mayor Rosa Klein approved the plan. He signed the lease on 9 May 2023."
    got = _events(text, "en")
    assert got[1] == ("signed", "sign", "Rosa Klein", "2023-05-09")


def test_event_sources_follow_the_attribution() -> None:
    text = "According to the port authority, the ferry firm launched 12 new routes in May 2023."
    doc = Document(text=text, id="t", language="en", published=PUBLISHED)
    analysis = analyze_document(doc)
    (event,) = analysis.events
    (figure,) = analysis.quantities
    assert event.action == "launch"
    assert event.sources == figure.sources
    assert "port authority" in event.sources[0]


@pytest.mark.parametrize(
    ("lang", "word", "action"),
    [
        ("en", "ratification", "ratify"), ("en", "invaded", "attack"),
        ("ru", "подписали", "sign"), ("ru", "визит", "visit"), ("ru", "назначен", "appoint"),
        ("uk", "підписали", "sign"), ("uk", "візит", "visit"), ("uk", "призначений", "appoint"),
        ("de", "unterzeichnete", "sign"), ("de", "Besuch", "visit"), ("de", "ernannt", "appoint"),
    ],
)
def test_lexicon_maps_forms_to_actions(lang: str, word: str, action: str) -> None:
    (trig,) = find_triggers(word, lang)
    assert trig.action == action


@pytest.mark.parametrize(
    ("lang", "word"),
    [("en", "significant"), ("ru", "вестник"), ("uk", "наради"), ("de", "Besucher")],
)
def test_lexicon_near_miss_words(lang: str, word: str) -> None:
    assert find_triggers(word, lang) == []


def _links(text: str, lang: str) -> list[tuple]:
    doc = Document(text=text, id="t", language=lang, published=PUBLISHED)
    got = analyze_document(doc).links
    for k in got:
        assert text[k.start : k.end] == k.text
    return [(k.kind, k.text, k.outlet) for k in got]


LINKS = [
    ("en", "Prices rose.\nRead more: Harbour fees double in two years\n\nMore text.",
     [("read_more", "Harbour fees double in two years", None)]),
    ("en", "Related:\n- Ferry strike ends\n- Port opens new dock\n",
     [("read_more", "Ferry strike ends", None), ("read_more", "Port opens new dock", None)]),
    ("en", "As Harbour Weekly previously reported, the dock was closed.",
     [("earlier_report", "As Harbour Weekly previously reported", "Harbour Weekly")]),
    ("en", "According to earlier reports by Coast News, the pier sank.",
     [("earlier_report", "According to earlier reports by Coast News", "Coast News")]),
    ("en", "In May, the media reported that the ferry was sold.",
     [("earlier_report", "the media reported", None)]),
    ("ru", "Цены выросли.\nЧитайте также: Портовые сборы удвоились\n",
     [("read_more", "Портовые сборы удвоились", None)]),
    ("ru", "Как ранее сообщал Морской Вестник, причал закрыли.",
     [("earlier_report", "Как ранее сообщал Морской Вестник", "Морской Вестник")]),
    ("uk", "Ціни зросли.\nЧитайте також: Портові збори подвоїлися\n",
     [("read_more", "Портові збори подвоїлися", None)]),
    ("uk", "Як повідомляв Морський Вісник, причал закрили.",
     [("earlier_report", "Як повідомляв Морський Вісник", "Морський Вісник")]),
    ("de", "Die Preise stiegen.\nLesen Sie auch: Hafengebühren verdoppelt\n",
     [("read_more", "Hafengebühren verdoppelt", None)]),
    ("de", "Wie Hafen Zeitung zuvor berichtete, wurde der Kai geschlossen.",
     [("earlier_report", "Wie Hafen Zeitung zuvor berichtete", "Hafen Zeitung")]),
]

LINK_MISSES = [
    ("en", "The port authority reported that fees rose."),
    ("en", "Iranian state media reported that the talks ended."),
    ("en", "Readers can read more about it online."),
    ("ru", "Как сообщается, причал закрыли."),
    ("uk", "Міністерство повідомило, що причал закрили."),
    ("de", "Wie das Ministerium mitteilte, wurde der Kai geschlossen."),
]


@pytest.mark.parametrize(("lang", "text", "expected"), LINKS)
def test_links(lang: str, text: str, expected: list[tuple]) -> None:
    assert _links(text, lang) == expected


@pytest.mark.parametrize(("lang", "text"), LINK_MISSES)
def test_link_near_misses(lang: str, text: str) -> None:
    assert _links(text, lang) == []


@pytest.mark.parametrize(
    ("text", "sources"),
    [
        ("In 2023 the port handled 500 ships, the authority said.\n"
         "Read more: Dock workers lost 300 jobs - Coast News\n", ("Coast News",)),
        ("In 2023 the port handled 500 ships, the authority said.\n"
         "Read more: Port board: 300 jobs cut at the docks\n", ("Port board",)),
        ("In 2023 the port handled 500 ships, the authority said.\n"
         "Read more: Dock workers lost 300 jobs\n", ()),
    ],
)
def test_figures_in_a_linked_title_are_the_linked_reports(
    text: str, sources: tuple[str, ...]
) -> None:
    doc = Document(text=text, id="t", language="en", published=PUBLISHED)
    got = {q.text: q for q in analyze_document(doc).quantities}
    linked = got["300"]
    assert linked.sources == sources
    assert linked.period_from is None and linked.period_to is None
    assert got["500"].period_from == "2023"


def _agreements(text: str, lang: str) -> list:
    doc = Document(text=text, id="t", language=lang, published=PUBLISHED)
    got = analyze_document(doc).agreements
    for a in got:
        assert text[a.start : a.end] == a.text
        for p in a.provisions:
            assert text[p.start : p.end] == p.text
    return list(got)


@pytest.mark.parametrize(
    ("lang", "text", "parties", "provisions"),
    [
        ("en", "The Fisheries Treaty between Norland and Sudmark was signed in May 2021. "
               "The treaty covers fishing quotas, port access and coastal patrols.",
         ("Norland", "Sudmark"),
         [("fishing quotas", True), ("port access", True), ("coastal patrols", True)]),
        ("en", "The Norland-Sudmark pact was signed on 3 May 2021. "
               "The pact does not include a mutual-defence clause.",
         ("Norland", "Sudmark"), [("mutual-defence clause", False)]),
        ("en", "The water accord between Alta and Bram was ratified in 2022. "
               "It provides for joint monitoring of the river.",
         ("Alta", "Bram"), [("joint monitoring of the river", True)]),
        ("ru", "Договор между Альтой и Брамом подписали в мае 2021 года. "
               "Договор предусматривает совместное патрулирование границы.",
         ("Альтой", "Брамом"), [("совместное патрулирование границы", True)]),
        ("uk", "Угоду між Альтою і Брамом підписали у травні 2021 року. "
               "Угода передбачає спільне патрулювання кордону.",
         ("Альтою", "Брамом"), [("спільне патрулювання кордону", True)]),
        ("de", "Der Vertrag zwischen Alta und Bram wurde im Mai 2021 unterzeichnet. "
               "Der Vertrag umfasst Fischerei, Handel und Verkehr.",
         ("Alta", "Bram"), [("Fischerei", True), ("Handel", True), ("Verkehr", True)]),
    ],
)
def test_agreement_parties_and_provisions(
    lang: str, text: str, parties: tuple[str, ...], provisions: list[tuple[str, bool]]
) -> None:
    (main,) = _agreements(text, lang)
    assert main.parties == parties
    assert [(p.text, p.present) for p in main.provisions] == provisions


def test_an_agreement_of_a_year_is_its_own_record() -> None:
    text = ("The harbour pact between Alta and Bram was signed in May 2021. "
            "It replaced the 1998 fishing agreement.")
    got = _agreements(text, "en")
    assert [a.text for a in got] == ["harbour pact between Alta and Bram", "1998 fishing agreement"]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "The company spent a great deal of money on the new dock."),
        ("en", "Analysts say a trade deal is possible."),
        ("ru", "Эксперты говорят, что соглашение возможно."),
        ("de", "Experten halten ein Abkommen für möglich."),
    ],
)
def test_no_agreement_without_a_fact_about_it(lang: str, text: str) -> None:
    assert _agreements(text, lang) == []


@pytest.mark.parametrize(
    ("text", "provisions"),
    [
        ("The 15-year harbour pact between Alta and Bram was signed in May 2021. "
         "The pact covers fishing, shipping, tourism and customs, and outlines joint patrols.",
         ["15-year", "fishing", "shipping", "tourism", "customs", "joint patrols"]),
        ("The river accord between Alta and Bram, covering areas from fishing and shipping to "
         "tourism, is expected to stay in force for ten years. It was signed in 2020.",
         ["fishing", "shipping", "tourism", "ten years"]),
        ("The river accord between Alta and Bram was signed in 2020. It provides for joint "
         "patrols in line with the old charter. The accord provides for joint patrols.",
         ["joint patrols"]),
    ],
)
def test_provision_lists_ranges_and_repeats(text: str, provisions: list[str]) -> None:
    (main,) = _agreements(text, "en")
    assert sorted(p.text for p in main.provisions) == sorted(provisions)


def test_provisions_of_another_agreement_are_not_the_main_ones() -> None:
    text = ("The harbour pact between Alta and Bram was signed in May 2021. Bram left the 2015 "
            "fishing deal between Bram and Cato, including Dorn, Ezra and Fane.")
    main, other = _agreements(text, "en")
    assert main.provisions == () and other.provisions == ()


def test_a_sentence_opening_inside_the_reported_act_takes_its_date() -> None:
    text = "On 4 June 2023, envoy Kai Moor visited Riga. During his trip, he met the mayor."
    got = _events(text, "en")
    assert got == [("visited", "visit", "Kai Moor", "2023-06-04"),
                   ("met", "meet", "Kai Moor", "2023-06-04")]


def test_an_undated_sentence_after_a_dated_one_is_not_dated() -> None:
    text = "On 4 June 2023, envoy Kai Moor visited Riga. He met the mayor."
    assert [e[0] for e in _events(text, "en")] == ["visited"]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "the pact was signed on May 5 and the treaty covers trade, " * 3000),
        ("en", "Read more: " + "signed in 2020 " * 5000),
        ("ru", "договор подписали 5 мая и он предусматривает торговлю, " * 3000),
        ("de", "der Vertrag wurde am 5. Mai unterzeichnet und umfasst Handel, " * 3000),
        ("en", "As " + "Harbour " * 5000 + "previously reported"),
    ],
)
def test_pathological_inputs_are_fast(lang: str, text: str) -> None:
    import time

    t0 = time.perf_counter()
    analyze_document(Document(text=text, id="t", language=lang, published=PUBLISHED))
    assert time.perf_counter() - t0 < 30.0  # the whole pipeline, figures and times included
