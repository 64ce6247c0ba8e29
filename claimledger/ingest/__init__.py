"""Reading inputs as documents: files, folders, feeds, JSONL corpora, URLs and stdin.

The CLI, the web app and batch runners call only this::

    from claimledger.ingest import read_sources, IngestFailure
    for item in read_sources(["reports/", "feed.xml", "https://..."]):
        if isinstance(item, IngestFailure): ...   # one line: item.source, item.reason
        else: ...                                 # a Document
"""

from __future__ import annotations

from claimledger.ingest.base import IngestFailure, IngestSettings
from claimledger.ingest.fetch import Fetcher, FetchResult, HttpxFetcher, classify_address
from claimledger.ingest.sources import read_sources

__all__ = [
    "FetchResult",
    "Fetcher",
    "HttpxFetcher",
    "IngestFailure",
    "IngestSettings",
    "classify_address",
    "read_sources",
]
