"""The series chart as an analyst reads it (issue 16): a legend that stays inside the drawing
however many sources there are, a y-axis label, undated figures counted and said, and titles
from the metric file's labels rather than internal keys."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from claimledger.api import metric_labels
from claimledger.checks.series import build_series
from claimledger.store.base import ClaimRow
from claimledger.web.svg import render_chart


def row(i: int, source: str, published: str | None, value: float) -> ClaimRow:
    return ClaimRow(
        doc_id=f"d{i}", index=0, start=0, end=3, text=str(value), value=value, value_high=None,
        kind="count", unit=None, approx="exact", change=False, what="crates unloaded at the pier",
        period_from=None, period_to=None, sources=(source,), canonical_sources=(source,),
        metric=None, outlet=f"Outlet {i}", published=published, url=None, title=None,
    )


def test_a_legend_of_many_sources_stays_inside_the_chart() -> None:
    names = [f"Harbour authority of district number {i}" for i in range(12)]
    claims = [row(i, n, f"2025-03-{i + 1:02d}", 100 + i) for i, n in enumerate(names)]
    (series,) = build_series(claims, metrics=[])
    svg = str(render_chart(series))
    found = re.search(r'<svg[^>]* height="(\d+)"', svg)
    assert found is not None
    height = float(found.group(1))
    legend = r'<g class="legend">.*?<text x="[\d.]+" y="([\d.]+)"'
    legend_ys = [float(y) for y in re.findall(legend, svg)]
    assert len(legend_ys) == 12
    assert max(legend_ys) < height  # no row drawn below the picture, over the text after it
    assert height > 320  # the drawing grew for the rows


def test_the_chart_labels_its_y_axis_and_counts_undated_figures() -> None:
    claims = [row(0, "Port office", "2025-03-01", 100), row(1, "Port office", "2025-03-05", 120),
              row(2, "Port office", None, 130)]
    (series,) = build_series(claims, metrics=[])
    svg = str(render_chart(series, label="Crates unloaded"))
    assert re.search(r'<text class="y-label"[^>]*>number</text>', svg)
    assert "1 undated figure not drawn" in svg
    assert "<title>Crates unloaded: 2 dated figures, 1 undated not drawn</title>" in svg
    assert svg.count('<circle class="pt') == 2


def test_metric_labels_are_words_not_keys() -> None:
    labels = metric_labels()
    assert labels  # the bundled metric file defines some
    for key, label in labels.items():
        assert label != key and "_" not in label, key


def test_a_metric_label_is_the_first_phrase_of_its_description(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    defs = {"metrics": [
        {"name": "port_crates", "description": "Crates unloaded at the port, daily totals",
         "terms": {"en": ["crates"]}},
        {"name": "port_ships", "description": "Ships at anchor (tankers, bulk carriers) waiting",
         "terms": {"en": ["ships"]}},
        {"name": "port_tugs", "description": "Tugboats in service as announced by the harbour",
         "terms": {"en": ["tugboats"]}},
        {"name": "port_cranes", "terms": {"en": ["cranes"]}},
    ]}
    path = tmp_path / "metrics.json"
    path.write_text(json.dumps(defs), encoding="utf-8")
    monkeypatch.setenv("CLAIMLEDGER_METRICS", str(path))
    labels = metric_labels()
    assert {k: v for k, v in labels.items() if k.startswith("port_")} == {
        "port_crates": "Crates unloaded at the port",
        "port_ships": "Ships at anchor",
        "port_tugs": "Tugboats in service",
        "port_cranes": "Port cranes",
    }
