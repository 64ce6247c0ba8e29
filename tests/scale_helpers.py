"""What the scale tests share: a corpus of every kind of input, and faults injected into Dask
workers (this module is importable by name on the workers)."""

from __future__ import annotations

import gzip
import io
import json
import os
import signal
from pathlib import Path

LINES = [
    "The regional governor said {n:,} homes had lost power and about {p}% were back online.",
    "Officials counted {n:,} drones in May 2024, up from {m:,} in April.",
]


def jsonl_line(i: int) -> str:
    text = " ".join(t.format(n=1000 + 37 * i, m=900 + 11 * i, p=10 + i % 80) for t in LINES)
    return json.dumps({"id": f"doc{i}", "text": text, "language": "en"})


def corpus(root: Path, n: int = 40) -> Path:
    """A folder of every kind a shard holds: a JSONL file with a broken and a blank line, a
    gzipped one, a text report, an empty JSONL file, a WARC crawl, a hidden file and a nested
    folder."""
    root.mkdir()
    lines = [jsonl_line(i) for i in range(n)]
    lines.insert(n // 2, "{broken line")
    lines.insert(n // 3, "")
    (root / "a.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    with gzip.open(root / "b.jsonl.gz", "wt", encoding="utf-8") as fh:
        fh.write("\n".join(jsonl_line(i) for i in range(n, n + 5)) + "\n")
    (root / "c.txt").write_text("The mayor said 300 families were moved in June 2024.\n")
    (root / "d.jsonl").write_text("")
    (root / ".hidden.txt").write_text("Nobody should read the 12 lines here.\n")
    write_warc(root / "g.warc.gz", n)
    (root / "sub").mkdir()
    (root / "sub" / "e.jsonl").write_text(
        jsonl_line(n + 9) + "\n" + jsonl_line(n + 10), encoding="utf-8"
    )
    return root


def write_warc(path: Path, n: int) -> Path:
    """A gzipped WARC crawl of two news pages."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        for k in range(2):
            paragraphs = "".join(
                f"<p>The city council said {200 + 13 * k + i} buses ran on line {i} in May 2024,"
                f" about {20 + i}% more than a year before.</p>" for i in range(6)
            )
            page = (f"<html><head><title>Transit report {k}</title></head><body><article>"
                    f"<h1>Transit report {k}</h1>{paragraphs}</article></body></html>")
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")],
                                       protocol="HTTP/1.1")
            record = writer.create_warc_record(
                f"https://transit.example/report-{n}-{k}", "response",
                payload=io.BytesIO(page.encode("utf-8")), http_headers=headers,
            )
            writer.write_record(record)
    return path


CHECKED = [
    "Of the {t} drones launched, {a} were shot down and {b} were lost to jamming, the air force"
    " said, {p}% of them over the capital.",
    "The ministry said {a} of {t} schools, or {p}%, had reopened by June 2024.",
]


def checked_corpus(path: Path, n: int) -> Path:
    """JSONL reports whose figures the checks verify (some consistent, some not)."""
    with path.open("w", encoding="utf-8") as fh:
        for i in range(n):
            t = 40 + i
            a, b = t - 10, 10 + i % 3  # every third one adds up
            text = " ".join(s.format(t=t, a=a, b=b, p=round(100 * a / t) + i % 2) for s in CHECKED)
            fh.write(json.dumps({"id": f"chk{i}", "text": text, "outlet": "example.org"}) + "\n")
    return path


class KillOnce:
    """Kills the worker process running it, once per ``marker``: right after the ``after``-th
    document of a shard was stored (the first shard to get that far). The marker file, made
    before dying, keeps the retried shard (and every other) alive."""

    def __init__(self, marker: Path, after: int) -> None:
        self.marker = str(marker)
        self.after = after

    def __call__(self, shard_id: str, seq: int) -> None:
        if seq != self.after:
            return
        try:
            fd = os.open(self.marker, os.O_CREAT | os.O_EXCL | os.O_WRONLY)
        except FileExistsError:
            return
        os.write(fd, shard_id.encode("ascii"))
        os.close(fd)
        os.kill(os.getpid(), signal.SIGKILL)
