"""Sources as entities: one canonical name for the many ways reports name the same source.

The bundled registry (``claimledger/data/sources.json``) maps variants in English, Russian,
Ukrainian and German ("UK Defense Intelligence", "британська розвідка", "britischer Geheimdienst")
to one canonical name, and knows the web domains of outlets so that an outlet's references to
itself can be recognised. Users extend it with a JSON file of the same shape::

    {"sources": [{"name": "Canonical", "aliases": ["variant", ...], "domains": ["example.org"],
                  "kind": "person", "country": "UA", "exact": ["common-word alias"]}]}

``kind`` ("person" or "org", the default), ``country`` (an ISO-like code of the state a body
belongs to) and ``exact`` (aliases that are everyday words, matched only as the whole name) are
optional.

A source is found anywhere inside the written phrase ("calculations by journalists at the
independent outlet Mediazona" -> Mediazona): names are compared word by word after folding case,
spelling and inflection (Cyrillic and German endings are cut, "'s" dropped), the longest alias
wins where aliases overlap, a body whose neighbouring words name another state is not that body
("Russian General Staff" is not Ukraine's), a person named with a body is the source rather than
the body ("HUR chief Kyrylo Budanov"), and sources joined by "and" give one joint name.
:func:`is_source_name` tells names from pronouns, function words and clause fragments.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from .errors import ConfigError
from .store.base import SourceSummary

STEM_LENGTH = 4  # Cyrillic words are compared by their first letters: cases change the endings
BUNDLED = "sources.json"  # the registry file shipped in claimledger/data
SOURCES_ENV = "CLAIMLEDGER_SOURCES"  # users' registry files, separated like PATH
MAX_ALIAS_WORDS = 12  # longer aliases are not looked for inside phrases
COUNTRY_WINDOW = 2  # words either side of a match that may name another state

_ARTICLE = re.compile(r"^(?:the|a|an|die|der|das)\s+", re.IGNORECASE)
_EDGE_PUNCT = re.compile(r"^[\s\"'«»“”„‘’()\[\]:;,.\-–—]+|[\s\"'«»“”„‘’()\[\]:;,.\-–—]+$")
_KEY_DROP = re.compile(r"[^\w\s]")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_LETTER = re.compile(r"[^\W\d_]")
_WORD = re.compile(r"[^\W_]+(?:'s\b)?|,|&")
_INITIALS = re.compile(r"\b(?:[A-Za-z]\.){2,}")  # U.K., U.S.


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


# -- words: folding and stemming ----------------------------------------------------------

_FOLD = str.maketrans({"ё": "е", "ä": "a", "ö": "o", "ü": "u", "ß": "ss", "’": "'", "ʼ": "'"})

# Inflectional endings cut from Cyrillic words (Russian and Ukrainian nouns and adjectives),
# longest first. -ов/-ев/-ів/-ин are kept: they end surnames (Буданов, Путин).
_CYRILLIC_ENDINGS = tuple(sorted({
    "ого", "его", "ому", "ему", "ими", "ыми", "ий", "ый", "ой", "ая", "яя", "ое", "ее", "ые",
    "ие", "ую", "юю", "ых", "их", "ым", "им", "ій", "ої", "ою", "ім", "іх", "ього", "ьому",
    "ьої", "ами", "ями", "ах", "ях", "ам", "ям", "ом", "ем", "ей", "ею", "ія", "ії", "ію",
    "ією", "ия", "ии", "ию", "ией", "ові", "еві", "єві", "а", "я", "о", "е", "ы", "и", "у", "ю",
    "ь", "і", "ї", "є",
}, key=len, reverse=True))
_LATIN_ENDINGS = ("en", "em", "er", "es", "e", "s")  # German cases, English plurals
_CYRILLIC_MIN_STEM = 3
_LATIN_MIN_STEM = 4
_ALTERNATION = {"ц": "к", "з": "г", "с": "х"}  # Ukrainian розвідці -> розвідка


def _fold(text: str) -> str:
    return text.lower().translate(_FOLD).replace("defense", "defence")


def _stem(word: str, keep: bool = False) -> str:
    """``word`` (folded) without its inflectional ending; acronyms and short words as they are."""
    if keep or len(word) <= 3 or word.isdigit():
        return word
    if _CYRILLIC.search(word):
        for end in _CYRILLIC_ENDINGS:
            if word.endswith(end) and len(word) - len(end) >= _CYRILLIC_MIN_STEM:
                stem = word[: -len(end)]
                if end == "і" and stem[-1] in _ALTERNATION:
                    stem = stem[:-1] + _ALTERNATION[stem[-1]]
                return stem
        return word
    for end in _LATIN_ENDINGS:
        if word.endswith(end) and len(word) - len(end) >= _LATIN_MIN_STEM:
            return word[: -len(end)]
    return word


# Words that only join the parts of a name: dropped from keys ("General Staff of the Armed
# Forces" = "General Staff Armed Forces"); "of"-like ones mark a genitive (head on the left).
_GENITIVE_MARKERS = frozenset({"of", "der", "des", "von", "vom"})
_DROPPED = _GENITIVE_MARKERS | frozenset({"the", "a", "an", "die", "das", "den", "dem", "ein",
                                          "eine", "einer", "eines", "einem", "einen"})
_CONJUNCTIONS = frozenset({
    ",", "&", "and", "with", "together", "jointly", "well", "as", "plus", "und", "sowie", "mit",
    "gemeinsam", "zusammen", "и", "і", "й", "та", "с", "со", "з", "із", "зі", "вместе",
    "совместно", "разом", "спільно", "також", "также",
})
# Words at which a country's name stops belonging to the neighbouring source.
_BREAKS = _CONJUNCTIONS | frozenset({
    "on", "about", "in", "at", "by", "for", "from", "to", "over", "against", "citing", "after",
    "о", "об", "про", "в", "у", "на", "по", "для", "от", "від", "против", "проти", "uber", "zu",
    "fur", "gegen", "nach", "bei", "laut", "im", "am", "an", "auf", "zum", "zur",
})
# Stems naming a state; a body of one state is not found next to another state's name.
_COUNTRY_PREFIXES: dict[str, tuple[str, ...]] = {
    "UA": ("ukrain", "україн", "украин"),
    "RU": ("russ", "росс", "російськ", "российск", "росій", "росии"),
    "UK": ("brit", "британ", "великобритан", "grossbritann", "kingdom"),
    "US": ("americ", "amerikan", "америк", "американ"),
    "BY": ("belarus", "білорус", "беларус", "weissruss"),
    "DE": ("german", "deutsch", "німецьк", "немецк", "німеччин", "германи"),
    "PL": ("polish", "poland", "polnisch", "polen", "польськ", "польск", "польщ", "польш"),
    "FR": ("french", "franz", "франц"),
    "IL": ("israel", "ізраїл", "израил"),
    "IR": ("iran", "іран", "иран"),
    "KR": ("korea", "корей", "коре", "sudkorea", "южнокор", "південнокор"),
    "KP": ("nordkorea", "северокор", "північнокор", "кндр", "dprk"),
    "CN": ("chin", "китай", "китаю"),
    "EE": ("eston", "естон", "эстон", "estnisch", "estland"),
    "LV": ("latvi", "латв", "lettisch", "lettland"),
    "LT": ("lithuan", "литов", "литв", "литовськ", "litauisch", "litauen"),
    "FI": ("finnish", "finland", "finnisch", "фінськ", "финск", "фінлянд", "финлянд"),
    "SE": ("swed", "schwed", "швед"),
    "NO": ("norw", "norweg", "норвез", "норвеж"),
    "DK": ("danish", "denmark", "danisch", "danemark", "данськ", "датск", "дани"),
    "NL": ("dutch", "netherland", "niederland", "нідерланд", "нидерланд", "голланд"),
    "CA": ("canad", "kanad", "канад"),
    "AU": ("austral", "австрал"),
    "JP": ("japan", "япон"),
    "TR": ("turk", "турец", "турецьк", "турецк", "туреч"),
    "MD": ("moldov", "moldau", "молдов", "молдав"),
    "RO": ("romania", "rumanisch", "rumanien", "румун", "румын"),
    "HU": ("hungar", "ungarisch", "ungarn", "угорськ", "венгер", "угорщ", "венгри"),
    "CZ": ("czech", "tschech", "чеськ", "чешск", "чехи"),
    "IT": ("ital", "італ", "итал"),
    "ES": ("spanish", "spain", "spanisch", "spanien", "іспан", "испан"),
    "KZ": ("kazakh", "kasach", "казах"),
    "GE": ("georgian", "georgisch", "грузин", "грузи"),
}
# Head words after a state body's name that make it a modifier, not the source: "Ukrainian
# military expert", "Russian military bloggers", "военный эксперт".
_NOT_MEMBERS = ("expert", "blog", "milblog", "commentat", "kommentat", "historian", "historiker",
                "columnist", "эксперт", "експерт", "блог", "военкор", "воєнкор", "обозревател",
                "оглядач", "историк", "історик", "политолог", "політолог")
_COUNTRY_WORDS: dict[str, str] = {
    "зсу": "UA", "всу": "UA", "ua": "UA", "рф": "RU", "рос": "RU", "uk": "UK", "us": "US",
    "usa": "US", "сша": "US",
}


def _country_of(stem: str) -> str | None:
    if stem in _COUNTRY_WORDS:
        return _COUNTRY_WORDS[stem]
    for country, prefixes in _COUNTRY_PREFIXES.items():
        if stem.startswith(prefixes):
            return country
    return None


@dataclass(frozen=True)
class _Token:
    stem: str
    possessive: bool  # "Putin's"
    genitive: bool  # "of"/"der" just before it
    cyrillic: bool


def _tokens(text: str) -> list[_Token]:
    """The content words of ``text`` (joining words dropped but remembered) as stems."""
    text = text.replace("’", "'").replace("×", "x")  # 7×7
    text = _INITIALS.sub(lambda m: m.group(0).replace(".", ""), text)
    out: list[_Token] = []
    genitive = False
    for m in _WORD.finditer(text):
        raw = m.group(0)
        possessive = raw.lower().endswith("'s")
        word = raw[:-2] if possessive else raw
        folded = _fold(word)
        if folded in _DROPPED:
            genitive = genitive or folded in _GENITIVE_MARKERS
            continue
        keep = len(word) > 1 and word.isupper()  # ЗСУ, TASS, HUR
        out.append(_Token(_stem(folded, keep), possessive, genitive, bool(_CYRILLIC.search(word))))
        genitive = False
    return out


def _key(text: str) -> tuple[str, ...]:
    return tuple(t.stem for t in _tokens(text) if t.stem not in (",", "&"))


# -- the registry -------------------------------------------------------------------------


@dataclass(frozen=True)
class SourceEntry:
    """One source of the registry."""

    name: str
    kind: str = "org"  # "org" or "person"
    country: str | None = None


@dataclass(frozen=True)
class _Match:
    start: int
    end: int
    entry: SourceEntry
    possessive: bool


@dataclass
class SourceRegistry:
    """Canonical source names, their variants and the domains of outlets."""

    aliases: dict[str, str] = field(default_factory=dict)  # name key -> canonical name
    domains: dict[str, str] = field(default_factory=dict)  # domain -> canonical name
    entries: dict[str, SourceEntry] = field(default_factory=dict)  # canonical name -> entry
    _whole: dict[tuple[str, ...], str] = field(default_factory=dict, repr=False)
    _inside: dict[tuple[str, ...], str] = field(default_factory=dict, repr=False)
    _longest: int = field(default=1, repr=False)

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
        exact = entry.get("exact", [])
        for label, values in (("aliases", aliases), ("domains", domains), ("exact", exact)):
            if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
                raise ConfigError(where, f'"{label}" must be a list of strings')
        kind = entry.get("kind", "org")
        if kind not in ("org", "person"):
            raise ConfigError(where, '"kind" must be "org" or "person"')
        country = entry.get("country")
        if country is not None and not isinstance(country, str):
            raise ConfigError(where, '"country" must be a string')
        self.entries[name] = SourceEntry(name, kind, country.upper() if country else None)
        for variant in [name, *aliases, *exact]:
            key = name_key(variant)
            if key:
                self.aliases[key] = name
        for variant in [name, *aliases]:
            words = _key(variant)
            if words:
                self._inside[words] = name
                self._longest = max(self._longest, min(len(words), MAX_ALIAS_WORDS))
        for variant in exact:
            words = _key(variant)
            if words:
                self._whole[words] = name
        for domain in domains:
            self.domains[_domain_key(domain)] = name

    # -- lookup ---------------------------------------------------------------------------

    def lookup(self, name: str) -> str | None:
        """The canonical name of the source named in ``name`` (anywhere inside it), or None."""
        tokens = _tokens(name)
        words = tuple(t.stem for t in tokens if t.stem not in (",", "&"))
        if not words:
            return None
        whole = self._whole.get(words) or self._inside.get(words)
        if whole:
            return whole
        matches = self._matches(tokens)
        if not matches:
            return None
        return self._choose(tokens, matches)

    def _matches(self, tokens: list[_Token]) -> list[_Match]:
        """Non-overlapping alias matches in ``tokens``, longest first, in written order."""
        stems = [t.stem for t in tokens]
        found: list[tuple[int, int, str]] = []
        for i in range(len(stems)):
            for j in range(min(len(stems), i + self._longest), i, -1):
                name = self._inside.get(tuple(stems[i:j]))
                if name:
                    found.append((i, j, name))
                    break
        found.sort(key=lambda m: (m[0] - m[1], m[0]))
        taken: list[tuple[int, int, str]] = []
        for i, j, name in found:
            if all(j <= a or i >= b for a, b, _ in taken):
                taken.append((i, j, name))
        taken.sort()
        out = []
        for i, j, name in taken:
            entry = self.entries.get(name, SourceEntry(name))
            if entry.country and (
                self._other_state_near(tokens, i, j, entry.country)
                or (j < len(tokens) and tokens[j].stem.startswith(_NOT_MEMBERS))
            ):
                continue
            out.append(_Match(i, j, entry, tokens[j - 1].possessive))
        return out

    @staticmethod
    def _other_state_near(tokens: list[_Token], start: int, end: int, country: str) -> bool:
        """Whether a word next to ``tokens[start:end]`` names a state other than ``country``."""
        sides = (range(start - 1, max(-1, start - 1 - COUNTRY_WINDOW), -1),
                 range(end, min(len(tokens), end + COUNTRY_WINDOW)))
        for side in sides:
            for k in side:
                if tokens[k].stem in _BREAKS:
                    break
                other = _country_of(tokens[k].stem)
                if other and other != country:
                    return True
        return False

    @staticmethod
    def _choose(tokens: list[_Token], matches: list[_Match]) -> str:
        names = list(dict.fromkeys(m.entry.name for m in matches))
        if len(names) == 1:
            return names[0]
        joined = all(
            b.start > a.end and all(t.stem in _CONJUNCTIONS for t in tokens[a.end : b.start])
            for a, b in zip(matches, matches[1:], strict=False)
        )
        if joined:
            return " and ".join(sorted(names))
        pool = [m for m in matches if m.entry.kind == "person"] or matches
        pool = [m for m in pool if not m.possessive] or pool
        head = pool[-1]  # the last name is the head: "journalists at the outlet Mediazona"
        for m in reversed(pool[:-1]):  # ... but "X of Y", "Генштаб ЗСУ": the first
            first = tokens[head.start]
            if m.end == head.start and (first.genitive or first.cyrillic):
                head = m
            else:
                break
        return head.entry.name

    def canonical(self, name: str) -> str:
        """The canonical name of ``name``; an unknown name comes back normalised."""
        return self.lookup(name) or normalise_name(name)

    def known(self, name: str) -> bool:
        """Whether ``name`` names a source in the registry."""
        return self.lookup(name) is not None

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


# -- not a source -------------------------------------------------------------------------

_FUNCTION_WORDS: dict[str, str] = {  # cannot start a source's name, nor be one
    "en": "i you he she it we they me him her us them its their his our which who whom whose"
    " what there here of in on at by for from to with about over under after before since than"
    " as into per via among between against during around up down out off through above below"
    " nearly almost roughly approximately and or but nor so yet if when while because although"
    " though whether where now then also still already just only even more less later earlier"
    " recently lastly finally meanwhile however moreover thus therefore today yesterday again"
    " reportedly previously not too very instead rather",
    "ru": "я ты он она оно мы вы они его ее их ему ей им нему него ней нем них это этом этого"
    " этой этим тот том который которая которое которые которых котором которого кто что чем"
    " чего где когда там тут здесь так также тоже уже еще сам сама сами само самом об о про в"
    " во на по с со к ко у из от до для за над под при без через после перед около и а но или"
    " да ли же бы не ни если как чтобы вот лишь только более менее почти свыше порядка сейчас"
    " теперь затем потом вчера сегодня позже ранее",
    "uk": "я ти він вона воно ми ви вони його її їх йому їй їм нього неї них це цього цієї цим"
    " цій цих тому які яке який яка якого якої яких якому якій хто що чого де коли там тут так"
    " також теж вже ще сам сама самі саме про в у на по з із зі до від для за над під при без"
    " через після перед біля близько понад і й та а але або чи ж би не ні якщо як щоб лише"
    " тільки більше менше майже зараз тепер потім вчора сьогодні пізніше раніше нині",
    "de": "ich du er sie es wir ihr ihn ihm ihnen man was wo wann dort hier da so auch noch schon"
    " bereits nur erst zuletzt zudem außerdem demnach jedoch aber und oder doch wenn als wie"
    " dass ob weil zu zum zur mit nach bei seit aus in im an am auf für über unter vor gegen um"
    " durch ohne laut etwa rund fast mehr weniger heute gestern inzwischen nun jetzt dann damals"
    " bisher nicht dabei dazu daher deshalb insgesamt zuvor später früher allerdings",
}
_DETERMINERS: dict[str, str] = {  # may start a source's name ("these officials"), not be one
    "en": "the a an this that these those some any all both many most few several each either"
    " neither none such same other others another one someone anyone everyone everybody no",
    "ru": "этот эта эти все всё весь вся всех некоторые многие один одна одно другие такие",
    "uk": "цей ця ці той та те ті все весь вся всі усі деякі багато один одна одне інші такі",
    "de": "der die das des den dem ein eine einer eines einem einen dies diese dieser dieses"
    " diesem diesen jene alle einige viele manche kein keine solche andere",
}
_NUMBER_WORDS = frozenset(
    "one two three four five six seven eight nine ten eleven twelve twenty thirty forty fifty"
    " hundred thousand million billion half dozen times"
    " один два три четыре пять десять сто тысяча миллион половина"
    " один два три чотири пʼять десять сто тисяча мільйон половина"
    " eins zwei drei vier fünf zehn hundert tausend million millionen hälfte mal".split()
)
_REPORTING_VERBS: dict[str, str] = {  # an unknown name with one of these is a clause
    "en": "said says say told tells stated indicated indicate indicates showed wrote added noted"
    " claimed announced warned",
    "ru": "сказал сказала заявил заявила заявили сообщил сообщила сообщили пишет пишут отметил",
    "uk": "сказав сказала заявив заявила заявили повідомив повідомила повідомили пише пишуть"
    " зазначив",
    "de": "sagte sagt sagten erklärte erklärten teilte teilten berichtete berichteten schrieb"
    " meldete hieß",
}
# Lower-case single words that are sources: people, bodies, documents.
_SOURCE_NOUNS: dict[str, str] = {
    "en": "officials official authorities authority experts expert analysts government ministry"
    " military army police intelligence media press sources source report reports data"
    " document documents paperwork study survey statement estimate estimates figures records"
    " count tally census bulletin decree verdict verdicts court courts prosecutors"
    " investigators monitors observers residents witnesses eyewitnesses locals activists"
    " researchers journalists reporters volunteers soldiers troops commanders spokesman"
    " spokeswoman spokesperson minister president governor mayor parliament diplomats insiders"
    " statistics article letter footage analysis research investigation filings commission"
    " committee agency service office staff headquarters administration council relatives"
    " families prisoners recruits kremlin pentagon",
    "ru": "власти чиновники эксперты аналитики военные источники источник данные документ"
    " документы доклад отчет сводка ведомство министерство штаб разведка правительство полиция"
    " суд суды прокуратура журналисты правозащитники волонтеры очевидцы жители родственники"
    " пленные военнослужащие представитель спикер министр президент губернатор мэр кремль"
    " командование",
    "uk": "влада посадовці експерти аналітики військові джерела джерело дані документ документи"
    " доповідь звіт зведення відомство міністерство штаб розвідка уряд поліція суд суди"
    " прокуратура журналісти правозахисники волонтери очевидці мешканці жителі родичі"
    " полонені військовослужбовці речник речниця міністр президент губернатор голова мер"
    " командування",
    "de": "behörden beamte experten analysten regierung ministerium militär armee polizei"
    " geheimdienst medien quellen bericht berichte daten dokument dokumente angaben schätzungen"
    " zahlen gericht gerichte ermittler beobachter einwohner augenzeugen aktivisten forscher"
    " journalisten soldaten sprecher sprecherin minister präsident gouverneur bürgermeister"
    " kreml",
}
# Lower-case words for things said or written, not for who says them: a listed source is no
# document ("draft budget paperwork", "media estimates", "данные разведки", "Angaben des ...").
_DOCUMENT_NOUNS: dict[str, str] = {
    "en": "report reports reporting data figures figure estimates estimate paperwork document"
    " documents study studies survey surveys statement statements records count counts tally"
    " census bulletin decree statistics article articles letter footage analysis research"
    " investigation investigations filings calculations calculation information numbers update"
    " assessment review findings",
    "ru": "данные данных данным документ документы документа доклад доклада отчет отчёт отчета"
    " сводка сводки расчеты расчёты подсчеты подсчёты сведения информация исследование"
    " расследование расследования",
    "uk": "дані даних даними документ документи документа доповідь звіт звіту зведення"
    " підрахунки розрахунки відомості інформація дослідження розслідування",
    "de": "bericht berichte berichten daten dokument dokumente angaben schätzungen zahlen"
    " recherchen berechnungen informationen studie analyse",
}
_PARTICIPLE_TAIL = re.compile(r"[a-z]+(?:ed|en|wn)")  # "figures released": the head before it
_AGENT_SUFFIXES = ("ers", "ors", "ists", "ians", "ants", "ents", "ives", "ees", "исты", "исти",
                   "ники", "ніки", "чики", "щики", "тели", "телі", "ісьти")


_LEXICONS = {"function": _FUNCTION_WORDS, "determiners": _DETERMINERS, "verbs": _REPORTING_VERBS,
             "nouns": _SOURCE_NOUNS, "documents": _DOCUMENT_NOUNS}


@cache
def _words(table: str, languages: tuple[str, ...]) -> frozenset[str]:
    """The folded words of lexicon ``table`` in ``languages``."""
    words = _LEXICONS[table]
    return frozenset(_fold(w) for lang in languages for w in words.get(lang, "").split())


@cache
def _nouns(languages: tuple[str, ...]) -> frozenset[str]:
    return frozenset(_agent_stem(w) for w in _words("nouns", languages))


def _languages(language: str | None) -> tuple[str, ...]:
    if language in ("ru", "uk"):
        return ("ru", "uk", "en")
    if language in _FUNCTION_WORDS:
        return (language, "en")
    return tuple(_FUNCTION_WORDS)


def _agent_stem(word: str) -> str:
    stem = _stem(word)
    return stem[:-2] if len(stem) > 5 and stem.endswith(("ов", "ев", "ів")) else stem


def is_source_noun(word: str, language: str | None = None) -> bool:
    """Whether ``word`` is a lexicon noun for people, bodies or documents ("intelligence",
    "розвідки", "Geheimdienst"), in any of its cases: a head a back-reference names a source by."""
    folded = _fold(word)
    return len(folded) > 1 and _agent_stem(folded) in _nouns(_languages(language))


def is_source_name(
    name: str, language: str | None = None, registry: SourceRegistry | None = None
) -> bool:
    """Whether ``name`` can name a source: a registry source, a name, or a noun phrase for
    people, bodies or documents; not a pronoun ("яке", "they"), a function word ("Zuletzt"),
    a clause fragment ("Об этом", "over four times the rate"), a determiner or a number."""
    text = normalise_name(name)
    if (registry or default_registry()).lookup(text):
        return True
    if not _LETTER.search(text):
        return False
    langs = _languages(language)
    function = _words("function", langs)
    determiners = _words("determiners", langs)
    raw = [w for w in re.findall(r"[^\W_]+", text.replace("’", "'")) if w]
    words = [_fold(w) for w in raw]
    if not words or all(w in function or w in determiners or w in _NUMBER_WORDS
                        or not _LETTER.search(w) for w in words):
        return False
    if words[0] in function:  # "об этом", "which the recruits", "over four times the rate"
        return False
    if len(words) > 1:
        verbs = _words("verbs", langs)
        return not any(w in verbs for w in words)
    word = words[0]
    if len(word) <= 1 or word in determiners:
        return False
    if raw[0][0].isupper():
        return True
    return _agent_stem(word) in _nouns(langs) or word.endswith(_AGENT_SUFFIXES)


def is_listed_source(
    name: str, language: str | None = None, registry: SourceRegistry | None = None
) -> bool:
    """Whether ``name`` names an agent for the sources listing (``is_source_name`` and more): a
    registry source, or a phrase whose head is a body, a person, a group or a publication; not a
    head noun alone ("intelligence", "expert", "розвідки": a back-reference to a source named
    elsewhere, or nobody named), nor a document ("draft budget paperwork", "figures released",
    "данные разведки")."""
    if not is_source_name(name, language, registry):
        return False
    text = normalise_name(name)
    if (registry or default_registry()).lookup(text):
        return True
    langs = _languages(language)
    determiners = _words("determiners", langs)
    raw = re.findall(r"[^\W_]+", text.replace("’", "'"))
    words = [_fold(w) for w in raw]
    while len(words) > 1 and words[0] in determiners:
        raw, words = raw[1:], words[1:]
    if len(words) == 1 and is_source_noun(words[0], language):
        return False  # a head alone: "intelligence", "Intelligence", "Журналисты"
    documents = _words("documents", langs)
    if words[0] in documents:  # "данные разведки", "Angaben des Ministeriums"
        return False
    nouns = [i for i, w in enumerate(raw) if w[:1].isupper()]
    first = nouns[0] if nouns else 0
    if first > 0 and words[first] in documents and first + 1 not in nouns:
        return False  # German: "glaubhafte Berichte unabhängiger Journalisten", its first noun
    while len(words) > 1 and _PARTICIPLE_TAIL.fullmatch(raw[-1]) and words[-1] not in documents:
        raw, words = raw[:-1], words[:-1]  # "figures released": the head is "figures"
    return words[-1] not in documents


# -- the default registry -----------------------------------------------------------------

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


def listed_sources(summaries: Iterable[SourceSummary]) -> list[SourceSummary]:
    """The canonical sources of a ledger's summary that name an agent (``is_listed_source``):
    what the attribution read as a source but is a pronoun, a fragment, a bare back-reference or
    a document is left out, and so are written variants that name no source under a real one."""
    out = []
    for s in summaries:
        if not is_listed_source(s.source):
            continue
        names = tuple(n for n in s.names if is_source_name(n))
        out.append(replace(s, names=names) if names != s.names else s)
    return out
