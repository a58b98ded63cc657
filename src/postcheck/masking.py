"""Masking of personal data in excerpts (reports show it only with `--show-pii`)."""

from __future__ import annotations

BULLET = "•"


def mask(text: str) -> str:
    """Hide all but a few letters/digits so a reader can recognise, not recover, the data."""
    alnum = [i for i, c in enumerate(text) if c.isalnum()]
    keep = 2 if len(alnum) >= 8 else 1 if len(alnum) >= 4 else 0
    visible = set(alnum[:keep] + (alnum[-keep:] if keep else []))
    return "".join(c if (not c.isalnum() or i in visible) else BULLET for i, c in enumerate(text))
