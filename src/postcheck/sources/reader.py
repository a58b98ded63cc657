"""`iter_posts`: one lazy stream of posts (and problems) from any mix of inputs."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

from postcheck.models import Post
from postcheck.sources.archive import Tree, open_tree
from postcheck.sources.csvread import CsvRow, read_csv
from postcheck.sources.detect import FORMATS, GENERIC_EXTENSIONS, detect, detect_file
from postcheck.sources.errors import Item, Problem, ReadError, SourceFormatError, SourceWarning
from postcheck.sources.facebook import read_facebook
from postcheck.sources.generic import read_generic_csv, read_jsonl, read_text, text_column_index
from postcheck.sources.instagram import read_instagram
from postcheck.sources.limits import Limits
from postcheck.sources.linkedin import read_linkedin
from postcheck.sources.posts import Options
from postcheck.sources.tiktok import read_tiktok
from postcheck.sources.twitter import read_twitter
from postcheck.sources.youtube import read_youtube
from postcheck.taxonomy import Account

TreeReader = Callable[[Tree, Options], Iterator[Item]]
MemberReader = Callable[[Tree, str, Options], Iterator[Item]]

PLATFORM_READERS: dict[str, TreeReader] = {
    "twitter": read_twitter,
    "facebook": read_facebook,
    "instagram": read_instagram,
    "linkedin": read_linkedin,
    "youtube": read_youtube,
    "tiktok": read_tiktok,
}
GENERIC_READERS: dict[str, MemberReader] = {
    "jsonl": read_jsonl,
    "csv": read_generic_csv,
    "text": read_text,
}


def iter_posts(
    paths: Sequence[Path],
    *,
    format: str | None = None,
    account: Account = Account.OFFICIAL,
    text_column: str | None = None,
    limits: Limits = Limits(),  # noqa: B008 - frozen dataclass, safe to share
) -> Iterator[Post | ReadError | SourceWarning]:
    """Stream posts from export zips, export folders, JSONL, CSV and text files, in order.

    Paths are checked when this is called: a missing path, an unknown `format`, a file of
    unknown format or a CSV without a recognisable text column raises `SourceFormatError`
    straight away. Everything after that is lazy and never stops on bad data: an unreadable
    file or record is yielded as a `ReadError`, a skipped item as a `SourceWarning`, and
    reading goes on. `account` sets `Context.account` unless a record says otherwise.
    """
    if format is not None and format not in FORMATS:
        raise SourceFormatError(f"unknown format '{format}'; choose one of {', '.join(FORMATS)}")
    options = Options(account=account, text_column=text_column, limits=limits)
    plan: list[tuple[Path, str | None, str | None]] = []
    for raw in paths:
        path = Path(raw)
        if not path.exists():
            raise SourceFormatError(f"{path}: no such file or directory")
        fmt: str | None = format
        broken: str | None = None
        if fmt is None:
            try:
                fmt = detect(path, limits)
            except Problem as problem:
                broken = problem.reason  # reported in order, as a ReadError, when reached
        if fmt == "csv" and path.is_file():
            _check_csv_header(path, options)
        plan.append((path, fmt, broken))
    return _iterate(plan, options)


def _check_csv_header(path: Path, options: Options) -> None:
    tree = open_tree(path, options.limits)
    for event in read_csv(tree, path.name, options.limits):
        if isinstance(event, CsvRow):
            text_column_index(event.cells, options.text_column, str(path))
            return


def _iterate(plan: list[tuple[Path, str | None, str | None]], options: Options) -> Iterator[Item]:
    for path, fmt, broken in plan:
        if broken is not None:
            yield ReadError(source=str(path), location=None, reason=broken)
            continue
        yield from _read_path(path, fmt, options)


def _read_path(path: Path, fmt: str | None, options: Options) -> Iterator[Item]:
    """Read one path whose format is known (`fmt`), or a collection when `fmt` is None."""
    try:
        tree = open_tree(path, options.limits)
    except Problem as problem:
        yield problem.to_error(str(path))
        return
    try:
        yield from tree.warnings
        if fmt in PLATFORM_READERS:
            yield from PLATFORM_READERS[fmt](tree, options)
        elif fmt in GENERIC_READERS and not path.is_dir() and path.suffix.lower() != ".zip":
            yield from _read_member(tree, path.name, fmt, options)
        elif fmt in GENERIC_READERS:
            for name in tree.names():
                if GENERIC_EXTENSIONS.get(Path(name).suffix.lower()) == fmt:
                    yield from _read_member(tree, name, fmt, options)
        elif path.is_dir():
            yield from _read_folder(path, options)
        else:
            yield from _read_generic_members(tree, options)
    finally:
        tree.close()


def _read_member(tree: Tree, name: str, fmt: str, options: Options) -> Iterator[Item]:
    yield from GENERIC_READERS[fmt](tree, name, options)


def _read_folder(folder: Path, options: Options) -> Iterator[Item]:
    """A folder that is not one export: each child is read by its own format, in name order."""
    for child in sorted(folder.iterdir(), key=lambda p: p.name):
        if child.name.startswith(".") or child.is_symlink():
            continue
        try:
            fmt = detect(child, options.limits) if child.is_dir() else _child_format(child, options)
        except Problem as problem:
            yield problem.to_error(str(child))
            continue
        except SourceFormatError:
            yield SourceWarning(source=str(child), message="skipped: not a format postcheck reads")
            continue
        yield from _read_path(child, fmt, options)


def _child_format(child: Path, options: Options) -> str | None:
    if child.suffix.lower() == ".zip":
        return detect(child, options.limits)
    found = detect_file(child, options.limits)
    if found is None:
        raise SourceFormatError(str(child))
    return found


def _read_generic_members(tree: Tree, options: Options) -> Iterator[Item]:
    """A zip that is not one export: its JSONL, CSV and text members, in name order."""
    for name in tree.names():
        fmt = GENERIC_EXTENSIONS.get(Path(name).suffix.lower())
        if fmt is None:
            yield SourceWarning(
                source=tree.label(name), message="skipped: not a format postcheck reads"
            )
            continue
        yield from _read_member(tree, name, fmt, options)
