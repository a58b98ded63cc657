"""Walking the records of one JSON file: shape checks, record numbers, and error capture."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any, ParamSpec

from postcheck.models import Post
from postcheck.sources.archive import Tree
from postcheck.sources.errors import Problem, ReadError
from postcheck.sources.jsondata import expect_list, load_json, repair_strings
from postcheck.sources.limits import Limits

P = ParamSpec("P")

# Turns one record into a post: called with (source label, record number, the record object).
Build = Callable[[str, int, dict[str, Any]], Post | None]

# Errors a malformed record can raise while being converted; anything else is a bug.
RECORD_ERRORS = (Problem, ValueError, TypeError, KeyError, AttributeError)


def json_records(
    tree: Tree,
    name: str,
    limits: Limits,
    *,
    what: str,
    js_assignment: bool = False,
    repair: bool = False,
    unwrap: Callable[[Any], Any] | None = None,
) -> Iterator[tuple[int, dict[str, Any]] | ReadError]:
    """Yield `(record_number, object)` for each element of a JSON array file (1-based).

    `unwrap` picks the array out of a wrapper object (e.g. `{"comments_v2": [...]}`); `repair`
    fixes Meta's mojibake. A file that cannot be read or has the wrong shape yields one
    `ReadError`; an element that is not an object yields a `ReadError` for that record only.
    """
    source = tree.label(name)
    try:
        data = load_json(tree, name, limits, js_assignment=js_assignment)
        if repair:
            data = repair_strings(data)
        if unwrap is not None:
            data = unwrap(data)
        items = expect_list(data, what)
    except Problem as problem:
        yield problem.to_error(source)
        return
    for number, item in enumerate(items, 1):
        if isinstance(item, dict):
            yield number, item
        else:
            kind = "an array" if isinstance(item, list) else type(item).__name__
            yield ReadError(
                source=source,
                location=f"record {number}",
                reason=f"unexpected shape: expected an object for {what}, found {kind}",
            )


def guarded(
    source: str,
    location: str,
    build: Callable[P, Post | None],
    *args: P.args,
    **kwargs: P.kwargs,
) -> Iterator[Post | ReadError]:
    """Run one record's conversion, turning a malformed record into a `ReadError`."""
    try:
        post = build(*args, **kwargs)
    except RECORD_ERRORS as exc:
        # One line, whatever the exception (pydantic's messages span several lines).
        detail = exc.reason if isinstance(exc, Problem) else f"malformed record: {exc}"
        reason = " ".join(detail.split())
        yield ReadError(source=source, location=location, reason=reason)
        return
    if post is not None:
        yield post


def converted_records(
    tree: Tree,
    name: str,
    limits: Limits,
    build: Build,
    *,
    what: str,
    js_assignment: bool = False,
    repair: bool = False,
    unwrap: Callable[[Any], Any] | None = None,
) -> Iterator[Post | ReadError]:
    """`json_records` with each record converted by `build` under `guarded`.

    The usual reader loop of an export format: a bad file or element is one `ReadError`, and a
    record whose conversion fails becomes a `ReadError` of its own while the others go on.
    """
    source = tree.label(name)
    for rec in json_records(
        tree, name, limits, what=what, js_assignment=js_assignment, repair=repair, unwrap=unwrap
    ):
        if isinstance(rec, ReadError):
            yield rec
            continue
        number, entry = rec
        yield from guarded(source, f"record {number}", build, source, number, entry)
