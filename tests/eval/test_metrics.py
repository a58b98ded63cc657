"""Scoring functions, checked against counts worked out by hand."""

from __future__ import annotations

import pytest

from postcheck.evaluation.metrics import (
    BinaryCounts,
    Counts,
    Outcome,
    f1_score,
    score_binary,
    score_multilabel,
)


def outcome(
    id: str, labels: set[str], raised: set[str], acceptable: set[str] | None = None
) -> Outcome:
    return Outcome(
        id=id,
        text=f"post {id}",
        labels=frozenset(labels),
        acceptable=frozenset(acceptable or set()),
        raised=frozenset(raised),
        rules=tuple((f"R-{c.upper()}", c) for c in sorted(raised)),
    )


def test_counts_precision_recall_f1() -> None:
    c = Counts(tp=3, fp=1, fn=2)
    assert c.precision == pytest.approx(0.75)
    assert c.recall == pytest.approx(0.6)
    assert c.f1 == pytest.approx(2 * 0.75 * 0.6 / 1.35)
    assert c.support == 5


def test_empty_counts_conventions() -> None:
    assert Counts().precision == 1.0 and Counts().recall == 1.0
    assert Counts(fn=2).precision == 1.0 and Counts(fn=2).recall == 0.0
    assert Counts(fn=2).f1 == 0.0
    assert f1_score(0.0, 0.0) == 0.0


def test_multilabel_hand_computed() -> None:
    outcomes = [
        outcome("1", {"a"}, {"a"}),  # a: TP
        outcome("2", {"a", "b"}, {"b"}),  # a: FN, b: TP
        outcome("3", set(), {"a"}),  # a: FP (clean post)
        outcome("4", set(), {"b"}, acceptable={"b"}),  # acceptable: neither
        outcome("5", {"b"}, set()),  # b: FN
    ]
    result = score_multilabel(outcomes, ["a", "b"])
    assert result.categories["a"] == Counts(tp=1, fp=1, fn=1)
    assert result.categories["b"] == Counts(tp=1, fp=0, fn=1)
    assert result.micro == Counts(tp=2, fp=1, fn=2)
    mp, mr, mf = result.macro
    assert mp == pytest.approx((0.5 + 1.0) / 2)
    assert mr == pytest.approx((0.5 + 0.5) / 2)
    assert mf == pytest.approx((0.5 + 2 / 3) / 2)
    assert [(e.category, e.id) for e in result.misses] == [("a", "2"), ("b", "5")]
    assert [(e.category, e.id) for e in result.false_alarms] == [("a", "3")]
    # Clean posts are 3 and 4; only R-A on post 3 counts (R-B is acceptable on post 4).
    assert result.clean_posts == 2
    assert [(r.rule, r.count, r.rate) for r in result.rule_rates] == [("R-A", 1, 0.5)]


def test_multilabel_as_dict_is_rounded_and_complete() -> None:
    result = score_multilabel([outcome("1", {"a"}, {"a"})], ["a"])
    data = result.as_dict()
    assert data["micro"] == {
        "support": 1, "tp": 1, "fp": 0, "fn": 0, "precision": 1.0, "recall": 1.0, "f1": 1.0,
    }  # fmt: skip
    assert data["misses"] == [] and data["false_alarms"] == []


def test_binary_hand_computed() -> None:
    rows = [
        ("1", "t", True, True, ("R",)),  # TP
        ("2", "t", True, False, ()),  # FN
        ("3", "t", False, True, ("R",)),  # FP
        ("4", "t", False, False, ()),  # TN
        ("5", "t", False, False, ()),  # TN
        ("6", "t", True, True, ("R",)),  # TP
    ]
    result = score_binary(rows)
    c = result.counts
    assert c == BinaryCounts(tp=2, fp=1, fn=1, tn=2)
    assert c.positive.f1 == pytest.approx(2 / 3)
    assert c.negative.f1 == pytest.approx(2 / 3)
    assert c.macro_f1 == pytest.approx(2 / 3)
    assert c.accuracy == pytest.approx(4 / 6)
    assert [e.id for e in result.misses] == ["2"]
    assert [e.id for e in result.false_alarms] == ["3"]


def test_binary_keeps_only_the_first_errors() -> None:
    rows = [(str(i), "t", True, False, ()) for i in range(10)]
    result = score_binary(rows, keep_errors=3)
    assert result.counts.fn == 10 and len(result.misses) == 3
