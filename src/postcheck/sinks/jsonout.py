"""JSON output: one document `{"ruleset", "reports": [...], "summary"}`.

Reports are the same objects as the JSONL lines, streamed into a temporary file as they come
(the summary goes last because it is only known at the end); the file is renamed into place
when the scan completes, so a reader never sees a truncated document.
"""

from __future__ import annotations

import json
from pathlib import Path

from postcheck.models import RulesetInfo
from postcheck.scan.events import Checked, Event, event_json
from postcheck.scan.summary import Summary
from postcheck.sinks.atomic import AtomicOutput


class JsonSink:
    def __init__(
        self,
        target: Path | None,
        ruleset: RulesetInfo,
        *,
        only_flagged: bool = False,
        with_suppressed: bool = False,
    ) -> None:
        self.only_flagged = only_flagged
        self.with_suppressed = with_suppressed
        self._file = AtomicOutput(target)
        self._first = True
        head = json.dumps(ruleset.model_dump(mode="json"), ensure_ascii=False)
        self._file.stream.write(f'{{"ruleset": {head}, "reports": [')

    def write(self, event: Event) -> None:
        if self.only_flagged and isinstance(event, Checked) and not event.flagged:
            return
        body = json.dumps(
            event_json(event, with_suppressed=self.with_suppressed), ensure_ascii=False
        )
        self._file.stream.write(("\n" if self._first else ",\n") + body)
        self._first = False

    def finish(self, summary: Summary) -> None:
        tail = json.dumps(summary.to_dict(), ensure_ascii=False, indent=2)
        self._file.stream.write(f'\n], "summary": {tail}}}\n')
        self._file.commit()

    def abort(self) -> None:
        self._file.discard()
