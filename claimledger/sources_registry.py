"""Sources as entities: one canonical name for the many ways reports name the same source.

The bundled registry (``claimledger/data/sources.json``) maps variants in English, Russian,
Ukrainian and German ("UK Defense Intelligence", "британська розвідка", "britischer Geheimdienst")
to one canonical name, and knows the web domains of outlets so that an outlet's references to
itself can be recognised. Users extend it with a JSON file of the same shape::

    {"sources": [{"name": "Canonical", "aliases": ["variant", ...], "domains": ["example.org"]}]}
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from .errors import ConfigError

STEM_LENGTH = 4  # Cyrillic words are compared by their first letters: cases change the endings
BUNDLED = "sources.json"  # the registry file shipped in claimledger/data
SOURCES_ENV = "CLAIMLEDGER_SOURCES"  # users' registry files, separated like PATH

_ARTICLE = re.compile(r"^(?:the|a|an|die|der|das)\s+", re.IGNORECASE)
_EDGE_PUNCT = re.compile(r"^[\s\"'«»“”„‘’()\[\]:;,.\-–—]+|[\s\"'«»“”„‘’()\[\]:;,.\-–—]+$")
_KEY_DROP = re.compile(r"[^\w\s]")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")


def normalise_name(name: str) -> str:
    """``name`` with spaces collapsed, edge quotes and punctuation and a leading article removed."""
    out = " ".join(name.split())
    out = _EDGE_PUNCT.sub("", out)
    out = _ARTICLE.sub("", out)
    return _EDGE_PUNCT.sub("", out)


def name_key(name: str) -> str:
    """A lookup key: lower case, British spelling, no punctuation, Cyrillic words stemmed."""
    text = normalise_name(name).lower().replace("defense", "defence").replace("’", "'")
    text = text.replace("'s ", " ")
    words = _KEY_DROP.sub(" ", text).split()
    stemmed = [w[:STEM_LENGTH] if _CYRILLIC.search(w) else w for w in words]
    return " ".join(w for w in stemmed if w not in ("the", "of"))


def _domain_key(domain: str) -> str:
    d = domain.strip().lower()
    d = re.sub(r"^[a-z]+://", "", d)
    d = d.split("/")[0] if "/" not in domain.strip("/") or "://" in domain else d
    return d[4:] if d.startswith("www.") else d


@dataclass
class SourceRegistry:
    """Canonical source names, their variants and the domains of outlets."""

    aliases: dict[str, str] = field(default_factory=dict)  # name key -> canonical name
    domains: dict[str, str] = field(default_factory=dict)  # domain -> canonical name

    @classmethod
    def bundled(cls) -> SourceRegistry:
        """The registry shipped with claimledger."""
        try:
            text = (
                resources.files("claimledger").joinpath("data", BUNDLED).read_text(encoding="utf-8")
            )
        except (OSError, NotADirectoryError):  # an editable install seen as a namespace package
            text = (Path(__file__).parent / "data" / BUNDLED).read_text(encoding="utf-8")
        reg = cls()
        reg.add_json(text, BUNDLED)
        return reg

    @classmethod
    def load(cls, *paths: str | Path) -> SourceRegistry:
        """The bundled registry extended by the users' files ``paths`` (later files win)."""
        reg = cls.bundled()
        for path in paths:
            reg.extend(path)
        return reg

    def extend(self, path: str | Path) -> None:
        """Add the entries of a user's JSON file; raise ConfigError naming it when it is invalid."""
        try:
            text = Path(path).read_text(encoding="utf-8")
        except OSError as exc:
            raise ConfigError(str(path), f"cannot read source registry: {exc}") from exc
        self.add_json(text, str(path))

    def add_json(self, text: str, origin: str) -> None:
        """Add the entries of registry JSON ``text`` read from ``origin``."""
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise ConfigError(origin, f"not JSON: {exc}") from exc
        if not isinstance(data, dict) or not isinstance(data.get("sources"), list):
            raise ConfigError(origin, 'expected an object with a "sources" list')
        for n, entry in enumerate(data["sources"]):
            self._add_entry(entry, f"{origin}: sources[{n}]")

    def _add_entry(self, entry: Any, where: str) -> None:
        if not isinstance(entry, dict) or not isinstance(entry.get("name"), str):
            raise ConfigError(where, 'each source needs a "name" string')
        name = normalise_name(entry["name"])
        if not name:
            raise ConfigError(where, "empty source name")
        aliases = entry.get("aliases", [])
        domains = entry.get("domains", [])
        for label, values in (("aliases", aliases), ("domains", domains)):
            if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
                raise ConfigError(where, f'"{label}" must be a list of strings')
        for variant in [name, *aliases]:
            key = name_key(variant)
            if key:
                self.aliases[key] = name
        for domain in domains:
            self.domains[_domain_key(domain)] = name

    def canonical(self, name: str) -> str:
        """The canonical name of ``name``; an unknown name comes back normalised."""
        return self.aliases.get(name_key(name), normalise_name(name))

    def known(self, name: str) -> bool:
        """Whether ``name`` is a variant of a source in the registry."""
        return name_key(name) in self.aliases

    def for_outlet(self, outlet: str | None) -> str | None:
        """The canonical name of the outlet at ``outlet`` (a domain or a name), if known."""
        if not outlet:
            return None
        domain = _domain_key(outlet)
        while domain:
            if domain in self.domains:
                return self.domains[domain]
            if "." not in domain:
                break
            domain = domain.split(".", 1)[1]
        return self.aliases.get(name_key(outlet))


_DEFAULT: SourceRegistry | None = None


def default_registry() -> SourceRegistry:
    """The bundled registry extended by the files named in ``$CLAIMLEDGER_SOURCES`` (paths
    separated like PATH), loaded once."""
    global _DEFAULT
    if _DEFAULT is None:
        extra = [p for p in os.environ.get(SOURCES_ENV, "").split(os.pathsep) if p]
        _DEFAULT = SourceRegistry.load(*extra)
    return _DEFAULT


def canonical_source(name: str, registry: SourceRegistry | None = None) -> str:
    """One name for the variants of a source ("британська розвідка" -> UK Defence Intelligence)."""
    return (registry or default_registry()).canonical(name)
