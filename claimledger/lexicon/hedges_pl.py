"""Polish estimative phrases mapped to PHIA yardstick terms (read by ``extract.hedges``)."""

from __future__ import annotations

PHRASES: dict[str, str] = {
    "prawie na pewno": "almost certain",
    "niemal na pewno": "almost certain",
    "niemal pewne": "almost certain",
    "bardzo prawdopodobne": "highly likely",
    "wysoce prawdopodobne": "highly likely",
    "najprawdopodobniej": "highly likely",
    "prawdopodobnie": "likely",
    "prawdopodobne": "likely",
    "realna możliwość": "realistic possibility",
    "mało prawdopodobne": "unlikely",
    "mało prawdopodobny": "unlikely",
    "nieprawdopodobne": "unlikely",
    "wysoce nieprawdopodobne": "highly unlikely",
    "bardzo mało prawdopodobne": "highly unlikely",
    "znikoma szansa": "remote chance",
}
