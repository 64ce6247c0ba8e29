"""End to end in a real browser: the app served by uvicorn, driven by headless Chromium.

The browser is Debian's ``chromium`` at /usr/bin/chromium (CI installs it with
.ci/system-deps.sh); Playwright only drives it, so ``playwright install`` is never needed and
nothing is downloaded. Without the browser this test fails: it is never skipped.
"""

from __future__ import annotations

import re
import socket
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import pytest
import uvicorn
from playwright.sync_api import BrowserContext, Locator, Page, expect, sync_playwright

from claimledger.store import open_ledger
from claimledger.web import WebSettings, create_app

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
TIMEOUT_MS = 5_000  # per action and assertion: everything is local
SAMPLE = resources.files("claimledger.samples").joinpath("awol_report.txt").read_text("utf-8")
HOSTILE_TITLE = "<script>window.pwned=3</script> Boats"
HOSTILE = (
    "Officials said 12 boats were lost. <script>window.pwned=1</script>\n"
    'Another 3 were damaged <img src=x onerror="window.pwned=2"> near the port.'
)


@dataclass
class LiveServer:
    """A uvicorn server running the app in a background thread."""

    url: str
    server: uvicorn.Server
    thread: threading.Thread

    def stop(self) -> None:
        """Ask uvicorn to exit and wait for its thread."""
        self.server.should_exit = True
        self.thread.join(timeout=10)
        assert not self.thread.is_alive(), "uvicorn did not stop"


def start_server(ledger_path: Path) -> LiveServer:
    """The real app over a SQLite ledger at ``ledger_path``, on a free loopback port."""
    ledger = open_ledger(str(ledger_path))
    app = create_app(ledger, WebSettings())
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))  # port 0: the system picks a free one, already bound here
    port = sock.getsockname()[1]
    config = uvicorn.Config(app, log_level="warning", server_header=False)
    server = uvicorn.Server(config)

    def run() -> None:
        try:
            server.run(sockets=[sock])
        finally:
            ledger.close()
            sock.close()

    thread = threading.Thread(target=run, name="uvicorn-e2e", daemon=True)
    thread.start()
    for _ in range(200):
        if server.started or not thread.is_alive():
            break
        threading.Event().wait(0.05)
    assert server.started, "uvicorn did not start"
    return LiveServer(f"http://127.0.0.1:{port}", server, thread)


@pytest.fixture
def live_server(tmp_path: Path) -> Iterator[LiveServer]:
    """The app served over a fresh ledger; stopped after the test."""
    live = start_server(tmp_path / "ledger.sqlite")
    try:
        yield live
    finally:
        live.stop()


@pytest.fixture
def browser_context(tmp_path: Path) -> Iterator[BrowserContext]:
    """Headless Chromium with a fresh profile, no network beyond the loopback server."""
    assert CHROMIUM.exists(), f"{CHROMIUM} is missing: run .ci/system-deps.sh as root"
    with sync_playwright() as pw:
        context = pw.chromium.launch_persistent_context(
            str(tmp_path / "chromium-profile"),
            executable_path=str(CHROMIUM),
            args=CHROMIUM_ARGS,
            headless=True,
            viewport={"width": 1280, "height": 900},
        )
        context.set_default_timeout(TIMEOUT_MS)
        try:
            yield context
        finally:
            context.close()


def ingest_text(page: Page, base: str, text: str, **about: str) -> None:
    """Paste ``text`` (and its title, outlet, published date if given) on the ingest page,
    submit, and wait for its annotated report."""
    page.goto(base + "/ingest")
    page.locator("textarea[name=text]").fill(text)
    for name, value in about.items():
        page.locator(f"input[name={name}]").fill(value)
    with page.expect_navigation() as navigation:
        page.get_by_role("button", name="Analyse and store").click()
    response = navigation.value
    assert response is not None and response.ok, (
        f"ingest answered {response and response.status}: {page.locator('body').inner_text()}"
    )
    expect(page).to_have_url(re.compile(r"/documents/[^/]+$"))


def figure(page: Page, text: str) -> Locator:
    """The (first piece of the) highlighted figure whose whole text is ``text``."""
    marks = page.locator("#report-text mark.hl-quantity")
    return marks.filter(has_text=re.compile("^" + re.escape(text) + "$")).first


def test_ingest_the_sample_and_read_its_annotated_report(
    live_server: LiveServer, browser_context: BrowserContext
) -> None:
    page = browser_context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    title = SAMPLE.splitlines()[0]
    ingest_text(page, live_server.url, SAMPLE, title=title, published="2025-06-02")

    expect(page.locator("h1")).to_have_text(title)
    expect(page.locator(".meta time")).to_have_text("2025-06-02")
    for text in ("20,538", "18,159", "88.4%", "86.2%", "17,721"):
        mark = figure(page, text)
        expect(mark).to_be_visible()
        expect(mark).to_have_class(re.compile(r"\bhl\b.*\bhl-quantity\b"))
        background = mark.evaluate("m => getComputedStyle(m).backgroundColor")
        assert background not in ("rgba(0, 0, 0, 0)", "transparent"), text

    detail = page.locator("#detail")
    expect(detail).to_be_hidden()
    first = figure(page, "20,538")
    first.click()
    expect(detail).to_be_visible()
    expect(first).to_have_class(re.compile(r"\bselected\b"))
    terms = page.locator("#detail-list dt").all_inner_texts()
    values = dict(zip(terms, page.locator("#detail-list dd").all_inner_texts(), strict=True))
    assert values["text"] == "20,538"
    assert values["value"] == "20,538"
    assert "cases" in values["what"]
    assert "UK Defence Intelligence" in values["source chain"]

    failed = page.locator("li.check.check-inconsistent")
    expect(failed).to_have_count(1)
    expect(failed.locator(".mark")).to_have_text("✗")
    expect(failed.locator(".explanation")).to_contain_text("15,653")
    passed = page.locator("li.check.check-consistent")
    expect(passed).to_have_count(1)
    expect(passed.locator(".mark")).to_have_text("✓")
    expect(passed.locator(".explanation")).to_contain_text("88.4%")

    failed.click()  # a check selects its first figure
    expect(page.locator("#report-text mark.hl-quantity.selected")).to_have_count(1)
    assert errors == []


def test_a_hostile_report_renders_as_text(
    live_server: LiveServer, browser_context: BrowserContext
) -> None:
    page = browser_context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    ingest_text(page, live_server.url, HOSTILE, title=HOSTILE_TITLE)

    text = page.locator("#report-text")
    expect(text).to_contain_text("<script>window.pwned=1</script>")
    expect(text).to_contain_text('<img src=x onerror="window.pwned=2">')
    expect(text.locator("script, img")).to_have_count(0)
    expect(page.locator("#report-text mark.hl-quantity").first).to_be_visible()
    expect(page.locator("h1")).to_have_text(HOSTILE_TITLE)
    page.wait_for_load_state("load")
    assert page.evaluate("typeof window.pwned") == "undefined"
    page.goto(live_server.url + "/")  # the documents list shows the title as text too
    expect(page.locator("main")).to_contain_text(HOSTILE_TITLE)
    expect(page.locator("main script")).to_have_count(0)
    assert page.evaluate("typeof window.pwned") == "undefined"
    assert errors == []


def test_on_a_narrow_screen_the_details_open_next_to_the_figure(
    live_server: LiveServer, browser_context: BrowserContext
) -> None:
    page = browser_context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.set_viewport_size({"width": 390, "height": 760})
    ingest_text(page, live_server.url, SAMPLE)  # no title: the first line becomes it
    expect(page.locator("h1")).to_have_text(SAMPLE.splitlines()[0][:100].strip())

    first = figure(page, "20,538")
    first.click()
    detail = page.locator("#detail")
    expect(detail).to_be_visible()
    sheet = detail.bounding_box()
    mark = first.bounding_box()
    assert sheet is not None and mark is not None
    assert sheet["y"] + sheet["height"] <= 760 + 1  # on screen, not far below the text
    assert mark["y"] + mark["height"] <= sheet["y"]  # the figure stays visible above it
    page.locator("#detail-close").click()
    expect(detail).to_be_hidden()
    icon = page.request.get(live_server.url + "/favicon.ico")
    assert icon.status == 200 and icon.headers["content-type"].startswith("image/svg+xml")
    assert errors == []


@pytest.mark.parametrize("width", [1280, 390])
def test_checks_tables_and_failed_figures_at_desktop_and_phone_widths(
    live_server: LiveServer, browser_context: BrowserContext, width: int
) -> None:
    page = browser_context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.set_viewport_size({"width": width, "height": 800})
    ingest_text(page, live_server.url, SAMPLE, outlet="A very long outlet name for a wide table",
                published="2025-06-01")
    # a figure of the failing check is marked, and its panel lists the checks it is in
    failing = page.locator("#report-text mark.hl-quantity.hl-failed")
    assert failing.count() >= 1
    failing.first.click()
    terms = page.locator("#detail-list dt").all_inner_texts()
    values = dict(zip(terms, page.locator("#detail-list dd").all_inner_texts(), strict=True))
    assert "✗" in values["checks"]
    checks = page.locator("section.checks").bounding_box()
    text = page.locator("#report-text").bounding_box()
    assert checks is not None and text is not None
    if width == 390:  # on a phone the checks come before the article
        assert checks["y"] < text["y"]
    else:  # beside it on a desktop
        assert checks["x"] > text["x"] + text["width"] - 1
    # the page itself never scrolls sideways: wide tables scroll inside their box
    for path in ("/", "/claims", "/sources"):
        page.goto(live_server.url + path)
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 1, (path, overflow)
    page.goto(live_server.url + "/")
    lines = page.locator("table.documents td.date").first.evaluate(
        "el => { const r = document.createRange(); r.selectNodeContents(el);"
        " return r.getClientRects().length; }")
    assert lines == 1  # the date does not wrap at its hyphens
    assert errors == []
