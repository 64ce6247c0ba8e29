"""A coverage-guided fuzz harness (atheris) for the analysis pipeline and the ingest readers.

    .venv/bin/pip install atheris
    .venv/bin/python scripts/fuzz_analyze.py -max_total_time=180 -timeout=10 -max_len=4096

Any exception, an offset that does not point at its own text, or a timeout (libFuzzer's
``-timeout``) is a finding; libFuzzer writes the input to ``crash-*`` / ``timeout-*``.
"""

from __future__ import annotations

import sys
from typing import Any

import atheris

with atheris.instrument_imports():
    from claimledger.ingest.base import IngestSettings
    from claimledger.ingest.feeds import parse_feed
    from claimledger.ingest.jsonl import read_jsonl_stream
    from claimledger.ingest.text import decode_bytes
    from claimledger.model import Document
    from claimledger.pipeline import analyze_document

import io  # noqa: E402

from claimledger.errors import ParseError  # noqa: E402

LANGUAGES = (None, "en", "ru", "uk", "de")
PUBLISHED = (None, "2024-05-06", "2022-02-24", "bogus", "2024-02-30")


def _check(text: str, language: str | None, published: str | None) -> None:
    analysis = analyze_document(Document(text=text, language=language, published=published))
    records: list[Any] = [*analysis.quantities, *analysis.times, *analysis.hedges,
                          *analysis.attributions]
    for r in records:
        if not (0 <= r.start <= r.end <= len(text)) or text[r.start:r.end] != r.text:
            raise AssertionError(f"bad offsets {r!r} in {text!r}")


def test_one_input(data: bytes) -> None:
    fdp = atheris.FuzzedDataProvider(data)
    mode = fdp.ConsumeIntInRange(0, 3)
    language = LANGUAGES[fdp.ConsumeIntInRange(0, len(LANGUAGES) - 1)]
    published = PUBLISHED[fdp.ConsumeIntInRange(0, len(PUBLISHED) - 1)]
    if mode == 0:
        _check(fdp.ConsumeUnicodeNoSurrogates(fdp.remaining_bytes()), language, published)
        return
    raw = fdp.ConsumeBytes(fdp.remaining_bytes())
    try:
        if mode == 1:
            _check(decode_bytes(raw, "<fuzz>"), language, published)
        elif mode == 2:
            for _ in parse_feed(raw, "<fuzz>"):
                pass
        else:
            for _ in read_jsonl_stream(io.BytesIO(raw), "<fuzz>", IngestSettings()):
                pass
    except ParseError:
        pass  # a refusal named in words is the expected outcome for a bad input


def main() -> None:
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
