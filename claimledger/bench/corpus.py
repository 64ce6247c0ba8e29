"""A synthetic corpus for benchmarks: reports generated from templates the team wrote.

The templates state figures of the kind claimledger reads (losses, court cases, money, percentages,
durations, periods, sources, hedges) in English, Russian, Ukrainian and German; the generator
fills them with random values, so a corpus of any size is reproducible from its seed.
"""

from __future__ import annotations

import json
import random
from collections.abc import Iterator
from pathlib import Path

from ..model import Document

# Sentences with slots; each language gets several so documents vary in shape and length.
TEMPLATES: dict[str, list[str]] = {
    "en": [
        "Ukraine's General Staff said Russia had lost {big} personnel since the start of the "
        "full-scale invasion, including {small} over the past day.",
        "According to the ministry, {pct}% of the {mid} cases opened in {year} ended in a "
        "conviction, up from {pct2}% a year earlier.",
        "The aid package is worth ${money} billion and covers {small} armoured vehicles.",
        "Officials in {city} reported that about {small} residents were evacuated on {day} "
        "{month} {year}.",
        "Courts handed down sentences of up to {dur} years, the outlet reported, citing court "
        "records.",
        "It is likely that the figure understates the real number, analysts said.",
        "Between January and {month} {year}, more than {mid} drones were shot down, the air "
        "force said.",
        "The front line moved roughly {km} km over {dur} weeks.",
    ],
    "ru": [
        "По данным Генштаба ВСУ, потери России составили {big} человек, за сутки — {small}.",
        "Суды рассмотрели более {mid} дел о самовольном оставлении части с января {year} года.",
        "Около {pct}% обвиняемых получили реальные сроки до {dur} лет.",
        "Бюджет программы составил {money} млрд рублей, сообщает издание.",
    ],
    "uk": [
        "За даними Генштабу ЗСУ, втрати ворога сягнули {big} осіб, ще {small} — за добу.",
        "Понад {mid} мешканців {city} евакуювали з {day} березня {year} року.",
        "Ймовірно, реальні втрати вищі на {pct} відсотків, вважають аналітики.",
    ],
    "de": [
        "Laut dem ukrainischen Generalstab verlor Russland seit Kriegsbeginn {big} Soldaten.",
        "Mehr als {mid} Fälle wurden {year} vor Militärgerichten verhandelt, rund {pct} Prozent "
        "davon endeten mit einer Verurteilung.",
        "Das Paket umfasst {money} Mrd. Euro und soll {dur} Jahre laufen.",
    ],
}
CITIES = ["Kharkiv", "Odesa", "Sumy", "Dnipro", "Zaporizhzhia", "Kherson"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August"]
FILLER = ("The report gave no further detail on how the figures were collected, and the "
          "numbers could not be verified independently. ")


def _fill(template: str, rng: random.Random) -> str:
    return template.format(
        big=f"{rng.randint(100_000, 999_999):,}", mid=f"{rng.randint(1_000, 50_000):,}",
        small=rng.randint(10, 2_000), pct=round(rng.uniform(1, 99), 1),
        pct2=round(rng.uniform(1, 99), 1), money=round(rng.uniform(0.5, 60), 1),
        year=rng.randint(2022, 2026), dur=rng.randint(2, 15), km=rng.randint(2, 40),
        city=rng.choice(CITIES), day=rng.randint(1, 28), month=rng.choice(MONTHS),
    )


def synthetic_document(i: int, rng: random.Random, *, target_chars: int = 2000) -> Document:
    """One synthetic report of about ``target_chars`` characters."""
    lang = rng.choices(list(TEMPLATES), weights=[70, 10, 10, 10])[0]
    parts: list[str] = []
    size = rng.randint(target_chars // 2, target_chars * 3 // 2)
    while sum(len(p) for p in parts) < size:
        parts.append(_fill(rng.choice(TEMPLATES[lang]), rng))
        if rng.random() < 0.2 and lang == "en":
            parts.append(FILLER)
    text = "\n".join(" ".join(parts[k : k + 3]) for k in range(0, len(parts), 3))
    published = f"{rng.randint(2022, 2026)}-0{rng.randint(1, 9)}-{rng.randint(10, 28)}"
    return Document(text=text, id=f"syn-{i:07d}", language=lang, published=published,
                    outlet=rng.choice(["example-news.org", "frontline.example", "kyiv.example"]))


def synthetic_documents(n: int, *, seed: int = 7, target_chars: int = 2000) -> Iterator[Document]:
    """``n`` synthetic reports, streamed."""
    rng = random.Random(seed)
    for i in range(n):
        yield synthetic_document(i, rng, target_chars=target_chars)


def as_html(doc: Document) -> str:
    """A page around the report: navigation, article and footer, as a crawler would fetch it."""
    paras = "".join(f"<p>{p}</p>" for p in doc.text.split("\n"))
    return (f"<html><head><title>Report {doc.id}</title></head><body><nav><a href='/'>Home</a> "
            f"<a href='/war'>War</a></nav><article><h1>Report {doc.id}</h1>{paras}</article>"
            f"<footer>© example news</footer></body></html>")


def write_jsonl(path: Path, n: int, *, seed: int = 7, target_chars: int = 2000) -> int:
    """Write ``n`` synthetic documents to a JSONL file in the eval docs shape; returns bytes."""
    with path.open("w", encoding="utf-8") as fh:
        for doc in synthetic_documents(n, seed=seed, target_chars=target_chars):
            fh.write(json.dumps({"id": doc.id, "text": doc.text, "language": doc.language,
                                 "published": doc.published, "outlet": doc.outlet},
                                ensure_ascii=False) + "\n")
    return path.stat().st_size
