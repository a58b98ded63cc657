"""Facebook "Download your information" JSON: posts, comments and group comments.

Meta writes UTF-8 bytes as `\\u00XX` escapes, so every string is repaired after parsing
("cafÃ©" -> "café"). `title` strings are translated into the account's language, so they are
kept in `meta` but never interpreted.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from postcheck.models import Post
from postcheck.sources.archive import Tree
from postcheck.sources.dates import from_unix
from postcheck.sources.errors import Item, Problem
from postcheck.sources.jsondata import expect_dict, get_ci, string
from postcheck.sources.posts import Options, make_post
from postcheck.sources.records import converted_records

POSTS = re.compile(r"^your_posts.*\.json$", re.IGNORECASE)
COMMENTS = re.compile(r"^comments(_\d+)?\.json$", re.IGNORECASE)
GROUP_COMMENTS = re.compile(r"^your_comments_in_groups(_\d+)?\.json$", re.IGNORECASE)

_POST_WRAPPERS = ("status_updates_v2", "status_updates")


def _base(name: str) -> str:
    return name.rsplit("/", 1)[-1]


def read_facebook(tree: Tree, options: Options) -> Iterator[Item]:
    """Yield the account's posts, then its comments, then its group comments."""
    names = tree.names()
    for name in names:
        if POSTS.match(_base(name)):
            yield from _read_posts(tree, name, options)
    for name in names:
        if COMMENTS.match(_base(name)):
            yield from _read_comments(tree, name, options, ("comments_v2", "comments"), "comment")
    for name in names:
        if GROUP_COMMENTS.match(_base(name)):
            keys = ("group_comments_v2", "group_comments")
            yield from _read_comments(tree, name, options, keys, "group_comment")


def _unwrap_posts(data: Any) -> Any:
    # Posts are a bare array; a few older exports wrap them in "status_updates".
    if isinstance(data, dict):
        for key in _POST_WRAPPERS:
            if isinstance(data.get(key), list):
                return data[key]
    return data


def _attachment_parts(entry: dict[str, Any]) -> tuple[list[str], list[str]]:
    """Media descriptions (captions) and shared links found in a post's attachments."""
    descriptions: list[str] = []
    links: list[str] = []
    attachments = get_ci(entry, "attachments")
    for attachment in attachments if isinstance(attachments, list) else []:
        data = get_ci(attachment, "data")
        for part in data if isinstance(data, list) else []:
            media = get_ci(part, "media")
            description = string(get_ci(media, "description"))
            if description and description not in descriptions:
                descriptions.append(description)
            url = string(get_ci(get_ci(part, "external_context"), "url"))
            if url:
                links.append(url)
    return descriptions, links


def _read_posts(tree: Tree, name: str, options: Options) -> Iterator[Item]:
    def build(source: str, number: int, entry: dict[str, Any]) -> Post | None:
        return _post(name, source, number, entry, options)

    yield from converted_records(
        tree, name, options.limits, build, what="posts", repair=True, unwrap=_unwrap_posts
    )


def _post(
    name: str, source: str, number: int, entry: dict[str, Any], options: Options
) -> Post | None:
    texts: list[str] = []
    data = get_ci(entry, "data")
    for part in data if isinstance(data, list) else []:
        text = string(get_ci(part, "post"))
        if text:
            texts.append(text)
    descriptions, links = _attachment_parts(entry)
    if not texts:
        # A photo post without its own text: the photo captions are what people read.
        texts = descriptions
    if not texts:
        return None
    meta: dict[str, Any] = {}
    title = string(get_ci(entry, "title"))
    if title:
        meta["title"] = title
    if links:
        meta["links"] = links
    return make_post(
        id=f"facebook:{_base(name)}:{number}",
        text="\n".join(texts),
        options=options,
        platform="facebook",
        source=source,
        record=number,
        kind="post",
        created_at=from_unix(get_ci(entry, "timestamp")),
        meta=meta,
    )


def _read_comments(
    tree: Tree, name: str, options: Options, keys: tuple[str, ...], prefix: str
) -> Iterator[Item]:
    def unwrap(data: Any) -> Any:
        obj = expect_dict(data, "a comments")
        for key in keys:
            if key in obj:
                return obj[key]
        raise Problem(f"unexpected shape: no '{keys[0]}' array in this comments file")

    def build(source: str, number: int, entry: dict[str, Any]) -> Post | None:
        return _comment(name, source, number, entry, options, prefix)

    yield from converted_records(
        tree, name, options.limits, build, what="comments", repair=True, unwrap=unwrap
    )


def _comment(
    name: str, source: str, number: int, entry: dict[str, Any], options: Options, prefix: str
) -> Post | None:
    comment: Any = None
    data = get_ci(entry, "data")
    for part in data if isinstance(data, list) else []:
        comment = get_ci(part, "comment") or comment
    text = string(get_ci(comment, "comment"))
    if text is None:
        return None
    meta: dict[str, Any] = {}
    for key, value in (
        ("title", string(get_ci(entry, "title"))),
        ("author", string(get_ci(comment, "author"))),
        ("group", string(get_ci(comment, "group"))),
    ):
        if value:
            meta[key] = value
    timestamp = get_ci(comment, "timestamp") or get_ci(entry, "timestamp")
    return make_post(
        id=f"facebook:{_base(name)}:{number}",
        text=text,
        options=options,
        platform="facebook",
        source=source,
        record=number,
        kind="comment",
        created_at=from_unix(timestamp),
        meta=meta | ({"group_comment": True} if prefix == "group_comment" else {}),
    )
