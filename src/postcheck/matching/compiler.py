"""Compiles a validated RulePack into matchers, once, shared read-only by every post.

All phrase lists go into one spaCy PhraseMatcher (on NORM), so a post is scanned for every
list at once. Each token-pattern block gets a Matcher of its own, run only when its rule reaches
it: a Matcher evaluates its set predicates in Python, token by token, so one shared Matcher cost
more than every phrase list together.
"""

from __future__ import annotations

import itertools
import json
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc
from spacy.vocab import Vocab

from postcheck.config.pack import LoadedRule, RulePack
from postcheck.config.schema import MatchSpec, RuleSpec, TermSource
from postcheck.errors import ConfigError, ErrorCode
from postcheck.matching.inflect import variants
from postcheck.matching.nodes import (
    AbsentNode,
    AllNode,
    AnyNode,
    Clause,
    EntityNode,
    FuzzyNode,
    NearNode,
    Node,
    PatternNode,
    PhraseNode,
    RegexNode,
)
from postcheck.matching.state import DocState
from postcheck.matching.validators import VALIDATORS
from postcheck.nlp.cues import CUE_WORDS
from postcheck.nlp.deobfuscate import Deobfuscator, basic_form
from postcheck.nlp.tokens import prepare_tokens
from postcheck.nlp.words import word_frequency
from postcheck.taxonomy import Category

COMMON_WORD_ZIPF = 6.0  # "that", "you", "are": more than one word in a thousand
# People disguise taboo words, not ordinary ones: an ambiguous mask ("t*at") is read as a word
# from these categories' lists before any other target ("that").
TABOO_CATEGORIES = frozenset({Category.OFFENSIVE, Category.HARASSMENT, Category.DISCRIMINATION})


@dataclass(frozen=True)
class CompiledRule:
    loaded: LoadedRule
    node: Node
    unless_node: Node | None
    allow: frozenset[str]
    allow_regex: tuple[re.Pattern[str], ...]
    # Necessary conditions of the match, as set tests checked before the node tree is walked:
    # most rules fail one in most posts (see `Node.clauses`).
    gate: tuple[Clause, ...]

    @property
    def spec(self) -> RuleSpec:
        return self.loaded.spec

    def may_match(self, state: DocState) -> bool:
        return all(clause.met(state) for clause in self.gate)


def _walk(match: MatchSpec | None) -> Iterator[MatchSpec]:
    if match is None:
        return
    yield match
    if match.near:
        yield from _walk(match.near.a)
        yield from _walk(match.near.b)
    if match.absent:
        yield from _walk(match.absent.match)
    for child in (match.any or []) + (match.all or []):
        yield from _walk(child)


class PackCompiler:
    """Builds the shared matchers and one node tree per rule."""

    def __init__(self, pack: RulePack, vocab: Vocab, make_doc: Callable[[str], Doc]) -> None:
        self.pack = pack
        self.vocab = vocab
        self.make_doc = make_doc
        sources: list[TermSource] = []
        taboo_sources: list[TermSource] = []
        for loaded in pack.rules:
            for spec in (loaded.spec.match, loaded.spec.unless.sentence_has):
                for node in _walk(spec):
                    found = [s for s in (node.phrases, node.fuzzy) if s is not None]
                    sources += found
                    # Taboo: a list that is the rule's whole match, so each word is an offence
                    # on its own (profanity, slurs), not part of a larger structure.
                    if loaded.spec.category in TABOO_CATEGORIES and node is loaded.spec.match:
                        taboo_sources += found
        targets = {w for s in sources for t in pack.terms(s) for w in basic_form(t).split()}
        # One-word terms only ("slut", not the "slit" of "slit your wrists"), and never a
        # common function word ("that"): those are what a mask hides.
        taboo_terms = {basic_form(t).strip() for s in taboo_sources for t in pack.terms(s)}
        taboo = {
            w for w in taboo_terms if w and " " not in w and word_frequency(w) < COMMON_WORD_ZIPF
        }
        # A mask hides the commonest word that fits it: "f*ck" is "fuck", not "feck".
        preferred = sorted(taboo, key=lambda w: (-word_frequency(w), w))
        self.deob = Deobfuscator(targets | CUE_WORDS, preferred=preferred)
        self.phrases = PhraseMatcher(vocab, attr="NORM")
        self._keys = itertools.count()
        self._nodes: dict[tuple[Any, ...], Node] = {}
        self.phrase_names: dict[int, str] = {}  # PhraseMatcher match id -> key

    def compile(self) -> list[CompiledRule]:
        compiled = []
        for loaded in self.pack.rules:
            spec = loaded.spec
            node = self._node(spec.match, loaded)
            unless = spec.unless
            compiled.append(
                CompiledRule(
                    loaded=loaded,
                    node=node,
                    unless_node=self._node(unless.sentence_has, loaded)
                    if unless.sentence_has
                    else None,
                    allow=frozenset(a.lower() for a in unless.allow),
                    allow_regex=tuple(re.compile(p, re.I) for p in unless.allow_regex),
                    gate=_gate(node),
                )
            )
        return compiled

    def _key(self, loaded: LoadedRule) -> str:
        return f"{loaded.spec.id}#{next(self._keys)}"

    def _node(self, match: MatchSpec, loaded: LoadedRule) -> Node:
        """The node for one match block. Identical blocks (YAML anchors such as `*who`, the same
        lexicon in several rules) compile to one shared node: nodes are pure functions of the
        post and cache their hits per post, so sharing computes each block once per post."""
        if match.phrases is not None:
            return self._phrase_node(match, loaded)
        if match.patterns is not None:
            shape = json.dumps(match.patterns, sort_keys=True, default=repr)
            key: tuple[Any, ...] = ("patterns", shape)
            return self._interned(key, lambda: self._pattern_node(match, loaded))
        if match.regex is not None:
            spec = match.regex
            key = ("regex", spec.pattern, spec.ignore_case, tuple(spec.validate_), spec.group)
            return self._interned(key, lambda: self._regex_node(match, loaded))
        if match.fuzzy is not None:
            f = match.fuzzy
            terms = tuple(self.pack.terms(f))
            key = ("fuzzy", terms, f.threshold, f.min_length, f.dictionary_guard)
            return self._interned(
                key, lambda: FuzzyNode(terms, f.threshold, f.min_length, f.dictionary_guard)
            )
        if match.entity is not None:
            kinds = tuple(match.entity)
            return self._interned(("entity", kinds), lambda: EntityNode(kinds))
        if match.near is not None:
            near = match.near
            a, b = self._node(near.a, loaded), self._node(near.b, loaded)
            key = ("near", id(a), id(b), near.within, near.scope, near.order)
            return self._interned(key, lambda: NearNode(a, b, near.within, near.scope, near.order))
        if match.absent is not None:
            inner = self._node(match.absent.match, loaded)
            where = tuple(match.absent.where)
            return self._interned(("absent", id(inner), where), lambda: AbsentNode(inner, where))
        if match.any is not None:
            children = [self._node(m, loaded) for m in match.any]
            key = ("any", *map(id, children))
            return self._interned(key, lambda: AnyNode(children))
        assert match.all is not None
        children = [self._node(m, loaded) for m in match.all]
        return self._interned(("all", *map(id, children)), lambda: AllNode(children))

    def _interned(self, key: tuple[Any, ...], build: Callable[[], Node]) -> Node:
        """The node already built for this key, else a new one. Keys of composite nodes hold
        their children's ids, which stay valid because this table keeps every node alive."""
        node = self._nodes.get(key)
        if node is None:
            node = self._nodes[key] = build()
        return node

    def _phrase_node(self, match: MatchSpec, loaded: LoadedRule) -> Node:
        assert match.phrases is not None
        terms = self.pack.terms(match.phrases)
        if match.phrases.variants:
            terms = sorted({v for t in terms for v in variants(t)})
        docs = [self.make_doc(t) for t in terms if t.strip()]
        norms = frozenset(tuple(prepare_tokens(doc, self.deob).norms) for doc in docs)
        # The PhraseMatcher matches on NORM alone, so two lists whose terms read as the same
        # norm sequences find exactly the same spans: they share one key, and the matcher
        # reports each span once instead of once per list.
        key = ("phrases", norms)
        node = self._nodes.get(key)
        if node is None:
            phrase_key = self._key(loaded)
            self.phrases.add(phrase_key, docs)
            self.phrase_names[self.vocab.strings.add(phrase_key)] = phrase_key
            node = self._nodes[key] = PhraseNode(phrase_key)
        return node

    def _pattern_node(self, match: MatchSpec, loaded: LoadedRule) -> Node:
        assert match.patterns is not None
        key = self._key(loaded)
        # One Matcher per pattern node, run only when the node is reached (after its
        # rule's other parts have matched) and the post holds one of its anchor words.
        matcher = Matcher(self.vocab, validate=True)
        try:
            matcher.add(key, match.patterns)
        except Exception as exc:  # spaCy raises several types for bad patterns
            message = str(exc).strip().splitlines()
            raise ConfigError(
                ErrorCode.BAD_PATTERN,
                f"rule {loaded.spec.id}: invalid token pattern: "
                + " ".join(m.strip() for m in message if m.strip())[:300],
                file=loaded.file,
                line=loaded.line,
                field="match.patterns",
            ) from None
        return PatternNode(matcher, _anchors(match.patterns))

    def _regex_node(self, match: MatchSpec, loaded: LoadedRule) -> Node:
        assert match.regex is not None
        spec = match.regex
        flags = re.IGNORECASE if spec.ignore_case else 0
        try:
            regex = re.compile(spec.pattern, flags)
        except re.error as exc:  # schema already checks; kept for user-built specs
            raise ConfigError(
                ErrorCode.BAD_REGEX,
                f"rule {loaded.spec.id}: cannot compile regex: {exc}",
                file=loaded.file,
                line=loaded.line,
                field="match.regex",
            ) from None
        validators = [(name, VALIDATORS[name]) for name in spec.validate_]
        return RegexNode(regex, validators, spec.group)


def _gate(node: Node) -> tuple[Clause, ...]:
    """The node's necessary clauses, each once, the rarest (likeliest to fail) first."""
    return tuple(sorted(set(node.clauses()), key=lambda c: c.breadth))


def _anchors(patterns: list[list[dict[str, Any]]]) -> frozenset[str] | None:
    """Words one of which a post must contain for any of these patterns to match: for each
    pattern, those of its rarest required token. None when some pattern can open with anything.
    Posts with none of them skip the Matcher, which costs more per call than a phrase list."""
    anchors: set[str] = set()
    for pattern in patterns:
        options = []
        for token in pattern:
            if token.get("OP") in ("?", "*"):
                continue
            words: set[str] = set()
            for attr in ("LOWER", "NORM", "ORTH", "TEXT"):
                value = token.get(attr)
                if isinstance(value, str):
                    words.add(value.lower())
                elif isinstance(value, dict) and isinstance(value.get("IN"), list):
                    words.update(str(v).lower() for v in value["IN"])
            if words:
                options.append(words)
        if not options:
            return None
        anchors |= min(options, key=lambda ws: max(word_frequency(w) for w in ws))
    return frozenset(anchors)
