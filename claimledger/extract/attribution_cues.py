"""The words of attribution: cues, speech verbs and name boundaries in en/ru/uk/de.

The lexicon that ``attribution`` reads sources with; kept apart so that the reading logic stays
short. Patterns are anchored or bounded (no nested unbounded repeats) to rule out backtracking.
"""

from __future__ import annotations

import re

from ..lexicon import alternation, gather

MAX_CITE_GAP = 45  # chars between "said" and "citing X": "in its regular update"

_WORD = r"[^\W\d_]"
_Q_OPEN = "\"“«„'‘"

# sentence splitting: an end mark, closing quotes, space, then something that can start a sentence
_SENT_END = re.compile(r"[.!?…][\"”»’)]?\s+(?=[\"“«„(\-–—•*]?\s?[A-ZА-ЯЁІЇЄҐ0-9])")
_ABBREV = re.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Dr|Gen|Lt|Col|Sgt|Capt|Maj|St|Art|No|Nos|Vol|vs|etc|Jan|Feb|Mar|Apr|Jun|"
    r"Jul|Aug|Sep|Sept|Oct|Nov|Dec|approx|incl|ст|ч|г|гг|им|т|п|ул|обл|р|Nr|bzw|ca|Abs)"
    r"|\b[A-ZА-Я]|\b(?:U\.S|U\.K|U\.N|e\.g|i\.e))\.$"
)

# a source named before the verb, read backwards (every language's speech verbs)
_VERBS = alternation("attribution", "SPEECH_VERBS")
# a source named after the cue, read forwards
_FORWARD_CUES = list(gather("attribution", "FORWARD_CUES"))
_FORWARD = re.compile("(?:" + "|".join(_FORWARD_CUES) + r")\s+")
_BACKWARD_SCOPE = re.compile(r"^(?:[Оо]б\s+этом|[Пп]ро\s+це|[Tt]his\s+(?:is|was))\b")
# a sentence that opens on "this"/"that" before its cue: it attributes what came before
_BACKWARD_OPENER = re.compile(
    r"\s*(?:[Dd]ies|[Dd]as|[Оо]б\s+этом|[Пп]ро\s+це|[Tt]his|[Tt]hat)\s+(?:geht|ging|teilte|teilten|sagte|"
    r"sagten|berichtete|berichtet|erklärte|meldete|schrieb|schreibt|is|was)\b"
)
_CITING = re.compile(
    r"\b(?:citing|со\s+ссылкой\s+на|посилаючись\s+на|з\s+посиланням\s+на|unter\s+Berufung\s+auf|"
    r"based\s+on\s+(?:the\s+)?(?:data|figures|information|reports?|statistics)\s+(?:from|of|by))\s+"
    r"|(?:(?<=beruft\ssich\s)|(?<=berief\ssich\s))(?:dabei\s+)?auf\s+"
    r"|\b(?:der|die|das)\s+sich\s+(?:dabei\s+)?auf\s+(?=[^.;\n]{0,100}\sberuft\b)"
)

_DATE_WORD = (
    r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|Mon|Tue|Wed|Thu|Fri|Sat|Sun|\d|"
    r"the\s+\d|Twitter|X\b|Telegram|Facebook)"
)
_VERB = re.compile(
    r"(?:^|(?<=[\s,]))(?:(?:now|also|has|have|had|previously|earlier|recently|then|further)\s+)?"
    r"(?:" + _VERBS + r")\b(?!\s+(?:of|about)\b)(?!\s+on\s+(?!" + _DATE_WORD + r"))"
)
_PRONOUNS = {
    "he",
    "she",
    "it",
    "they",
    "we",
    "i",
    "you",
    "who",
    "which",
    "that",
    "this",
    "what",
    "one",
    "он",
    "она",
    "они",
    "оно",
    "він",
    "вона",
    "вони",
    "er",
    "sie",
    "es",
    "wir",
    "many",
    "some",
    "others",
    "sources",
    "media",
    "reports",
    "officials",
    "them",
    "him",
    "us",
    "как",
    "як",
    "wie",
    "das",
    "dies",
    "это",
    "це",
    "кто",
    "хто",
    "wer",
}
# a name that is one of these stands for the source already speaking ("according to them")
_ANAPHORIC_PRONOUNS = {
    "he",
    "she",
    "it",
    "they",
    "them",
    "him",
    "we",
    "us",
    "он",
    "она",
    "они",
    "він",
    "вона",
    "вони",
    "er",
    "sie",
    "es",
}
# a word of a clause, not of a name: "these numbers cannot be verified"
_CLAUSE_WORDS = {
    "cannot",
    "can",
    "could",
    "be",
    "been",
    "being",
    "is",
    "are",
    "was",
    "were",
    "not",
    "will",
    "would",
    "should",
    "may",
    "might",
    "must",
    "has",
    "have",
    "had",
}
_NOT_FIRST = {
    "it",
    "he",
    "she",
    "they",
    "we",
    "there",
    "to",
    "for",
    "date",
    "this",
    "that",
    "what",
    "if",
    "when",
    "while",
    "as",
    "after",
    "before",
    "because",
    "unlike",
    "since",
    "over",
    "under",
    "about",
    "nearly",
    "almost",
    "around",
    "than",
    "up",
    "only",
    "just",
    "про",
    "об",
    "о",
    "на",
    "за",
    "до",
    "від",
    "из",
    "от",
    "which",
    "whom",
    "whose",
    "article",
    "articles",
    "paragraph",
    "section",
    "clause",
    "статья",
    "статье",
    "статьей",
    "статтею",
    "пункту",
    "статьи",
    "стаття",
    "статті",
    "пункт",
    "artikel",
    "absatz",
    "zuletzt",
    "zuvor",
    "bereits",
    "damals",
    "inzwischen",
    "nun",
    "jetzt",
    "heute",
    "gestern",
    "später",
    "seitdem",
    "außerdem",
    "zudem",
    "auch",
}
# a relative pronoun before a speech verb stands for the name before it ("X, which said")
_RELATIVE = {
    "which",
    "who",
    "яке",
    "який",
    "яка",
    "які",
    "котре",
    "которое",
    "который",
    "которая",
    "которые",
    "welche",
    "welcher",
    "welches",
}
_NOT_LAST = {
    "it",
    "he",
    "she",
    "they",
    "we",
    "what",
    "that",
    "which",
    "who",
    "is",
    "are",
    "was",
    "were",
    "had",
    "has",
    "have",
    "not",
    "also",
    "been",
    "be",
    "to",
    "of",
    "and",
    "or",
    "the",
    "a",
    "an",
    "its",
    "their",
}
# words inside a name between its capitalised words: "Institute for the Study of War"
_CONNECTORS = {
    "of",
    "for",
    "the",
    "and",
    "on",
    "de",
    "des",
    "der",
    "die",
    "das",
    "dem",
    "den",
    "von",
    "für",
    "zur",
    "zum",
    "im",
    "in",
    "und",
    "at",
    "в",
    "у",
    "з",
    "при",
    "по",
}
# an apposition that describes (not names) the speaker: "a spokesman", "the head of ..."
_DESCRIPTION = re.compile(
    r"(?:a|an|the|its|his|her|their|one|ein|eine|der|die|das)\s", re.IGNORECASE
)
_MONTH = re.compile(
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?(?:\s|$)"
)
_AMBIGUOUS_VERB = re.compile(r"(?:reports|claims|estimates|notes|states|found|say)$")
_REPORT_NOUN = re.compile(
    r"^(?:\w+\s+)?(?:повідомленні|зведенні|сообщении|сводке|заявлении|звіті|отчете|отчёте|публікації|"
    r"публикации|даних|данных|дані|данные)\s+"
    r"|^(?:\w+\s+)?(?:Bericht|Lagebericht|Mitteilung|Erklärung|Analyse|Studie|Angaben)\s+(?:des|der|von)\s+",
    re.IGNORECASE,
)
_TRAILING = re.compile(
    r"(?:\s+(?:on|in|last|this|further|also|then|later|previously|earlier|now|had|has|have|"
    r"hat|haben|hatte|hatten|habe|am|im|bereits|zuvor|zudem|außerdem|auch|также|тоже|ещё|еще|"
    r"вновь|також|теж|знову)(?=\s|$).*)$"
)
_ANAPHORIC_HEADS = re.compile(
    r"^(?:(?:the|this|that|its|their|his|her|the latest|this latest|a)\s+)?(?:\w+\s+)?"
    r"(?:report|update|statement|"
    r"ministry|study|investigation|bulletin|agency|document|department|analysis|briefing|post|"
    r"source|outlet|publication|paper|intelligence update|assessment|data|figures|research|"
    r"group|project|"
    r"team|site|website|organisation|organization|service|military department|"
    r"research(?:ers)?|authors?|spokesman|spokesperson|official|minister|governor|mayor|"
    r"commander|publication|article|newspaper|review|summary)s?$",
    re.IGNORECASE,
)
# a definite German back-reference, or a Russian/Ukrainian "the agency" word: the source speaking
_ANAPHORIC_HEADS_OTHER = re.compile(
    r"^(?:(?:der|die|das|dem|den|des)\s+(?:Ministerium|Ministeriums|Behörde|Behörden|Unternehmen|"
    r"Unternehmens|Konzern|Konzerns|Amt|Amts|Agentur|Bericht|Berichts|Lagebericht|Studie|Analyse|"
    r"Regierung|Verwaltung|Armee|Militär|Geheimdienst|Geheimdienstes|Geheimdienste|Organisation|"
    r"Sprecher|Sprecherin|Institut|Instituts|Quelle|Quellen|Experten|Forscher|Autoren|Dienst|Stab)"
    r"|(?:[ву]\s+)?(?:ведомств[оаеу]|ведомством|відомств[оау]|відомстві|відомством|"
    r"издание|издания|изданию|видання|виданню))$",
    re.IGNORECASE,
)
# a German cue: its names are noun phrases that end where a verb or adverb follows a noun
_GERMAN_CUE = re.compile(
    r"(?:[Ll]aut|[Nn]ach\s|unter\s|zufolge|so\s|berichtet|schreibt|schrieb|sagte|erklärte|teilte|"
    r"meldete|geht|ging|"
    r"heißt|hieß|der\s+sich|die\s+sich|das\s+sich|dabei|auf)"
)
# a lower-case German word that may stand inside a name: an adjective before its noun
# "Zuletzt hatte die Stadt von ... berichtet": the subject after the auxiliary, not the adverb
_GERMAN_INVERTED = re.compile(
    r"\s*[A-ZÄÖÜ][a-zäöüß]+\s+(?:hatte|hat|haben|hatten|habe|ist|war|waren|sind)\s+"
    r"(?P<subj>(?:der|die|das|den|dem|des)\s+[^\d,;:.]{2,80}?)\s+(?=von|über|mit|in|im|am|zu|auf|"
    r"bereits|zuvor|schon|\d)"
)
_GERMAN_ADJECTIVE = re.compile(r"[a-zäöüß-]{3,}(?:e|en|er|es|em)")
_DEFINITE_ARTICLE = re.compile(r"(?:the|der|die|das|dem|den|des)\s+", re.IGNORECASE)
_SELF_REF = re.compile(
    r"\b(?:as|according\s+to)\s+(?:earlier\s+|previous\s+)?(?:reports?\s+by\s+)?"
    r"(?P<name>[^,.;:]{2,40}?)\s+(?:previously|earlier|already)\s+(?:reported|wrote|noted)"
    r"|\baccording\s+to\s+(?:earlier|previous)\s+reports\s+by\s+(?P<name2>[^,.;:]{2,40})",
    re.IGNORECASE,
)
_REPORT_HEAD = re.compile(
    r"^(?:(?:a|an|the|its|their|this|latest|new|recent|daily|regular|weekly)\s+)*"
    r"(?:(?!(?:for|of|on|in|at|to|für|von)\s)\w+\s+){0,2}"  # "Institute for Study": no head
    r"(?:report|update|post|statement|bulletin|study|assessment|analysis|document)\b",
    re.IGNORECASE,
)
_BY_AUTHOR = re.compile(r"\b(?:by|of|from)\s+(?=(?:the\s+)?[A-ZА-ЯЁІЇЄҐ])")
# between a report and the source it cites: "said in its regular update, citing X"
_CITE_GAP = re.compile(
    r"(?:[^.;:!?\n,]{0," + str(MAX_CITE_GAP) + r"}?)?,?\s*"
    r"(?=citing|based\s+on|со\s+ссылкой|посилаючись|з\s+посиланням|unter\s+Berufung|"
    r"(?:der|die|das)\s+sich\s|(?:dabei\s+)?auf\s)"
)
# between a speaker's verb and the source its words open on: "says (that) research by X"
_NEST_GAP = re.compile(r",?\s*(?:(?:that|что|що|dass),?\s+)?")
_PASSIVE_CUE = re.compile(r"(?:as\s+)?(?:cited|reported|quoted)\s+by\b", re.IGNORECASE)
_DEFINITE = re.compile(
    r"\b(?:the|this|that|its|their|these)\s+(?:latest\s+|daily\s+|new\s+)?"
    r"(?:report|update|post|statement|bulletin|study|assessment|analysis|document)\b",
    re.IGNORECASE,
)
# editorial transitions at the start of a paragraph: what follows is the outlet's own voice
_EDITORIAL = re.compile(
    r"\s*(?:[-–—•*]\s*)?(?:read\s+(?:more|also)|see\s+also|related|recall|background|reference|"
    r"as\s+a\s+reminder|"
    r"напомним|читайте\s+также|нагадаємо|читайте\s+також|довідка|справка|"
    r"lesen\s+sie\s+auch|mehr\s+zum\s+thema|zur\s+erinnerung)\b",
    re.IGNORECASE,
)
# a sentence opening on a dated past event: background told by the outlet itself
_MONTH_NAME = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_BACKGROUND = re.compile(
    r"\s*(?:[-–—•*]\s*)?(?:(?i:(?:back\s+)?in|on)\s+(?:(?:early|mid|late)[-\s])?[A-Z][a-z]{2,8}\.?\s+"
    r"(?:\d{1,2},?\s+)?(?:19|20)\d\d\b"
    r"|(?i:launched|founded|established|created)\s+in\s+(?:[A-Z][a-z]{2,8}\.?\s+)?(?:19|20)\d\d\b"
    r"|(?i:on)\s+\d{1,2}\s+" + _MONTH_NAME + r",?\s+(?:19|20)\d\d\b"
    r"|(?i:on)\s+" + _MONTH_NAME + r"\s+\d{1,2}(?:st|nd|rd|th)?,)"
)
# a sentence in which the outlet takes the word back: "Recall that", "Earlier,", "Напомним"
_OWN_VOICE = re.compile(
    r"\s*(?:[-–—•*]\s*)?(?:(?i:recall\s+that|as\s+a\s+reminder|it\s+is\s+worth\s+recalling|"
    r"earlier(?:\s+(?:this|that|last)\s+[a-z]+)?,|previously,|напомним|нагадаємо|нагадуємо|"
    r"ранее[,\s]|раніше[,\s]|zur\s+erinnerung|bereits\s+zuvor|zuvor\s+hatte))"
)
# a subheading: a short title-case line without a closing mark ("4,000 Tanks Gone")
_SUBHEADING = re.compile(r"[A-Z0-9$€£][^\n.!?:;,\"”»]{2,60}")
MIN_SUBHEADING_WORDS = 2  # a one-word line is a label or a name, not a subheading
_FIRST_PERSON = re.compile(r"^(?:[\"“]?)(?:We|Our|Мы|Ми|Wir)\b")
_NAME_STOP = re.compile(
    r"[,;:.!?()\[\]\n–—]|\s-\s|\s(?:" + alternation("attribution", "NAME_STOPS") + "|"
    + _VERBS
    + r")(?=\s|$)"
)
_LEADING_JUNK = re.compile(
    r"^(?:(?:and|but|while|whereas|meanwhile|also|however|now|so|as|и|а|і|та|в|у|und|aber|wie|"
    r"об\s+этом|про\s+це|darüber)\s+)+",
    re.IGNORECASE,
)
_HEADLINE_COLON = re.compile(r"^\s*(?:[^\n:]{0,80},\s*)?(?P<name>[^\n:,]{2,60}?)\s*:\s+\S")
_HEADLINE_DASH = re.compile(r"\s[—–-]\s+(?P<name>[^\n—–]{2,60}?)\s*$")

# The (lower-cased) words that can open a match of the cue patterns above: the patterns are tried
# only where one of these starts (see ``scan``). A new cue must add its first word here.
SELF_REF_OPENERS = frozenset({"as", "according"})
FORWARD_OPENERS = frozenset(gather("attribution", "FORWARD_OPENERS"))
VERB_OPENERS = frozenset(
    "now also has have had previously earlier recently then further".split()
) | frozenset(alt.split("\\s+")[0].lower() for alt in _VERBS.split("|"))

# a line of a list: "• tanks — 7,242", "- танки — 9113", "3) ..."
_LIST_ITEM = re.compile(r"\s*(?:[-–—•*·▪●]|\d{1,2}[.)])\s")
# a paragraph opening that goes on with the report before it, not the outlet's own voice: a
# connective of addition ("In addition,", "Кроме того", "Außerdem"), a passive speech verb ("It is
# also noted that", "Отмечается", "Зазначається"), a quotation that goes on, or words that point
# back at the figures just reported ("these figures", "эти данные", "diese Zahlen")
_CONTINUATION = re.compile(
    r"\s*(?:[-–—•*]\s*)?(?:[\"“„«]"
    r"|(?i:details|деталі|детали|подробности|подробиці|einzelheiten):"
    r"|(?i:in\s+total|overall|(?:the\s+)?total\s+number|in\s+particular|namely|in\s+addition|additionally|moreover|furthermore|besides|apart\s+from|also|"
    r"it\s+(?:also\s+)?(?:is|was|has\s+been)\s+(?:also\s+)?(?:noted|emphasi[sz]ed|stated|"
    r"reported|added|specified|indicated|stressed|said)|(?:\w+\s+){0,3}?(?:these|those|the\s+same)\s+"
    r"(?:\w+\s+)?(?:figures|numbers|data|estimates))\b"
    r"|(?:[Вв]сего|[Вв]\s+общей\s+сложности|[Оо]бщее\s+(?:\w+\s+)?количество|[Зз]агалом|[Уу]сього|"
    r"[Зз]агальна\s+кількість|[Кк]роме|[Пп]омимо|[Вв]\s+частности|[Зз]окрема|[Тт]акже|[Оо]тмечается|[Уу]казывается|[Уу]точняется|[Пп]одчеркивается|"
    r"[Сс]ообщается|[Кк]рім|[Оо]крім|[Тт]акож|[Зз]азначається|[Нн]аголошується|[Уу]точнюється|"
    r"[Вв]ідзначається|[Пп]овідомляється|[Дд]одається|[Ээ]ти\s+данные|[Цц]і\s+дані)(?=[\s,])"
    r"|(?:Insgesamt|Die\s+Gesamtzahl|Insbesondere|Außerdem|Außer|Zudem|Darüber\s+hinaus|Ferner|Weiter\s+hieß\s+es|Demnach|Diese\s+Zahlen|"
    r"Die\s+Zahlen)\b)"
)
# words that point back at what was just reported, near the start of a sentence: "Of these,",
# "The majority of these cases", "Among the destroyed equipment", "It overtakes", "Из них"
_TIME_NOUNS = (
    r"spring|summer|autumn|fall|winter|week|weekend|month|year|morning|evening|afternoon|time|"
    r"days|weeks|months|years|january|february|march|april|may|june|july|august|september|"
    r"october|november|december|monday|tuesday|wednesday|thursday|friday|saturday|sunday"
)
MAX_BACKREF_WORDS = 4  # words before the back-reference
_BACKREF = re.compile(
    r"\s*(?:[-–—•*]\s*)?(?:\S+\s+){0," + str(MAX_BACKREF_WORDS) + r"}?(?:"
    r"(?i:(?<!as\s)(?<!while\s)(?<!when\s)(?:these|those|this|such)\b"
    r"(?!\s+(?:" + _TIME_NOUNS + r")\b)"
    r"|(?:the\s+same|of\s+them|among\s+the|the\s+reported)\b|of\s+the\s+\d)"
    r"|(?i:эти|этих|этого|этой|такие|из\s+них|среди\s+них|из\s+этого\s+числа|ці|цих|цього|цієї|такі|з\s+них|"
    r"серед\s+них|з\s+цього\s+числа)(?=[\s,.])"
    r"|(?:Так|Тем\s+самым|Таким\s+чином|Таким\s+образом),"
    r"|(?:Diese|Dieser|Dieses|Diesen|Davon|Darunter|Damit|Sie|Es)\b|(?:diese|dieser|dieses|diesen|davon|darunter)\b)"
)
# a pronoun that opens a new paragraph goes on with the subject before it: "It overtakes ..."
_PRONOUN_OPENING = re.compile(
    r"\s*(?:[-–—•*]\s*)?(?:It|They|Its|Their|He|She|His|Her)\s"
)
# a word anywhere in a sentence that keeps it reporting: "has also suffered", "reportedly"
_STILL_REPORTING = re.compile(
    r"\b(?:also|reportedly|allegedly|further|in\s+addition|(?:the|its|their)\s+report|"
    r"außerdem|zudem|ebenfalls|demnach|"
    r"также|тоже|ещё|еще|кроме\s+того|по\s+их\s+данным|також|теж|ще|крім\s+того|за\s+їхніми\s+даними)\b",
    re.IGNORECASE,
)

# verbs of finding: a lower-case subject before them must be a source word ("the study shows"),
# not any noun ("the reversal reveals")
_FINDING_VERB = re.compile(
    r"(?:reveals|revealed|suggests|suggested|indicates|indicated|found|established|counted|"
    r"calculated|tallied|verified|concluded|estimated|estimates|estimate|shows|showed|"
    r"carried\s+out|conducted|announced|published|released)$"
)
_SOURCE_HEAD = re.compile(
    r"(?i:.*\b(?:report|reports|study|studies|data|figures|analysis|analyses|research|survey|"
    r"investigation|investigations|review|document|documents|paperwork|assessment|records|"
    r"estimates|calculations|statistics|audit|poll|census|update|bulletin|paper|intelligence|"
    r"images|imagery|ministry|office|service|agency|authority|authorities|officials|experts|"
    r"analysts|researchers|journalists|investigators|scientists|monitors|group|project|"
    r"institute|team|council|committee|court|police|army|military|command|staff|government|"
    r"administration|department|watchdog|observers|media|outlet|newspaper|publication|"
    r"sources|economists|prosecutors|inspectors))$"
)
# an auxiliary right before a participle makes it passive: "can be estimated", "was reported"
_PASSIVE_AUX = re.compile(r"\b(?:be|been|being|is|are|was|were)\s+$", re.IGNORECASE)
_DETERMINERS = {"the", "this", "that", "its", "their", "his", "her", "these", "those", "a"}
# a cue whose source is a possessive pronoun: "за його словами", "по его данным", "seinen Angaben
# zufolge", "in his words"; it stands for the sentence's subject, else the source speaking
_POSSESSIVE_CUE = re.compile(
    r"\b(?:[Зз]а\s+(?:його|її|їхніми|їх)\s+(?:словами|даними|оцінками|підрахунками)"
    r"|[Пп]о\s+(?:его|ее|её|их)\s+(?:словам|данным|оценкам|подсчетам|подсчётам)"
    r"|(?:[Ss]einen|[Ii]hren)\s+(?:Angaben|Worten|Schätzungen)\s+zufolge"
    r"|(?:[Ii]n|[Bb]y)\s+(?:his|her|their)\s+(?:words|account|estimate|count))\b"
)
# the subject that opens a sentence: a run of capitalised words ("Президент Володимир Зеленський")
_CAP_WORD = r"[A-ZА-ЯЁІЇЄҐÄÖÜ][\w’'.-]+"
_SUBJECT_RUN = re.compile(r"\s*(?P<name>" + _CAP_WORD + r"(?:\s+" + _CAP_WORD + r")+)")
# words that name a media outlet or its journalists
_MEDIA_WORD = re.compile(
    r"(?i:\b(?:outlet|media|newspaper|journalists?|news\s+site|publication|magazine|"
    r"издани[еяю]|сми|журналист\w*|газет\w+|медиагрупп\w*|видання|змі|журналіст\w*|медіагруп\w*|"
    r"ausgabe|zeitung|medien|journalisten|nachrichtenportal|portal|передает|передає|передают)\b)"
)
# a label line that names the source after its colon: "Source: ...", "Джерело: ...", "Quelle: ..."
_SOURCE_LABEL = re.compile(
    r"\s*(?i:sources?|джерело|джерела|источник|источники|quelle|quellen)\s*:\s*"
)
# a clause chunk that opens on a preposition is an adverbial, not the subject
_PREPOSITION_OPENING = re.compile(r"\s*(?:в|у|во|на|при|in|im|at|during|bei|beim)\s", re.IGNORECASE)
# the first of two joined lower-case predicates before a speech verb: "собрало информацию и"
_JOINED_PREDICATE = re.compile(
    r"(?<=[\"”»\w])\s+[a-zа-яёіїєґäöüß]+(?:\s+[a-zа-яёіїєґäöüß]+){0,2}\s+(?:и|і|та|and|und)$"
)
# the name that closes a clause: "... comes from the analysis site Oryx" -> "analysis site Oryx"
_TAIL_NAME = re.compile(
    r"(?:[a-zа-яёіїєґäöüß-]+\s+){0,3}[A-ZА-ЯЁІЇЄҐÄÖÜ][\w.’'-]*(?:\s+[A-ZА-ЯЁІЇЄҐÄÖÜ][\w.’'-]*)*\s*$"
)
# a headline's title-case speech verb after its source: "UK Intelligence Estimates 6,000 ..."
_TITLE_VERB = re.compile(
    r"(?P<name>[A-Z][\w.’'-]*(?:\s+(?:of|for|the|[A-Z][\w.’'-]*)){0,4})\s+"
    r"(?:Estimates|Says|Reports|Claims|Warns|Confirms|Reveals|Finds|Counts)\s"
)
# a paragraph line that opens on a quotation, and the marks that close one
_QUOTE_OPENING = re.compile(r"\s*(?:[-–—•*]\s*)?[\"“„«]")
_QUOTE_CLOSE = re.compile(r"[\"”»]")
# a phrase of media reports, not a medium: "media estimates", "media reports"
_REPORT_WORDS = re.compile(r"(?i:\b(?:estimates|reports|reporting|data|figures|calculations)$)")
# the end of quoted speech right before its speaker's cue: '...,” noted X', '... - noted X'
_SPEECH_CLOSE = re.compile(r"(?:[\"”»],?|[^\s]\s[-–—])\s*$")
# a name introduced with an apposition that says what kind of source it is: "Oryx, an open
# source intelligence website, has ..."; "the website" then refers to it
_APPOSITION = re.compile(
    r"\s*(?P<name>[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,3}),\s+(?:an?|the)\s+(?:[\w-]+\s+){0,4}?"
    r"(?P<head>group|website|site|project|outlet|organi[sz]ation|monitor|blog|agency|institute)"
    r"(?=[\s,])"
)
