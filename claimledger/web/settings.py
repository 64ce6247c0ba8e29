"""Settings of the web app: limits and the analysis it runs."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from ..ingest.fetch import Fetcher
from ..model import Analysis, Document
from ..pipeline import analyze_document

MB = 1024 * 1024
DEFAULT_MAX_UPLOAD_BYTES = 5 * MB  # a pasted or uploaded report is far below this
FORM_OVERHEAD_BYTES = 64 * 1024  # multipart boundaries and the small form fields around a file
DEFAULT_PAGE_SIZE = 50
MAX_PAGE_SIZE = 1000
# Series grouped automatically by what they count are listed on /metrics only on a ledger of at
# most this many figures (building them reads every figure); each still opens by its id.
AUTO_LIST_MAX = 5_000
# The Host names the app answers to by default: this machine's loopback names (see HostCheck)
LOOPBACK_HOSTS = ("127.0.0.1", "localhost", "::1")


@dataclass(frozen=True)
class WebSettings:
    """How the web app behaves; one instance per app, never global."""

    allow_private_urls: bool = False  # let URL ingest reach loopback/private addresses
    max_upload_bytes: int = DEFAULT_MAX_UPLOAD_BYTES  # cap on pasted text and uploaded files
    page_size: int = DEFAULT_PAGE_SIZE
    analyze: Callable[[Document], Analysis] = analyze_document  # the pipeline run on ingest
    fetcher: Fetcher | None = None  # fetches URLs for ingest; None: the guarded httpx fetcher
    # Host headers answered; a request naming another host (DNS rebinding) gets 421. None
    # answers any host (behind a proxy that checks it).
    allowed_hosts: tuple[str, ...] | None = LOOPBACK_HOSTS

    @property
    def max_request_bytes(self) -> int:
        """The largest request body accepted on an ingest route."""
        return self.max_upload_bytes + FORM_OVERHEAD_BYTES
