"""Fixtures for the browser tests: Debian's Chromium driven by Playwright against pytest-django's live server.

One browser for the whole session (starting Chromium is the slow part), a fresh context (cookies,
language) per test. Playwright never downloads a browser here: it launches /usr/bin/chromium. Without
it, or without the playwright package, the tests skip saying why; on CI (CI=true) they fail instead,
so a missing browser is never mistaken for a pass.
"""

import os
from pathlib import Path

import pytest
from django.db import connections

CHROMIUM = Path("/usr/bin/chromium")
# The machine's network is closed: without these Chromium waits on connections it will never make.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
TIMEOUT_MS = 15_000


def _unavailable(reason: str) -> None:
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(reason, pytrace=False)
    pytest.skip(reason)


@pytest.fixture(scope="session")
def browser():
    # Playwright's sync API runs an event loop in this thread, which Django otherwise takes for async
    # code and refuses database access from (the test's own writes, the live server's reads).
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    os.environ.setdefault("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")
    try:
        from playwright.sync_api import expect, sync_playwright
    except ImportError:
        _unavailable("the playwright package is not installed (pip install -r requirements.txt)")
    if not os.access(CHROMIUM, os.X_OK):
        _unavailable(f"{CHROMIUM} not found: install Debian's Chromium (apt-get install chromium)")
    # Assertions wait for the page as long as actions do: a busy CI machine renders slowly.
    expect.set_options(timeout=TIMEOUT_MS)
    kept = {alias: connections[alias] for alias in connections}
    with sync_playwright() as playwright:
        # Playwright's loop now counts as running in this thread, and Django then keeps a separate set of
        # connections for async code: the tests would get fresh ones, without the data the test database
        # setup stored on these (what serialized_rollback restores after each flush). Keep these.
        for alias, connection in kept.items():
            connections[alias] = connection
        chromium = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser, live_server):
    """A new tab in its own context, with relative URLs resolved against the live server."""
    context = browser.new_context(base_url=live_server.url, locale="vi-VN")
    context.set_default_timeout(TIMEOUT_MS)
    tab = context.new_page()
    yield tab
    context.close()
