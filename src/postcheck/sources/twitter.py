"""X / Twitter account archives: tweets (all parts), deleted tweets, note tweets and DMs.

Every data file is JavaScript (`window.YTD.tweets.part0 = [...]`); the assignment is skipped and
the array parsed. Text is HTML-unescaped and t.co links replaced by their expanded URLs so rules
see what readers saw. Retweets are someone else's words: they are kept but marked, so a report
does not blame them on the account.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from postcheck.models import Post
from postcheck.sources.archive import Tree
from postcheck.sources.dates import from_text, from_twitter, to_epoch
from postcheck.sources.errors import Item, Problem, ReadError, SourceWarning
from postcheck.sources.jsondata import get_ci, get_path, load_json, string
from postcheck.sources.posts import Options, make_post
from postcheck.sources.records import converted_records, guarded, json_records
from postcheck.taxonomy import Direction

TWEETS = re.compile(r"^tweets?(-part\d+)?\.js$", re.IGNORECASE)
DELETED = re.compile(r"^deleted-tweets?(-part\d+)?\.js$", re.IGNORECASE)
NOTES = re.compile(r"^note-tweets?(-part\d+)?\.js$", re.IGNORECASE)
DMS = re.compile(r"^direct-messages(-group)?(-part\d+)?\.js$", re.IGNORECASE)
ACCOUNT = re.compile(r"^account\.js$", re.IGNORECASE)
MANIFEST = re.compile(r"^manifest\.js$", re.IGNORECASE)
MARKERS = (TWEETS, DELETED, NOTES, DMS, ACCOUNT, MANIFEST)

_RETWEET = re.compile(r"^RT @(\w{1,20}):")
_TCO = re.compile(r"https?://t\.co/\w+")
_NOTE_WINDOW_SECONDS = 300


def _base(name: str) -> str:
    return name.rsplit("/", 1)[-1]


def _part_order(name: str) -> tuple[str, int, str]:
    # `tweets.js` is part 0 and must come before `tweets-part1.js`, which sorts first by name.
    part = re.search(r"-part(\d+)\.js$", name, re.IGNORECASE)
    folder = name.rsplit("/", 1)[0] if "/" in name else ""
    return folder, int(part.group(1)) if part else 0, name


def _matching(names: list[str], pattern: re.Pattern[str]) -> list[str]:
    return sorted((n for n in names if pattern.match(_base(n))), key=_part_order)


@dataclass
class _Note:
    id: str
    text: str
    key: str
    created_at: str | None
    used: bool = False


@dataclass
class _Archive:
    tree: Tree
    options: Options
    owner_id: str | None = None
    username: str | None = None
    notes: list[_Note] = field(default_factory=list)


def _expand(text: str, links: Any, short_key: str, long_keys: tuple[str, ...]) -> str:
    """Replace each short link in `text` by its expansion, as listed in the entities."""
    if not isinstance(links, list):
        return text
    for link in links:
        short = string(get_ci(link, short_key))
        long = next((s for k in long_keys if (s := string(get_ci(link, k)))), None)
        if short and long:
            text = text.replace(short, long)
    return text


def _match_key(text: str) -> str:
    """Text reduced for comparing a truncated tweet with its note: no links, no ellipsis."""
    text = _TCO.sub(" ", text)
    text = " ".join(text.split())
    return text.rstrip("….").rstrip()


def read_twitter(tree: Tree, options: Options) -> Iterator[Item]:
    """Yield every post, deleted post, unmatched note and DM of an X archive."""
    archive = _Archive(tree, options)
    names = tree.names()
    yield from _read_owner(archive, names)
    tweet_files = _matching(names, TWEETS)
    yield from _check_manifest(archive, names, tweet_files)
    for name in _matching(names, NOTES):
        yield from _read_notes(archive, name)
    for name in tweet_files:
        yield from _read_tweets(archive, name, deleted=False)
    for name in _matching(names, DELETED):
        yield from _read_tweets(archive, name, deleted=True)
    for note in archive.notes:
        if not note.used:
            # A long post whose short form is missing from the archive: still check its text.
            yield make_post(
                id=note.id,
                text=note.text,
                options=options,
                platform="x",
                source=tree.label(_matching(names, NOTES)[0]),
                kind="note",
                created_at=note.created_at,
                meta={"note_tweet": True},
            )
    dm_files = _matching(names, DMS)
    if dm_files and archive.owner_id is None:
        yield SourceWarning(
            source=str(tree.path),
            message="account.js is missing, so sent and received direct messages cannot be "
            "told apart; all are treated as outgoing",
        )
    for name in dm_files:
        yield from _read_dms(archive, name)


def _read_owner(archive: _Archive, names: list[str]) -> Iterator[Item]:
    for name in _matching(names, ACCOUNT)[:1]:
        try:
            data = load_json(archive.tree, name, archive.options.limits, js_assignment=True)
        except Problem as problem:
            yield problem.to_error(archive.tree.label(name))
            return
        first = data[0] if isinstance(data, list) and data else data
        account = get_ci(first, "account") or first
        archive.owner_id = string(get_ci(account, "accountId"))
        archive.username = string(get_ci(account, "username"))


def _check_manifest(archive: _Archive, names: list[str], tweet_files: list[str]) -> Iterator[Item]:
    """Warn about tweet parts the manifest lists but the archive lacks (an incomplete copy)."""
    for name in _matching(names, MANIFEST)[:1]:
        try:
            data = load_json(archive.tree, name, archive.options.limits, js_assignment=True)
        except Problem as problem:
            yield problem.to_error(archive.tree.label(name))
            return
        files = get_path(data, "dataTypes", "tweets", "files")
        present = {_base(n).lower() for n in tweet_files}
        for entry in files if isinstance(files, list) else []:
            listed = string(get_ci(entry, "fileName"))
            if listed and _base(listed).lower() not in present:
                yield SourceWarning(
                    source=archive.tree.label(name),
                    message=f"the manifest lists {listed} but the archive does not contain it",
                )


def _read_notes(archive: _Archive, name: str) -> Iterator[Item]:
    limits = archive.options.limits
    for rec in json_records(archive.tree, name, limits, what="note tweets", js_assignment=True):
        if isinstance(rec, ReadError):
            yield rec
            continue
        number, item = rec
        note = get_ci(item, "noteTweet") or item
        core = get_ci(note, "core")
        text = string(get_ci(core, "text"))
        if text is None:
            yield ReadError(
                source=archive.tree.label(name),
                location=f"record {number}",
                reason="note tweet without text (missing field 'core.text')",
            )
            continue
        text = html.unescape(text)
        text = _expand(text, get_ci(core, "urls"), "shortUrl", ("expandedUrl", "displayUrl"))
        note_id = string(get_ci(note, "noteTweetId")) or f"x:note:{number}"
        created = from_text(get_ci(note, "createdAt"))
        archive.notes.append(_Note(note_id, text, _match_key(text), created))


def _find_note(archive: _Archive, short_text: str, created_at: str | None) -> _Note | None:
    key = _match_key(short_text)
    if len(key) < 10:
        return None
    when = to_epoch(created_at)
    for note in archive.notes:
        if len(note.key) <= len(key) or not note.key.startswith(key):
            continue
        note_when = to_epoch(note.created_at)
        if (
            when is not None
            and note_when is not None
            and abs(when - note_when) > _NOTE_WINDOW_SECONDS
        ):
            continue
        return note
    return None


def _read_tweets(archive: _Archive, name: str, *, deleted: bool) -> Iterator[Item]:
    def build(source: str, number: int, item: dict[str, Any]) -> Post | None:
        tweet = get_ci(item, "tweet") or item
        return _tweet_post(archive, source, number, tweet, deleted=deleted)

    yield from converted_records(
        archive.tree, name, archive.options.limits, build, what="tweets", js_assignment=True
    )


def _tweet_post(
    archive: _Archive, source: str, number: int, tweet: dict[str, Any], *, deleted: bool
) -> Post:
    raw = get_ci(tweet, "full_text", "text")
    if not isinstance(raw, str):
        raise Problem("tweet without text (missing field 'full_text')")
    tweet_id = string(get_ci(tweet, "id_str", "id"))
    if tweet_id is None:
        raise Problem("tweet without an id (missing field 'id_str')")
    created_at = from_twitter(get_ci(tweet, "created_at"))
    text = html.unescape(raw)
    meta: dict[str, Any] = {}
    kind = "post"
    note = _find_note(archive, text, created_at) if archive.notes else None
    if note is not None:
        note.used = True
        text = note.text
        meta["note_tweet_id"] = note.id
    else:
        entities = get_ci(tweet, "entities")
        long_keys = ("expanded_url", "display_url")
        text = _expand(text, get_ci(entities, "urls"), "url", long_keys)
        text = _expand(text, get_ci(entities, "media"), "url", long_keys)
    reply_to = string(get_ci(tweet, "in_reply_to_status_id_str", "in_reply_to_status_id"))
    if reply_to:
        kind = "reply"
        screen_name = string(get_ci(tweet, "in_reply_to_screen_name"))
        if screen_name:
            meta["in_reply_to_screen_name"] = screen_name
    retweet = _RETWEET.match(text)
    if retweet:
        # Someone else's words, shared: never blamed on the account as if it wrote them.
        kind = "retweet"
        meta["retweet"] = True
        meta["retweet_of"] = retweet.group(1)
    if deleted:
        kind = "deleted"
        meta["deleted"] = True
        deleted_at = from_twitter(get_ci(tweet, "deleted_at"))
        if deleted_at:
            meta["deleted_at"] = deleted_at
    user = archive.username or "i/web"
    return make_post(
        id=tweet_id,
        text=text,
        options=archive.options,
        platform="x",
        source=source,
        record=number,
        kind=kind,
        created_at=created_at,
        url=f"https://x.com/{user}/status/{tweet_id}",
        in_reply_to=reply_to,
        meta=meta,
    )


def _read_dms(archive: _Archive, name: str) -> Iterator[Item]:
    source = archive.tree.label(name)
    limits = archive.options.limits
    for rec in json_records(archive.tree, name, limits, what="conversations", js_assignment=True):
        if isinstance(rec, ReadError):
            yield rec
            continue
        number, item = rec
        conversation = get_ci(item, "dmConversation") or item
        conversation_id = string(get_ci(conversation, "conversationId"))
        messages = get_ci(conversation, "messages")
        if not isinstance(messages, list):
            yield ReadError(
                source=source,
                location=f"record {number}",
                reason="unexpected shape: conversation without a 'messages' array",
            )
            continue
        for index, message in enumerate(messages, 1):
            create = get_ci(message, "messageCreate")
            if not isinstance(create, dict):
                continue  # joins, leaves and reactions carry no text
            yield from guarded(
                source,
                f"record {number}, message {index}",
                _dm_post,
                archive,
                source,
                number,
                index,
                create,
                conversation_id,
            )


def _dm_post(
    archive: _Archive,
    source: str,
    number: int,
    index: int,
    create: dict[str, Any],
    conversation_id: str | None,
) -> Post | None:
    raw = get_ci(create, "text")
    if not isinstance(raw, str) or not raw.strip():
        return None  # a media-only message
    text = _expand(html.unescape(raw), get_ci(create, "urls"), "url", ("expanded", "display"))
    sender = string(get_ci(create, "senderId"))
    received = archive.owner_id is not None and sender != archive.owner_id
    meta: dict[str, Any] = {"message_index": index}
    for key, value in (
        ("conversation_id", conversation_id),
        ("sender_id", sender),
        ("recipient_id", string(get_ci(create, "recipientId"))),
    ):
        if value:
            meta[key] = value
    return make_post(
        id=string(get_ci(create, "id")) or f"x:dm:{conversation_id}:{index}",
        text=text,
        options=archive.options,
        platform="x",
        source=source,
        record=number,
        kind="dm",
        direction=Direction.RECEIVED if received else Direction.OUTGOING,
        created_at=from_text(get_ci(create, "createdAt")),
        meta=meta,
    )
