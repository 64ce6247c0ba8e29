"""Jinja filters and tests of the templates."""

from __future__ import annotations

from typing import Any
from urllib.parse import quote, urlsplit

from jinja2 import Environment


def num(value: Any) -> str:
    """A number as a reader writes it: no ".0" on whole numbers, thousands separated."""
    if value is None:
        return ""
    v = float(value)
    if v.is_integer():
        return f"{int(v):,}"
    return f"{v:,.4f}".rstrip("0").rstrip(".")


def urlpart(value: Any) -> str:
    """``value`` quoted for one path segment or query value (slashes included)."""
    return quote(str(value), safe="")


def http_url(value: Any) -> bool:
    """Whether ``value`` is an http(s) URL, the only kind a page links to."""
    if not isinstance(value, str):
        return False
    parts = urlsplit(value.strip())
    return parts.scheme in ("http", "https") and bool(parts.netloc)


def install(env: Environment) -> None:
    """Register the filters and tests on ``env``."""
    env.filters["num"] = num
    env.filters["urlpart"] = urlpart
    env.tests["http_url"] = http_url
