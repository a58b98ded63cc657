"""Runs every rule's own `examples` (must flag / must pass): used by `postcheck rules test`
and by the test suite, so a rule author and CI judge rules the same way."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from postcheck.config.schema import Example
from postcheck.engine.checker import Checker
from postcheck.models import Context


@dataclass(frozen=True)
class ExampleCase:
    rule: str
    kind: str  # "flag" or "pass"
    example: Example

    @property
    def label(self) -> str:
        return f"{self.rule}:{self.kind}:{self.example.text[:40]}"


@dataclass(frozen=True)
class ExampleResult:
    case: ExampleCase
    ok: bool
    detail: str


def example_cases(checker: Checker) -> Iterator[ExampleCase]:
    for loaded in checker.pack.rules:
        examples = loaded.spec.examples
        for kind, items in (("flag", examples.flag), ("pass", examples.pass_)):
            for example in items:
                yield ExampleCase(loaded.spec.id, kind, example)


def run_case(checker: Checker, case: ExampleCase) -> ExampleResult:
    """Check one example: a flag example must raise its rule (with the expected evidence, if
    given); a pass example must not raise it."""
    ex = case.example
    # Judged before same-evidence findings are merged: a rule whose words another rule of its
    # category also reported still has to raise them itself.
    engine = checker.component.engine
    doc = checker.nlp.make_doc(ex.text)
    found, _ = engine.run(doc, engine.prepare(doc), Context(**ex.context.model_dump()), merge=False)
    mine = [f for f in found if f.rule == case.rule]
    evidence = [ex.text[f.start : f.end] for f in mine]
    if case.kind == "pass":
        ok = not mine
        detail = "" if ok else f"raised on {evidence!r}: {mine[0].explanation}"
    elif not mine:
        others = ", ".join(f.rule for f in found) or "nothing"
        ok, detail = False, f"not raised (raised: {others})"
    elif ex.evidence is not None and ex.evidence not in evidence:
        ok, detail = False, f"evidence {evidence!r}, expected {ex.evidence!r}"
    else:
        ok, detail = True, ""
    return ExampleResult(case, ok, detail)
