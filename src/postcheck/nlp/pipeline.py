"""The default spaCy Language: blank English with one tokenizer tweak, no statistical model."""

from __future__ import annotations

from typing import Any

import spacy
from spacy.language import Language
from spacy.util import compile_prefix_regex, compile_suffix_regex

TOKENIZER_CACHE_SIZE = 50_000  # distinct whitespace-separated chunks


def blank_english() -> Language:
    """Blank English whose tokenizer keeps `$hit` whole (a currency sign before a letter is a
    disguise, not money), so de-obfuscation sees the whole word."""
    nlp = spacy.blank("en")
    prefixes = [r"\$(?![A-Za-z])" if p == r"\$" else p for p in nlp.Defaults.prefixes or ()]
    # HTML tags glued to words in pasted drafts ("<b>Birkenhead") are split off, so the words
    # inside them are matched like any others.
    tag = r"</?[A-Za-z][A-Za-z0-9]*>"
    suffixes = [tag, *(nlp.Defaults.suffixes or ())]
    # A dash glued to the front of a word ("-WTF", "—honestly") is punctuation, not part of it.
    dash = r"[-\u2013\u2014](?=[A-Za-z])"
    tokenizer: Any = nlp.tokenizer
    tokenizer.prefix_search = compile_prefix_regex([tag, dash, *prefixes]).search
    tokenizer.suffix_search = compile_suffix_regex(suffixes).search
    # Compiling a rule pack tokenises thousands of terms, which fill spaCy's default cache of
    # 10,000 chunks; after that no word of any post was cached and every post paid the full
    # prefix/suffix search. The cache is bounded by this size and never changes a tokenisation.
    tokenizer.max_cache_size = TOKENIZER_CACHE_SIZE
    return nlp
