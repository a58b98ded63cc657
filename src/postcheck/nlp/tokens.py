"""Token-level preparation: join spelt-out letters, split hashtags, set de-obfuscated norms.

Rules match on `token.norm_`. Retokenising never changes `doc.text`, so every span still indexes
the original post. This runs on every post, so it reads and writes token attributes as arrays
(`Doc.to_array` / `Doc.from_array`) rather than through Python Token objects.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import numpy
from spacy.attrs import IDX, LOWER, NORM, ORTH, SPACY
from spacy.tokens import Doc, Token

from postcheck.nlp.deobfuscate import LEET, Deobfuscator

_JOINERS = {".", "-", "_", "*", "·", "•"}
_CAMEL = re.compile(r"[A-Z]{2,}(?![a-z])|[A-Z]?[a-z]+|\d+(?:st|nd|rd|th)?|[A-Z]")
# Contractions typed without the apostrophe ("dont", "youre", "shes", "im") are split by spaCy's
# tokenizer exceptions into a word and a bare clitic glued to it ("do" + "nt"). Giving the clitic
# the apostrophe form's norm lets every rule written with "don't" or "you're" match the way most
# young people type, without each rule listing both spellings.
_BARE_CLITICS = {
    "nt": "n't",
    "re": "'re",
    "ve": "'ve",
    "ll": "'ll",
    "m": "'m",
    "s": "'s",
    "d": "'d",
}


@dataclass(frozen=True, slots=True)
class TokenView:
    """Plain lists of each token's text, norm, trailing-space flag and character offsets:
    cheaper to read than spaCy Token objects for the per-post passes that follow."""

    texts: list[str]
    norms: list[str]
    spaces: list[bool]
    starts: list[int]
    ends: list[int]


def _single(text: str) -> bool:
    return len(text) == 1 and (text.isalnum() or text in LEET)


def _wordish(char: str) -> bool:
    return char.isalnum() or char in LEET


def _letter_runs(texts: list[str]) -> Iterator[list[int]]:
    """Runs of ≥3 single characters (`f u c k`, `f-u-c-k`): never joins whole words."""
    i, n = 0, len(texts)
    while i < n:
        if not _single(texts[i]):
            i += 1
            continue
        letters = [i]
        k = i + 1
        while k < n:
            if _single(texts[k]):
                letters.append(k)
                k += 1
            elif texts[k] in _JOINERS and k + 1 < n and _single(texts[k + 1]):
                k += 1
            else:
                break
        # Leet symbols count as letters ("s h 1 t", "$ h i t") but not at the edges ("e !").
        while letters and not texts[letters[-1]].isalnum():
            letters.pop()
        while letters and not texts[letters[0]].isalnum():
            letters.pop(0)
        if len(letters) >= 3:
            yield letters
        i = max(k, i + 1)


def _join(texts: list[str], letters: list[int], deob: Deobfuscator) -> tuple[int, int, str] | None:
    """The longest stretch of a letter run that spells a target; a neighbouring one-letter word
    ("what a f u c k", "f u c k u") may be glued to the run, so up to two are tried off each end."""
    n = len(letters)
    for trim in range(min(n - 3, 4) + 1):
        for head in range(trim + 1):
            if trim - head > 2 or head > 2:
                continue
            part = letters[head : n - (trim - head)]
            norm = deob("".join(texts[x] for x in part))
            if norm in deob.targets:
                return part[0], part[-1] + 1, norm
    return None


def _glued_pairs(
    texts: list[str], spaces: list[bool], deob: Deobfuscator
) -> Iterator[tuple[int, int, str]]:
    """Two tokens with no space between that the tokenizer split inside a disguised word
    (`sh1t` → `sh1` + `t`, as if `1t` were a unit; `$` + `hit`): rejoin them when the whole is
    a target."""
    for i in range(len(texts) - 1):
        left, right = texts[i], texts[i + 1]
        if spaces[i] or not (_wordish(left[-1]) and _wordish(right[0])):
            continue
        norm = deob(left + right)
        if norm in deob.targets and deob(left) not in deob.targets:
            yield i, i + 2, norm


def _hashtag_parts(texts: list[str], spaces: list[bool]) -> Iterator[tuple[int, list[str]]]:
    for i in range(1, len(texts)):
        if texts[i - 1] == "#" and not spaces[i - 1] and not texts[i].islower():
            parts = _CAMEL.findall(texts[i])
            if len(parts) > 1 and "".join(parts) == texts[i]:
                yield i, parts


def _read(doc: Doc) -> tuple[list[str], list[bool], list[int], list[int]]:
    """Token texts, trailing-space flags, character offsets and lower-case string ids."""
    strings = doc.vocab.strings
    rows = doc.to_array([ORTH, SPACY, IDX, LOWER]).tolist() if len(doc) else []
    return (
        [strings[r[0]] for r in rows],
        [bool(r[1]) for r in rows],
        [r[2] for r in rows],
        [r[3] for r in rows],
    )


def _norm_ids(
    texts: list[str], norms: list[str], lowers: list[int], deob: Deobfuscator, doc: Doc
) -> list[int]:
    """String ids of the norms. Most norms are the token's lower-case form, whose id the
    lexeme already holds (spaCy stores LOWER as `text.lower()`, in the same string store and
    memory zone as the token): only the others are added to the store."""
    strings = doc.vocab.strings
    return [
        lower if norm == text.lower() else deob.norm_id(norm, strings)
        for text, norm, lower in zip(texts, norms, lowers, strict=True)
    ]


def prepare_tokens(doc: Doc, deob: Deobfuscator) -> TokenView:
    """Retokenise where obfuscation demands it, then set every token's norm."""
    texts, spaces, starts, lowers = _read(doc)
    joins = [j for letters in _letter_runs(texts) if (j := _join(texts, letters, deob))]
    joined = {i for s, e, _ in joins for i in range(s, e)}
    joins += [j for j in _glued_pairs(texts, spaces, deob) if not joined & {j[0], j[1] - 1}]
    splits = []
    if "#" in texts:
        splits = [(i, parts) for i, parts in _hashtag_parts(texts, spaces) if i not in joined]
    merged_norms: dict[int, str] = {}
    if joins or splits:
        with doc.retokenize() as retokenizer:
            for start, end, norm in joins:
                retokenizer.merge(doc[start:end])
                merged_norms[starts[start]] = norm
            for i, parts in splits:
                token = doc[i]
                heads: list[Token | tuple[Token, int]] = [(token, k) for k in range(len(parts))]
                retokenizer.split(token, parts, heads=heads)
        texts, spaces, starts, lowers = _read(doc)
    norms = [deob(t) for t in texts]
    if merged_norms:
        norms = [merged_norms.get(s, n) for s, n in zip(starts, norms, strict=True)]
    for i in range(1, len(norms)):
        if norms[i] in _BARE_CLITICS and not spaces[i - 1] and texts[i - 1].isalpha():
            norms[i] = _BARE_CLITICS[norms[i]]
    if norms:
        ids = _norm_ids(texts, norms, lowers, deob, doc)
        array: Any = numpy.array(ids, dtype="uint64").reshape(-1, 1)
        doc.from_array([NORM], array)
    ends = [s + len(t) for s, t in zip(starts, texts, strict=True)]
    return TokenView(texts, norms, spaces, starts, ends)
