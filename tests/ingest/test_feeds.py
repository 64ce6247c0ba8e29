"""Feeds: one document per entry; malformed feeds and entity declarations are failures."""

from __future__ import annotations

from pathlib import Path

import pytest

import claimledger.ingest.feeds as feeds_module
from claimledger.errors import ParseError
from claimledger.ingest.base import IngestFailure
from claimledger.ingest.feeds import looks_like_feed, parse_feed, refuse_entities
from claimledger.model import Document

SAMPLE = Path(feeds_module.__file__).resolve().parent.parent / "samples" / "sample_feed.xml"

ATOM = b"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Atom Desk</title>
  <entry>
    <title>Drone attack on Odesa port</title>
    <link href="https://atom.example.net/odesa"/>
    <id>tag:atom.example.net,2025:1</id>
    <updated>2025-05-30T08:00:00Z</updated>
    <content type="html">&lt;p&gt;Air defence downed most of the drones overnight.&lt;/p&gt;
    </content>
  </entry>
</feed>
"""

BOMB = b"""<?xml version="1.0"?>
<!DOCTYPE rss [
  <!ENTITY a "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa">
  <!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
  <!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">
]>
<rss version="2.0"><channel><title>t</title>
<item><title>x</title><description>&c;</description></item></channel></rss>
"""


def _docs(items: list[Document | IngestFailure]) -> list[Document]:
    return [item for item in items if isinstance(item, Document)]


def test_rss_feed_gives_one_document_per_entry() -> None:
    docs = _docs(list(parse_feed(SAMPLE.read_bytes(), "feed.xml")))
    assert len(docs) == 3
    first = docs[0]
    assert first.url == "https://news.example.org/2025/06/12/losses-one-million"
    assert first.title == "General Staff: Russian losses pass one million"
    assert first.published == "2025-06-12"
    assert first.outlet == "Sample Ledger News"
    assert first.origin == "feed.xml"
    assert first.id == ""


def test_entry_html_is_turned_to_text() -> None:
    first = _docs(list(parse_feed(SAMPLE.read_bytes(), "feed.xml")))[0]
    assert "<p>" not in first.text
    assert "more than one million personnel since 24 February 2022." in first.text
    assert first.text.count("\n") == 1  # two paragraphs, source line breaks folded


def test_atom_feed_uses_content_and_updated_date() -> None:
    (doc,) = _docs(list(parse_feed(ATOM, "atom.xml")))
    assert doc.text == "Air defence downed most of the drones overnight."
    assert doc.url == "https://atom.example.net/odesa"
    assert doc.published == "2025-05-30"
    assert doc.outlet == "Atom Desk"


def test_entity_declarations_are_refused() -> None:
    with pytest.raises(ParseError, match="refused: XML entity declarations"):
        list(parse_feed(BOMB, "bomb.xml"))


def test_entity_declarations_in_utf16_are_refused() -> None:
    with pytest.raises(ParseError, match="refused: XML entity declarations"):
        list(parse_feed(BOMB.decode("ascii").encode("utf-16"), "bomb16.xml"))


def test_entity_text_in_content_is_not_mistaken_for_a_declaration() -> None:
    feed = SAMPLE.read_bytes().replace(b"in brackets.", b"in brackets, &lt;!ENTITY&gt;.")
    assert len(_docs(list(parse_feed(feed, "feed.xml")))) == 3


def test_malformed_feed_is_a_failure() -> None:
    with pytest.raises(ParseError, match="malformed feed"):
        list(parse_feed(b"<rss><channel><item><title>broken", "bad.xml"))


def test_feed_without_entries_is_a_failure() -> None:
    empty = b'<?xml version="1.0"?><rss version="2.0"><channel><title>t</title></channel></rss>'
    with pytest.raises(ParseError, match="no entries"):
        list(parse_feed(empty, "none.xml"))


def test_entry_without_text_is_a_failure_and_others_go_on() -> None:
    feed = (
        b'<rss version="2.0"><channel><title>t</title>'
        b"<item><title>empty</title><link>https://e.example/1</link></item>"
        b"<item><title>full</title><description>Shelling hit Kharkiv.</description></item>"
        b"</channel></rss>"
    )
    items = list(parse_feed(feed, "f.xml"))
    assert items[0] == IngestFailure("f.xml#1", "feed entry has no text")
    assert isinstance(items[1], Document) and items[1].text == "Shelling hit Kharkiv."


def test_feed_is_sniffed_from_its_root_element() -> None:
    assert looks_like_feed(SAMPLE.read_bytes())
    assert looks_like_feed(ATOM)
    assert not looks_like_feed(b"<html><body>not a feed</body></html>")


def test_entity_declarations_behind_a_comment_are_refused_too() -> None:
    bomb = (
        b'<?xml version="1.0"?><!-- <rss> --><!DOCTYPE rss [<!ENTITY lol "lol">'
        b'<!ENTITY lol2 "&lol;&lol;&lol;">]><rss version="2.0"><channel><title>t</title>'
        b"<item><title>x</title><description>&lol2;</description></item></channel></rss>"
    )
    with pytest.raises(ParseError, match="entity"):
        refuse_entities(bomb, "bomb.xml")


@pytest.mark.parametrize(
    "hiding",
    [
        b"<?note <a href='x'> ?>",  # a processing instruction holding an element's start
        b"<!-- <a> -->",  # a comment holding one
        b'<!ATTLIST rss x CDATA "<a">',  # a quoted literal holding one
    ],
)
def test_entity_declarations_behind_an_element_start_in_the_doctype_are_refused(
    hiding: bytes,
) -> None:
    """The guard took the first "<a" for the root element, so a PI holding one before
    ``<!ENTITY`` let the entity through to be expanded and stored (issue 15)."""
    feed = (
        b'<?xml version="1.0"?><!DOCTYPE rss [' + hiding + b'<!ENTITY who "a planted word">]>'
        b'<rss version="2.0"><channel><title>t</title>'
        b"<item><title>x</title><description>Said by &who;.</description></item></channel></rss>"
    )
    with pytest.raises(ParseError, match="refused: XML entity declarations"):
        list(parse_feed(feed, "hidden.xml"))


def test_a_doctype_without_entities_and_quoted_names_is_read() -> None:
    feed = (
        b'<?xml version="1.0"?><!DOCTYPE rss PUBLIC "-//x//<a>" \'y\'>'
        b'<rss version="2.0"><channel><title>t</title>'
        b"<item><title>x</title><description>The depot got 3 buses.</description></item>"
        b"</channel></rss>"
    )
    docs = [d for d in parse_feed(feed, "ok.xml") if isinstance(d, Document)]
    assert [d.text for d in docs] == ["The depot got 3 buses."]
