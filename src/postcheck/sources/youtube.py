"""YouTube comments from Google Takeout (`comments.csv`, folder names vary by locale).

`Comment Text` holds JSON segments: `{"takeoutSegments": [{"text": ...}]}` in older files and
comma-joined `{"text": ...}` objects in newer ones; the segments are joined back into the text.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from postcheck.sources.archive import Tree
from postcheck.sources.csvread import CsvRow, cell, find_column, read_csv
from postcheck.sources.dates import from_text
from postcheck.sources.errors import Item, ReadError
from postcheck.sources.posts import Options, make_post

REQUIRED = ("Comment ID", "Comment Text")


def is_youtube_header(header: list[str]) -> bool:
    """True when a CSV header is a Takeout comments header."""
    return all(find_column(header, column) is not None for column in REQUIRED)


def comment_text(raw: str) -> str:
    """Join the text segments of a `Comment Text` cell; plain text is returned unchanged."""
    stripped = raw.strip()
    if not stripped.startswith("{"):
        return raw
    try:
        value: Any = json.loads(f"[{stripped}]")
    except json.JSONDecodeError:
        return raw
    segments: list[Any] = []
    for item in value:
        if isinstance(item, dict) and isinstance(item.get("takeoutSegments"), list):
            segments.extend(item["takeoutSegments"])
        else:
            segments.append(item)
    parts = [s["text"] for s in segments if isinstance(s, dict) and isinstance(s.get("text"), str)]
    return "".join(parts) if parts else raw


def read_youtube(tree: Tree, options: Options) -> Iterator[Item]:
    """Yield the comments and replies of every Takeout comments CSV in the export."""
    for name in tree.names():
        if name.lower().endswith(".csv"):
            yield from _read(tree, name, options)


def _read(tree: Tree, name: str, options: Options) -> Iterator[Item]:
    source = tree.label(name)
    columns: dict[str, int | None] = {}
    for event in read_csv(tree, name, options.limits):
        if isinstance(event, ReadError) and not columns:
            yield event
            return
        if not isinstance(event, CsvRow):
            yield event
            continue
        if not columns:
            if not is_youtube_header(event.cells):
                return  # another Takeout CSV (subscriptions, playlists): not comments
            for column in (
                "Comment ID",
                "Channel ID",
                "Comment Create Timestamp",
                "Parent Comment ID",
                "Video ID",
                "Comment Text",
            ):
                columns[column] = find_column(event.cells, column)
            continue
        raw = cell(event.cells, columns["Comment Text"])
        if raw is None or not raw.strip():
            continue
        comment_id = cell(event.cells, columns["Comment ID"]) or None
        video_id = cell(event.cells, columns["Video ID"]) or None
        parent = cell(event.cells, columns["Parent Comment ID"]) or None
        url = None
        if video_id:
            url = f"https://www.youtube.com/watch?v={video_id}"
            if comment_id:
                url += f"&lc={comment_id}"
        meta: dict[str, object] = {}
        if video_id:
            meta["video_id"] = video_id
        channel = cell(event.cells, columns["Channel ID"])
        if channel:
            meta["channel_id"] = channel
        yield make_post(
            id=comment_id or f"youtube:{name.rsplit('/', 1)[-1]}:{event.line}",
            text=comment_text(raw),
            options=options,
            platform="youtube",
            source=source,
            line=event.line,
            kind="reply" if parent else "comment",
            created_at=from_text(cell(event.cells, columns["Comment Create Timestamp"])),
            url=url,
            in_reply_to=parent,
            meta=meta,
        )
