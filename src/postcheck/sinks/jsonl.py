"""Streaming JSONL output: one line per record, flushed as soon as it is written.

Each line is written with a single `write` call and flushed, so an interrupted scan leaves
only whole lines (at worst a partial last line, which `--resume` drops). Clean posts are
included unless `only_flagged`; unreadable records are always included.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import IO

from postcheck.scan.events import Checked, Event, event_json
from postcheck.scan.summary import Summary


class JsonlSink:
    def __init__(
        self,
        target: Path | None,
        *,
        only_flagged: bool = False,
        with_suppressed: bool = False,
        append: bool = False,
    ) -> None:
        self.target = target
        self.only_flagged = only_flagged
        self.with_suppressed = with_suppressed
        self._owns = target is not None
        self._out: IO[str] = (
            target.open("a" if append else "w", encoding="utf-8", newline="\n")
            if target is not None
            else sys.stdout
        )

    def write(self, event: Event) -> None:
        if self.only_flagged and isinstance(event, Checked) and not event.flagged:
            return
        line = json.dumps(
            event_json(event, with_suppressed=self.with_suppressed), ensure_ascii=False
        )
        self._out.write(line + "\n")
        self._out.flush()

    def finish(self, summary: Summary) -> None:
        self._close()

    def abort(self) -> None:
        # Everything written so far is complete and useful: `--resume` continues from it.
        self._close()

    def _close(self) -> None:
        if self._owns:
            self._out.close()
        else:
            self._out.flush()
