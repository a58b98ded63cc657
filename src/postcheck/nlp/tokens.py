"""Token-level preparation: join spelt-out letters, split hashtags, set de-obfuscated norms.

Rules match on `token.norm_`. Retokenising never changes `doc.text`, so every span still indexes
the original post.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from spacy.tokens import Doc, Token

from postcheck.nlp.deobfuscate import LEET, Deobfuscator

_JOINERS = {".", "-", "_", "*", "·", "•"}
_CAMEL = re.compile(r"[A-Z]{2,}(?![a-z])|[A-Z]?[a-z]+|\d+(?:st|nd|rd|th)?|[A-Z]")


def _single(token: Token) -> bool:
    text = token.text
    return len(text) == 1 and (text.isalnum() or text in LEET)


def _letter_runs(doc: Doc) -> Iterator[tuple[int, int, str]]:
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
        if len(letters) >= 3:
            yield i, letters[-1] + 1, "".join(doc[x].text for x in letters)
        i = max(k, i + 1)


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
    for left, right in zip(doc, doc[1:], strict=False):
        if left.whitespace_ or not (left.text[-1].isalnum() and right.text[0].isalnum()):
            continue
        norm = deob(left.text + right.text)
        if norm in deob.targets and deob(left.text) not in deob.targets:
            yield left.i, right.i + 1, norm


def prepare_tokens(doc: Doc, deob: Deobfuscator) -> Doc:
    """Retokenise where obfuscation demands it, then set every token's norm."""
    joins = [(s, e, deob(text)) for s, e, text in _letter_runs(doc)]
    joins = [(s, e, norm) for s, e, norm in joins if norm in deob.targets]
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
                heads = [(token, i) for i in range(len(parts))]
                retokenizer.split(token, parts, heads=heads)
    for token in doc:
        token.norm_ = merged_norms.get(token.idx) or deob(token.text)
    return doc
