"""Shared helpers for the importer tests: sample paths and a collector for `iter_posts`.

(A plain module rather than conftest.py so its name cannot clash with other test folders.)
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from postcheck.models import Post
from postcheck.sources import ReadError, SourceWarning

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "corpora" / "exports"
FIXTURES = ROOT / "tests" / "fixtures" / "exports"


@dataclass
class Collected:
    posts: list[Post] = field(default_factory=list)
    errors: list[ReadError] = field(default_factory=list)
    warnings: list[SourceWarning] = field(default_factory=list)

    def by_id(self, post_id: str) -> Post:
        matches = [p for p in self.posts if p.id == post_id]
        assert len(matches) == 1, f"{post_id}: {[p.id for p in self.posts]}"
        return matches[0]

    def texts(self) -> list[str]:
        return [p.text for p in self.posts]


def collect(items: Iterable[Post | ReadError | SourceWarning]) -> Collected:
    out = Collected()
    for item in items:
        if isinstance(item, Post):
            out.posts.append(item)
        elif isinstance(item, ReadError):
            out.errors.append(item)
        else:
            out.warnings.append(item)
    return out
