"""Per-post matching state: what every rule can reuse, computed at most once per post."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from spacy.tokens import Doc

from postcheck.matching.prefilter import TextFeatures
from postcheck.models import Context
from postcheck.nlp.tokens import TokenView

SENTENCE_ENDS = {".", "!", "?", "…", "!!", "?!", "!?", "??", "...", "!!!"}


@dataclass(frozen=True, slots=True)
class Hit:
    """Evidence for a match: character span in the original text, token span, and why."""

    start: int
    end: int
    tok_start: int
    tok_end: int
    note: str
    core: int = -1  # token where the claim itself starts (negation is looked for before it)
    # Token spans of the matched terms inside a combined (near) hit. A negation cue between
    # them negates the claim ("muslims are not lazy"); one inside a term is part of it
    # ("shouldn't be teachers"). Empty: the whole hit is one term.
    parts: tuple[tuple[int, int], ...] = ()

    @property
    def anchor(self) -> int:
        return self.core if self.core >= 0 else self.tok_start

    @property
    def terms(self) -> tuple[tuple[int, int], ...]:
        return self.parts or ((self.tok_start, self.tok_end),)


@dataclass
class DocState:
    doc: Doc
    text: str
    view: TokenView
    context: Context
    phrase_hits: dict[str, list[tuple[int, int]]]
    refs: dict[str, list[tuple[int, int]]]
    make_bio: Callable[[str], DocState | None]
    _words: frozenset[str] | None = None
    _sentences: list[int] | None = None
    _bio: DocState | None = None
    _bio_done: bool = False
    cache: dict[int, list[Hit]] = field(default_factory=dict)  # node id -> its hits
    possible: dict[int, bool] = field(default_factory=dict)  # node id -> could it match
    _features: TextFeatures | None = None

    @property
    def features(self) -> TextFeatures:
        """Digits and lower-cased text, for the regex prefilters (computed on first use)."""
        if self._features is None:
            self._features = TextFeatures.of(self.text)
        return self._features

    @property
    def words(self) -> frozenset[str]:
        """Every token's norm and lower-cased text: what token-pattern anchors are tested on."""
        if self._words is None:
            view = self.view
            self._words = frozenset(view.norms).union(t.lower() for t in view.texts)
        return self._words

    @property
    def sentence_of(self) -> list[int]:
        """Sentence number of each token (rule-based: ., !, ?, line breaks)."""
        if self._sentences is None:
            ids: list[int] = []
            current = 0
            for text in self.view.texts:
                ids.append(current)
                if text in SENTENCE_ENDS or ("\n" in text and text.isspace()):
                    current += 1
            self._sentences = ids
        return self._sentences

    def sentence_bounds(self, tok: int) -> tuple[int, int]:
        ids = self.sentence_of
        if not ids:
            return 0, 0
        tok = min(tok, len(ids) - 1)
        sid = ids[tok]
        start = tok
        while start > 0 and ids[start - 1] == sid:
            start -= 1
        end = tok
        while end < len(ids) and ids[end] == sid:
            end += 1
        return start, end

    def span_text(self, start: int, end: int) -> str:
        """`doc[start:end].text` without building a Span (token offsets are already known)."""
        if end <= start:
            return ""
        return self.text[self.view.starts[start] : self.view.ends[end - 1]]

    def span_hit(self, start: int, end: int, note: str) -> Hit:
        return Hit(self.view.starts[start], self.view.ends[end - 1], start, end, note)

    def char_hit(self, start: int, end: int, note: str) -> Hit | None:
        span = self.doc.char_span(start, end, alignment_mode="expand")
        if span is None:
            return None
        return Hit(start, end, span.start, span.end, note)

    @property
    def bio(self) -> DocState | None:
        if not self._bio_done:
            self._bio_done = True
            bio = self.context.bio
            self._bio = self.make_bio(bio) if bio else None
        return self._bio


def group(
    matches: list[tuple[int, int, int]], names: Mapping[int, str]
) -> dict[str, list[tuple[int, int]]]:
    """Matcher results by key name (`names`: match id -> key, known from compile time, so no
    string-store lookup per match)."""
    out: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for key, start, end in matches:
        out[names[key]].append((start, end))
    return out
