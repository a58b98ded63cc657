"""X / Twitter archives: parts, entities, notes, retweets, deleted tweets and DMs."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

from sources_support import SAMPLES, Collected, collect

from postcheck.sources import detect_format, iter_posts
from postcheck.taxonomy import Account, Direction


def read(path: Path) -> Collected:
    return collect(iter_posts([path]))


def test_sample_archive_is_detected() -> None:
    assert detect_format(SAMPLES / "x-archive.zip") == "twitter"


def test_every_tweet_part_is_read_in_order() -> None:
    got = read(SAMPLES / "x-archive.zip")
    assert not got.errors and not got.warnings
    tweet_ids = [p.id for p in got.posts if p.origin and p.origin.kind != "dm"]
    # part 0 (tweets.js) before part 1 (tweets-part1.js), then deleted tweets
    assert tweet_ids[0] == "1700000000000000101"
    assert "1700000000000000107" in tweet_ids  # from tweets-part1.js
    assert tweet_ids[-1] == "1700000000000000110"
    assert tweet_ids.index("1700000000000000106") < tweet_ids.index("1700000000000000107")


def test_entities_unescaped_and_tco_expanded() -> None:
    got = read(SAMPLES / "x-archive.zip")
    post = got.by_id("1700000000000000101")
    assert "tutors & students" in post.text
    assert "https://www.bsfc.ac.uk/open-evening" in post.text
    assert "t.co" not in post.text
    results = got.by_id("1700000000000000102")
    assert "8am > collect" in results.text and results.text.endswith("<3")


def test_context_url_timestamp_and_origin() -> None:
    post = read(SAMPLES / "x-archive.zip").by_id("1700000000000000101")
    assert post.context.platform == "x"
    assert post.context.account == Account.OFFICIAL
    assert post.context.direction == Direction.OUTGOING
    assert post.context.url == "https://x.com/BSFC_Official/status/1700000000000000101"
    assert post.context.created_at == "2024-10-14T08:30:00+00:00"
    assert post.origin is not None
    assert post.origin.source.endswith("x-archive.zip!data/tweets.js")
    assert post.origin.record == 1 and post.origin.kind == "post"


def test_reply_retweet_and_deleted() -> None:
    got = read(SAMPLES / "x-archive.zip")
    reply = got.by_id("1700000000000000103")
    assert reply.context.in_reply_to == "1700000000000000099"
    assert reply.origin is not None and reply.origin.kind == "reply"
    retweet = got.by_id("1700000000000000104")
    assert retweet.meta == {"retweet": True, "retweet_of": "WirralSchoolSport"}
    assert retweet.origin is not None and retweet.origin.kind == "retweet"
    deleted = got.by_id("1700000000000000110")
    assert deleted.origin is not None and deleted.origin.kind == "deleted"
    assert deleted.meta["deleted_at"] == "2024-11-07T08:20:00+00:00"


def test_truncated_tweet_gets_note_text() -> None:
    post = read(SAMPLES / "x-archive.zip").by_id("1700000000000000105")
    assert "\u2026" not in post.text
    assert post.text.endswith("what our students achieved this term.")
    assert post.meta["note_tweet_id"] == "1800000000000000105"
    # the note was used, so it is not reported a second time
    assert not [p for p in read(SAMPLES / "x-archive.zip").posts if p.origin.kind == "note"]  # type: ignore[union-attr]


def test_direct_messages_direction_from_owner() -> None:
    got = read(SAMPLES / "x-archive.zip")
    asked = got.by_id("1900000000000000201")
    assert asked.context.direction == Direction.RECEIVED
    assert asked.text == "Is the open evening OK for Year 10s & their parents?"
    answer = got.by_id("1900000000000000202")
    assert answer.context.direction == Direction.OUTGOING
    assert answer.text.endswith("https://www.bsfc.ac.uk/open-evening")
    abuse = got.by_id("1900000000000000203")
    assert abuse.context.direction == Direction.RECEIVED
    assert abuse.origin is not None and abuse.origin.kind == "dm"


def test_unpacked_folder_reads_like_the_zip(tmp_path: Path) -> None:
    with zipfile.ZipFile(SAMPLES / "x-archive.zip") as archive:
        archive.extractall(tmp_path / "twitter-2024")
    assert detect_format(tmp_path / "twitter-2024") == "twitter"
    from_folder = read(tmp_path / "twitter-2024")
    from_zip = read(SAMPLES / "x-archive.zip")
    assert [(p.id, p.text) for p in from_folder.posts] == [(p.id, p.text) for p in from_zip.posts]


def _js(name: str, value: object) -> str:
    return f"window.YTD.{name}.part0 = {json.dumps(value)}"


def test_old_archive_without_wrapper_or_account(tmp_path: Path) -> None:
    data = tmp_path / "archive" / "data"
    data.mkdir(parents=True)
    (data / "tweet.js").write_text(
        _js("tweet", [{"id_str": "9", "full_text": "Hello &amp; welcome", "created_at": "x"}])
    )
    (data / "direct-messages.js").write_text(
        _js(
            "direct_messages",
            [
                {
                    "dmConversation": {
                        "conversationId": "c",
                        "messages": [
                            {"messageCreate": {"id": "m1", "senderId": "5", "text": "hi"}}
                        ],
                    }
                }
            ],
        )
    )
    got = read(tmp_path / "archive")
    assert got.texts() == ["Hello & welcome", "hi"]
    assert got.posts[0].context.url == "https://x.com/i/web/status/9"
    assert got.posts[0].context.created_at is None
    assert any("account.js is missing" in w.message for w in got.warnings)


def test_manifest_listing_a_missing_part_warns(tmp_path: Path) -> None:
    data = tmp_path / "x" / "data"
    data.mkdir(parents=True)
    manifest = {
        "dataTypes": {
            "tweets": {
                "files": [{"fileName": "data/tweets.js"}, {"fileName": "data/tweets-part1.js"}]
            }
        }
    }
    (data / "manifest.js").write_text("window.__THAR_CONFIG = " + json.dumps(manifest))
    (data / "tweets.js").write_text(_js("tweets", [{"tweet": {"id_str": "1", "full_text": "a"}}]))
    got = read(tmp_path / "x")
    assert got.texts() == ["a"]
    assert any("tweets-part1.js" in w.message for w in got.warnings)


def test_bad_tweet_record_does_not_stop_the_file(tmp_path: Path) -> None:
    data = tmp_path / "x" / "data"
    data.mkdir(parents=True)
    tweets = [{"tweet": {"id_str": "1"}}, "oops", {"tweet": {"id_str": "3", "full_text": "ok"}}]
    (data / "tweets.js").write_text(_js("tweets", tweets))
    got = read(tmp_path / "x")
    assert got.texts() == ["ok"]
    assert [e.location for e in got.errors] == ["record 1", "record 2"]
    assert "full_text" in got.errors[0].reason
    assert "unexpected shape" in got.errors[1].reason
