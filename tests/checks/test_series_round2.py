"""Series across reports, round 2: a count of the dead is one series whatever its counting
method, and an event's actor may be named in the sentence before the figure's own.

All sentences are written for these tests (en/ru/uk/de), with near misses."""

from __future__ import annotations

import re
from dataclasses import replace

import pytest

from claimledger.checks.across import link_figures
from claimledger.checks.frames import (
    article_offence,
    clause_of,
    counts_deaths,
    frame_of,
    list_clause_of,
    sentence_before,
)
from claimledger.checks.metrics import Metric, metrics_named
from claimledger.checks.things import thing_of
from claimledger.store.base import ClaimRow

NO_METRICS: list[Metric] = []
_NUMBER = re.compile(r"\d[\d ,.]*\d|\d")
_BASE = ClaimRow(
    doc_id="r1", index=0, start=0, end=1, text="1", value=1, value_high=None, kind="count",
    unit=None, approx="exact", change=False, what="dead", period_from=None, period_to=None,
    sources=(), canonical_sources=(), metric=None, outlet="a.example", published="2024-05-02",
    url=None, title=None,
)


def _frame(sentence: str, what: str, before: str = ""):  # type: ignore[no-untyped-def]
    spans = [m.span() for m in _NUMBER.finditer(sentence)]
    start, end = spans[0]
    c = replace(_BASE, start=start, end=end, text=sentence[start:end], what=what)
    return frame_of(c, clause_of(sentence, start, end, spans), NO_METRICS,
                    list_clause_of(sentence, start, end, spans), False, "", before)


# --- the dead identified by name are a count of the dead, no scope of their own -----------


@pytest.mark.parametrize(
    ("sentence", "what"),
    [
        ("Reporters have identified by name 61,000 dead soldiers.", "dead soldiers"),
        ("Журналисты установили имена 61 000 погибших военных.", "погибших военных"),
        ("Журналісти встановили імена 61 000 загиблих військових.", "загиблих військових"),
        ("Namentlich bekannt sind 61.000 getötete Soldaten.", "getötete Soldaten"),
    ],
)
def test_named_dead_share_the_series_of_the_dead(sentence: str, what: str) -> None:
    frame = _frame(sentence, what)
    assert frame is not None and counts_deaths(frame.thing)
    assert "method:" not in frame.scope


@pytest.mark.parametrize(
    ("sentence", "what"),
    [
        ("Russia is visually confirmed to have lost 3,900 tanks.", "tanks"),
        ("Потери России визуально подтверждены: 3 900 танков.", "танков"),
        ("Візуально підтверджено втрату 3 900 російських танків.", "російських танків"),
        ("Russland hat visuell bestätigt 3.900 Panzer verloren.", "Panzer"),
    ],
)
def test_documented_equipment_keeps_its_method_scope(sentence: str, what: str) -> None:
    frame = _frame(sentence, what)
    assert frame is not None and frame.scope == "method:documented"


@pytest.mark.parametrize(
    ("thing", "deaths"),
    [
        ("auto:death+personnel", True),
        ("auto:death+personnel@north_korea", True),
        ("auto:loss+personnel", False),
        ("auto:destruction+equipment", False),
        ("ru_personnel_losses", False),
        ("auto:deathly", False),
    ],
)
def test_counts_deaths_reads_the_concepts(thing: str, deaths: bool) -> None:
    assert counts_deaths(thing) is deaths


# --- the sentence before, in one paragraph -------------------------------------------------


@pytest.mark.parametrize(
    ("text", "figure", "expected"),
    [
        ("North Korean units fought hard. About 3,000 men died.", "3,000",
         "North Korean units fought hard"),
        ("Северокорейские части несли потери. Около 3 000 человек погибли.", "3 000",
         "Северокорейские части несли потери"),
        ("Північнокорейські частини зазнали втрат. Близько 3 000 людей загинули.", "3 000",
         "Північнокорейські частини зазнали втрат"),
        ("Nordkoreanische Einheiten kämpften. Etwa 3000 Männer starben.", "3000",
         "Nordkoreanische Einheiten kämpften"),
        # near misses: a new paragraph, or no sentence before
        ("North Korean units fought hard.\nAbout 3,000 men died.", "3,000", ""),
        ("About 3,000 men died.", "3,000", ""),
    ],
)
def test_sentence_before_stays_in_the_paragraph(text: str, figure: str, expected: str) -> None:
    start = text.index(figure)
    assert sentence_before(text, start, start + len(figure)).strip() == expected


@pytest.mark.parametrize(
    ("what", "before", "actor"),
    [
        ("men died", "North Korean units fought hard", "north_korea"),
        ("человек погибли", "Северокорейские части несли потери", "north_korea"),
        ("людей загинули", "Північнокорейські частини зазнали втрат", "north_korea"),
        ("Männer starben", "Nordkoreanische Einheiten kämpften", "north_korea"),
        # near misses: no actor before; the reporting side named before; own actor wins
        ("men died", "The fighting was hard", "russia"),
        ("men died", "Ukraine's staff published its report", "russia"),
        ("Belarusian men died", "North Korean units fought hard", "belarus"),
    ],
)
def test_an_events_actor_from_the_sentence_before(what: str, before: str, actor: str) -> None:
    found = thing_of(what, "", (), "count", before)
    assert found is not None and found[1] == actor


def test_an_entity_alone_takes_no_actor_from_before() -> None:
    """Tanks are no event: the actor of the sentence before is not read for them."""
    found = thing_of("tanks", "", (), "count", "North Korean units fought hard")
    assert found is None or found[1] != "north_korea"


# --- one value, two named things: no relay -----------------------------------------------

_AIR = Metric(name="air_defence", terms={"en": ("air defence systems",), "ru": ("пво",),
                                         "uk": ("ппо",), "de": ("flugabwehrsysteme",)})
_MLRS = Metric(name="mlrs", terms={"en": ("rocket launchers",), "ru": ("рсзо",),
                                   "uk": ("рсзв",), "de": ("raketenwerfer",)})
_MEN = Metric(name="men", terms={"en": ("occupiers",), "ru": ("оккупантов",),
                                 "uk": ("окупантів",), "de": ("besatzer",)})
_ART = Metric(name="artillery", terms={"en": ("artillery",), "ru": ("артсистем",),
                                       "uk": ("артсистем",), "de": ("artillerie",)})


def _relay(what_a: str, what_b: str, metrics: list[Metric]) -> tuple[object, object]:
    a = replace(_BASE, doc_id="a", text="17", value=17, what=what_a, period_from="2024-08",
                published="2024-09-01", start=0, end=2)
    b = replace(a, doc_id="b", what=what_b, published="2024-09-02")
    la, lb = link_figures([(a, "17"), (b, "17")], metrics, lambda _o: None)
    return la.claim, lb.claim


@pytest.mark.parametrize(
    ("what_a", "what_b"),
    [
        ("air defence systems", "rocket launchers"),
        ("систем ПВО", "РСЗО"),
        ("засобів ППО", "РСЗВ"),
        ("Flugabwehrsysteme", "Raketenwerfer"),
    ],
)
def test_one_value_of_two_named_metrics_is_two_statements(what_a: str, what_b: str) -> None:
    claim_a, claim_b = _relay(what_a, what_b, [_AIR, _MLRS])
    assert claim_a != claim_b


@pytest.mark.parametrize(
    ("what_a", "what_b"),
    [
        ("occupiers", "occupiers and destroyed artillery"),
        ("оккупантов", "оккупантов и уничтожили артсистем"),
        ("окупантів", "окупантів і знищили артсистем"),
        ("Besatzer", "Besatzer und zerstörte Artillerie"),
        # one of them names no metric: relays of one unnamed thing still join
        ("air defence systems", "units"),
    ],
)
def test_a_what_naming_both_things_may_relay_either(what_a: str, what_b: str) -> None:
    claim_a, claim_b = _relay(what_a, what_b, [_MEN, _ART, _AIR])
    assert claim_a == claim_b


@pytest.mark.parametrize(
    ("what", "names"),
    [
        ("окупантів і знищили артсистем", {"men", "artillery"}),
        ("air defence systems", {"air_defence"}),
        ("Raketenwerfer", {"mlrs"}),
        ("", set()),
        ("weather stations", set()),
    ],
)
def test_metrics_named_lists_every_metric_a_what_names(what: str, names: set[str]) -> None:
    assert metrics_named(what, [_MEN, _ART, _AIR, _MLRS]) == names


# --- suspended sentences: a concept of their own -----------------------------------------


@pytest.mark.parametrize(
    "what",
    [
        "of those convicted receive suspended sentences",
        "of the soldiers tried were given suspended terms",
        "из осуждённых получили условный срок",
        "военных были условно осуждены",
        "засуджених отримали умовний термін",
        "військових умовно засуджено",
        "der Verurteilten erhielten Bewährungsstrafen",
        "der Soldaten kamen mit Bewährung davon",
    ],
)
def test_a_share_of_suspended_sentences_is_its_own_thing(what: str) -> None:
    found = thing_of(what, "", (), "ratio")
    assert found is not None and found[0] == frozenset({"suspended"})


@pytest.mark.parametrize(
    "what",
    [
        "of the talks were suspended",
        "приговоров были отменены",
        "рейсів було призупинено",
        "der Flüge wurden ausgesetzt",
    ],
)
def test_other_suspensions_are_no_suspended_sentence(what: str) -> None:
    found = thing_of(what, "", (), "ratio")
    assert found is None or "suspended" not in found[0]


# --- one source's share relayed on one day in other words is one statement ----------------


def _share(doc: str, text: str, value: float, what: str, published: str = "2024-03-20",
           source: str = "Court Watch", kind: str = "ratio") -> ClaimRow:
    return replace(_BASE, doc_id=doc, text=text, value=value, kind=kind, what=what,
                   start=0, end=len(text), published=published, sources=(source,),
                   canonical_sources=(source,))


@pytest.mark.parametrize(
    ("what_a", "what_b"),
    [
        ("of those convicted receive suspended sentences",
         "of the sentences were suspended sentences"),
        ("осуждённых получили условный срок", "приговоров — условный срок"),
        ("засуджених отримали умовний термін", "вироків — умовний строк"),
        ("der Verurteilten erhielten Bewährung", "der Urteile lauteten auf Bewährung"),
    ],
)
def test_a_share_told_two_ways_on_one_day_is_one_claim_in_conflict(
        what_a: str, what_b: str) -> None:
    a = _share("a", "a third", 1 / 3, what_a)
    b = _share("b", "half", 0.5, what_b)
    la, lb = link_figures([(a, a.text), (b, b.text)], NO_METRICS, lambda _o: None)
    assert la.claim == lb.claim and la.conflict and lb.conflict


@pytest.mark.parametrize(
    "changes",
    [
        {"published": "2024-05-02"},  # another day: a later statement
        {"source": "Other Watch"},  # another source: its own statement
        {"kind": "count"},  # counts of one day differ without being versions of one share
    ],
)
def test_shares_of_other_days_sources_or_counts_stay_apart(changes: dict[str, str]) -> None:
    what = "of those convicted receive suspended sentences"
    kind = changes.get("kind", "ratio")
    a = _share("a", "a third", 1 / 3, what, kind=kind)
    b = _share("b", "half", 0.5, what, **changes)  # type: ignore[arg-type]
    la, lb = link_figures([(a, a.text), (b, b.text)], NO_METRICS, lambda _o: None)
    assert la.claim != lb.claim and not la.conflict


# --- a documented count of people is a count of the dead ------------------------------------


@pytest.mark.parametrize(
    ("sentence", "what", "thing"),
    [
        ("Reporters identified by name 61,000 Russian soldiers.", "Russian soldiers",
         "auto:death+personnel"),
        ("Журналисты установили имена 61 000 российских военных.", "российских военных",
         "auto:death+personnel"),
        ("Журналісти встановили імена 61 000 російських військових.", "російських військових",
         "auto:death+personnel"),
        ("Namentlich bekannt sind 61.000 russische Soldaten.", "russische Soldaten",
         "auto:death+personnel"),
        ("Obituaries name 900 North Korean soldiers.", "North Korean soldiers",
         "auto:death+personnel@north_korea"),
    ],
)
def test_a_documented_count_of_people_counts_the_dead(sentence: str, what: str,
                                                       thing: str) -> None:
    frame = _frame(sentence, what)
    assert frame is not None and frame.thing == thing and "method:" not in frame.scope


@pytest.mark.parametrize(
    ("sentence", "what"),
    [
        ("The army has 61,000 Russian soldiers in the area.", "Russian soldiers"),
        ("В районе находятся 61 000 российских военных.", "российских военных"),
        ("Russia is visually confirmed to have lost 3,900 tanks and their crews.", "tanks"),
        ("Визуально подтверждена потеря 3 900 единиц техники.", "единиц техники"),
    ],
)
def test_other_counts_of_people_or_documented_kit_are_no_deaths(sentence: str,
                                                                 what: str) -> None:
    frame = _frame(sentence, what)
    assert frame is not None and not counts_deaths(frame.thing)


# --- a court count citing another article of the code than AWOL's ---------------------------


@pytest.mark.parametrize(
    ("words", "offence"),
    [
        ("cases under Art. 338 of the Criminal Code", "desertion"),
        ("дел по статье 338 УК", "desertion"),
        ("справ за статтею 338 КК", "desertion"),
        ("Fälle nach Artikel 338 des Strafgesetzbuchs", "desertion"),
        ("cases under Article 332 (refusing orders)", "refusal"),
        # near misses: AWOL's own article, two articles, none, an unknown number
        ("cases under Art. 337 of the Criminal Code", ""),
        ("cases under Art. 337 and Art. 338", ""),
        ("cases of desertion", ""),
        ("artillery 152 mm", ""),
    ],
)
def test_article_offence_reads_one_cited_article(words: str, offence: str) -> None:
    assert article_offence(words) == offence


def test_a_metric_count_citing_the_desertion_article_is_a_facet_of_its_own() -> None:
    awol = Metric(name="court_cases", terms={"en": ("cases",)})
    sentence = "Courts received 17 cases under Art. 338 of the Criminal Code."
    spans = [m.span() for m in _NUMBER.finditer(sentence)]
    start, end = spans[0]
    c = replace(_BASE, start=start, end=end, text="17", value=17, what="cases",
                metric="court_cases")
    frame = frame_of(c, clause_of(sentence, start, end, spans), [awol],
                     list_clause_of(sentence, start, end, spans), False,
                     "cases under Art. 338 of the Criminal Code")
    assert frame is not None and frame.scope == "facet:desertion"
    plain = frame_of(c, "Courts received 17 cases.", [awol], None, False, "cases")
    assert plain is not None and plain.scope == ""


# --- one week's count ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "aggregation"),
    [
        ("Russia lost 9,000 soldiers within a week.", "per:week"),
        ("Россия потеряла 9 000 военных за неделю.", "per:week"),
        ("Росія втратила 9 000 військових за тиждень.", "per:week"),
        ("Russland verlor 9.000 Soldaten in einer Woche.", "per:week"),
        # near misses: a running total reported last week; a weekend
        ("Last week the staff put the toll at 9,000 soldiers.", "total"),
        ("Over the weekend 9,000 soldiers were counted.", "total"),
    ],
)
def test_a_weeks_count_is_a_figure_for_one_week(sentence: str, aggregation: str) -> None:
    frame = _frame(sentence, "soldiers killed")
    assert frame is not None and frame.aggregation == aggregation


@pytest.mark.parametrize(
    ("text", "figure", "nxt"),
    [
        ("Since the invasion the enemy lost 512 300 people and 7 120 tanks.", "512 300", "7 120"),
        ("Загалом ворог втратив 512 300 осіб та 7 120 танків.", "512 300", "7 120"),
        ("Всего противник потерял 512 300 человек и 7 120 танков.", "512 300", "7 120"),
        ("Insgesamt verlor der Gegner 512.300 Menschen und 7.120 Panzer.", "512.300", "7.120"),
    ],
)
def test_the_next_figure_of_a_sentence_ends_a_figures_clause(
    text: str, figure: str, nxt: str
) -> None:
    a, b = text.index(figure), text.index(nxt)
    spans = [(a, a + len(figure)), (b, b + len(nxt))]
    clause = clause_of(text, a, a + len(figure), spans)
    assert figure in clause and nxt not in clause
    # the last item keeps the words before it up to the clause's start
    assert nxt in clause_of(text, b, b + len(nxt), spans)
