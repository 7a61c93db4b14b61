"""The browser tests' fixtures: `stack`, what `make run` starts (tests/support/run_stack.py),
`browser`, Debian's chromium driven by Playwright, and `page`, the demo page in a fresh
context."""

from __future__ import annotations

import shutil
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.support.run_stack import (
    ARTIFACTS,
    AUTHORITY,
    CHROMIUM,
    REPO,
    STARTUP_SECONDS,
    Stack,
    free_port,
    http_ok,
    port_open,
    start_stack,
)

# Re-exported: the browser tests import these from here (`from .conftest import Stack`).
__all__ = [
    "ARTIFACTS",
    "AUTHORITY",
    "CHROMIUM",
    "REPO",
    "STARTUP_SECONDS",
    "Stack",
    "free_port",
    "http_ok",
    "port_open",
    "start_stack",
]


@pytest.fixture(scope="session")
def stack(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Stack]:
    started = time.monotonic()
    s = start_stack(tmp_path_factory.mktemp("stack"))
    print(f"\nstack up in {time.monotonic() - started:.1f} s")
    try:
        yield s
    finally:
        s.stop()
        ARTIFACTS.mkdir(exist_ok=True)
        shutil.copy(s.log, ARTIFACTS / "run.log")


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        raise AssertionError(f"{CHROMIUM} is missing: run `make test-browser` (installs chromium)")
    with sync_playwright() as p:
        b = p.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--disable-background-networking", "--disable-component-update"],
        )
        try:
            yield b
        finally:
            b.close()


@pytest.fixture
def page(browser: Any, stack: Stack, request: pytest.FixtureRequest) -> Iterator[Any]:
    """A fresh browser context (empty localStorage) on the demo page, collecting page errors."""
    context = browser.new_context(viewport={"width": 1024, "height": 800})
    pg = context.new_page()
    pg.set_default_timeout(30_000)
    errors: list[str] = []
    pg.on("pageerror", lambda e: errors.append(str(e)))
    pg.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    pg.errors = errors
    pg.goto(stack.page_url)
    try:
        yield pg
    finally:
        ARTIFACTS.mkdir(exist_ok=True)
        pg.screenshot(path=str(ARTIFACTS / f"{request.node.name}.png"), full_page=True)
        context.close()


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Tests named test_zz_* stop the session's stack (Ctrl-C, as a person would): they run
    after every other browser test, whichever file they are in."""
    items.sort(key=lambda item: item.name.startswith("test_zz_"))
