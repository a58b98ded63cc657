"""LinkedIn data export: `Shares.csv` (posts) and `Comments.csv` (the member's comments).

LinkedIn's CSV writer leaves artefacts in `ShareCommentary` (the text wrapped in an extra pair
of quotes, doubled quotes, and line breaks written as `"\\n"`), and escapes quotes in
`Comments.csv` with backslashes. Values such as "NA" or "NULL" are real text and are kept.
"""

from __future__ import annotations

import re
import urllib.parse
from collections.abc import Iterator

from postcheck.sources.archive import Tree
from postcheck.sources.csvread import CsvRow, cell, find_column, read_csv
from postcheck.sources.dates import from_text
from postcheck.sources.errors import Item, ReadError
from postcheck.sources.posts import Options, make_post

SHARES = re.compile(r"^shares(_\d+)?\.csv$", re.IGNORECASE)
COMMENTS = re.compile(r"^comments(_\d+)?\.csv$", re.IGNORECASE)
_URN = re.compile(r"urn:li:(?:share|activity|ugcPost):\d+")


def _base(name: str) -> str:
    return name.rsplit("/", 1)[-1]


def clean_commentary(raw: str) -> str:
    """Undo the quoting artefacts of `ShareCommentary`, leaving the text as it was posted."""
    text = raw.strip()
    if len(text) >= 2 and text.startswith('"') and text.endswith('"'):
        text = text[1:-1]
    text = text.replace('"\r\n"', "\n").replace('"\n"', "\n")
    return text.replace('""', '"').strip()


def read_linkedin(tree: Tree, options: Options) -> Iterator[Item]:
    """Yield the posts of every `Shares.csv`, then the comments of every `Comments.csv`."""
    names = tree.names()
    for name in names:
        if SHARES.match(_base(name)):
            yield from _read(tree, name, options, shares=True)
    for name in names:
        if COMMENTS.match(_base(name)):
            yield from _read(tree, name, options, shares=False)


def _read(tree: Tree, name: str, options: Options, *, shares: bool) -> Iterator[Item]:
    source = tree.label(name)
    text_col = "ShareCommentary" if shares else "Message"
    link_col = "ShareLink" if shares else "Link"
    escapechar = None if shares else "\\"
    text_index: int | None = None
    date_index = link_index = shared_index = None
    header_seen = False
    for event in read_csv(tree, name, options.limits, escapechar=escapechar):
        if not isinstance(event, CsvRow):
            yield event
            continue
        if not header_seen:
            header_seen = True
            text_index = find_column(event.cells, text_col)
            if text_index is None:
                found = ", ".join(event.cells)
                yield ReadError(
                    source=source,
                    location="line 1",
                    reason=f"no '{text_col}' column; columns found: {found}",
                )
                return
            date_index = find_column(event.cells, "Date")
            link_index = find_column(event.cells, link_col)
            shared_index = find_column(event.cells, "SharedUrl")
            continue
        raw = cell(event.cells, text_index)
        if raw is None or not raw.strip():
            continue
        text = clean_commentary(raw) if shares else raw.replace('\\"', '"').strip()
        if not text:
            continue
        link = cell(event.cells, link_index) or None
        urn = _URN.search(urllib.parse.unquote(link)) if link else None
        meta: dict[str, object] = {}
        shared = cell(event.cells, shared_index)
        if shared:
            meta["shared_url"] = shared
        kind = "post" if shares else "comment"
        yield make_post(
            id=urn.group(0) if shares and urn else f"linkedin:{_base(name)}:{event.line}",
            text=text,
            options=options,
            platform="linkedin",
            source=source,
            line=event.line,
            kind=kind,
            created_at=from_text(cell(event.cells, date_index)),
            url=link,
            meta=meta,
        )
