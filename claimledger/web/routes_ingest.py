"""The ingest form: paste text, give a URL or upload a file; redirects to the stored report."""

from __future__ import annotations

from typing import Annotated
from urllib.parse import quote

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile

from .app import AppState, app_state, render
from .errors import BadParameter, WebError
from .ingest import (
    analyze_and_save,
    document_from_text,
    document_from_upload,
    document_from_url,
    ingest_batch,
    is_batch_upload,
    with_metadata,
)

router = APIRouter(include_in_schema=False)
State = Annotated[AppState, Depends(app_state)]
FORM_FIELDS = ("text", "url", "title", "outlet", "published")


@router.get("/ingest", response_class=HTMLResponse)
async def ingest_form(request: Request, state: State) -> HTMLResponse:
    """The empty ingest form."""
    return render(request, "ingest.html", form={}, error=None, settings=state.settings)


@router.post("/ingest")
async def ingest_submit(request: Request, state: State) -> Response:
    """Read the one input given, analyse it, store it and redirect to its annotated page.

    The form is parsed here, not by FastAPI, so that a body over the cap stays a 413.
    """
    form = await request.form(max_files=1, max_fields=len(FORM_FIELDS) + 1)
    values = {k: v for k in FORM_FIELDS if isinstance(v := form.get(k), str)}
    upload = form.get("file")
    try:
        if values.get("text", "").strip():
            doc = document_from_text(values["text"], state.settings)
        elif values.get("url", "").strip():
            doc = await run_in_threadpool(document_from_url, values["url"], state.settings)
        elif isinstance(upload, UploadFile) and upload.filename:
            data = await upload.read(state.settings.max_upload_bytes + 1)
            if is_batch_upload(upload.filename):
                results = await run_in_threadpool(
                    ingest_batch, upload.filename, data, state.ledger, state.settings)
                return render(request, "ingest_batch.html", upload_name=upload.filename,
                              results=results,
                              status=200 if any("id" in r for r in results) else 422)
            doc = document_from_upload(upload.filename, data, state.settings)
        else:
            raise BadParameter("paste a text, give a URL or choose a file")
        doc = with_metadata(
            doc,
            title=values.get("title"),
            outlet=values.get("outlet"),
            published=values.get("published"),
        )
        analysis, _ = await run_in_threadpool(analyze_and_save, doc, state.ledger, state.settings)
    except WebError as exc:
        return render(
            request,
            "ingest.html",
            status=exc.status,
            form=values,
            error=exc.message,
            settings=state.settings,
        )
    finally:
        await form.close()
    location = "/documents/" + quote(analysis.document.id, safe="")
    return RedirectResponse(location, status_code=303)
