"""The policy document shipped with the pack, split into its numbered clauses (§1–§6)."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from postcheck.config.pack import bundled_pack_dir

_HEADING = re.compile(r"^\s*(\d+)\.\s+\S.*$", re.M)


@lru_cache(maxsize=4)
def clauses(path: Path | None = None) -> dict[str, str]:
    """`{"§1": "1. Scope\\n...", ...}` from the policy text (empty if the pack has none)."""
    path = path or bundled_pack_dir() / "policy" / "social-media-policy.txt"
    if not path.is_file():
        return {}
    text = path.read_text(encoding="utf-8")
    heads = list(_HEADING.finditer(text))
    out = {}
    for i, head in enumerate(heads):
        end = heads[i + 1].start() if i + 1 < len(heads) else len(text)
        out[f"§{head.group(1)}"] = re.sub(r"\n{3,}", "\n\n", text[head.start() : end].strip())
    return out


def clause_text(clause: str) -> str | None:
    """The full text of a clause such as `§3` (only the number before any dot is used)."""
    match = re.match(r"§?\s*(\d+)", clause)
    return clauses().get(f"§{match.group(1)}") if match else None
