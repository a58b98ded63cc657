"""Bad and hostile input: unsafe zip names, zip bombs, corruption, truncation, encodings, size."""

from __future__ import annotations

import json
import os
import time
import tracemalloc
import zipfile
from pathlib import Path

import pytest
from sources_support import FIXTURES, SAMPLES, collect

from postcheck.sources import Limits, ReadError, iter_posts


def make_zip(path: Path, members: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return path


def test_unsafe_member_names_are_skipped_with_a_warning(tmp_path: Path) -> None:
    archive = make_zip(
        tmp_path / "evil.zip",
        {
            "../../escape.jsonl": b'{"text": "should never be read"}\n',
            "/etc/passwd.txt": b"root",
            "ok.jsonl": b'{"text": "safe"}\n',
        },
    )
    got = collect(iter_posts([archive]))
    assert got.texts() == ["safe"]
    assert len(got.warnings) == 2
    assert all("unsafe name" in w.message for w in got.warnings)
    assert got.warnings[0].source.endswith("evil.zip!../../escape.jsonl")


def test_zip_bomb_is_refused_without_inflating(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    archive = make_zip(
        tmp_path / "bomb.zip",
        {"data/tweets.js": b"window.YTD.tweets.part0 = [" + b" " * (20 * 1024 * 1024) + b"]"},
    )
    opened: list[str] = []
    real_open = zipfile.ZipFile.open

    def spy(self: zipfile.ZipFile, name: str | zipfile.ZipInfo, *args: object, **kw: object):  # type: ignore[no-untyped-def]
        opened.append(name if isinstance(name, str) else name.filename)
        return real_open(self, name, *args, **kw)  # type: ignore[arg-type]

    monkeypatch.setattr(zipfile.ZipFile, "open", spy)
    got = collect(iter_posts([archive, SAMPLES / "posts.jsonl"]))
    assert "data/tweets.js" not in opened
    assert len(got.errors) == 1
    error = got.errors[0]
    assert error.source.endswith("bomb.zip!data/tweets.js")
    assert "compression ratio" in error.reason and "zip bomb" in error.reason
    assert len(got.posts) == 7  # the next input is still read


def test_total_uncompressed_limit(tmp_path: Path) -> None:
    lines = b"".join(json.dumps({"text": f"post {i}"}).encode() + b"\n" for i in range(50))
    archive = make_zip(tmp_path / "many.zip", {"a.jsonl": lines, "b.jsonl": lines})
    limits = Limits(max_total_uncompressed=len(lines) + 10)
    got = collect(iter_posts([archive], limits=limits))
    assert len(got.posts) == 50
    assert got.errors[0].source.endswith("many.zip!b.jsonl")
    assert "limit" in got.errors[0].reason


def test_corrupt_zip_is_an_error_and_the_batch_continues() -> None:
    got = collect(iter_posts([FIXTURES / "corrupt.zip", SAMPLES / "posts.jsonl"]))
    assert len(got.errors) == 1
    assert got.errors[0].source.endswith("corrupt.zip")
    assert got.errors[0].reason.startswith("corrupt zip archive")
    assert len(got.posts) == 7


def test_corrupt_member_data(tmp_path: Path) -> None:
    archive = make_zip(tmp_path / "x.zip", {"a.jsonl": b'{"text": "hello"}\n' * 200})
    raw = bytearray(archive.read_bytes())
    start = raw.index(b"a.jsonl") + len(b"a.jsonl")
    for i in range(start + 5, start + 25):
        raw[i] ^= 0xFF  # scramble the deflate stream, keep the directory intact
    archive.write_bytes(bytes(raw))
    got = collect(iter_posts([archive, SAMPLES / "posts.jsonl"]))
    (error,) = got.errors
    assert error.source.endswith("x.zip!a.jsonl")
    assert error.reason.startswith("corrupt data")
    assert len(got.posts) == 7


def test_truncated_json_names_file_and_line() -> None:
    got = collect(iter_posts([FIXTURES / "truncated-facebook"]))
    assert not got.posts
    (error,) = got.errors
    assert error.source.endswith("your_posts_1.json")
    assert error.reason == "truncated JSON: unexpected end of data"
    assert error.location == "line 6"


def test_unexpected_shape() -> None:
    got = collect(iter_posts([FIXTURES / "unexpected-shape"]))
    (error,) = got.errors
    assert error.source.endswith("tweets.js")
    assert error.reason == "unexpected shape: expected an array of tweets, found an object"


def test_wrong_encoding_in_jsonl_is_one_bad_line() -> None:
    got = collect(iter_posts([FIXTURES / "wrong-encoding.jsonl"]))
    assert [p.id for p in got.posts] == ["a", "c"]
    (error,) = got.errors
    assert error.location == "line 2"
    assert error.reason.startswith("wrong encoding: not valid UTF-8 (byte 0xe9")


def test_binary_file_is_reported() -> None:
    got = collect(iter_posts([FIXTURES / "binary.txt"]))
    assert not got.posts
    assert got.errors[0].reason.startswith("wrong encoding")


def test_wrong_encoding_in_platform_json(tmp_path: Path) -> None:
    path = tmp_path / "user_data.json"
    path.write_bytes('{"Post": {"Posts": {"VideoList": [{"Title": "café"}]}}}'.encode("latin-1"))
    (error,) = collect(iter_posts([path])).errors
    assert error.reason == "wrong encoding: not valid UTF-8 (byte 0xe9 at offset 48)"


def test_oversized_record_is_skipped_unread(tmp_path: Path) -> None:
    path = tmp_path / "big.jsonl"
    with path.open("w") as f:
        f.write('{"text": "small"}\n')
        f.write(json.dumps({"text": "x" * 5000}) + "\n")
        f.write('{"text": "after"}\n')
    got = collect(iter_posts([path], limits=Limits(max_record_bytes=1000)))
    assert got.texts() == ["small", "after"]
    assert got.errors == [
        ReadError(
            source=str(path),
            location="line 2",
            reason="record too large: over 1000 bytes, not read",
        )
    ]


def _write_big_jsonl(path: Path, lines: int) -> None:
    with path.open("w") as f:
        for i in range(lines):
            f.write(f'{{"id": "p{i}", "text": "Open evening post number {i} at BSFC"}}\n')


def test_large_jsonl_is_read_lazily(tmp_path: Path) -> None:
    path = tmp_path / "year.jsonl"
    _write_big_jsonl(path, 200_000)
    size = path.stat().st_size
    started = time.perf_counter()
    items = iter_posts([path])
    first = next(items)
    assert time.perf_counter() - started < 1.0
    assert getattr(first, "id", None) == "p0"
    # The open file has only been read a buffer's worth, not to the end.
    positions = []
    for fd in os.listdir("/proc/self/fd") if Path("/proc/self/fd").exists() else []:
        try:
            if os.readlink(f"/proc/self/fd/{fd}") == str(path):
                info = Path(f"/proc/self/fdinfo/{fd}").read_text()
                positions.append(int(info.split("pos:")[1].split()[0]))
        except OSError:
            continue
    if positions:
        assert max(positions) < size // 10
    items.close()  # type: ignore[attr-defined]


def test_memory_stays_flat_over_a_large_jsonl(tmp_path: Path) -> None:
    path = tmp_path / "year.jsonl"
    _write_big_jsonl(path, 50_000)
    size = path.stat().st_size
    tracemalloc.start()
    try:
        count = sum(1 for _ in iter_posts([path]))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert count == 50_000
    assert peak < size // 5, (peak, size)  # a few records at a time, never the file
