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


def test_every_category_has_a_rule_with_three_flag_and_pass_examples(checker: Checker) -> None:
    from postcheck.taxonomy import Category

    covered = {
        r.spec.category
        for r in checker.pack.rules
        if len(r.spec.examples.flag) >= 3 and len(r.spec.examples.pass_) >= 3
    }
    assert covered == set(Category)
