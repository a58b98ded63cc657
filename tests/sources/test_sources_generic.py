"""JSONL (the machine contract), generic CSV, plain text, folders and format detection."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sources_support import FIXTURES, SAMPLES, collect

from postcheck.sources import SourceFormatError, detect_format, iter_posts
from postcheck.taxonomy import Account, AuthorRole, Direction


def test_jsonl_sample_contract_fields() -> None:
    got = collect(iter_posts([SAMPLES / "posts.jsonl"]))
    assert not got.errors and len(got.posts) == 7
    staff = got.by_id("jsonl-2")
    assert staff.context.account == Account.PERSONAL
    assert staff.context.author_role == AuthorRole.STAFF
    assert staff.context.bio == "Teacher. Dad. Tranmere fan."
    received = got.by_id("jsonl-4")
    assert received.context.direction == Direction.RECEIVED
    assert got.by_id("jsonl-7").meta == {"campaign": "sports-day-2024"}
    assert got.by_id("jsonl-7").context.account == Account.OFFICIAL  # from the argument
    assert got.by_id("jsonl-1").origin is not None
    assert got.by_id("jsonl-1").origin.line == 1  # type: ignore[union-attr]


def test_jsonl_bad_lines_become_errors_and_reading_goes_on(tmp_path: Path) -> None:
    lines = [
        '{"text": "first"}',
        "this is not json",
        "[1, 2]",
        '{"id": "x"}',
        '{"text": "bad", "direction": "sideways"}',
        '{"text": 5}',
        "",
        '{"text": "last", "account": "personal"}',
    ]
    path = tmp_path / "in.jsonl"
    path.write_text("\n".join(lines) + "\n")
    got = collect(iter_posts([path], account=Account.OFFICIAL))
    assert got.texts() == ["first", "last"]
    assert got.posts[0].id == "in.jsonl:1" and got.posts[1].id == "in.jsonl:8"
    assert got.posts[1].context.account == Account.PERSONAL
    where = {e.location: e.reason for e in got.errors}
    assert set(where) == {"line 2", "line 3", "line 4", "line 5", "line 6"}
    assert where["line 2"].startswith("not JSON")
    assert where["line 3"] == "not a JSON object (found an array)"
    assert where["line 4"] == "missing field 'text'"
    assert where["line 5"] == "field 'direction': \"sideways\" is not one of outgoing, received"
    assert "'text'" in where["line 6"]
    assert all(e.source == str(path) for e in got.errors)


def test_drafts_csv_message_text_detected() -> None:
    assert detect_format(SAMPLES / "drafts.csv") == "csv"
    got = collect(iter_posts([SAMPLES / "drafts.csv"]))
    assert got.texts()[0] == "Open Evening is this Thursday! Book now."
    assert got.posts[0].id == "drafts.csv:2"
    assert got.posts[0].meta["network"] == "facebook"


def test_csv_column_detection_is_case_insensitive_and_maps_context(tmp_path: Path) -> None:
    path = tmp_path / "planner.csv"
    path.write_text(
        "ID,Platform,Direction,BODY,Notes\n"
        "p1,x,received,Hello there,first\n"
        "p2,x,outgoing,,empty text is skipped\n"
        "p3,x,upwards,Bad direction,\n"
    )
    got = collect(iter_posts([path]))
    assert got.texts() == ["Hello there"]
    post = got.posts[0]
    assert post.id == "p1" and post.context.platform == "x"
    assert post.context.direction == Direction.RECEIVED
    assert post.meta == {"Notes": "first"}
    assert got.errors[0].location == "line 4"
    assert "field 'direction'" in got.errors[0].reason


def test_csv_text_column_option(tmp_path: Path) -> None:
    path = tmp_path / "x.csv"
    path.write_text("when;wording\n2024-01-01;Semicolons too\n")
    got = collect(iter_posts([path], text_column="Wording"))
    assert got.texts() == ["Semicolons too"]


def test_csv_without_text_column_names_the_columns(tmp_path: Path) -> None:
    path = tmp_path / "odd.csv"
    path.write_text("when,headline\n2024-01-01,hello\n")
    with pytest.raises(SourceFormatError, match=r"columns found: when, headline"):
        iter_posts([path])
    with pytest.raises(SourceFormatError, match=r"no column named 'nope'"):
        iter_posts([path], text_column="nope")


def test_csv_multiline_cells_keep_their_line_numbers(tmp_path: Path) -> None:
    path = tmp_path / "m.csv"
    path.write_text('text\n"two\nlines"\nthird row\n')
    got = collect(iter_posts([path]))
    assert got.texts() == ["two\nlines", "third row"]
    assert [p.origin.line for p in got.posts if p.origin] == [2, 4]


def test_cp1252_csv_is_read_with_a_warning() -> None:
    got = collect(iter_posts([FIXTURES / "wrong-encoding-drafts.csv"]))
    assert got.texts() == ["Café open at 8am", "See you there"]
    assert "read as Windows-1252" in got.warnings[0].message


def test_text_file_one_post_or_one_per_paragraph(tmp_path: Path) -> None:
    single = tmp_path / "single.txt"
    single.write_text("Just one post\nover two lines.\n")
    got = collect(iter_posts([single]))
    assert [(p.id, p.text) for p in got.posts] == [("single.txt", "Just one post\nover two lines.")]
    got = collect(iter_posts([SAMPLES / "newsletter-draft.txt"]))
    assert [p.id for p in got.posts] == ["newsletter-draft.txt:1", "newsletter-draft.txt:2"]
    assert got.posts[1].origin is not None and got.posts[1].origin.line == 4


def test_generic_folder_and_several_paths(tmp_path: Path) -> None:
    (tmp_path / "a.jsonl").write_text(json.dumps({"text": "from jsonl"}) + "\n")
    (tmp_path / "b.csv").write_text("content\nfrom csv\n")
    (tmp_path / "c.txt").write_text("from text\n")
    (tmp_path / "d.pdf").write_bytes(b"%PDF")
    got = collect(iter_posts([tmp_path, SAMPLES / "tiktok"]))
    assert got.texts()[:3] == ["from jsonl", "from csv", "from text"]
    assert got.posts[3].context.platform == "tiktok"
    assert got.warnings[0].source.endswith("d.pdf")


def test_sample_folder_as_a_whole_reads_every_platform() -> None:
    got = collect(iter_posts([SAMPLES]))
    assert not got.errors
    platforms = {p.context.platform for p in got.posts}
    assert {"x", "facebook", "instagram", "threads", "linkedin", "youtube", "tiktok"} <= platforms
    again = collect(iter_posts([SAMPLES]))
    assert [p.id for p in again.posts] == [p.id for p in got.posts]  # deterministic


def test_detect_format_unknown_and_missing(tmp_path: Path) -> None:
    odd = tmp_path / "notes.docx"
    odd.write_bytes(b"PK")
    with pytest.raises(SourceFormatError, match=r"notes\.docx: unknown format"):
        detect_format(odd)
    with pytest.raises(SourceFormatError, match="no such file"):
        iter_posts([tmp_path / "missing.jsonl"])
    with pytest.raises(SourceFormatError, match="unknown format 'myspace'"):
        iter_posts([odd], format="myspace")


def test_explicit_format_overrides_detection(tmp_path: Path) -> None:
    path = tmp_path / "posts.log"
    path.write_text('{"text": "forced"}\n')
    assert collect(iter_posts([path], format="jsonl")).texts() == ["forced"]
