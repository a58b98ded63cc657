"""The `postcheck` spaCy component: `nlp.add_pipe("postcheck")` in any English pipeline.

Results are plain data so they survive `nlp.pipe(n_process=N)`: `doc._.postcheck_findings` is a
list of finding dicts in the machine-contract shape, `doc.spans["postcheck"]` holds the evidence
spans (label = rule id) and `doc.spans["postcheck_refs"]` the marked people, roles, @mentions and
college mentions. Set `doc._.postcheck_context` (a dict with `account`, `direction`, `bio`, ...)
before the component runs to give a post its context.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span

from postcheck.config.pack import RulePack, load_pack
from postcheck.engine.evaluate import RuleEngine
from postcheck.models import Context
from postcheck.taxonomy import Severity

for _name in ("postcheck_findings", "postcheck_context"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)


class PostcheckComponent:
    """Normalises tokens, marks references, runs the rule pack and stores the findings."""

    def __init__(self, nlp: Language, name: str, pack: RulePack, show_pii: bool) -> None:
        self.name = name
        self.pack = pack
        self.show_pii = show_pii
        self.engine = RuleEngine(pack, nlp.vocab, nlp.make_doc)

    def __call__(self, doc: Doc) -> Doc:
        context = Context.model_validate(doc._.postcheck_context or {})
        view = self.engine.prepare(doc)
        findings, state = self.engine.run(doc, view, context, show_pii=self.show_pii)
        doc._.postcheck_findings = [f.model_dump(mode="json") for f in findings]
        spans = []
        for finding in findings:
            span = doc.char_span(finding.start, finding.end, finding.rule, "expand")
            if span is not None and finding.end > finding.start:
                spans.append(span)
        doc.spans["postcheck"] = spans
        doc.spans["postcheck_refs"] = [
            Span(doc, s, e, label=kind) for kind, places in state.refs.items() for s, e in places
        ]
        return doc


@Language.factory(
    "postcheck",
    default_config={
        "rules": None,
        "extra_rules": [],
        "profile": None,
        "routing": None,
        "disable": [],
        "severity": {},
        "show_pii": False,
    },
    assigns=["doc._.postcheck_findings", "doc.spans"],
)
def make_postcheck_component(
    nlp: Language,
    name: str,
    rules: str | None,
    extra_rules: list[str],
    profile: str | None,
    routing: str | None,
    disable: list[str],
    severity: dict[str, Any],
    show_pii: bool,
) -> PostcheckComponent:
    """Build the component from paths (None = the bundled pack) and overrides."""
    pack = load_pack(
        Path(rules) if rules else None,
        extra=[Path(p) for p in extra_rules],
        profile=Path(profile) if profile else None,
        routing=Path(routing) if routing else None,
        disable=disable,
        severity={k: Severity(v) for k, v in severity.items()},
    )
    return PostcheckComponent(nlp, name, pack, show_pii)
