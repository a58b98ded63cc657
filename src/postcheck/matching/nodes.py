"""Compiled match nodes: each returns the evidence (`Hit`s) of its match kind in one post."""

from __future__ import annotations

import re
from abc import ABC, abstractmethod
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz, process
from spacy.matcher import Matcher

from postcheck.matching.prefilter import build_prefilter
from postcheck.matching.state import DocState, Hit
from postcheck.nlp.deobfuscate import basic_form
from postcheck.nlp.words import is_word


@dataclass(frozen=True, slots=True)
class Clause:
    """A post can match only if it has one of these: a phrase-list key among its phrase hits,
    a reference kind among its marks, or a word among its token norms and texts."""

    phrases: frozenset[str] = frozenset()
    refs: frozenset[str] = frozenset()
    words: frozenset[str] = frozenset()

    def met(self, state: DocState) -> bool:
        return (
            not self.phrases.isdisjoint(state.phrase_hits)
            or not self.refs.isdisjoint(state.refs)
            or (bool(self.words) and not self.words.isdisjoint(state.words))
        )

    def __or__(self, other: Clause) -> Clause:
        return Clause(
            self.phrases | other.phrases, self.refs | other.refs, self.words | other.words
        )

    @property
    def breadth(self) -> int:
        """A rough guess at how often the clause holds, lower is rarer: most posts mention
        someone (a reference kind) and many hold a common anchor word, while a phrase list
        usually matches nowhere."""
        return len(self.phrases) + 20 * len(self.refs) + 5 * len(self.words)


MAX_JOINS = 4  # clauses an `any` node builds from its children's clauses, beyond the rarest


class Node(ABC):
    """A compiled `match` block."""

    @abstractmethod
    def find(self, state: DocState) -> list[Hit]: ...

    def possible(self, state: DocState) -> bool:
        """False when this node certainly finds nothing in the post, decided from the shared
        single-pass results (phrase and pattern keys, reference kinds) without building any
        evidence. Most rules in most posts stop here."""
        return True

    def clauses(self) -> tuple[Clause, ...]:
        """Necessary conditions of `possible`, all of which must hold, as plain set tests: a
        rule checks these first, with no call into its node tree. Empty: nothing is known."""
        return ()

    def hits(self, state: DocState) -> list[Hit]:
        """The evidence, found at most once per post; the one place `possible` gates `find`."""
        cached = state.cache.get(id(self))
        if cached is None:
            cached = self.find(state) if self.possible(state) else []
            state.cache[id(self)] = cached
        return cached


def _read_as(state: DocState, start: int, end: int) -> str:
    norm = " ".join(state.view.norms[start:end])
    shown = state.span_text(start, end)
    return f"'{shown}'" if norm == shown.lower() else f"'{shown}' (read as '{norm}')"


class PhraseNode(Node):
    def __init__(self, key: str) -> None:
        self.key = key

    def possible(self, state: DocState) -> bool:
        return self.key in state.phrase_hits

    def clauses(self) -> tuple[Clause, ...]:
        return (Clause(phrases=frozenset([self.key])),)

    def find(self, state: DocState) -> list[Hit]:
        return [
            state.span_hit(s, e, f"phrase {_read_as(state, s, e)}")
            for s, e in state.phrase_hits.get(self.key, ())
        ]


class PatternNode(Node):
    def __init__(self, matcher: Matcher, anchors: frozenset[str] | None) -> None:
        self.matcher = matcher
        self.anchors = anchors

    def possible(self, state: DocState) -> bool:
        return self.anchors is None or not self.anchors.isdisjoint(state.words)

    def clauses(self) -> tuple[Clause, ...]:
        return () if self.anchors is None else (Clause(words=self.anchors),)

    def find(self, state: DocState) -> list[Hit]:
        return [
            state.span_hit(s, e, f"token pattern {_read_as(state, s, e)}")
            for _, s, e in self.matcher(state.doc)
        ]


class EntityNode(Node):
    def __init__(self, kinds: Sequence[str]) -> None:
        self.kinds = tuple(kinds)

    def possible(self, state: DocState) -> bool:
        return any(kind in state.refs for kind in self.kinds)

    def clauses(self) -> tuple[Clause, ...]:
        return (Clause(refs=frozenset(self.kinds)),)

    def find(self, state: DocState) -> list[Hit]:
        return [
            state.span_hit(s, e, f"{kind} '{state.span_text(s, e)}'")
            for kind in self.kinds
            for s, e in state.refs.get(kind, ())
        ]


class RegexNode(Node):
    def __init__(
        self,
        regex: re.Pattern[str],
        validators: Sequence[tuple[str, Callable[[str], bool]]],
        group: int | str,
    ) -> None:
        self.regex = regex
        self.validators = tuple(validators)
        self.group = group
        self.prefilter = build_prefilter(regex)

    def possible(self, state: DocState) -> bool:
        return self.prefilter.allows(state.features)

    def find(self, state: DocState) -> list[Hit]:
        out = []
        for m in self.regex.finditer(state.text):
            try:
                start, end = m.span(self.group)
            except IndexError:
                continue
            if start < 0 or start == end:
                continue
            value = state.text[start:end]
            if all(check(value) for _, check in self.validators):
                names = ", ".join(name for name, _ in self.validators)
                note = "pattern" + (f" validated by {names}" if names else "")
                hit = state.char_hit(start, end, note)
                if hit is not None:
                    out.append(hit)
        return out


class FuzzyNode(Node):
    """Windows of 1..n tokens compared with rapidfuzz; real dictionary words are never matched."""

    def __init__(
        self, terms: Sequence[str], threshold: float, min_length: int, guard: bool
    ) -> None:
        by_size: dict[int, list[str]] = {}
        for term in terms:
            words = basic_form(term).split()
            if words:
                by_size.setdefault(len(words), []).append(" ".join(words))
        self.by_size = {n: sorted(set(ts)) for n, ts in by_size.items()}
        self.exact_words = {w for ts in self.by_size.values() for t in ts for w in t.split()}
        # A window must start like some term: its first two letters, either way round (typos
        # rarely hit both of the first two letters, and "Brikenhead" swaps them).
        self.initials = {p for ts in self.by_size.values() for t in ts for p in (t[:2], t[1::-1])}
        self.threshold = threshold
        self.min_length = min_length
        self.guard = guard

    def find(self, state: DocState) -> list[Hit]:
        norms = state.view.norms
        initials = self.initials
        candidates = [i for i, norm in enumerate(norms) if norm[:2] in initials]
        out: list[Hit] = []
        for size, terms in self.by_size.items():
            for start in candidates:
                if start + size > len(norms):
                    break
                window_tokens = norms[start : start + size]
                if not all(w.isalnum() for w in window_tokens):
                    continue
                window = " ".join(window_tokens)
                if len(window) < self.min_length:
                    continue
                if (
                    self.guard
                    and all(w in self.exact_words or is_word(w) for w in window_tokens)
                    and window not in terms
                ):
                    continue  # every word is a real word: a typo-free sentence, not a disguise
                best = process.extractOne(
                    window, terms, scorer=fuzz.ratio, score_cutoff=self.threshold
                )
                if best is not None:
                    note = f"similar to '{best[0]}' ({best[1]:.0f}%)"
                    out.append(state.span_hit(start, start + size, note))
        return out


class _Composite(Node):
    """A node whose `possible` combines its children's: remembered per post, because shared
    subtrees (and `hits` asking before `find` asks its children) would otherwise re-walk the
    same branches many times."""

    def possible(self, state: DocState) -> bool:
        known = state.possible.get(id(self))
        if known is None:
            known = state.possible[id(self)] = self.children_possible(state)
        return known

    @abstractmethod
    def children_possible(self, state: DocState) -> bool: ...


class NearNode(_Composite):
    def __init__(self, a: Node, b: Node, within: int, scope: str, order: str) -> None:
        self.a, self.b = a, b
        self.within, self.scope, self.order = within, scope, order

    def children_possible(self, state: DocState) -> bool:
        return self.a.possible(state) and self.b.possible(state)

    def clauses(self) -> tuple[Clause, ...]:
        return self.a.clauses() + self.b.clauses()

    def find(self, state: DocState) -> list[Hit]:
        a_hits = self.a.hits(state)
        if not a_hits:
            return []
        b_hits = self.b.hits(state)
        out = []
        sentence = state.sentence_of
        for a in a_hits:
            for b in b_hits:
                if (a.tok_start, a.tok_end) == (b.tok_start, b.tok_end):
                    continue
                if self.order == "a_first" and a.tok_start > b.tok_start:
                    continue
                if self.scope != "tokens" and sentence[a.tok_start] != sentence[b.tok_start]:
                    continue
                if self.scope != "sentence":
                    gap = max(b.tok_start - a.tok_end, a.tok_start - b.tok_end, 0)
                    if gap > self.within:
                        continue
                start, end = min(a.tok_start, b.tok_start), max(a.tok_end, b.tok_end)
                where = "in the same sentence as" if self.scope == "sentence" else "near"
                hit = state.span_hit(start, end, f"{a.note} {where} {b.note}")
                parts = a.terms + b.terms
                out.append(Hit(hit.start, hit.end, start, end, hit.note, b.anchor, parts))
        return out


class AbsentNode(Node):
    """Holds (one empty hit) when the inner match finds nothing where it is asked to look."""

    def __init__(self, inner: Node, where: Sequence[str]) -> None:
        self.inner = inner
        self.where = tuple(where)

    def find(self, state: DocState) -> list[Hit]:
        if "text" in self.where and self.inner.hits(state):
            return []
        if "bio" in self.where:
            bio = state.bio
            if bio is not None and self.inner.hits(bio):
                return []
        places = " or ".join("post" if w == "text" else "bio" for w in self.where)
        return [Hit(0, 0, 0, 0, f"nothing required found in the {places}")]


class AnyNode(_Composite):
    def __init__(self, children: Sequence[Node]) -> None:
        self.children = tuple(children)

    def children_possible(self, state: DocState) -> bool:
        return any(child.possible(state) for child in self.children)

    def clauses(self) -> tuple[Clause, ...]:
        # Some child must be possible, so any join of one clause per child is necessary.
        # Joining each child's rarest clause gives one; joining each child's k-th clause gives
        # more, which pays off when the children share a shape ("someone near X", "someone near
        # Y": the join of the Xs and Ys fails in posts that merely mention someone).
        options = [child.clauses() for child in self.children]
        if not all(options):
            return ()
        picks = [[min(own, key=lambda c: c.breadth) for own in options]]
        picks += [[own[min(k, len(own) - 1)] for own in options] for k in range(MAX_JOINS)]
        joined = set()
        for pick in picks:
            clause = Clause()
            for part in pick:
                clause = clause | part
            joined.add(clause)
        return tuple(joined)

    def find(self, state: DocState) -> list[Hit]:
        return [hit for child in self.children for hit in child.hits(state)]


class AllNode(_Composite):
    """Every child must match; evidence comes from the first child that has a span."""

    def __init__(self, children: Sequence[Node]) -> None:
        self.children = tuple(children)

    def children_possible(self, state: DocState) -> bool:
        return all(child.possible(state) for child in self.children)

    def clauses(self) -> tuple[Clause, ...]:
        return tuple(clause for child in self.children for clause in child.clauses())

    def find(self, state: DocState) -> list[Hit]:
        # Children are pure, so the order they are tried in never changes the answer, only its
        # cost: the rule's own order, stopping at the first child with nothing. (Trying the
        # `absent` children first ran their token patterns, and parsed the bio, in every post.)
        evidence: list[Hit] | None = None
        notes = []
        for child in self.children:
            hits = child.hits(state)
            if not hits:
                return []
            if isinstance(child, AbsentNode):
                notes.append(hits[0].note)
            elif evidence is None:
                evidence = hits
        if evidence is None:
            return [Hit(0, len(state.text), 0, len(state.view.texts), "; ".join(notes))]
        suffix = f"; {'; '.join(notes)}" if notes else ""
        return [
            Hit(h.start, h.end, h.tok_start, h.tok_end, h.note + suffix, h.core, h.parts)
            for h in evidence
        ]
