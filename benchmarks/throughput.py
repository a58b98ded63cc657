"""Throughput of the full default rule pack against spaCy tokenisation alone, on one core.

    .venv/bin/python benchmarks/throughput.py [--posts 3000] [--repeat 3]

Both measurements use the same posts (the labelled corpus in corpora/labelled/, cycled up to
--posts) and the same process; each is the best of --repeat runs, after one warm-up run, so
caches are warm for both. The issue's target: the pack keeps >= 40% of tokenizer-only speed.
"""

from __future__ import annotations

import argparse
import itertools
import json
import time
from collections.abc import Callable
from pathlib import Path

import spacy

from postcheck import Checker, Post
from postcheck.models import Context

CORPORA = Path(__file__).resolve().parents[1] / "corpora"


def load_posts(limit: int) -> list[Post]:
    posts = []
    for path in sorted((CORPORA / "labelled").glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            context = Context(
                account=row.get("account", "official"),
                direction=row.get("direction", "outgoing"),
                bio=row.get("bio"),
                author_role=row.get("author_role"),
            )
            posts.append(Post(id=row.get("id"), text=row["text"], context=context))
    if not posts:
        raise SystemExit("no posts found under corpora/labelled/")
    return list(itertools.islice(itertools.cycle(posts), limit))


def best_rate(run: Callable[[], None], count: int, repeat: int) -> float:
    run()  # warm-up: first-use caches, lazy imports
    best = min(_timed(run) for _ in range(repeat))
    return count / best


def _timed(run: Callable[[], None]) -> float:
    start = time.perf_counter()
    run()
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--posts", type=int, default=3000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    posts = load_posts(args.posts)
    texts = [p.text for p in posts]

    blank = spacy.blank("en")
    tokenizer_rate = best_rate(lambda: list(blank.pipe(texts)), len(texts), args.repeat)
    checker = Checker.default()
    pack_rate = best_rate(lambda: list(checker.check_many(posts)), len(posts), args.repeat)
    # The floor: the same pipeline (de-obfuscation, references, phrase pass, reports) with every
    # rule disabled, to show how much of the budget the rules themselves take.
    bare = Checker.default(disable=[loaded.spec.id for loaded in checker.pack.rules])
    bare_rate = best_rate(lambda: list(bare.check_many(posts)), len(posts), args.repeat)

    chars = sum(map(len, texts)) / len(texts)
    print(f"posts: {len(posts)} (mean {chars:.0f} characters), rules: {len(checker.pack.rules)}")
    print(f"tokenizer only (spacy.blank('en')): {tokenizer_rate:10,.0f} posts/s")
    print(f"full default pack (Checker):        {pack_rate:10,.0f} posts/s")
    print(
        f"checker, every rule disabled:       {bare_rate:10,.0f} posts/s "
        f"({bare_rate / tokenizer_rate:.0%} of tokenizer-only)"
    )
    print(f"ratio: {pack_rate / tokenizer_rate:.0%} of tokenizer-only throughput (target >= 40%)")


if __name__ == "__main__":
    main()
