"""What a scan produces per input record, and its JSON form (one JSONL line).

A JSONL line for a post is the machine-contract report (`id`, `verdict`, `severity`, `routing`,
`findings`, `ruleset`) plus keys that locate the post: `seq` (its place in the input stream),
`origin` (source file, record or line, kind), `platform`, `account`, `direction`, `created_at`,
`url`, and `suppressed` (findings dropped by `--baseline`) when a baseline is in use. Each
finding also carries its `fingerprint`. An unreadable record is one line
`{"id": null, "seq": N, "error": {"source", "location", "reason"}}`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from postcheck.models import Post, Report
from postcheck.sources import ReadError
from postcheck.taxonomy import Verdict


@dataclass(frozen=True)
class Checked:
    """A post and its report (after the baseline filter), with one fingerprint per finding."""

    seq: int
    post: Post
    report: Report
    fingerprints: tuple[str, ...]
    suppressed: int = 0

    @property
    def flagged(self) -> bool:
        return self.report.verdict is not Verdict.PASS


@dataclass(frozen=True)
class Unreadable:
    """A record (or whole file) that could not be read, in its place in the input order."""

    seq: int
    error: ReadError


Event = Checked | Unreadable


def origin_dict(post: Post) -> dict[str, Any] | None:
    return post.origin.model_dump(mode="json") if post.origin is not None else None


def event_json(event: Event, *, with_suppressed: bool = False) -> dict[str, Any]:
    """The JSON object written for one record (see the module docstring for the shape)."""
    if isinstance(event, Unreadable):
        err = event.error
        return {
            "id": None,
            "seq": event.seq,
            "error": {"source": err.source, "location": err.location, "reason": err.reason},
        }
    data = event.report.model_dump(mode="json")
    for finding, fingerprint in zip(data["findings"], event.fingerprints, strict=True):
        finding["fingerprint"] = fingerprint
    ctx = event.post.context
    data.update(
        seq=event.seq,
        origin=origin_dict(event.post),
        platform=ctx.platform,
        account=ctx.account.value,
        direction=ctx.direction.value,
        created_at=ctx.created_at,
        url=ctx.url,
    )
    if with_suppressed:
        data["suppressed"] = event.suppressed
    return data


REPORT_KEYS = ("id", "verdict", "severity", "routing", "findings", "ruleset")


def report_from_json(data: dict[str, Any]) -> tuple[Report, tuple[str, ...]]:
    """Rebuild a `Report` (and its fingerprints) from a line written by `event_json`."""
    body = {k: data[k] for k in REPORT_KEYS if k in data}
    fingerprints = tuple(str(f.get("fingerprint", "")) for f in body.get("findings", ()))
    body["findings"] = [
        {k: v for k, v in f.items() if k != "fingerprint"} for f in body.get("findings", ())
    ]
    return Report.model_validate(body), fingerprints
