"""German words of attribution: speech verbs after a source, cues before one (read by
``extract.attribution_cues``); regex sources."""

from __future__ import annotations

SPEECH_VERBS: tuple[str, ...] = (
    r"berichtet|berichtete|schreibt|schrieb|sagte|sagten|erklärte|erklärten|schätzt|schätzte"
    r"|zufolge|teilte|teilten|meldet|meldete|mitteilte|mitteilten|mitgeteilt|beruft\s+sich"
    r"|berief\s+sich",
)
FORWARD_CUES: tuple[str, ...] = (
    r"(?<=,\s)so\s+(?:der|die|das|den|dem)(?=\s+[A-ZÄÖÜ])",
    r"\b[Ll]aut",
    r"\b[Nn]ach\s+(?:Angaben|Schätzungen|Berechnungen|Informationen|Erkenntnissen|Einschätzung"
    r"|Darstellung|Zählung)(?:\s+(?:von|des|der))?",
    r"\b(?:heißt|hieß)\s+es\s+(?:[^\s,.;]+\s+){0,3}?(?:in|im|aus)(?=\s)",
    r"\b(?:geht|ging)\s+aus\s+(?:einem|dem|einer|der|den)\s+(?:\w+\s+)?(?:Bericht|Lagebericht"
    r"|Analyse|Studie|Mitteilung|Erklärung|Daten|Zahlen|Angaben|Statistik|Schreiben)\s+(?:des|der"
    r"|von)",
    r"\bunter\s+Berufung\s+auf",
    r"\b(?:berichtet|berichtete|schreibt|schrieb|sagte|erklärte|teilte|meldete)"
    r"(?=\s+(?:(?:der|die|das|dem|den|ein|eine)\s+(?:[a-zäöüß]+\s+)?)?[A-ZÄÖÜ„\"«])",
)
FORWARD_OPENERS: tuple[str, ...] = tuple(
    "so laut nach unter berichtet berichtete sagte erklärte teilte geht ging meldete heißt hieß"
    " schreibt schrieb".split())
NAME_STOPS: tuple[str, ...] = (r"unter\s+Berufung", r"dass")
