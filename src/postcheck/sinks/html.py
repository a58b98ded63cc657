"""The HTML scan report: one self-contained file for IT Services and the SMT.

Inline CSS and SVG only (no scripts, fonts or images to fetch), a print stylesheet, Jinja2
with autoescaping so post text can never become markup. Personal data: wherever a finding's
excerpt is masked (it is, unless `--show-pii`), the same span is masked in the copy of the post
shown, and the evidence is highlighted in that masked copy; offsets stay valid because masking
keeps the length.

Memory stays bounded: the report details at most `limit` flagged posts (the most severe, then
the earliest) held in a heap, and lists at most `error_limit` unreadable records; the counts and
charts come from the scan summary and cover everything.
"""

from __future__ import annotations

import heapq
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from importlib import resources
from itertools import pairwise
from pathlib import Path
from typing import Any

from jinja2 import Environment, StrictUndefined

from postcheck import __version__
from postcheck.masking import mask
from postcheck.models import Post, Report
from postcheck.scan.events import Checked, Event, Unreadable
from postcheck.scan.summary import Summary
from postcheck.sinks.atomic import AtomicOutput
from postcheck.sinks.charts import SEVERITY_COLOURS, category_bars, severity_bars, timeline
from postcheck.sinks.csvout import post_location
from postcheck.taxonomy import Recipient, Severity

LONG_POST = 3000  # longer posts are shown as windows around their evidence
WINDOW = 200


@dataclass(frozen=True)
class Segment:
    text: str
    severity: str | None  # the worst finding covering it; None: not evidence


@dataclass(frozen=True)
class FindingView:
    rule: str
    category: str
    severity: str
    excerpt: str
    message: str
    suggestion: str
    clause: str
    quote: str
    recipients: list[str]


@dataclass(frozen=True)
class PostView:
    seq: int
    anchor: str
    id: str | None
    source: str
    location: str
    kind: str | None
    platform: str | None
    account: str
    direction: str
    created_at: str | None
    url: str | None
    verdict: str
    severity: str
    rank: int
    segments: list[Segment]
    findings: list[FindingView]
    routing: list[tuple[str, str, str]]  # recipient id, label, reason
    headline: str
    categories: list[str]
    evidence: str


@dataclass(order=True)
class _Kept:
    key: tuple[int, int]
    view: PostView = field(compare=False)


def display_text(post: Post, report: Report) -> str:
    """The post with every masked finding's evidence masked the same way (same length)."""
    chars = post.text
    for f in report.findings:
        evidence = post.text[f.start : f.end]
        if f.excerpt != evidence:
            chars = chars[: f.start] + mask(evidence) + chars[f.end :]
    return chars


def segments(text: str, report: Report) -> list[Segment]:
    """Split `text` at finding boundaries; long posts keep only windows around the evidence."""
    spans = [(f.start, f.end, f.severity) for f in report.findings if f.end > f.start]
    if len(text) <= LONG_POST:
        windows = [(0, len(text))]
    else:
        windows = []
        for start, end, _ in sorted(spans):
            lo, hi = max(0, start - WINDOW), min(len(text), end + WINDOW)
            if windows and lo <= windows[-1][1]:
                windows[-1] = (windows[-1][0], max(hi, windows[-1][1]))
            else:
                windows.append((lo, hi))
        windows = windows or [(0, LONG_POST)]
    out: list[Segment] = []
    for w_start, w_end in windows:
        if w_start > 0:
            out.append(Segment("… ", None))
        cuts = sorted(
            {w_start, w_end, *(p for s, e, _ in spans for p in (s, e) if w_start < p < w_end)}
        )
        for lo, hi in pairwise(cuts):
            covering = [sev for s, e, sev in spans if s <= lo and hi <= e]
            worst = max(covering, key=lambda sev: sev.rank, default=None)
            out.append(Segment(text[lo:hi], worst.value if worst else None))
        if w_end < len(text):
            out.append(Segment(" …", None))
    return out


def _clip(text: str, size: int = 90) -> str:
    return text if len(text) <= size else text[: size - 1] + "…"


def safe_url(url: str | None) -> str | None:
    """Only web links become clickable: an export could carry a `javascript:` URL."""
    if url and url.lower().startswith(("https://", "http://")):
        return url
    return None


def post_view(event: Checked) -> PostView:
    post, report = event.post, event.report
    origin = post.origin
    worst = report.worst or Severity.INFO
    findings = [
        FindingView(
            rule=f.rule,
            category=f.category.value,
            severity=f.severity.value,
            excerpt=f.excerpt,
            message=f.message,
            suggestion=f.suggestion,
            clause=f.policy.clause,
            quote=f.policy.quote,
            recipients=[e.recipient.label for e in f.routing],
        )
        for f in sorted(report.findings, key=lambda f: (-f.severity.rank, f.start))
    ]
    return PostView(
        seq=event.seq,
        anchor=f"post-{event.seq}",
        id=post.id,
        source=origin.source if origin else "",
        location=post_location(origin.record, origin.line) if origin else "",
        kind=origin.kind if origin else None,
        platform=post.context.platform,
        account=post.context.account.value,
        direction=post.context.direction.value,
        created_at=post.context.created_at,
        url=safe_url(post.context.url),
        verdict=report.verdict.value,
        severity=worst.value,
        rank=worst.rank,
        segments=segments(display_text(post, report), report),
        findings=findings,
        routing=[(e.recipient.value, e.recipient.label, e.reason) for e in report.routing],
        headline=findings[0].message if findings else "",
        categories=list(dict.fromkeys(f.category.replace("_", " ") for f in findings)),
        evidence=_clip(findings[0].excerpt) if findings else "",
    )


def _day(value: date) -> str:
    return f"{value.day} {value:%b %Y}"


def _environment() -> Environment:
    return Environment(
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


def load_template() -> str:
    return (resources.files("postcheck.sinks") / "templates" / "report.html.j2").read_text(
        encoding="utf-8"
    )


class HtmlSink:
    def __init__(
        self,
        target: Path | None,
        *,
        show_pii: bool = False,
        limit: int = 1000,
        error_limit: int = 200,
    ) -> None:
        self.target = target
        self.show_pii = show_pii
        self.limit = limit
        self.error_limit = error_limit
        self._kept: list[_Kept] = []
        self._errors: list[Unreadable] = []
        self._template = _environment().from_string(load_template())

    def write(self, event: Event) -> None:
        if isinstance(event, Unreadable):
            if len(self._errors) < self.error_limit:
                self._errors.append(event)
            return
        if not event.flagged:
            return
        rank = event.report.worst.rank if event.report.worst else 0
        key = (rank, -event.seq)  # heap minimum = least severe, latest: the first to drop
        if len(self._kept) < self.limit:
            heapq.heappush(self._kept, _Kept(key, post_view(event)))
        elif key > self._kept[0].key:
            heapq.heapreplace(self._kept, _Kept(key, post_view(event)))

    def context(self, summary: Summary) -> dict[str, Any]:
        posts = [k.view for k in sorted(self._kept, key=lambda k: (-k.key[0], -k.key[1]))]
        sections = []
        for recipient in Recipient:
            items = [p for p in posts if any(r[0] == recipient.value for r in p.routing)]
            reasons = dict.fromkeys(
                reason for p in items for rid, _, reason in p.routing if rid == recipient.value
            )
            total = summary.by_recipient.get(recipient.value, 0)
            if total:
                sections.append(
                    {
                        "id": recipient.value,
                        "label": recipient.label,
                        "total": total,
                        "items": items,
                        "reasons": list(reasons),
                    }
                )
        return {
            "summary": summary,
            "data": summary.to_dict(),
            "generated": datetime.now(UTC).strftime("%d %B %Y, %H:%M UTC"),
            "version": __version__,
            "posts": posts,
            "shown": len(posts),
            "sections": sections,
            "errors": self._errors,
            "category_bars": category_bars(summary),
            "severity_bars": severity_bars(summary),
            "timeline": timeline(summary),
            "colours": SEVERITY_COLOURS,
            "show_pii": self.show_pii,
            "inputs": [Path(p).name or p for p in summary.inputs],
            "date_range": (
                f"{_day(summary.first_date)} – {_day(summary.last_date)}"
                if summary.first_date and summary.last_date
                else None
            ),
        }

    def finish(self, summary: Summary) -> None:
        out = AtomicOutput(self.target)
        try:
            for chunk in self._template.generate(**self.context(summary)):
                out.stream.write(chunk)
        except BaseException:
            out.discard()
            raise
        out.commit()

    def abort(self) -> None:
        self._kept.clear()  # nothing is on disk until `finish`
