"""Words of agreements and of what they contain, per language (see ``extract.agreements``).

All entries are regex sources matched case-insensitively. ``HEADS`` are the nouns that name an
agreement; ``REFERS`` the words by which a sentence speaks of an agreement already named (its
head noun, "the document", "the parties", "it"); ``CONTAINS`` the cues after which the text says
what an agreement holds, with ``True`` for a provision present and ``False`` for one it lacks
(the provision is the phrase after the cue); ``LIST_OPENERS`` the words that open a list of
areas ("all areas, from", "including"); ``AND`` the conjunctions of a list.
"""

from __future__ import annotations

HEADS = {
    "en": r"treaty|treaties|agreement|pact|accord|deal|declaration|memorandum|convention",
    "ru": r"договор\w*|соглашени\w*|пакт\w*|меморандум\w*|конвенци\w*",
    "uk": r"договор\w*|договір|угод\w*|пакт\w*|меморандум\w*|конвенці\w*",
    "de": r"\w*vertrag\w*|\w*verträge\w*|abkommen\w*|pakt\w*|vereinbarung\w*|memorandum",
}

REFERS = {
    "en": r"\b(?:" + HEADS["en"] + r"|document|parties|sides|each\s+side|each\s+party|"
          r"both\s+countries|it|its\s+text|the\s+text|preamble|provision|article\s+\d+)\b",
    "ru": r"(?:" + HEADS["ru"] + r"|документ\w*|сторон\w*|он|оно)",
    "uk": r"(?:" + HEADS["uk"] + r"|документ\w*|сторон\w*|він|воно)",
    "de": r"(?:" + HEADS["de"] + r"|dokument\w*|seiten|parteien|vertragsparteien)",
}

CONTAINS: dict[str, tuple[tuple[str, bool], ...]] = {
    "en": (
        (r"(?:does|did|do)\s+not\s+(?:include|contain|provide\s+for|envisage|oblige\s+\w+\s+to|"
         r"impose|require)", False),
        (r"(?:has|contains|includes|carries|imposes|creates)\s+no", False),
        (r"there\s+(?:are|is|were|was)\s+no", False),
        (r"(?:covers|covered|covering|cover)", True),
        (r"(?:includes|included|including)", True),
        (r"provides\s+for|provided\s+for|provide\s+for", True),
        (r"envisages|envisaged|envisions|foresees", True),
        (r"commits\s+(?:both\s+countries|the\s+parties|the\s+sides|each\s+side|them)\s+to|"
         r"commits\s+(?:itself|themselves)\s+(?=not\s+to|to)", True),
        (r"(?:framework|roadmap|basis|blueprint)\s+(?:for|to)", True),
        (r"(?:particularly|especially|notably)\s+in", True),
        (r"obliges\s+(?:both\s+countries|the\s+parties|the\s+sides|each\s+side)\s+to", True),
        (r"allows\s+for|allows|permits", True),
        (r"outlines|sets\s+out|sets|establishes|stipulates|enshrines|enshrining|cites", True),
        (r"(?:is|are)\s+(?:heavily\s+|mainly\s+|largely\s+)?focused\s+on|focuses\s+on", True),
        (r"undertakes?|vows?\s+to|pledges?|shall|commit(?:s)?\s+(?:themselves\s+)?to", True),
        (r"(?:takes?|will\s+take)\s+effect\s+(?=once|upon|after|from)", True),
        (r"(?:remain\s+in\s+force|stay\s+in\s+force|last|be\s+valid|valid)\s+for", True),
    ),
    "ru": (
        (r"не\s+(?:предусматривает|содержит|включает|обязывает)", False),
        (r"предусматривает|предусматривают|включает|охватывает|содержит|закрепляет", True),
        (r"обязуются|обязуется|обязывает\s+стороны", True),
        (r"(?:действ\w+|заключ\w+)\s+(?:сроком\s+)?на", True),
    ),
    "uk": (
        (r"не\s+(?:передбачає|містить|включає|зобов'язує)", False),
        (r"передбачає|передбачають|включає|охоплює|містить|закріплює", True),
        (r"зобов['’]язуються|зобов['’]язується", True),
        (r"(?:діє|діятиме|укладено)\s+(?:строком\s+)?на", True),
    ),
    "de": (
        (r"(?:enthält|umfasst|beinhaltet|sieht)\s+keine\w*", False),
        (r"verpflichten\s+sich\s+[^.;]{0,60}?\s+(?=zu)", True),
        (r"umfasst|beinhaltet|enthält|regelt|garantiert", True),
        (r"sieht\s+[^.;]{0,40}?vor", True),
    ),
}

LIST_OPENERS = {
    "en": r"^\s*(?:all|a\s+range\s+of|a\s+wide\s+range\s+of|many|several|various|the)?\s*"
          r"(?:areas|spheres|fields|sectors|domains|issues)?\s*(?:[-–—,:]+\s*)*"
          r"(?:ranging\s+)?(?:including|such\s+as|from|like)?\s*",
    "ru": r"^\s*(?:все\s+)?(?:сферы|области)?[\s,:–—-]*(?:в\s+том\s+числе|включая|от)?\s*",
    "uk": r"^\s*(?:всі\s+|усі\s+)?(?:сфери|галузі)?[\s,:–—-]*(?:зокрема|включно\s+з|від)?\s*",
    "de": r"^\s*(?:alle\s+)?(?:bereiche)?[\s,:–—-]*(?:darunter|einschließlich|von)?\s*",
}

AND = {
    "en": r",\s*(?:and\s+|as\s+well\s+as\s+)?|\s+and\s+|\s+as\s+well\s+as\s+",
    "ru": r",\s*(?:и\s+|а\s+также\s+)?|\s+и\s+",
    "uk": r",\s*(?:і\s+|й\s+|та\s+|а\s+також\s+)?|\s+(?:і|й|та)\s+",
    "de": r",\s*(?:und\s+)?|\s+und\s+",
}

# "from trade to culture": the list is a range, "to" separates its items too
FROM = {"en": r"\bfrom\s*$", "ru": r"\bот\s*$", "uk": r"\bвід\s*$", "de": r"\bvon\s*$"}
TO = {"en": r"\s+to\s+", "ru": r"\s+до\s+", "uk": r"\s+до\s+", "de": r"\s+bis\s+"}

# where a provision's phrase ends: the legal basis or manner that follows it
PHRASE_END = {
    "en": r"\s(?:in\s+line\s+with|in\s+accordance\s+with|pursuant\s+to|based\s+on|"
          r"according\s+to|as\s+well\s+as)\b|\s[\"“]",
    "ru": r"\s(?:в\s+соответствии\s+с|согласно|на\s+основе)\b",
    "uk": r"\s(?:відповідно\s+до|згідно\s+з|на\s+основі)\b",
    "de": r"\s(?:gemäß|im\s+Einklang\s+mit|entsprechend)\b",
}
