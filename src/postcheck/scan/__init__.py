"""Batch scanning of exported account content (`postcheck scan`).

The scan is one streaming pass: `sources.iter_posts` reads records, `pipeline` checks the posts
(in input order, optionally over several processes), `baseline` drops findings already reported
by an earlier scan, and every result goes to a `Summary` (counters only, so memory stays flat)
and to the chosen sinks (JSONL streamed; CSV, JSON and HTML written atomically at the end).

Record numbering: every post and every unreadable record gets a sequence number `seq` (0, 1,
2, ...) in input order. JSONL lines carry it, which is what lets `--resume` skip exactly the
records already written and verify them, even with `--only-flagged`.
"""

from __future__ import annotations

from postcheck.scan.events import Checked, Unreadable
from postcheck.scan.runner import ScanConfig, run_scan
from postcheck.scan.summary import Summary

__all__ = ["Checked", "ScanConfig", "Summary", "Unreadable", "run_scan"]
