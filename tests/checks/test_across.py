"""Across reports (checks.across and the frames, precision and provenance it builds on): frames,
relays as one claim, conflicts beyond written precision."""

from __future__ import annotations

import json
import math
from dataclasses import replace

import pytest

from claimledger.checks.across import link_figures
from claimledger.checks.across_export import export_linked_claims
from claimledger.checks.frames import clause_of, facet_of, frame_of, list_clause_of
from claimledger.checks.metrics import Metric
from claimledger.checks.precision import (
    one_slip,
    relay_interval,
    significant_digits,
    written_interval,
)
from claimledger.checks.provenance import dateline, syndicated, url_date
from claimledger.store.base import ClaimRow

_BASE = ClaimRow(
    doc_id="r1", index=0, start=0, end=3, text="684", value=684, value_high=None, kind="count",
    unit=None, approx="exact", change=False, what="soldiers sentenced for desertion",
    period_from="2024-03", period_to="2024-03", sources=("Mediazona",),
    canonical_sources=("Mediazona",), metric=None, outlet="a.example", published="2024-04-20",
    url=None, title=None,
)
NO_METRICS: list[Metric] = []


def claim(**changes: object) -> ClaimRow:
    return replace(_BASE, **changes)  # type: ignore[arg-type]


def link(*claims: ClaimRow, text: str = "") -> list:
    return link_figures(((c, text or c.text) for c in claims), NO_METRICS, lambda _o: None)


# --- the interval a written figure stands for (ACROSS.md) ---------------------------------


@pytest.mark.parametrize(
    ("text", "value", "approx", "lo", "hi"),
    [
        ("684", 684, "exact", 683.5, 684.5),
        ("7,400", 7400, "exact", 7350, 7450),
        ("4,000", 4000, "exact", 3500, 4500),
        ("88.4", 88.4, "exact", 88.35, 88.45),
        ("1,000", 1000, "about", 500, 1500),
        ("7 400", 7400, "exact", 7350, 7450),
        ("півтори тисячі", 1500, "exact", 1250, 1750),
    ],
)
def test_written_interval_follows_the_written_digits(
    text: str, value: float, approx: str, lo: float, hi: float
) -> None:
    got = written_interval(claim(text=text, value=value, approx=approx))
    assert got == pytest.approx((lo, hi))


def test_open_qualifiers_open_the_interval() -> None:
    assert written_interval(claim(text="1,000", value=1000, approx="over"))[1] == math.inf
    assert written_interval(claim(text="10", value=10, approx="at_most"))[0] == -math.inf
    assert written_interval(claim(text="10-15", value=10, value_high=15)) == (10, 15)


@pytest.mark.parametrize(
    ("text", "value", "digits"),
    [("7,400", 7400, 2), ("496", 496, 3), ("20,538", 20538, 5), ("88.4", 88.4, 3), ("64", 64, 2)],
)
def test_significant_digits(text: str, value: float, digits: int) -> None:
    assert significant_digits(claim(text=text, value=value)) == digits


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://news.example/2024/04/25/losses-update", "2024-04-25"),
        ("https://news.example/world/2023-11-02-report.html", "2023-11-02"),
        ("https://news.example/archive/20250117/story", "2025-01-17"),
        ("https://news.example/2024/04/story", "2024-04"),
        ("https://news.example/story-14997.html", None),
        ("https://news.example/2024/13/45/x", None),
        (None, None),
    ],
)
def test_url_date(url: str | None, expected: str | None) -> None:
    assert url_date(url) == expected


# --- frames --------------------------------------------------------------------------------


def test_a_days_increment_and_the_running_total_are_two_series() -> None:
    text = "Since February 2022 Russia has lost 450,000 soldiers, including 1,100 in the past day."
    total = claim(text="450,000", value=450000, start=36, end=43, what="soldiers",
                  period_from="2022-02", period_to=None)
    day = claim(text="1,100", value=1100, start=65, end=70, index=1, what="soldiers",
                period_from=None, period_to=None)
    spans = [(36, 43), (65, 70)]
    f_total = frame_of(total, clause_of(text, 36, 43, spans), NO_METRICS)
    f_day = frame_of(day, clause_of(text, 65, 70, spans), NO_METRICS)
    assert f_total is not None and f_day is not None
    assert f_total.aggregation == "since:2022-02"
    assert f_day.aggregation == "increment"
    assert f_total.key != f_day.key


@pytest.mark.parametrize(
    "sentence",
    [
        "За добу росіяни втратили 1 200 військових.",
        "За минувшие сутки армия потеряла 1 200 военных.",
        "Am vergangenen Tag verlor Russland 1.200 Soldaten.",
        "Russia lost 1,200 soldiers over the past day.",
    ],
)
def test_a_per_day_cue_in_any_language_makes_an_increment(sentence: str) -> None:
    start = sentence.index("1")
    c = claim(text="1 200", value=1200, start=start, end=start + 5, what="soldiers",
              period_from=None, period_to=None)
    frame = frame_of(c, clause_of(sentence, start, start + 5), NO_METRICS)
    assert frame is not None and frame.aggregation == "increment"


def test_a_per_day_cue_after_another_list_item_does_not_frame_a_total() -> None:
    text = "Втрати техніки:\n- танки — 9 100 (+7 за минулу добу);"
    start = text.index("9 100")
    inc = text.index("+7")
    c = claim(text="9 100", value=9100, start=start, end=start + 5, what="танки",
              period_from=None, period_to=None)
    clause = clause_of(text, start, start + 5, [(start, start + 5), (inc, inc + 2)])
    frame = frame_of(c, clause, NO_METRICS)
    assert frame is not None and frame.aggregation == "total"


def test_a_region_in_what_is_a_scope() -> None:
    c = claim(what="cases in the Moscow region", period_from="2022-09", period_to=None)
    frame = frame_of(c, "", NO_METRICS)
    assert frame is not None and frame.scope == "region:moscow"


def test_a_running_totals_start_is_part_of_its_series() -> None:
    a = frame_of(claim(what="desertion cases", period_from="2022-09", period_to=None), "",
                 NO_METRICS)
    b = frame_of(claim(what="desertion cases", period_from="2023-01", period_to=None), "",
                 NO_METRICS)
    assert a is not None and b is not None and a.key != b.key


def test_a_metric_names_the_thing_across_languages() -> None:
    desertion = Metric(name="desertion_convictions", terms={
        "en": ("convicted of desertion",), "uk": ("засуджених за дезертирство",)})
    en = frame_of(claim(what="soldiers convicted of desertion"), "", [desertion])
    uk = frame_of(claim(what="військових, засуджених за дезертирство"), "", [desertion])
    assert en is not None and uk is not None
    assert en.thing == uk.thing == "desertion_convictions"


# --- claims and conflicts ------------------------------------------------------------------


def test_relays_in_three_languages_are_one_claim() -> None:
    en = claim(doc_id="en1", what="soldiers sentenced for desertion")
    uk = claim(doc_id="uk1", text="684", what="військових засуджено за дезертирство",
               sources=("Медіазона",), canonical_sources=("Mediazona",))
    de = claim(doc_id="de1", text="684", what="Soldaten wegen Desertion verurteilt",
               sources=("Mediasona",), canonical_sources=("Mediazona",))
    links = link(en, uk, de)
    assert len({ln.claim for ln in links}) == 1
    assert len({ln.series for ln in links}) == 1
    assert not any(ln.conflict for ln in links)


def test_a_wrong_figure_for_the_same_month_is_a_conflict() -> None:
    right = [claim(doc_id=f"ok{i}") for i in range(3)]
    wrong = [claim(doc_id=f"bad{i}", text="64", value=64) for i in range(2)]
    links = link(*right, *wrong)
    assert len({ln.claim for ln in links}) == 1
    assert all(ln.conflict for ln in links)


def test_rounding_in_a_relay_is_no_conflict() -> None:
    exact = claim(doc_id="a", text="20,538", value=20538, what="cases of desertion",
                  period_from="2022-02", period_to="2025-05")
    rounded = claim(doc_id="b", text="20,000", value=20000, approx="over",
                    what="cases of desertion", period_from="2022-02", period_to="2025-05")
    links = link(exact, rounded)
    assert links[0].claim == links[1].claim
    assert not any(ln.conflict for ln in links)


def test_different_sources_for_the_same_month_are_different_claims() -> None:
    a = claim(doc_id="a", text="684", value=684)
    b = claim(doc_id="b", text="510", value=510, sources=("Ministry of Justice",),
              canonical_sources=("Ministry of Justice",))
    links = link(a, b)
    assert links[0].claim != links[1].claim
    assert not any(ln.conflict for ln in links)


def test_one_reports_breakdown_is_not_a_conflict() -> None:
    a = claim(doc_id="a", text="700", value=700, what="sentences for desertion")
    b = claim(doc_id="a", index=1, text="684", value=684, what="sentences for desertion")
    assert not any(ln.conflict for ln in link(a, b))


def test_successive_running_totals_are_separate_claims_of_one_series() -> None:
    days = [
        claim(doc_id=f"d{n}", text=f"{v:,}", value=v, what="tanks destroyed",
              period_from="2022-02-24", period_to=None, published=day)
        for n, (v, day) in enumerate([(9100, "2024-10-27"), (9400, "2024-11-23")])
    ]
    links = link(*days)
    assert links[0].series == links[1].series
    assert links[0].claim != links[1].claim
    assert not any(ln.conflict for ln in links)


def test_a_relay_dated_long_after_is_another_claim() -> None:
    early = claim(doc_id="a", text="471", value=471, period_from=None, period_to=None,
                  published="2023-03-21")
    late = claim(doc_id="b", text="471", value=471, period_from=None, period_to=None,
                 published="2024-09-01")
    links = link(early, late)
    assert links[0].claim != links[1].claim


def test_the_outlets_own_figure_is_attributed_to_the_outlet() -> None:
    own = claim(sources=(), canonical_sources=(), outlet="zona.media")
    links = link_figures([(own, "")], NO_METRICS, lambda o: "Mediazona" if o else None)
    assert links[0].original_source == "Mediazona"
    bare = link(own)
    assert bare[0].original_source == "zona.media"


def test_as_of_falls_back_to_the_url_date() -> None:
    c = claim(period_from=None, period_to=None, published=None,
              url="https://news.example/2024/04/25/story")
    (ln,) = link(c)
    assert (ln.as_of, ln.dated_by) == ("2024-04-25", "url")


def test_links_are_deterministic_whatever_the_order() -> None:
    figures = [claim(doc_id=f"x{i}", text="684" if i % 3 else "64", value=684 if i % 3 else 64)
               for i in range(7)]
    forward = {(ln.doc_id, ln.claim, ln.conflict) for ln in link(*figures)}
    backward = {(ln.doc_id, ln.claim, ln.conflict) for ln in link(*reversed(figures))}
    assert forward == backward


# --- through the pipeline and the ledger ---------------------------------------------------

REPORTS = [
    ("en", "https://one.example/2024/04/20/desertion",
     "According to Mediazona, Russian military courts sentenced 684 soldiers for desertion in "
     "March 2024, a monthly record."),
    ("uk", "https://two.example/2024/04/21/dezertyry",
     "За даними Медіазони, у березні 2024 року військові суди РФ засудили 684 військових за "
     "дезертирство."),
    ("de", "https://three.example/2024/04/22/desertion",
     "Laut Mediazona wurden im März 2024 rund 64 Soldaten wegen Desertion verurteilt."),
]


def test_export_flags_the_conflicting_relay(tmp_path: pytest.TempPathFactory) -> None:
    from claimledger.api import analyze
    from claimledger.store import open_ledger

    ledger = open_ledger(str(tmp_path / "l.sqlite"))  # type: ignore[operator]
    try:
        for n, (lang, url, text) in enumerate(REPORTS):
            analysis = analyze(text, language=lang, url=url)
            doc = replace(analysis.document, id=f"r{n}")
            ledger.save(replace(analysis, document=doc))
        out = tmp_path / "claims.jsonl"  # type: ignore[operator]
        export_linked_claims(ledger, "jsonl", str(out))
    finally:
        ledger.close()
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    figures = {r["doc"]: r for r in rows if r["value"] in (684, 64)}
    assert set(figures) == {"r0", "r1", "r2"}
    assert {r["dated_by"] for r in figures.values()} <= {"period", "url"}
    assert all({"doc", "series", "claim", "conflict", "start", "end"} <= set(r) for r in rows)


@pytest.mark.parametrize(
    ("a", "b", "slip"),
    [
        ("684", "64", True),  # a digit dropped
        ("20538", "20583", True),  # neighbours swapped
        ("7400", "7500", True),  # one digit changed
        ("471", "14", False),  # two digits apart: another figure
        ("5", "6", False),  # one digit is no evidence
        ("1130", "1500", False),
        ("684", "684", False),
    ],
)
def test_one_slip(a: str, b: str, slip: bool) -> None:
    assert one_slip(a, b) is slip


def test_figures_of_one_month_that_are_no_slip_of_each_other_are_two_statements() -> None:
    cases = claim(doc_id="a", text="471", value=471, what="desertion cases")
    people = claim(doc_id="b", text="14", value=14, what="people accused of desertion")
    links = link(cases, people)
    assert links[0].claim != links[1].claim
    assert not any(ln.conflict for ln in links)


def test_numbers_in_words_do_not_chain_different_days_into_one_claim() -> None:
    days = [
        claim(doc_id="a", text="1130", value=1130, change=True, period_from=None,
              period_to=None, published="2024-10-02", what="soldiers lost"),
        claim(doc_id="b", text="тисячу", value=1000, change=True, period_from=None,
              period_to=None, published="2024-10-02", what="солдатів втратили"),
        claim(doc_id="c", text="1420", value=1420, change=True, period_from=None,
              period_to=None, published="2024-11-23", what="soldiers lost"),
    ]
    links = link(*days)
    assert links[0].claim != links[2].claim
    assert not any(ln.conflict for ln in links)


STORY = (
    "Russian military courts handed down 684 sentences for desertion in March 2024, the "
    "highest monthly figure so far, and 1,053 cases reached the courts since January 2023. "
    "Lawyers say the courts now process such cases within weeks."
)


def test_a_syndicated_copy_is_one_voice_with_its_original() -> None:
    original = [claim(doc_id="orig", text="684", value=684, sources=(), canonical_sources=(),
                      outlet="wire.example", published="2024-04-20"),
                claim(doc_id="orig", index=1, text="1,053", value=1053, sources=(),
                      canonical_sources=(), outlet="wire.example", published="2024-04-20")]
    copy = [replace(c, doc_id="copy", outlet="mirror.example", published="2024-04-21")
            for c in original]
    texts = {"orig": STORY, "copy": STORY + " Reprinted with permission."}
    links = link_figures([(c, texts[c.doc_id]) for c in original + copy], NO_METRICS,
                         lambda _o: None)
    assert {ln.original_source for ln in links} == {"wire.example"}
    assert links[0].claim == links[2].claim


def test_one_outlets_template_is_not_a_copy() -> None:
    first = claim(doc_id="a", text="684", value=684, outlet="same.example")
    second = claim(doc_id="b", index=0, text="684", value=684, outlet="same.example")
    third = replace(second, index=1, text="1,053", value=1053)
    fourth = replace(first, index=1, text="1,053", value=1053)
    texts = {"a": STORY, "b": STORY}
    assert syndicated([first, second, third, fourth], texts,
                      {"a": "same.example", "b": "same.example"}) == {}
    assert syndicated([first, second, third, fourth], texts,
                      {"a": "one.example", "b": "two.example"}) == {"b": "a"}


def test_different_stories_sharing_two_figures_are_not_copies() -> None:
    a = [claim(doc_id="a", text="684", value=684), claim(doc_id="a", index=1, text="1,053",
                                                         value=1053)]
    b = [replace(c, doc_id="b", outlet="other.example") for c in a]
    texts = {"a": STORY, "b": "Ein ganz anderer Bericht: 684 Urteile, 1.053 Verfahren, "
                                "und viele weitere Fragen zur Lage an der Front."}
    assert syndicated(a + b, texts, {"a": "a.example", "b": "other.example"}) == {}


def test_the_date_line_dates_a_report_without_another_date() -> None:
    from claimledger.model import TimeExpr

    times = [TimeExpr(start=10, end=24, text="April 25, 2024", value="2024-04-25"),
             TimeExpr(start=300, end=310, text="March 2024", value="2024-03")]
    assert dateline(times) == "2024-04-25"
    assert dateline([TimeExpr(start=400, end=414, text="April 25, 2024",
                              value="2024-04-25")]) is None
    assert dateline([TimeExpr(start=0, end=10, text="March 2024", value="2024-03")]) is None
    c = claim(period_from=None, period_to=None, published=None, url=None)
    (ln,) = link_figures([(c, "")], NO_METRICS, lambda _o: None, {"r1": "2024-04-25"})
    assert (ln.as_of, ln.dated_by) == ("2024-04-25", "dateline")


def test_one_days_small_increments_of_different_things_are_not_relays() -> None:
    tanks = Metric(name="tanks", terms={"en": ("tanks",), "uk": ("танки",)})
    kit = Metric(name="special_kit", terms={"en": ("special equipment",)})
    a = claim(doc_id="a", text="+4", value=4, change=True, what="танки", period_from=None,
              period_to=None, published=None, sources=("Генштаб",),
              canonical_sources=("General Staff",))
    b = replace(a, doc_id="b", what="special equipment")
    c = replace(a, doc_id="c", what="tanks", published="2024-10-02")
    d = replace(a, doc_id="d", what="tanks", published="2024-10-03")
    links = link_figures([(x, x.text) for x in (a, b, c, d)], [tanks, kit], lambda _o: None)
    assert links[0].series != links[1].series
    assert links[2].claim != links[3].claim  # the same +4 tanks on two days: two statements


@pytest.mark.parametrize(
    ("what", "facet"),
    [
        ("Russian tanks captured by Ukrainian forces", "captured"),
        ("танки, захоплені ЗСУ", "captured"),
        ("захваченные танки", "captured"),
        ("erbeutete Panzer", "captured"),
        ("tanks damaged", "damaged"),
        ("брошенные танки", "abandoned"),
        ("tanks lost", ""),
        ("tanks destroyed", ""),
    ],
)
def test_a_sub_count_of_a_tally_is_its_own_series(what: str, facet: str) -> None:
    assert facet_of(what) == facet
    total = frame_of(claim(what="tanks lost"), "", NO_METRICS)
    part = frame_of(claim(what=what), "", NO_METRICS)
    assert total is not None and part is not None
    if facet:
        assert part.scope.endswith(facet) and part.key != total.key


@pytest.mark.parametrize(
    "sentence",
    [
        "Минулої доби Сили оборони знищили 1 200 окупантів, шість танків, 17 артсистем.",
        "За прошедшие сутки армия потеряла 1 200 военных, шесть танков, 17 артсистем.",
        "Over the past day Russia lost 1,200 troops, six tanks, 17 artillery systems.",
    ],
)
def test_the_items_of_a_list_share_the_day_that_opens_it(sentence: str) -> None:
    import re

    spans = [m.span() for m in re.finditer(r"\d[\d ,]*\d|\d|шість|шесть|six", sentence)]
    start, end = spans[2]
    c = claim(text=sentence[start:end], value=17, start=start, end=end, what="artillery",
              period_from=None, period_to=None)
    frame = frame_of(c, clause_of(sentence, start, end, spans), NO_METRICS,
                     list_clause_of(sentence, start, end, spans))
    assert frame is not None and frame.aggregation == "increment"


def test_a_day_named_after_a_total_frames_only_what_follows() -> None:
    text = "Since 2022 Russia has lost 9,100 tanks, and 7 more over the past day."
    spans = [(27, 32), (44, 45)]
    total = claim(text="9,100", value=9100, start=27, end=32, what="tanks", period_from=None,
                  period_to=None)
    frame = frame_of(total, clause_of(text, 27, 32, spans), NO_METRICS,
                     list_clause_of(text, 27, 32, spans))
    assert frame is not None and frame.aggregation == "total"


def test_an_open_bound_is_relayed_only_as_a_plausible_rounding() -> None:
    over = claim(doc_id="a", text="6,000", value=6000, approx="over", what="North Korean troops",
                 period_from=None, period_to=None, published="2025-06-15")
    deployed = claim(doc_id="b", text="11,000", value=11000, what="North Korean troops",
                     period_from=None, period_to=None, published="2025-06-16")
    relayed = claim(doc_id="c", text="6,300", value=6300, what="North Korean troops",
                    period_from=None, period_to=None, published="2025-06-16")
    links = link(over, deployed, relayed)
    assert links[0].claim != links[1].claim
    assert links[0].claim == links[2].claim
    assert relay_interval(over) == (6000, 7000)
    assert not any(ln.conflict for ln in links)


def test_one_reports_title_and_text_figures_that_agree_are_one_statement() -> None:
    title = claim(doc_id="a", text="4,000", value=4000, what="tanks lost", period_from=None,
                  period_to=None, published=None)
    body = replace(title, index=1, text="3,947", value=3947)
    links = link(title, body)
    assert links[0].claim == links[1].claim and not any(ln.conflict for ln in links)


def test_relays_of_one_intelligence_update_citing_its_source_in_other_words_are_one_claim() -> None:
    named = claim(doc_id="a", sources=("UK Defence Intelligence", "Mediazona"),
                  canonical_sources=("UK Defence Intelligence", "Mediazona"))
    described = claim(doc_id="b",
                      sources=("British intelligence", "Russian opposition journalists"),
                      canonical_sources=("UK Defence Intelligence",
                                         "Russian opposition journalists"))
    other = claim(doc_id="c", text="684", sources=("Ministry of Justice",),
                  canonical_sources=("Ministry of Justice",), period_from=None, period_to=None,
                  published="2024-04-21")
    links = link(named, described, other)
    assert links[0].claim == links[1].claim
    assert links[2].claim != links[0].claim
