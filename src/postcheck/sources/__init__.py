"""Importers: turn social-media exports and generic files into a stream of `Post`s.

`iter_posts` reads X, Facebook, Instagram/Threads, LinkedIn, YouTube and TikTok exports (zip
or folder), JSONL, CSV and plain text, lazily and in a deterministic order. Anything that cannot
be read is yielded as a `ReadError` (with file and location) and reading continues.
"""

from __future__ import annotations

from postcheck.sources.detect import FORMATS, detect_format
from postcheck.sources.errors import ReadError, SourceFormatError, SourceWarning
from postcheck.sources.generic import TEXT_COLUMNS
from postcheck.sources.limits import Limits
from postcheck.sources.reader import iter_posts

__all__ = [
    "FORMATS",
    "TEXT_COLUMNS",
    "Limits",
    "ReadError",
    "SourceFormatError",
    "SourceWarning",
    "detect_format",
    "iter_posts",
]
