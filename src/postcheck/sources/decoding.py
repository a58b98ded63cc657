"""Bytes to text: encodings, bounded line reading, and plain-English reasons when it fails."""

from __future__ import annotations

import codecs
import zipfile
import zlib
from collections.abc import Iterator
from typing import IO

from postcheck.sources.errors import Problem

_UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
_UTF32_BOMS = (codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)


def _bad_byte(exc: UnicodeDecodeError) -> str:
    return f"byte 0x{exc.object[exc.start]:02x} at offset {exc.start}"


def decode_document(data: bytes, *, legacy_fallback: bool) -> tuple[str, str | None]:
    """Decode a whole file; returns the text and a warning message when a fallback was used.

    UTF-8 (with or without BOM) is expected. UTF-16/32 with a BOM is accepted. Otherwise, when
    `legacy_fallback` is set (hand-made CSV and text files, often saved by Excel), Windows-1252
    is tried and a warning is returned; JSON exports are always UTF-8, so for them a decoding
    failure is a `Problem`.
    """
    if data.startswith(_UTF32_BOMS):
        return _decode_bom(data, "utf-32"), None
    if data.startswith(_UTF16_BOMS):
        return _decode_bom(data, "utf-16"), None
    try:
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError as exc:
        where = _bad_byte(exc)
        if b"\x00" in data[:4096]:
            raise Problem(
                f"wrong encoding: not UTF-8 text ({where}; contains NUL bytes, binary or UTF-16?)"
            ) from exc
        if not legacy_fallback:
            raise Problem(f"wrong encoding: not valid UTF-8 ({where})") from exc
        try:
            text = data.decode("cp1252")
        except UnicodeDecodeError:
            raise Problem(f"wrong encoding: neither UTF-8 nor Windows-1252 ({where})") from exc
        return text, f"not valid UTF-8 ({where}); read as Windows-1252"


def _decode_bom(data: bytes, codec: str) -> str:
    try:
        return data.decode(codec)
    except UnicodeDecodeError as exc:
        raise Problem(f"wrong encoding: invalid {codec.upper()} ({_bad_byte(exc)})") from exc


def bounded_lines(stream: IO[bytes], limit: int) -> Iterator[tuple[int, bytes | None]]:
    """Yield `(line_number, raw_line)` from a binary stream, one line in memory at a time.

    A line longer than `limit` bytes is never held whole: it is read past in chunks and yielded
    as `None`, so the caller can report it as oversized and carry on with the next line. A
    stream that fails mid-way (corrupt zip data) raises `Problem` located at the failing line.
    """
    number = 0
    while True:
        try:
            line = stream.readline(limit + 1)
            if len(line) > limit and not line.endswith(b"\n"):
                while True:
                    rest = stream.readline(64 * 1024)
                    if not rest or rest.endswith(b"\n"):
                        break
                line_or_none: bytes | None = None
            else:
                line_or_none = line
        except (zipfile.BadZipFile, zlib.error, EOFError, OSError) as exc:
            # A damaged stream cannot be resynchronised: the rest of this file is lost.
            reason = f"corrupt data, rest of file not read: {exc}"
            raise Problem(reason, f"line {number + 1}") from exc
        if not line:
            return
        number += 1
        yield number, line_or_none


class LineDecoder:
    """Decodes the lines of one file, switching to Windows-1252 at the first non-UTF-8 line.

    `warning` is set (once) when the switch happens, so the caller can report it.
    """

    def __init__(self, *, legacy_fallback: bool) -> None:
        self.legacy_fallback = legacy_fallback
        self.legacy = False
        self.warning: str | None = None
        self._first = True

    def decode(self, raw: bytes) -> str:
        if self._first:
            self._first = False
            if raw.startswith(_UTF16_BOMS + _UTF32_BOMS):
                raise Problem("wrong encoding: UTF-16/32 text; save the file as UTF-8")
            if raw.startswith(codecs.BOM_UTF8):
                raw = raw[len(codecs.BOM_UTF8) :]
        if not self.legacy:
            try:
                return raw.decode("utf-8")
            except UnicodeDecodeError as exc:
                col = f"byte 0x{raw[exc.start]:02x} at column {exc.start + 1}"
                if not self.legacy_fallback or b"\x00" in raw:
                    raise Problem(f"wrong encoding: not valid UTF-8 ({col})") from exc
                try:
                    text = raw.decode("cp1252")
                except UnicodeDecodeError:
                    raise Problem(
                        f"wrong encoding: neither UTF-8 nor Windows-1252 ({col})"
                    ) from exc
                self.legacy = True
                self.warning = f"not valid UTF-8 ({col}); read as Windows-1252 from here on"
                return text
        try:
            return raw.decode("cp1252")
        except UnicodeDecodeError as exc:
            raise Problem("wrong encoding: not valid Windows-1252 text") from exc
