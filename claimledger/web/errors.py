"""Errors raised by the web layer and the JSON shape every API error takes."""

from __future__ import annotations

from typing import Any


class WebError(Exception):
    """A request the app refuses, with the HTTP status it answers with."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


class BadParameter(WebError):
    """A query parameter or form field that is not valid (422)."""

    def __init__(self, message: str) -> None:
        super().__init__(422, message)


class TooLarge(WebError):
    """A request body or upload over the cap (413)."""

    def __init__(self, message: str) -> None:
        super().__init__(413, message)


class NotFound(WebError):
    """An unknown document or metric (404)."""

    def __init__(self, message: str) -> None:
        super().__init__(404, message)


def error_body(status: int, message: str) -> dict[str, Any]:
    """The JSON body of an API error: ``{"error": {"status": N, "message": "..."}}``."""
    return {"error": {"status": status, "message": message}}
