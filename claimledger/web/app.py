"""The web app factory: pages and their JSON twins over one ledger, no global state."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from jinja2 import Environment, FileSystemLoader, select_autoescape
from starlette.exceptions import HTTPException as StarletteHTTPException

from ..store.base import Ledger
from .errors import WebError, error_body
from .middleware import BodyLimit, HostCheck, SecurityHeaders
from .schemas import ErrorOut
from .settings import WebSettings
from .view_cache import ViewCache

HERE = Path(__file__).parent
API_PREFIX = "/api"


@dataclass(frozen=True)
class AppState:
    """What every route needs: the ledger, the settings and the templates."""

    ledger: Ledger
    settings: WebSettings
    templates: Environment
    views: ViewCache = field(default_factory=ViewCache)  # the last ledger view (series, claims)


def app_state(request: Request) -> AppState:
    """The state of the app serving ``request`` (a FastAPI dependency)."""
    state: AppState = request.app.state.claimledger
    return state


def render(request: Request, name: str, status: int = 200, **context: Any) -> HTMLResponse:
    """The template ``name`` rendered with ``context`` (autoescaped) as an HTML response."""
    template = app_state(request).templates.get_template(name)
    html = template.render(request=request, path=request.url.path, **context)
    return HTMLResponse(html, status_code=status)


def is_api(request: Request) -> bool:
    """Whether ``request`` is for the JSON API (errors answer in JSON there)."""
    path = request.url.path
    return path == API_PREFIX or path.startswith(API_PREFIX + "/") or path == "/openapi.json"


def error_response(request: Request, status: int, message: str) -> Response:
    """An error as JSON under /api, else as an HTML page with the same status."""
    if is_api(request):
        return JSONResponse(error_body(status, message), status_code=status)
    return render(request, "error.html", status=status, status_code=status, message=message)


def _validation_message(exc: RequestValidationError) -> str:
    parts = []
    for err in exc.errors():
        loc = ".".join(str(x) for x in err.get("loc", ()) if x not in ("query", "body", "path"))
        parts.append(f"{loc}: {err.get('msg', 'invalid')}" if loc else str(err.get("msg")))
    return "; ".join(parts) or "invalid request"


def _install_error_handlers(app: FastAPI) -> None:
    async def on_web_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, WebError)
        return error_response(request, exc.status, exc.message)

    async def on_http_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, StarletteHTTPException)
        message = exc.detail if isinstance(exc.detail, str) else "error"
        response = error_response(request, exc.status_code, message)
        for key, value in (exc.headers or {}).items():
            response.headers[key] = value
        return response

    async def on_validation_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, RequestValidationError)
        return error_response(request, 422, _validation_message(exc))

    app.add_exception_handler(WebError, on_web_error)
    app.add_exception_handler(StarletteHTTPException, on_http_error)
    app.add_exception_handler(RequestValidationError, on_validation_error)


def create_app(ledger: Ledger, settings: WebSettings | None = None) -> FastAPI:
    """The claimledger web app over ``ledger``: HTML pages, the JSON API under /api.

    Every piece of state lives on the returned app, so several apps can run side by side.
    """
    from . import filters, routes_api, routes_ingest, routes_pages

    settings = settings or WebSettings()
    app = FastAPI(
        title="claimledger",
        summary="A ledger of checked claims from news reports about the war in Ukraine.",
        version="0.1.0",
        docs_url=None,  # the interactive docs load scripts from a CDN; the schema stays
        redoc_url=None,
        openapi_url="/openapi.json",
        responses={
            404: {"model": ErrorOut, "description": "not found"},
            422: {"model": ErrorOut, "description": "invalid parameters"},
        },
    )
    templates = Environment(
        loader=FileSystemLoader(HERE / "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    filters.install(templates)
    app.state.claimledger = AppState(ledger=ledger, settings=settings, templates=templates)
    _install_error_handlers(app)
    ingest_paths = ("/ingest", "/api/ingest")
    app.add_middleware(BodyLimit, limit=settings.max_request_bytes, paths=ingest_paths)
    app.add_middleware(SecurityHeaders)
    if settings.allowed_hosts is not None:
        app.add_middleware(HostCheck, allowed=frozenset(settings.allowed_hosts))
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    app.include_router(routes_api.router, prefix=API_PREFIX)
    app.include_router(routes_ingest.router)
    app.include_router(routes_pages.router)
    return app
