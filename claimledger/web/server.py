"""Running the web app: uvicorn on the loopback address unless told otherwise."""

from __future__ import annotations

from ..store.base import Ledger
from .app import create_app
from .settings import WebSettings

DEFAULT_HOST = "127.0.0.1"  # local only: the ledger and the ingest form are not for the network
DEFAULT_PORT = 8000


def serve(
    ledger: Ledger,
    host: str = DEFAULT_HOST,
    port: int = DEFAULT_PORT,
    settings: WebSettings | None = None,
    *,
    log_level: str = "info",
) -> None:
    """Serve the web app over ``ledger`` until interrupted (blocks).

    Requests are handled on uvicorn's event loop thread, the one that calls ``serve``, so a
    ledger opened in this thread can be used as it is.
    """
    import uvicorn  # imported late: only serving needs it

    app = create_app(ledger, settings)
    uvicorn.run(app, host=host, port=port, log_level=log_level, server_header=False)
