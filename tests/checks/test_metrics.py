"""Metric definitions: the bundled file, user files, and matching a figure's what to a metric."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from claimledger.checks.metrics import (
    Metric,
    assign_metric,
    figure_context,
    load_metrics,
    merge_metrics,
    stem,
    what_key,
)
from claimledger.errors import ConfigError

PERSONNEL = "ru_personnel_losses"
AWOL = "ru_military_court_awol_cases"


@pytest.fixture(scope="module")
def bundled() -> list[Metric]:
    return load_metrics()


def test_bundled_metrics_load_with_terms_in_every_language(bundled: list[Metric]) -> None:
    names = {m.name for m in bundled}
    assert {PERSONNEL, AWOL, "ru_tank_losses", "ru_artillery_losses", "ru_drone_losses"} <= names
    for m in bundled:
        assert set(m.terms) == {"en", "ru", "uk", "de"}, m.name
    by_name = {m.name: m for m in bundled}
    assert by_name[PERSONNEL].cumulative is True
    assert by_name[AWOL].cumulative is False


@pytest.mark.parametrize(
    ("what", "expected"),
    [
        ("personnel", PERSONNEL),
        ("Russian personnel losses", PERSONNEL),
        ("the total number of Russian troops killed or wounded", PERSONNEL),
        ("особового складу", PERSONNEL),
        ("особовий склад противника", PERSONNEL),
        ("личного состава", PERSONNEL),
        ("russische Soldaten", PERSONNEL),
        (
            "cases of service personnel absent without leave (AWOL), desertion or refused orders",
            AWOL,
        ),
        ("дела о самовольном оставлении части", AWOL),
        ("самовольное оставление части", AWOL),
        ("tanks", "ru_tank_losses"),
        ("танків", "ru_tank_losses"),
        ("Panzer", "ru_tank_losses"),
        ("fuel tanks", "ru_vehicle_losses"),
        ("armoured personnel carriers", "ru_apc_losses"),
        ("artillery systems", "ru_artillery_losses"),
        ("артилерійських систем", "ru_artillery_losses"),
        ("UAVs of operational-tactical level", "ru_drone_losses"),
        ("Drohnen", "ru_drone_losses"),
        ("civilian casualties", None),
        ("bridges", None),
        ("", None),
    ],
)
def test_assign_metric_matches_words_across_languages(
    bundled: list[Metric], what: str, expected: str | None
) -> None:
    assert assign_metric(what, "count", None, bundled) == expected


def test_assign_metric_requires_kind_and_unit_to_agree(bundled: list[Metric]) -> None:
    assert assign_metric("Russian personnel losses", "percent", None, bundled) is None
    assert assign_metric("tanks", "count", "t", bundled) is None
    assert assign_metric(None, "count", None, bundled) is None


def test_longer_term_wins_and_ties_go_to_the_first_metric() -> None:
    short = Metric("short", {"en": ("losses",)})
    long = Metric("long", {"en": ("tank losses",)})
    assert assign_metric("russian tank losses", "count", None, [short, long]) == "long"
    other = Metric("other", {"en": ("losses",)})
    assert assign_metric("losses", "count", None, [short, other]) == "short"
    assert assign_metric("losses", "count", None, [other, short]) == "other"


def test_exclusions_veto_a_match() -> None:
    m = Metric("troops", {"en": ("troops",)}, exclude={"en": ("ukrainian",)})
    assert assign_metric("russian troops", "count", None, [m]) == "troops"
    assert assign_metric("Ukrainian troops", "count", None, [m]) is None


def test_stems_join_singular_plural_and_cases() -> None:
    assert stem("soldiers") == stem("soldier")
    assert stem("drones") == stem("drone")
    assert stem("особового") == stem("особовий")
    assert stem("танків") == stem("танки")
    assert stem("drohnen") == stem("drohne")
    assert stem("loss") == "loss" and stem("2024") == "2024"


def test_what_key_ignores_order_case_and_stop_words() -> None:
    assert what_key("The total number of Russian personnel losses") == what_key(
        "losses of russian personnel"
    )
    assert what_key(None) == () and what_key("of the") == ()


def write(tmp_path: Path, data: object) -> str:
    path = tmp_path / "metrics.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return str(path)


def test_user_file_adds_and_replaces_metrics(tmp_path: Path, bundled: list[Metric]) -> None:
    path = write(
        tmp_path,
        {
            "metrics": [
                {"name": "bridges", "terms": {"en": ["bridges"], "uk": ["мостів"]}},
                {"name": PERSONNEL, "terms": {"en": ["manpower"]}, "cumulative": False},
            ]
        },
    )
    metrics = load_metrics(path)
    names = [m.name for m in metrics]
    assert names[: len(bundled)] == [m.name for m in bundled] and names[-1] == "bridges"
    replaced = next(m for m in metrics if m.name == PERSONNEL)
    assert replaced.terms == {"en": ("manpower",)} and replaced.cumulative is False
    assert assign_metric("зруйнованих мостів", "count", None, metrics) == "bridges"


def test_user_file_may_be_a_bare_list(tmp_path: Path) -> None:
    path = write(tmp_path, [{"name": "x", "terms": {"de": ["Brücken"]}, "kind": "count"}])
    assert load_metrics(path)[-1].name == "x"


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        ({"metric": []}, "expected"),
        ([{"terms": {"en": ["x"]}}], "needs a name"),
        ([{"name": "a b", "terms": {"en": ["x"]}}], "needs a name"),
        ([{"name": "a", "terms": {"fr": ["x"]}}], "unknown language 'fr'"),
        ([{"name": "a", "terms": {"en": "x"}}], "list of non-empty strings"),
        ([{"name": "a", "terms": {"en": ["the"]}}], "no usable terms"),
        ([{"name": "a", "terms": {"en": ["x"]}, "kind": "people"}], "kind 'people'"),
        ([{"name": "a", "terms": {"en": ["x"]}, "cumulative": "yes"}], "true or false"),
        ([{"name": "a", "terms": {"en": ["x"]}, "colour": 1}], "unknown field"),
        ([{"name": "a", "terms": {"en": ["x"]}}] * 2, "defined twice"),
    ],
)
def test_bad_user_file_raises_config_error_naming_the_file(
    tmp_path: Path, data: object, reason: str
) -> None:
    path = write(tmp_path, data)
    with pytest.raises(ConfigError, match=reason) as info:
        load_metrics(path)
    assert info.value.source == path


def test_unreadable_or_invalid_json_user_file(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="cannot read"):
        load_metrics(str(tmp_path / "missing.json"))
    bad = tmp_path / "bad.json"
    bad.write_text("{", encoding="utf-8")
    with pytest.raises(ConfigError, match="not valid JSON"):
        load_metrics(str(bad))


def test_merge_metrics_keeps_order() -> None:
    a, b, b2 = Metric("a"), Metric("b"), Metric("b", cumulative=True)
    assert merge_metrics([a, b], [b2, Metric("c")]) == [a, b2, Metric("c")]


def test_required_context_keeps_army_size_out_of_loss_metrics() -> None:
    bundled = load_metrics()
    size = "The army plans to grow to 1.5 million personnel by next year."
    loss = "Russia has lost about 700,000 personnel since the invasion began, Kyiv says."
    assert assign_metric("personnel", "count", None, bundled, figure_context(size, 26, 37)) is None
    assert (
        assign_metric("personnel", "count", None, bundled, figure_context(loss, 27, 34))
        == PERSONNEL
    )


def test_figure_context_is_the_sentence_around_the_figure() -> None:
    text = "First sentence here. Losses reached 5,000 men. Another one follows."
    start = text.index("5,000")
    assert figure_context(text, start, start + 5) == " Losses reached 5,000 men"


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("planes", "plane", True),
        ("plans", "planes", False),  # recruitment plans are no aircraft
        ("drones", "drone", True),
        ("missiles", "missile", True),
        ("boxes", "box", True),
        ("vehicles", "vehicle", True),
        ("Drohnen", "Drohne", True),
        ("Fälle", "Fall", False),
        ("cases", "case", True),
        ("cases", "casualties", False),  # "cases" must not veto "casualties"
    ],
)
def test_english_plurals_and_silent_e_stem_apart_from_other_words(
    a: str, b: str, same: bool
) -> None:
    from claimledger.checks.metrics import stem

    assert (stem(a.casefold()) == stem(b.casefold())) is same
