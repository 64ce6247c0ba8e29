"""Cues of references to other reports, per language (see ``claimledger.extract.links``).

``READ_MORE`` opens a teaser line ("Read more: TITLE"); ``EARLIER`` are patterns of a cue citing
earlier reporting, with the outlet (when named) in the group ``outlet``; ``MEDIA`` the cue of
reporting by the media at large ("the media reported", not "state media reported"). All are
regex sources, matched case-insensitively except the outlet names, which must be capitalised.
"""

from __future__ import annotations

# a capitalised outlet name of up to five words: "Defense Express", "The Kyiv Independent"
_HEAD = r"(?-i:[A-ZА-ЯЁІЇЄҐÄÖÜ«\"„“][\w.«»\"„“”'’-]*)"
_NEXT = r"(?-i:[A-ZА-ЯЁІЇЄҐÄÖÜ«\"„“0-9][\w.«»\"„“”'’-]*)"
OUTLET = rf"(?P<outlet>{_HEAD}(?:\s+{_NEXT}){{0,4}})"

READ_MORE = {
    "en": r"read\s+(?:more|also)|also\s+read|see\s+also|related(?:\s+story|\s+news)?"
    r"|more\s+on\s+this",
    "ru": r"читайте\s+(?:также|еще|ещё)|также\s+читайте|смотрите\s+также|по\s+теме",
    "uk": r"читайте\s+(?:також|ще)|також\s+читайте|читати\s+також|дивіться\s+також|по\s+темі",
    "de": r"lesen\s+sie\s+(?:auch|mehr)|mehr\s+zum\s+thema|auch\s+interessant|siehe\s+auch",
}

EARLIER = {
    "en": (
        rf"\bas\s+{OUTLET}\s+(?:has\s+)?(?:previously|earlier|already)\s+(?:reported|wrote|noted)",
        rf"\bas\s+(?:previously|earlier)\s+reported\s+by\s+{OUTLET}",
        rf"\baccording\s+to\s+(?:earlier|previous)\s+reports?\s+(?:by|from|of)\s+{OUTLET}",
        r"\bas\s+(?:previously|earlier|already)\s+reported\b",
        r"\baccording\s+to\s+(?:earlier|previous)\s+reports\b",
        r"\bas\s+we\s+(?:previously|earlier|already)\s+reported\b",
    ),
    "ru": (
        rf"\bкак\s+(?:ранее\s+|уже\s+)?(?:сообщал[аио]?|писал[аио]?|информировал[аио]?)\s+{OUTLET}",
        r"\bкак\s+(?:ранее\s+|уже\s+)?(?:сообщалось|писали|сообщали)\b",
        rf"\bранее\s+{OUTLET}\s+(?:сообщал[аио]?|писал[аио]?)",
    ),
    "uk": (
        rf"\bяк\s+(?:раніше\s+|вже\s+)?(?:повідомляв|повідомляла|повідомляли|писав|писала|писали|інформував)\s+{OUTLET}",
        r"\bяк\s+(?:раніше\s+|вже\s+)?(?:повідомлялося|писали|повідомляли)\b",
        rf"\bраніше\s+{OUTLET}\s+(?:повідомляв|повідомляла|писав|писала)",
    ),
    "de": (
        rf"\bwie\s+{OUTLET}\s+(?:zuvor|bereits|früher|kürzlich)\s+berichtete",
        r"\bwie\s+(?:zuvor|bereits|schon)\s+berichtet\b",
    ),
}

MEDIA = {
    "en": r"\bthe\s+(?:media|press)\s+(?:reported|wrote)\b",
    "ru": r"(?:^|[.,]\s+)СМИ\s+(?:сообщали|писали|сообщили)\b",
    "uk": r"(?:^|[.,]\s+)ЗМІ\s+(?:повідомляли|писали|повідомили)\b",
    "de": r"\bdie\s+Medien\s+(?:berichteten|hatten\s+berichtet)\b",
}
