"""Token-level preparation: join spelt-out letters, split hashtags, set de-obfuscated norms.

Rules match on `token.norm_`. Retokenising never changes `doc.text`, so every span still indexes
the original post.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator

from spacy.tokens import Doc, Token

from postcheck.nlp.deobfuscate import LEET, Deobfuscator

_JOINERS = {".", "-", "_", "*", "·", "•"}
_CAMEL = re.compile(r"[A-Z]{2,}(?![a-z])|[A-Z]?[a-z]+|\d+(?:st|nd|rd|th)?|[A-Z]")


def _single(token: Token) -> bool:
    text = token.text
    return len(text) == 1 and (text.isalnum() or text in LEET)


def _letter_runs(doc: Doc) -> Iterator[tuple[int, int, list[int]]]:
    """Runs of ≥3 single characters (`f u c k`, `f-u-c-k`): never joins whole words."""
    i, n = 0, len(doc)
    while i < n:
        if not _single(doc[i]):
            i += 1
            continue
        letters = [i]
        k = i + 1
        while k < n:
            if _single(doc[k]):
                letters.append(k)
                k += 1
            elif doc[k].text in _JOINERS and k + 1 < n and _single(doc[k + 1]):
                k += 1
            else:
                break
        # Leet symbols count as letters ("s h 1 t", "$ h i t") but not at the edges ("e !").
        while letters and not doc[letters[-1]].text.isalnum():
            letters.pop()
        while letters and not doc[letters[0]].text.isalnum():
            letters.pop(0)
        if len(letters) >= 3:
            yield letters[0], letters[-1] + 1, letters

        i = max(k, i + 1)


def _join(doc: Doc, letters: list[int], deob: Deobfuscator) -> tuple[int, int, str] | None:
    """The longest stretch of a letter run that spells a target; a neighbouring one-letter word
    ("what a f u c k", "f u c k u") may be glued to the run, so up to two are tried off each end."""
    n = len(letters)
    for trim in range(min(n - 3, 4) + 1):
        for head in range(trim + 1):
            part = letters[head : n - (trim - head)]
            if trim - head > 2 or head > 2:
                continue
            norm = deob("".join(doc[x].text for x in part))
            if norm in deob.targets:
                return part[0], part[-1] + 1, norm
    return None


def _hashtag_parts(doc: Doc) -> Iterator[tuple[Token, list[str]]]:
    for token in doc[1:]:
        prev = doc[token.i - 1]
        if prev.text == "#" and not prev.whitespace_ and not token.text.islower():
            parts = _CAMEL.findall(token.text)
            if len(parts) > 1 and "".join(parts) == token.text:
                yield token, parts


def _glued_pairs(doc: Doc, deob: Deobfuscator) -> Iterator[tuple[int, int, str]]:
    """Two tokens with no space between that the tokenizer split inside a disguised word
    (`sh1t` → `sh1` + `t`, as if `1t` were a unit): rejoin them when the whole is a target."""
    for left, right in itertools.pairwise(doc):
        if left.whitespace_ or not (left.text[-1].isalnum() and right.text[0].isalnum()):
            continue
        norm = deob(left.text + right.text)
        if norm in deob.targets and deob(left.text) not in deob.targets:
            yield left.i, right.i + 1, norm


def prepare_tokens(doc: Doc, deob: Deobfuscator) -> Doc:
    """Retokenise where obfuscation demands it, then set every token's norm."""
    joins = [j for _, _, letters in _letter_runs(doc) if (j := _join(doc, letters, deob))]
    joined = {i for s, e, _ in joins for i in range(s, e)}
    joins += [j for j in _glued_pairs(doc, deob) if not joined & {j[0], j[1] - 1}]
    splits = [(t, parts) for t, parts in _hashtag_parts(doc) if t.i not in joined]
    merged_norms: dict[int, str] = {}
    if joins or splits:
        with doc.retokenize() as retokenizer:
            for start, end, norm in joins:
                retokenizer.merge(doc[start:end])
                merged_norms[doc[start].idx] = norm
            for token, parts in splits:
                heads: list[Token | tuple[Token, int]] = [(token, i) for i in range(len(parts))]
                retokenizer.split(token, parts, heads=heads)
    for token in doc:
        token.norm_ = merged_norms.get(token.idx) or deob(token.text)
    return doc
