"""TikTok `user_data.json` / `user_data_tiktok.json`: posted videos' captions and own comments.

Section and field names change capitalisation between export versions (`Comment`/`comment`,
`Post.Posts.VideoList` vs the older `Video.Videos.VideoList`), so keys are matched
case-insensitively.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from postcheck.models import Post
from postcheck.sources.archive import Tree
from postcheck.sources.dates import from_text
from postcheck.sources.errors import Item, Problem, ReadError
from postcheck.sources.jsondata import expect_dict, get_ci, get_path, load_json, string
from postcheck.sources.posts import Options, make_post
from postcheck.sources.records import guarded

USER_DATA = re.compile(r"^user_data(_tiktok)?\.json$", re.IGNORECASE)
_VIDEO_ID = re.compile(r"/video/(\d+)")


def read_tiktok(tree: Tree, options: Options) -> Iterator[Item]:
    """Yield the captions of posted videos, then the account's comments."""
    for name in tree.names():
        if USER_DATA.match(name.rsplit("/", 1)[-1]):
            yield from _read(tree, name, options)


def _list_at(data: Any, *paths: tuple[str, ...]) -> list[Any] | None:
    for path in paths:
        value = get_path(data, *path)
        if isinstance(value, list):
            return value
    return None


def _read(tree: Tree, name: str, options: Options) -> Iterator[Item]:
    source = tree.label(name)
    try:
        data = expect_dict(load_json(tree, name, options.limits), "a TikTok user data")
    except Problem as problem:
        yield problem.to_error(source)
        return
    videos = _list_at(data, ("Post", "Posts", "VideoList"), ("Video", "Videos", "VideoList"))
    comments = _list_at(data, ("Comment", "Comments", "CommentsList"))
    base = name.rsplit("/", 1)[-1]
    sections = (
        ("video", videos or [], ("Title", "Caption")),
        ("comment", comments or [], ("Comment",)),
    )
    for kind, items, text_keys in sections:
        for number, item in enumerate(items, 1):
            location = f"{kind} {number}"
            if not isinstance(item, dict):
                yield ReadError(
                    source=source,
                    location=location,
                    reason=f"unexpected shape: expected an object for a {kind}",
                )
                continue
            yield from guarded(
                source,
                location,
                _post,
                base,
                source,
                number,
                item,
                options,
                kind,
                text_keys,
            )


def _post(
    base: str,
    source: str,
    number: int,
    item: dict[str, Any],
    options: Options,
    kind: str,
    text_keys: tuple[str, ...],
) -> Post | None:
    text = string(get_ci(item, *text_keys))
    if text is None:
        return None
    link = string(get_ci(item, "Link", "VideoLink", "Url"))
    match = _VIDEO_ID.search(link) if link else None
    derived = f"tiktok:{base}:{kind}:{number}"
    return make_post(
        id=match.group(1) if kind == "video" and match else derived,
        text=text,
        options=options,
        platform="tiktok",
        source=source,
        record=number,
        kind="post" if kind == "video" else "comment",
        created_at=from_text(get_ci(item, "Date", "CreateTime")),
        url=link if kind == "video" else None,
        meta={"link": link} if link and kind != "video" else {},
    )
