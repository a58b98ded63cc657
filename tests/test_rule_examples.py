"""Every example of every bundled rule: flag examples must raise it, pass examples must not."""

from __future__ import annotations

import pytest

from postcheck import Checker
from postcheck.engine.examples import ExampleCase, example_cases, run_case

CASES = list(example_cases(Checker.default()))


@pytest.mark.parametrize("case", CASES, ids=[c.label for c in CASES])
def test_rule_example(checker: Checker, case: ExampleCase) -> None:
    result = run_case(checker, case)
    assert result.ok, f"{case.rule} {case.kind} example {case.example.text!r}: {result.detail}"


def test_every_category_has_a_rule(checker: Checker) -> None:
    from postcheck.taxonomy import Category

    assert {r.spec.category for r in checker.pack.rules} == set(Category)


def test_every_rule_has_five_flag_and_five_pass_examples(checker: Checker) -> None:
    thin = [
        f"{r.spec.id} ({len(r.spec.examples.flag)} flag, {len(r.spec.examples.pass_)} pass)"
        for r in checker.pack.rules
        if len(r.spec.examples.flag) < 5 or len(r.spec.examples.pass_) < 5
    ]
    assert not thin, "rules with fewer than 5 flag or 5 pass examples: " + ", ".join(thin)


def test_discrimination_groups_stay_a_subset_of_protected_groups() -> None:
    # dis_groups is protected_groups without the bare sex nouns ("girls", "men"), which are too
    # often a team or a crowd; the two lists are kept in step by hand.
    lexicons = Checker.default().pack.lexicons
    assert set(lexicons["dis_groups"]) <= set(lexicons["protected_groups"])
