"""The JSONL machine contract, `--only-flagged`, `--workers`, CSV and JSON outputs."""

from __future__ import annotations

import csv
import json
from pathlib import Path

from scan_support import read_jsonl, sample_records, scan, write_jsonl

from postcheck.sinks.csvout import COLUMNS

REPORT_KEYS = {"id", "verdict", "severity", "routing", "findings", "ruleset"}
FINDING_KEYS = {"rule", "category", "severity", "start", "end", "excerpt", "message"}
FINDING_KEYS |= {"suggestion", "policy", "routing", "fingerprint"}


def test_jsonl_follows_the_machine_contract(tmp_path: Path) -> None:
    records = sample_records(12)
    src = write_jsonl(tmp_path / "in.jsonl", records)
    out = tmp_path / "out.jsonl"
    run = scan(src, "--format", "jsonl", "-o", out)
    assert run.code == 1
    assert run.stdout == ""
    lines = read_jsonl(out)
    assert [line["id"] for line in lines] == [r["id"] for r in records]  # clean ones included
    for line, record in zip(lines, records, strict=True):
        assert set(line) >= REPORT_KEYS
        assert line["verdict"] in {"pass", "revise", "escalate"}
        assert set(line["ruleset"]) == {"version", "sha256"}
        for finding in line["findings"]:
            assert set(finding) >= FINDING_KEYS
            evidence = record["text"][finding["start"] : finding["end"]]
            assert evidence, "offsets point into the original text"
        if not line["findings"]:
            assert line["severity"] == "none" and line["verdict"] == "pass"
    assert any(line["verdict"] == "pass" for line in lines)
    assert any(line["verdict"] == "escalate" for line in lines)


def test_jsonl_goes_to_stdout_without_output_file(tmp_path: Path) -> None:
    src = write_jsonl(tmp_path / "in.jsonl", sample_records(3))
    run = scan(src, "--fail-on", "never")
    assert run.code == 0
    assert [json.loads(line)["id"] for line in run.stdout.splitlines()] == ["p0", "p1", "p2"]


def test_only_flagged_leaves_out_clean_posts(tmp_path: Path) -> None:
    src = write_jsonl(tmp_path / "in.jsonl", sample_records(6))
    out = tmp_path / "out.jsonl"
    scan(src, "--only-flagged", "-o", out)
    lines = read_jsonl(out)
    assert lines and all(line["verdict"] != "pass" for line in lines)
    assert [line["id"] for line in lines] == ["p1", "p2", "p4"]


def test_workers_keep_input_order_with_errors_interleaved(tmp_path: Path) -> None:
    records = sample_records(40)
    src = tmp_path / "in.jsonl"
    text = "".join(
        json.dumps(r) + "\n" + ("{broken\n" if i % 7 == 3 else "") for i, r in enumerate(records)
    )
    src.write_text(text, encoding="utf-8")
    one, two = tmp_path / "one.jsonl", tmp_path / "two.jsonl"
    assert scan(src, "-o", one, "--fail-on", "never").code == 0
    assert scan(src, "-o", two, "--workers", "2", "--fail-on", "never").code == 0
    assert one.read_bytes() == two.read_bytes()
    lines = read_jsonl(two)
    assert [line["id"] for line in lines if "error" not in line] == [r["id"] for r in records]
    assert [line["seq"] for line in lines] == list(range(len(lines)))
    assert sum("error" in line for line in lines) == 6


def test_csv_has_one_row_per_finding_and_guards_formulas(tmp_path: Path) -> None:
    records = [*sample_records(6), {"id": "=cmd", "text": '=HYPERLINK("x") this is crap'}]
    src = write_jsonl(tmp_path / "in.jsonl", records)
    out = tmp_path / "out.csv"
    scan(src, "-o", out)
    with out.open(newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert list(rows[0]) == COLUMNS
    assert {"id", "source", "location", "created_at", "url", "verdict", "rule", "category"} <= set(
        COLUMNS
    )
    assert {r["id"] for r in rows} == {"p1", "p2", "p4", "'=cmd"}
    phone = next(r for r in rows if r["rule"] == "DP-PHONE")
    assert "07700 900462" not in phone["excerpt"] and phone["clause"] and phone["recipients"]
    assert phone["location"] == "line 2"


def test_several_outputs_in_one_run_and_json_summary(tmp_path: Path) -> None:
    src = write_jsonl(tmp_path / "in.jsonl", sample_records(6))
    out_jsonl, out_json, out_csv = tmp_path / "a.jsonl", tmp_path / "b.json", tmp_path / "c.csv"
    run = scan(
        src, "--format", "jsonl", "-o", out_jsonl, "--format", "json", "-o", out_json, "-o", out_csv
    )
    assert run.code == 1
    doc = json.loads(out_json.read_text(encoding="utf-8"))
    assert len(doc["reports"]) == len(read_jsonl(out_jsonl)) == 6
    summary = doc["summary"]
    assert summary["by_verdict"] == {"pass": 3, "revise": 2, "escalate": 1}
    assert summary["by_recipient"]["it_services"] == 3
    assert summary["ruleset"] == doc["ruleset"]
    assert out_csv.exists()
    assert "IT Services: 3 items" in run.stderr
    assert not list(tmp_path.glob(".*.tmp")), "no temporary files left behind"
