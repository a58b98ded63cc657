"""`--resume` after an interruption, `--baseline` against an earlier scan, fingerprints."""

from __future__ import annotations

from pathlib import Path

from scan_support import read_jsonl, sample_records, scan, write_jsonl

from postcheck.models import Finding, Origin, Post
from postcheck.scan.fingerprint import fingerprint


def _interrupted_copy(full: Path, target: Path, lines: int, extra: int) -> None:
    """What an interrupted scan leaves: `lines` whole lines and a partial next one."""
    data = full.read_bytes().splitlines(keepends=True)
    target.write_bytes(b"".join(data[:lines]) + data[lines][:extra])


def test_resume_gives_exactly_the_uninterrupted_file(tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    write_jsonl(src, sample_records(30))
    with src.open("a", encoding="utf-8") as fh:
        fh.write("{broken line\n")
    write_jsonl(tmp_path / "tail.jsonl", sample_records(5, start=30))
    src.write_text(src.read_text() + (tmp_path / "tail.jsonl").read_text())
    full, part = tmp_path / "full.jsonl", tmp_path / "part.jsonl"
    assert scan(src, "-o", full).code == 1
    _interrupted_copy(full, part, 17, 25)
    run = scan(src, "-o", part, "--resume")
    assert run.code == 1, run.stderr
    assert part.read_bytes() == full.read_bytes()
    assert "Resumed: 17 records" in run.stderr
    assert "Records read 36 = posts checked 35 + unreadable 1" in run.stderr


def test_resume_with_only_flagged(tmp_path: Path) -> None:
    src = write_jsonl(tmp_path / "in.jsonl", sample_records(24))
    full, part = tmp_path / "full.jsonl", tmp_path / "part.jsonl"
    scan(src, "-o", full, "--only-flagged")
    _interrupted_copy(full, part, 5, 10)
    scan(src, "-o", part, "--only-flagged", "--resume")
    assert part.read_bytes() == full.read_bytes()


def test_resume_refuses_an_output_from_other_input(tmp_path: Path) -> None:
    src = write_jsonl(tmp_path / "in.jsonl", sample_records(6))
    other = write_jsonl(tmp_path / "other.jsonl", sample_records(6, start=100))
    out = tmp_path / "out.jsonl"
    scan(other, "-o", out)
    run = scan(src, "-o", out, "--resume")
    assert run.code == 2
    assert "--resume" in run.stderr and "not the post written there" in run.stderr


def test_baseline_drops_old_findings_and_keeps_new_ones(tmp_path: Path) -> None:
    week1 = write_jsonl(tmp_path / "week1.jsonl", sample_records(6))
    previous = tmp_path / "week1-out.jsonl"
    scan(week1, "-o", previous)
    week2 = write_jsonl(
        tmp_path / "week2.jsonl",
        [*sample_records(6), {"id": "new", "text": "Call me on 07700 900123 after class"}],
    )
    out = tmp_path / "week2-out.jsonl"
    run = scan(week2, "-o", out, "--baseline", previous)
    assert run.code == 1
    lines = {line["id"]: line for line in read_jsonl(out)}
    assert [lines[f"p{i}"]["findings"] for i in range(6)] == [[]] * 6
    assert lines["p1"]["verdict"] == "pass" and lines["p1"]["suppressed"] == 1
    assert [f["rule"] for f in lines["new"]["findings"]] == ["DP-PHONE"]
    assert "Baseline: 3 known finding(s) suppressed" in run.stderr
    # Nothing new at all: exit 0.
    assert scan(week1, "-o", tmp_path / "again.jsonl", "--baseline", previous).code == 0


def test_fingerprint_ignores_offsets_case_and_pii_masking() -> None:
    def finding(start: int, end: int, excerpt: str) -> Finding:
        return Finding.model_validate(
            {
                "rule": "DP-PHONE",
                "category": "data_protection",
                "severity": "medium",
                "start": start,
                "end": end,
                "excerpt": excerpt,
                "message": "m",
                "suggestion": "s",
                "policy": {"clause": "§3", "quote": "q"},
            }
        )

    a = Post(id="42", text="ring 07700  900123")
    b = Post(id="42", text="Please ring 07700 900123")
    fa = fingerprint(a, finding(5, 18, "07••• ••••23"))
    fb = fingerprint(b, finding(12, 24, "07700 900123"))
    assert fa == fb
    assert fingerprint(Post(id="43", text=b.text), finding(12, 24, "x")) != fb
    anonymous = Post(text=b.text, origin=Origin(source="/a/b/drafts.csv", line=3))
    moved = Post(text=b.text, origin=Origin(source="/c/drafts.csv", line=3))
    assert fingerprint(anonymous, finding(12, 24, "x")) == fingerprint(moved, finding(12, 24, "x"))
