"""Facebook and Instagram/Threads exports: layouts, mojibake repair, translated keys."""

from __future__ import annotations

import json
from pathlib import Path

from sources_support import SAMPLES, collect

from postcheck.sources import detect_format, iter_posts
from postcheck.sources.jsondata import fix_mojibake


def mojibake(value: object) -> str:
    """JSON the way Meta writes it: each UTF-8 byte escaped as \\u00XX."""

    def mangle(v: object) -> object:
        if isinstance(v, str):
            return v.encode("utf-8").decode("latin-1")
        if isinstance(v, list):
            return [mangle(x) for x in v]
        if isinstance(v, dict):
            return {mangle(k): mangle(x) for k, x in v.items()}
        return v

    return json.dumps(mangle(value))


def test_fix_mojibake_repairs_and_keeps_good_text() -> None:
    assert fix_mojibake("cafÃ©") == "café"
    assert fix_mojibake("café") == "café"  # already correct: latin-1 bytes are not UTF-8
    assert fix_mojibake("plain") == "plain"
    assert fix_mojibake("☕") == "☕"  # not encodable as latin-1: kept


def test_facebook_new_layout_folder() -> None:
    assert detect_format(SAMPLES / "facebook") == "facebook"
    got = collect(iter_posts([SAMPLES / "facebook"]))
    assert not got.errors
    first = got.posts[0]
    assert first.id == "facebook:your_posts__check_ins__photos_and_videos_1.json:1"
    assert first.text.startswith("Our new café opens")
    assert "☕" in first.text
    assert first.context.platform == "facebook"
    assert first.context.created_at == "2024-09-02T13:00:00+00:00"
    assert first.origin is not None and first.origin.kind == "post" and first.origin.record == 1
    assert any("Zoë" in t and "Naïve" in t for t in got.texts())
    # a photo post without text is checked through its photo caption
    assert "Year 12 induction day: welcome to BSFC! 📸" in got.texts()
    kinds = [p.origin.kind for p in got.posts if p.origin]
    assert kinds.count("comment") == 3
    group = [p for p in got.posts if p.meta.get("group_comment")]
    assert group and group[0].meta["group"] == "Wirral Community Noticeboard"


def test_facebook_old_layout_zip() -> None:
    assert detect_format(SAMPLES / "facebook-old.zip") == "facebook"
    got = collect(iter_posts([SAMPLES / "facebook-old.zip"]))
    assert got.posts[0].id == "facebook:your_posts_1.json:1"
    assert "Fingers crossed for the café reopening soon!" in got.texts()
    assert got.posts[0].origin is not None
    assert got.posts[0].origin.source.endswith(
        "facebook-old.zip!facebook-bsfc/posts/your_posts_1.json"
    )


def test_facebook_posts_file_given_alone(tmp_path: Path) -> None:
    path = tmp_path / "your_posts_1.json"
    path.write_text(mojibake([{"timestamp": 1, "data": [{"post": "Tea at the café"}]}]))
    assert detect_format(path) == "facebook"
    assert collect(iter_posts([path])).texts() == ["Tea at the café"]


def test_instagram_new_layout() -> None:
    assert detect_format(SAMPLES / "instagram") == "instagram"
    got = collect(iter_posts([SAMPLES / "instagram"]))
    assert not got.errors
    kinds = {p.origin.kind for p in got.posts if p.origin}
    assert kinds == {"post", "reel", "story", "comment"}
    multi = got.by_id("instagram:posts_1.json:2")
    assert multi.text.startswith("Art & Design exhibition")  # caption at top level
    assert "café" in multi.text
    assert multi.meta["media"] == ["media/posts/202410/b1.jpg", "media/posts/202410/b2.jpg"]
    single = got.by_id("instagram:posts_1.json:1")
    assert single.text == "First day of term at BSFC ☀️ Welcome, Year 12s!"  # media title
    threads = [p for p in got.posts if p.context.platform == "threads"]
    assert [p.text for p in threads][1] == "Who's coming to the Christmas concert? 🎶"


def test_instagram_translated_comment_keys() -> None:
    got = collect(iter_posts([SAMPLES / "instagram"]))
    dutch = got.by_id("instagram:post_comments_2.json:1")
    assert dutch.text == "Bedankt voor het bezoek aan ons café!"
    assert dutch.meta["media_owner"] == "exchange_school_utrecht"
    assert dutch.context.created_at == "2024-11-01T22:26:40+00:00"


def test_instagram_unknown_language_uses_first_value(tmp_path: Path) -> None:
    folder = tmp_path / "ig" / "your_instagram_activity" / "comments"
    folder.mkdir(parents=True)
    entry = {
        "string_map_data": {
            "Komentarz": {"value": "Świetna robota!"},
            "Właściciel": {"value": "bsfc_art"},
            "Czas": {"timestamp": 1700000000},
        }
    }
    (folder / "post_comments_1.json").write_text(mojibake([entry]))
    got = collect(iter_posts([tmp_path / "ig"]))
    assert got.texts() == ["Świetna robota!"]
    assert got.posts[0].meta == {"media_owner": "bsfc_art"}


def test_instagram_old_layout_zip() -> None:
    got = collect(iter_posts([SAMPLES / "instagram-old.zip"]))
    assert got.texts() == ["Throwback to sports day 2019 🏃", "Break a leg tonight! 🎭"]
    assert got.posts[1].meta == {"media_owner": "wirral_youth_theatre_fictional"}


def test_comments_file_of_wrong_shape_is_an_error(tmp_path: Path) -> None:
    folder = tmp_path / "fb" / "your_facebook_activity" / "comments_and_reactions"
    folder.mkdir(parents=True)
    (folder / "comments.json").write_text(json.dumps([{"comment": "x"}]))
    got = collect(iter_posts([tmp_path / "fb"]))
    assert not got.posts
    assert got.errors[0].reason == "unexpected shape: expected a comments object, found an array"
