"""Instagram (and Threads) JSON: posts, reels, stories, comments and Threads posts.

Layouts changed in 2025 (`content/` became `your_instagram_activity/media/`) and comment keys
are translated in non-English exports (`Comment` is `Opmerking` in Dutch), so files are found
by name anywhere in the export and comment text is found by shape, not by key.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from postcheck.models import Post
from postcheck.sources.archive import Tree
from postcheck.sources.dates import from_unix
from postcheck.sources.errors import Item, Problem
from postcheck.sources.jsondata import get_ci, string
from postcheck.sources.posts import Options, make_post
from postcheck.sources.records import converted_records

POSTS = re.compile(r"^posts(_\d+)?\.json$", re.IGNORECASE)
REELS = re.compile(r"^reels(_\d+)?\.json$", re.IGNORECASE)
STORIES = re.compile(r"^stories(_\d+)?\.json$", re.IGNORECASE)
COMMENTS = re.compile(r"^(post_|reels_)?comments(_\d+)?\.json$", re.IGNORECASE)
THREADS = re.compile(r"^threads_and_replies(_\d+)?\.json$", re.IGNORECASE)

# Known translations of the comment and owner keys; anything else is found by position.
_COMMENT_KEYS = ("Comment", "Opmerking", "Kommentar", "Commentaire", "Comentario", "Commento")
_OWNER_KEYS = ("Media Owner", "Eigenaar media", "Medieninhaber", "Propriétaire du média")


def _base(name: str) -> str:
    return name.rsplit("/", 1)[-1]


def read_instagram(tree: Tree, options: Options) -> Iterator[Item]:
    """Yield posts, reels, stories, comments and Threads posts, in that order."""
    names = tree.names()
    groups: tuple[tuple[re.Pattern[str], str, str, tuple[str, ...]], ...] = (
        (POSTS, "post", "instagram", ()),
        (REELS, "reel", "instagram", ("ig_reels_media",)),
        (STORIES, "story", "instagram", ("ig_stories",)),
        (THREADS, "post", "threads", ("text_post_app_text_posts",)),
    )
    for pattern, kind, platform, keys in groups:
        for name in names:
            if pattern.match(_base(name)):
                yield from _read_media(tree, name, options, kind, platform, keys)
    for name in names:
        if COMMENTS.match(_base(name)):
            yield from _read_comments(tree, name, options)


def _unwrapper(keys: tuple[str, ...]) -> Any:
    def unwrap(data: Any) -> Any:
        if isinstance(data, dict) and keys:
            for key in keys:
                if key in data:
                    return data[key]
            raise Problem(f"unexpected shape: no '{keys[0]}' array in this file")
        return data

    return unwrap


def _read_media(
    tree: Tree, name: str, options: Options, kind: str, platform: str, keys: tuple[str, ...]
) -> Iterator[Item]:
    def build(source: str, number: int, entry: dict[str, Any]) -> Post | None:
        return _media_post(name, source, number, entry, options, kind, platform)

    yield from converted_records(
        tree, name, options.limits, build, what=f"{kind}s", repair=True, unwrap=_unwrapper(keys)
    )


def _media_post(
    name: str,
    source: str,
    number: int,
    entry: dict[str, Any],
    options: Options,
    kind: str,
    platform: str,
) -> Post | None:
    media = get_ci(entry, "media")
    items = [m for m in media if isinstance(m, dict)] if isinstance(media, list) else []
    # The caption sits at the top level of multi-photo posts, else on the (single) media item.
    caption = string(get_ci(entry, "title"))
    if caption is None:
        titles: list[str] = []
        for item in items:
            title = string(get_ci(item, "title"))
            if title and title not in titles:
                titles.append(title)
        caption = "\n".join(titles) or None
    if caption is None:
        return None
    timestamp = get_ci(entry, "creation_timestamp")
    if timestamp is None and items:
        timestamp = get_ci(items[0], "creation_timestamp")
    uris = [u for item in items if (u := string(get_ci(item, "uri")))]
    return make_post(
        id=f"{platform}:{_base(name)}:{number}",
        text=caption,
        options=options,
        platform=platform,
        source=source,
        record=number,
        kind=kind,
        created_at=from_unix(timestamp),
        meta={"media": uris} if uris else {},
    )


def _comment_entries(data: Any) -> Any:
    # New layout: a bare array; old and reels layouts: {"comments_media_comments": [...]}.
    if isinstance(data, dict):
        lists = [v for k, v in data.items() if k.startswith("comments") and isinstance(v, list)]
        if not lists:
            raise Problem("unexpected shape: no 'comments_media_comments' array in this file")
        return [entry for values in lists for entry in values]
    return data


def _read_comments(tree: Tree, name: str, options: Options) -> Iterator[Item]:
    def build(source: str, number: int, entry: dict[str, Any]) -> Post | None:
        return _comment_post(name, source, number, entry, options)

    yield from converted_records(
        tree, name, options.limits, build, what="comments", repair=True, unwrap=_comment_entries
    )


def _string_map_fields(fields: dict[str, Any]) -> tuple[str | None, str | None, Any]:
    """(comment, media owner, timestamp) from a `string_map_data` whose keys may be translated."""
    values = [(k, string(get_ci(v, "value"))) for k, v in fields.items()]
    values = [(k, v) for k, v in values if v is not None]
    comment = next((v for k, v in values if k in _COMMENT_KEYS), None)
    owner = next((v for k, v in values if k in _OWNER_KEYS), None)
    if comment is None and values:
        # Unknown language: the comment is the first entry carrying a "value" string.
        comment = values[0][1]
        owner = owner or next((v for _, v in values[1:]), None)
    timestamp = next(
        (t for v in fields.values() if (t := get_ci(v, "timestamp")) not in (None, 0)), None
    )
    return comment, owner, timestamp


def _comment_post(
    name: str, source: str, number: int, entry: dict[str, Any], options: Options
) -> Post | None:
    fields = get_ci(entry, "string_map_data")
    if isinstance(fields, dict):
        text, owner, timestamp = _string_map_fields(fields)
    else:
        data = get_ci(entry, "string_list_data")
        first = data[0] if isinstance(data, list) and data else None
        text = string(get_ci(first, "value"))
        owner = string(get_ci(entry, "title"))
        timestamp = get_ci(first, "timestamp")
    if text is None:
        if not isinstance(fields, dict) and get_ci(entry, "string_list_data") is None:
            raise Problem("unexpected shape: comment without 'string_map_data'")
        return None
    return make_post(
        id=f"instagram:{_base(name)}:{number}",
        text=text,
        options=options,
        platform="instagram",
        source=source,
        record=number,
        kind="comment",
        created_at=from_unix(timestamp),
        meta={"media_owner": owner} if owner else {},
    )
