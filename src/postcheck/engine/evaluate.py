"""Runs the compiled rules over one prepared Doc and turns surviving evidence into Findings.

Order of work per rule: context conditions (`applies_to`) → match → exceptions (`unless`) →
dedup → routing. All of it reads shared, immutable compiled data, so one engine serves every
post and every worker process.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc
from spacy.vocab import Vocab

from postcheck.config.pack import RulePack
from postcheck.config.schema import AppliesTo, UnlessSpec
from postcheck.engine import exceptions
from postcheck.engine.routing import route
from postcheck.masking import mask
from postcheck.matching.compiler import CompiledRule, PackCompiler
from postcheck.matching.state import DocState, Hit, group
from postcheck.matching.validators import phone_digits
from postcheck.models import Context, Finding, Fix, RoutingEntry
from postcheck.nlp.references import ReferenceMarker, at_domain, squash
from postcheck.nlp.tokens import TokenView, prepare_tokens


def _applies(cond: AppliesTo, context: Context) -> bool:
    if cond.account and context.account not in cond.account:
        return False
    if cond.direction and context.direction not in cond.direction:
        return False
    if cond.platform and (context.platform or "").lower() not in {p.lower() for p in cond.platform}:
        return False
    return not (cond.author_role and context.author_role not in cond.author_role)


class RuleEngine:
    """Everything compiled from one RulePack: matchers, reference marker, rules."""

    def __init__(self, pack: RulePack, vocab: Vocab, make_doc: Callable[[str], Doc]) -> None:
        self.pack = pack
        self.make_doc = make_doc
        compiler = PackCompiler(pack, vocab, make_doc)
        self.deob = compiler.deob
        self.rules: list[CompiledRule] = compiler.compile()
        self.phrases = compiler.phrases
        self.phrase_names = compiler.phrase_names
        self._rules_for: dict[tuple[str, str, str | None, str | None], list[CompiledRule]] = {}
        self._routes: dict[tuple[str, str, str, str | None], list[RoutingEntry]] = {}
        self.references = ReferenceMarker(vocab, pack.lexicons, pack.profile, make_doc)
        profile = pack.profile
        # The organisation's own public facts, normalised once; `unless: {profile: [...]}`
        # clears evidence that is one of them.
        phones = {phone_digits(p) for p in profile.phones}
        mailboxes = {m.lower() for m in profile.mailboxes}
        domains = tuple(d.lower() for d in profile.domains)
        handles = {h.lower().lstrip("@") for h in profile.handles}
        names = {squash(profile.name)}
        aliases = {squash(a) for a in profile.aliases}
        hashtags = {squash(h) for h in profile.hashtags}
        self._profile_facts: dict[str, Callable[[str], bool]] = {
            "phones": lambda ev: phone_digits(ev) in phones,
            "mailboxes": lambda ev: ev.partition("@")[0].lower() in mailboxes,
            "domains": lambda ev: at_domain(ev, domains),
            "handles": lambda ev: ev.lower().lstrip("@") in handles,
            "name": lambda ev: squash(ev) in names,
            "aliases": lambda ev: squash(ev) in aliases,
            "hashtags": lambda ev: squash(ev) in hashtags,
            "disclaimers": lambda ev: False,
        }

    def prepare(self, doc: Doc) -> TokenView:
        """Retokenise and set norms in place; return the token texts and norms."""
        return prepare_tokens(doc, self.deob)

    def state(self, doc: Doc, view: TokenView, context: Context) -> DocState:
        refs: dict[str, list[tuple[int, int]]] = {}
        for kind, start, end in self.references(doc, view):
            refs.setdefault(kind, []).append((start, end))
        return DocState(
            doc=doc,
            text="".join(
                t + " " if sp else t for t, sp in zip(view.texts, view.spaces, strict=True)
            ),
            view=view,
            context=context,
            phrase_hits=group(self.phrases(doc), self.phrase_names),
            refs=refs,
            make_bio=self._bio_state,
        )

    def _applicable(self, context: Context) -> list[CompiledRule]:
        """The rules whose `applies_to` holds in this context (few distinct contexts: cached)."""
        key = (context.account, context.direction, context.platform, context.author_role)
        found = self._rules_for.get(key)
        if found is None:
            found = self._rules_for[key] = [
                r for r in self.rules if _applies(r.spec.applies_to, context)
            ]
        return found

    def _routing(self, rule: CompiledRule, context: Context) -> list[RoutingEntry]:
        """Routing depends only on the rule and three context fields: computed once each."""
        spec = rule.spec
        key = (spec.id, context.account, context.direction, context.author_role)
        found = self._routes.get(key)
        if found is None:
            found = route(self.pack.routing, spec.category, spec.severity, context, spec.routing)
            self._routes[key] = found
        return found

    def _bio_state(self, bio: str) -> DocState:
        doc = self.make_doc(bio)
        return self.state(doc, self.prepare(doc), Context())

    def run(
        self,
        doc: Doc,
        view: TokenView,
        context: Context,
        *,
        show_pii: bool = False,
        merge: bool = True,
    ) -> tuple[list[Finding], DocState]:
        """All findings for a prepared doc (sorted by position, then severity) and its state.

        `merge` folds findings of one category that report mostly the same words into one (see
        `merge_same_evidence`); the rule-example harness turns it off to judge each rule alone.
        """
        state = self.state(doc, view, context)
        findings: list[Finding] = []
        for rule in self._applicable(context):
            if not rule.may_match(state):
                continue
            found = rule.node.hits(state)
            if not found:
                continue
            hits = [h for h in found if h.end > h.start and not self._cleared(rule, state, h)]
            for hit in _dedupe(hits)[: rule.spec.max_findings]:
                findings.append(self._finding(rule, state, hit, context, show_pii))
        if merge:
            findings = merge_same_evidence(findings)
        findings.sort(key=lambda f: (f.start, -f.severity.rank, f.rule))
        return findings, state

    def _cleared(self, rule: CompiledRule, state: DocState, hit: Hit) -> bool:
        unless: UnlessSpec = rule.spec.unless
        evidence = state.text[hit.start : hit.end]
        if hit.start == hit.end:
            return False  # an absence has no evidence to excuse
        if evidence.lower() in rule.allow or any(r.fullmatch(evidence) for r in rule.allow_regex):
            return True
        if any(self._profile_facts[fact](evidence) for fact in unless.profile):
            return True
        if unless.negated and exceptions.negated(state, hit):
            return True
        if unless.quoted and exceptions.quoted(state, hit):
            return True
        if unless.hedged and exceptions.hedged(state, hit):
            return True
        if unless.question and exceptions.question(state, hit):
            return True
        if rule.unless_node is not None:
            sentence = state.sentence_of
            for other in rule.unless_node.hits(state):
                if sentence[other.tok_start] == sentence[min(hit.tok_start, len(sentence) - 1)]:
                    return True
        return False

    def _finding(
        self, rule: CompiledRule, state: DocState, hit: Hit, context: Context, show_pii: bool
    ) -> Finding:
        spec = rule.spec
        text = state.text
        evidence = text[hit.start : hit.end]
        excerpt = mask(evidence) if spec.mask and not show_pii else evidence
        fix = None
        if spec.fix is not None:
            replacement = (spec.fix.text or "").replace(
                "{disclaimer}", self.pack.profile.disclaimer_text
            )
            if spec.fix.action == "append":
                sep = "" if not text or text[-1].isspace() else " "
                fix = Fix.model_construct(
                    label=spec.fix.label,
                    start=len(text),
                    end=len(text),
                    replacement=sep + replacement,
                )
            else:
                if spec.fix.action == "mask":
                    replacement = mask(evidence)
                elif spec.fix.action == "delete":
                    replacement = ""
                fix = Fix.model_construct(
                    label=spec.fix.label, start=hit.start, end=hit.end, replacement=replacement
                )
        # Built from validated rule data: no need to validate again on this hot path.
        return Finding.model_construct(
            rule=spec.id,
            category=spec.category,
            severity=spec.severity,
            start=hit.start,
            end=hit.end,
            excerpt=excerpt,
            message=spec.message,
            suggestion=spec.suggestion.replace("{disclaimer}", self.pack.profile.disclaimer_text),
            policy=spec.policy,
            routing=self._routing(rule, context),
            explanation=hit.note if not spec.mask or show_pii else _masked_note(hit.note),
            fix=fix,
        )


def _masked_note(note: str) -> str:
    # Notes quote the evidence; for personal data say which check matched, not the value.
    return note.split("'")[0].strip() or "matched"


def _same_evidence(a: Finding, b: Finding) -> bool:
    """Mostly the same words: the overlap is at least half of the longer span. A phone number
    inside a long sentence about a named pupil's health is a second fact, not the same one."""
    overlap = min(a.end, b.end) - max(a.start, b.start)
    return overlap > 0 and 2 * overlap >= max(a.end - a.start, b.end - b.start)


def merge_same_evidence(findings: list[Finding]) -> list[Finding]:
    """One finding per category and evidence: when two rules of one category report mostly the
    same words ("f*ck" is both masked and strong profanity), keep the more severe (then the
    longer) finding and name the other rules in its `also`. The reader sees one problem once."""
    order = sorted(
        range(len(findings)),
        key=lambda i: (-findings[i].severity.rank, -(findings[i].end - findings[i].start), i),
    )
    kept: list[int] = []
    also: dict[int, list[str]] = {}
    for i in order:
        f = findings[i]
        same = (k for k in kept if findings[k].category == f.category)
        into = next((k for k in same if _same_evidence(findings[k], f)), None)
        if into is None:
            kept.append(i)
        elif f.rule != findings[into].rule and f.rule not in also.setdefault(into, []):
            also[into].append(f.rule)
    return [
        findings[i].model_copy(update={"also": sorted(also[i])}) if also.get(i) else findings[i]
        for i in sorted(kept)
    ]


def _dedupe(hits: list[Hit]) -> list[Hit]:
    """Keep the earliest, longest evidence where several overlap."""
    kept: list[Hit] = []
    for hit in sorted(hits, key=lambda h: (h.start, -(h.end - h.start))):
        if any(hit.start < k.end and k.start < hit.end for k in kept):
            continue
        if hit.start == hit.end and kept:
            continue
        kept.append(hit)
    return kept
