"""The shape of an event lexicon and the lookup of one language's lexicon.

Each language module (``events_en``, ``events_ru``, ``events_uk``, ``events_de``) defines
``LEXICON``: which words trigger which action of the fixed list, and the function words the
extractor needs to read a clause around a trigger (auxiliaries, modals, agent prepositions,
clause openers, titles to drop from an actor).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from importlib import import_module

ACTIONS = (
    "sign", "ratify", "approve", "enter_into_force", "submit", "adopt", "veto", "withdraw",
    "suspend", "announce", "deploy", "launch", "attack", "capture", "meet", "visit", "appoint",
    "dismiss", "convict", "sentence", "release", "exchange", "other",
)


@dataclass(frozen=True)
class EventLexicon:
    """Triggers of one language and the function words around them.

    ``forms`` maps whole lower-case words to an action; ``stems`` maps word beginnings (for
    inflected languages) to an action, ``stem_exceptions`` lists beginnings that look like a stem
    but are other words; ``phrases`` are multiword triggers (regex sources, matched
    case-insensitively) with their action; ``nouns`` the trigger words (or stems) that are action
    nouns ("visit", "ratification"), whose actor is a possessive or an "of"/"by" phrase.
    """

    forms: dict[str, str] = field(default_factory=dict)
    stems: dict[str, str] = field(default_factory=dict)
    stem_exceptions: tuple[str, ...] = ()
    phrases: tuple[tuple[str, str], ...] = ()
    nouns: tuple[str, ...] = ()
    passive_aux: frozenset[str] = frozenset()  # "was", "were", "been", "был", "wurde"
    passive_forms: tuple[str, ...] = ()  # endings of a passive participle: "-ан", "-ен"
    agent: frozenset[str] = frozenset()  # "by", "von", "durch"
    modals: frozenset[str] = frozenset()  # "could", "would", "may": the action is hypothetical
    negations: frozenset[str] = frozenset()
    boundaries: frozenset[str] = frozenset()  # words that open a new clause: "which", "after"
    carriers: frozenset[str] = frozenset()  # "during", "at": a noun trigger takes the clause's date
    titles: frozenset[str] = frozenset()  # "president", "minister": dropped from an actor
    pronouns: frozenset[str] = frozenset()  # "he", "она": the actor is the last one named
    skip: frozenset[str] = frozenset()  # adverbs and auxiliaries between subject and verb
    not_before_date: frozenset[str] = frozenset()  # "until", "до": the object's date, not the act's
    speech: frozenset[str] = frozenset()  # "said", "reported": attribute, never an event
    stoppers: frozenset[str] = frozenset()  # words a subject never spans: "that", "in", "with"
    publications: frozenset[str] = frozenset()  # "report", "data": "a report released" is no act
    degree: frozenset[str] = frozenset()  # "almost", "by": "X increased by 5%" is a statistic
    intransitive: frozenset[str] = frozenset()  # "began": the subject is what the act is about
    latter: frozenset[str] = frozenset()  # "the latter's visit": the last of the last actors
    former: frozenset[str] = frozenset()  # "the former": the first of them
    relatives: frozenset[str] = frozenset()  # "who", "который": the subject is the name before


def forms(action: str, *words: str) -> dict[str, str]:
    """``{word: action}`` for the listed word forms."""
    return {w: action for w in words}


@lru_cache(maxsize=8)
def lexicon(language: str | None) -> EventLexicon:
    """The event lexicon of ``language`` (English when unknown)."""
    lang = language if language in ("en", "ru", "uk", "de") else "en"
    module = import_module(f".events_{lang}", __package__)
    lex: EventLexicon = module.LEXICON
    return lex
