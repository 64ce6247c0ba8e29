"""The source registry: canonical names for variants, and extension by a user's file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from claimledger.errors import ConfigError
from claimledger.sources_registry import SourceRegistry, canonical_source


@pytest.mark.parametrize(
    "variant",
    [
        "UK Defense Intelligence",
        "the UK Defence Intelligence",
        "британська розвідка",
        "британская разведка",
        "britischer Geheimdienst",
        "British Defence Ministry's intelligence update",
    ],
)
def test_british_intelligence_variants_share_one_name(variant: str) -> None:
    assert canonical_source(variant) == "UK Defence Intelligence"


@pytest.mark.parametrize(
    "variant",
    [
        "Генштаб ЗСУ",
        "Генеральний штаб",
        "Генштаб ВСУ",
        "Генерального штабу ЗСУ",
        "General Staff of Ukraine's Armed Forces",
    ],
)
def test_general_staff_variants_share_one_name(variant: str) -> None:
    assert canonical_source(variant) == "General Staff of the Armed Forces of Ukraine"


def test_mediazona_in_cyrillic_is_mediazona() -> None:
    assert canonical_source("«Медиазона»") == "Mediazona"


def test_unknown_name_comes_back_normalised() -> None:
    assert canonical_source("  the   Regional  Council ") == "Regional Council"


def test_outlet_domain_maps_to_its_source() -> None:
    reg = SourceRegistry.bundled()
    assert reg.for_outlet("zona.media") == "Mediazona"
    assert reg.for_outlet("www.example-unknown.org") is None


def test_user_file_extends_the_registry(tmp_path: Path) -> None:
    path = tmp_path / "mine.json"
    path.write_text(
        json.dumps(
            {
                "sources": [
                    {
                        "name": "Oblast Press Office",
                        "aliases": ["regional press service"],
                        "domains": ["oblast.example"],
                    }
                ]
            }
        ),
        encoding="utf-8",
    )
    reg = SourceRegistry.load(path)
    assert canonical_source("Regional Press Service", reg) == "Oblast Press Office"
    assert reg.for_outlet("news.oblast.example") == "Oblast Press Office"
    assert canonical_source("ISW", reg) == "Institute for the Study of War"


@pytest.mark.parametrize(
    "content",
    [
        "{not json",
        '{"sources": {}}',
        '{"sources": [{"aliases": []}]}',
        '{"sources": [{"name": "X", "aliases": "Y"}]}',
    ],
)
def test_bad_user_file_raises_config_error_naming_it(tmp_path: Path, content: str) -> None:
    path = tmp_path / "broken-registry.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ConfigError) as info:
        SourceRegistry.load(path)
    assert "broken-registry.json" in str(info.value)


def test_missing_user_file_raises_config_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="absent.json"):
        SourceRegistry.load(tmp_path / "absent.json")


def test_general_staff_alone_is_ukraines_as_in_war_reporting() -> None:
    assert canonical_source("the General Staff") == canonical_source("Генштаб ЗСУ")
    assert canonical_source("Generalstab") == canonical_source("Генштаб ЗСУ")
    assert canonical_source("Russian General Staff") != canonical_source("Генштаб ЗСУ")
