"""The claimledger web app: browse the ledger, read annotated reports, add reports.

from claimledger.store import open_ledger
from claimledger.web import create_app, serve
app = create_app(open_ledger("ledger.sqlite"))      # an ASGI app, e.g. for tests
serve(open_ledger("ledger.sqlite"))                 # runs it on http://127.0.0.1:8000
"""

from __future__ import annotations

from .app import create_app
from .server import DEFAULT_HOST, DEFAULT_PORT, serve
from .settings import WebSettings

__all__ = ["DEFAULT_HOST", "DEFAULT_PORT", "WebSettings", "create_app", "serve"]
