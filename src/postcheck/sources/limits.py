"""Resource limits that keep a scan safe against oversized records and zip bombs."""

from __future__ import annotations

from dataclasses import dataclass

MIB = 1024 * 1024
GIB = 1024 * MIB


@dataclass(frozen=True)
class Limits:
    """Ceilings checked before anything is read into memory.

    `max_record_bytes` bounds one record (a JSONL line, a CSV row, a text paragraph);
    `max_total_uncompressed` bounds everything read out of one zip archive; `max_ratio` is the
    highest uncompressed/compressed ratio accepted for a zip member (a zip bomb has thousands);
    `max_json_file_bytes` bounds one platform JSON file, which is parsed whole.
    """

    max_record_bytes: int = MIB
    max_total_uncompressed: int = 2 * GIB
    max_ratio: float = 100.0
    max_json_file_bytes: int = 512 * MIB
