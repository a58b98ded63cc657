"""Checking a mixed stream of posts and unreadable records while keeping input order.

`Checker.check_many` only takes posts, and may run them through worker processes, so the
records that never reach it (read errors) wait in a queue next to the posts in flight: each
time a report comes back, the errors that were read before its post are released first. The
queue holds at most what the checker has buffered (a few batches), so memory stays flat.
Warnings are not records (they are not counted in `seq`); they pass straight through.

spaCy adds every new token string to the shared vocabulary, so a long scan (unique numbers,
names, links) would grow without bound. The posts are therefore checked in chunks, each inside
`nlp.memory_zone()`, which frees the strings and lexemes the chunk added; reports are plain
pydantic objects, so nothing refers to them afterwards. (Each chunk starts its own worker
processes when `workers > 1`, so chunks are large.)
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import chain, islice

from postcheck.engine.checker import Checker
from postcheck.models import Post, Report
from postcheck.sources import ReadError, SourceWarning

Item = Post | ReadError | SourceWarning
ZONE_POSTS = 20_000  # posts per memory zone


def zoned_reports(
    checker: Checker,
    posts: Iterator[Post],
    *,
    workers: int = 1,
    batch_size: int = 64,
    zone_posts: int = ZONE_POSTS,
) -> Iterator[Report]:
    """`checker.check_many` in chunks, each freeing the vocabulary entries it added."""
    while (first := next(posts, None)) is not None:
        chunk = chain([first], islice(posts, zone_posts - 1))
        with checker.nlp.memory_zone():
            yield from checker.check_many(chunk, n_process=workers, batch_size=batch_size)


@dataclass(frozen=True)
class Numbered:
    """A record in input order: a post with its report, or a read error (report None)."""

    seq: int
    record: Post | ReadError
    report: Report | None


def checked_in_order(
    checker: Checker,
    items: Iterable[Item],
    *,
    first_seq: int = 0,
    workers: int = 1,
    batch_size: int = 64,
) -> Iterator[Numbered | SourceWarning]:
    """Number the records from `first_seq`, check the posts, and yield them in input order."""
    waiting: deque[Numbered | SourceWarning] = deque()
    seq = first_seq

    def posts() -> Iterator[Post]:
        nonlocal seq
        for item in items:
            if isinstance(item, SourceWarning):
                waiting.append(item)
                continue
            waiting.append(Numbered(seq, item, None))
            seq += 1
            if isinstance(item, Post):
                yield item

    reports = zoned_reports(checker, posts(), workers=workers, batch_size=batch_size)
    for report in reports:
        while True:
            head = waiting.popleft()
            if isinstance(head, Numbered) and isinstance(head.record, Post):
                yield Numbered(head.seq, head.record, report)
                break
            yield head
    # Read errors and warnings after the last post (or in an input with no posts at all).
    yield from waiting
