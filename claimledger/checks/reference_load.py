"""Reference data: a dated series of values read from a file.

``load_reference`` reads CSV/TSV (a date column and value columns) or JSON: a list of objects
with a date field, an object holding such a list, or an object keyed by date. Nested objects are
flattened to dotted column names ("losses.personnel"); values may be numbers or numeric strings
("461,940", "about 461 940"); cells that are not numbers (a direction's name) are skipped.
``merge_references`` joins several files (equipment and personnel) into one series.
"""

from __future__ import annotations

import bisect
import csv
import io
import json
import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from ..errors import IngestError, ParseError

DATE_FIELDS = ("date", "day_date", "as_of", "asof", "datum", "дата", "time", "timestamp")
MAX_SNIFF_ROWS = 50  # rows looked at to find the date column of a file without a "date" header

_NUMBER = re.compile(r"^[^\d+\-]*([+\-−]?\d[\d\s\u00a0\u202f,.']*)[^\d]*$")
_DMY = re.compile(r"^(\d{1,2})[./](\d{1,2})[./](\d{4})$")
_YMD = re.compile(r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:$|[T ])")


@dataclass(frozen=True)
class ReferenceSeries:
    """Values by column and day, read from one file."""

    path: str
    dates: tuple[str, ...]  # every ISO day with a row, ascending
    columns: Mapping[str, Mapping[str, float]] = field(default_factory=dict, hash=False)

    @property
    def first(self) -> str | None:
        return self.dates[0] if self.dates else None

    @property
    def last(self) -> str | None:
        return self.dates[-1] if self.dates else None

    def value(self, column: str, day: str) -> float | None:
        """The value of ``column`` on the ISO ``day``, or None."""
        return self.columns.get(column, {}).get(day)

    def previous_date(self, day: str) -> str | None:
        """The latest row date before ``day``."""
        i = bisect.bisect_left(self.dates, day)
        return self.dates[i - 1] if i > 0 else None


def parse_number(raw: Any) -> float | None:
    """A number from a cell: 461940, "461,940", "461 940", "about 461940", "12.5"; else None."""
    if isinstance(raw, bool) or raw is None:
        return None
    if isinstance(raw, int | float):
        return float(raw) if math.isfinite(raw) else None
    if not isinstance(raw, str):
        return None
    m = _NUMBER.match(raw.strip())
    if not m:
        return None
    text = re.sub(r"[\s\u00a0\u202f']", "", m.group(1)).replace("−", "-")
    if "," in text and "." in text:  # the later one is the decimal mark
        dec = "." if text.rindex(".") > text.rindex(",") else ","
        text = text.replace("," if dec == "." else ".", "").replace(dec, ".")
    elif "," in text:  # 461,940 groups thousands; 12,5 is a decimal comma
        parts = text.split(",")
        grouped = all(len(p) == 3 for p in parts[1:])
        text = text.replace(",", "") if grouped else text.replace(",", ".")
    elif text.count(".") > 1:
        text = text.replace(".", "")
    try:
        value = float(text)
    except ValueError:
        return None
    return value if math.isfinite(value) else None


def parse_day(raw: Any) -> str | None:
    """An ISO day from "2024-04-24", "2024-04-24T06:00", "2024/4/24" or "24.04.2024"; else None."""
    if not isinstance(raw, str):
        return None
    text = raw.strip()
    m = _YMD.match(text)
    if m:
        y, mo, d = int(m.group(1)), int(m.group(2)), int(m.group(3))
    else:
        m = _DMY.match(text)
        if not m:
            return None
        d, mo, y = int(m.group(1)), int(m.group(2)), int(m.group(3))
    try:
        return date(y, mo, d).isoformat()
    except ValueError:
        return None


def _flatten(obj: Mapping[str, Any], prefix: str = "") -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in obj.items():
        name = f"{prefix}{key}"
        if isinstance(value, Mapping):
            out.update(_flatten(value, name + "."))
        else:
            out[name] = value
    return out


def _date_field(rows: Sequence[Mapping[str, Any]], path: str) -> str:
    """The field that holds each row's date: a known name, else the first that parses as one."""
    names = list(dict.fromkeys(k for r in rows[:MAX_SNIFF_ROWS] for k in r))
    for name in names:
        if name.strip().casefold() in DATE_FIELDS:
            return name
    sample = rows[:MAX_SNIFF_ROWS]
    for name in names:
        if all(parse_day(r.get(name)) for r in sample if r.get(name) not in (None, "")):
            if any(r.get(name) not in (None, "") for r in sample):
                return name
    raise ParseError(path, f"no date column found (fields: {', '.join(names[:12])})")


def _from_rows(rows: Sequence[Mapping[str, Any]], path: str) -> ReferenceSeries:
    if not rows:
        raise ParseError(path, "no rows")
    flat = [_flatten(r) for r in rows]
    date_key = _date_field(flat, path)
    columns: dict[str, dict[str, float]] = {}
    days: set[str] = set()
    for n, row in enumerate(flat, start=1):
        raw_day = row.get(date_key)
        day = parse_day(raw_day)
        if day is None:
            if raw_day in (None, ""):
                continue
            raise ParseError(path, f"row {n}: {date_key} {raw_day!r} is not a date")
        days.add(day)
        for key, raw in row.items():
            if key == date_key:
                continue
            value = parse_number(raw)
            if value is None:
                continue
            column = columns.setdefault(key, {})
            if day in column and column[day] != value:
                raise ParseError(
                    path, f"row {n}: {day} appears twice with {key} {column[day]:g} and {value:g}"
                )
            column[day] = value
    if not columns:
        raise ParseError(path, "no numeric columns")
    return ReferenceSeries(path, tuple(sorted(days)), columns)


def _json_rows(data: Any, path: str) -> list[Mapping[str, Any]]:
    if isinstance(data, list):
        if not all(isinstance(r, dict) for r in data):
            raise ParseError(path, "expected a list of objects")
        return data
    if isinstance(data, dict):
        lists = [v for v in data.values() if isinstance(v, list) and v and isinstance(v[0], dict)]
        if len(lists) == 1:
            return _json_rows(lists[0], path)
        if data and all(parse_day(k) for k in data):  # {"2024-04-24": {...} or number}
            return [
                {"date": k, **(_flatten(v) if isinstance(v, dict) else {"value": v})}
                for k, v in data.items()
            ]
    raise ParseError(path, "expected a list of dated objects, or an object keyed by date")


def _csv_rows(text: str, path: str) -> list[dict[str, Any]]:
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel_tab if path.lower().endswith(".tsv") else csv.excel
    reader = csv.DictReader(io.StringIO(text), dialect=dialect)
    if not reader.fieldnames:
        raise ParseError(path, "no header row")
    return [{k: v for k, v in row.items() if k is not None} for row in reader]


def load_reference(path: str) -> ReferenceSeries:
    """A reference series from a CSV/TSV or JSON file (by extension, else by its first byte)."""
    try:
        text = Path(path).read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise IngestError(path, f"cannot read reference file: {exc}") from exc
    stripped = text.lstrip()
    is_json = path.lower().endswith(".json") or stripped[:1] in ("[", "{")
    if is_json:
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise ParseError(path, f"not valid JSON: {exc}") from exc
        return _from_rows(_json_rows(data, path), path)
    return _from_rows(_csv_rows(text, path), path)


def merge_references(parts: Sequence[ReferenceSeries]) -> ReferenceSeries:
    """One series holding every column of ``parts``; a column in two files must agree."""
    if len(parts) == 1:
        return parts[0]
    columns: dict[str, dict[str, float]] = {}
    for part in parts:
        for name, values in part.columns.items():
            have = columns.setdefault(name, {})
            for day, value in values.items():
                if have.get(day, value) != value:
                    raise ParseError(
                        part.path, f"{name} on {day} is {value:g} here but {have[day]:g} before"
                    )
                have[day] = value
    days = sorted({d for p in parts for d in p.dates})
    return ReferenceSeries(" + ".join(p.path for p in parts), tuple(days), columns)
