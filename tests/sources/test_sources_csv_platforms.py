"""LinkedIn, YouTube and TikTok exports."""

from __future__ import annotations

import json
from pathlib import Path

from sources_support import SAMPLES, collect

from postcheck.sources import detect_format, iter_posts
from postcheck.sources.linkedin import clean_commentary
from postcheck.sources.youtube import comment_text


def test_linkedin_shares_are_cleaned() -> None:
    assert detect_format(SAMPLES / "linkedin") == "linkedin"
    got = collect(iter_posts([SAMPLES / "linkedin"]))
    assert not got.errors
    first = got.by_id("urn:li:share:7230000000000000001")
    assert first.text == (
        "Delighted that 98% of our A Level students passed this summer.\n"
        'Well done, "Class of 2024"!'
    )
    assert first.context.created_at == "2024-08-15T09:00:00+00:00"
    assert first.context.url is not None and "7230000000000000001" in first.context.url
    assert first.origin is not None and first.origin.line == 2 and first.origin.kind == "post"


def test_linkedin_keeps_na_and_null_and_backslash_quotes() -> None:
    got = collect(iter_posts([SAMPLES / "linkedin"]))
    assert "NULL" in got.texts()
    assert "NA" in got.texts()
    comment = got.by_id("linkedin:Comments.csv:2")
    assert comment.text == 'Great to see "BSFC" alumni doing so well at university!'
    assert comment.origin is not None and comment.origin.kind == "comment"


def test_clean_commentary() -> None:
    assert clean_commentary('"Line one"\n"Say ""hi"""') == 'Line one\nSay "hi"'
    assert clean_commentary("NA") == "NA"


def test_youtube_segments_replies_and_urls() -> None:
    assert detect_format(SAMPLES / "youtube") == "youtube"
    got = collect(iter_posts([SAMPLES / "youtube"]))
    assert not got.errors
    old = got.by_id("UgxAAAAAAAAAAAAAAAAA4AaABAg")
    assert old.text == "Fantastic performance from our music students! 🎶"
    assert old.context.url == (
        "https://www.youtube.com/watch?v=vid000open1&lc=UgxAAAAAAAAAAAAAAAAA4AaABAg"
    )
    assert old.context.created_at == "2024-03-10T19:00:00.123000+00:00"
    new = got.by_id("UgxBBBBBBBBBBBBBBBBB4AaABAg")
    assert new.text == "Thanks for watching! Full details at bsfc.ac.uk/open-evening 👋"
    reply = got.by_id("UgxCCCCCCCCCCCCCCCCC4AaABAg.9zReplyId01")
    assert reply.context.in_reply_to == "UgxCCCCCCCCCCCCCCCCC4AaABAg"
    assert reply.origin is not None and reply.origin.kind == "reply"


def test_comment_text_formats() -> None:
    assert comment_text('{"takeoutSegments":[{"text":"a"},{"text":"b"}]}') == "ab"
    assert comment_text('{"text":"a"},{"text":"b"}') == "ab"
    assert comment_text("plain words") == "plain words"
    assert comment_text("{not json") == "{not json"


def test_youtube_translated_folder_found_by_header(tmp_path: Path) -> None:
    folder = tmp_path / "Takeout" / "YouTube und YouTube Music" / "Kommentare"
    folder.mkdir(parents=True)
    (folder / "Kommentare.csv").write_text(
        'Comment ID,Video ID,Comment Text\nabc,v1,"{""text"":""Hallo""}"\n'
    )
    assert detect_format(tmp_path) == "youtube"
    got = collect(iter_posts([tmp_path]))
    assert got.texts() == ["Hallo"]


def test_tiktok_sample() -> None:
    assert detect_format(SAMPLES / "tiktok") == "tiktok"
    got = collect(iter_posts([SAMPLES / "tiktok"]))
    video = got.by_id("7330000000000000001")
    assert video.text.startswith("Day in the life of a BSFC art student")
    assert video.context.url == "https://www.tiktokv.com/share/video/7330000000000000001/"
    assert video.context.created_at == "2024-02-01T15:00:00+00:00"
    comments = [p for p in got.posts if p.origin and p.origin.kind == "comment"]
    assert [c.id for c in comments] == [
        "tiktok:user_data_tiktok.json:comment:1",
        "tiktok:user_data_tiktok.json:comment:2",
    ]


def test_tiktok_older_layout_and_capitals(tmp_path: Path) -> None:
    data = {
        "video": {
            "videos": {"videoList": [{"date": "2021-01-01 10:00:00", "link": "", "title": "Old"}]}
        },
        "comment": {
            "comments": {"commentsList": [{"Date": "2021-01-02 10:00:00", "Comment": "Hi"}]}
        },
    }
    path = tmp_path / "user_data.json"
    path.write_text(json.dumps(data))
    got = collect(iter_posts([path]))
    assert got.texts() == ["Old", "Hi"]
