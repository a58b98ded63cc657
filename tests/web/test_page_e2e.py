"""The check page in a real headless Chromium: typing, highlighting, one-click fixes, keyboard.

Set POSTCHECK_SCREENSHOTS=1 to (re)write the screenshots in docs/screenshots/.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, Route, expect

SCREENSHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"
DISCLAIMER_END = "in no way reflect the views of Birkenhead Sixth Form College."


def _screenshot(page: Page, name: str) -> None:
    if os.environ.get("POSTCHECK_SCREENSHOTS") == "1":
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SCREENSHOTS / name), full_page=True)


@pytest.fixture()
def page(browser: Browser, live_server: str) -> Iterator[Page]:
    """A fresh page on the live server; any request leaving the server fails the test."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="en-GB")
    outside: list[str] = []
    problems: list[str] = []

    def guard(route: Route) -> None:
        if route.request.url.startswith(live_server + "/"):
            route.continue_()
        else:
            outside.append(route.request.url)
            route.abort()

    context.route("**/*", guard)
    tab = context.new_page()
    tab.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    tab.on("pageerror", lambda e: problems.append(str(e)))
    tab.goto(live_server + "/")
    expect(tab.locator("body")).to_have_attribute("data-ready", "true")
    yield tab
    context.close()
    assert outside == [], f"the page requested outside resources: {outside}"
    assert problems == [], f"console errors (CSP violations show here too): {problems}"


def test_disclaimer_is_highlighted_and_fixed_in_one_click(page: Page) -> None:
    page.select_option("#account", "personal")
    page.locator("#draft").press_sequentially("Great day at Birkenhead Sixth Form!")

    verdict = page.locator("#verdict")
    expect(verdict).to_contain_text("Revise before publishing")
    mark = page.locator("#preview mark", has_text="Birkenhead Sixth Form")
    expect(mark).to_have_text("Birkenhead Sixth Form")
    # The severity is spelt out next to the mark, not shown by colour alone.
    expect(page.locator("#preview .mark-tag")).to_have_text("1 · Low")
    finding = page.locator("#findings li").first
    expect(finding).to_contain_text("DISC-MISSING")
    expect(finding).to_contain_text("IT Services")
    expect(finding.locator("details.clause summary")).to_contain_text("§1")
    finding.locator("details.clause summary").click()
    expect(finding.locator(".clause-text")).to_contain_text("Scope")
    _screenshot(page, "check-page-revise.png")

    page.get_by_role("button", name="Add the policy disclaimer").click()
    expect(page.locator("#draft")).to_have_value(re.compile(re.escape(DISCLAIMER_END) + "$"))
    expect(verdict).to_contain_text("Ready to publish")
    expect(page.locator("#findings li")).to_have_count(0)
    expect(page.locator("#preview mark")).to_have_count(0)
    _screenshot(page, "check-page-ready.png")


def test_keyboard_only(page: Page) -> None:
    keyboard = page.keyboard
    order = []
    for _ in range(6):
        keyboard.press("Tab")
        order.append(page.evaluate("document.activeElement.id || document.activeElement.tagName"))
    assert order[1:] == ["account", "platform", "direction", "draft", "bio"]

    # Choose the personal account from the keyboard, then write the draft.
    page.focus("#account")
    keyboard.press("ArrowDown")
    expect(page.locator("#account")).to_have_value("personal")
    page.focus("#draft")
    keyboard.type("Proud of Birkenhead Sixth Form today")
    # Ctrl+Enter in the text area checks at once (without waiting for the typing pause).
    with page.expect_request("**/api/check"):
        keyboard.press("Control+Enter")
    expect(page.locator("#verdict")).to_contain_text("Revise")

    # Tab on to the Check button and press Enter: another check.
    keyboard.press("Tab")
    keyboard.press("Tab")
    expect(page.locator("#check")).to_be_focused()
    with page.expect_response("**/api/check"):
        keyboard.press("Enter")
    expect(page.locator("#busy")).to_be_hidden()

    # The fix button is reachable with Tab and works with the keyboard.
    fix = page.get_by_role("button", name="Add the policy disclaimer")
    for _ in range(30):
        keyboard.press("Tab")
        if fix.evaluate("b => b === document.activeElement"):
            break
    expect(fix).to_be_focused()
    keyboard.press("Enter")
    expect(page.locator("#verdict")).to_contain_text("Ready to publish")


def test_phone_number_is_masked_by_its_fix(page: Page) -> None:
    # The emoji is two UTF-16 units but one Python character: offsets must still line up.
    page.locator("#draft").fill("🚌 Any questions about the trip? Call me on 07700 900123.")
    expect(page.locator("#verdict")).to_contain_text("Revise")
    expect(page.locator("#preview mark")).to_have_text("07700 900123")
    expect(page.locator("#findings li").first).to_contain_text("Data Protection Officer")

    page.get_by_role("button", name="Mask the number").click()
    draft = page.locator("#draft")
    expect(draft).to_have_value(re.compile(r"Call me on 07•+ •+23\.$"))
    assert "07700 900123" not in draft.input_value()
    expect(page.locator("#verdict")).to_contain_text("Ready to publish")


def test_counter_shows_when_a_post_is_over_the_platform_limit(page: Page) -> None:
    page.select_option("#platform", "x")
    counter = page.locator("#counter")
    page.locator("#draft").fill("a" * 280)
    expect(counter).to_have_text("280 / 280 characters")
    expect(counter).not_to_have_class(re.compile(r"\bover\b"))

    page.locator("#draft").fill("a" * 281)
    expect(counter).to_have_class(re.compile(r"\bover\b"))
    expect(counter).to_contain_text("1 over the X (Twitter) limit")
    expect(page.locator("#draft")).to_have_attribute("aria-invalid", "true")

    # LinkedIn allows 3,000: the same draft is fine there.
    page.select_option("#platform", "linkedin")
    expect(counter).not_to_have_class(re.compile(r"\bover\b"))


def test_draft_markup_is_shown_as_text_never_run(page: Page) -> None:
    page.select_option("#account", "personal")
    draft = '<img src=x onerror="document.title=1"> Birkenhead Sixth Form <b>rocks</b>'
    page.locator("#draft").fill(draft)
    expect(page.locator("#preview mark")).to_have_text("Birkenhead Sixth Form")
    assert page.locator("#preview img, #preview b").count() == 0
    expect(page.locator("#preview")).to_contain_text("<img src=x")
    assert page.title() != "1"


def test_received_comment_routes_to_it_services_before_any_reply(page: Page) -> None:
    page.select_option("#direction", "received")
    page.locator("#draft").fill("You are a useless idiot and everyone knows it")
    expect(page.locator("#routing")).to_be_visible()
    expect(page.locator("#routing")).to_contain_text("Before anyone replies")
    expect(page.locator("#routing")).to_contain_text("IT Services")


def test_serious_post_escalates_with_every_problem_marked(page: Page) -> None:
    page.locator("#draft").fill(
        "Reminder: the staff wifi password is Sunflower2024 for today.\n"
        "Any problems, call Jo on 07700 900123 — this network is shit."
    )
    verdict = page.locator("#verdict")
    expect(verdict).to_contain_text("Escalate — do not publish")
    expect(page.locator("#findings li")).to_have_count(3)
    expect(page.locator("#preview mark")).to_have_count(3)
    expect(page.locator("#preview .mark-tag").first).to_have_text("1 · High")
    routing = page.locator("#routing")
    expect(routing).to_contain_text("Senior Management Team")
    expect(routing).to_contain_text("Marketing Department")
    # The evidence link of a finding moves focus to its mark in the draft.
    page.locator("#finding-1 a.evidence").click()
    expect(page.locator("#mark-1")).to_be_focused()
    _screenshot(page, "check-page-escalate.png")
