"""The HTML report, rendered in headless Chromium: what a reader actually sees.

Set POSTCHECK_SCREENSHOTS=1 to refresh docs/screenshots/report.png from the sample exports.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from scan_support import EXPORTS, ROOT, scan, write_jsonl

pytestmark = pytest.mark.slow

PHONE = "07700 900462"


def _records() -> list[dict[str, str]]:
    return [
        {
            "id": "tw-1",
            "text": f"Lost phone at reception: text Jess on {PHONE} <b>now</b>",
            "created_at": "2024-03-05T10:00:00+00:00",
            "url": "https://x.com/bsfc/status/1",
            "platform": "x",
        },
        {
            "id": "tw-2",
            "text": "Staff reminder: the wifi password is Sunflower2024.",
            "created_at": "2024-06-20T10:00:00+00:00",
            "url": "javascript:alert(1)",
        },
        {"id": "tw-3", "text": "Sports day is on Friday.", "created_at": "2024-04-01T10:00:00"},
    ]


def _open(browser: object, path: Path) -> object:
    page = browser.new_page(viewport={"width": 1100, "height": 900})  # type: ignore[attr-defined]
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(path.as_uri())
    assert all(url.startswith("file://") for url in requests), "the report loads nothing"
    return page


def test_report_shows_header_routing_evidence_and_masks_pii(
    browser: object, tmp_path: Path
) -> None:
    src = write_jsonl(tmp_path / "posts.jsonl", _records())
    report = tmp_path / "report.html"
    assert scan(src, "--format", "html", "-o", report).code == 1
    page = _open(browser, report)
    header = page.locator("header").inner_text()
    assert "2026" in header or "version" in header
    assert "5 Mar 2024 – 20 Jun 2024" in header
    body = page.locator("body").inner_text()
    assert "Records read 3 = posts checked 3 + unreadable 0" in body
    assert page.locator("#to-it_services h3").inner_text().startswith("IT Services")
    assert page.locator("article.post mark").count() >= 2
    phone_mark = page.locator("article.post", has_text="Lost phone").locator("mark").first
    assert phone_mark.inner_text() == "07••• ••••62"
    assert PHONE not in body
    assert "<b>now</b>" in body, "post text is shown as text, never as markup"
    assert page.locator("blockquote b").count() == 0
    assert page.locator("svg.chart").count() == 3
    assert page.locator("a.original").count() == 1, "javascript: URLs are not linked"
    assert page.locator("a.original").get_attribute("href") == "https://x.com/bsfc/status/1"


def test_show_pii_reveals_the_number(browser: object, tmp_path: Path) -> None:
    src = write_jsonl(tmp_path / "posts.jsonl", _records())
    report = tmp_path / "report.html"
    scan(src, "-o", report, "--show-pii")
    page = _open(browser, report)
    post = page.locator("article.post", has_text="Lost phone")
    assert post.locator("mark").first.inner_text() == PHONE


def test_sample_exports_report_and_screenshot(
    browser: object, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(ROOT)  # relative source paths, as a user would type them
    report = tmp_path / "report.html"
    run = scan(EXPORTS.relative_to(ROOT), "--format", "html", "-o", report, "--fail-on", "never")
    assert run.code == 0
    page = _open(browser, report)
    ruleset = page.locator("dd.ruleset").inner_text()
    assert ruleset.startswith("version ") and "sha256" in ruleset
    assert page.locator("section.recipient").count() >= 3
    assert page.locator("article.post").count() >= 10
    if os.environ.get("POSTCHECK_SCREENSHOTS") == "1":
        shots = ROOT / "docs" / "screenshots"
        page.screenshot(path=str(shots / "report.png"))
        page.locator("#recipients").scroll_into_view_if_needed()
        page.evaluate("document.getElementById('posts').scrollIntoView()")
        page.screenshot(path=str(shots / "report-posts.png"))
