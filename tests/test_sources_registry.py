"""The source registry: canonical names for variants, and extension by a user's file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from claimledger.errors import ConfigError
from claimledger.sources_registry import SourceRegistry, canonical_source, is_source_name


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


# --- A source named anywhere inside the written phrase (issue 11, item 1) -------------------
# Own phrasings in en/ru/uk/de: (written name, language, canonical name).

@pytest.fixture(scope="module")
def bundled() -> SourceRegistry:
    """The bundled registry, loaded once for this module."""
    return SourceRegistry.bundled()


MEDIAZONA = "Mediazona"
ORYX = "Oryx"
UK_DI = "UK Defence Intelligence"
GS_UA = "General Staff of the Armed Forces of Ukraine"
HUR = "Main Directorate of Intelligence of Ukraine"
MOD_RU = "Ministry of Defence of the Russian Federation"
MOD_UA = "Ministry of Defence of Ukraine"

INSIDE_PHRASE = [
    # Mediazona: inflection, transliteration, position in the phrase
    ("a tally kept by reporters of the independent site Mediazona", "en", MEDIAZONA),
    ("Mediazona's latest count", "en", MEDIAZONA),
    ("the Russian-language outlet Mediazona", "en", MEDIAZONA),
    ("estimates published by Mediazona", "en", MEDIAZONA),
    ("Mediazone", "en", MEDIAZONA),
    ("подсчёты журналистов «Медиазоны»", "ru", MEDIAZONA),
    ("по данным издания «Медиазона»", "ru", MEDIAZONA),
    ("вместе с Медиазоной", "ru", MEDIAZONA),
    ("незалежне російське видання «Медіазона»", "uk", MEDIAZONA),
    ("журналісти Медіазони", "uk", MEDIAZONA),
    ("das unabhängige Portal Mediasona", "de", MEDIAZONA),
    ("Zählung der Mediazona-Redaktion", "de", MEDIAZONA),
    # Oryx
    ("the Oryx website", "en", ORYX),
    ("analysts at the open-source project Oryx", "en", ORYX),
    ("Oryx's visual count", "en", ORYX),
    ("проект Oryx", "ru", ORYX),
    ("аналитики проекта Орикс", "ru", ORYX),
    ("блог Oryx", "uk", ORYX),
    ("дослідники проєкту Орікс", "uk", ORYX),
    ("der Blog Oryx", "de", ORYX),
    # UK Defence Intelligence and the UK MoD's intelligence updates
    ("Defence Intelligence of the United Kingdom", "en", UK_DI),
    ("the British defence ministry's daily intelligence note", "en", UK_DI),
    ("UK DI", "en", UK_DI),
    ("Ministry of Defence of the United Kingdom", "en", UK_DI),
    ("британская военная разведка", "ru", UK_DI),
    ("британской разведки", "ru", UK_DI),
    ("Минобороны Великобритании", "ru", UK_DI),
    ("британська воєнна розвідка", "uk", UK_DI),
    ("британської розвідки", "uk", UK_DI),
    ("Міністерство оборони Великої Британії", "uk", UK_DI),
    ("розвідка Великої Британії", "uk", UK_DI),
    ("das britische Verteidigungsministerium", "de", UK_DI),
    ("des britischen Verteidigungsministeriums", "de", UK_DI),
    ("britischer Militärgeheimdienst", "de", UK_DI),
    # The General Staff in every language and case
    ("the daily update of the General Staff of the Ukrainian Armed Forces", "en", GS_UA),
    ("Ukraine's General Staff", "en", GS_UA),
    ("General Staff of the Armed Forces", "en", GS_UA),
    ("Генерального штаба ВСУ", "ru", GS_UA),
    ("в Генштабе ВСУ", "ru", GS_UA),
    ("Генеральний штаб Збройних Сил України", "uk", GS_UA),
    ("Генштабом ЗСУ", "uk", GS_UA),
    ("зведення Генштабу", "uk", GS_UA),
    ("des Generalstabs der ukrainischen Armee", "de", GS_UA),
    ("Generalstab der Streitkräfte der Ukraine", "de", GS_UA),
    ("dem ukrainischen Generalstab", "de", GS_UA),
    # Ukrainian military intelligence
    ("Ukrainian Defence Intelligence", "en", HUR),
    ("Ukraine's military intelligence agency", "en", HUR),
    ("Головне управління розвідки Міноборони", "uk", HUR),
    ("українська воєнна розвідка", "uk", HUR),
    ("ГУР МО України", "uk", HUR),
    ("украинской военной разведки", "ru", HUR),
    ("ukrainischer Militärgeheimdienst HUR", "de", HUR),
    # Ministries of defence
    ("Russian Ministry of Defence", "en", MOD_RU),
    ("Минобороны России", "ru", MOD_RU),
    ("Міністерства оборони Росії", "uk", MOD_RU),
    ("das russische Verteidigungsministerium", "de", MOD_RU),
    ("Ukraine's Defence Ministry", "en", MOD_UA),
    ("Міністерство оборони України", "uk", MOD_UA),
    ("ukrainischen Verteidigungsministeriums", "de", MOD_UA),
    # Research groups, agencies, outlets
    ("researchers at the Institute for the Study of War", "en", "Institute for the Study of War"),
    ("аналитики Института изучения войны", "ru", "Institute for the Study of War"),
    ("Американський Інститут вивчення війни", "uk", "Institute for the Study of War"),
    ("US-Denkfabrik ISW", "de", "Institute for the Study of War"),
    ("Stockholm International Peace Research Institute", "en", "SIPRI"),
    ("Стокгольмский институт исследования проблем мира", "ru", "SIPRI"),
    ("the Kiel Institute's tracker", "en", "Kiel Institute for the World Economy"),
    ("Kieler Institut für Weltwirtschaft", "de", "Kiel Institute for the World Economy"),
    ("Кильский институт мировой экономики", "ru", "Kiel Institute for the World Economy"),
    ("the UN human rights monitoring mission", "en", "UN OHCHR"),
    ("Управління ООН з прав людини", "uk", "UN OHCHR"),
    ("МАГАТЭ", "ru", "IAEA"),
    ("die Internationale Atomenergiebehörde", "de", "IAEA"),
    ("the news agency Reuters", "en", "Reuters"),
    ("агентство Рейтер", "ru", "Reuters"),
    ("агентства Reuters", "uk", "Reuters"),
    ("Nachrichtenagentur Reuters", "de", "Reuters"),
    ("Russian state news agency TASS", "en", "TASS"),
    ("агентство ТАСС", "ru", "TASS"),
    ("РИА Новости", "ru", "RIA Novosti"),
    ("видання Українська правда", "uk", "Ukrainska Pravda"),
    ("Української правди", "uk", "Ukrainska Pravda"),
    ("Русская служба Би-би-си", "ru", "BBC Russian"),
    ("die russische BBC-Redaktion", "de", "BBC Russian"),
    ("Російська служба BBC", "uk", "BBC Russian"),
    ("Укрінформу", "uk", "Ukrinform"),
    ("the South Korean Joint Chiefs of Staff", "en", "Joint Chiefs of Staff of South Korea"),
    ("Объединённого комитета начальников штабов Южной Кореи", "ru",
     "Joint Chiefs of Staff of South Korea"),
    ("der südkoreanische Generalstab", "de", "Joint Chiefs of Staff of South Korea"),
    ("південнокорейська розвідка", "uk", "National Intelligence Service of South Korea"),
    ("Кабміну", "uk", "Cabinet of Ministers of Ukraine"),
    # People commonly quoted: surname alone, full name, titles, cases
    ("Ukrainian President Volodymyr Zelensky", "en", "Volodymyr Zelensky"),
    ("Президент Зеленский", "ru", "Volodymyr Zelensky"),
    ("Володимира Зеленського", "uk", "Volodymyr Zelensky"),
    ("Präsident Selenskyj", "de", "Volodymyr Zelensky"),
    ("Russian President Vladimir Putin", "en", "Vladimir Putin"),
    ("Путина", "ru", "Vladimir Putin"),
    ("Кремлёвский пресс-секретарь Дмитрий Песков", "ru", "Dmitry Peskov"),
    ("Commander-in-Chief Oleksandr Syrskyi", "en", "Oleksandr Syrskyi"),
    ("головнокомандувач Олександр Сирський", "uk", "Oleksandr Syrskyi"),
    ("Verteidigungsminister Andrej Beloussow", "de", "Andrei Belousov"),
    ("бывший министр обороны Шойгу", "ru", "Sergei Shoigu"),
    ("HUR chief Kyrylo Budanov", "en", "Kyrylo Budanov"),
]


@pytest.mark.parametrize(("written", "language", "expected"), INSIDE_PHRASE)
def test_source_is_found_inside_the_written_phrase(
    written: str, language: str, expected: str, bundled: SourceRegistry
) -> None:
    reg = bundled
    assert reg.canonical(written) == expected
    assert reg.lookup(written) == expected
    assert reg.known(written)


# Near misses: an alias-like part of the name, but another source (or none).
NEAR_MISSES = [
    ("Ukrainian Defence Intelligence", "en", UK_DI),
    ("Russian Ministry of Defence", "en", UK_DI),
    ("UK Ministry of Defence", "en", MOD_RU),
    ("Russian General Staff", "en", GS_UA),
    ("General Staff of the Russian Armed Forces", "en", GS_UA),
    ("Генштаб ВС РФ", "ru", GS_UA),
    ("der russische Generalstab", "de", GS_UA),
    ("Генеральний штаб Росії", "uk", GS_UA),
    ("Russia's Main Intelligence Directorate", "en", HUR),
    ("Міноборони Росії", "uk", MOD_UA),
    ("Interfax-Ukraine", "en", "Interfax"),
    ("BBC Ukrainian", "en", "BBC Russian"),
    ("Oryx project", "en", "Proekt"),
    ("российские медиа", "ru", MEDIAZONA),
    ("громадська організація", "uk", "Hromadske"),
    ("Kim", "en", "Kim Jong Un"),
    ("Estonian Defence Intelligence", "en", UK_DI),
    ("Міністерство оборони Польщі", "uk", MOD_UA),
    ("Ukrainian military expert Oleh Zhdanov", "en", "Armed Forces of Ukraine"),
    ("российские военные блогеры", "ru", "Armed Forces of the Russian Federation"),
    ("ukrainischer Militärexperte", "de", "Armed Forces of Ukraine"),
    ("nordkoreanischer Generalstab", "de", GS_UA),
    ("Генштаб КНДР", "ru", GS_UA),
]


@pytest.mark.parametrize(("written", "language", "not_expected"), NEAR_MISSES)
def test_a_near_miss_is_not_the_other_source(
    written: str, language: str, not_expected: str, bundled: SourceRegistry
) -> None:
    assert bundled.canonical(written) != not_expected


def test_two_sources_in_one_name_give_one_joint_name_whatever_the_language(
    bundled: SourceRegistry
) -> None:
    reg = bundled
    joint = reg.canonical("Mediazona and BBC Russian")
    assert joint == reg.canonical("Русская служба Би-би-си и «Медиазона»")
    assert joint == reg.canonical("Медіазона та Російська служба BBC")
    assert "Mediazona" in joint and "BBC Russian" in joint


def test_a_person_is_the_source_rather_than_the_body_named_with_them(
    bundled: SourceRegistry
) -> None:
    reg = bundled
    assert reg.canonical("Defence Intelligence spokesman Andriy Yusov") == "Andriy Yusov"
    assert reg.canonical("Putin's spokesman Dmitry Peskov") == "Dmitry Peskov"


def test_the_head_of_an_of_phrase_is_the_source(bundled: SourceRegistry) -> None:
    reg = bundled
    assert reg.canonical("General Staff of Ukraine's Armed Forces") == GS_UA
    assert reg.canonical("press service of the General Staff") == GS_UA


def test_unknown_phrase_comes_back_normalised_and_unknown(bundled: SourceRegistry) -> None:
    reg = bundled
    assert reg.canonical("the harbour master of Izmail") == "harbour master of Izmail"
    assert reg.lookup("the harbour master of Izmail") is None
    assert not reg.known("regional council")


@pytest.mark.parametrize(
    ("outlet", "expected"),
    [
        ("zona.media", MEDIAZONA),
        ("https://zona.media/news/2025", MEDIAZONA),
        ("mil.gov.ua", MOD_UA),
        ("www.mil.gov.ua", MOD_UA),
        ("zsu.gov.ua", GS_UA),
        ("gur.gov.ua", HUR),
        ("understandingwar.org", "Institute for the Study of War"),
        ("sipri.org", "SIPRI"),
        ("www.reuters.com", "Reuters"),
        ("meduza.io", "Meduza"),
    ],
)
def test_outlet_domains_link_to_the_source(
    outlet: str, expected: str, bundled: SourceRegistry
) -> None:
    assert bundled.for_outlet(outlet) == expected


def test_bundled_registry_is_large_and_every_entry_has_variants() -> None:
    data = json.loads(
        (Path(__file__).parents[1] / "claimledger" / "data" / "sources.json").read_text("utf-8")
    )
    entries = data["sources"]
    assert len(entries) >= 80
    names = [e["name"] for e in entries]
    assert len(names) == len(set(names))
    cyrillic = sum(any(any("\u0400" <= ch <= "\u04ff" for ch in a) for a in e["aliases"])
                   for e in entries)
    assert cyrillic >= 75


def test_user_entry_is_found_inside_a_phrase(tmp_path: Path) -> None:
    path = tmp_path / "mine.json"
    path.write_text(json.dumps({"sources": [
        {"name": "Harbour Watch", "aliases": ["Гавань-Дозор"], "domains": ["harbour.example"]}
    ]}), encoding="utf-8")
    reg = SourceRegistry.load(path)
    assert reg.canonical("volunteers of the Harbour Watch group") == "Harbour Watch"
    assert reg.canonical("волонтёры группы «Гавань-Дозор»") == "Harbour Watch"
    assert reg.canonical("Mediazona's tally") == MEDIAZONA


# --- Not a source: pronouns, function words, fragments, numbers ------------------------------

NOT_SOURCES = [
    ("they", "en"), ("it", "en"), ("which", "en"), ("this", "en"), ("these", "en"),
    ("reversal", "en"), ("over four times the rate", "en"), ("about half of them", "en"),
    ("which the recruits", "en"), ("U", "en"), ("42", "en"), ("1,200", "en"), ("the", "en"),
    ("яке", "uk"), ("які", "uk"), ("це", "uk"), ("про це", "uk"), ("що", "uk"),
    ("Об этом", "ru"), ("он", "ru"), ("этот", "ru"), ("которые", "ru"), ("об этом сам", "ru"),
    ("Zuletzt", "de"), ("sie", "de"), ("dies", "de"), ("Demnach", "de"), ("diese", "de"),
    ("", "en"), ("  ", "de"), ("—", "ru"),
]


@pytest.mark.parametrize(("name", "language"), NOT_SOURCES)
def test_pronouns_function_words_and_fragments_are_not_sources(
    name: str, language: str, bundled: SourceRegistry
) -> None:
    assert not is_source_name(name, language)
    assert bundled.lookup(name) is None


SOURCES = [
    ("Mediazona's count", "en"), ("officials", "en"), ("deserters", "en"), ("DI", "en"),
    ("paperwork", "en"), ("Experts", "en"), ("the Harbour Watch group", "en"),
    ("Журналисты", "ru"), ("Сирський", "uk"), ("військові", "uk"), ("местные власти", "ru"),
    ("Westliche Beamte", "de"), ("Behörden", "de"), ("Generalstab", "de"), ("7×7", "ru"),
    ("two officials", "en"), ("112 Ukraine", "en"),
]


@pytest.mark.parametrize(("name", "language"), SOURCES)
def test_names_and_agents_are_sources(name: str, language: str) -> None:
    assert is_source_name(name, language)


def test_the_sources_listing_leaves_out_what_is_no_source() -> None:
    from claimledger.sources_registry import listed_sources
    from claimledger.store.base import SourceSummary

    summaries = [
        SourceSummary("Mediazona", 12, 5, ("a.example",), ("Mediazona", "яке", "Медиазона")),
        SourceSummary("яке", 3, 1, ("b.example",), ("яке",)),
        SourceSummary("over four times the rate", 1, 1, ("c.example",), ()),
        SourceSummary("the regional governor", 2, 1, ("d.example",), ("the regional governor",)),
    ]
    listed = listed_sources(summaries)
    assert [s.source for s in listed] == ["Mediazona", "the regional governor"]
    assert listed[0].names == ("Mediazona", "Медиазона")


# --- The sources listing: agents, not documents nor bare back-references -----------------------

LISTED = [
    ("Reuters", None), ("Meduza", None), ("the Kremlin", None), ("Kyiv", None),
    ("Kremlin", None), ("Harbour Watch group", "en"), ("regional governor", "en"),
    ("independent Latvian journalists", "en"), ("propagandist media", "en"),
    ("exiled news outlet", "en"), ("Westliche Beamte", "de"), ("местные власти", "ru"),
    ("Британські розвідники", "uk"), ("Nordic court service", "en"), ("7×7", "ru"),
    ("senior Western intelligence official", "en"), ("unabhängige lettische Journalisten", "de"),
    ("independent Reports Agency", "en"),
]
NOT_LISTED = [
    ("expert", "en"), ("intelligence", "en"), ("Intelligence", "en"), ("paperwork", "en"),
    ("draft treasury paperwork", "en"), ("figures released", "en"), ("media estimates", "en"),
    ("independent investigations", "en"), ("regional media reports", "en"),
    ("розвідки", "uk"), ("разведка", "ru"), ("Журналисты", "ru"), ("Geheimdienst", "de"),
    ("данные разведки", "ru"), ("дані розвідки", "uk"), ("Angaben des Ministeriums", "de"),
    ("they", "en"), ("Об этом", "ru"), ("neue Angaben lettischer Journalisten", "de"),
    ("glaubwürdige Recherchen des Senders", "de"),
]


@pytest.mark.parametrize(("name", "language"), LISTED)
def test_agents_are_listed(name: str, language: str | None) -> None:
    from claimledger.sources_registry import is_listed_source

    assert is_listed_source(name, language)


@pytest.mark.parametrize(("name", "language"), NOT_LISTED)
def test_documents_and_bare_heads_are_not_listed(name: str, language: str | None) -> None:
    from claimledger.sources_registry import is_listed_source

    assert not is_listed_source(name, language)


def test_the_sources_listing_lists_agents() -> None:
    from claimledger.sources_registry import listed_sources
    from claimledger.store.base import SourceSummary

    summaries = [
        SourceSummary("Mediazona", 12, 5, ("a.example",), ("Mediazona",)),
        SourceSummary("figures released", 1, 1, ("b.example",), ("figures released",)),
        SourceSummary("expert", 3, 1, ("c.example",), ("expert",)),
    ]
    assert [s.source for s in listed_sources(summaries)] == ["Mediazona"]


@pytest.mark.parametrize(
    "name",
    ["Western officials", "Westliche Beamte", "западные чиновники", "західні посадовці",
     "the Western officials"],
)
def test_a_description_is_one_source_in_every_language(name: str) -> None:
    assert canonical_source(name) == "Western officials"


@pytest.mark.parametrize(
    "name", ["a senior Western intelligence official", "Western diplomats", "U.S. officials"]
)
def test_a_description_matches_only_as_the_whole_name(name: str) -> None:
    assert canonical_source(name) != "Western officials"


@pytest.mark.parametrize("name", ["Британські розвідники", "британские разведчики"])
def test_british_intelligence_officers_are_uk_defence_intelligence(name: str) -> None:
    assert canonical_source(name) == "UK Defence Intelligence"
