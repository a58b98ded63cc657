"""Building `Post`s the same way for every importer."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from postcheck.models import Context, Origin, Post
from postcheck.sources.limits import Limits
from postcheck.taxonomy import Account, AuthorRole, Direction


@dataclass(frozen=True)
class Options:
    """What the caller of `iter_posts` chose, handed to every importer."""

    account: Account = Account.OFFICIAL
    text_column: str | None = None
    limits: Limits = field(default_factory=Limits)


def make_post(
    *,
    id: str,
    text: str,
    options: Options,
    platform: str | None,
    source: str,
    kind: str,
    record: int | None = None,
    line: int | None = None,
    direction: Direction = Direction.OUTGOING,
    created_at: str | None = None,
    url: str | None = None,
    in_reply_to: str | None = None,
    account: Account | None = None,
    author_role: AuthorRole | None = None,
    bio: str | None = None,
    meta: dict[str, Any] | None = None,
) -> Post:
    """A `Post` with its context and origin filled in from one export record."""
    context = Context(
        account=account or options.account,
        direction=direction,
        platform=platform,
        author_role=author_role,
        bio=bio,
        created_at=created_at,
        url=url,
        in_reply_to=in_reply_to,
    )
    origin = Origin(source=source, record=record, line=line, kind=kind)
    return Post(id=id, text=text, context=context, origin=origin, meta=meta or {})
