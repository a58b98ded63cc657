"""Recognising what an input is: which platform's export, or which generic format.

Detection looks at file names and layout (after stripping the single top folder that zipping a
folder adds) and, for CSV files, at the header row. It never reads whole files.
"""

from __future__ import annotations

import re
from pathlib import Path

from postcheck.sources import facebook, instagram, linkedin, tiktok, twitter
from postcheck.sources.archive import Tree, open_tree
from postcheck.sources.csvread import CsvRow, find_column, read_csv
from postcheck.sources.errors import Problem, SourceFormatError
from postcheck.sources.limits import Limits
from postcheck.sources.youtube import is_youtube_header

FORMATS = (
    "twitter",
    "facebook",
    "instagram",
    "linkedin",
    "youtube",
    "tiktok",
    "jsonl",
    "csv",
    "text",
)
"""Every value `detect_format` can return and `iter_posts(format=...)` accepts."""

PLATFORMS = FORMATS[:6]

GENERIC_EXTENSIONS = {
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".csv": "csv",
    ".txt": "text",
    ".text": "text",
}

_FB_COMMENT_DIRS = {"comments_and_reactions", "comments"}
_IG_MEDIA_DIRS = {"content", "media"}


def _base(name: str) -> str:
    return name.rsplit("/", 1)[-1]


def _parent(name: str) -> str:
    parts = name.split("/")
    return parts[-2] if len(parts) > 1 else ""


def _depth(name: str) -> int:
    return name.count("/") + 1


def csv_header(tree: Tree, name: str, limits: Limits) -> list[str] | None:
    """The header row of a CSV member, or None if it cannot be read."""
    for event in read_csv(tree, name, limits):
        if isinstance(event, CsvRow):
            return event.cells
    return None


def _is_linkedin_csv(tree: Tree, name: str, limits: Limits) -> bool:
    base = _base(name)
    if linkedin.SHARES.match(base) or linkedin.COMMENTS.match(base):
        header = csv_header(tree, name, limits) or []
        wanted = "ShareCommentary" if linkedin.SHARES.match(base) else "Message"
        return find_column(header, wanted) is not None and not is_youtube_header(header)
    return False


def _is_youtube_csv(tree: Tree, name: str, limits: Limits) -> bool:
    header = csv_header(tree, name, limits)
    return header is not None and is_youtube_header(header)


def _platform_of(tree: Tree, name: str, limits: Limits) -> str | None:
    """The platform a member of an export belongs to, judged by its name and place."""
    base = _base(name)
    # Layout markers use the full name: stripping a wrapper folder may have removed them.
    full = tree.full_name(name)
    lower = full.lower()
    depth = _depth(name)
    if depth <= 2 and any(p.match(base) for p in twitter.MARKERS):
        return "twitter"
    if depth <= 2 and tiktok.USER_DATA.match(base):
        return "tiktok"
    if "your_facebook_activity/" in lower:
        return "facebook"
    if "your_instagram_activity/" in lower:
        return "instagram"
    if depth > 4:
        return None
    if facebook.POSTS.match(base) or facebook.GROUP_COMMENTS.match(base):
        return "facebook"
    if facebook.COMMENTS.match(base) and _parent(full).lower() in _FB_COMMENT_DIRS:
        return "facebook"
    if instagram.THREADS.match(base) or re.match(r"^post_comments(_\d+)?\.json$", base, re.I):
        return "instagram"
    ig_media = instagram.POSTS, instagram.REELS, instagram.STORIES
    if any(p.match(base) for p in ig_media) and _parent(full).lower() in _IG_MEDIA_DIRS:
        return "instagram"
    if base.lower().endswith(".csv"):
        if depth == 1 and _is_linkedin_csv(tree, name, limits):
            return "linkedin"
        if ("youtube" in lower or base.lower().startswith("comment")) and _is_youtube_csv(
            tree, name, limits
        ):
            return "youtube"
    return None


def platform_of_tree(tree: Tree, limits: Limits) -> str | None:
    """The platform whose export `tree` is, or None for a collection of other inputs.

    A tree with markers of several platforms, or with loose JSONL/zip/text files next to the
    export, is a collection: each of its children is then read on its own.
    """
    found: set[str] = set()
    for name in tree.names():
        platform = _platform_of(tree, name, limits)
        if platform:
            found.add(platform)
            if len(found) > 1:
                return None
    if len(found) != 1:
        return None
    platform = found.pop()
    for name in tree.names():
        if "/" in name:
            continue
        suffix = Path(name).suffix.lower()
        if suffix in (".zip", ".jsonl", ".ndjson", ".txt", ".text"):
            return None
        if suffix == ".csv" and platform not in ("linkedin", "youtube"):
            return None
    return platform


def detect_file(path: Path, limits: Limits) -> str | None:
    """The format of a single (non-zip) file, or None if it is not one postcheck reads."""
    base = path.name
    suffix = path.suffix.lower()
    if suffix == ".js":
        return "twitter" if any(p.match(base) for p in twitter.MARKERS) else None
    if suffix == ".json":
        if tiktok.USER_DATA.match(base):
            return "tiktok"
        if facebook.POSTS.match(base) or facebook.GROUP_COMMENTS.match(base):
            return "facebook"
        if facebook.COMMENTS.match(base) and path.parent.name.lower() in _FB_COMMENT_DIRS:
            return "facebook"
        instagram_names = (
            instagram.POSTS,
            instagram.REELS,
            instagram.STORIES,
            instagram.COMMENTS,
            instagram.THREADS,
        )
        if any(p.match(base) for p in instagram_names):
            return "instagram"
        return None
    if suffix == ".csv":
        tree = open_tree(path, limits)
        if _is_linkedin_csv(tree, base, limits):
            return "linkedin"
        if _is_youtube_csv(tree, base, limits):
            return "youtube"
        return "csv"
    return GENERIC_EXTENSIONS.get(suffix)


def detect(path: Path, limits: Limits) -> str | None:
    """Like `detect_format`, but None for a folder or zip that is a collection of inputs.

    Raises `SourceFormatError` for a file of unknown format and `Problem` for a corrupt zip.
    """
    if not path.exists():
        raise SourceFormatError(f"{path}: no such file or directory")
    if path.is_dir() or path.suffix.lower() == ".zip":
        tree = open_tree(path, limits)
        try:
            return platform_of_tree(tree, limits)
        finally:
            tree.close()
    found = detect_file(path, limits)
    if found is None:
        raise SourceFormatError(
            f"{path}: unknown format (expected an export zip or folder from "
            f"{', '.join(PLATFORMS)}, or a .jsonl, .csv or .txt file)"
        )
    return found


def detect_format(path: Path) -> str:
    """Which of `FORMATS` the file, folder or zip at `path` is.

    A folder or zip that is not a platform export is reported by the generic format of the
    files in it when they are all of one kind. Raises `SourceFormatError` (a `ValueError`)
    with a one-line message when the format is unknown, mixed, or the zip is corrupt.
    """
    limits = Limits()
    try:
        found = detect(path, limits)
    except Problem as problem:
        raise SourceFormatError(f"{path}: {problem.reason}") from problem
    if found is not None:
        return found
    tree = open_tree(path, limits)
    try:
        kinds = {GENERIC_EXTENSIONS.get(Path(n).suffix.lower()) for n in tree.names()}
    finally:
        tree.close()
    kinds.discard(None)
    if len(kinds) == 1:
        return str(kinds.pop())
    if not kinds:
        raise SourceFormatError(
            f"{path}: not a platform export and holds no .jsonl, .csv or .txt files"
        )
    raise SourceFormatError(
        f"{path}: not a platform export but a mix of {', '.join(sorted(str(k) for k in kinds))} "
        "files; iter_posts reads each file by its own format"
    )
