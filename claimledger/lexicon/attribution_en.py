"""English words of attribution: speech verbs after a source, cues before one (read by
``extract.attribution_cues``); regex sources."""

from __future__ import annotations

# Verbs after a source named before them ("the ministry said").
SPEECH_VERBS: tuple[str, ...] = (
    r"said|says|say|reports|reported|stated|states|estimated|estimates|estimate|claimed|claims"
    r"|claim|announced|announces|told|noted|notes|wrote|writes|found|shows|showed|revealed"
    r"|reveals|added|confirmed|suggests|suggested|believes|assessed|assesses|admitted|concluded"
    r"|conclude|concludes|summarizes|summarises|summarized|summarised|tweeted|indicated|indicates"
    r"|refers\s+to|referred\s+to|relies\s+on|relied\s+on|asserted|asserts|alleged|alleges"
    r"|has\s+conducted|conducted|carried\s+out|established|counted|calculated|tallied|verified",
)
# Cues before a source named after them ("according to the ministry").
FORWARD_CUES: tuple[str, ...] = (
    r"\b(?i:according)\s+to",
    r"\bciting",
    r"(?:(?<=,\s)|(?<=[,!?][\"”»’]\s))(?:said|says|added|wrote|noted)(?=\s+(?:the\s+)?[A-ZА-ЯЁІЇЄҐ])",
    r"\b[Pp]er(?=\s+(?:the\s+)?[A-ZА-ЯЁІЇЄҐ])",
    r"\bcited\s+by",
    r"\b(?i:figures|data|statistics|numbers)\s+(?:released|published|provided|compiled)\s+by",
    r"\b(?:as\s+)?(?:reported|announced|estimated|stated)\s+by",
    r"\b(?i:update|report|bulletin|briefing|statement|post|assessment|estimates?|figures|data"
    r"|calculations|analysis|study|investigation|research)\s+(?:from|by)",
    r"\bas\s+(?=[A-Z])",
    r"\b[Rr]eports(?=\s+[«\"„“A-ZА-ЯЁІЇЄҐ0-9])",
    r"\b[Tt]his\s+(?:is|was)\s+(?:reported|announced|stated)\s+(?:by|in)",
)
# The lower-cased words that can open a forward cue.
FORWARD_OPENERS: tuple[str, ...] = tuple(
    "according citing said says added wrote noted cited as reported announced estimated stated"
    " update report bulletin briefing statement post assessment estimate estimates figures data"
    " statistics numbers calculations analysis study investigation research reports this"
    " per".split())
# Words that end a source's name read after a cue ("according to the ministry on Tuesday").
NAME_STOPS: tuple[str, ...] = (
    r"citing|based\s+on",
    r"that|which|who|when|on|in|after|before|since|as|and\s+the\s+number|about|what|if|would|will"
    r"|has|have|had|was|were|is|are|, ",
)
