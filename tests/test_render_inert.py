"""Terminal output is inert (issue 15): control characters of a report's text, title, figures
and sources are printed as visible stand-ins, never acted on by the terminal."""

from __future__ import annotations

import io

from rich.console import Console

import claimledger
from claimledger.model import Document
from claimledger.render import inert, render_analysis

HOSTILE = (
    "Officials said \x1b]0;retitled\x07 5 drones fell.\rFAKE LINE \u202e4 of them \x1b[2J"
    "were jammed."
)


def test_a_hostile_report_prints_without_a_control_character() -> None:
    doc = Document(text=HOSTILE, title="T\x1b[31mitle", outlet="O\x9bX", language="en")
    buffer = io.StringIO()
    console = Console(file=buffer, force_terminal=False, color_system=None, width=100)
    render_analysis(claimledger.analyze(doc), console)
    out = buffer.getvalue()
    assert not any(c in out for c in ("\x1b", "\r", "\x07", "\x9b", "\u202e")), repr(out)
    assert "␛]0;retitled␇" in out and "5 drones" in out


def test_inert_keeps_length_newlines_and_tabs() -> None:
    for text in (HOSTILE, "plain\ttext\nline two", "Київ 5 €"):
        assert len(inert(text)) == len(text)
    assert inert("a\tb\nc") == "a\tb\nc"
    assert inert("\x1b[0m") == "␛[0m"
