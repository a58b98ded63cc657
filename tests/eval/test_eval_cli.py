"""`postcheck eval` on tiny corpora written in tmp_path: tables, JSON, binary mode, errors."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from eval_support import TINY_CORPUS, run_cli, write_jsonl


def test_corpus_table_and_json(tmp_path: Path) -> None:
    corpus = write_jsonl(tmp_path / "tiny.jsonl", TINY_CORPUS)
    out_json = tmp_path / "out.json"
    code, out = run_cli("eval", str(corpus), "--json", str(out_json))
    assert code == 0  # an evaluation is not a policy check
    for expected in ("offensive", "micro", "macro", "Misses", "False alarms", "p2", "p4"):
        assert expected in out
    data = json.loads(out_json.read_text(encoding="utf-8"))
    assert data["posts"] == 5 and data["clean_posts"] == 3
    off = data["categories"]["offensive"]
    assert (off["tp"], off["fp"], off["fn"]) == (1, 1, 0)
    assert data["categories"]["defamation"]["fn"] == 1
    assert [m["id"] for m in data["misses"]] == ["p2"]
    assert [(f["id"], f["rules"]) for f in data["false_alarms"]] == [("p4", ["OFF-PROFANITY-MILD"])]
    rates = {r["rule"]: r["count"] for r in data["rules_on_clean_posts"]}
    assert rates == {"OFF-PROFANITY-MILD": 1}  # p5's finding is acceptable there


def test_show_errors_zero_hides_lists(tmp_path: Path) -> None:
    corpus = write_jsonl(tmp_path / "tiny.jsonl", TINY_CORPUS)
    code, out = run_cli("eval", str(corpus), "--show-errors", "0")
    assert code == 0 and "Misses" not in out


def test_context_is_used(tmp_path: Path) -> None:
    rows = [
        {"id": "a", "text": "Great day at BSFC", "account": "personal", "labels": ["disclaimer"]},
        {"id": "b", "text": "Great day at BSFC", "account": "official", "labels": []},
        {"id": "c", "text": "Great day at BSFC", "account": "personal",
         "bio": "Views my own", "labels": []},
    ]  # fmt: skip
    corpus = write_jsonl(tmp_path / "ctx.jsonl", rows)
    out_json = tmp_path / "o.json"
    run_cli("eval", str(corpus), "--json", str(out_json))
    disc = json.loads(out_json.read_text())["categories"]["disclaimer"]
    assert (disc["tp"], disc["fp"], disc["fn"]) == (1, 0, 0)


def test_binary_mode_on_a_tiny_tsv(tmp_path: Path) -> None:
    tsv = tmp_path / "set.tsv"
    tsv.write_text(
        "id\ttweet\tsubtask_a\r\n"
        "1\t@USER you are a pathetic loser\tOFF\r\n"
        '2\tWhat a "fucking" day\tOFF\r\n'
        "3\tLovely weather for the match\tNOT\r\n"
        "4\tI hate Mondays so much\tOFF\r\n"
        "5\tThis is shit\tNOT\r\n",
        encoding="utf-8",
    )
    out_json = tmp_path / "b.json"
    code, out = run_cli(
        "eval", "--binary", str(tsv), "--text-column", "tweet", "--label-column", "subtask_a",
        "--positive-label", "OFF", "--json", str(out_json),
    )  # fmt: skip
    assert code == 0, out
    assert "macro-F1" in out
    data = json.loads(out_json.read_text())
    assert (data["tp"], data["fp"], data["fn"], data["tn"]) == (2, 1, 1, 1)
    # Quote characters in a TSV are text, not field quoting: row 2 was read as one tweet, and
    # its scare-quoted swearword found.
    assert [m["id"] for m in data["misses"]] == ["4"]
    assert data["positive_categories"] == ["discrimination", "harassment", "offensive"]


def test_binary_limit_and_csv(tmp_path: Path) -> None:
    csv_file = tmp_path / "set.csv"
    csv_file.write_text('text,label\n"you idiot, honestly",1\nhello,0\nbye,0\n', encoding="utf-8")
    out_json = tmp_path / "c.json"
    code, _ = run_cli("eval", "--binary", str(csv_file), "--limit", "2", "--json", str(out_json))
    assert code == 0
    data = json.loads(out_json.read_text())
    assert data["items"] == 2


def _run_module(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "postcheck", "eval", *args],
        capture_output=True, text=True, check=False,
    )  # fmt: skip


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ('{"id": "x", "text": "hi", "labels": []}\nnot json\n', ":2: [E011] invalid JSON"),
        ('{"id": "x", "labels": []}\n', ":1: text: [E011]"),
        ('{"id": "x", "text": "hi"}\n', ":1: labels: [E011]"),
        ('{"text": "hi", "labels": ["rudeness"]}\n', ":1: labels: [E011] unknown category"),
        ('{"text": "hi", "labels": [], "account": "secret"}\n', ":1: account: [E011]"),
    ],
)
def test_bad_corpus_is_a_one_line_error(tmp_path: Path, content: str, expected: str) -> None:
    corpus = tmp_path / "bad.jsonl"
    corpus.write_text(content, encoding="utf-8")
    result = _run_module(str(corpus))
    assert result.returncode == 2
    assert result.stderr.strip().count("\n") == 0
    assert "bad.jsonl" in result.stderr and expected in result.stderr


def test_missing_file_and_bad_column(tmp_path: Path) -> None:
    result = _run_module(str(tmp_path / "nope.jsonl"))
    assert result.returncode == 2 and "nope.jsonl" in result.stderr
    assert "file not found" in result.stderr
    tsv = tmp_path / "s.tsv"
    tsv.write_text("id\ttweet\tlabel\n1\thello\tOFF\n", encoding="utf-8")
    result = _run_module("--binary", str(tsv), "--text-column", "text")
    assert result.returncode == 2
    assert "s.tsv:1: --text-column: [E011] no column 'text'" in result.stderr


def test_short_row_names_line_and_field(tmp_path: Path) -> None:
    tsv = tmp_path / "s.tsv"
    tsv.write_text("id\ttweet\tlabel\n1\thello\tOFF\n2\tbroken\n", encoding="utf-8")
    result = _run_module("--binary", str(tsv), "--text-column", "tweet")
    assert result.returncode == 2
    assert "s.tsv:3: label: [E011]" in result.stderr


def test_corpus_and_binary_together_is_a_usage_error(tmp_path: Path) -> None:
    corpus = write_jsonl(tmp_path / "tiny.jsonl", TINY_CORPUS)
    code, _ = run_cli("eval", str(corpus), "--binary", str(corpus))
    assert code == 2


def _binary_counts(path: Path, out: Path, *fold: str) -> dict[str, int]:
    code, text = run_cli("eval", "--binary", str(path), "--json", str(out), *fold)
    assert code == 0, text
    data = json.loads(out.read_text(encoding="utf-8"))
    return {k: data[k] for k in ("items", "tp", "fp", "fn", "tn")}


def test_folds_partition_binary_rows(tmp_path: Path) -> None:
    rows = ["you idiot", "hello", "what a fucking mess", "bye", "lovely day", "shut up", "ok"]
    tsv = tmp_path / "set.tsv"
    tsv.write_text(
        "text\tlabel\n" + "".join(f"{t}\t{i % 3 == 0:d}\n" for i, t in enumerate(rows)),
        encoding="utf-8",
    )
    whole = _binary_counts(tsv, tmp_path / "w.json")
    one = _binary_counts(tsv, tmp_path / "1.json", "--fold", "1/2")
    two = _binary_counts(tsv, tmp_path / "2.json", "--fold", "2/2")
    assert (one["items"], two["items"]) == (4, 3)  # rows 0, 2, 4, 6 and rows 1, 3, 5
    assert one != two
    for key in whole:
        assert one[key] + two[key] == whole[key]
    data = json.loads((tmp_path / "2.json").read_text(encoding="utf-8"))
    assert data["fold"] == "2/2"


def test_folds_partition_corpus_posts(tmp_path: Path) -> None:
    corpus = write_jsonl(tmp_path / "tiny.jsonl", TINY_CORPUS)
    counts = []
    for fold in ("1/2", "2/2"):
        out_json = tmp_path / f"{fold[0]}.json"
        code, out = run_cli("eval", str(corpus), "--fold", fold, "--json", str(out_json))
        assert code == 0 and f"(fold {fold})" in out
        data = json.loads(out_json.read_text(encoding="utf-8"))
        counts.append((data["posts"], data["clean_posts"], data["categories"]["offensive"]["tp"]))
    assert counts == [(3, 2, 1), (2, 1, 0)]  # p1 p3 p5 | p2 p4


@pytest.mark.parametrize("value", ["0/2", "3/2", "1/0", "half", "1/2/3", "-1/2"])
def test_bad_fold_is_a_usage_error(tmp_path: Path, value: str) -> None:
    corpus = write_jsonl(tmp_path / "tiny.jsonl", TINY_CORPUS)
    result = _run_module(str(corpus), "--fold", value)
    assert result.returncode == 2
    assert "--fold" in result.stderr


@pytest.mark.parametrize(
    ("field", "text"),
    [
        # A spreadsheet's escaping of a field that holds quotes: wrapped, inner quotes doubled.
        ('"He said ""no"" twice"', 'He said "no" twice'),
        ('"""Quoted"" at the start"', '"Quoted" at the start'),
        # Not consistently escaped: a tweet that starts and ends with a quote is left alone.
        ('"fine" he said "ok"', '"fine" he said "ok"'),
        ("plain text", "plain text"),
    ],
)
def test_tsv_fields_escaped_by_a_spreadsheet_are_unwrapped(
    tmp_path: Path, field: str, text: str
) -> None:
    from postcheck.evaluation.corpus import read_binary

    tsv = tmp_path / "set.tsv"
    tsv.write_text(f"tweet\tlabel\n{field}\tNOT\n", encoding="utf-8")
    items = list(
        read_binary(tsv, text_column="tweet", label_column="label", positive_labels=["OFF"])
    )
    assert [i.text for i in items] == [text]
