"""Findings of one category that report mostly the same words are shown once."""

from __future__ import annotations

from postcheck import Checker
from postcheck.engine.evaluate import merge_same_evidence
from postcheck.models import Finding, PolicyRef
from postcheck.taxonomy import Category, Severity


def _finding(rule: str, category: str, severity: str, start: int, end: int) -> Finding:
    return Finding(
        rule=rule,
        category=Category(category),
        severity=Severity(severity),
        start=start,
        end=end,
        excerpt="x" * (end - start),
        message="m",
        suggestion="s",
        policy=PolicyRef(clause="§3", quote="q"),
    )


def test_the_more_severe_finding_keeps_the_evidence_and_names_the_other() -> None:
    mild = _finding("OFF-A", "offensive", "low", 10, 14)
    strong = _finding("OFF-B", "offensive", "medium", 10, 14)
    merged = merge_same_evidence([mild, strong])
    assert [(f.rule, f.also) for f in merged] == [("OFF-B", ["OFF-A"])]


def test_a_second_fact_inside_a_long_span_is_kept() -> None:
    # An address inside a sentence about a named pupil's illness is a second breach.
    sentence = _finding("DP-HEALTH", "data_protection", "high", 0, 120)
    address = _finding("DP-ADDRESS", "data_protection", "high", 40, 54)
    assert len(merge_same_evidence([sentence, address])) == 2


def test_different_categories_on_the_same_words_are_kept() -> None:
    insult = _finding("HAR-X", "harassment", "high", 0, 20)
    slur = _finding("DIS-X", "discrimination", "high", 0, 20)
    assert len(merge_same_evidence([insult, slur])) == 2


def test_order_of_the_rules_does_not_change_the_result() -> None:
    a = _finding("HAR-A", "harassment", "high", 5, 30)
    b = _finding("HAR-B", "harassment", "high", 10, 30)
    assert merge_same_evidence([a, b]) == merge_same_evidence([b, a])


def test_a_masked_swear_is_reported_once(checker: Checker) -> None:
    report = checker.check("what the f*ck was that", account="personal")
    offensive = [f for f in report.findings if f.category == Category.OFFENSIVE]
    assert len(offensive) == 1
    assert report.findings[0].excerpt == "f*ck"
