"""Stable finding fingerprints, so a re-scan can tell old findings from new ones.

fingerprint = sha256(post key, rule id, normalised evidence). The post key is the post's id
(platform ids are stable between exports) or, for records without an id, the file name plus
record or line number. The evidence is the ORIGINAL text at the finding's span, case-folded with
runs of whitespace collapsed, so the fingerprint does not depend on `--show-pii`, on offsets
shifting, or on rule-pack edits that leave the evidence unchanged.
"""

from __future__ import annotations

import hashlib
from pathlib import PurePath

from postcheck.models import Finding, Post

SEP = "\x1f"  # unit separator: cannot occur in ids or rule ids, so parts never run together


def post_key(post: Post) -> str:
    if post.id:
        return post.id
    origin = post.origin
    if origin is None:
        return ""
    place = origin.record if origin.record is not None else origin.line
    return f"{PurePath(origin.source).name}#{place}"


def normalise(evidence: str) -> str:
    return " ".join(evidence.casefold().split())


def fingerprint(post: Post, finding: Finding) -> str:
    evidence = normalise(post.text[finding.start : finding.end])
    raw = SEP.join((post_key(post), finding.rule, evidence))
    return hashlib.sha256(raw.encode("utf-8")).hexdigest()
