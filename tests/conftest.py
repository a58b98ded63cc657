from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from postcheck import Checker

CHROMIUM = Path("/usr/bin/chromium")
# Flags that keep Chromium from phoning home: browser tests also fail on any request that leaves
# the test server, so "no network calls out" is checked, not assumed.
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


@pytest.fixture(scope="session")
def checker() -> Checker:
    """The bundled pack, built once: compiling matchers is the slow part."""
    return Checker.default()


def _ensure_chromium() -> str | None:
    """Install Debian's chromium if it is missing (as root, with apt); None when usable."""
    if CHROMIUM.exists():
        return None
    if os.environ.get("POSTCHECK_NO_INSTALL") or not shutil.which("apt-get") or os.geteuid():
        return f"{CHROMIUM} is missing (install Debian's chromium package to run browser tests)"
    done = subprocess.run(
        ["apt-get", "install", "-y", "--no-install-recommends", "chromium"],
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "DEBIAN_FRONTEND": "noninteractive"},
    )
    if done.returncode or not CHROMIUM.exists():
        return f"{CHROMIUM} is missing and `apt-get install chromium` failed"
    return None


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    """One headless Debian Chromium for every browser test (web page and HTML report)."""
    reason = _ensure_chromium()
    if reason:
        pytest.skip(reason)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
        yield instance
        instance.close()
