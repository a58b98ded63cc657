"""`unless:` exceptions: is this piece of evidence negated, quoted, hedged or asked?"""

from __future__ import annotations

import itertools

from postcheck.matching.state import DocState, Hit
from postcheck.nlp.cues import (
    DISTANCING,
    HEDGE_LENGTHS,
    HEDGES,
    NEGATIONS,
    QUOTES,
    REPOST_SOURCES,
)

NEGATION_LOOKBACK = 4  # tokens before the evidence that a negation cue may stand in


def negated(state: DocState, hit: Hit) -> bool:
    """A negation cue shortly before the claim ("is not a thief", "never stole") or between the
    terms of a combined match ("muslims are not lazy"); cues inside a matched term ("don't tell
    anyone", "shouldn't be teachers") are part of the term, not a negation of it."""
    anchor = hit.anchor
    first, _ = state.sentence_bounds(anchor)
    start = max(first, anchor - NEGATION_LOOKBACK)
    norms = state.view.norms
    inside = {i for s, e in hit.terms for i in range(s, e)}
    end = max(anchor, hit.tok_end)
    return any(
        norms[i] in NEGATIONS and i not in inside and not _idiom(norms, i, end)
        for i in range(start, end)
    )


# "without (a) doubt", "no doubt", "no wonder": intensifiers, not negations of the claim.
NOT_NEGATING = frozenset(
    {("without", "doubt"), ("without", "a"), ("no", "doubt"), ("no", "wonder")}
)


def _idiom(norms: list[str], i: int, anchor: int) -> bool:
    return i + 1 < anchor and (norms[i], norms[i + 1]) in NOT_NEGATING


def hedged(state: DocState, hit: Hit) -> bool:
    first, last = state.sentence_bounds(hit.tok_start)
    norms = state.view.norms[first:last]
    return any(
        tuple(norms[i : i + n]) in HEDGES for n in HEDGE_LENGTHS for i in range(len(norms) - n + 1)
    )


# A question that opens like this does not ask whether its claim is true: an offer shares what
# it offers ("anyone want the answers to tomorrow's paper?"), and a rhetorical question asserts
# its claim ("is it just me or are the support staff getting lazier?").
OFFER_OPENERS = frozenset(
    (who, verb)
    for who in ("who", "anyone", "anybody", "any1")
    for verb in ("want", "wants", "wanna", "need", "needs")
)
RHETORICAL_OPENERS = frozenset({("just", "me"), ("only", "one")})
ASSERTING_OPENERS = OFFER_OPENERS | RHETORICAL_OPENERS
OPENER_REACH = 4  # the opening words stand in the sentence's first few tokens


def question(state: DocState, hit: Hit) -> bool:
    first, last = state.sentence_bounds(hit.tok_start)
    texts = state.view.texts
    if not any("?" in texts[i] for i in range(hit.tok_end, last)):
        return False
    norms = state.view.norms
    opening = norms[first : min(first + OPENER_REACH, hit.tok_start) + 1]
    return not any(pair in ASSERTING_OPENERS for pair in itertools.pairwise(opening))


def quoted(state: DocState, hit: Hit) -> bool:
    """Evidence between an opening and a closing quotation mark in its sentence, unless the
    quote is a group chat pasted in to share it."""
    return _between_quotes(state, hit) and not _reposted_chat(state, hit)


def _between_quotes(state: DocState, hit: Hit) -> bool:
    first, last = state.sentence_bounds(hit.tok_start)
    before = sum(1 for i in range(first, hit.tok_start) if state.view.texts[i] in QUOTES)
    after = sum(1 for i in range(hit.tok_end, last) if state.view.texts[i] in QUOTES)
    if before and after and before % 2 == 1:
        return True
    text = state.text
    # Quote marks glued to words ("'X are scum'") stay inside tokens: look at characters too.
    view = state.view
    sentence_start = view.starts[first] if first < len(view.starts) else 0
    opening = text[sentence_start : hit.start]
    closing = text[hit.end : view.ends[last - 1] if last else hit.end]
    return any(q in opening for q in '"“‘«') and any(q in closing for q in '"”’»')


def _reposted_chat(state: DocState, hit: Hit) -> bool:
    """A group chat named before the evidence, and nothing in the post distances the writer."""
    norms = state.view.norms
    before = norms[: hit.tok_start]
    named = any(n in REPOST_SOURCES for n in before) or ("group", "chat") in itertools.pairwise(
        before
    )
    return named and not any(n in DISTANCING for n in norms)
