"""Scanning real export layouts and broken inputs: kinds kept, nothing dropped, counts reconcile."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from scan_support import BROKEN, EXPORTS, read_jsonl, scan, write_jsonl


def test_every_sample_export_scans_with_kinds_and_context(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    run = scan(EXPORTS, "-o", out, "--fail-on", "never")
    assert run.code == 0, run.stderr
    lines = read_jsonl(out)
    posts = [line for line in lines if "error" not in line]
    assert len(posts) == len(lines) > 50
    platforms = Counter(p["platform"] for p in posts)
    assert {"x", "facebook", "instagram", "linkedin", "youtube", "tiktok", "threads"} <= set(
        platforms
    )
    kinds = {(p["platform"], p["origin"]["kind"]) for p in posts}
    assert {("x", "reply"), ("x", "dm"), ("x", "retweet"), ("youtube", "reply")} <= kinds
    assert {("facebook", "comment"), ("instagram", "reel"), ("tiktok", "comment")} <= kinds
    received = [p for p in posts if p["direction"] == "received"]
    assert received, "received DMs and comments keep their direction"
    assert any(p["url"] and p["url"].startswith("https://x.com/") for p in posts)
    assert [p["seq"] for p in lines] == list(range(len(lines)))
    assert "Records read" in run.stderr and "reconciled" in run.stderr


def test_summary_reconciles_with_corrupt_zip_and_bad_jsonl_lines(tmp_path: Path) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text(
        '{"id": "a", "text": "Fine post"}\n'
        "{not json at all\n"
        '{"id": "c", "text": "Another fine post"}\n'
        '{"id": "d"}\n',
        encoding="utf-8",
    )
    out, summary_json = tmp_path / "out.jsonl", tmp_path / "out.json"
    run = scan(bad, BROKEN / "corrupt.zip", "-o", out, "-o", summary_json)
    assert run.code == 0, run.stderr
    lines = read_jsonl(out)
    errors = [line["error"] for line in lines if "error" in line]
    assert {e["source"] for e in errors} >= {str(bad), str(BROKEN / "corrupt.zip")}
    assert any(e["location"] == "line 2" for e in errors)
    assert all(e["reason"] for e in errors)
    summary = json.loads(summary_json.read_text(encoding="utf-8"))["summary"]
    assert summary["records_read"] == len(lines)
    assert summary["records_read"] == summary["posts_checked"] + summary["records_unreadable"]
    assert summary["records_unreadable"] == len(errors) >= 3
    assert summary["reconciles"] is True
    assert "unreadable" in run.stderr


def test_several_inputs_in_one_run_keep_input_order(tmp_path: Path) -> None:
    one = write_jsonl(tmp_path / "one.jsonl", [{"id": "first", "text": "Hello"}])
    two = write_jsonl(tmp_path / "two.jsonl", [{"id": "second", "text": "Hello again"}])
    out = tmp_path / "out.jsonl"
    assert scan(one, two, "-o", out).code == 0
    assert [line["id"] for line in read_jsonl(out)] == ["first", "second"]


def test_text_column_and_personal_account(tmp_path: Path) -> None:
    src = tmp_path / "drafts.csv"
    src.write_text("when,body\n2024-01-01,Great day at BSFC\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    run = scan(src, "--text-column", "body", "--account", "personal", "-o", out)
    assert run.code == 1
    (line,) = read_jsonl(out)
    assert line["account"] == "personal"
    assert line["findings"][0]["rule"] == "DISC-MISSING"
